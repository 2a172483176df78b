/**
 * The operator's sweep: a sweep set by hand (the live view's or a trainee's command, a timeline entry) while the
 * sweep titration is on hands the sweep to the operator. The titration switches off and the log says so; the sweep
 * stays where it was set until the titration is switched on again, whose next hourly blood gas check then steps from
 * the sweep in force (sweepTitrationCheck.ts). An action that sets the titration flag itself keeps what it says (a
 * timeline entry that sets the sweep and `titrate` true leaves the protocol on). This is the console's convention
 * (a perfusionist who turns the flowmeter owns it), not physics: gas-exchange.md, "The operator's sweep".
 */
import type { Model } from '../../model/context.js';
import { fmt, type Action, type EventLog, type PeriodicCheck } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import type { BloodGas } from './bloodGas.js';
import { sweepCarriesCo2, sweepTitration } from './sweepTitrationCheck.js';
import { ventilatorRateTitration } from './ventilatorRateCheck.js';

export const SWEEP_PATH = 'circuit.oxygenator.sweepGas';
export const SWEEP_TITRATION_PATH = 'circuit.oxygenator.sweepTitration.titrate';

/**
 * After an action's settings are applied: a sweep it sets by hand switches the titration off, unless it sets the flag
 * too. Returns whether the action took the sweep or its titration in hand (set either), so that the ventilator's rate
 * protocol keeps standing aside on ECMO: the operator now carries the CO2 with the sweep, the lung stays rested.
 */
export function handSweepToOperator(m: Model, action: Action, log: EventLog): boolean {
  const sweep = action.set.find((c) => c.path === SWEEP_PATH);
  const setsTitration = action.set.some((c) => c.path === SWEEP_TITRATION_PATH);
  const managed = sweep !== undefined || setsTitration;
  const titration = m.current.circuit?.oxygenator.sweepTitration;
  if (!titration?.titrate || !sweep || setsTitration) return managed;
  titration.titrate = false;
  log('sweep_titration_off', `Sweep titration off: the operator set the sweep to ${fmt(Number(sweep.value), 2)} L/min`);
  return true;
}

/**
 * The blood-gas protocols' checks, the sweep titration (with a circuit) before the ventilator's rate, and the action
 * hook that hands the sweep to the operator; once the operator has set the sweep or its titration during the run the
 * sweep stays managed on ECMO, so the rate protocol keeps standing aside.
 */
export function bloodGasProtocols(m: Model, bloodGas: (now: Now) => BloodGas): { checks: PeriodicCheck[]; perform(action: Action, log: EventLog): void } {
  let operatorSweep = false;
  return {
    checks: [
      ...(m.scenario.circuit ? [sweepTitration(m, bloodGas)] : []),
      ventilatorRateTitration(m, bloodGas, (now) => sweepCarriesCo2(m, now, operatorSweep)),
    ],
    perform(action, log) {
      if (handSweepToOperator(m, action, log)) operatorSweep = true;
    },
  };
}
