/**
 * Hemodynamics in the engine (hemodynamics.ts): MAP from the patient's intrinsic tone less vasoplegia (the vessel wall
 * following IL-6 and the filterable mediators with a lag, a state) plus
 * the norepinephrine effect, derived for the titration's checks and the outputs; heart rate from the baroreflex,
 * norepinephrine, the filterable mediators the sepsis drive makes, hypoxemia and hypercapnia. The intrinsic tone and rate are solved
 * once so that the pre-treatment baseline is met. Cardiac output and CVP where venous return meets the heart's curve,
 * shifted by CO2 (hypercapnicResponse.ts, rightHeart.ts), whose state is the PaCO2 the circulation has adapted to;
 * MAP at the unshifted circulation (CO2 moves flow, not pressure). Hydrocortisone's onset h (hydrocortisone.ts) is taken in
 * closed form from its last switch (hydrocortisoneInEngine.ts), started by its rule (a scheduled event once the dose
 * has stayed at or above the threshold for the delay). The vasopressor check
 * (vasopressorProtocol.ts) titrates norepinephrine or adds vasopressin, whose norepinephrine equivalent joins the dose.
 */
import type { ModelDefinition } from '../../model/part.js';
import type { Circulation } from './venousReturn.js';
import type { Now } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import { preTreatmentPaco2_mmHg, preTreatmentSaturation } from '../gasExchange/preTreatment.js';
import { SOLUTE } from '../solutes/registry.js';
import { vasopressorProtocol } from './vasopressorProtocol.js';
import { norepinephrineEquivalent_ug_kg_min } from './vasopressin.js';
import { heartRate_bpm, intrinsicState, mapAtVasoplegia_mmHg, vasoplegia_mmHg, vasoplegiaRate_mmHg_h } from './hemodynamics.js';
import { circulationAt, flowAdjustedMap_mmHg } from './venousReturn.js';
import { afterloadOutputShift_L_min, rightVentricularPressureChange_mmHg } from './rightHeart.js';
import { adaptationRate_mmHg_h, answeredPaco2_mmHg, hyperdynamicOutputShift_L_min } from './hypercapnicResponse.js';
import { arterialPh } from '../acidBase/acidBase.js';
import { hydrocortisoneInEngine } from './hydrocortisoneInEngine.js';

/**
 * How much of its cardiac function curve the heart pumps (venousReturn.ts): 1 beating, 0 arrested, the compressions'
 * fraction while chest compressions go on in an arrest (hemodynamics.md, "Cardiac arrest").
 */
function heartPumping(m: Model): number {
  const patient = m.current.patient.hemodynamics;
  if (!patient.cardiacArrest) return 1;
  return patient.chestCompressions ? m.current.hemodynamics.compressionOutput : 0;
}

/** The heart rate now, bpm (hemodynamics.ts's equation), at the MAP and unadapted PaCO2 the part derived; 0 in an arrest (no beat of its own). */
function heartRateNow(m: Model, now: Now): number {
  if (m.current.patient.hemodynamics.cardiacArrest) return 0;
  const h = now.hemodynamics;
  const inputs = {
    map_mmHg: h.map_mmHg,
    dose_ug_kg_min: m.current.patient.hemodynamics.norepinephrine,
    mediators: now.concentration[SOLUTE.vasoplegicMediators],
    sao2: now.oxygen!.sao2,
    temperatureRise_K: now.metabolism.temperature_C - m.scenario.patient.temperature.start,
    unadaptedPaco2_mmHg: h.unadaptedPaco2_mmHg,
  };
  return heartRate_bpm(m.current.hemodynamics, m.intrinsic.rate_bpm, inputs, m.current.patient.temperature.heartRatePerKelvin);
}

