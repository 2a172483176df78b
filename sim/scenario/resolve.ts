/**
 * Turns a shape-checked scenario into the engine's input: defaults filled in (per kg where the spec says so),
 * per-kg quantities multiplied by body weight, limits and cross-field rules checked. Every problem becomes an
 * issue naming the JSON path, the value given and what was expected.
 */
import { isLeaf, leafAt, type LeafSpec, type QuantitySpec, type Resolved, type SpecTree } from '../parameters.js';
import { expectedText, parseQuantityLeaf, perKgUnit, type ParsedQuantity } from './schema.js';
import { NULLABLE_SECTIONS, scenarioSpecs } from './scenarioSpecs.js';
import { shownKey, shownValue, type ScenarioIssue } from './errors.js';
import { allSettingPaths, unknownSettingMessage } from './suggest.js';
import { prescriptionProblem } from '../filter/feasibility.js';
import { filterPrescription } from '../filter/operatingPoint.js';
import { physicalConsistencyIssues } from './physicalConsistency.js';
import { faultRow, sectionNeeded, type FaultCondition, type FaultInjection } from '../faults/catalogue.js';
import { resolveCatalogueFault, resolveCondition } from './faultEntry.js';

export type ScenarioValues = Resolved<typeof scenarioSpecs>;

export interface TimelineChange {
  path: string;
  value: number | boolean | string;
}
export interface TimelineEntry {
  /** Position in the file's timeline array (entries are run in time order). */
  index: number;
  at_h: number;
  set: TimelineChange[];
  heparinBolus_U?: number;
  /** A fluid bolus into the blood volume (mL). */
  fluidBolus_mL?: number;
  /** A red-cell transfusion (mL of packed cells at patient.bleeding.transfusionHematocrit). */
  transfusion_mL?: number;
  changeFilter?: boolean;
  fault?: { filterClot?: number; oxygenatorThrombus?: number; airEntry?: number };
  /** De-air the circuit: close any opening on the pre-pump line and remove the air trapped in the pump head. */
  deAir?: boolean;
  /** A catalogue fault whose change is a setting (sim/faults/catalogue.ts): injected, ramped or cleared by the faults part. */
  injectFault?: FaultInjection;
  /** The entry's events are the instructor's only: the trainee's log shows what a device would show. */
  hidden?: boolean;
  /** A conditional entry: fires the first simulated minute this holds, once (at_h is then unused). */
  when?: FaultCondition;
  /** Hang a new replacement bag, an empty effluent bag, or both (sim/filter/bags). */
  changeBags?: 'replacement' | 'effluent' | 'both';
  /** Put a new heparin syringe in the syringe pump (sim/patient/heparin). */
  changeSyringe?: boolean;
  note?: string;
}

export interface Scenario {
  /** Timeline entries with a condition instead of a time (`when`), checked each simulated minute. */
  conditional?: TimelineEntry[];
  name: string;
  description: string;
  seed: number;
  duration_h: number;
  outputInterval_h: number;
  patient: ScenarioValues['patient'];
  circuit: ScenarioValues['circuit'] | null;
  filter: ScenarioValues['filter'] | null;
  prescription: ScenarioValues['prescription'];
  kinetics: ScenarioValues['kinetics'];
  hemodynamics: ScenarioValues['hemodynamics'];
  /** The consoles' alarm limits (sim/alarms). */
  alarms: ScenarioValues['alarms'];
  timeline: TimelineEntry[];
}

class Issues {
  list: ScenarioIssue[] = [];
  add(path: string, message: string) {
    if (!this.list.some((i) => i.path === path && i.message === message)) this.list.push({ path, message });
  }
}

function limitsMessage(spec: QuantitySpec, given: string, value: number, weight?: number, perKg?: boolean): string {
  const conv = perKg && weight !== undefined ? ` (= ${+value.toPrecision(6)} ${spec.unit} for ${weight} kg)` : '';
  return `got ${JSON.stringify(given)}${conv}: outside the accepted range; expected ${expectedText(spec)}`;
}

/** Resolves one leaf: default, per-kg, limits. */
function resolveLeaf(spec: LeafSpec, given: unknown, path: string, weight: number | undefined, issues: Issues): number | string | boolean | undefined {
  if (spec.kind !== 'quantity') return given === undefined ? spec.default : (given as string | boolean);
  const parsed = given as ParsedQuantity | undefined;
  if (parsed === undefined) {
    if (spec.default !== null) return spec.default;
    if (spec.defaultPerKg !== undefined) return weight === undefined ? undefined : spec.defaultPerKg * weight;
    issues.add(path, `missing; expected ${expectedText(spec)}`);
    return undefined;
  }
  let value = parsed.value;
  if (parsed.perKg) {
    if (weight === undefined) return undefined; // the weight's own issue is reported
    value *= weight;
  }
  if (!(value >= spec.limits[0] && value <= spec.limits[1])) {
    issues.add(path, limitsMessage(spec, parsed.text, value, weight, parsed.perKg));
    return undefined;
  }
  return value;
}

