/**
 * What the engine reports at one instant: every named series (units in the names), each written by the model
 * that owns it, from the slow state plus the parts derived for outputs only (circuit solve, gas exchange). The
 * CLI's output and the visualiser's snapshot are both this record. Values that do not exist (no circuit, filter
 * being changed) are NaN (null in JSON).
 */
import type { SeriesTable } from '../model/part.js';
import { EngineError } from './errors.js';
import { deriveNow, type ComposedModel } from './model.js';
import { MODELS } from './models.js';
import { gasExchangeProblem } from './physicalLimits.js';

/** Every series: name → [unit, description], time first, then each model's in model order. */
export const SERIES: SeriesTable = {
  time_h: ['h', 'Time from the start of the run'],
  ...Object.assign({}, ...MODELS.map((d) => d.series)),
};

export type SeriesName = string;
export const SERIES_NAMES: readonly SeriesName[] = Object.keys(SERIES);
export type Observation = Record<SeriesName, number>;

/**
 * Every series at (t, y), written into `into` when given (a batch run's recorder passes a record with every key
 * already in place, in SERIES order, which is faster to fill than keys added one by one), else into a new record.
 */
export function observe(c: ComposedModel, t_h: number, y: ArrayLike<number>, into?: Observation): Observation {
  const now = deriveNow(c, t_h, y);
  for (const p of c.parts) p.deriveForOutput?.(now);
  const o2 = now.oxygen!;
  const gasProblem = gasExchangeProblem(c.m, t_h, {
    paco2_mmHg: now.paco2_mmHg,
    svo2: o2.svo2,
    sao2: o2.sao2,
    effectiveFlow_mL_min: now.circuit ? now.circuit.effectiveFlow_mL_min : 0,
  });
  if (gasProblem) throw new EngineError(gasProblem);
  const out: Observation = into ?? { time_h: t_h };
  out.time_h = t_h;
  for (const p of c.parts) p.observe?.(now, out);
  return out;
}
