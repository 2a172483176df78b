/**
 * The operator's sweep: a sweep set by hand (the live view's or a trainee's command, a timeline entry) while the
 * sweep titration is on hands the sweep to the operator. The titration switches off and the log says so; the sweep
 * stays where it was set until the titration is switched on again, whose next hourly blood gas check then steps from
 * the sweep in force (sweepTitrationCheck.ts). An action that sets the titration flag itself keeps what it says (a
 * timeline entry that sets the sweep and `titrate` true leaves the protocol on). This is the console's convention
 * (a perfusionist who turns the flowmeter owns it), not physics: gas-exchange.md, "The operator's sweep".
 */
import type { Model } from '../../model/context.js';
import { fmt, type Action, type EventLog } from '../../model/events.js';

export const SWEEP_PATH = 'circuit.oxygenator.sweepGas';
export const SWEEP_TITRATION_PATH = 'circuit.oxygenator.sweepTitration.titrate';

/**
 * After an action's settings are applied: a sweep it sets by hand switches the titration off, unless it sets the flag
 * too. Returns whether the action took the sweep or its titration in hand (set either), so that the ventilator's rate
 * protocol keeps standing aside on ECMO: the operator now carries the CO2 with the sweep, the lung stays rested.
 */
export function handSweepToOperator(m: Model, action: Action, log: EventLog): boolean {
  const managed = action.set.some((c) => c.path === SWEEP_PATH || c.path === SWEEP_TITRATION_PATH);
  const titration = m.current.circuit?.oxygenator.sweepTitration;
  if (!titration?.titrate) return managed;
  const sweep = action.set.find((c) => c.path === SWEEP_PATH);
  if (!sweep || action.set.some((c) => c.path === SWEEP_TITRATION_PATH)) return managed;
  titration.titrate = false;
  log('sweep_titration_off', `Sweep titration off: the operator set the sweep to ${fmt(Number(sweep.value), 2)} L/min`);
  return true;
}