function resolveTree(
  tree: SpecTree,
  given: Record<string, unknown> | undefined,
  prefix: string,
  weight: number | undefined,
  issues: Issues,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const g = given?.[key];
    out[key] = isLeaf(node) ? resolveLeaf(node, g, path, weight, issues) : resolveTree(node, g as Record<string, unknown> | undefined, path, weight, issues);
  }
  return out;
}

/** Parses one `path=value` setting (timeline `set`, CLI) against the spec at that path. */
/** The adjustable settings of a path's section, a dozen at most (every one is marked "(adjustable)" in docs/models). */
function adjustableNear(path: string): string {
  const all = allSettingPaths((s) => s.adjustable === true);
  const section = path.split('.')[0];
  const near = all.filter((p) => p.startsWith(`${section}.`));
  const listed = (near.length ? near : all).slice(0, 12);
  const more = (near.length ? near : all).length - listed.length;
  const where = near.length ? `in ${section}` : 'e.g.';
  return `${where}: ${listed.join(', ')}${more > 0 ? `, and ${more} more (marked "adjustable" in the parameter tables of docs/models)` : ''}`;
}

export function parseSetting(
  path: string,
  raw: unknown,
  weight: number,
  issues: { add(path: string, message: string): void },
  onlyAdjustable: boolean,
): TimelineChange | undefined {
  const spec = leafAt(scenarioSpecs, path);
  if (!spec) {
    issues.add(path, unknownSettingMessage(path, 'setting'));
    return undefined;
  }
  if (onlyAdjustable && !spec.adjustable) {
    issues.add(path, `got ${shownValue(raw)}: ${path} cannot be changed during a run; expected an adjustable setting, ${adjustableNear(path)}`);
    return undefined;
  }
  if (spec.kind === 'flag') {
    if (typeof raw !== 'boolean') {
      issues.add(path, `got ${shownValue(raw)}; expected true or false`);
      return undefined;
    }
    return { path, value: raw };
  }
  if (spec.kind === 'choice') {
    if (typeof raw !== 'string' || !spec.values.includes(raw)) {
      issues.add(path, `got ${shownValue(raw)}; expected one of ${spec.values.join(', ')}`);
      return undefined;
    }
    return { path, value: raw };
  }
  const local = new Issues();
  const parsed = parseQuantityLeaf(spec, raw, { addIssue: (m) => local.add(path, m) });
  const value = parsed && resolveLeaf(spec, parsed, path, weight, local);
  for (const i of local.list) issues.add(i.path, i.message);
  return typeof value === 'number' ? { path, value } : undefined;
}

