/**
 * Fluid balance in the engine: blood (intravascular) and interstitial volumes, plasma refill between them, and
 * the ledger of fluid given (infusion, replacement) and removed (urine, effluent) (fluidBalance.ts):
 *   dV_iv/dt = infusion − urine + replacement − effluent + refill        dV_is/dt = −refill
 */
import { massBalance } from '../../model/now.js';
import { plasmaVolume_mL } from '../../model/context.js';
import { scaleBy, type ModelDefinition } from '../../model/part.js';
import { plasmaRefill_mL_h, refillConductance_mL_h_mmHg } from './fluidBalance.js';
import { hemoglobin_g_dL } from '../../blood.js';
import { fmt } from '../../model/events.js';

const byBlood = scaleBy('intravascularVolume_mL');

export const fluidBalanceModel: ModelDefinition = {
  name: 'fluid balance',
  states: [
    { name: 'intravascularVolume_mL', scale: byBlood },
    { name: 'interstitialVolume_mL', scale: scaleBy('interstitialVolume_mL') },
    { name: 'fluidInfused_mL', scale: byBlood, ledger: true },
    { name: 'urine_mL', scale: byBlood, ledger: true },
    { name: 'replacement_mL', scale: byBlood },
    { name: 'effluent_mL', scale: byBlood },
  ],
  series: {
    intravascular_volume_mL: ['mL', 'Blood volume'],
    interstitial_volume_mL: ['mL', 'Interstitial fluid volume'],
    hematocrit_pct: ['%', 'Hematocrit'],
    hemoglobin_g_dL: ['g/dL', 'Hemoglobin (hematocrit × MCHC 33 g/dL)'],
    effluent_volume_mL: ['mL', 'Effluent collected since the start'],
    replacement_volume_mL: ['mL', 'Replacement fluid given since the start'],
  },
  create(m, slot) {
    const p = m.scenario.patient;
    const conductance = refillConductance_mL_h_mmHg(p.fluids.refillTimeConstant, p.venousCompliance, p.fluids.interstitialCompliance);
    const [blood, interstitium, infused, urine, replacement, effluent] = this.states.map((s) => slot(s.name));
    return {
      /** A fluid bolus: the volume enters the blood at once and is counted as fluid given. */
      perform(_t, y, action, log) {
        const v = action.fluidBolus_mL;
        if (v === undefined) return;
        y[blood] += v;
        y[infused] += v;
        log('fluid_bolus', `${fmt(v, 0)} mL into the blood volume`);
      },
      initial(y) {
        y[blood] = p.intravascularVolume;
        y[interstitium] = p.fluids.interstitialVolume;
      },
      derive(now) {
        const v = now.y[blood];
        now.blood.intravascular_mL = v;
        now.blood.plasma_mL = plasmaVolume_mL(m, v);
        now.blood.hematocrit = m.redCellVolume_mL / v;
      },
      derivatives(now, dy) {
        const sc = m.current;
        const fn = now.filter;
        const effluentRate = fn ? fn.op.effluent_mL_h : 0;
        const replacementRate = fn ? effluentRate - sc.prescription.netUltrafiltration : 0;
        const pc = sc.patient;
        const refill = plasmaRefill_mL_h(
          conductance,
          now.y[blood],
          m.intravascular0_mL,
          pc.venousCompliance,
          now.y[interstitium],
          m.interstitial0_mL,
          pc.fluids.interstitialCompliance,
        );
        dy[blood] = pc.fluids.infusion - pc.fluids.urineOutput + replacementRate - effluentRate + refill;
        dy[interstitium] = -refill;
        dy[infused] = pc.fluids.infusion;
        dy[urine] = pc.fluids.urineOutput;
        dy[replacement] = replacementRate;
        dy[effluent] = effluentRate;
      },
      observe(now, out) {
        const hasFilter = m.current.filter !== null;
        out.intravascular_volume_mL = now.blood.intravascular_mL;
        out.interstitial_volume_mL = now.y[interstitium];
        out.hematocrit_pct = 100 * now.blood.hematocrit;
        out.hemoglobin_g_dL = hemoglobin_g_dL(now.blood.hematocrit);
        out.effluent_volume_mL = hasFilter ? now.y[effluent] : NaN;
        out.replacement_volume_mL = hasFilter ? now.y[replacement] : NaN;
      },
      massBalances(y0, y, out) {
        const body = (v: ArrayLike<number>) => v[blood] + v[interstitium];
        out.fluid = massBalance('mL', body(y0), y[infused] + y[replacement], y[urine], y[effluent], 0, body(y));
      },
    };
  },
};
