/**
 * Creatinine (113 Da) in total body water, one compartment [S2: V ≈ 0.6 L/kg]:
 *   produced = G (muscle, reduced in sepsis)     eliminated = GFR·C   (its renal clearance is the GFR: the kidney's)
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
      () => 1, // creatinine clearance ≈ GFR (tubular secretion, 10–20 % over GFR, taken as part of the injury's GFR)
    ),
};
