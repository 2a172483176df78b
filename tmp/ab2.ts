import { run, DEFAULT_ECMO } from '../test/helpers/scenarios.js';
import { bicarbonateAtNormalPh_mmol_L } from '../sim/patient/acidBase/acidBase.js';
const r = run(DEFAULT_ECMO, { duration: '72 h' });
const target = r.scenario.prescription.replacementFluid.bicarbonate;
const s = r.series;
const base = s.bicarbonate_mmol_L.map((b: number, i: number) => bicarbonateAtNormalPh_mmol_L(b, s.ph[i]) + s.lactate_mmol_L[i]);
const plasma = s.bicarbonate_mmol_L.map((b: number, i: number) => b + s.lactate_mmol_L[i]);
console.log('target', target, 'max plasma', Math.max(...plasma));
for (let i = 1; i < base.length; i++) if (base[i] < base[i - 1] - 1e-9) console.log('dip at', s.time_h[i], base[i] - base[i - 1], 'plasma', plasma[i - 1], plasma[i], 'paco2', s.paco2_mmHg[i]);
