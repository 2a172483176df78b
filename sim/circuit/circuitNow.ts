/**
 * The ECMO circuit at one instant: its elements at the current blood viscosity (hematocrit and temperature, each side
 * of the loop: loopTemperature.ts) and thrombus load, the loop solve, recirculation and the hemofilter limb's pressures
 * (filterLimbPressures.ts).
 */
import { flowModeSignal } from './flowProbe.js';
import { residual, solveCircuit, speedForFlow_rpm, type CircuitConditions, type CircuitElements, type CircuitSolution, type LimbTopology } from './network.js';
import { tubeLossCoefficients, type LossCoefficients } from './tube.js';
import { cannulationLossCoefficients } from './cannulae/lookup.js';
import { loopViscosity, type LoopViscosity } from './loopTemperature.js';
import { kinkLossCoefficient } from './kink.js';
import {
  openVein,
  veinAtCollapse,
  veinPassing,
  venousPressure_mmHg,
  collapsibleVeinPressure_mmHg,
  venousReturnLimit_mL_min,
  venousReturnResistance,
  type VenousSupply,
} from './venousDrainage.js';
import { openFraction, phaseMean, swing } from './chatter.js';
import { recirculationFraction, recirculationParams, returnShareAtZeroOutput } from './recirculation.js';
import { circulationCardiacOutput_mL_min, type Now } from '../model/now.js';
import type { Model } from '../model/context.js';
import { headSpeedWithoutMotor_rpm, withHeadFactor, type PumpCurve } from './centrifugalPump.js';
import { filterLimbPressures, limbBlood, limbPorts, returnIntoPort_mL_min, type FilterLimbPressures } from './filterLimbPressures.js';
import { mL_min, mmHg, type Flow, type Pressure } from '../quantities.js';

/** Viscosity the oxygenator's rated resistance refers to (reference-data.md §6: ~3 mPa·s at Hct 40 %, 37 °C). */
const OXYGENATOR_REFERENCE_VISCOSITY_mPa_s = 3;
/**
 * A closed clamp as a resistance (mmHg per mL/min): against the pump's full head (~400 mmHg) it lets through
 * under 0.1 mL/min, so flow stops while the loop's pressures stay defined by the same solve [E].
 */
export const CLAMP_RESISTANCE_mmHg_min_mL = 5000;

const withClamp = (c: LossCoefficients, clamped: boolean): LossCoefficients =>
  clamped ? { viscous: c.viscous + CLAMP_RESISTANCE_mmHg_min_mL, inertial: c.inertial } : c;

/** The drained vein now: what it can deliver and whether it chatters. */
export interface DrainageNow {
  supply: VenousSupply;
  /** Drainage the pump asks for with the vein held open at its collapse pressure (mL/min). */
  demand_mL_min: Flow<'mL/min'>;
  /** Fraction of the time the vein is open: 1 without chatter. */
  fractionOpen: number;
  /** How far the console's flow and drainage-pressure readings swing (twice their standard deviation). */
  flowSwing_mL_min: Flow<'mL/min'>;
  pressureSwing_mmHg: Pressure<'mmHg'>;
}

export interface CircuitNow {
  /** The speed the pump turns at (the set speed, or the flow mode's choice). */
  pumpSpeed_rpm: number;
  /** Time-mean flows and pressures (the phases of chatter averaged). */
  solution: CircuitSolution;
  drainage: DrainageNow;
  recirculation: number;
  effectiveFlow_mL_min: Flow<'mL/min'>;
  /** lim Q_eff/CO as the native output falls to 0 (recirculation.ts); 0 with nothing returned to the veins. */
  returnShareAtZeroOutput: number;
  filterLimbFlow_mL_min: Flow<'mL/min'>;
  filterLimbReturn_mL_min: Flow<'mL/min'>;
  limb: FilterLimbPressures | null;
}

type CircuitSettings = NonNullable<Model['current']['circuit']>;
type Connection = CircuitSettings['filterLimb']['connection'];

/** Each connection site's ports (network.ts). */
const TOPOLOGY: Readonly<Record<Connection, LimbTopology>> = {
  postOxygenatorToPrePump: { access: 'postOxygenator', return: 'prePump' },
  postPumpToPrePump: { access: 'preOxygenator', return: 'prePump' },
  preOxygenator: { access: 'preOxygenator', return: 'preOxygenator' },
  separateCatheter: { access: 'none', return: 'none' },
};

/** The segment a connection site's limb returns into ('none': its own catheter, off the ECMO circuit). */
export function limbReturnSegment(connection: Connection): LimbTopology['return'] {
  return TOPOLOGY[connection].return;
}

const NO_SUPPLY: VenousSupply = { venousPressure_mmHg: mmHg(0), filling_mmHg: mmHg(0), surrounding_mmHg: mmHg(0), limit_mL_min: mL_min(1) };

