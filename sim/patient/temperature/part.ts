/**
 * Body temperature in the engine (heatBalance.ts): one state, the core temperature, and two heat ledgers (heat gained
 * and heat lost, each summing the flows' parts in that direction: metabolism, the heater, the replacement fluid, the
 * room, the extracorporeal lines, the surface device) whose difference closes the heat balance. Metabolic heat
 * follows the oxygen consumption the gas exchange derives (from its held line); the heat exchanger's flow is held
 * with it. The resting loss to the room is set so that the start is a steady state.
 */
import type { ModelDefinition } from '../../model/part.js';
import type { Model } from '../../model/context.js';
import { fixedScale } from '../../model/part.js';
import { massBalance, type Now } from '../../model/now.js';
import { SettingError } from '../../model/errors.js';
import {
  feverSetPoint_C,
  heatFlows,
  KJ_H_PER_W,
  lineConductance_kJ_h_K,
  metabolicHeat_kJ_h,
  oxygenEnergyEquivalent_kJ_L,
  temperatureRate_K_h,
  type HeatFlows,
  type HeatInputs,
} from './heatBalance.js';
import { circuitExchangeFlow_mL_min } from '../../filter/circuitBlood.js';
import { heaterWorks } from '../../circuit/loopTemperature.js';
import { deriveDemand } from '../gasExchange/oxygenSupply.js';

/**
 * Heat gained and heat lost, each the sum of the flows' parts in that direction (metabolism and regulation, the
 * heater, the replacement fluid, the room can each warm or cool): two non-negative ledgers, so the balance reads
 * start + gained − lost = end whatever the signs.
 */
const LEDGERS = ['heatGained_kJ', 'heatLost_kJ'] as const;
const gain = (x: number) => (x > 0 ? x : 0);

/**
 * The share of the filter limb's heat loss the oxygenator's exchanger recovers: ε while it works (heater on, not
 * failed, blood through it: the held effective flow) and the limb returns its blood into the ECMO circuit before it
 * (every connection but its own catheter), the limb's cooled blood then mixing into the exchanger's inlet; else 0.
 */
function exchangerRecovery(m: Model, now: Now): number {
  const c = m.current.circuit;
  const heating = now.metabolism.heaterEffectiveFlow_mL_min > 0;
  return c && heating && c.filterLimb.connection !== 'separateCatheter' ? c.heater.performanceFactor : 0;
}

/**
 * The filter limb's conductance to the room (kJ/h/K) while its blood pump runs and its blood reaches the patient (its
 * ECMO circuit flowing: m.filter.circuitIsolated), at its blood flow.
 */
function limbConductance(m: Model, now: Now): number {
  const op = now.filter?.op;
  if (!op || m.filter.circuitIsolated) return 0;
  return lineConductance_kJ_h_K(m.current.patient.temperature.filterLimbHeatLoss, op.bloodFlow_mL_min);
}

/**
 * The ECMO circuit's conductance to the room (kJ/h/K) while its heater is off or failed (with it on, the exchanger's
 * water holds the oxygenator: heater term): `line`, the line's effectiveness at the flow by which its blood exchanges
 * with the patient (held since the circuit last settled), so nothing is lost through a circuit whose flow has stopped.
 */
function ecmoConductance(m: Model, line_kJ_h_K: number): number {
  const c = m.current.circuit;
  return !c || heaterWorks(c.heater) ? 0 : line_kJ_h_K;
}

/**
 * The flow (mL/min) by which the ECMO circuit's blood exchanges with the patient, from the circuit as solved (forward:
 * the effective flow; retrograde: the return flow's magnitude; circuitBlood.ts); 0 without a circuit.
 */
function ecmoExchangeFlow_mL_min(now: Now): number {
  const s = now.circuit;
  return s ? Math.max(circuitExchangeFlow_mL_min(s.solution.returnFlow_mL_min, s.effectiveFlow_mL_min), 0) : 0;
}

/** The heat balance's inputs before the first evaluation writes them (one object per run, rewritten in place). */
function blankInputs(roomConductance_kJ_h_K: number): HeatInputs {
  return {
    temperature_C: NaN,
    metabolic_kJ_h: NaN,
    roomConductance_kJ_h_K,
    room_C: NaN,
    limbConductance_kJ_h_K: NaN,
    ecmoConductance_kJ_h_K: NaN,
    replacement_mL_h: NaN,
    replacement_C: NaN,
    heaterEffectiveFlow_mL_min: NaN,
    heaterSetPoint_C: NaN,
    exchangerRecovery: NaN,
    regulationGain_kJ_h_K: NaN,
    setPoint_C: NaN,
    surfaceMaxPower_kJ_h: NaN,
    surfaceTarget_C: NaN,
    surfaceBand_K: NaN,
  };
}

