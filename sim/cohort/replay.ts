/**
 * Replays one arm: every virtual patient is the protocol scenario plus the shared calibration plus their own
 * draws, validated like any scenario, simulated, and reduced to the table's figures.
 */
import { simulate } from '../engine/simulate.js';
import { applyOverrides, scenarioFromObject, type Override } from '../scenario/load.js';
import type { PublishedFigure } from './armSchema.js';
import type { LoadedArm } from './loadArm.js';
import { meanSd, METRIC_NAMES, patientMetrics, type MeanSd, type MetricName } from './metrics.js';
import { drawPatients, type VirtualPatient } from './virtualPatients.js';
import { leafAt, type QuantitySpec } from '../parameters.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import type { Scenario } from '../scenario/resolve.js';

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
}

/**
 * The patient's scenario, each factor applied to the value the patient has without it (calibrated or default,
 * per-kg defaults already scaled by their weight), written back in the field's internal unit.
 */
export function withFactors(raw: Record<string, unknown>, factors: VirtualPatient['factors'], name: string): Scenario {
  const scenario = scenarioFromObject(raw, name);
  if (factors.length === 0) return scenario;
  applyOverrides(
    raw,
    factors.map(({ path, factor }) => {
      const spec = leafAt(scenarioSpecs, path) as QuantitySpec;
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], scenario) as number;
      return { path, value: spec.unit === '1' ? `${value * factor}` : `${value * factor} ${spec.unit}` };
    }),
  );
  return scenarioFromObject(raw, name);
}

export function replayArm(loaded: LoadedArm, options: ReplayOptions): ArmResult {
  const { arm } = loaded;
  const patients = drawPatients(arm, loaded.file, { ...loaded.calibratedMeans, ...options.calibratedMeans });
  const common: Override[] = [
    ...Object.entries(arm.set ?? {}).map(([path, value]) => ({ path, value: String(value) })),
    ...loaded.calibration,
    ...(options.overrides ?? []),
    { path: 'duration', value: `${options.hours} h` },
    { path: 'outputInterval', value: '1 h' },
  ];
  const results: PatientResult[] = [];
  const drawn: ArmResult['drawn'] = {};
  for (const p of patients) {
    const raw = structuredClone(loaded.protocol);
    applyOverrides(raw, [...common, ...p.overrides]);
    const scenario = withFactors(raw, p.factors, `${arm.name}, patient ${p.id}`);
    results.push({ id: p.id, ...patientMetrics(simulate(scenario)) });
    drawn[p.id] = p.drawn;
  }
  const metrics = Object.fromEntries(METRIC_NAMES.map((k) => [k, meanSd(results.map((r) => r[k]))])) as Record<MetricName, MeanSd>;
  return { name: arm.name, n: arm.n, metrics, patients: results, published: arm.published, drawn };
}
