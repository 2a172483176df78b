/**
 * Acid–base in the engine (acidBase.ts): one state, the buffer base (bicarbonate, the non-bicarbonate buffers' share
 * and lactate) in the bicarbonate space, moved only by the filter. It derives Z (the bicarbonate at pH 7.4), then
 * bicarbonate and the pH the norepinephrine response reads (hemodynamics, next in model order) at PaCO2, the CO2
 * stores' state (sim/patient/co2Stores, derived before this part).
 */
import type { ModelDefinition } from '../../model/part.js';
import { fixedScale } from '../../model/part.js';
import { convectiveClearance_mL_h } from '../../filter/filterNow.js';
import { seriesClearance_mL_h } from '../../filter/circuitBlood.js';
import { SOLUTE } from '../solutes/registry.js';
import { acidBaseOnLine, arterialPh, bicarbonateAtNormalPh_mmol_L, bicarbonateAtNormalPhFromBase_mmol_L, bufferBaseRate_mmol_h } from './acidBase.js';
import { preTreatmentPaco2_mmHg } from '../gasExchange/preTreatment.js';

/** Bicarbonate passes the membrane freely [S2: small ion, SC ≈ 1]. */
const FREE = { clean: 1, fouled: 1 } as const;

export const acidBaseModel: ModelDefinition = {
  name: 'acid–base',
  states: [{ name: 'bufferBase_mmol', scale: fixedScale(1000) }],
  series: {
    ph: ['1', 'Arterial pH (Henderson–Hasselbalch from bicarbonate and PaCO2)'],
    bicarbonate_mmol_L: ['mmol/L', 'Plasma bicarbonate'],
  },
  create(m, slot) {
    const X = slot('bufferBase_mmol');
    const ab0 = m.scenario.patient.acidBase;
    return {
      derive(now) {
        const a = now.acidBase;
        const z = bicarbonateAtNormalPhFromBase_mmol_L(now.y[X], m.current.patient.acidBase.bicarbonateSpace, now.concentration[SOLUTE.lactate]);
        a.bicarbonateAtNormalPh_mmol_L = z;
        acidBaseOnLine(z, now.paco2_mmHg, a); // its bicarbonate and pH
      },
      initial(y) {
        // the starting bicarbonate at the starting PaCO2 (the patient's before treatment, as the CO2 stores start) puts
        // the state on its Van Slyke line
        const z0 = bicarbonateAtNormalPh_mmol_L(ab0.bicarbonate, arterialPh(ab0.bicarbonate, preTreatmentPaco2_mmHg(m.scenario)));
        y[X] = ((z0 + m.scenario.patient.baseline.lactate) * ab0.bicarbonateSpace) / 1000;
      },
      derivatives(now, dy) {
        const fn = now.filter;
        // the filter exchanges with the patient only through a flowing circuit (sim/filter/circuitBlood.ts)
        if (!fn || m.filter.circuitIsolated) {
          dy[X] = 0;
          return;
        }
        const kFilter = convectiveClearance_mL_h(fn, FREE, 'plasma');
        const k = kFilter > 0 ? seriesClearance_mL_h(kFilter, m.filter.circuitFlow_mL_min) : 0;
        const lactate = now.concentration[SOLUTE.lactate];
        dy[X] = bufferBaseRate_mmol_h(k, m.current.prescription.replacementFluid.bicarbonate, now.acidBase.bicarbonate_mmol_L, lactate);
      },
      observe(now, out) {
        out.ph = now.acidBase.ph;
        out.bicarbonate_mmol_L = now.acidBase.bicarbonate_mmol_L;
      },
    };
  },
};
