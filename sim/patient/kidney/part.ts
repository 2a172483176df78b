/**
 * The kidney in the engine (kidney.ts): one state, the renal injury, following the sepsis drive; GFR from the
 * renal perfusion pressure (MAP − CVP) now, written into Now for creatinine's and urea's renal clearance and for
 * the urine the fluid balance loses. Runs after hemodynamics (MAP) in the model list.
 */
import type { ModelDefinition } from '../../model/part.js';
import { fixedScale } from '../../model/part.js';
import { SettingError } from '../../model/errors.js';
import { glomerularFiltration_mL_min, injuryRate_per_h, startingInjury } from './kidney.js';

export const kidneyModel: ModelDefinition = {
  name: 'kidney',
  states: [{ name: 'renalInjury', scale: fixedScale(1) }],
  series: {
    gfr_mL_min: ['mL/min', 'Glomerular filtration rate (renal perfusion pressure and the septic injury)'],
    urine_output_mL_h: ['mL/h', 'Urine output (a constant fraction of the glomerular filtrate)'],
    renal_perfusion_pressure_mmHg: ['mmHg', 'Renal perfusion pressure, MAP − CVP'],
  },
  create(m, slot) {
    const s = m.scenario;
    const p = s.patient;
    const injury = slot('renalInjury');
    const gfr0 = s.kinetics.creatinine.renalClearance;
    const start = startingInjury(p.kidney, p.hemodynamics.map - p.centralVenousPressure, gfr0);
    if ('problem' in start) throw new SettingError('kinetics.creatinine.renalClearance', start.problem);
    const i0 = start.injury;
    const recovers = gfr0 > 0; // a kidney that filters nothing at the start is taken as not recovering
    return {
      initial(y) {
        y[injury] = i0;
      },
      derive(now) {
        const pc = m.current.patient;
        // the CVP the MAP was derived with (hemodynamics' venous return), so MAP − CVP is one circulation's
        const rpp = now.hemodynamics.map_mmHg - now.hemodynamics.centralVenousPressure_mmHg;
        const gfr = glomerularFiltration_mL_min(pc.kidney, rpp, now.y[injury]);
        now.kidney.perfusionPressure_mmHg = rpp;
        const relative = recovers ? gfr / gfr0 : 0;
        now.kidney.gfr_mL_min = gfr;
        now.kidney.relativeGfr = relative;
        now.kidney.urine_mL_h = pc.fluids.urineOutput * relative;
      },
      derivatives(now, dy) {
        dy[injury] = recovers ? injuryRate_per_h(now.y[injury], i0, now.sepsisDrive, m.current.patient.kidney.recoveryTimeConstant) : 0;
      },
      observe(now, out) {
        out.gfr_mL_min = now.kidney.gfr_mL_min;
        out.urine_output_mL_h = now.kidney.urine_mL_h;
        out.renal_perfusion_pressure_mmHg = now.kidney.perfusionPressure_mmHg;
      },
    };
  },
};
