/**
 * The console's battery as a charge q (fraction of full) that moves linearly between events:
 *   on battery  dq/dt = −1/T_run   (full load: a full battery lasts the rated runtime)            [E]
 *   on mains    dq/dt = +1/T_charge, held at 1 once full                                          [E]
 * q is held as (t₀, q₀, rate): exact at any time, and the times it reaches a level are solved, not located.
 */
export interface BatteryLine {
  t0_h: number;
  charge0: number;
  /** Charge per hour: negative on battery, positive on mains. */
  rate_per_h: number;
}

/** The battery's charge at t (0–1). */
export function chargeAt(b: BatteryLine, t_h: number): number {
  const q = b.charge0 + b.rate_per_h * (t_h - b.t0_h);
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/** When a discharging battery reaches `level` (h), or Infinity if it is not discharging or is already there. */
export function timeToLevel_h(b: BatteryLine, level: number): number {
  if (!(b.rate_per_h < 0) || b.charge0 <= level) return Infinity;
  return b.t0_h + (b.charge0 - level) / -b.rate_per_h;
}

/** The line from t on: the charge then, at the rate of the power source now. */
export function rebase(b: BatteryLine, t_h: number, onBattery: boolean, runtime_h: number, recharge_h: number): void {
  b.charge0 = chargeAt(b, t_h);
  b.t0_h = t_h;
  b.rate_per_h = onBattery ? -1 / runtime_h : 1 / recharge_h;
}
