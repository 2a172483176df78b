/**
 * The platelet count in the engine (platelets.ts): two states, the platelet mass and the marrow's production
 * relative to the start's. The mass is held as the count it would be at the patient's own starting blood volume V₀
 * (x = count·V_iv/V₀), so consumption, senescence and the marrow's feedback (thrombopoietin is cleared by the
 * platelet mass) act on the mass, and the count is x·V₀/V_iv: the circuit's prime dilutes it at cannulation
 * (V_iv(0) = V₀ + prime, fluid-balance.md) and fluid shifts, infusions and ultrafiltration dilute or concentrate it
 * as they do the red cells [S2: dilutional thrombocytopenia at ECMO initiation]. Consumed by the sepsis drive, the
 * ECMO circuit while it is connected and the hemofilter while it filters (now.filter), made by the marrow, whose
 * production rises as the mass falls; written into Now for the coagulation SOFA. Runs after the fluid balance and
 * the hemofilter in the model list. Whole blood lost (now.blood.bleeding_mL_h) takes its platelets: bleeding alone
 * leaves the count as it was, and the fluids given for it dilute it. The transfusion rule (plateletTransfusion.ts)
 * adds a unit's recovered platelets to the mass while it runs in, and its volume to the blood (the fluid balance reads
 * now.blood.plateletInfusion_mL_h); `plateletUnitsGiven` counts the units.
 */
import { fixedScale, type ModelDefinition } from '../../model/part.js';
import { fmt } from '../../model/events.js';
import { plateletConsumption_per_h, plateletRate_per_nL_h, thrombopoiesisRate_per_h } from './platelets.js';
import { plateletIncrement_per_nL, plateletTransfusion } from './plateletTransfusion.js';
import { dosingRuleEvents } from '../dosingRule.js';

export const plateletsModel: ModelDefinition = {
  name: 'platelets',
  states: [
    { name: 'plateletMass_per_nL', scale: fixedScale(100) },
    { name: 'thrombopoiesis_fraction', scale: fixedScale(1) },
    { name: 'plateletUnitsGiven', scale: fixedScale(1) },
  ],
  series: {
    platelets_1e9_L: ['10^9/L', 'Platelet count (consumed by sepsis and the circuit’s surfaces, made by the marrow at a rate that rises as it falls)'],
    platelet_units_given: ['1', 'Adult platelet units given since the start (by the transfusion rule and by hand)'],
    thrombopoiesis_pct: ['%', 'Platelet production by the marrow, % of the start’s (rises with thrombopoietin as the count falls, after a lag)'],
  },
  create(m, slot) {
    const mass = slot('plateletMass_per_nL'); // the count at the patient's own starting volume
    const production = slot('thrombopoiesis_fraction');
    const unitsGiven = slot('plateletUnitsGiven');
    const rule = plateletTransfusion(m);
    const start = m.scenario.patient.platelets.start;
    /** The patient's own blood volume before the prime (mL): the volume the mass state is counted at. */
    const ownVolume_mL = m.scenario.patient.intravascularVolume;
    return {
      initial(y) {
        y[mass] = start;
        y[production] = 1;
      },
      perform(_t, y, action, log) {
        const units = action.plateletUnits;
        if (units === undefined) return;
        const { unitContent, volume } = m.current.prescription.plateletTransfusion;
        // given at once; their volume joins the blood in the fluid balance's perform
        y[mass] += plateletIncrement_per_nL(units * unitContent, m.current.patient.platelets.transfusionRecovery, ownVolume_mL);
        y[unitsGiven] += units;
        log('platelet_transfusion', `${fmt(units, 2)} adult platelet unit(s) (${fmt(units * unitContent, 0)} × 10⁹ in ${fmt(units * volume, 0)} mL) given`);
      },
      ...dosingRuleEvents(rule),
      derive(now) {
        now.platelets_per_nL = (now.y[mass] * ownVolume_mL) / now.blood.intravascular_mL;
        now.blood.plateletInfusion_mL_h = rule.rate_mL_h;
      },
      derivatives(now, dy) {
        const k = m.current.patient.platelets;
        const consumption = plateletConsumption_per_h(k, now.sepsisDrive, m.current.circuit !== null, now.filter !== null);
        // whole blood lost (bleeding, a circuit rupture, a filter blood leak) carries its platelets with it
        const bled = (now.blood.bleeding_mL_h * now.platelets_per_nL) / ownVolume_mL;
        // a unit running in: its recovered share joins the mass (counted at the starting volume)
        const transfused = plateletIncrement_per_nL(rule.rate_1e9_h, k.transfusionRecovery, ownVolume_mL);
        dy[mass] = plateletRate_per_nL_h(k, start, now.y[mass], now.y[production], consumption) - bled + transfused;
        dy[production] = thrombopoiesisRate_per_h(k, start, now.y[mass], now.y[production]);
        dy[unitsGiven] = rule.rate_units_h;
      },
      observe(now, out) {
        out.platelets_1e9_L = now.platelets_per_nL;
        out.thrombopoiesis_pct = 100 * now.y[production];
        out.platelet_units_given = now.y[unitsGiven];
      },
    };
  },
};
