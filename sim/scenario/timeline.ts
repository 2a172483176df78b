/**
 * A scenario's timeline: entries at a time or on a condition, each setting changes, boluses, transfusions, bag and
 * syringe changes, de-airing and faults (legacy keys or catalogue faults), resolved against the specs.
 */
import type { QuantitySpec } from '../parameters.js';
import { leafAt } from '../parameters.js';
import { parseQuantityLeaf } from './quantityLeaf.js';
import { scenarioSpecs } from './scenarioSpecs.js';
import { shownKey, shownValue } from './errors.js';
import { faultRow } from '../faults/catalogue.js';
import { sectionsNeeded, type FaultCondition, type FaultInjection } from '../faults/faultRow.js';
import { resolveCatalogueFault, resolveCondition } from './faultEntry.js';
import { MODEL_FAULT_ACTIONS, MODEL_FAULT_KEYS, isModelFaultAction, type ModelFaults } from '../faults/modelFaultKeys.js';
import { Issues, parseSetting, resolveLeaf } from './leaf.js';

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
  /** Adult platelet units given at once (prescription.plateletTransfusion.unitContent and volume each). */
  plateletUnits?: number;
  changeFilter?: boolean;
  /** Change the ECMO circuit's oxygenator (sim/circuit/deviceChange): the flow stops for the change's downtime. */
  changeOxygenator?: boolean;
  /** Change the whole ECMO circuit, the cannulae left in place (sim/circuit/deviceChange). */
  changeCircuit?: boolean;
  /** Move the pump head onto a new console (drive unit) (sim/circuit/deviceChange): the flow stops for the change's downtime. */
  changeConsole?: boolean;
  /** Change the centrifugal pump head alone (sim/circuit/deviceChange): the flow stops for the change's downtime. */
  changePumpHead?: boolean;
  /** Recannulate a vessel (sim/circuit/deviceChange): a new drainage or return cannula, the flow stopped for the procedure. */
  recannulate?: 'drainage' | 'return';
  fault?: ModelFaults;
  /** De-air the circuit: close the timeline's openings (airEntry, limbReturnOpening) and remove the air trapped in the pump head. */
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

/** What a timeline entry can do (besides its time, `at` or `when`, and its `note`); a trainee's actions file too. */
export const TIMELINE_ACTION_KEYS = [
  'set',
  'heparinBolus',
  'fluidBolus',
  'transfusion',
  'platelets',
  'changeFilter',
  'changeOxygenator',
  'changeCircuit',
  'changeConsole',
  'changePumpHead',
  'recannulate',
  'deAir',
  'changeBags',
  'changeSyringe',
  'fault',
] as const;

/** The file's timeline entries resolved against the specs, in time order; each problem names its entry. */
export function resolveTimeline(
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
    /** A quantity the entry gives (a bolus, a transfusion), read against its spec; each problem named under its key. */
    const given = (key: string, spec: QuantitySpec): number | undefined => {
      if (e[key] === undefined) return undefined;
      const parsed = parseQuantityLeaf(spec, e[key], { addIssue: (m) => issues.add(`${base}.${key}`, m) });
      const v = parsed && resolveLeaf(spec, parsed, `${base}.${key}`, weight, issues);
      return typeof v === 'number' ? v : undefined;
    };
    const heparinBolus = given('heparinBolus', leafAt(scenarioSpecs, 'prescription.heparin.bolus') as QuantitySpec);
    if (heparinBolus !== undefined) entry.heparinBolus_U = heparinBolus;
    const fluidBolus = given('fluidBolus', FLUID_BOLUS_SPEC);
    if (fluidBolus !== undefined) entry.fluidBolus_mL = fluidBolus;
    const transfusion = given('transfusion', TRANSFUSION_SPEC);
    if (transfusion !== undefined) entry.transfusion_mL = transfusion;
    const platelets = given('platelets', PLATELET_UNITS_SPEC);
    if (platelets !== undefined) entry.plateletUnits = platelets;
    if (e.changeFilter) entry.changeFilter = true;
    if (e.changeOxygenator) entry.changeOxygenator = true;
    if (e.changeCircuit) entry.changeCircuit = true;
    if (e.changeConsole) entry.changeConsole = true;
    if (e.changePumpHead) entry.changePumpHead = true;
    if (e.recannulate !== undefined) entry.recannulate = e.recannulate as TimelineEntry['recannulate'];
    if (e.deAir) entry.deAir = true;
    if (e.changeBags !== undefined) entry.changeBags = e.changeBags as TimelineEntry['changeBags'];
    if (e.changeSyringe) entry.changeSyringe = true;
    if (e.set !== undefined && Object.keys(e.set as object).length === 0)
      issues.add(`${base}.set`, 'is empty; expected at least one setting, e.g. { "prescription.effluentDose": "30 mL/kg/h" }');
    if (e.fault !== undefined) resolveEntryFault(entry, e.fault as Record<string, unknown>, `${base}.fault`, nullSections, issues);
    if (TIMELINE_ACTION_KEYS.every((k) => e[k] === undefined)) {
      issues.add(base, `does nothing; expected at least one of ${TIMELINE_ACTION_KEYS.map((k) => `"${k}"`).join(', ')}`);
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

/** A timeline `fault`: a catalogue fault (`kind`), or the model-action keys (sim/faults/modelFaultKeys.ts). */
function resolveEntryFault(entry: TimelineEntry, given: Record<string, unknown>, base: string, nullSections: string[], issues: Issues): void {
  if (given.kind === undefined) {
    entry.fault = resolveFault(given, base, issues);
    return;
  }
  const legacy = Object.keys(given).filter(isModelFaultAction);
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
  const section = sectionsNeeded(row).find((n) => nullSections.includes(n));
  if (section !== undefined) {
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

/** Adult platelet units given at once (a unit runs in over 30 min, quick beside the days the count follows). */
const PLATELET_UNITS_SPEC: QuantitySpec = {
  kind: 'quantity',
  unit: '1',
  default: null,
  limits: [0, 10],
  description: 'adult platelet units transfused',
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

function resolveFault(given: Record<string, unknown>, base: string, issues: Issues): TimelineEntry['fault'] {
  const fault: ModelFaults = {};
  for (const key of MODEL_FAULT_ACTIONS) {
    if (given[key] === undefined) continue;
    const spec = MODEL_FAULT_KEYS[key].spec;
    const parsed = parseQuantityLeaf(spec, given[key], { addIssue: (m) => issues.add(`${base}.${key}`, m) });
    const v = parsed && resolveLeaf(spec, parsed, `${base}.${key}`, undefined, issues);
    if (typeof v === 'number') fault[key] = v;
  }
  if (Object.keys(given).length === 0)
    issues.add(
      base,
      `is empty; expected a catalogue fault ("kind", docs/training/faults.md) or one or more of ${MODEL_FAULT_ACTIONS.map((k) => `"${k}"`).join(', ')}`,
    );
  return fault;
}

/** Cross-field rules a single field's limits cannot express. */
