/**
 * Creatinine (113 Da) in total body water, one compartment [S2: V ≈ 0.6 L/kg]:
 *   produced = G (muscle, reduced in sepsis)     eliminated = CL_renal·C
 * A small solute: the filter clears it with SC 1 from whole-blood water (registry.ts).
 */
import { mL_min, perHour } from '../../quantities.js';
import type { SoluteDefinition } from './solute.js';

export const creatinine: SoluteDefinition = {
  name: 'creatinine',
  amountUnit: 'mg',
  perMl: 100,
  series: ['creatinine_mg_dL', 'mg/dL', 'Serum creatinine'],
  peripheral: false,
  filtration: { sieving: 'creatinine', dilution: 'wholeBlood' },
  kinetics(m, slot, names) {
    const amount = slot(names.central);
    return {
      centralVolume_mL: () => m.current.kinetics.creatinine.distributionVolume,
      initial(y) {
        y[amount] = (m.scenario.patient.baseline.creatinine * m.scenario.kinetics.creatinine.distributionVolume) / 100;
      },
      fluxes(_now, c, out) {
        const k = m.current.kinetics.creatinine;
        out.produced = k.production;
        out.eliminated = perHour(mL_min(k.renalClearance)) * c;
        out.exchange = 0;
      },
    };
  },
};
