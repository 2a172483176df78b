/**
 * Oxygen supply in the engine: the consumption delivery allows (oxygenConsumption.ts) on an oxygen line, the line the
 * right-hand side holds with the periodic check that refreshes it, and an output sample's own mixing. The line is
 * the arterial saturation's line in consumption, which needs the circuit's solve: held between checks, it costs the
 * right-hand side a few multiplications.
 */
import type { Now } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import type { PeriodicCheck } from '../../model/events.js';
import { boundOxygen_mL_per_mL, hemoglobin_g_dL } from '../../blood.js';
import { oxygenExchange, oxygenExchangeInto, type OxygenInputs } from './gasExchange.js';
import { delivery_mL_min, differs, LINE_TOLERANCE, oxygenDemand_mL_min, suppliedConsumption_mL_min, type OxygenLine } from './oxygenConsumption.js';
import { shiveringVo2_mL_min } from '../temperature/shivering.js';

/**
 * Interval of the check that refreshes the held oxygen line, h [E: between events the circuit and blood change over
 * hours; whatever changes the circuit at once (a setting, a fault, a filter change) is an event, after which the line
 * is held afresh (heldOxygenLine's holdAfterEvents). 0.5 h until issue 12's tenth session, when the line was not
 * refreshed after events: each check costs a derivation with the loop's solve and two mixings, and a moved line stops
 * the integrator (issue 12's budget)].
 */
export const OXYGEN_LINE_INTERVAL_h = 1;

import { circulationCardiacOutput_mL_min } from '../../model/now.js';
import { heaterWorks } from '../../circuit/loopTemperature.js';

/**
 * The heat exchanger's effective flow to the patient, ε·Q with Q the flow returned to the patient (with the lines
 * clamped the heater warms only the circuit); whether the heater is on is read live.
 */
export function heaterFlow_mL_min(m: Model, now: Now): number {
  const heater = m.current.circuit?.heater;
  const s = now.circuit?.solution;
  return heater && s ? heater.performanceFactor * Math.max(Math.min(s.pumpFlow_mL_min, s.returnFlow_mL_min), 0) : 0;
}

/** Oxygen the circulation's cardiac output would carry fully saturated (mL/min): the scale of the line's slope. */
export function oxygenCapacity_mL_min(now: Now): number {
  return circulationCardiacOutput_mL_min(now) * boundOxygen_mL_per_mL(hemoglobin_g_dL(now.blood.hematocrit), 1);
}

/** Demand, consumption and delivery on a line, into now.metabolism: allocation-free (the right-hand side runs it). */
export function consume(m: Model, now: Now, line: OxygenLine, heaterFlow_mL_min: number): void {
  const p = m.current.patient;
  const mb = now.metabolism;
  const capacity = oxygenCapacity_mL_min(now);
  mb.vo2_mL_min = suppliedConsumption_mL_min(mb.vo2Demand_mL_min, line, capacity, p.metabolism.criticalDelivery, p.metabolism.maxExtraction);
  mb.do2_mL_min = delivery_mL_min(mb.vo2_mL_min, line, capacity);
  mb.heaterEffectiveFlow_mL_min = heaterEffective_mL_min(m, heaterFlow_mL_min);
}

/**
 * What the tissues need now (temperature, sepsis drive), and the muscles' shivering below its threshold under the set
 * point: the temperature part derives it once per derivation into now.metabolism (vo2Demand_mL_min, the whole, which
 * everything else reads: consumption, CO2 production, the oxygen line; shiveringDemand_mL_min, its shivering share,
 * which lactate's deficit leaves out).
 */
export function deriveDemand(m: Model, now: Now): void {
  const p0 = m.scenario.patient;
  const p = m.current.patient;
  const mb = now.metabolism;
  const { temperature_C, setPoint_C } = mb;
  mb.shiveringDemand_mL_min = shiveringVo2_mL_min(p.temperature.shivering, setPoint_C, temperature_C, p0.lung.o2Consumption);
  mb.vo2Demand_mL_min =
    oxygenDemand_mL_min(p0.lung.o2Consumption, p.temperature.vo2PerKelvin, temperature_C, p0.temperature.start, p.metabolism.sepsisFraction, now.sepsisDrive) +
    mb.shiveringDemand_mL_min;
}

const heaterEffective_mL_min = (m: Model, flow_mL_min: number) => {
  const heater = m.current.circuit?.heater;
  return heater && heaterWorks(heater) ? flow_mL_min : 0;
};

/**
 * A sample whose delivery is well clear of supply dependence: consumption is the demand whatever line it is read on,
 * so the sample's own mixing at the demand decides it and the fresh line's two mixings are not needed. "Well clear":
 * the exact delivery at least 2·LINE_TOLERANCE above the critical delivery and the extraction as far below its cap
 * (a fresh line gives delivery to ~0.2 %), so the result is the one the fresh line gives, bit for bit. False
 * otherwise: the caller takes the fresh line.
 */