function resolveTimeline(
  entries: Record<string, unknown>[] | undefined,
  weight: number | undefined,
  duration: number | undefined,
  nullSections: string[],
  issues: Issues,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const atSpec: QuantitySpec = { kind: 'quantity', unit: 'h', default: null, limits: [0, duration ?? 2160], description: 'time', source: 'E', ref: '' };
  (entries ?? []).forEach((e, i) => {
    const base = `timeline[${i}]`;
    const entry: TimelineEntry = { index: i, at_h: entryTime(e, base, atSpec, duration, issues), set: [], note: e.note as string | undefined };
    if (e.when !== undefined) entry.when = resolveCondition(e.when as Record<string, unknown>, `${base}.when`, (p, m) => issues.add(p, m));
    for (const [path, raw] of Object.entries((e.set as Record<string, unknown>) ?? {})) {
      const section = path.split('.')[0];
      if (nullSections.includes(section) && leafAt(scenarioSpecs, path)) {
        issues.add(
          `${base}.set.${shownKey(path)}`,
          `got ${shownValue(raw)}: the scenario sets "${section}" to null (none), so ${path} cannot change during the run; expected a setting of a section the scenario has`,
        );
        continue;
      }
      const c = weight === undefined ? undefined : parseSetting(path, raw, weight, { add: (p, m) => issues.add(`${base}.set.${shownKey(p)}`, m) }, true);
      if (c) entry.set.push(c);
    }
    if (e.heparinBolus !== undefined) {
      const spec = leafAt(scenarioSpecs, 'prescription.heparin.bolus') as QuantitySpec;
      const parsed = parseQuantityLeaf(spec, e.heparinBolus, { addIssue: (m) => issues.add(`${base}.heparinBolus`, m) });
      const v = parsed && resolveLeaf(spec, parsed, `${base}.heparinBolus`, weight, issues);
      if (typeof v === 'number') entry.heparinBolus_U = v;
    }
    if (e.fluidBolus !== undefined) {
      const parsed = parseQuantityLeaf(FLUID_BOLUS_SPEC, e.fluidBolus, { addIssue: (m) => issues.add(`${base}.fluidBolus`, m) });
      const v = parsed && resolveLeaf(FLUID_BOLUS_SPEC, parsed, `${base}.fluidBolus`, weight, issues);
      if (typeof v === 'number') entry.fluidBolus_mL = v;
    }
    if (e.transfusion !== undefined) {
      const parsed = parseQuantityLeaf(TRANSFUSION_SPEC, e.transfusion, { addIssue: (m) => issues.add(`${base}.transfusion`, m) });
      const v = parsed && resolveLeaf(TRANSFUSION_SPEC, parsed, `${base}.transfusion`, weight, issues);
      if (typeof v === 'number') entry.transfusion_mL = v;
    }
    if (e.changeFilter) entry.changeFilter = true;
    if (e.deAir) entry.deAir = true;
    if (e.changeBags !== undefined) entry.changeBags = e.changeBags as TimelineEntry['changeBags'];
    if (e.changeSyringe) entry.changeSyringe = true;
    if (e.set !== undefined && Object.keys(e.set as object).length === 0)
      issues.add(`${base}.set`, 'is empty; expected at least one setting, e.g. { "prescription.effluentDose": "30 mL/kg/h" }');
    if (e.fault !== undefined) resolveEntryFault(entry, e.fault as Record<string, unknown>, `${base}.fault`, nullSections, issues);
    if (
      entry.set.length === 0 &&
      entry.heparinBolus_U === undefined &&
      entry.fluidBolus_mL === undefined &&
      entry.transfusion_mL === undefined &&
      !entry.changeFilter &&
      !entry.deAir &&
      !entry.changeBags &&
      !entry.changeSyringe &&
      e.set === undefined &&
      e.heparinBolus === undefined &&
      e.fluidBolus === undefined &&
      e.transfusion === undefined &&
      e.fault === undefined
    ) {
      issues.add(
        base,
        'does nothing; expected at least one of "set", "heparinBolus", "fluidBolus", "transfusion", "changeFilter", "deAir", "changeBags", "changeSyringe", "fault"',
      );
    }
    out.push(entry);
  });
  sameTimeChanges(
    out.filter((e) => !e.when),
    issues,
  );
  return out.sort((a, b) => a.at_h - b.at_h || a.index - b.index);
}

/** When an entry happens: `at` (a time within the run), or none for a conditional entry (`when`); not both. */
function entryTime(e: Record<string, unknown>, base: string, atSpec: QuantitySpec, duration: number | undefined, issues: Issues): number {
  if (e.when !== undefined) {
    if (e.at !== undefined)
      issues.add(`${base}.at`, `got ${JSON.stringify(e.at)} beside "when"; expected either a time ("at") or a condition ("when"), not both`);
    return Infinity;
  }
  if (e.at === undefined) {
    issues.add(`${base}.at`, 'missing; expected a time from the start, e.g. "6 h", or a condition ("when")');
    return 0;
  }
  const at = parseQuantityLeaf(atSpec, e.at, { addIssue: (m) => issues.add(`${base}.at`, m) });
  if (at && !(at.value >= 0 && at.value <= (duration ?? Infinity)))
    issues.add(`${base}.at`, `got ${JSON.stringify(e.at)}: expected a time between 0 h and the run's duration (${duration} h)`);
  return at?.value ?? 0;
}

/** A timeline `fault`: a catalogue fault (`kind`), or the legacy keys (filterClot, oxygenatorThrombus, airEntry). */
function resolveEntryFault(entry: TimelineEntry, given: Record<string, unknown>, base: string, nullSections: string[], issues: Issues): void {
  if (given.kind === undefined) {
    entry.fault = resolveFault(given, base, issues);
    return;
  }
  const legacy = Object.keys(given).filter((k) => k in FAULT_SPECS);
  if (legacy.length) {
    issues.add(
      `${base}.${legacy[0]}`,
      `got ${shownValue(given[legacy[0]])} beside "kind"; expected either a catalogue fault ("kind") or the legacy keys, not both`,
    );
    return;
  }
  const action = resolveCatalogueFault(given, base, (p, m) => issues.add(p, m));
  if (!action) return;
  const row = faultRow(String(given.kind))!;
  const section = sectionNeeded(row);
  if (nullSections.includes(section)) {
    issues.add(
      `${base}.kind`,
      `got "${row.id}": the scenario sets "${section}" to null (none), so this fault has nothing to act on; expected a fault of a section the scenario has`,
    );
    return;
  }
  if (action.fault) entry.fault = action.fault;
  if (action.injectFault) entry.injectFault = action.injectFault;
  entry.hidden = action.hidden;
}

