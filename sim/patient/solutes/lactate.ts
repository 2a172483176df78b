/**
 * Lactate (89 Da), one compartment, the cohort's entry criterion (lactate ≥ 4 mmol/L, cohort.md):
 *   produced   = CL·C_n + P_aer·D(t) + y·max(0, VO2_demand − VO2_shivering − VO2)
 *                CL·C_n: basal production, what holds the normal lactate C_n [S2];
 *                P_aer·D: septic aerobic glycolysis following the sepsis drive D [E: a hypothesis];
 *                y·deficit: anaerobic production from the tissues' oxygen deficit (oxygenConsumption.ts), y mmol per
 *                mL O2 [E]; shivering's demand is left out of it: what delivery cannot give the shivering muscles is
 *                shivering not done, its heat not made (hypoxia blunts cold thermogenesis: Blatteis & Lutherer,
 *                J Appl Physiol 1976) [E: a hypothesis for its share]
 *   eliminated = CL·C                                         hepatic (and renal) clearance [S: Levraut, CCM 2003]
 * P_aer is set so that the starting lactate is a steady state before any extracorporeal treatment:
 *   P_aer = CL·(C0 − C_n) − y·deficit_pre,  deficit_pre the oxygen deficit with the native lung alone;
 * when the deficit alone makes more than that, P_aer is 0 and the start is not a steady state: lactate rises.
 * A small solute: the filter clears it with SC 1 from whole-blood water (registry.ts), a little beside the liver.
 */
import { q, type SpecTree } from '../../parameters.js';
import { preTreatmentOxygenDeficit_mL_min } from '../gasExchange/preTreatment.js';
import type { SoluteDefinition } from './solute.js';

/** mmol of O2 per mL at body conditions (STPD, 22.4 mL/mmol). */
const MMOL_O2_PER_ML = 1 / 22.4;

export const lactateKineticsSpecs = {
  distributionVolume: q('mL', null, [1000, 200000], {
    defaultPerKg: 500,
    range: [24000, 48000],
    description: 'Lactate distribution volume (default 0.5 L/kg; range 0.3–0.6 L/kg for 80 kg): body water that exchanges lactate within minutes.',
    source: 'E',
    ref: 'lactate crosses cell membranes by monocarboxylate transporters; an estimate between extracellular and total body water',
  }),
  clearance: q('mL/h', null, [0, 1e6], {
    defaultPerKg: 720,
    perKg: true,
    adjustable: true,
    range: [46400, 68800],
    description: 'Lactate clearance by the liver and kidneys (default 0.72 L/h/kg; range 0.58–0.86 L/h/kg for 80 kg).',
    source: 'S',
    ref: 'Levraut, CCM 2003: exogenous lactate clearance in severe sepsis 0.86 ± 0.32 (survivors) and 0.58 ± 0.18 L/h/kg (non-survivors)',
  }),
  normalConcentration: q('mmol/L', 1, [0, 3], {
    range: [0.5, 1.5],
    description: 'Blood lactate without the septic insult or an oxygen deficit: basal production equals clearance at it.',
    source: 'S2',
    ref: 'normal blood lactate 0.5–1.5 mmol/L (clinical chemistry reference ranges)',
  }),
  anaerobicYield: q('mmol/mL', 6 * MMOL_O2_PER_ML, [0, 1], {
    range: [0.13, 0.4],
    description: 'Lactate made per mL of oxygen the tissues lack: the ATP of the missing oxidation (≈ 6 per O2) made by glycolysis (1 per lactate).',
    source: 'E',
    ref: 'stoichiometry: oxidative phosphorylation ≈ 5–6 ATP per O2, anaerobic glycolysis 1 ATP per lactate (biochemistry textbooks)',
  }),
} as const satisfies SpecTree;

export const lactateBaselineSpec = q('mmol/L', 4.5, [0.1, 30], {
  range: [4, 10],
  description: 'Blood lactate at the start (the cohort took patients at ≥ 4 mmol/L).',
  source: 'S',
  ref: 'cohort.md: inclusion at lactate ≥ 4 mmol/L; the default sits just above it',
});

export const lactate: SoluteDefinition = {
  name: 'lactate',
  amountUnit: 'mmol',
  perMl: 1000,
  series: ['lactate_mmol_L', 'mmol/L', 'Blood lactate'],
  peripheral: false,
  filtration: { sieving: 'lactate', dilution: 'wholeBlood' },
  kinetics: (m, slot, names) => {
    const amount = slot(names.central);
    const k0 = m.scenario.kinetics.lactate;
    const c0_mmol_mL = m.scenario.patient.baseline.lactate / 1000;
    const anaerobic0_mmol_h = k0.anaerobicYield * 60 * preTreatmentOxygenDeficit_mL_min(m.scenario);
    // a start whose oxygen deficit alone makes more than clearance removes is not a steady state: lactate rises
    const aerobic0_mmol_h = Math.max(0, k0.clearance * (c0_mmol_mL - k0.normalConcentration / 1000) - anaerobic0_mmol_h);
    return {
      centralVolume_mL: () => m.current.kinetics.lactate.distributionVolume,
      initial(y) {
        y[amount] = c0_mmol_mL * k0.distributionVolume;
      },
      fluxes(now, c, out) {
        const k = m.current.kinetics.lactate;
        // the tissues' shortfall, not shivering's: shivering delivery cannot feed is shivering not done (no heat, no lactate)
        const mb = now.metabolism;
        const deficit = Math.max(0, mb.vo2Demand_mL_min - mb.shiveringDemand_mL_min - mb.vo2_mL_min);
        out.produced = (k.clearance * k.normalConcentration) / 1000 + aerobic0_mmol_h * now.sepsisDrive + k.anaerobicYield * 60 * deficit;
        out.eliminated = k.clearance * c;
        out.exchange = 0;
      },
    };
  },
};
