/**
 * Replays one arm: every virtual patient is the protocol scenario plus the shared calibration plus their own
 * draws, validated like any scenario, simulated, and reduced to the table's figures.
 */
import { armSettings } from './armSettings.js';
import { simulate } from '../engine/simulate.js';
import { scenarioFromObject, type Override } from '../scenario/load.js';
import { ScenarioError } from '../scenario/errors.js';
import { Issues } from '../scenario/leaf.js';
import type { PublishedFigure } from './armSchema.js';
import type { LoadedArm } from './loadArm.js';
import { meanSd, METRIC_NAMES, patientMetrics, type MeanSd, type MetricName } from './metrics.js';
import { drawPatients, type VirtualPatient } from './virtualPatients.js';
import { checkedProtocol, patientScenario } from './patientScenarios.js';
import { leafAt, type QuantitySpec } from '../parameters.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import { parseSetting, type Scenario } from '../scenario/resolve.js';
import { startingConsistencyIssues, type ResolveOptions } from '../scenario/resolveScenario.js';

export interface PatientResult extends Record<MetricName, number> {
  id: string;
}

export interface ArmResult {
  name: string;
  n: number;
  metrics: Record<MetricName, MeanSd>;
  patients: PatientResult[];
  published: Record<string, PublishedFigure>;
  /** Drawn values by patient id (age, sex, descriptors such as APACHE II), for the table's demographics. */
  drawn: Record<string, Record<string, number | string>>;
}

export interface ReplayOptions {
  hours: number;
  /** Extra overrides for every patient (the calibration script tries candidate values through this). */
  overrides?: Override[];
  /** Means of calibrated draws, by path, replacing the calibration file's (the calibration script's trials). */
  calibratedMeans?: Record<string, string>;
  /** The runs' output interval (1 h by default: the table's figures need no finer samples). */
  outputInterval?: string;
}

/**
 * The patient's scenario, each factor applied to the value the patient has without it (calibrated or default,
 * per-kg defaults already scaled by their weight). The scenario is read and validated once; each factored value is
 * then read back from its text in the field's internal unit like a setting (parseSetting: the same unit parse and
 * limits a file's value gets, so the value is the one a second reading of the file would give), and the scenario's
 * cross-field rules are checked again with the factored values.
 */
export function withFactors(raw: Record<string, unknown>, factors: VirtualPatient['factors'], name: string, options: ResolveOptions = {}): Scenario {
  return applyFactors(scenarioFromObject(raw, name, options), factors, name);
}

/** withFactors on a scenario already read: its values factored in place (the scenario is returned). */
export function applyFactors(scenario: Scenario, factors: VirtualPatient['factors'], name: string): Scenario {
  if (factors.length === 0) return scenario;
  const issues = new Issues();
  const changes = factors.map(({ path, factor }) => {
    const spec = leafAt(scenarioSpecs, path) as QuantitySpec;
    const value = numberAt(scenario, path);
    if (typeof value === 'string') {
      issues.add(path, `${value}; expected a number for the factor to multiply`);
      return undefined;
    }
    return parseSetting(path, spec.unit === '1' ? `${value * factor}` : `${value * factor} ${spec.unit}`, scenario.patient.weight, issues, false);
  });
  if (issues.list.length) throw new ScenarioError(name, issues.list);
  for (const change of changes) writeSetting(scenario, change!.path, change!.value);
  const inconsistent = startingConsistencyIssues(scenario);
  if (inconsistent.length) throw new ScenarioError(name, inconsistent);
  return scenario;
}

/** The number at a dotted path of a resolved scenario, or why there is none (a section along the path is null). */
function numberAt(scenario: Scenario, path: string): number | string {
  const keys = path.split('.');
  let node: unknown = scenario;
  for (let i = 0; i < keys.length; i++) {
    if (node === null) return `the scenario sets ${keys.slice(0, i).join('.')} to null (none)`;
    node = typeof node === 'object' ? (node as Record<string, unknown>)[keys[i]] : undefined;
  }
  return typeof node === 'number' ? node : `the scenario has ${JSON.stringify(node) ?? 'nothing'} here`;
}

/** Writes a value at a dotted path of a resolved scenario whose sections along the path exist (numberAt read it). */
function writeSetting(scenario: Scenario, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = scenario as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

/** What every patient of an arm shares over the protocol: the arm's settings over the calibration, the options' overrides, the replay's hours. */
export function armOverrides(loaded: LoadedArm, options: Pick<ReplayOptions, 'hours' | 'overrides' | 'outputInterval'>): Override[] {
  return [
    ...armSettings(loaded.calibration, loaded.arm),
    ...(options.overrides ?? []),
    { path: 'duration', value: `${options.hours} h` },
    { path: 'outputInterval', value: options.outputInterval ?? '1 h' },
  ];
}

/**
 * Each virtual patient of an arm with their scenario, built as they are asked for: the protocol with what every
 * patient shares read once, each patient's draws read into a copy of it and their factors applied.
 */
export function* patientScenarios(loaded: LoadedArm, options: ReplayOptions): Generator<{ patient: VirtualPatient; scenario: Scenario }> {
  const { arm } = loaded;
  const patients = drawPatients(arm, loaded.file, { ...loaded.calibratedMeans, ...options.calibratedMeans });
  const protocol = checkedProtocol(loaded.protocol, armOverrides(loaded, options), `${arm.name}: ${loaded.protocolFile} with the arm's settings`);
  for (const patient of patients) {
    const name = `${arm.name}, patient ${patient.id}`;
    yield { patient, scenario: applyFactors(patientScenario(protocol, patient.overrides, name), patient.factors, name) };
  }
}

export function replayArm(loaded: LoadedArm, options: ReplayOptions): ArmResult {
  const { arm } = loaded;
  const results: PatientResult[] = [];
  const drawn: ArmResult['drawn'] = {};
  for (const { patient: p, scenario } of patientScenarios(loaded, options)) {
    results.push({ id: p.id, ...patientMetrics(simulate(scenario)) });
    drawn[p.id] = p.drawn;
  }
  const metrics = Object.fromEntries(METRIC_NAMES.map((k) => [k, meanSd(results.map((r) => r[k]))])) as Record<MetricName, MeanSd>;
  return { name: arm.name, n: arm.n, metrics, patients: results, published: arm.published, drawn };
}
