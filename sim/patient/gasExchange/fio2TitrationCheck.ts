/**
 * The bedside FiO2 protocol in the engine (ventilation.ts): at its interval, on the arterial saturation a check reads
 * off the oxygen line (no extra solve) while the pulse oximeter shows a number.
 */
import type { Model } from '../../model/context.js';
import { fmt, type PeriodicCheck } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import { boundOxygen_mL_per_mL, hemoglobin_g_dL } from '../../blood.js';
import { po2FromContent_mmHg, saturationFromPo2 } from './gasExchange.js';
import { DISSOLVED_O2_mL_mL_mmHg } from './fibreBundle.js';
import { oximeterHasPulse } from './deviceReadings.js';
import { FailedWean, nextFio2 } from './ventilation.js';
import { onEcmo } from './bloodGas.js';
import type { OxygenLine } from './oxygenConsumption.js';
import { oxygenCapacity_mL_min } from './oxygenSupply.js';

/** Arterial saturation on a line at the consumption now (a check's reading: no extra solve). */
export function saturationOnLine(m: Model, line: OxygenLine, now: Now): number {
  const capacity = oxygenCapacity_mL_min(now);
  // no cardiac output: nothing consumed from the blood (VO2 = DO2 = 0), the arterial content is the line's start
  const sigmaA = capacity > 0 ? line.s0 - (line.slope * now.metabolism.vo2_mL_min) / capacity : line.s0;
  // the line is in content (bound and dissolved); the protocol reads the bound saturation an oximeter shows
  const alphaOverB = DISSOLVED_O2_mL_mL_mmHg / boundOxygen_mL_per_mL(hemoglobin_g_dL(now.blood.hematocrit), 1);
  return saturationFromPo2(po2FromContent_mmHg(sigmaA, alphaOverB));
}

/**
 * Whether the protocol has a saturation to titrate to: the bedside titrates to the pulse oximeter, which shows no
 * number without a pulse (deviceReadings.ts); with the heart stopped FiO2 stays where it is.
 */
const oximeterReads = (now: Now) => oximeterHasPulse(now.hemodynamics.cardiacOutput_L_min);

/** The bedside FiO2 protocol (ventilation.ts) at its interval, on the saturation `sao2(now)` gives. */
export function fio2Titration(m: Model, sao2: (now: Now) => number): PeriodicCheck {
  const failedWean = new FailedWean();
  const next = (now: Now) =>
    nextFio2(m.current.patient.lung.fio2Titration, sao2(now), m.current.patient.lung.ventilatorFio2, onEcmo(now), failedWean.holds(now.t_h));
  return {
    interval: () => m.current.patient.lung.fio2Titration.interval,
    // the right-hand side reads the held oxygen line, which the line's own check refreshes
    changesDerivatives: false,
    wouldAct: (now) => m.current.patient.lung.fio2Titration.titrate && oximeterReads(now) && next(now) !== m.current.patient.lung.ventilatorFio2,
    run(now, log) {
      const lung = m.current.patient.lung;
      // no titration, no oximeter reading, or FiO2 stays: no setting changed
      if (!lung.fio2Titration.titrate || !oximeterReads(now)) return false;
      const s = sao2(now);
      const f = next(now);
      if (f === lung.ventilatorFio2) return false;
      const rule = lung.fio2Titration;
      const why =
        f > lung.ventilatorFio2
          ? `below ${fmt(100 * rule.targetLow)} %`
          : onEcmo(now)
            ? `at or above ${fmt(100 * rule.targetLow)} % on ECMO (lung rest)`
            : `above ${fmt(100 * rule.targetHigh)} %`;
      const failed = failedWean.changed(now.t_h, lung.ventilatorFio2, f, rule.weanRetry);
      const held = failed ? ` (the wean to ${fmt(lung.ventilatorFio2, 2)} did not hold the target: no wean before ${fmt(failedWean.heldUntil_h, 2)} h)` : '';
      log('fio2_titration', `SaO2 ${fmt(100 * s)} % ${why}: ventilator FiO2 ${fmt(lung.ventilatorFio2, 2)} → ${fmt(f, 2)}${held}`, s);
      lung.ventilatorFio2 = f;
    },
  };
}
