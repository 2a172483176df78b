/** Parameters of the septic kidney (the scenario's `patient.kidney` section; kidney.ts has the equations). */
import { q, type SpecTree } from '../../parameters.js';

export const kidneySpecs = {
  intactGfr: q('mL/min', 120, [10, 250], {
    range: [90, 130],
    description: 'Glomerular filtration of the uninjured kidneys at full perfusion pressure.',
    source: 'S2',
    ref: 'StatPearls, Physiology, Glomerular Filtration Rate (2023): GFR ≈ 120 mL/min (180 L/day)',
  }),
  zeroFiltrationPressure: q('mmHg', 20, [0, 60], {
    range: [10, 35],
    description: 'Renal perfusion pressure (MAP − CVP) at which glomerular filtration stops.',
    source: 'E',
    ref: 'no published human figure: filtration stops when glomerular capillary pressure no longer exceeds Bowman-space and oncotic pressure; an estimate',
  }),
  fullFiltrationPressure: q('mmHg', 65, [30, 120], {
    range: [55, 80],
    description:
      'Renal perfusion pressure (MAP − CVP) from which filtration is no longer pressure-limited; below it, with autoregulation lost in septic AKI, GFR falls in proportion.',
    source: 'S2',
    ref: 'Kato & Pinsky, Ann Intensive Care 2015;5:41: renal perfusion pressure target 65 mmHg; Badin et al., Crit Care 2011;15:R135: autoregulation impaired in septic AKI (MAP 72–82 mmHg protective)',
  }),
  startingInjury: q('1', 0.663677, [0, 1], {
    range: [0.5, 0.9],
    description:
      'Fraction of full-pressure filtration the septic injury has taken at the start (I0); the starting GFR is GFR_intact · f(RPP0) · (1 − I0), and creatinine’s starting renal clearance is that GFR.',
    source: 'E',
    ref: 'chosen so the default scenario starts at the former 20 mL/min: RPP0 = 52.3 − 10 = 42.3 mmHg, f = (42.3 − 20)/(65 − 20) = 0.4956, 120 · 0.4956 = 59.47 mL/min, I0 = 1 − 20/59.467 = 0.663677 (to 6 digits, so the default runs keep their 20 mL/min); range: septic AKI of KDIGO stage 2–3 (creatinine 2–3× baseline or more, so filtration at a half to a third of baseline or less: I0 0.5–0.67 and beyond), with stage-3 injuries to 0.9; an estimate',
  }),
  recoveryTimeConstant: q('h', 48, [1, 2000], {
    range: [24, 168],
    description: 'Time constant with which the renal injury follows the sepsis drive as inflammation resolves (recovery over days).',
    source: 'E',
    ref: 'septic AKI recovers over days when it recovers (KDIGO AKI guideline 2012: acute kidney disease ≤ 7 days); an estimate',
  }),
} as const satisfies SpecTree;
