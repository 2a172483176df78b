/**
 * The sweep setup form: a bundled scenario, one or two of the adjustable quantities of the specs (their unit, accepted
 * limits, plausible range and source shown), a grid (from, to, step, in the parameter's unit) or a Latin hypercube
 * (from, to; samples and seed) over them, and the run length. A quantity that accepts a per-kg form is entered per kg
 * of the scenario's patient (its weight shown; perKg.ts), as the command line's per-kg sweeps are. Reads the form into
 * the sweep's axes, or says what is wrong in the page's words.
 */
import { forEachLeaf, type QuantitySpec, type SpecTree } from '../../sim/parameters';
import { scenarioSpecs } from '../../sim/scenario/scenarioSpecs';
import type { Design } from '../../sim/sweep/runList';
import type { VaryAxis } from '../../sim/sweep/varySpec';
import { BUNDLED_SCENARIOS, type BundledScenario } from '../scenarios';
import { formBounds, formUnit, patientWeight, perKgNote } from './perKg';

/** A grid larger than this is a slip of the step, not a plan for a page. */
export const MAX_PAGE_RUNS = 2000;
export const NO_SECOND = '(none)';

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The adjustable quantities an operator can sweep, by dotted path. */
export const SWEEPABLE: ReadonlyMap<string, QuantitySpec> = (() => {
  const found = new Map<string, QuantitySpec>();
  forEachLeaf(scenarioSpecs as SpecTree, (path, spec) => {
    if (spec.kind === 'quantity' && spec.adjustable) found.set(path, spec);
  });
  return found;
})();

const unitText = (unit: string) => (unit === '1' ? 'fraction' : unit);
const limitText = (v: number) => String(Number(v.toPrecision(4)));

function selectedScenario(): BundledScenario {
  return BUNDLED_SCENARIOS.find((s) => s.id === el<HTMLSelectElement>('sweep-scenario').value) ?? BUNDLED_SCENARIOS[0];
}

function describe(spec: QuantitySpec, weight: number): string {
  const b = formBounds(spec, weight);
  const range = b.range ? `; plausible ${b.range[0]}–${b.range[1]}` : '';
  const limits = `${limitText(b.limits[0])}–${limitText(b.limits[1])}`;
  const note = perKgNote(spec, weight, b.default ?? b.range?.[0] ?? 1);
  return `${unitText(b.unit)}; accepted ${limits}${range}; default ${b.default ?? 'none'}${note}; source ${spec.source}: ${spec.ref}`;
}

function showSpec(n: 1 | 2): void {
  const spec = SWEEPABLE.get(el<HTMLSelectElement>(`sweep-p${n}`).value);
  const weight = patientWeight(selectedScenario());
  el(`sweep-p${n}-info`).textContent = spec ? describe(spec, weight) : '';
  for (const part of ['from', 'to', 'step']) el<HTMLInputElement>(`sweep-p${n}-${part}`).disabled = !spec;
  if (!spec) return;
  const b = formBounds(spec, weight);
  const [lo, hi] = b.range ?? [b.default ?? b.limits[0], b.default ?? b.limits[1]];
  el<HTMLInputElement>(`sweep-p${n}-from`).value = String(lo);
  el<HTMLInputElement>(`sweep-p${n}-to`).value = String(hi);
  el<HTMLInputElement>(`sweep-p${n}-step`).value = String(hi > lo ? Number(((hi - lo) / 4).toPrecision(3)) : 1);
}

/** The chosen scenario's patient weight, which per-kg values are multiplied by. */
function showWeight(): void {
  el('sweep-weight').textContent = `patient ${patientWeight(selectedScenario())} kg`;
}

export function fillSweepForm(): void {
  el<HTMLSelectElement>('sweep-scenario').replaceChildren(...BUNDLED_SCENARIOS.map((s) => new Option(s.label, s.id)));
  const options = () => [...SWEEPABLE].map(([p, spec]) => new Option(`${p} (${unitText(formUnit(spec))})`, p));
  el<HTMLSelectElement>('sweep-p1').replaceChildren(...options());
  el<HTMLSelectElement>('sweep-p2').replaceChildren(new Option(NO_SECOND, NO_SECOND), ...options());
  if (SWEEPABLE.has('prescription.effluentDose')) el<HTMLSelectElement>('sweep-p1').value = 'prescription.effluentDose';
  for (const n of [1, 2] as const) {
    el(`sweep-p${n}`).addEventListener('change', () => showSpec(n));
    showSpec(n);
  }
  el('sweep-scenario').addEventListener('change', () => {
    showWeight();
    for (const n of [1, 2] as const) showSpec(n);
  });
  showWeight();
  el('sweep-design').addEventListener('change', showDesign);
  showDesign();
}