function atDemandIfClear(m: Model, demand: number, exact_do2: number): boolean {
  const p = m.current.patient;
  const margin = 2 * LINE_TOLERANCE;
  return exact_do2 >= p.metabolism.criticalDelivery * (1 + margin) && demand <= p.metabolism.maxExtraction * exact_do2 * (1 - margin);
}

/** A sample's mixing at a consumption, into now.oxygen; delivery as it gives it, CO·CaO2 exactly. */
export function mixSample(now: Now, o: OxygenInputs): OxygenInputs {
  // one record per run, rewritten at each sample (observe copies it out; nothing holds it between samples)
  now.oxygen = now.oxygen ? oxygenExchangeInto(o, true, now.oxygen) : oxygenExchange(o);
  now.metabolism.do2_mL_min = oxygenCapacity_mL_min(now) * now.oxygen.arterialContentSat;
  return o;
}

/**
 * A sample's consumption and mixing: at the demand when delivery is well clear of supply dependence (one mixing),
 * else on the line solved now (the held one may lag a change the next check has not seen yet).
 */
export function sampleConsumption(
  m: Model,
  now: Now,
  mixAt: (vo2_mL_min: number) => OxygenInputs,
  line: { solveNow(now: Now): void; fresh: LineWithHeater },
): OxygenInputs {
  const mb = now.metabolism;
  const demand = mb.vo2Demand_mL_min;
  const o = mixAt(demand);
  if (atDemandIfClear(m, demand, mb.do2_mL_min)) {
    mb.vo2_mL_min = demand;
    mb.heaterEffectiveFlow_mL_min = heaterEffective_mL_min(m, heaterFlow_mL_min(m, now));
    return o;
  }
  line.solveNow(now);
  consume(m, now, line.fresh, line.fresh.heaterFlow_mL_min);
  const onLine = mixAt(mb.vo2_mL_min);
  const g0 = mb.vo2_mL_min - suppliedByDelivery(m, demand, mb.do2_mL_min);
  if (Math.abs(g0) <= LINE_TOLERANCE * demand) return onLine;
  mb.vo2_mL_min = consumptionOnOwnMixing(m, now, mixAt, demand, mb.vo2_mL_min, g0);
  return mixAt(mb.vo2_mL_min);
}

/**
 * The line is a secant, exact at its ends (no consumption, the demand) and not between: where the mixing is steep (a
 * low PaO2 on the saturation curve's steep part, a large shunt) it can promise more delivery than the sample's own
 * mixing gives at the line's consumption (a property-test patient: 206 mL/min consumed of an exact 207 delivered, SvO2
 * 0.1 %, against the cap's 80 % extraction). This solves consumption against the exact mixing: the root of
 * g(v) = v − C(DO2(v)) on [0, demand], C the supply relation; g rises with v (more consumption, darker venous blood,
 * less delivered), g(0) ≤ 0 ≤ g(demand). Regula falsi (Illinois), bracketed by the line's consumption v0 (g(v0) = g0).
 */
function consumptionOnOwnMixing(m: Model, now: Now, mixAt: (vo2_mL_min: number) => OxygenInputs, demand: number, v0: number, g0: number): number {
  const g = (v: number) => v - suppliedByDelivery(m, demand, deliveryAt(mixAt, now, v));
  let lo = v0;
  let glo = g0;
  let hi = v0;
  let ghi = g0;
  if (g0 > 0) [lo, glo] = [0, g(0)];
  else [hi, ghi] = [demand, g(demand)];
  let v = v0;
  let side = 0;
  for (let i = 0; i < 60 && hi - lo > 1e-9 * demand; i++) {
    v = ghi === glo ? (lo + hi) / 2 : (lo * ghi - hi * glo) / (ghi - glo);
    const gv = g(v);
    if (Math.abs(gv) <= 1e-9 * demand) break;
    if (gv > 0) {
      [hi, ghi] = [v, gv];
      if (side === 1) glo /= 2;
      side = 1;
    } else {
      [lo, glo] = [v, gv];
      if (side === -1) ghi /= 2;
      side = -1;
    }
  }
  return v;
}

/** The delivery (mL/min) the sample's own mixing gives at consumption `vo2`. */
function deliveryAt(mixAt: (vo2_mL_min: number) => OxygenInputs, now: Now, vo2: number): number {
  mixAt(vo2);
  return now.metabolism.do2_mL_min;
}

/**
 * The consumption a delivery allows (mL/min): the demand, less in proportion below the critical delivery, and never
 * more than the extraction cap's share (suppliedConsumption_mL_min with the delivery given, not read off a line).
 */
function suppliedByDelivery(m: Model, demand: number, do2_mL_min: number): number {
  const p = m.current.patient.metabolism;
  return Math.max(0, Math.min(demand, (demand * do2_mL_min) / p.criticalDelivery, p.maxExtraction * do2_mL_min));
}

