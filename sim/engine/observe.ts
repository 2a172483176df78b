/**
 * What the engine reports at one instant: every named series (units in the names), each written by the model
 * that owns it, from the slow state plus the parts derived for outputs only (circuit solve, gas exchange). The
 * CLI's output and the visualiser's snapshot are both this record. Values that do not exist (no circuit, filter
 * being changed) are NaN (null in JSON).
 */
import type { SeriesTable } from '../model/part.js';
import type { Now } from '../model/now.js';
import { EngineError } from './errors.js';
import { deriveNow, type ComposedModel } from './model.js';
import { LAYOUT, MODELS } from './models.js';
import { gasExchangeProblem } from './physicalLimits.js';

/** The native lung's impairment: the stop for a short oxygen supply reads its V/Q drop (physicalLimits.ts). */
const LUNG_IMPAIRMENT = LAYOUT.slot('lungImpairment');

/** Every series: name → [unit, description], time first, then each model's in model order. */
export const SERIES: SeriesTable = {
  time_h: ['h', 'Time from the start of the run'],
  ...Object.assign({}, ...MODELS.map((d) => d.series)),
};

export type SeriesName = string;
export const SERIES_NAMES: readonly SeriesName[] = Object.keys(SERIES);
export type Observation = Record<SeriesName, number>;

/** The parts' output hooks, in model order (plain arrays of functions, without the parts that have none). */
interface OutputHooks {
  readonly deriveForOutput: readonly ((now: Now) => void)[];
  readonly observe: readonly ((now: Now, out: Observation) => void)[];
}
const HOOKS = new WeakMap<ComposedModel, OutputHooks>();

/**
 * A run's output hooks, gathered at its first sample: a loop over the parts reading `p.deriveForOutput` and
 * `p.observe` meets twenty part records of twenty shapes at one place (a megamorphic load each, ~0.35 µs a sample
 * for the two loops); a part's hooks are closures, so calling them out of the part needs no `this`.
 */
function outputHooks(c: ComposedModel): OutputHooks {
  let hooks = HOOKS.get(c);
  if (!hooks) {
    hooks = {
      deriveForOutput: c.parts.flatMap((p) => (p.deriveForOutput ? [p.deriveForOutput] : [])),
      observe: c.parts.flatMap((p) => (p.observe ? [p.observe] : [])),
    };
    HOOKS.set(c, hooks);
  }
  return hooks;
}

/**
 * Every series at (t, y), written into `into` when given (a batch run's recorder passes a record with every key
 * already in place, in SERIES order, which is faster to fill than keys added one by one), else into a new record.
 */
export function observe(c: ComposedModel, t_h: number, y: ArrayLike<number>, into?: Observation): Observation {
  const hooks = outputHooks(c);
  const now = deriveNow(c, t_h, y);
  const derive = hooks.deriveForOutput;
  for (let i = 0; i < derive.length; i++) derive[i](now);
  const o2 = now.oxygen!;
  const gasProblem = gasExchangeProblem(c.m, t_h, {
    paco2_mmHg: now.paco2_mmHg,
    svo2: o2.svo2,
    sao2: o2.sao2,
    effectiveFlow_mL_min: now.circuit ? now.circuit.effectiveFlow_mL_min : 0,
    lungImpairment: now.y[LUNG_IMPAIRMENT],
  });
  if (gasProblem) throw new EngineError(gasProblem);
  const out: Observation = into ?? (FRESH ? { ...FRESH } : { time_h: t_h });
  out.time_h = t_h;
  const write = hooks.observe;
  for (let i = 0; i < write.length; i++) write[i](now, out);
  FRESH ??= into ? undefined : freshTemplate(out);
  return out;
}

/**
 * What a new record starts as: every series NaN, in the order the parts write them (time first). A record whose
 * 114 keys are added one by one costs ~50 µs (the live view's and the alarm monitor's samples); a copy of this one
 * ~1 µs, with the same keys in the same order, since every part writes each of its series at every call
 * (test/observe.test.ts). Made from the first new record.
 */
let FRESH: Observation | undefined;
function freshTemplate(first: Observation): Observation {
  // built whole (keys added one by one by a keyed store leave it a dictionary, which a copy does not speed up)
  return Object.fromEntries(Object.keys(first).map((name) => [name, NaN]));
}
