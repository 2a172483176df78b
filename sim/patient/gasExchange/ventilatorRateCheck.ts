/**
 * The ARDS Network's pH protocol in the engine (ventilatorRate.ts): at each blood gas check, the arterial pH from the
 * bicarbonate now and PaCO2 (the CO2 stores'), and the rate it calls for. A changed rate changes the lung's CO2
 * conductance, which the CO2 stores' right-hand side reads: the check stops the solver when it acts, and the circuit
 * settles after it (settlesAfter), as after an operator's setting change.
 */
import type { Model } from '../../model/context.js';
import { fmt, type PeriodicCheck } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import type { BloodGas } from './bloodGas.js';
import { nextVentilatorRate } from './ventilatorRate.js';

/**
 * The rate titration at its interval; the first check at the start (the first blood gas), `bloodGas(now)` the blood gas now.
 * It stands aside while `sweepActs(now, gas)` at the blood gas it read: on ECMO with the sweep titrated the sweep carries
 * the CO2 (sweepTitrationCheck.ts), unless the sweep is spent in the direction the gas asks (sweepHandover.ts). The first
 * time the sweep carries it, a set rate above the rest rate comes down to it at once: lung rest on VV ECMO (CESAR's
 * 10/min; restRateOnEcmo).
 */
export function ventilatorRateTitration(m: Model, bloodGas: (now: Now) => BloodGas, sweepActs: (now: Now, gas: BloodGas) => boolean): PeriodicCheck {
  let started = false;
  /** Whether the lung has been rested on ECMO (once: afterwards the rate protocol stands aside or acts as before). */
  let rested = false;
  /** The first check at which the sweep carries the CO2 with the set rate above the rest rate rests the lung. */
  const restsLung = (now: Now, gas: BloodGas) => {
    const lung = m.current.patient.lung;
    return !rested && lung.ventilatorRate > lung.rateTitration.restRateOnEcmo && sweepActs(now, gas);
  };
  const next = (now: Now) => {
    const lung = m.current.patient.lung;
    const gas = bloodGas(now);
    return { gas, rate: nextVentilatorRate(lung.rateTitration, gas.ph, gas.paco2_mmHg, lung.ventilatorRate) };
  };
  return {
    interval: () => (started ? m.current.patient.lung.rateTitration.interval : 0),
    changesDerivatives: true, // the lung's CO2 conductance empties the CO2 stores
    settlesAfter: true,
    wouldAct: (now) => {
      if (!m.current.patient.lung.rateTitration.titrate) return false;
      const { gas, rate } = next(now);
      return restsLung(now, gas) || (!sweepActs(now, gas) && rate !== m.current.patient.lung.ventilatorRate);
    },
    run(now, log) {
      started = true;
      const lung = m.current.patient.lung;
      if (!lung.rateTitration.titrate) return false;
      const { gas, rate } = next(now);
      if (restsLung(now, gas)) {
        rested = true;
        log(
          'ventilator_rate_titration',
          `On ECMO the sweep carries the CO2 (PaCO2 ${fmt(gas.paco2_mmHg)} mmHg, pH ${fmt(gas.ph, 2)}): lung rest, ventilator rate ${fmt(lung.ventilatorRate)} → ${fmt(lung.rateTitration.restRateOnEcmo)} /min`,
          gas.ph,
        );
        lung.ventilatorRate = lung.rateTitration.restRateOnEcmo;
        return;
      }
      if (sweepActs(now, gas) || rate === lung.ventilatorRate) return false;
      const rule = lung.rateTitration;
      const why =
        rate < lung.ventilatorRate
          ? `above ${fmt(rule.alkalosisPh, 2)}`
          : gas.ph < rule.severeAcidosisPh
            ? `below ${fmt(rule.severeAcidosisPh, 2)}: to the maximum rate`
            : `below ${fmt(rule.acidosisPh, 2)}`;
      log(
        'ventilator_rate_titration',
        `pH ${fmt(gas.ph, 2)} ${why} (PaCO2 ${fmt(gas.paco2_mmHg)} mmHg): ventilator rate ${fmt(lung.ventilatorRate)} → ${fmt(rate)} /min`,
        gas.ph,
      );
      lung.ventilatorRate = rate;
    },
  };
}
