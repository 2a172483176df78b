/**
 * Draws an arm's virtual patients: each draw's value, in the unit its distribution is written in, becomes a
 * scenario override ("52.1 mmHg") validated like any scenario value; descriptors.* are recorded only.
 * Truncated distributions are sampled by rejection (at most 1000 tries, then a clear error). A `factor` draw is
 * a log-normal multiplier (mean 1) kept apart: the replay applies it to the value the patient otherwise has
 * (calibrated or default), so between-patient variability scatters around the calibrated mean.
 */
import { leafAt } from '../parameters.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import type { Override } from '../scenario/load.js';
import { parseQuantity } from '../units.js';
import type { ArmFile, Draw } from './armSchema.js';
import { SeededRandom } from './random.js';

export interface VirtualPatient {
  id: string;
  overrides: Override[];
  /** Every drawn value in its draw's unit, by path (scenario fields and descriptors); factors as numbers. */
  drawn: Record<string, number | string>;
  /** Multipliers on the patient's own (calibrated or default) value of a model parameter, by path. */
  factors: { path: string; factor: number }[];
}

const NUMBER_AND_UNIT = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/;

/** Splits "49.2 years" into 49.2 and "years" (undefined if the text does not start with a number). */
export function numberAndUnit(given: string): { value: number; unit: string } | undefined {
  const m = NUMBER_AND_UNIT.exec(given);
  return m ? { value: Number(m[1]), unit: m[2] } : undefined;
}

/** A draw's quantity as number and unit, the unit checked against the mean's. */
function quantityIn(
  given: string,
  unitText: string | undefined,
  drawPath: string,
  field: string,
  issues: ScenarioIssue[],
): { value: number; unit: string } | undefined {
  const q = numberAndUnit(given);
  if (!q) {
    issues.push({ path: `${drawPath}.${field}`, message: `got ${JSON.stringify(given)}; expected a number with its unit, e.g. "52.3 mmHg"` });
    return undefined;
  }
  const unit = q.unit;
  if (unitText !== undefined && unit !== unitText) {
    issues.push({ path: `${drawPath}.${field}`, message: `got ${JSON.stringify(given)}; expected the same unit as the mean ("${unitText}")` });
    return undefined;
  }
  return q;
}

interface CompiledDraw {
  path: string;
  /** A multiplier on the patient's value (a `factor` draw), not a value of its own. */
  factor?: boolean;
  sample(r: SeededRandom): string | number;
  format(v: number | string): string;
  /** Moves a numeric sample so its mean is the target (then clips to the bounds), or leaves it. */
  matchMean?(values: number[]): number[];
  /** A choice whose arm meets its shares exactly: each patient's sample is a uniform number, turned into an option by rank. */
  matchShares?(uniforms: number[]): string[];
}

/**
 * Option counts for n patients from the weights, rounded by largest remainder (ties to the option written first), and
 * the patients given them by the rank of their own uniform number: the lowest `count₁` take the first option, and so on.
 * Each patient still draws one number from the draw's stream, so the arm's other draws are untouched.
 */
