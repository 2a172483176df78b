/**
 * Inorganic phosphate (95 Da), the pseudo-one-compartment model of dialysis kinetics with its large pool made finite
 * (docs/models/solutes.md, "Phosphate"):
 *   central (extracellular) volume V_c; a pool V_p (cells and bone's exchangeable phosphate) mobilised into it
 *   exchange   = K_M·(C − C_p)                   phosphorus mobilisation clearance K_M [S: Leypoldt et al., Kidney
 *                                                Int 2013, 774 HEMO Study patients: V_c 13.6 % of body weight, K_M
 *                                                87 (65–116) mL/min]
 *   produced   = R + S                          net release R into the extracellular fluid from the gut and from tissue
 *                                                breakdown [E], and an intravenous supplement S (a prescription)
 *   eliminated = FE·GFR·C                        renal excretion: the filtered load less tubular reabsorption
 * Leypoldt's pool is infinite over a 2–4 h session; over days of continuous filtration it is not, and its size
 * (Daugirdas's two-pool phosphate model: the distal compartment 3 × total body water, NDT 2018) sets how far a
 * continuous removal lowers phosphate by the second and third day [E for its use over days].
 * A small solute: the filter clears it with SC 1 from plasma water (inorganic phosphate crosses the red cell's
 * membrane slowly, so red-cell water does not follow in one pass [E]); a replacement fluid with phosphate (Phoxilium,
 * Biphozyl: 1.2 mmol/L) gives back K·C_rf (solute.ts `replacement`).
 */
import { q, type SpecTree } from '../../parameters.js';
import type { SoluteDefinition } from './solute.js';
import { interCompartmentExchange } from './volumes.js';

export const phosphateKineticsSpecs = {
  centralVolume: q('mL', null, [1000, 60000], {
    defaultPerKg: 136,
    range: [7200, 12000],
    description: 'Phosphate central distribution volume (default 13.6 % of body weight): a space approximating the extracellular fluid.',
    source: 'S',
    ref: 'Leypoldt et al., Kidney Int 2013 (774 HEMO Study patients): 9.4 (7.2–12.0) L, 13.6 % of the post-dialysis weight',
  }),
  mobilizationClearance: q('mL/min', 87, [0, 1000], {
    range: [65, 116],
    description: 'Phosphorus mobilisation clearance: phosphate moving into the central volume from the pool, K_M·(C_pool − C).',
    source: 'S',
    ref: 'Leypoldt et al., Kidney Int 2013: 87 (65–116) mL/min, median (IQR); Agar et al., CJASN 2011: 45–208 mL/min',
  }),
  poolVolume: q('mL', null, [1000, 1e6], {
    defaultPerKg: 1800,
    range: [96000, 192000],
    description:
      'Volume of the mobilisable phosphate pool (cells, bone surface) at the plasma concentration: default 3 × total body water (1.8 L/kg); its size sets how far days of continuous removal lower phosphate.',
    source: 'E',
    ref: 'Daugirdas, NDT 2018;33:76: distal compartment 3 × total body water in a two-pool phosphate model of a hemodialysis session; its use over days an estimate (range 2–4 × TBW)',
  }),
  renalFraction: q('1', 0.2, [0, 1], {
    range: [0.1, 0.35],
    description: 'Fractional excretion of phosphate: its renal clearance over the GFR now (filtered, 65–90 % reabsorbed).',
    source: 'S2',
    ref: 'fractional excretion of phosphate 5–20 % with normal function, higher in acute kidney injury (renal physiology texts); 0.2 an estimate for septic AKI',
  }),
  release: q('mmol/h', 0.4, [0, 10], {
    range: [0.1, 1],
    description:
      'Net phosphate entering the extracellular fluid from the gut and from tissue breakdown (10 mmol/day by default: little feeding in the first days of septic shock, catabolism releasing cell phosphate).',
    source: 'E',
    ref: 'estimate: a diet gives 20–30 mmol/day absorbed; septic AKI patients start hyperphosphataemic at a low GFR',
  }),
} as const satisfies SpecTree;

export const phosphateBaselineSpec = q('mmol/L', 1.6, [0.1, 6], {
  range: [1, 2.5],
  description: 'Serum phosphate at the start (normal 0.8–1.45 mmol/L; septic acute kidney injury often starts above it).',
  source: 'E',
  ref: 'hyperphosphataemia at CRRT start in septic AKI: an estimate; Chua et al., Blood Purif 2012: 1.0–1.8 mmol/L on CVVH',
});

export const phosphateSupplementSpec = q('mmol/h', 0, [0, 10], {
  adjustable: true,
  range: [0, 2],
  description: 'Intravenous phosphate supplement, a steady rate (e.g. 20–30 mmol over 4–6 h is 3.3–7.5 mmol/h while it runs).',
  source: 'S2',
  ref: 'ICU phosphate replacement protocols: 0.3–0.6 mmol/kg over 4–6 h when phosphate is low; a setting',
});

export const replacementPhosphateSpec = q('mmol/L', 0, [0, 3], {
  adjustable: true,
  range: [0, 1.2],
  description:
    'Phosphate in the replacement fluid: none in standard bicarbonate solutions (Prismasol, Multibic, Accusol); 1.2 mmol/L in Phoxilium and Biphozyl.',
  source: 'S',
  ref: 'product labels; Chua et al., Blood Purif 2012 (Phoxilium 1.2 mmol/L against Accusol); Morabito et al., Crit Care 2014',
});

export const phosphate: SoluteDefinition = {
  name: 'phosphate',
  amountUnit: 'mmol',
  perMl: 1000,
  series: ['phosphate_mmol_L', 'mmol/L', 'Serum inorganic phosphate'],
  peripheral: true,
  filtration: { sieving: 'phosphate', dilution: 'plasma' },
  replacement: (m) => m.current.prescription.replacementFluid.phosphate / 1000,
  kinetics: (m, slot, names) => {
    const central = slot(names.central);
    const pool = slot(names.peripheral);
    const c0 = m.scenario.patient.baseline.phosphate / 1000; // mmol/mL
    return {
      centralVolume_mL: () => m.current.kinetics.phosphate.centralVolume,
      initial(y) {
        const k = m.scenario.kinetics.phosphate;
        y[central] = c0 * k.centralVolume;
        y[pool] = c0 * k.poolVolume;
      },
      fluxes(now, c, out) {
        const k = m.current.kinetics.phosphate;
        out.produced = k.release + now.blood.phosphateInfusion_mmol_h; // the supplement and the replacement rule's dose
        out.eliminated = k.renalFraction * 60 * now.kidney.gfr_mL_min * c;
        out.exchange = interCompartmentExchange(60 * k.mobilizationClearance, c, now.y[pool], k.poolVolume);
      },
    };
  },
};
