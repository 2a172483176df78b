/**
 * The ventilator's rate: what it does to the native lung's CO2 removal, and the ARDS Network's pH protocol that sets it.
 *
 * CO2 removal [E: assumption]: alveolar ventilation V_A = (V_T − V_D)·f. At a fixed tidal volume V_T and a fixed dead
 * space V_D per breath, V_A is proportional to the rate f, and so is the lung's CO2 conductance (CO2 removed per
 * mmHg of PaCO2, V_A/0.863 reduced by disease):
 *   g_lung = g_lung,0 · f / f_0          g_lung,0 (patient.lung.co2Conductance) given at the starting rate f_0
 *   PaCO2  = VCO2 / g_lung               without ECMO (co2Exchange.ts, arterialCo2_mmHg): doubling the rate halves PaCO2
 * The bedside rule of thumb is the same proportion: new rate = rate · PaCO2 / desired PaCO2 at an unchanged tidal
 * volume [S2: medicalalgorithms.com, "Ventilator rate"]. Left out: a shorter expiratory time at a high rate (gas
 * trapping, auto-PEEP) and a dead space that grows with it, which make the real gain smaller than the proportion.
 *
 * pH protocol (a bedside protocol, never fitted) [S2: NHLBI ARDS Network mechanical ventilation protocol card, the
 * protocol of ARDS Network, N Engl J Med 2000;342:1301: pH goal 7.30–7.45; pH 7.15–7.30: raise the set rate until
 * pH > 7.30 or PaCO2 < 25 mmHg, maximum set rate 35/min; pH < 7.15: rate to 35; pH > 7.45: lower the rate if
 * possible; rates 6–35/min], at each blood gas check:
 *   pH < severe (7.15), PaCO2 ≥ floor (25)        → rate to its maximum
 *   pH < acidosis (7.30), PaCO2 ≥ floor (25)      → rate + step, up to its maximum
 *   pH > alkalosis (7.45)                         → rate − step, down to its minimum
 *   otherwise                                     → unchanged
 * The card's next steps at the maximum rate (tidal volume up by 1 mL/kg steps while pH < 7.15, sodium bicarbonate)
 * are left out: the rate stays at its maximum and the pH where the lung leaves it.
 */
export interface VentilatorRateRule {
  acidosisPh: number;
  severeAcidosisPh: number;
  alkalosisPh: number;
  minPaco2: number;
  step: number;
  minRate: number;
  maxRate: number;
}

/** A ventilator sets its rate to a tenth of a breath per minute: round away binary noise from repeated steps. */
const ventilatorSetting = (rate: number) => Math.round(rate * 10) / 10;

/** The rate (breaths/min) the protocol sets after a blood gas with this pH and PaCO2 (mmHg); unchanged inside the goal. */
export function nextVentilatorRate(rule: VentilatorRateRule, ph: number, paco2_mmHg: number, rate: number): number {
  if (ph < rule.acidosisPh) {
    if (paco2_mmHg < rule.minPaco2 || rate >= rule.maxRate) return rate;
    return ph < rule.severeAcidosisPh ? rule.maxRate : ventilatorSetting(Math.min(rate + rule.step, rule.maxRate));
  }
  if (ph > rule.alkalosisPh && rate > rule.minRate) return ventilatorSetting(Math.max(rate - rule.step, rule.minRate));
  return rate;
}

/** g_lung = g_lung,0 · f/f_0 (mL/min/mmHg): at the starting rate exactly the given conductance. */
export function lungCo2Conductance(conductanceAtStart: number, rate: number, startRate: number): number {
  return rate === startRate ? conductanceAtStart : (conductanceAtStart * rate) / startRate;
}

/** Why a rate rule cannot be run (its field and what was expected), or null. */
export function ventilatorRateRuleProblem(rule: VentilatorRateRule): { field: string; message: string } | null {
  if (rule.severeAcidosisPh > rule.acidosisPh)
    return { field: 'severeAcidosisPh', message: `got ${rule.severeAcidosisPh}; expected at most acidosisPh (${rule.acidosisPh})` };
  if (rule.acidosisPh >= rule.alkalosisPh)
    return {
      field: 'acidosisPh',
      message: `got ${rule.acidosisPh}; expected less than alkalosisPh (${rule.alkalosisPh}): a pH cannot call for both a faster and a slower rate`,
    };
  if (rule.minRate > rule.maxRate) return { field: 'minRate', message: `got ${rule.minRate} /min; expected at most maxRate (${rule.maxRate} /min)` };
  return null;
}
