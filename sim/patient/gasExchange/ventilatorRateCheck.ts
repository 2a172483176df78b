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
 * It stands aside while the circuit carries the CO2 (`circuitCarries(now)`: on ECMO with the sweep titrated or the
 * operator's, sweepTitrationCheck.ts), unless the sweep is spent in the direction the gas asks (`sweepSpent(gas)`,
 * sweepHandover.ts). Where the circuit takes the CO2 over (at cannulation, and again after a check at which it did not),
 * a set rate above the rest rate comes down to it at once: lung rest on VV ECMO (CESAR's 10/min; restRateOnEcmo).
 */
export function ventilatorRateTitration(
  m: Model,
  bloodGas: (now: Now) => BloodGas,
  circuitCarries: (now: Now) => boolean,
  sweepSpent: (gas: BloodGas) => boolean,
): PeriodicCheck {
  let started = false;
  /** Whether the circuit carried the CO2 at the last check (before the first: no, the patient comes to it ventilated). */
  let carriedBefore = false;
  /**
   * The lung is rested where the circuit takes the CO2 over (`carries` now, not at the last check: cannulation, a stopped
   * pump restarted, a clamp released) with the set rate above the rest rate. Only there: at the sweep's limit the rate
   * protocol's own steps stand.
   */
  const restsLung = (carries: boolean) => {
    const lung = m.current.patient.lung;
    return carries && !carriedBefore && lung.ventilatorRate > lung.rateTitration.restRateOnEcmo;
  };
  /** The sweep carries the CO2 at this blood gas: the rate protocol stands aside. */
  const sweepActs = (carries: boolean, gas: BloodGas) => carries && !sweepSpent(gas);
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
      const carries = circuitCarries(now);
      if (restsLung(carries)) return true;
      const { gas, rate } = next(now);
      return !sweepActs(carries, gas) && rate !== m.current.patient.lung.ventilatorRate;
    },
    run(now, log) {
      started = true;
      const lung = m.current.patient.lung;
      const carries = circuitCarries(now);
      const rests = restsLung(carries);
      carriedBefore = carries;
      if (!lung.rateTitration.titrate) return false;
      if (rests) {
        const gas = bloodGas(now);
        log(
          'ventilator_rate_titration',
          `The circuit carries the CO2 (PaCO2 ${fmt(gas.paco2_mmHg)} mmHg, pH ${fmt(gas.ph, 2)}): lung rest, ventilator rate ${fmt(lung.ventilatorRate)} → ${fmt(lung.rateTitration.restRateOnEcmo)} /min`,
          gas.ph,
        );
        lung.ventilatorRate = lung.rateTitration.restRateOnEcmo;
        return;
      }
      const { gas, rate } = next(now);
      if (sweepActs(carries, gas) || rate === lung.ventilatorRate) return false;
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
