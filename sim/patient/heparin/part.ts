/**
 * Heparin in the engine: all heparin in the body (U), plasma and bound to the saturable sites in rapid equilibrium,
 * infusion and boluses in, saturable + linear elimination out, not filtered (heparin.ts); the plasma concentration
 * solved from it; its anti-Xa and aPTT through antithrombin (anticoagulantEffect.ts), and how far the aPTT
 * falls short of its target, which the filter's clotting and the oxygenator's thrombus read.
 */
import { massBalance } from '../../model/now.js';
import { fmt } from '../../model/events.js';
import { scaleBy, type ModelDefinition } from '../../model/part.js';
import { anticoagulationShortfall } from '../../filter/membrane.js';
import { heparinElimination_U_h, heparinInBody_U, heparinSteadyState_U_mL, plasmaHeparin_U_mL, type HeparinKinetics } from './heparin.js';
import { activatedPartialThromboplastinTime_s, antiXaActivity_U_mL } from './anticoagulantEffect.js';
import { syringePump } from './syringePump.js';
import { infusionHold } from './infusionHold.js';
import { apttCheck } from './apttCheck.js';

const byHeparin = (y0: ArrayLike<number>, slot: (n: string) => number) => Math.max(scaleBy('heparin_U')(y0, slot), 1000);
const nonNegative = (v: number) => (v < 0 ? 0 : v);

export const heparinModel: ModelDefinition = {
  name: 'heparin',
  states: [
    { name: 'heparin_U', scale: byHeparin },
    { name: 'heparinInfused_U', scale: byHeparin, ledger: true },
    { name: 'heparinEliminated_U', scale: byHeparin, ledger: true },
  ],
  series: {
    heparin_U_mL: ['U/mL', 'Plasma heparin concentration'],
    anti_xa_U_mL: [
      'U/mL',
      "Anti-Xa activity as a chromogenic assay without added antithrombin reports it: heparin × the patient's antithrombin (kinetics.heparin.antithrombin)",
    ],
    heparin_infusion_U_h: [
      'U/h',
      'Heparin infusion rate set on the syringe pump, as the pump shows it (nothing reaches the patient while the syringe is empty or the line occluded: heparin_syringe_mL, heparin_line_occluded)',
    ],
    aptt_s: ['s', "Activated partial thromboplastin time: the patient's baseline along the reagent's heparin-response curve"],
    heparin_syringe_mL: ['mL', 'Heparin solution left in the syringe'],
    heparin_line_occluded: ['1', 'The heparin line is occluded (1): the syringe pump pushes nothing and alarms'],
  },
  create(m, slot) {
    const k = m.scenario.kinetics.heparin;
    const kinetics: HeparinKinetics = {
      distributionVolume_mL: k.distributionVolume,
      saturableVmax_U_h: k.saturableVmax,
      saturableKm_U_mL: k.saturableKm,
      linearClearance_mL_h: k.linearClearance,
      bindingCapacity_U: k.bindingCapacity,
    };
    const [amount, infused, eliminated] = this.states.map((s) => slot(s.name));
    const syringe = syringePump(m);
    const hold = infusionHold(m, syringe.sync);
    const check = apttCheck(m, syringe, hold);
    return {
      checks: [check, syringe.check],
      nextEventTime: () => Math.min(syringe.nextEventTime(), hold.nextEventTime()),
      applyScheduled(t, y, log) {
        syringe.applyScheduled(t, y, log);
        return hold.applyScheduled(t, log);
      },
      perform(t, y, action, log) {
        syringe.perform(t, action, log);
        // the operator's own rate (0 to stop heparin for bleeding included) ends a nomogram hold: no restart over it
        if (action.set.some((c) => c.path === 'prescription.heparin.infusion')) hold.operatorSet();
        if (action.heparinBolus_U === undefined) return;
        y[amount] += action.heparinBolus_U;
        y[infused] += action.heparinBolus_U;
        log('heparin_bolus', `${fmt(action.heparinBolus_U, 0)} U`);
      },
      initial(y) {
        // The circuit was already running: heparin starts at the steady state of the starting infusion (the sites
        // filled to match), plus any bolus.
        const rx = m.scenario.prescription.heparin;
        y[amount] = heparinInBody_U(kinetics, heparinSteadyState_U_mL(kinetics, rx.infusion)) + rx.bolus;
      },
      derive(now) {
        const kc = m.current.kinetics.heparin;
        const h = now.heparin;
        h.U_mL = plasmaHeparin_U_mL(kinetics, now.y[amount]);
        h.aptt_s = activatedPartialThromboplastinTime_s(kc.apttBaseline, kc.apttSensitivity, h.U_mL, kc.antithrombin, kc.apttMeasuringLimit);
        h.shortfall = anticoagulationShortfall(h.aptt_s, m.current.prescription.heparin.targetLow, kc.apttBaseline);
      },
      derivatives(now, dy) {
        const infusion = syringe.pushing() ? m.current.prescription.heparin.infusion : 0;
        const gone = heparinElimination_U_h(kinetics, now.heparin.U_mL);
        dy[amount] = infusion - gone;
        dy[infused] = infusion;
        dy[eliminated] = gone;
      },
      observe(now, out) {
        out.heparin_U_mL = nonNegative(now.heparin.U_mL);
        out.anti_xa_U_mL = antiXaActivity_U_mL(now.heparin.U_mL, m.current.kinetics.heparin.antithrombin);
        out.heparin_infusion_U_h = m.current.prescription.heparin.infusion;
        out.aptt_s = now.heparin.aptt_s;
        out.heparin_syringe_mL = syringe.volumeAt(now.t_h);
        out.heparin_line_occluded = m.current.prescription.heparin.lineOccluded ? 1 : 0;
      },
      massBalances(y0, y, out) {
        out.heparin = massBalance('U', y0[amount], y[infused], y[eliminated], 0, 0, y[amount]);
      },
    };
  },
};
