/**
 * Oxygen consumption: what the tissues need, and what delivery allows.
 *
 *   demand  VO2_d = VO2_0·(1 + α·(T − T0))·(1 + f_s·(D(t) − 1))     α per kelvin [S2], f_s septic share [E]
 *   delivery DO2 = CO·CaO2 = CO·1.34·Hb·σ_a (σ_a the arterial content, bound and dissolved, over the capacity
 *            1.34·Hb: gasExchange.ts), and σ_a falls as consumption rises (recirculation and shunt carry venous
 *            blood to the arteries): σ_a = s0 − k·VO2/(CO·1.34·Hb), so DO2 = A − k·VO2 with A = CO·1.34·Hb·s0
 *   supply   VO2 = min(VO2_d, VO2_d·DO2/DO2_crit, E_max·DO2)          below the critical delivery, consumption is
 *            supply-dependent [S2: biphasic VO2–DO2 relation, Shoemaker 1985]; E_max caps extraction [E]
 * Each branch with DO2 = A − k·VO2 is solved exactly (v = rA/(1 + rk)); the least is the answer, since every branch
 * rises with delivery and delivery falls with consumption. s0 and k come from the gas exchange's linear solve
 * (gasExchange.ts) at two consumptions.
 */
import { boundOxygen_mL_per_mL } from '../../blood.js';
import { oxygenExchangeInto, type OxygenInputs, type OxygenState } from './gasExchange.js';
import { EngineError } from '../../model/errors.js';

/**
 * The smallest probe of the line: δ = VO2/(CO·1.34·Hb) at which the second solve is made when the tissues' demand asks
 * for less (at the demand's δ otherwise: the secant then spans every consumption delivery can allow, VO2 ≤ demand).
 */
const PROBE_DELTA = 0.1;
export interface OxygenLine {
  /** Arterial content σ_a (bound and dissolved, over 1.34·Hb) at zero consumption. */
  s0: number;
  /** Fall of σ_a per unit of δ = VO2/(CO·1.34·Hb) (a secant over 0…0.1: the oxygenator's outlet is nonlinear). */
  slope: number;
}

export interface Metabolism {
  temperature_C: number;
  /** The thermoregulatory set point, raised by the fever with the sepsis drive (temperature part). */
  setPoint_C: number;
  /** The tissues' oxygen demand, derived once per derivation by the temperature part (deriveDemand, oxygenSupply.ts). */
  vo2Demand_mL_min: number;
  /** Shivering's share of the demand (0 above its threshold): what goes unfed of it is shivering not done. */
  shiveringDemand_mL_min: number;
  vo2_mL_min: number;
  do2_mL_min: number;
  /** ε·Q_pump through the oxygenator's heat exchanger, mL/min (0 with the heater off or no circuit). */
  heaterEffectiveFlow_mL_min: number;
}

export function oxygenDemand_mL_min(
  vo2Start: number,
  perKelvin: number,
  temperature_C: number,
  start_C: number,
  sepsisFraction: number,
  drive: number,
): number {
  return vo2Start * Math.max(0, 1 + perKelvin * (temperature_C - start_C)) * (1 + sepsisFraction * (drive - 1));
}

/** Consumption allowed by delivery; `capacity` is CO·1.34·Hb (mL O2/min at full saturation). */
export function suppliedConsumption_mL_min(demand: number, line: OxygenLine, capacity_mL_min: number, criticalDelivery: number, maxExtraction: number): number {
  const a = capacity_mL_min * line.s0;
  const k = line.slope;
  const r = demand / criticalDelivery;
  const supplyDependent = (r * a) / (1 + r * k);
  const extractionCapped = (maxExtraction * a) / (1 + maxExtraction * k);
  return Math.max(0, Math.min(demand, supplyDependent, extractionCapped));
}

/**
 * The extraction VO2/DO2 as delivery falls to 0 (the cardiac output to 0): on each branch with DO2 = A − k·VO2 it is
 * demand/DO2 (→ ∞), VO2_d/DO2_crit or E_max, the least of them, so min(VO2_d/DO2_crit, E_max). The blood standing in a
 * stopped circulation keeps this extraction (gasExchange.ts).
 */
