/**
 * The platelet count in the engine (platelets.ts): two states, the count and the marrow's production relative to
 * the start's. The count is consumed by the sepsis drive, the ECMO circuit while it is connected and the hemofilter
 * while it filters (now.filter), and made by the marrow, whose production rises as the count falls; written into
 * Now for the coagulation SOFA. Runs after the hemofilter in the model list.
 */
import { fixedScale, type ModelDefinition } from '../../model/part.js';
import { plateletConsumption_per_h, plateletRate_per_nL_h, thrombopoiesisRate_per_h } from './platelets.js';

export const plateletsModel: ModelDefinition = {
  name: 'platelets',
  states: [
    { name: 'platelets_per_nL', scale: fixedScale(100) },
    { name: 'thrombopoiesis_fraction', scale: fixedScale(1) },
  ],
  series: {
    platelets_1e9_L: ['10^9/L', 'Platelet count (consumed by sepsis and the circuit’s surfaces, made by the marrow at a rate that rises as it falls)'],
    thrombopoiesis_pct: ['%', 'Platelet production by the marrow, % of the start’s (rises with thrombopoietin as the count falls, after a lag)'],
  },
  create(m, slot) {
    const count = slot('platelets_per_nL');
    const production = slot('thrombopoiesis_fraction');
    const start = m.scenario.patient.platelets.start;
    return {
      initial(y) {
        y[count] = start;
        y[production] = 1;
      },
      derive(now) {
        now.platelets_per_nL = now.y[count];
      },
      derivatives(now, dy) {
        const k = m.current.patient.platelets;
        const consumption = plateletConsumption_per_h(k, now.sepsisDrive, m.current.circuit !== null, now.filter !== null);
        dy[count] = plateletRate_per_nL_h(k, start, now.y[count], now.y[production], consumption);
        dy[production] = thrombopoiesisRate_per_h(k, start, now.y[count], now.y[production]);
      },
      observe(now, out) {
        out.platelets_1e9_L = now.y[count];
        out.thrombopoiesis_pct = 100 * now.y[production];
      },
    };
  },
};
