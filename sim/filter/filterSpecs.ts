/** The hemofilter device: membrane, sieving, fouling and clotting parameters (the scenario's `filter` section). */
import { q, type SpecTree } from '../parameters.js';
import { bloodLeakSpecs } from './bloodLeak/bloodLeakSpecs.js';
import foulingFit from './filterFouling.calibrated.json' with { type: 'json' };

type Tag = 'S' | 'S2' | 'E';
const sieving = (clean: number, fouled: number, cleanRef: string, fouledRef: string, tags: readonly [Tag, Tag], range: readonly [number, number]) => ({
  clean: q('1', clean, [0, 1], {
    description: 'Sieving coefficient of a clean membrane (SC = C_ultrafiltrate / C_plasma).',
    source: tags[0],
    ref: cleanRef,
  }),
  fouled: q('1', fouled, [0, 1], {
    range,
    description: 'Sieving coefficient once the protein layer has formed.',
    source: tags[1],
    ref: fouledRef,
  }),
});

export const filterSpecs = {
  ...bloodLeakSpecs,
  area: q('m^2', 1.8, [0.1, 3], { description: 'Membrane area.', source: 'S', ref: 'cohort.md: 1.8 m² high-cut-off polyethersulfone' }),
  ultrafiltrationCoefficient: q('mL/h/mmHg', 50, [1, 500], {
    range: [30, 70],
    description: 'Hydraulic permeability Kuf of the clean filter in blood.',
    source: 'E',
    ref: 'reference-data.md §4: 30–70 mL/h/mmHg for 1.8 m² (Ward 2005)',
  }),
  referencePressureDrop: q('mmHg', 52, [1, 500], {
    description: 'Blood-side pressure drop at the reference flow and hematocrit.',
    source: 'S',
    ref: 'AV1000S IFU: ~52 mmHg at Qb 300 mL/min, Hct 45 %',
  }),
  referenceBloodFlow: q('mL/min', 300, [50, 1000], { description: 'Blood flow of the reference pressure drop.', source: 'S', ref: 'AV1000S IFU' }),
  referenceHematocrit: q('1', 0.45, [0.1, 0.7], { description: 'Hematocrit of the reference pressure drop.', source: 'S', ref: 'AV1000S IFU' }),
  setVolume: q('mL', 150, [0, 500], {
    range: [100, 250],
    description:
      "Blood the hemofilter set holds (filter, access and return lines), primed with crystalloid: with the ECMO circuit's prime it is added at connection and it is part of the circuit's blood the filter clears, split from the patient's when the ECMO flow stops.",
    source: 'E',
    ref: 'estimate: high-cut-off 1.8 m² filter ~100 mL blood side + two 1.5 m lines of 4.5 mm (48 mL)',
  }),
  sieving: {
    il6: sieving(
      0.6,
      0.45,
      'Mariano, NDT 2005: HCO in vitro ≈ 0.6',
      'reference-data.md §2: default 0.45 within the published 0.15–0.7',
      ['S', 'E'],
      [0.15, 0.7],
    ),
    pct: sieving(0.7, 0.6, 'HCO higher than polysulfone 0.24 (Meisner, Shock 2001)', 'reference-data.md §2: default 0.6 (0.2–0.9)', ['E', 'E'], [0.2, 0.9]),
    albumin: sieving(
      0.2,
      0.01,
      'Mariano, NDT 2005: HCO 0.2 on a clean membrane',
      'Mariano 2005: fell to 0.02 within 3 h; reference-data.md §2 default 0.01 (0.001–0.05)',
      ['S', 'E'],
      [0.001, 0.05],
    ),
    creatinine: sieving(1, 1, 'IFU data for 1.8 m² high-flux filters: small solutes SC 1.0', 'as clean (small solutes pass freely)', ['S', 'S'], [1, 1]),
    urea: sieving(
      1,
      1,
      'urea (60 Da) passes high-flux and HCO membranes freely: SC 1.0 (IFU data)',
      'as clean (small solutes pass freely)',
      ['S', 'S'],
      [1, 1],
    ),
    lactate: sieving(
      1,
      1,
      'lactate (89 Da) passes high-flux membranes freely: SC ≈ 1, as for other small solutes (IFU data for small solutes)',
      'as clean (small solutes pass freely)',
      ['S2', 'S2'],
      [1, 1],
    ),
    phosphate: sieving(
      1,
      1,
      'inorganic phosphate (95 Da) passes high-flux membranes freely: SC ≈ 1, as for other small solutes (IFU data for small solutes)',
      'as clean (small solutes pass freely)',
      ['S2', 'S2'],
      [1, 1],
    ),
    crp: sieving(0, 0, 'CRP stays flat under HCO filtration (reference-data.md §2)', 'as clean', ['S', 'S'], [0, 0.02]),
    // the filterable vasoplegic mediators (a hypothesis: hemodynamics.md): a lumped pool of cytokines, sieved on this
    // membrane as IL-6 is; a standard membrane passes such a pool at about half the high cut-off's sieving (Atan 2016)
    vasoplegicMediators: sieving(
      0.6,
      0.45,
      'as IL-6 on the high-cut-off membrane (a hypothesis: a lumped pool of 10–50 kDa cytokines; hemodynamics.md)',
      'as IL-6 fouled (hypothesis); a standard high-flux membrane about half of it: combined cytokines 0.16 against 0.31 on high cut-off (Atan et al., Int J Artif Organs 2016)',
      ['E', 'E'],
      [0.15, 0.7],
    ),
  },
  proteinLayer: {
    timeConstant: q('h', 2, [0.05, 24], {
      range: [1, 3],
      description:
        'Time constant τ_conv of the convective part of protein-layer formation at the reference flux (proteins carried to the membrane by filtration); sieving goes from clean to fouled.',
      source: 'E',
      ref: 'reference-data.md §2: τ = 1–3 h; Mariano 2005',
    }),
    adsorptionTimeConstant: q('h', foulingFit.proteinAdsorptionTimeConstant_h, [0.01, 24], {
      description:
        'Time constant τ_ads of the flux-independent part of protein-layer formation: plasma proteins adsorbing on the membrane from first blood contact (dθ/dt = (1 − θ)·(1/τ_ads + (J/J_ref)/τ_conv)).',
      source: 'calibrated',
      ref: 'scripts/calibrateFilterFouling.ts: a fresh filter on the default protocol loses 7.6 g albumin in 12 h (Morgera, Intensive Care Med 2003: 7.6 g protein per 12 h, IQR 6.2–12.0); checked against Mariano, NDT 2005 (in vitro SC 0.2 → 0.02 within 3 h)',
    }),
    referenceFlux: q('mL/h/m^2', 2000, [10, 20000], {
      description: 'Filtrate flux at which τ applies (3.6 L/h over 1.8 m²); the layer forms faster at higher flux.',
      source: 'E',
      ref: 'cohort prescription 45 mL/kg/h × 80 kg / 1.8 m²',
    }),
  },
  adsorption: {
    il6InitialClearance: q('mL/min', 5, [0, 100], {
      range: [0, 30],
      description: 'Adsorptive IL-6 clearance of a fresh membrane (polyethersulfone adsorbs little).',
      source: 'E',
      ref: 'reference-data.md §2: K_ads0 10–30 mL/min for adsorptive membranes; PES much less (Broman 2019)',
    }),
    pctInitialClearance: q('mL/min', 0, [0, 100], {
      range: [0, 10],
      description: 'Adsorptive PCT clearance of a fresh membrane.',
      source: 'E',
      ref: 'as IL-6',
    }),
    timeConstant: q('h', 4, [0.1, 48], {
      range: [2, 6],
      description: 'Saturation time constant: K_ads(t) = K_ads0·exp(−t/τ_ads) over filter age.',
      source: 'E',
      ref: 'reference-data.md §2: τ_ads 2–6 h',
    }),
  },
  fouling: {
    cakeResistancePerProtein: q('m^2/g', foulingFit.cakeResistancePerProtein_m2_g, [0, 1], {
      description: 'Rise of relative cake resistance per gram of protein carried to each m² of membrane: dR/dt = α·J·C_protein.',
      source: 'calibrated',
      ref: 'scripts/calibrateFilterFouling.ts: TMP reaches 250 mmHg at 27 h (RICH trial median filter life, JAMA 2020) at FF ~20 %, aPTT in range',
    }),
  },
  clotting: {
    baselineHazard: q('1/h', 0.012, [0, 1], {
      range: [0.005, 0.03],
      description: 'Fibre clotting hazard at the reference filtration fraction with aPTT in range (dφ/dt = h·(1 − φ)).',
      source: 'E',
      ref: '~25 % of fibres clotted at 24 h; filter life median ~27 h (RICH, JAMA 2020)',
    }),
    referenceFiltrationFraction: q('1', 0.2, [0.01, 0.5], {
      description: 'FF at which the baseline hazard applies.',
      source: 'S',
      ref: 'reference-data.md §1: keep FF ≤ 20–25 %',
    }),
    filtrationFractionSensitivity: q('1', 8, [0, 50], {
      range: [4, 12],
      description: 'k in h ∝ exp(k·(FF − FF_ref)): +10 % FF multiplies the hazard by e^0.8 ≈ 2.2.',
      source: 'E',
      ref: 'Uchino, Nephron Clin Pract 2003 (FF, hemoconcentration as predictors)',
    }),
    anticoagulationFactor: q('1', 3, [0, 50], {
      range: [1, 6],
      description: 'Extra hazard without heparin: h ×(1 + γ·s²), s = (aPTT_low − aPTT)/(aPTT_low − aPTT₀) clipped to 0–1.',
      source: 'E',
      ref: 'Uchino 2003: heparin dose an independent predictor of filter life',
    }),
  },
} as const satisfies SpecTree;
