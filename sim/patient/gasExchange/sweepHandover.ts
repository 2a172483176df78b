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
import { sweepDirection } from './sweepTitration.js';
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
 * Whether the titrated sweep stands at the limit this blood gas would move it past: at minSweep with the gas asking for
 * a lower sweep, or at maxSweep asking for a higher one. The sweep can do no more in that direction, so the
 * ventilator's rate protocol takes over in it: a team lowers the rate of the rested lung whose own CO2 removal leaves
 * the patient alkalaemic at the sweep's floor, and raises it when the sweep at its maximum leaves him acidaemic [E:
 * bedside practice; the ARDS Network card's steps, gas-exchange.md "Both protocols on"].
 */
function sweepAtItsLimit(m: Model, gas: BloodGas): boolean {
  const o = m.current.circuit?.oxygenator;
  if (!o?.sweepTitration.titrate) return false;
  const rule = o.sweepTitration;
  const direction = sweepDirection(rule, gas.ph, gas.paco2_mmHg);
  return (direction < 0 && o.sweepGas <= rule.minSweep) || (direction > 0 && o.sweepGas >= rule.maxSweep);
}

/**
 * The blood-gas protocols' checks, the sweep titration (with a circuit) before the ventilator's rate, and the action
 * hook that hands the sweep to the operator; once the operator has set the sweep or its titration during the run the
 * sweep stays managed on ECMO, so the rate protocol keeps standing aside. A titrated sweep at its limit hands that
 * direction to the rate protocol (sweepAtItsLimit).
 */
export function bloodGasProtocols(m: Model, bloodGas: (now: Now) => BloodGas): { checks: PeriodicCheck[]; perform(action: Action, log: EventLog): void } {
  let operatorSweep = false;
  return {
    checks: [
      ...(m.scenario.circuit ? [sweepTitration(m, bloodGas)] : []),
      ventilatorRateTitration(
        m,
        bloodGas,
        (now) => sweepCarriesCo2(m, now, operatorSweep),
        (gas) => sweepAtItsLimit(m, gas),
      ),
    ],
    perform(action, log) {
      if (handSweepToOperator(m, action, log)) operatorSweep = true;
    },
  };
}