export function extractionAsDeliveryVanishes(demand_mL_min: number, criticalDelivery: number, maxExtraction: number): number {
  return Math.max(0, Math.min(demand_mL_min / criticalDelivery, maxExtraction));
}

export function delivery_mL_min(vo2: number, line: OxygenLine, capacity_mL_min: number): number {
  return capacity_mL_min * line.s0 - line.slope * vo2;
}

/** The held line changes when a fresh one differs by more than this (relative) [E: 0.5 %, below what outputs show]. */
export const LINE_TOLERANCE = 0.005;

/** Whether two values differ by more than the line tolerance, relative to the larger (or to `floor`). */
export function differs(a: number, b: number, floor: number): boolean {
  return Math.abs(a - b) > LINE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), floor);
}

/** The line's two probes: one inputs record and one result, reused by every solve (no run keeps either). */
const PROBE_INPUTS = {} as OxygenInputs;
const PROBE_STATE = {} as OxygenState;

/**
 * Arterial content's line in δ from two exact solves (a secant: the fibre bundle's outlet makes it nearly, not
 * exactly, linear in δ), into `out`; false when the
 * system is singular: nothing oxygenates the blood (every pulmonary capillary shunted, no extracorporeal flow).
 * `inputs.o2Consumption_mL_min` is the tissues' demand: the secant runs from δ = 0 to the demand's δ, so it is exact
 * at no consumption and at the demand and spans every consumption between. Consumption never passes the extraction
 * cap either (VO2 ≤ E_max·DO2, so δ ≤ E_max·σ_a ≤ E_max·s0): a demand beyond it (a failing circulation) is probed at
 * E_max·s0 instead, inside the range consumption can reach; and at least at PROBE_DELTA. A secant over a fixed
 * 0…0.1 was extrapolated to the demand's δ (0.3 in the typical patient, 0.6 at a low cardiac output and a high
 * demand), where the bundle's outlet bends it: it then promised more delivery than the exact mixing gives, and a
 * supply-limited patient consumed more than was delivered (SvO2 below 0, an engine stop).
 */
export function solveOxygenLine(inputs: OxygenInputs, out: OxygenLine, maxExtraction: number): boolean {
  const capacity = inputs.cardiacOutput_mL_min * boundOxygen_mL_per_mL(inputs.hemoglobin_g_dL, 1);
  const probe = Object.assign(PROBE_INPUTS, inputs);
  probe.o2Consumption_mL_min = 0;
  const s0 = oxygenExchangeInto(probe, false, PROBE_STATE).arterialContentSat;
  const demandDelta = capacity > 0 ? inputs.o2Consumption_mL_min / capacity : 0;
  const reachable = Math.min(demandDelta, maxExtraction * s0);
  const probeDelta = reachable > PROBE_DELTA ? reachable : PROBE_DELTA;
  // at the demand itself when that is the probe: the consumption an output sample at this state mixes at, whose
  // mixing the solve then reuses (gasExchange.ts, solveInletRemembered)
  probe.o2Consumption_mL_min = probeDelta === demandDelta ? inputs.o2Consumption_mL_min : probeDelta * capacity;
  const s1 = oxygenExchangeInto(probe, false, PROBE_STATE).arterialContentSat;
  out.s0 = s0;
  out.slope = (s0 - s1) / probeDelta;
  return Number.isFinite(out.s0) && Number.isFinite(out.slope);
}

/** The line during a run: a singular one stops the engine, naming why (no patient survives it). */
export function oxygenLine(inputs: OxygenInputs, out: OxygenLine, maxExtraction: number): OxygenLine {
  if (!solveOxygenLine(inputs, out, maxExtraction))
    throw new EngineError(
      `no oxygen reaches the blood: the lung shunts ${(100 * inputs.shuntFraction).toFixed(0)} % and the circuit returns ${inputs.effectiveFlow_mL_min.toFixed(0)} mL/min of oxygenated blood; no patient survives this`,
    );
  return out;
}