/** A line of the loop's tubing at viscosity `mu` (tube.ts). */
function tubing(c: CircuitSettings, mu: number, length_mm: number, portLoss: number): LossCoefficients {
  const flow = c.flow;
  return tubeLossCoefficients({ innerDiameter_mm: c.tubing.innerDiameter, length_mm }, mu, flow.bloodDensity, portLoss, flow.turbulentFrictionFactor);
}

/**
 * The oxygenator's blood-side resistance over the clean device's at the same viscosity: its thrombus load T (the slow
 * growth) and a thrombosis fault occluding a fraction f of the parallel fibre paths, (1 + T)/(1 − f).
 */
export function oxygenatorResistanceFactor(thrombusLoad: number, thrombosis: number): number {
  return (1 + thrombusLoad) / (1 - thrombosis);
}

/**
 * The loop's elements at the blood's viscosity now on each side of the loop, clamps and oxygenator thrombus included;
 * the vein is a placeholder each solve replaces in place (the record is the caller's, one per circuitNow call).
 */
function circuitElements(c: CircuitSettings, pump: PumpCurve, mu: LoopViscosity, thrombus: number): CircuitElements {
  const cannulae = cannulationLossCoefficients(c, mu.drainage_mPa_s, mu.return_mPa_s, c.flow);
  const viscosityRatio = mu.oxygenator_mPa_s / OXYGENATOR_REFERENCE_VISCOSITY_mPa_s;
  return {
    pump,
    drainageCannula: cannulae.drainage,
    drainageTubing: withClamp(tubing(c, mu.drainage_mPa_s, c.tubing.drainageLength, kinkLossCoefficient(c.drainageLine.kink)), c.clamps.drainageLine),
    returnTubing: withClamp(tubing(c, mu.return_mPa_s, c.tubing.returnLength, kinkLossCoefficient(c.returnLine.kink)), c.clamps.returnLine),
    returnCannula: cannulae.return,
    oxygenatorResistance: c.oxygenator.resistance * viscosityRatio * oxygenatorResistanceFactor(thrombus, c.oxygenator.thrombosis),
    vein: openVein(NO_SUPPLY, 0),
  };
}

/** The drained vein's linear pressure: the starting CVP moved by the blood volume over the venous compliance. */
function linearVeinPressure_mmHg(m: Model, intravascular_mL: number): Pressure<'mmHg'> {
  const p = m.current.patient;
  return venousPressure_mmHg(p.centralVenousPressure, intravascular_mL, m.intravascular0_mL, p.venousCompliance);
}

/** The drained vein's pressure from its linear one: collapsing below the pressure around it, never above P_msf. */
function collapsedFrom(m: Model, linear_mmHg: number): Pressure<'mmHg'> {
  const v = m.current.circuit!.venousDrainage;
  return collapsibleVeinPressure_mmHg(linear_mmHg, v.surroundingPressure, v.collapsePressure, linear_mmHg + v.venousReturnGradient);
}

/** The drained vein's pressure at rest: linear while distended, collapsing below the pressure around it. */
export function drainedVeinPressure_mmHg(m: Model, intravascular_mL: number): Pressure<'mmHg'> {
  return collapsedFrom(m, linearVeinPressure_mmHg(m, intravascular_mL));
}

/**
 * Guyton's plateau now (mL/min): venousSupply's limit alone, the same double, without its record (the blood-loss
 * part's `derive` reads it at every evaluation while a return-line loss is held).
 */
export function venousSupplyLimit_mL_min(m: Model, intravascular_mL: number, resistance_mmHg_min_mL: number): number {
  return plateauFrom(m, linearVeinPressure_mmHg(m, intravascular_mL), resistance_mmHg_min_mL);
}

/** Guyton's plateau φ·(P_msf − P_ext)/R_vr from the drained vein's linear pressure (P_msf = linear + its gradient). */
function plateauFrom(m: Model, linear_mmHg: number, resistance_mmHg_min_mL: number): Flow<'mL/min'> {
  const v = m.current.circuit!.venousDrainage;
  return venousReturnLimit_mL_min(mmHg(linear_mmHg + v.venousReturnGradient), v.surroundingPressure, resistance_mmHg_min_mL, v.accessibleFraction);
}

/** What the veins deliver now (venousDrainage.ts): the venous pressure, Pmsf and Guyton's plateau. */
export function venousSupply(m: Model, intravascular_mL: number, resistance_mmHg_min_mL: number): VenousSupply {
  const v = m.current.circuit!.venousDrainage;
  const linear = linearVeinPressure_mmHg(m, intravascular_mL);
  // P_msf from the linear law: the whole circulation's stressed volume over its compliance (venousDrainage.ts)
  const filling = mmHg(linear + v.venousReturnGradient);
  return {
    venousPressure_mmHg: collapsedFrom(m, linear),
    filling_mmHg: filling,
    surrounding_mmHg: mmHg(v.surroundingPressure),
    limit_mL_min: plateauFrom(m, linear, resistance_mmHg_min_mL),
  };
}