/** Two entries that set one path at one time: which should win? Refused, naming both, instead of the last winning. */
function sameTimeChanges(entries: TimelineEntry[], issues: Issues): void {
  const first = new Map<string, number>();
  for (const e of entries) {
    for (const c of e.set) {
      const key = `${e.at_h}\u0000${c.path}`;
      const j = first.get(key);
      if (j === undefined) first.set(key, e.index);
      else
        issues.add(
          `timeline[${e.index}].set.${shownKey(c.path)}`,
          `sets ${c.path} at ${e.at_h} h, as timeline[${j}] does; expected one change of a setting at one time (merge them, or move one)`,
        );
    }
  }
}

/** The starting prescription must be one the hemofilter can run (sim/filter/feasibility.ts). */
function checkFilterable(s: Scenario, filter: NonNullable<Scenario['filter']>, issues: Issues): void {
  const rx = s.prescription;
  const prescribed = filterPrescription(rx, s.patient.weight);
  const effluent_mL_h = prescribed.effluent_mL_h;
  const problem = prescriptionProblem(
    prescribed,
    s.patient.hematocrit,
    s.patient.baseline.albumin + s.patient.baseline.globulin,
    filter.ultrafiltrationCoefficient,
    rx.filterChange.tmpLimit,
    1 - filter.sieving.albumin.clean,
  );
  if (problem)
    issues.add(
      'prescription.effluentDose',
      `got ${+rx.effluentDose.toPrecision(6)} mL/kg/h (= ${+effluent_mL_h.toPrecision(6)} mL/h for ${s.patient.weight} kg): ${problem}`,
    );
}

/** A red-cell transfusion: packed cells given into the blood at once (a unit is 300–400 mL, AABB Circular of Information). */
const TRANSFUSION_SPEC: QuantitySpec = {
  kind: 'quantity',
  unit: 'mL',
  default: null,
  limits: [0, 5000],
  description: 'packed red cells transfused',
  source: 'E',
  ref: 'operator action',
};

/** A fluid bolus: a volume given into the blood at once (a bolus runs in over minutes, quick beside the hours the model follows). */
const FLUID_BOLUS_SPEC: QuantitySpec = {
  kind: 'quantity',
  unit: 'mL',
  default: null,
  limits: [0, 5000],
  description: 'fluid bolus volume',
  source: 'E',
  ref: 'operator action',
};

const FAULT_SPECS: Record<'filterClot' | 'oxygenatorThrombus' | 'airEntry', QuantitySpec> = {
  filterClot: { kind: 'quantity', unit: '1', default: null, limits: [0, 1], description: 'fraction of fibres clotted', source: 'E', ref: 'fault' },
  oxygenatorThrombus: { kind: 'quantity', unit: '1', default: null, limits: [0, 100], description: 'relative resistance added', source: 'E', ref: 'fault' },
  airEntry: {
    kind: 'quantity',
    unit: 'mm',
    default: null,
    limits: [0, 10],
    description: 'diameter of an opening on the pre-pump line',
    source: 'E',
    ref: 'fault',
  },
};

function resolveFault(given: Record<string, unknown>, base: string, issues: Issues): TimelineEntry['fault'] {
  const fault: NonNullable<TimelineEntry['fault']> = {};
  for (const key of ['filterClot', 'oxygenatorThrombus', 'airEntry'] as const) {
    if (given[key] === undefined) continue;
    const parsed = parseQuantityLeaf(FAULT_SPECS[key], given[key], { addIssue: (m) => issues.add(`${base}.${key}`, m) });
    const v = parsed && resolveLeaf(FAULT_SPECS[key], parsed, `${base}.${key}`, undefined, issues);
    if (typeof v === 'number') fault[key] = v;
  }
  if (Object.keys(given).length === 0)
    issues.add(base, 'is empty; expected a catalogue fault ("kind", docs/training/faults.md) or one or more of "filterClot", "oxygenatorThrombus", "airEntry"');
  return fault;
}

/** Cross-field rules a single field's limits cannot express. */
/**
 * The cross-field rules, for settings changed during a run (timeline, live view). The engine judges whether a new
 * filter can run the prescription itself, with the blood as it is then, so that rule is left out here.
 */