export function optionsByShare(options: [string, number][], uniforms: number[]): string[] {
  const n = uniforms.length;
  const total = options.reduce((a, [, w]) => a + w, 0);
  const exact = options.map(([, w]) => (n * w) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, r: x - counts[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0, left = n - counts.reduce((a, c) => a + c, 0); k < left; k++) counts[byRemainder[k].i]++;
  const order = uniforms.map((u, k) => ({ u, k })).sort((a, b) => a.u - b.u || a.k - b.k);
  const out: string[] = new Array<string>(n);
  let next = 0;
  options.forEach(([o], i) => {
    for (let c = 0; c < counts[i]; c++) out[order[next++].k] = o;
  });
  return out;
}

/**
 * A calibrated draw takes its mean from the calibration (`calibratedMeans`, by path), its SD scaled with it so
 * the coefficient of variation stays the one written in the arm file.
 */
export function withCalibratedMean(d: Draw, where: string, calibratedMeans: Record<string, string>, issues: ScenarioIssue[]): Draw | undefined {
  if (d.distribution === 'choice' || d.distribution === 'factor' || !d.calibrated) return d;
  const given = calibratedMeans[d.path];
  if (given === undefined) {
    issues.push({
      path: `${where}.calibrated`,
      message: `${d.path} is marked calibrated but the calibration file has no draws["${d.path}"]; expected its fitted mean (run npm run calibrate)`,
    });
    return undefined;
  }
  const prior = quantityIn(d.mean, undefined, where, 'mean', issues);
  const fitted = quantityIn(given, prior?.unit, `calibration.draws["${d.path}"]`, 'mean', issues);
  const sd = quantityIn(d.sd, prior?.unit, where, 'sd', issues);
  if (!prior || !fitted || !sd) return undefined;
  if (!(prior.value > 0) || !(fitted.value > 0)) {
    issues.push({ path: `${where}.mean`, message: `a calibrated draw needs a positive prior and fitted mean; got ${d.mean} and ${given}` });
    return undefined;
  }
  const unit = prior.unit ? ` ${prior.unit}` : '';
  return { ...d, mean: `${fitted.value}${unit}`, sd: `${Number(((sd.value * fitted.value) / prior.value).toPrecision(6))}${unit}` };
}

/** The spec of a draw's scenario field (none for a descriptor), or undefined after reporting an unknown path. */
function fieldSpec(path: string, where: string, issues: ScenarioIssue[]): { spec: ReturnType<typeof leafAt> } | undefined {
  if (path.startsWith('descriptors.')) return { spec: undefined };
  const spec = leafAt(scenarioSpecs, path);
  if (spec) return { spec };
  issues.push({ path: `${where}.path`, message: `got ${JSON.stringify(path)}; expected a scenario field (e.g. "patient.age") or "descriptors.<name>"` });
  return undefined;
}

function compileDraw(given: Draw, index: number, calibratedMeans: Record<string, string>, issues: ScenarioIssue[]): CompiledDraw | undefined {
  const where = `draws[${index}]`;
  const d = withCalibratedMean(given, where, calibratedMeans, issues);
  if (!d) return undefined;
  const field = fieldSpec(d.path, where, issues);
  if (!field) return undefined;
  const spec = field.spec;
  if (d.distribution === 'factor') return compileFactor(d, where, spec, issues);
  if (d.distribution === 'choice') {
    const options = Object.entries(d.options);
    const total = options.reduce((a, [, w]) => a + w, 0);
    if (!(total > 0)) {
      issues.push({ path: `${where}.options`, message: 'expected at least one option with a positive weight' });
      return undefined;
    }
    if (spec && spec.kind === 'choice') {
      for (const [o] of options)
        if (!spec.values.includes(o)) issues.push({ path: `${where}.options.${o}`, message: `expected one of ${spec.values.join(', ')}` });
    }
    if (d.matchShares)
      return { path: d.path, sample: (r) => r.uniform(), format: (v) => String(v), matchShares: (uniforms) => optionsByShare(options, uniforms) };
    return {
      path: d.path,
      sample: (r) => {
        let u = r.uniform() * total;
        for (const [o, w] of options) if ((u -= w) < 0) return o;
        return options[options.length - 1][0];
      },
      format: (v) => String(v),
    };
  }
  const mean = quantityIn(d.mean, undefined, where, 'mean', issues);
  if (!mean) return undefined;
  if (mean.unit === '' && spec?.kind === 'quantity' && spec.unit !== '1') {
    // blame the mean, not the sd/min/max that carry the unit it lacks
    issues.push({
      path: `${where}.mean`,
      message: `got ${JSON.stringify(d.mean)}; expected a number with its unit, as ${d.path} has one (e.g. "${mean.value} ${spec.unit}")`,
    });
    return undefined;
  }
  const sd = quantityIn(d.sd, mean.unit, where, 'sd', issues);
  const min = d.min === undefined ? { value: -Infinity } : quantityIn(d.min, mean.unit, where, 'min', issues);
  const max = d.max === undefined ? { value: Infinity } : quantityIn(d.max, mean.unit, where, 'max', issues);
  if (!sd || !min || !max) return undefined;
  if (spec?.kind === 'quantity') {
    try {
      parseQuantity(mean.unit ? `${mean.value} ${mean.unit}` : mean.value, spec.unit);
    } catch (e) {
      issues.push({
        path: `${where}.mean`,
        message: `got ${JSON.stringify(d.mean)}: ${(e as Error).message}; expected a quantity in ${spec.unit} for ${d.path}`,
      });
      return undefined;
    }
  }
  if (!(sd.value >= 0) || !(min.value < max.value) || (d.distribution === 'lognormal' && !(mean.value > 0))) {
    issues.push({ path: where, message: 'expected sd ≥ 0, min < max, and a positive mean for a log-normal' });
    return undefined;
  }
  return {
    path: d.path,
    sample: (r) => {
      for (let i = 0; i < 1000; i++) {
        const v = d.distribution === 'normal' ? r.normal(mean.value, sd.value) : r.logNormal(mean.value, sd.value);
        if (v >= min.value && v <= max.value) return Number(v.toPrecision(6));
      }
      throw new ScenarioError('cohort', [
        { path: where, message: 'no value within min–max after 1000 draws; expected bounds that hold most of the distribution' },
      ]);
    },
    format: (v) => (mean.unit ? `${v} ${mean.unit}` : String(v)),
    matchMean: d.matchMean
      ? (values) => {
          const m = values.reduce((a, b) => a + b, 0) / values.length;
          const moved = values.map((v) => (d.distribution === 'lognormal' ? (v * mean.value) / m : v + mean.value - m));
          return moved.map((v) => Number(Math.min(Math.max(v, min.value), max.value).toPrecision(6)));
        }
      : undefined,
  };
}

type FactorDraw = Extract<Draw, { distribution: 'factor' }>;

/** A log-normal factor with mean 1 and the draw's CV, truncated to [min, max], on a numeric model parameter. */
function compileFactor(d: FactorDraw, where: string, spec: ReturnType<typeof leafAt>, issues: ScenarioIssue[]): CompiledDraw | undefined {
  if (!spec || spec.kind !== 'quantity') {
    issues.push({ path: `${where}.path`, message: `got ${JSON.stringify(d.path)}; expected a numeric scenario field for a factor` });
    return undefined;
  }
  const [min, max] = [d.min ?? 0, d.max ?? Infinity];
  if (!(min < max) || !(min <= 1 && 1 <= max)) {
    issues.push({ path: where, message: `got factors ${min}–${max}; expected min < max with 1 between them` });
    return undefined;
  }
  return {
    path: d.path,
    factor: true,
    sample: (r) => {
      for (let i = 0; i < 1000; i++) {
        const v = r.logNormal(1, d.cv);
        if (v >= min && v <= max) return Number(v.toPrecision(6));
      }
      throw new ScenarioError('cohort', [
        { path: where, message: 'no factor within min–max after 1000 draws; expected bounds that hold most of the distribution' },
      ]);
    },
    format: (v) => String(v),
    matchMean: d.matchMean
      ? (values) => {
          const m = values.reduce((a, b) => a + b, 0) / values.length;
          return values.map((v) => Number(Math.min(Math.max(v / m, min), max).toPrecision(6)));
        }
      : undefined,
  };
}

/** A 32-bit seed from the arm's seed and a draw's path (FNV-1a over the path, mixed with the seed). */
export function streamSeed(seed: number, path: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The arm's n patients, drawn in order from its seed: the same file (and calibration) always gives the same
 * patients. `calibratedMeans` holds the fitted means of the draws marked calibrated, by path.
 */
export function drawPatients(arm: ArmFile, source: string, calibratedMeans: Record<string, string> = {}): VirtualPatient[] {
  const issues: ScenarioIssue[] = [];
  const draws = arm.draws.map((d, i) => compileDraw(d, i, calibratedMeans, issues));
  if (issues.length) throw new ScenarioError(source, issues);
  // Each draw has its own stream, seeded from the arm's seed and the draw's path: adding or removing a draw
  // leaves every other draw's values as they were, and adding a patient never changes the ones before it.
  const streams = (draws as CompiledDraw[]).map((d) => new SeededRandom(streamSeed(arm.seed, d.path)));
  const samples = Array.from({ length: arm.n }, () => (draws as CompiledDraw[]).map((d, j) => d.sample(streams[j])));
  (draws as CompiledDraw[]).forEach((d, j) => {
    if (d.matchShares) {
      const assigned = d.matchShares(samples.map((s) => Number(s[j])));
      samples.forEach((s, k) => (s[j] = assigned[k]));
    }
    if (!d.matchMean) return;
    const matched = d.matchMean(samples.map((s) => Number(s[j])));
    samples.forEach((s, k) => (s[j] = matched[k]));
  });
  return samples.map((values, k) => {
    const drawn: Record<string, number | string> = {};
    const overrides: Override[] = [];
    const factors: VirtualPatient['factors'] = [];
    (draws as CompiledDraw[]).forEach((d, j) => {
      drawn[d.path] = values[j];
      if (d.factor) factors.push({ path: d.path, factor: Number(values[j]) });
      else if (!d.path.startsWith('descriptors.')) overrides.push({ path: d.path, value: d.format(values[j]) });
    });
    return { id: `${k + 1}`.padStart(3, '0'), overrides, drawn, factors };
  });
}
