/**
 * The bedside vasopressor protocol at its check (norepinephrineTitration.ts, vasopressin.ts): below the MAP target
 * with norepinephrine at or above the vasopressin threshold, vasopressin is added and the dose holds (SSC 2021);
 * otherwise one step of norepinephrine up below target, a share of the dose off above the band.
 */
import type { Model } from '../../model/context.js';
import { fmt, type PeriodicCheck } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import { nextNorepinephrineDose } from './norepinephrineTitration.js';
import { vasopressinDue, vasopressinStops } from './vasopressin.js';

export interface VasopressorProtocol {
  readonly check: PeriodicCheck;
  /** The vasopressin rate running now, U/min (0 before it is added or when `give` is off). */
  vasopressin_U_min(): number;
}

/** `onDoseChange(t)` is told when the check changes the norepinephrine dose (hydrocortisone's start count). */
export function vasopressorProtocol(m: Model, onDoseChange: (t_h: number) => void): VasopressorProtocol {
  let vasopressinAdded = false;
  const running = () => vasopressinAdded && m.current.prescription.vasopressin.give;
  const dose = () => m.current.patient.hemodynamics.norepinephrine;
  const nextDose = (map_mmHg: number) => nextNorepinephrineDose(m.current.prescription.norepinephrine, map_mmHg, dose());
  const addsVasopressin = (now: Now) =>
    vasopressinDue(m.current.prescription.vasopressin, vasopressinAdded, now.hemodynamics.map_mmHg, m.current.prescription.norepinephrine.targetMap, dose());
  const stopsVasopressin = (now: Now) =>
    vasopressinStops(m.current.prescription.vasopressin, running(), now.hemodynamics.map_mmHg, m.current.prescription.norepinephrine.weanAbove, dose());
  const check: PeriodicCheck = {
    interval: () => m.current.prescription.norepinephrine.interval,
    changesDerivatives: true, // the dose sets MAP, which the kidney's filtration reads
    wouldAct: (now) =>
      m.current.prescription.norepinephrine.titrate && (addsVasopressin(now) || stopsVasopressin(now) || nextDose(now.hemodynamics.map_mmHg) !== dose()),
    run(now, log) {
      const rule = m.current.prescription.norepinephrine;
      const hemo = m.current.patient.hemodynamics;
      if (!rule.titrate) return false;
      const map = now.hemodynamics.map_mmHg;
      if (addsVasopressin(now)) {
        vasopressinAdded = true;
        const vp = m.current.prescription.vasopressin;
        log(
          'vasopressin_start',
          `MAP ${fmt(map)} mmHg below ${fmt(rule.targetMap)} on norepinephrine ${fmt(hemo.norepinephrine, 3)} ≥ ${fmt(vp.startDose, 3)} µg/kg/min: vasopressin ${fmt(vp.dose, 3)} U/min added instead of escalating (SSC 2021)`,
          map,
        );
        return true;
      }
      if (stopsVasopressin(now)) {
        vasopressinAdded = false;
        log(
          'vasopressin_stop',
          `MAP ${fmt(map)} mmHg above ${fmt(rule.weanAbove)} on norepinephrine ${fmt(hemo.norepinephrine, 3)} µg/kg/min: vasopressin stopped (norepinephrine weaned first)`,
          map,
        );
        return true;
      }
      const next = nextDose(map);
      if (next === hemo.norepinephrine) return false;
      const side = next > hemo.norepinephrine ? `below ${fmt(rule.targetMap)}` : `above ${fmt(rule.weanAbove)}`;
      const change = next === 0 ? `stopped (last step below ${fmt(rule.stopBelow, 3)} µg/kg/min)` : `→ ${fmt(next, 3)} µg/kg/min`;
      log('norepinephrine_titration', `MAP ${fmt(map)} mmHg ${side}: norepinephrine ${fmt(hemo.norepinephrine, 3)} ${change}`);
      hemo.norepinephrine = next;
      onDoseChange(now.t_h);
      return true;
    },
  };
  return { check, vasopressin_U_min: () => (running() ? m.current.prescription.vasopressin.dose : 0) };
}
