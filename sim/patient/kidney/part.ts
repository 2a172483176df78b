/**
 * The kidney in the engine (kidney.ts): one state, the renal injury, starting at I0 (patient.kidney.startingInjury)
 * and following the sepsis drive; GFR from the renal perfusion pressure (MAP − CVP) now, written into Now for
 * creatinine's and urea's renal clearance and for the urine the fluid balance loses. The urine output is the
 * urine at the starting GFR (GFR0, from I0 and the starting MAP and CVP) and scales with GFR/GFR0: a setting
 * changed during a run is read the same way. Runs after hemodynamics (MAP) in the model list.
 */
import type { ModelDefinition } from '../../model/part.js';
import { fixedScale } from '../../model/part.js';
import { SettingError } from '../../model/errors.js';
import { excretedFraction, glomerularFiltration_mL_min, injuryRate_per_h } from './kidney.js';

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
    const i0 = p.kidney.startingInjury;
    const rpp0 = p.hemodynamics.map - p.centralVenousPressure;
    const gfr0 = glomerularFiltration_mL_min(p.kidney, rpp0, i0);
    const excreted = excretedFraction(p.fluids.urineOutput, gfr0);
    if ('problem' in excreted) {
      const from = `GFR0 = GFR_intact·f(RPP0)·(1 − I0) with patient.kidney.startingInjury ${i0} at a starting perfusion pressure (MAP − CVP) of ${Math.round(rpp0 * 10) / 10} mmHg`;
      throw new SettingError('patient.fluids.urineOutput', `${excreted.problem}; ${from}`);
    }
    // urine = U·GFR/GFR0: with no starting filtration no fraction is known, and U is 0 (refused otherwise)
    const perStartingGfr = gfr0 > 0 ? 1 / gfr0 : 0;
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
        now.kidney.gfr_mL_min = gfr;
        now.kidney.urine_mL_h = pc.fluids.urineOutput * gfr * perStartingGfr;
      },
      derivatives(now, dy) {
        dy[injury] = injuryRate_per_h(now.y[injury], i0, now.sepsisDrive, m.current.patient.kidney.recoveryTimeConstant);
      },
      observe(now, out) {
        out.gfr_mL_min = now.kidney.gfr_mL_min;
        out.urine_output_mL_h = now.kidney.urine_mL_h;
        out.renal_perfusion_pressure_mmHg = now.kidney.perfusionPressure_mmHg;
      },
    };
  },
};
