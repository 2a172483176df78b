/**
 * Turns a shape-checked scenario into the engine's input: every section resolved against its specs (leaf.ts), the
 * timeline (timeline.ts), and the cross-field rules checked (resolve.ts's, and those of the start). Every problem
 * becomes an issue naming the JSON path, the value given and what was expected.
 */
import type { ParsedQuantity } from './quantityLeaf.js';
import { NULLABLE_SECTIONS, scenarioSpecs } from './scenarioSpecs.js';
import type { ScenarioIssue } from './errors.js';
import { prescriptionProblem } from '../filter/feasibility.js';
import { filterPrescription } from '../filter/operatingPoint.js';
import { Issues, resolveLeaf, resolveTree } from './leaf.js';
import { resolveTimeline } from './timeline.js';
import { checkConsistency, type Scenario } from './resolve.js';

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

/** The cross-field rules, and those of the start: the starting prescription, the output interval. */
function checkStart(s: Scenario, issues: Issues): void {
  checkConsistency(s, issues);
  if (issues.list.length === 0 && s.filter && s.circuit) checkFilterable(s, s.filter, issues);
  if (s.outputInterval_h > s.duration_h) issues.add('outputInterval', `got ${s.outputInterval_h} h; expected at most the duration (${s.duration_h} h)`);
}

/**
 * Every cross-field rule of a scenario's start, the starting prescription's included: what resolving a file checks,
 * for a resolved scenario whose values were changed since (the cohort's per-patient factors, sim/cohort/replay.ts).
 */
export function startingConsistencyIssues(s: Scenario): ScenarioIssue[] {
  const issues = new Issues();
  checkStart(s, issues);
  return issues.list;
}

/** The file's output interval; with a duration given by the caller, at most that duration (a 0.1 h run of a 0.25 h interval). */
function outputInterval(parsed: Record<string, unknown>, weight: number | undefined, options: ResolveOptions, issues: Issues): number {
  const given = resolveLeaf(scenarioSpecs.outputInterval, parsed.outputInterval, 'outputInterval', weight, issues) as number;
  return options.duration_h === undefined ? given : Math.min(given, options.duration_h);
}

/** How a caller changes a file's scenario as it resolves: `duration_h` (the CLI's --hours) replaces the file's duration. */
export interface ResolveOptions {
  duration_h?: number;
}

/**
 * Resolves a shape-checked scenario file (the output of the zod schema) into a Scenario, or returns its issues.
 * With `duration_h` the run lasts that long: timeline entries up to it are allowed even beyond the file's duration,
 * those beyond it are not reached, and the output interval is at most it.
 */
export function resolveScenario(parsed: Record<string, unknown>, options: ResolveOptions = {}): { scenario?: Scenario; issues: ScenarioIssue[] } {
  const issues = new Issues();
  const patientGiven = parsed.patient as Record<string, ParsedQuantity | undefined> | undefined;
  const weight = resolveLeaf(scenarioSpecs.patient.weight, patientGiven?.weight, 'patient.weight', undefined, issues) as number | undefined;
  const section = (key: 'patient' | 'circuit' | 'filter' | 'prescription' | 'kinetics' | 'hemodynamics' | 'alarms') =>
    resolveTree(scenarioSpecs[key], parsed[key] as Record<string, unknown> | undefined, key, weight, issues);
  for (const key of ['circuit', 'filter'] as const) {
    if (!(key in parsed)) issues.add(key, `missing; expected an object describing the ${key === 'circuit' ? 'ECMO circuit' : 'hemofilter'}, or null for none`);
  }
  const fileDuration = resolveLeaf(scenarioSpecs.duration, parsed.duration, 'duration', weight, issues) as number | undefined;
  const duration = options.duration_h ?? fileDuration;
  // an entry may lie anywhere in the file's duration or the caller's, whichever is longer (beyond the run: not reached)
  const timelineEnd = fileDuration === undefined || duration === undefined ? duration : Math.max(fileDuration, duration);
  const entries = resolveTimeline(
    parsed.timeline as Record<string, unknown>[] | undefined,
    weight,
    timelineEnd,
    NULLABLE_SECTIONS.filter((k) => parsed[k] === null),
    issues,
  );
  const conditional = entries.filter((e) => e.when);
  const scenario: Scenario = {
    name: parsed.name as string,
    description: (parsed.description as string) ?? '',
    seed: (parsed.seed as number) ?? 1,
    duration_h: duration as number,
    outputInterval_h: outputInterval(parsed, weight, options, issues),
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
  if (issues.list.length === 0) checkStart(scenario, issues);
  return issues.list.length ? { issues: issues.list } : { scenario, issues: [] };
}
