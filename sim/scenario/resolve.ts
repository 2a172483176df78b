/**
 * Turns a shape-checked scenario into the engine's input: every section resolved against its specs (leaf.ts), the
 * timeline (timeline.ts), and the cross-field rules checked. Every problem becomes an issue naming the JSON path,
 * the value given and what was expected.
 */
import type { Resolved } from '../parameters.js';
import { perKgUnit, type ParsedQuantity } from './schema.js';
import { NULLABLE_SECTIONS, scenarioSpecs } from './scenarioSpecs.js';
import type { ScenarioIssue } from './errors.js';
import { prescriptionProblem } from '../filter/feasibility.js';
import { filterPrescription } from '../filter/operatingPoint.js';
import { physicalConsistencyIssues } from './physicalConsistency.js';
import { Issues, resolveLeaf, resolveTree } from './leaf.js';
import { resolveTimeline, type TimelineEntry } from './timeline.js';

export { parseSetting } from './leaf.js';
export type { TimelineChange, TimelineEntry } from './timeline.js';

export type ScenarioValues = Resolved<typeof scenarioSpecs>;

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

/**
 * The cross-field rules, for settings changed during a run (timeline, live view). The engine judges whether a new
 * filter can run the prescription itself, with the blood as it is then, so that rule is left out here.
 */
export function settingsConsistencyIssues(s: Scenario): ScenarioIssue[] {
  const issues = new Issues();
  checkConsistency(s, issues, false);
  return issues.list;
}

/**
 * Every cross-field rule of a scenario's start, the starting prescription's included: what resolving a file checks,
 * for a resolved scenario whose values were changed since (the cohort's per-patient factors, sim/cohort/replay.ts).
 */
export function startingConsistencyIssues(s: Scenario): ScenarioIssue[] {
  const issues = new Issues();
  checkConsistency(s, issues);
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
