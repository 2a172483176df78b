/**
 * The sweep titration in the engine (sweepTitration.ts): at each blood gas check, the arterial pH from the bicarbonate
 * now and PaCO2 (the CO2 stores'), and the sweep the rule calls for. Only while the circuit returns blood to the
 * patient (the sweep removes nothing otherwise). A changed sweep changes the membrane's CO2 conductance and the oxygen
 * it adds, which gas exchange holds with its oxygen line: the check stops the solver when it acts, and the circuit
 * settles after it (settlesAfter), as after an operator's setting change, where the line is held afresh.
 */
import type { Model } from '../../model/context.js';
import { fmt, type PeriodicCheck } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import { onEcmo, type BloodGas } from './bloodGas.js';
import { earlyFallReached, nextSweep } from './sweepTitration.js';

/** Whether the sweep titration is on in this run now (a circuit, its flag on). */
function sweepTitrationOn(m: Model): boolean {
  return m.current.circuit?.oxygenator.sweepTitration.titrate === true;
}

/**
 * Whether a managed sweep carries the CO2 now (titrated, or held by an operator who set the sweep or its titration
 * during the run; the circuit returning blood): the ventilator rate protocol then stands aside and the ventilator rests.
 */
export function sweepCarriesCo2(m: Model, now: Now, operatorSweep = false): boolean {
  return (sweepTitrationOn(m) || operatorSweep) && onEcmo(now);
}

/**
 * The sweep titration at its interval (a run with a circuit); the first check at the start (the first blood gas, whose
 * PaCO2 the caution after cannulation measures from), `bloodGas(now)` the blood gas now.
 */
export function sweepTitration(m: Model, bloodGas: (now: Now) => BloodGas): PeriodicCheck {
  let first: { t_h: number; paco2_mmHg: number } | null = null;
  const next = (now: Now) => {
    const o = m.current.circuit!.oxygenator;
    const rule = o.sweepTitration;
    const { ph, paco2_mmHg } = bloodGas(now);
    const early = first !== null && earlyFallReached(rule, paco2_mmHg, first.paco2_mmHg, now.t_h - first.t_h);
    return { ph, paco2_mmHg, early, sweep: nextSweep(rule, ph, paco2_mmHg, o.sweepGas, early) };
  };
  return {
    interval: () => (first !== null ? m.current.circuit!.oxygenator.sweepTitration.interval : 0),
    changesDerivatives: true, // the sweep sets the membrane's CO2 removal and the oxygen it adds
    settlesAfter: true,
    wouldAct: (now) => sweepCarriesCo2(m, now) && next(now).sweep !== m.current.circuit!.oxygenator.sweepGas,
    run(now, log) {
      first ??= { t_h: now.t_h, paco2_mmHg: bloodGas(now).paco2_mmHg };
      if (!sweepCarriesCo2(m, now)) return false;
      const o = m.current.circuit!.oxygenator;
      const rule = o.sweepTitration;
      const gas = next(now);
      if (gas.sweep === o.sweepGas) return false; // in the target, at a limit, or held by the caution after cannulation
      const why =
        gas.sweep > o.sweepGas
          ? gas.paco2_mmHg > rule.highPaco2
            ? `PaCO2 above ${fmt(rule.highPaco2)} mmHg`
            : `pH below ${fmt(rule.acidosisPh, 2)}`
          : gas.paco2_mmHg < rule.lowPaco2
            ? `PaCO2 below ${fmt(rule.lowPaco2)} mmHg`
            : `pH above ${fmt(rule.alkalosisPh, 2)}`;
      log(
        'sweep_titration',
        `pH ${fmt(gas.ph, 2)}, PaCO2 ${fmt(gas.paco2_mmHg)} mmHg (${why}): sweep ${fmt(o.sweepGas, 2)} → ${fmt(gas.sweep, 2)} L/min`,
        gas.ph,
      );
      o.sweepGas = gas.sweep;
    },
  };
}
