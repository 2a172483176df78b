/**
 * The platelet count in the engine (platelets.ts): one state, consumed by the sepsis drive, the ECMO circuit while it
 * is connected and the hemofilter while it filters (now.filter), produced back toward the start's count; written
 * into Now for the coagulation SOFA. Runs after the hemofilter in the model list.
 */
import { fixedScale, type ModelDefinition } from '../../model/part.js';
import { plateletRate_per_nL_h } from './platelets.js';

export const plateletsModel: ModelDefinition = {
  name: 'platelets',
  states: [{ name: 'platelets_per_nL', scale: fixedScale(100) }],
  series: {
    platelets_1e9_L: ['10^9/L', 'Platelet count (consumed by sepsis and the circuit’s surfaces, produced back toward the start’s count)'],
  },
  create(m, slot) {
    const count = slot('platelets_per_nL');
    const start = m.scenario.patient.platelets.start;
    return {
      initial(y) {
        y[count] = start;
      },
      derive(now) {
        now.platelets_per_nL = now.y[count];
      },
      derivatives(now, dy) {
        dy[count] = plateletRate_per_nL_h(m.current.patient.platelets, start, now.y[count], now.sepsisDrive, m.current.circuit !== null, now.filter !== null);
      },
      observe(now, out) {
        out.platelets_1e9_L = now.y[count];
      },
    };
  },
};
