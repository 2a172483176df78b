/**
 * The blood gas and the MAP target in the cohort's figures (runFigures.ts), per patient: what pH and PaCO2 each arm
 * runs at under its blood-gas protocols (the ventilator's rate, the sweep), and whether the patient's MAP is below the
 * norepinephrine protocol's target at the summary's change time (24 h, or the end of a shorter run).
 *
 * Baseline is before treatment, as the cohort's other baselines (MAP, SOFA): the native lung alone at the ventilator's
 * starting rate, PaCO2 = VCO2 / g_lung (gas-exchange.md), and pH = 6.1 + log10(HCO3 / (0.0307·PaCO2)) at the starting
 * bicarbonate (acidBase.ts): the run's first sample, with or without a circuit, since the body's CO2 stores start
 * there and move only over the minutes after (co2Stores.ts). At the change time pH and PaCO2 are the run's series (`ph`,
 * `paco2_mmHg`) there. The MAP is the summary's at the change time (the table's "MAP at 24 h"), against the target the
 * scenario prescribes (prescription.norepinephrine.targetMap), as 0 or 100 per patient so that an arm's mean is the
 * share of its patients below it, in %.
 */
import type { RunResult } from '../engine/simulate.js';
import { interpolatedAt } from '../output/seriesValue.js';
import { arterialPh } from '../patient/acidBase/acidBase.js';
import { preTreatmentPaco2_mmHg } from '../patient/gasExchange/preTreatment.js';

/**
 * A series' value at time t_h: its sample there, or the straight line between the samples either side when the
 * output interval does not fall on t_h (the cohort replays sample every hour, so 24 h is a sample); a time outside the
 * samples is an error, not the nearest sample.
 */
export function seriesAt(time_h: ArrayLike<number>, values: ArrayLike<number>, t_h: number): number {
  if (!(t_h >= time_h[0] && t_h <= time_h[time_h.length - 1]))
    throw new Error(`no sample of the run at ${t_h} h: its samples run from ${time_h[0]} to ${time_h[time_h.length - 1]} h`);
  return interpolatedAt(time_h, values, t_h);
}

export function bloodGasFigures(r: RunResult) {
  const p = r.scenario.patient;
  const paco2_0 = preTreatmentPaco2_mmHg(r.scenario);
  const at = (values: ArrayLike<number>) => seriesAt(r.series.time_h, values, r.summary.change_at_h);
  return {
    ph_baseline: arterialPh(p.acidBase.bicarbonate, paco2_0),
    ph_24h: at(r.series.ph),
    paco2_baseline_mmHg: paco2_0,
    paco2_24h_mmHg: at(r.series.paco2_mmHg),
    below_map_target_24h_pct: r.summary.map_at_change_mmHg < r.scenario.prescription.norepinephrine.targetMap ? 100 : 0,
  };
}
