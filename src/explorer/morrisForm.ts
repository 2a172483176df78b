/**
 * The Morris screening's form: a bundled scenario, the outcome to rank by, the uncertain parameters (those with a
 * plausible range, sim/sensitivity/uncertainParameters.ts; each shown with its unit, range and source), r
 * trajectories, p levels, the seed and the run length. Reads the form into a plan (morrisPlan.ts), or says what is
 * wrong in the page's words.
 */
import { leafAt, type QuantitySpec, type SpecTree } from '../../sim/parameters';
import { parseJsonText } from '../../sim/scenario/jsonText';
import { scenarioSpecs } from '../../sim/scenario/scenarioSpecs';
import { NAMED_OUTCOMES, parseOutcomes } from '../../sim/sensitivity/outcomes';
import { defaultUncertainParameters, type UncertainParameter } from '../../sim/sensitivity/uncertainParameters';
import { METRIC_COLUMNS } from '../../sim/sweep/runMetrics';
import { BUNDLED_SCENARIOS } from '../scenarios';
import { calibratedPageText, type PageMorrisPlan } from './morrisPlan';

/** A design of more runs than this belongs on the command line (or a cluster). */
export const MAX_PAGE_MORRIS_RUNS = 5000;
/** Picked at first: the two parameters the command line's help names. */
const FIRST_PICKED = ['filter.sieving.il6.fouled', 'kinetics.il6.endogenousClearance'];

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const unitText = (unit: string) => (unit === '1' ? 'fraction' : unit);

/** The outcomes a Morris analysis ranks by: the two named ones and every results column but the membrane's life. */
export const MORRIS_OUTCOMES = [...NAMED_OUTCOMES, ...METRIC_COLUMNS.filter((c) => c !== 'membrane_life_h' && c !== 'membrane_life_censored')];

function scenarioChoice() {
  const scenario = BUNDLED_SCENARIOS.find((s) => s.id === el<HTMLSelectElement>('morris-scenario').value)!;
  const source = `scenarios/${scenario.file}`;
  const text = calibratedPageText(scenario.text, source);
  return { source, text, raw: parseJsonText(text, source) as Record<string, unknown> };
}

function describe(p: UncertainParameter): string {
  const spec = leafAt(scenarioSpecs as SpecTree, p.path) as QuantitySpec;
  return `${p.path}: ${unitText(p.unit)}; range ${p.lo}–${p.hi}; source ${spec.source}: ${spec.ref}`;
}

function showPicked(): void {
  const picked = Array.from(el<HTMLSelectElement>('morris-parameters').selectedOptions);
  const all = defaultUncertainParameters(scenarioChoice().raw);
  el('morris-info').replaceChildren(
    ...picked.map((o) => {
      const li = document.createElement('li');
      li.textContent = describe(all.find((p) => p.path === o.value)!);
      return li;
    }),
  );
}

function fillParameters(): void {
  const params = defaultUncertainParameters(scenarioChoice().raw);
  const select = el<HTMLSelectElement>('morris-parameters');
  select.replaceChildren(
    ...params.map((p) => {
      const o = new Option(`${p.path} (${unitText(p.unit)}; ${p.lo}–${p.hi})`, p.path, false, FIRST_PICKED.includes(p.path));
      o.title = describe(p);
      return o;
    }),
  );
  showPicked();
}

export function fillMorrisForm(): void {
  el<HTMLSelectElement>('morris-scenario').replaceChildren(...BUNDLED_SCENARIOS.map((s) => new Option(s.label, s.id)));
  el<HTMLSelectElement>('morris-outcome').replaceChildren(...MORRIS_OUTCOMES.map((o) => new Option(o, o)));
  el('morris-scenario').addEventListener('change', fillParameters);
  el('morris-parameters').addEventListener('change', showPicked);
  fillParameters();
}

function wholeNumber(label: string, id: string, lo: number, hi: number): number {
  const text = el<HTMLInputElement>(id).value.trim();
  const x = Number(text);
  if (text === '' || !Number.isInteger(x) || x < lo || x > hi) throw new Error(`${label}: "${text}"; expected a whole number from ${lo} to ${hi}`);
  return x;
}

/** The form's plan, or an Error whose message names the field, the value and what was expected. */
export function readMorrisForm(): PageMorrisPlan {
  const { source, text, raw } = scenarioChoice();
  const picked = new Set(Array.from(el<HTMLSelectElement>('morris-parameters').selectedOptions).map((o) => o.value));
  const parameters = defaultUncertainParameters(raw).filter((p) => picked.has(p.path));
  if (parameters.length === 0) throw new Error('Parameters: none picked; pick at least one (Ctrl- or ⌘-click picks several)');
  const samples = wholeNumber('Trajectories (r)', 'morris-trajectories', 2, MAX_PAGE_MORRIS_RUNS);
  const levels = wholeNumber('Levels (p)', 'morris-levels', 2, 100);
  if (levels % 2) throw new Error(`Levels (p): ${levels}; expected an even number (Morris's design needs p even), e.g. 4`);
  const seed = wholeNumber('Seed', 'morris-seed', 0, 2 ** 32 - 1);
  const hoursText = el<HTMLInputElement>('morris-hours').value.trim();
  const hours = Number(hoursText);
  if (hoursText === '' || !(hours > 0) || !(hours <= 720)) throw new Error(`Run length: "${hoursText}" h; expected a number of hours above 0, at most 720`);
  const runs = samples * (parameters.length + 1);
  if (runs > MAX_PAGE_MORRIS_RUNS)
    throw new Error(
      `${runs} runs (${samples} trajectories × ${parameters.length + 1}); the page runs at most ${MAX_PAGE_MORRIS_RUNS}: fewer trajectories or parameters`,
    );
  const outcome = parseOutcomes(el<HTMLSelectElement>('morris-outcome').value)[0];
  return { text, source, hours, parameters, outcome, samples, levels, seed };
}
