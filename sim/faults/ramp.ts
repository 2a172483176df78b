/**
 * A gradual fault's ramp: the setting moves linearly from the value before the fault to the fault's value in equal
 * steps (at most RAMP_STEP_h apart), the last step exactly at the end of the onset:
 *   value_k = before + (target − before)·k/n,  t_k = start + over·k/n,  n = ⌈over / RAMP_STEP_h⌉
 */

/** Longest interval between two steps of a ramp (h): 1 min [E: a drift a console trend shows as smooth; at 5 min a 20-min thrombosis was four steps, its ΔP jumping 25 mmHg at the last]. */
export const RAMP_STEP_h = 1 / 60;

export interface Ramp {
  readonly path: string;
  readonly before: number;
  readonly target: number;
  readonly start_h: number;
  readonly over_h: number;
  readonly steps: number;
  /** Steps applied so far. */
  done: number;
}

export function makeRamp(path: string, before: number, target: number, start_h: number, over_h: number): Ramp {
  return { path, before, target, start_h, over_h, steps: Math.max(1, Math.ceil(over_h / RAMP_STEP_h - 1e-9)), done: 0 };
}

/** Time of the ramp's next step. */
export function nextStep_h(r: Ramp): number {
  return r.done >= r.steps ? Infinity : r.start_h + (r.over_h * (r.done + 1)) / r.steps;
}

/** The setting's value after step k. */
export function valueAtStep(r: Ramp, k: number): number {
  return k >= r.steps ? r.target : r.before + ((r.target - r.before) * k) / r.steps;
}
