/**
 * The native lung on the ventilator: what the ventilator's FiO2 does to the blood leaving ventilated alveoli, how
 * the lung's impairment recovers, and the bedside FiO2 protocol.
 *
 * End-capillary oxygen, two-parameter lung (shunt and a ventilation/perfusion drop) [S: Karbing et al., Crit Care
 * 2007;11:R118, after Kjærgaard et al., Intensive Care Med 2003]:
 *   PAO2  = FiO2·713 − PaCO2/RQ                       alveolar gas equation (713 mmHg dry inspired gas, RQ 0.8)
 *   S_cap = min(S_cap,max, Severinghaus(PAO2 − ΔPO2·I))   ΔPO2: the drop low V/Q regions cause; FiO2 overcomes it,
 *                                                      where true shunt is refractory to oxygen
 * Recovery [E: hypothesis, no published model links the lung's course to a cytokine drive]: the impairment I
 * (1 at the start) follows the sepsis drive D with a lag, dI/dt = (D − I)/τ_lung, and scales both the shunt
 * (shunt = shunt₀·I) and ΔPO2.
 *
 * FiO2 protocol (a bedside protocol, never fitted), at each check:
 *   SaO2 < target_low                      → FiO2 + step (up to FiO2_max)
 *   SaO2 > target_high (on ECMO: target_low) → FiO2 − step (down to FiO2_min; on ECMO to the rest FiO2)
 * Target SpO2 88–95 % [S2: ARDS Network oxygenation goal, PaO2 55–80 mmHg or SpO2 88–95 %]. On VV ECMO the native
 * lung is rested: the ventilator's FiO2 is weaned to the rest FiO2 (0.3 in CESAR's rest settings [S2: Mechanical ventilation
 * during ECMO, Crit Care 2014, doi:10.1186/cc13702, table 1]) for as long as the circuit keeps the saturation at the low target; the
 * oxygenator's sweep FiO2 stays the perfusionist's setting and the protocol never touches it.
 * A wean that fails (FiO2 lowered, and the next change raises it again: the saturation fell below the target at the
 * lower FiO2) is not tried again for weanRetry hours, on the FiO2 that held the target [S2: BTS guideline for oxygen
 * use in adults, Thorax 2017;72(Suppl 1): lower the oxygen once the saturation has been in the upper zone of its target
 * for 4–8 h; if it falls below the target, go back to the lowest concentration that kept it there]. Without it a lung
 * whose saturation crosses the whole band in one step (a large V/Q drop on the steep part of the dissociation curve)
 * is weaned and raised again at every check.
 */
import { DRY_GAS_mmHg, saturationFromPo2 } from './gasExchange.js';

/** Respiratory quotient in the alveolar gas equation [S: textbooks]. */
export const RESPIRATORY_QUOTIENT = 0.8;

/** FiO2·713 − PaCO2/0.8 (mmHg) as the alveolar gas equation gives it: negative where CO2 would fill the alveoli. */
export function alveolarGasEquation_mmHg(fio2: number, paco2_mmHg: number): number {
  return fio2 * DRY_GAS_mmHg - paco2_mmHg / RESPIRATORY_QUOTIENT;
}

/** PAO2 = FiO2·713 − PaCO2/0.8 (mmHg), never below 0. */
export function alveolarPo2_mmHg(fio2: number, paco2_mmHg: number): number {
  return Math.max(alveolarGasEquation_mmHg(fio2, paco2_mmHg), 0);
}

/** Saturation of blood leaving ventilated alveoli: the V/Q drop below the alveolar PO2, capped by the lung's ceiling. */
export function endCapillarySaturation(fio2: number, paco2_mmHg: number, drop_mmHg: number, ceiling: number): number {
  const s = saturationFromPo2(alveolarPo2_mmHg(fio2, paco2_mmHg) - drop_mmHg);
  return s < ceiling ? s : ceiling;
}

/** dI/dt of the lung's impairment: towards the sepsis drive now (1 at the start). */
export function lungImpairmentRate_per_h(impairment: number, drive: number, recoveryTimeConstant_h: number): number {
  return (drive - impairment) / recoveryTimeConstant_h;
}

export interface Fio2Rule {
  targetLow: number;
  targetHigh: number;
  step: number;
  minFio2: number;
  maxFio2: number;
  restFio2OnEcmo: number;
}

/** A ventilator sets FiO2 to a percent: round away binary noise from repeated steps. */
const ventilatorSetting = (f: number) => Math.round(f * 1000) / 1000;

/** The FiO2 the protocol sets at this saturation (fractions); unchanged inside the band, and not lowered while `weanHeld`. */
export function nextFio2(rule: Fio2Rule, sao2: number, fio2: number, onEcmo: boolean, weanHeld = false): number {
  const floor = onEcmo ? Math.max(rule.restFio2OnEcmo, rule.minFio2) : rule.minFio2;
  if (sao2 < rule.targetLow) return fio2 < rule.maxFio2 ? ventilatorSetting(Math.min(fio2 + rule.step, rule.maxFio2)) : fio2;
  const weanAbove = onEcmo ? rule.targetLow : rule.targetHigh;
  if (!weanHeld && sao2 > weanAbove && fio2 > floor) return ventilatorSetting(Math.max(fio2 - rule.step, floor));
  return fio2;
}

/**
 * The protocol's memory of its last change: a rise that follows a wean reverses a failed wean, and weaning is then held
 * for the rule's retry time (module comment).
 */
export class FailedWean {
  private lastWasWean = false;
  /** The FiO2 the protocol last set: a rise from another (the operator's) undoes no wean of the protocol's. */
  private lastSet = NaN;
  private until_h = -Infinity;
  /** Whether weaning is held at t (h). */
  holds(t_h: number): boolean {
    return t_h < this.until_h - 1e-9;
  }
  /** Until when weaning is held (h; −Infinity when it is not). */
  get heldUntil_h(): number {
    return this.until_h;
  }
  /** The protocol changed FiO2 at t from `from` to `to`: true when the change reverses a wean (weaning held from now). */
  changed(t_h: number, from: number, to: number, retry_h: number): boolean {
    const failed = to > from && this.lastWasWean && from === this.lastSet;
    if (failed) this.until_h = t_h + retry_h;
    this.lastWasWean = to < from;
    this.lastSet = to;
    return failed;
  }
}

/** Why an FiO2 rule cannot be run (its field and what was expected), or null. */
export function fio2RuleProblem(rule: Fio2Rule): { field: string; message: string } | null {
  if (rule.targetLow >= rule.targetHigh)
    return {
      field: 'targetLow',
      message: `got ${rule.targetLow}; expected less than targetHigh (${rule.targetHigh}): a saturation cannot call for both more and less oxygen`,
    };
  if (rule.minFio2 > rule.maxFio2) return { field: 'minFio2', message: `got ${rule.minFio2}; expected at most maxFio2 (${rule.maxFio2})` };
  if (rule.restFio2OnEcmo > rule.maxFio2) return { field: 'restFio2OnEcmo', message: `got ${rule.restFio2OnEcmo}; expected at most maxFio2 (${rule.maxFio2})` };
  return null;
}
