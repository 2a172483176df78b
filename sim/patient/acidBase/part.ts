/**
 * Acid–base in the engine (acidBase.ts): one state, the buffer base (bicarbonate + lactate) in the bicarbonate space,
 * moved only by the filter; pH and bicarbonate as outputs (PaCO2 comes from the gas exchange's output solve).
 */
import type { ModelDefinition } from '../../model/part.js';
import { fixedScale } from '../../model/part.js';
import { convectiveClearance_mL_h } from '../../filter/filterNow.js';
import { seriesClearance_mL_h } from '../../filter/circuitBlood.js';
import { SOLUTE } from '../solutes/registry.js';
import { arterialPh, bicarbonate_mmol_L, bufferBaseRate_mmol_h } from './acidBase.js';

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
    const hco3 = (y: ArrayLike<number>, lactate: number) => bicarbonate_mmol_L(y[X], m.current.patient.acidBase.bicarbonateSpace, lactate);
    return {
      initial(y) {
        y[X] = ((ab0.bicarbonate + m.scenario.patient.baseline.lactate) * ab0.bicarbonateSpace) / 1000;
      },
      derivatives(now, dy) {
        const fn = now.filter;
        // the filter exchanges with the patient only through a flowing circuit (sim/filter/circuitBlood.ts)
        if (!fn || m.filter.circuitIsolated) {
          dy[X] = 0;
          return;
        }
        const lactate = now.concentration[SOLUTE.lactate];
        const kFilter = convectiveClearance_mL_h(fn, FREE, 'plasma');
        const k = kFilter > 0 ? seriesClearance_mL_h(kFilter, m.filter.circuitFlow_mL_min) : 0;
        dy[X] = bufferBaseRate_mmol_h(k, m.current.prescription.replacementFluid.bicarbonate, hco3(now.y, lactate), lactate);
      },
      observe(now, out) {
        const b = hco3(now.y, now.concentration[SOLUTE.lactate]);
        out.ph = arterialPh(b, now.paco2_mmHg);
        out.bicarbonate_mmol_L = b;
      },
    };
  },
};