function number(label: string, id: string): number {
  const text = el<HTMLInputElement>(id).value.trim();
  const x = Number(text);
  if (text === '' || !Number.isFinite(x)) throw new Error(`${label}: "${text}" is not a number`);
  return x;
}

function wholeNumber(label: string, id: string, lo: number, hi: number): number {
  const x = number(label, id);
  if (!Number.isInteger(x) || x < lo || x > hi) throw new Error(`${label}: ${x}; expected a whole number from ${lo} to ${hi}`);
  return x;
}

function axis(n: 1 | 2, sampled: boolean, weight: number): VaryAxis | undefined {
  const path = el<HTMLSelectElement>(`sweep-p${n}`).value;
  const spec = SWEEPABLE.get(path);
  if (!spec) return undefined;
  const b = formBounds(spec, weight);
  const what = `${n === 1 ? 'First' : 'Second'} parameter (${path}, ${unitText(b.unit)})`;
  const from = number(`${what}, from`, `sweep-p${n}-from`);
  const to = number(`${what}, to`, `sweep-p${n}-to`);
  const step = sampled ? undefined : number(`${what}, step`, `sweep-p${n}-step`);
  if (from > to) throw new Error(`${what}: "from" ${from} is greater than "to" ${to}; expected from ≤ to`);
  if (step !== undefined && !(step > 0)) throw new Error(`${what}: the step ${step} must be greater than 0`);
  const [lo, hi] = b.limits;
  if (from < lo || to > hi) {
    const per = spec.perKg ? ` for the patient's ${weight} kg (${limitText(spec.limits[0])} to ${limitText(spec.limits[1])} ${spec.unit})` : '';
    throw new Error(`${what}: ${from} to ${to} goes outside the values the simulator accepts, ${limitText(lo)} to ${limitText(hi)}${per}`);
  }
  return { path, unit: b.unit, from, to, step };
}

export interface SweepSettings {
  scenario: BundledScenario;
  axes: VaryAxis[];
  design: Design;
  hours: number;
}

/** Grid (every combination of the steps) or a Latin hypercube of the ranges (its samples and seed). */
function design(): Design {
  if (el<HTMLSelectElement>('sweep-design').value !== 'lhs') return { kind: 'grid' };
  return {
    kind: 'lhs',
    samples: wholeNumber('Samples', 'sweep-samples', 1, MAX_PAGE_RUNS),
    seed: wholeNumber('Seed', 'sweep-seed', 0, 2 ** 32 - 1),
  };
}

/** Shows the step fields for a grid, the samples and seed for a Latin hypercube. */
function showDesign(): void {
  const lhs = el<HTMLSelectElement>('sweep-design').value === 'lhs';
  for (const n of [1, 2]) el(`sweep-p${n}-step`).parentElement!.hidden = lhs;
  for (const id of ['sweep-samples', 'sweep-seed']) el(id).parentElement!.hidden = !lhs;
}

/** The form's settings, or an Error whose message names the field, the value and what was expected. */
export function readSweepForm(): SweepSettings {
  const scenario = selectedScenario();
  const weight = patientWeight(scenario);
  const d = design();
  const axes = [axis(1, d.kind === 'lhs', weight), axis(2, d.kind === 'lhs', weight)].filter((a): a is VaryAxis => a !== undefined);
  if (axes.length === 2 && axes[0].path === axes[1].path) throw new Error(`Both parameters are ${axes[0].path}: pick two different ones, or "${NO_SECOND}"`);
  const hours = number('Run length (h)', 'sweep-hours');
  if (!(hours > 0)) throw new Error(`Run length: ${hours} h; expected more than 0 h`);
  if (d.kind === 'grid') {
    const points = axes.map((a) => Math.floor((a.to - a.from) / a.step! + 1e-9) + 1);
    const total = points.reduce((p, n) => p * n, 1);
    if (total > MAX_PAGE_RUNS) throw new Error(`The grid has ${total} runs (${points.join(' × ')}); the page runs at most ${MAX_PAGE_RUNS}: use larger steps`);
  }
  return { scenario, axes, design: d, hours };
}
