/**
 * Parameters of the right ventricle's afterload from CO2 (the scenario's `hemodynamics.rightHeart`, rightHeart.ts).
 * The chain from PaCO2 to cardiac output is a hypothesis (hemodynamics.md, "The right ventricle and CO2").
 */
import { q, type SpecTree } from '../../parameters.js';

export const rightHeartSpecs = {
  co2PressureSensitivity: q('mmHg/mmHg', 0.8, [0, 5], {
    range: [0.6, 1],
    description:
      "g_CO2: rise of the right ventricle's systolic pressure per mmHg of PaCO2 above the patient's own at the start (hypercapnic pulmonary vasoconstriction).",
    source: 'S',
    ref: 'Balanos et al., J Appl Physiol 2003;94:1543: 0.6–1 mmHg of tricuspid systolic pressure gradient per mmHg of end-tidal PCO2 over 4 h of ±10 mmHg, 12 healthy volunteers; carried to septic patients (an assumption)',
  }),
  afterloadSensitivity: q('1/mmHg', 0.01, [0, 0.05], {
    range: [0, 0.02],
    description:
      'f_RV: fraction of the starting cardiac output the right ventricle loses per mmHg of its systolic pressure at a constant filling (0: an afterload-insensitive right ventricle). A hypothesis.',
    source: 'E',
    ref: 'derived, no septic figure: at a constant end-diastolic volume the time-varying elastance model gives ΔSV = −ΔPes/Ees (Suga & Sagawa), so f_RV = 1/(Ees·SV); RV Ees 0.61–1.34 mmHg/mL (Trip et al., J Heart Lung Transplant 2013, pulmonary hypertension) and SV ~75 mL give 0.01–0.02; homeometric adaptation (Anrep) lowers it, hence the range from 0',
  }),
} as const satisfies SpecTree;