/**
 * The loop with the drained vein: open below Guyton's plateau, chattering past it (chatter.ts). Each phase's vein
 * is written into `e.vein` (the caller's record) rather than a copy of `e` per solve.
 */
export function solveDrainage(
  e: CircuitElements,
  cond: CircuitConditions,
  supply: VenousSupply,
  chatter: { flowLoss: number; collapsedFlowFraction: number },
  guess: Flow<'mL/min'>,
): { solution: CircuitSolution; drainage: DrainageNow } {
  e.vein = openVein(supply, CLAMP_RESISTANCE_mmHg_min_mL);
  const open = solveCircuit(e, cond, guess);
  if (!(open.drainageFlow_mL_min > supply.limit_mL_min))
    return {
      solution: open,
      drainage: { supply, demand_mL_min: open.drainageFlow_mL_min, fractionOpen: 1, flowSwing_mL_min: mL_min(0), pressureSwing_mmHg: mmHg(0) },
    };
  e.vein = veinAtCollapse(supply);
  const up = solveCircuit(e, cond, open.drainageFlow_mL_min);
  // The collapsed phase: the holes the vein leaves open pass a fixed fraction of the plateau flow.
  const qc = mL_min(chatter.collapsedFlowFraction * supply.limit_mL_min);
  e.vein = veinPassing(0);
  const [left] = residual(e, cond, qc);
  e.vein = veinPassing(left);
  const down = solveCircuit(e, cond, qc);
  const f = openFraction({ openFlow: up.drainageFlow_mL_min, collapsedFlow: qc, limit: supply.limit_mL_min, flowLoss: chatter.flowLoss });
  const solution: CircuitSolution = {
    drainageFlow_mL_min: mL_min(phaseMean(f, up.drainageFlow_mL_min, down.drainageFlow_mL_min)),
    pumpFlow_mL_min: mL_min(phaseMean(f, up.pumpFlow_mL_min, down.pumpFlow_mL_min)),
    oxygenatorFlow_mL_min: mL_min(phaseMean(f, up.oxygenatorFlow_mL_min, down.oxygenatorFlow_mL_min)),
    returnFlow_mL_min: mL_min(phaseMean(f, up.returnFlow_mL_min, down.returnFlow_mL_min)),
    venousPressure_mmHg: up.venousPressure_mmHg,
    drainagePressure_mmHg: mmHg(phaseMean(f, up.drainagePressure_mmHg, down.drainagePressure_mmHg)),
    preOxygenatorPressure_mmHg: mmHg(phaseMean(f, up.preOxygenatorPressure_mmHg, down.preOxygenatorPressure_mmHg)),
    postOxygenatorPressure_mmHg: mmHg(phaseMean(f, up.postOxygenatorPressure_mmHg, down.postOxygenatorPressure_mmHg)),
    oxygenatorPressureDrop_mmHg: mmHg(phaseMean(f, up.oxygenatorPressureDrop_mmHg, down.oxygenatorPressureDrop_mmHg)),
    pumpHead_mmHg: mmHg(phaseMean(f, up.pumpHead_mmHg, down.pumpHead_mmHg)),
    iterations: open.iterations + up.iterations + down.iterations,
  };
  return {
    solution,
    drainage: {
      supply,
      demand_mL_min: up.drainageFlow_mL_min,
      fractionOpen: f,
      flowSwing_mL_min: mL_min(swing(f, up.drainageFlow_mL_min, down.drainageFlow_mL_min)),
      pressureSwing_mmHg: mmHg(swing(f, up.drainagePressure_mmHg, down.drainagePressure_mmHg)),
    },
  };
}

/**
 * The speed the pump head turns at: the hand crank's, 0 with the motor failed or out of power (centrifugalPump.ts);
 * else the console's: the set speed, or in flow mode the speed whose flow through an open vein is the
 * target, up to the console's maximum. A target the vein cannot deliver drives the console to its maximum, as a
 * flow controller does against a collapsing vein. Flow mode reads the flow probe: without its signal the console
 * turns at the set speed, clipped on backwards it runs to its maximum (flowProbe.ts).
 */