export function settingsConsistencyIssues(s: Scenario): ScenarioIssue[] {
  const issues = new Issues();
  checkConsistency(s, issues, false);
  return issues.list;
}

function checkConsistency(s: Scenario, issues: Issues, startingPrescription = true): void {
  if (s.filter && !s.circuit) {
    issues.add(
      'filter',
      'got a hemofilter while "circuit" is null: the hemofilter sits inside the ECMO circuit; expected a "circuit" section too, or "filter": null',
    );
  }
  const ne = s.prescription.norepinephrine;
  if (ne.weanAbove < ne.targetMap) {
    issues.add(
      'prescription.norepinephrine.weanAbove',
      `got ${ne.weanAbove} mmHg; expected at least targetMap (${ne.targetMap} mmHg): a MAP cannot call for both more and less norepinephrine`,
    );
  }
  const h = s.prescription.heparin;
  if (h.targetLow >= h.targetHigh) issues.add('prescription.heparin.targetLow', `got ${h.targetLow} s; expected less than targetHigh (${h.targetHigh} s)`);
  if (s.filter) {
    const effluent_mL_h = s.prescription.effluentDose * s.patient.weight;
    if (s.prescription.netUltrafiltration > effluent_mL_h) {
      issues.add(
        'prescription.netUltrafiltration',
        `got ${s.prescription.netUltrafiltration} mL/h; expected at most the effluent rate (${+effluent_mL_h.toFixed(1)} mL/h = effluentDose × weight): replacement fluid cannot be negative`,
      );
    }
  }
  for (const i of physicalConsistencyIssues(s)) issues.add(i.path, i.message);
  if (!startingPrescription) return;
  if (issues.list.length === 0 && s.filter && s.circuit) checkFilterable(s, s.filter, issues);
  if (s.outputInterval_h > s.duration_h) issues.add('outputInterval', `got ${s.outputInterval_h} h; expected at most the duration (${s.duration_h} h)`);
}

/** Resolves a shape-checked scenario file (the output of the zod schema) into a Scenario, or returns its issues. */
export function resolveScenario(parsed: Record<string, unknown>): { scenario?: Scenario; issues: ScenarioIssue[] } {
  const issues = new Issues();
  const patientGiven = parsed.patient as Record<string, ParsedQuantity | undefined> | undefined;
  const weight = resolveLeaf(scenarioSpecs.patient.weight, patientGiven?.weight, 'patient.weight', undefined, issues) as number | undefined;
  const section = (key: 'patient' | 'circuit' | 'filter' | 'prescription' | 'kinetics' | 'hemodynamics' | 'alarms') =>
    resolveTree(scenarioSpecs[key], parsed[key] as Record<string, unknown> | undefined, key, weight, issues);
  for (const key of ['circuit', 'filter'] as const) {
    if (!(key in parsed)) issues.add(key, `missing; expected an object describing the ${key === 'circuit' ? 'ECMO circuit' : 'hemofilter'}, or null for none`);
  }
  const duration = resolveLeaf(scenarioSpecs.duration, parsed.duration, 'duration', weight, issues) as number | undefined;
  const entries = resolveTimeline(
    parsed.timeline as Record<string, unknown>[] | undefined,
    weight,
    duration,
    NULLABLE_SECTIONS.filter((k) => parsed[k] === null),
    issues,
  );
  const conditional = entries.filter((e) => e.when);
  const scenario: Scenario = {
    name: parsed.name as string,
    description: (parsed.description as string) ?? '',
    seed: (parsed.seed as number) ?? 1,
    duration_h: duration as number,
    outputInterval_h: resolveLeaf(scenarioSpecs.outputInterval, parsed.outputInterval, 'outputInterval', weight, issues) as number,
    patient: section('patient') as Scenario['patient'],
    circuit: parsed.circuit === null ? null : (section('circuit') as Scenario['circuit']),
    filter: parsed.filter === null ? null : (section('filter') as Scenario['filter']),
    prescription: section('prescription') as Scenario['prescription'],
    kinetics: section('kinetics') as Scenario['kinetics'],
    hemodynamics: section('hemodynamics') as Scenario['hemodynamics'],
    alarms: section('alarms') as Scenario['alarms'],
    timeline: entries.filter((e) => !e.when),
    ...(conditional.length ? { conditional } : {}),
  };
  if (issues.list.length === 0) checkConsistency(scenario, issues);
  return issues.list.length ? { issues: issues.list } : { scenario, issues: [] };
}

export { perKgUnit };