/**
 * The line with what is held beside it from the same solve: the heat exchanger's flow (temperature), the
 * oxygenator's CO2 conductance (the CO2 stores), mL/min/mmHg, and the line again at the PaCO2 the CO2 stores relax
 * towards (`atBalance`): the alveolar gas reads PaCO2, which moves over minutes after an event (co2Stores.ts), so the
 * right-hand side reads the line between the two (heldLineAt) by the native lung's end-capillary saturation, through
 * which alone PaCO2 reaches the line (`endCapillarySat` at the hold's PaCO2, `balanceEndCapillarySat` at the balance).
 */
export type LineWithHeater = OxygenLine & {
  heaterFlow_mL_min: number;
  oxygenatorCo2_mL_min_mmHg: number;
  endCapillarySat: number;
  balanceEndCapillarySat: number;
  readonly atBalance: OxygenLine;
};

const blankLine = (): LineWithHeater => ({
  s0: NaN,
  slope: NaN,
  heaterFlow_mL_min: NaN,
  oxygenatorCo2_mL_min_mmHg: NaN,
  endCapillarySat: NaN,
  balanceEndCapillarySat: NaN,
  atBalance: { s0: NaN, slope: NaN },
});

/**
 * The held line at the end-capillary saturation now (`sat`, at PaCO2 now), into `out`: linear in it between the line
 * solved at the hold's PaCO2 and the one at the balance the stores relax to (exact at both; the arterial content
 * mixes end-capillary and shunted blood in proportion), held at either end beyond them. Allocation-free (the
 * right-hand side runs it).
 */
export function heldLineAt(held: LineWithHeater, sat: number, out: OxygenLine): OxygenLine {
  const span = held.endCapillarySat - held.balanceEndCapillarySat;
  const w = span === 0 ? 1 : Math.min(Math.max((sat - held.balanceEndCapillarySat) / span, 0), 1);
  out.s0 = held.atBalance.s0 + w * (held.s0 - held.atBalance.s0);
  out.slope = held.atBalance.slope + w * (held.slope - held.atBalance.slope);
  return out;
}

/**
 * The oxygen line the right-hand side holds (`held`) and the one solved from the circuit now (`fresh`), with the
 * periodic check that replaces the held line when the fresh one has moved beyond its tolerance, and its hold after
 * the events at a time (the start included).
 * A check pass's derivation only notes its Now; the line is solved when a check first reads it (the fibre bundle's
 * solves cost ~1.6 µs each, several a line, and most passes run only other models' checks). Nothing a check changes
 * before that first reader moves what the line reads (the state, the circuit as solved, the lung and blood): outputs
 * are bit-identical to solving it at every pass.
 */
export function heldOxygenLine(m: Model, solve: (now: Now, fresh: LineWithHeater) => void) {
  const held = blankLine();
  const fresh = blankLine();
  let started = false;
  let pending: Now | null = null;
  const lineFor = (now: Now) => {
    if (pending === now) {
      pending = null;
      solve(now, fresh);
    }
    return fresh;
  };
  /** For an output sample or after events: solved at once. */
  const solveNow = (now: Now) => {
    if (pending === now) pending = null;
    solve(now, fresh);
  };
  /** The fresh line becomes the held one. */
  const hold = () => {
    started = true;
    held.s0 = fresh.s0;
    held.slope = fresh.slope;
    held.heaterFlow_mL_min = fresh.heaterFlow_mL_min;
    held.oxygenatorCo2_mL_min_mmHg = fresh.oxygenatorCo2_mL_min_mmHg;
    held.endCapillarySat = fresh.endCapillarySat;
    held.balanceEndCapillarySat = fresh.balanceEndCapillarySat;
    held.atBalance.s0 = fresh.atBalance.s0;
    held.atBalance.slope = fresh.atBalance.slope;
  };
  const lineMoved = (now: Now) => {
    lineFor(now);
    return (
      !started ||
      differs(fresh.s0, held.s0, 0.01) ||
      differs(fresh.slope, held.slope, 0.01) ||
      differs(fresh.heaterFlow_mL_min, held.heaterFlow_mL_min, 100) ||
      differs(fresh.oxygenatorCo2_mL_min_mmHg, held.oxygenatorCo2_mL_min_mmHg, 0.1)
    );
  };
  const holdLine: PeriodicCheck = {
    // first due one interval in, as every check: the start's settle has held the line (holdAfterEvents)
    interval: () => OXYGEN_LINE_INTERVAL_h,
    changesDerivatives: true,
    wouldAct: (now) => lineMoved(now),
    run(now) {
      if (!lineMoved(now)) return false; // the held line stays: nothing a derivation reads changed
      hold();
    },
  };
  return {
    held,
    fresh,
    holdLine,
    /**
     * After the events at a time, with the circuit settled (`now` derived for output): the line is solved and held
     * there, where the integration restarts anyway, so a fault, a setting or a filter change reaches the consumption
     * and the heater's flow at once instead of at the next check. The run's start is such a time.
     */
    holdAfterEvents(now: Now) {
      solveNow(now);
      hold();
    },
    lineFor,
    deriveForChecks: (now: Now) => {
      pending = now;
    },
    solveNow,
  };
}