function pumpSpeedNow(c: CircuitSettings, e: CircuitElements, cond: CircuitConditions, supply: VenousSupply, batteryEmpty: boolean): number {
  const without = headSpeedWithoutMotor_rpm(c.pump, batteryEmpty);
  if (without !== null) return without;
  if (c.pump.mode === 'speed') return c.pump.speed;
  // flow mode regulates on the probe's reading (flowProbe.ts): none, it turns at the set speed; reversed, it runs away
  const signal = flowModeSignal(c.flowProbe);
  if (signal === 'none') return c.pump.speed;
  if (signal === 'reversed') return c.pump.maxSpeed;
  const drainage = mL_min(c.pump.targetFlow - cond.filterLimbReturn_mL_min);
  if (drainage > supply.limit_mL_min) return c.pump.maxSpeed;
  e.vein = openVein(supply, CLAMP_RESISTANCE_mmHg_min_mL);
  return Math.min(speedForFlow_rpm(e, cond, drainage), c.pump.maxSpeed);
}

/**
 * What the circuit's solve reads of the patient now: the blood (volume, hematocrit), the hemofilter, the
 * circulation's native cardiac output (hemodynamics derives it before the circuit: sim/engine/models.ts) and the
 * core temperature (the drained blood's, for its viscosity: loopTemperature.ts).
 */
export type CircuitReads = Pick<Now, 'blood' | 'filter' | 'hemodynamics' | 'metabolism'>;

/**
 * The circuit now, or null without one; `thrombus` is the oxygenator's thrombus load (its resistance × (1 + load)),
 * `headFactor` what air trapped in the pump head leaves of its head (sim/circuit/air).
 */
export function circuitNow(m: Model, pump: PumpCurve | undefined, thrombus: number, now: CircuitReads, headFactor = 1): CircuitNow | null {
  const c = m.current.circuit;
  if (!c || !pump) return null;
  const blood = now.blood;
  const fn = now.filter;
  const temperature_C = now.metabolism.temperature_C;
  const mu = loopViscosity(c, blood.hematocrit, temperature_C);
  const elements = circuitElements(c, withHeadFactor(pump, headFactor), mu, thrombus);
  // the resistance to venous return, from the patient's starting gradient and cardiac output (venousDrainage.ts)
  const venousResistance = venousReturnResistance(c.venousDrainage.venousReturnGradient, m.scenario.patient.cardiacOutput);
  const supply = venousSupply(m, blood.intravascular_mL, venousResistance);
  const limb = TOPOLOGY[c.filterLimb.connection];
  // a CRRT circuit on its own catheter draws nothing from the ECMO circuit
  const onCircuit = limb.access !== 'none';
  const qf = fn && onCircuit ? fn.op.bloodFlow_mL_min : mL_min(0);
  const qlr = fn && onCircuit ? returnIntoPort_mL_min(c, fn) : mL_min(0);
  const cond: CircuitConditions = {
    pumpSpeed_rpm: 0,
    venousPressure_mmHg: supply.venousPressure_mmHg,
    filterLimbFlow_mL_min: qf,
    filterLimbReturn_mL_min: qlr,
    limb,
  };
  // the return cannula out of the vessel: the loop discharges onto the floor, at atmospheric pressure (network.ts)
  const returnOut = c.decannulation === 'return';
  if (returnOut) cond.returnOutlet_mmHg = mmHg(0);
  cond.pumpSpeed_rpm = pumpSpeedNow(c, elements, cond, supply, m.batteryEmpty);
  const { solution, drainage } = solveDrainage(
    elements,
    cond,
    supply,
    { flowLoss: c.venousDrainage.chatterFlowLoss, collapsedFlowFraction: c.venousDrainage.collapsedFlowFraction },
    mL_min(m.circuitGuess_mL_min),
  );
  m.circuitGuess_mL_min = drainage.demand_mL_min;
  // the return cannula out: nothing returns to the veins, so nothing recirculates; else the native output now carries
  // the returned blood away from the drainage cannula (a bleed that lowers it raises recirculation)
  const rp = recirculationParams(c.configuration, c.recirculation);
  const recirculation = returnOut ? 0 : recirculationFraction(rp, solution.returnFlow_mL_min, mL_min(circulationCardiacOutput_mL_min(now)));
  const f = m.current.filter;
  return {
    pumpSpeed_rpm: cond.pumpSpeed_rpm,
    solution,
    drainage,
    recirculation,
    effectiveFlow_mL_min: mL_min(returnOut ? 0 : Math.max(solution.returnFlow_mL_min, 0) * (1 - recirculation)),
    returnShareAtZeroOutput: returnOut || !(solution.returnFlow_mL_min > 0) ? 0 : returnShareAtZeroOutput(rp),
    filterLimbFlow_mL_min: qf,
    filterLimbReturn_mL_min: qlr,
    limb: fn && f ? filterLimbPressures(m, c, f, fn, limbPorts(c, limb, solution, mu.drainage_mPa_s, fn), limbBlood(c, limb, mu, temperature_C)) : null,
  };
}