export const temperatureModel: ModelDefinition = {
  name: 'temperature',
  states: [{ name: 'bodyTemperature_C', scale: fixedScale(37) }, ...LEDGERS.map((name) => ({ name, scale: fixedScale(1e4), ledger: true }))],
  series: {
    temperature_C: ['degC', 'Core body temperature'],
    extracorporeal_heat_loss_W: ['W', 'Heat the extracorporeal blood gives the room through its lines, filter and (heater off) oxygenator'],
    heater_heat_W: ['W', "Heat the oxygenator's heat exchanger gives the blood (negative: it cools)"],
    replacement_heat_loss_W: ['W', 'Heat taken from the body to warm the replacement fluid to body temperature'],
    surface_cooling_W: ['W', 'Heat the surface cooling device removes (negative: it warms); 0 when none is given'],
    shivering_vo2_mL_min: ['mL/min', 'Oxygen consumption shivering adds (the core below its set point by more than the threshold)'],
  },
  create(m, slot) {
    const p0 = m.scenario.patient;
    const t0 = p0.temperature;
    const T = slot('bodyTemperature_C');
    const [gained, lost] = LEDGERS.map(slot);
    const energy_kJ_L = oxygenEnergyEquivalent_kJ_L(p0.lung.co2Production / p0.lung.o2Consumption);
    if (!(t0.start > t0.room)) {
      throw new SettingError(
        'patient.temperature.room',
        `got ${t0.room} °C, not below the starting temperature ${t0.start} °C; expected a room colder than the patient`,
      );
    }
    /** The resting loss: at the start the body loses to the room what it makes (kJ/h/K). */
    const roomConductance = metabolicHeat_kJ_h(p0.lung.o2Consumption, energy_kJ_L) / (t0.start - t0.room);
    const heatCapacity_kJ_K = t0.specificHeat * m.weight_kg;
    const inputs = blankInputs(roomConductance);
    const flows: HeatFlows = { metabolic: NaN, room: NaN, extracorporeal: NaN, replacement: NaN, heater: NaN, surface: NaN };
    /**
     * The ECMO circuit's line conductance at its exchange flow with the patient (kJ/h/K), held from the circuit's solve
     * after the last events (the flow and the wall's UA change only there): the right-hand side reads it, no exp.
     */
    let ecmoLine_kJ_h_K = 0;
    /** The heat flows now (kJ/h), written into `flows`: allocation-free. */
    const heatNow = (now: Now) => {
      const p = m.current.patient;
      const rx = m.current.prescription;
      const op = now.filter?.op;
      inputs.temperature_C = now.metabolism.temperature_C;
      inputs.metabolic_kJ_h = metabolicHeat_kJ_h(now.metabolism.vo2_mL_min, energy_kJ_L);
      inputs.room_C = p.temperature.room;
      inputs.limbConductance_kJ_h_K = limbConductance(m, now);
      inputs.ecmoConductance_kJ_h_K = ecmoConductance(m, ecmoLine_kJ_h_K);
      // replacement fluid reaches the patient only through a flowing circuit (sim/filter/circuitBlood.ts)
      inputs.replacement_mL_h = op && !m.filter.circuitIsolated ? 60 * (op.predilution_mL_min + op.postdilution_mL_min) : 0;
      inputs.replacement_C = rx.replacementFluid.warming === 'warmed' ? rx.replacementFluid.warmedTemperature : p.temperature.room;
      inputs.heaterEffectiveFlow_mL_min = now.metabolism.heaterEffectiveFlow_mL_min;
      inputs.heaterSetPoint_C = m.current.circuit ? m.current.circuit.heater.setPoint : 0;
      inputs.exchangerRecovery = exchangerRecovery(m, now);
      inputs.regulationGain_kJ_h_K = KJ_H_PER_W * p.temperature.thermoregulatoryGain;
      inputs.setPoint_C = now.metabolism.setPoint_C;
      const surface = rx.surfaceCooling;
      inputs.surfaceMaxPower_kJ_h = surface.give ? KJ_H_PER_W * surface.maxPower : 0;
      inputs.surfaceTarget_C = surface.target;
      inputs.surfaceBand_K = surface.proportionalBand;
      return heatFlows(inputs, flows);
    };
    return {
      initial(y) {
        y[T] = t0.start;
      },
      afterEvents(_t, _y, now) {
        ecmoLine_kJ_h_K = lineConductance_kJ_h_K(m.current.patient.temperature.ecmoCircuitHeatLoss, ecmoExchangeFlow_mL_min(now));
      },
      derive(now) {
        const mb = now.metabolism;
        mb.temperature_C = now.y[T];
        mb.setPoint_C = feverSetPoint_C(m.current.patient.temperature.normalSetPoint, t0.start, now.sepsisDrive);
        // the tissues' oxygen demand at this temperature, once for every part that reads it (oxygenSupply.ts)
        deriveDemand(m, now);
      },
      derivatives(now, dy) {
        const f = heatNow(now);
        dy[T] = temperatureRate_K_h(f, heatCapacity_kJ_K);
        dy[gained] = gain(f.metabolic) + gain(f.heater) + gain(-f.replacement) + gain(-f.room) + gain(-f.extracorporeal) + gain(-f.surface);
        dy[lost] = gain(-f.metabolic) + gain(-f.heater) + gain(f.replacement) + gain(f.room) + gain(f.extracorporeal) + gain(f.surface);
      },
      observe(now, out) {
        const f = heatNow(now);
        out.temperature_C = now.metabolism.temperature_C;
        out.heater_heat_W = m.current.circuit ? f.heater / KJ_H_PER_W : NaN;
        out.replacement_heat_loss_W = f.replacement / KJ_H_PER_W;
        out.extracorporeal_heat_loss_W = f.extracorporeal / KJ_H_PER_W;
        out.surface_cooling_W = f.surface / KJ_H_PER_W;
        out.shivering_vo2_mL_min = now.metabolism.shiveringDemand_mL_min; // derived with the demand (deriveDemand)
      },
      massBalances(y0, y, out) {
        out.heat = massBalance('kJ', heatCapacity_kJ_K * y0[T], y[gained], y[lost], 0, 0, heatCapacity_kJ_K * y[T]);
      },
    };
  },
};
