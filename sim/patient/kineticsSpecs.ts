/** Model parameters of the patient's solute kinetics (the scenario's `kinetics` section). */
import { q, type SpecTree } from '../parameters.js';
import { SOLUTE_SPECS } from './solutes/registry.js';
import { heparinSpecs } from './heparin/heparinSpecs.js';

export const kineticsSpecs = {
  sepsisDrive: {
    residualFraction: q('1', 0.3, [0, 1], {
      calibratable: true,
      range: [0.02, 0.5],
      description: 'D∞: fraction of the starting cytokine production left once both phases are over (the insult largely resolved).',
      source: 'E',
      ref: 'estimate: in patients who recover the insult resolves, so at most half the drive remains; fitted with the two phases',
    }),
    fastFraction: q('1', 0.3, [0, 1], {
      calibratable: true,
      range: [0.05, 0.6],
      description: 'Share f of the drive that resolves in the fast phase, D = D∞ + (1 − D∞)·[f·e^(−t/τ_fast) + (1 − f)·e^(−t/τ_slow)].',
      source: 'E',
      ref: 'biphasic fall of cytokines once the source is controlled (Clic-AKI, Crit Care 2021); fitted to the 24 h and 72 h figures',
    }),
    fastTimeConstant: q('h', 8, [0.5, 200], {
      calibratable: true,
      range: [3, 24],
      description: 'τ_fast: time constant of the fast phase (within the first day of antibiotics and source control).',
      source: 'E',
      ref: 'fitted to the 24 h and 72 h figures together',
    }),
    timeConstant: q('h', 72, [1, 1000], {
      calibratable: true,
      range: [36, 240],
      description: 'τ_slow: time constant of the slow phase (resolution over days).',
      source: 'E',
      ref: 'fitted to the 24 h and 72 h figures together (cohort replay)',
    }),
  },
  il6: {
    peripheralVolume: q('mL', 9000, [100, 50000], {
      range: [5000, 15000],
      description: 'Peripheral (interstitial) distribution volume; the central volume is the plasma volume.',
      source: 'E',
      ref: 'reference-data.md §3: central ~3 L, peripheral ~9 L',
    }),
    interCompartmentClearance: q('mL/h', 3500, [0, 50000], {
      range: [2000, 5000],
      description: 'Clearance between plasma and the peripheral compartment.',
      source: 'E',
      ref: 'reference-data.md §3: 2–5 L/h',
    }),
    endogenousClearance: q('mL/h', 3000, [0, 50000], {
      calibratable: true,
      range: [1000, 8000],
      description: 'Endogenous (renal, hepatic, receptor) clearance from plasma.',
      source: 'E',
      ref: 'reference-data.md §3: ~3 L/h (1–8); calibratable',
    }),
  },
  pct: {
    // PCT (13 kDa) is a small protein that crosses capillaries and distributes in extracellular water, like
    // β2-microglobulin (11.8 kDa), whose two-pool kinetics are measured: total volume 30 % of body water
    // (25–36 %), inter-compartment clearance 55 mL/min (30–80) [S2: Int J Artif Organs 2002;25:411].
    peripheralVolume: q('mL', null, [100, 60000], {
      defaultPerKg: 140,
      range: [8000, 14000],
      description:
        'Peripheral (interstitial) distribution volume; the central volume is the plasma volume. Default 140 mL/kg: 30 % of body water (0.18 L/kg) less plasma; range for an 80 kg adult.',
      source: 'S2',
      ref: 'as β2-microglobulin (similar size): V = 30 % of total body water (25–36 %), Int J Artif Organs 2002;25:411',
    }),
    interCompartmentClearance: q('mL/h', 3300, [0, 50000], {
      range: [1800, 4800],
      description: 'Clearance between plasma and the peripheral compartment.',
      source: 'S2',
      ref: 'as β2-microglobulin: K12 = 55 mL/min (30–80), Int J Artif Organs 2002;25:411',
    }),
    halfLife: q('h', 30, [1, 200], {
      range: [22, 45],
      description: 'Elimination half-life with normal renal function; sets the endogenous clearance.',
      source: 'S',
      ref: 'Meisner, EJA 2001: median 30 h (22–45)',
    }),
    productionResidualFraction: q('1', 0.6, [0, 1], {
      calibratable: true,
      range: [0.1, 1],
      description: 'Fraction of the starting PCT production left once antibiotics and source control have acted.',
      source: 'E',
      ref: 'PCT falls ~30–50 %/day in responders as bacterial stimulation stops (PCT-guided therapy trials, S2); calibratable',
    }),
    productionTimeConstant: q('h', 48, [0.5, 1000], {
      calibratable: true,
      range: [6, 72],
      description: 'Time constant of the fall of PCT production.',
      source: 'E',
      ref: 'calibratable',
    }),
    productionLag: q('h', 2.5, [0.1, 24], {
      range: [2, 3],
      description: 'Lag of PCT production behind the sepsis drive (first-order).',
      source: 'S',
      ref: 'Meisner 2001: rises after a 2–3 h lag, plateau at 6–12 h',
    }),
  },
  crp: {
    halfLife: q('h', 19, [1, 200], {
      range: [15, 23],
      description: 'Elimination half-life, constant across conditions.',
      source: 'S',
      ref: 'Pepys & Hirschfield, J Clin Invest 2003: t½ ≈ 19 h',
    }),
    synthesisLag: q('h', 8, [0.5, 48], {
      calibratable: true,
      range: [6, 12],
      description: 'Mean delay from plasma IL-6 to hepatic CRP synthesis (two transit compartments).',
      source: 'S2',
      ref: 'reference-data.md §3: lag ~6–12 h',
    }),
    il6HalfEffect: q('pg/mL', 500, [1, 1e5], {
      calibratable: true,
      range: [100, 1500],
      description: 'IL-6 concentration giving half-maximal CRP synthesis: below septic IL-6 (~2000 pg/mL), so the liver works near saturation.',
      source: 'E',
      ref: 'the hepatic acute-phase response is near saturation at septic IL-6 (issue 12): in primary human hepatocytes acute-phase protein synthesis is maximal at 100–300 U/mL rIL-6 (Castell, Hepatology 1990;12:1179), ~1–3 ng/mL at ~10 pg/U [E]; hepatocyte CRP secretion rises with IL-6 dose (HepG2, Agents Actions 1991;34:369); fitted',
    }),
    hill: q('1', 1, [0.3, 6], {
      calibratable: true,
      range: [1, 2],
      description: 'Steepness n of CRP synthesis: S_max·Lⁿ/(EC50ⁿ + Lⁿ).',
      source: 'E',
      ref: 'calibratable',
    }),
    startingSynthesisFraction: q('1', 1, [0, 5], {
      calibratable: true,
      range: [0.7, 1.2],
      description:
        'φ: CRP synthesis at the start as a fraction of its elimination at the start. 1 = steady state; below 1 = CRP past its peak, its excess (1 − φ)·A₀ cleared with its half-life; above 1 = CRP still rising (early in the insult).',
      source: 'E',
      ref: 'hypothesis (solutes.md, CRP): after a single stimulus CRP peaks at ~48 h (Pepys & Hirschfield, J Clin Invest 2003;111:1805; 36–50 h in clinical summaries), while rising it doubles every ~8 h (φ ≈ 3.4); septic shock recognised a day or more into the insult finds CRP near or past its peak. Value not published: default 1 (a steady start); calibratable',
    }),
  },
  albumin: {
    intravascularFraction: q('1', 0.4, [0.1, 0.9], {
      range: [0.36, 0.46],
      description: 'Fraction of exchangeable albumin in plasma at the start.',
      source: 'S2',
      ref: 'reference-data.md §3: ~40 % intravascular; extravascular to intravascular albumin 1.17–1.76 (f 0.36–0.46) in 13 normal young men ("Studies of I131-albumin catabolism and distribution in normal young male adults")',
    }),
    transcapillaryEscapeRate: q('1/h', 0.1, [0, 1], {
      range: [0.05, 0.2],
      description: 'Fraction of plasma albumin leaving to the interstitium per hour (raised in sepsis).',
      source: 'S',
      ref: 'Fleck, Lancet 1985: ~5 %/h healthy, up to 300 % higher in septic shock',
    }),
    halfLife: q('h', 456, [24, 2000], {
      range: [360, 600],
      description:
        'Whole-body half-life of labelled albumin: the exchangeable pool (plasma and interstitium) turns over at ln2/t½, catabolised from the plasma (synthesis balances catabolism at the start).',
      source: 'S2',
      ref: 'albumin t½ ≈ 19 days (labelled albumin); synthesis ≈ 10.5 g/day, turnover time ≈ 25 days (Levitt & Levitt, Int J Gen Med 2016;9:229)',
    }),
  },
  creatinine: {
    distributionVolume: q('mL', null, [1000, 200000], {
      defaultPerKg: 600,
      description: 'Creatinine distribution volume: total body water (default 0.6 L/kg).',
      source: 'S2',
      ref: 'creatinine distributes in total body water, ~0.6 L/kg',
    }),
    production: q('mg/h', null, [0, 500], {
      defaultPerKg: 0.625,
      description: 'Creatinine production from muscle (default 15 mg/kg/day, reduced in sepsis).',
      source: 'S2',
      ref: '~20 mg/kg/day in health, lower in sepsis (reduced muscle perfusion)',
    }),
  },
  ...SOLUTE_SPECS.kinetics,
  heparin: heparinSpecs,
} as const satisfies SpecTree;
