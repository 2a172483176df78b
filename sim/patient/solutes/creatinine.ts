/**
 * Creatinine (113 Da) in total body water, one compartment [S2: V ≈ 0.6 L/kg]:
 *   produced = G (muscle, reduced in sepsis)     eliminated = CL_renal·C
 * A small solute: the filter clears it with SC 1 from whole-blood water (registry.ts).
 */
import { bodyWaterKinetics } from './bodyWaterSolute.js';
import type { SoluteDefinition } from './solute.js';

export const creatinine: SoluteDefinition = {
  name: 'creatinine',
  amountUnit: 'mg',
  perMl: 100,
  series: ['creatinine_mg_dL', 'mg/dL', 'Serum creatinine'],
  peripheral: false,
  filtration: { sieving: 'creatinine', dilution: 'wholeBlood' },
  kinetics: (m, slot, names) =>
    bodyWaterKinetics(
      m,
      slot,
      names,
      (s) => s.kinetics.creatinine,
      m.scenario.patient.baseline.creatinine,
      () => m.current.kinetics.creatinine.production,
    ),
};