export const hemodynamicsModel: ModelDefinition = {
  name: 'hemodynamics',
  // the PaCO2 the circulation has adapted to (hypercapnicResponse.ts), scaled by its start, and the vessel wall's vasoplegia V (hemodynamics.ts), scaled by its start (10 mmHg where a patient starts without)
  states: [
    { name: 'adaptedPaco2_mmHg', scale: (y0, slot) => y0[slot('adaptedPaco2_mmHg')] },
    { name: 'vasoplegia_mmHg', scale: (y0, slot) => y0[slot('vasoplegia_mmHg')] || 10 },
  ],
  series: {
    map_mmHg: ['mmHg', 'Mean arterial pressure'],
    vasoplegia_mmHg: [
      'mmHg',
      'MAP lost to vasoplegia, V: the vessel wall following IL-6 and the filterable mediators with time constant hemodynamics.vasoplegia.onsetTime',
    ],
    heart_rate_bpm: ['bpm', 'Heart rate'],
    norepinephrine_ug_kg_min: ['ug/kg/min', 'Norepinephrine dose'],
    cardiac_output_L_min: ['L/min', 'Native cardiac output (venous return meets the cardiac function curve; volume moves it)'],
    central_venous_pressure_mmHg: ['mmHg', 'Central venous pressure (where venous return meets the cardiac function curve)'],
    vasopressin_U_min: ['U/min', 'Vasopressin infusion rate (0 until the protocol adds it; prescription.vasopressin)'],
    unadapted_paco2_mmHg: [
      'mmHg',
      "PaCO2 above what the circulation has adapted to, H, held within ±responseRange (hypercapnia's response and the right ventricle's load read it; hemodynamics.hypercapnia)",
    ],
    norepinephrine_responsiveness: [
      '1',
      "Norepinephrine's Emax relative to before hydrocortisone, 1 + (ρ_Emax − 1)·h (1 until hydrocortisone starts; hemodynamics.hydrocortisone)",
    ],
  },
  create(m, slot) {
    const A = slot('adaptedPaco2_mmHg');
    const V = slot('vasoplegia_mmHg');
    const steroid = hydrocortisoneInEngine(m);
    const protocol = vasopressorProtocol(m, steroid.noteDose);
    const p = m.scenario.patient;
    // the patient's own PaCO2 before treatment (native lung alone), to which the circulation is adapted at the start;
    // hypercapnia's response and the right ventricle's afterload follow PaCO2 (the CO2 stores' state), less what the
    // circulation has adapted to since (hypercapnicResponse.ts, rightHeart.ts)
    const paco2Start_mmHg = preTreatmentPaco2_mmHg(m.scenario);
    m.intrinsic = intrinsicState(m.scenario.hemodynamics, {
      map_mmHg: p.hemodynamics.map,
      heartRate_bpm: p.hemodynamics.heartRate,
      il6_pg_mL: p.baseline.il6,
      norepinephrine_ug_kg_min: p.hemodynamics.norepinephrine,
      sao2: preTreatmentSaturation(m.scenario),
      ph: arterialPh(p.acidBase.bicarbonate, paco2Start_mmHg),
      temperature_C: p.temperature.start,
    });
    const start = {
      cardiacOutput_L_min: p.cardiacOutput / 1000,
      centralVenousPressure_mmHg: p.centralVenousPressure,
      compliance_mL_mmHg: p.venousCompliance,
      volume_mL: m.intravascular0_mL,
    };
    /** The circulation without CO2's shifts of the heart's curve: its pressure is the patient's (hypercapnicResponse.ts). */
    const unshifted: Circulation = { cardiacOutput_L_min: NaN, centralVenousPressure_mmHg: NaN };
    // MAP: the kidney's filtration (a slow state's rate) reads it, so the right-hand side derives it
    const deriveMap = (now: Now) => {
      const h = now.hemodynamics;
      const toneMap = mapAtVasoplegia_mmHg(
        m.current.hemodynamics,
        m.intrinsic.tone_mmHg,
        now.y[V],
        // vasopressin joins the norepinephrine dose on the pressor curve as its norepinephrine equivalent (vasopressin.ts)
        m.current.patient.hemodynamics.norepinephrine +
          norepinephrineEquivalent_ug_kg_min(m.current.hemodynamics.vasopressin.norepinephrineEquivalent, protocol.vasopressin_U_min()),
        now.acidBase.ph,
        now.metabolism.temperature_C,
        steroid.onset(now.t_h),
      );
      const hd = m.current.hemodynamics;
      // H: PaCO2, less what the circulation has adapted to, within ±H_max
      const unadapted = answeredPaco2_mmHg(hd.hypercapnia, now.paco2_mmHg, now.y[A]);
      h.unadaptedPaco2_mmHg = unadapted;
      const rvPressure = rightVentricularPressureChange_mmHg(hd.rightHeart, unadapted);
      const heartShift =
        afterloadOutputShift_L_min(hd.rightHeart, start.cardiacOutput_L_min, rvPressure) +
        hyperdynamicOutputShift_L_min(hd.hypercapnia, start.cardiacOutput_L_min, unadapted);
      const pumping = heartPumping(m);
      circulationAt(hd.venousReturn, start, now.blood.intravascular_mL, h, heartShift, pumping);
      // CO2 moves flow, not pressure: the systemic bed widens as far as the flow it drives rises (Carvalho 1997), so
      // MAP is the unshifted circulation's (the shifted one itself when CO2 shifts nothing)
      const pressureFrom = heartShift === 0 ? h : circulationAt(hd.venousReturn, start, now.blood.intravascular_mL, unshifted, 0, pumping);
      h.map_mmHg = flowAdjustedMap_mmHg(toneMap, start.centralVenousPressure_mmHg, pressureFrom, start.cardiacOutput_L_min);
    };
    return {
      checks: [protocol.check],
      initial(y) {
        y[A] = paco2Start_mmHg;
        // the wall as the pre-treatment IL-6 and mediators left it (before the circuit's prime dilutes them)
        y[V] = vasoplegia_mmHg(m.current.hemodynamics, p.baseline.il6, 1);
      },
      derive: deriveMap,
      derivatives(now, dy) {
        const hd = m.current.hemodynamics;
        dy[A] = adaptationRate_mmHg_h(hd.hypercapnia, now.paco2_mmHg, now.y[A]);
        dy[V] = vasoplegiaRate_mmHg_h(hd, now.concentration[SOLUTE.il6], now.concentration[SOLUTE.vasoplegicMediators], now.y[V]);
      },
      nextEventTime: steroid.nextEventTime,
      firstStepLimit: steroid.firstStepLimit,
      applyScheduled: steroid.applyScheduled,
      perform: steroid.perform,
      observe(now, out) {
        const ne = m.current.patient.hemodynamics.norepinephrine;
        const map = now.hemodynamics.map_mmHg;
        out.map_mmHg = map;
        out.vasoplegia_mmHg = now.y[V];
        out.heart_rate_bpm = heartRateNow(m, now);
        out.norepinephrine_ug_kg_min = ne;
        out.cardiac_output_L_min = now.hemodynamics.cardiacOutput_L_min;
        out.central_venous_pressure_mmHg = now.hemodynamics.centralVenousPressure_mmHg;
        out.norepinephrine_responsiveness = steroid.responsiveness(now);
        out.unadapted_paco2_mmHg = now.hemodynamics.unadaptedPaco2_mmHg;
        out.vasopressin_U_min = protocol.vasopressin_U_min();
      },
    };
  },
};
