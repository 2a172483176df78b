/**
 * The ECMO circuit at one instant: its elements at the current blood viscosity and thrombus load, the loop
 * solve, recirculation and the hemofilter limb's pressures.
 */
import { bloodViscosity_mPa_s } from '../blood.js';
import { solveCircuit, type CircuitElements, type CircuitSolution, type LimbTopology } from './network.js';
import { pressureDrop_mmHg, tubeLossCoefficients, type LossCoefficients } from './tube.js';
import { cannulaLossCoefficients } from './cannulae/lookup.js';
import { availableVenousReturn_mL_min, venousPressure_mmHg } from './venousDrainage.js';
import { configurationSpread, recirculationFraction } from './recirculation.js';
import { filterPressureDrop_mmHg } from '../filter/transmembranePressure.js';
import type { BloodState } from '../model/now.js';
import type { Model } from '../model/context.js';
import { withHeadFactor, type PumpCurve } from './centrifugalPump.js';
import { filterTmp_mmHg, type FilterNow } from '../filter/filterNow.js';
import { mL_min, mmHg, type Flow, type Pressure } from '../quantities.js';

/** Viscosity the oxygenator's rated resistance refers to (reference-data.md §6: ~3 mPa·s at Hct 40 %). */
const OXYGENATOR_REFERENCE_VISCOSITY_mPa_s = 3;
/**
 * A closed clamp as a resistance (mmHg per mL/min): against the pump's full head (~400 mmHg) it lets through
 * under 0.1 mL/min, so flow stops while the loop's pressures stay defined by the same solve [E].
 */
export const CLAMP_RESISTANCE_mmHg_min_mL = 5000;

const withClamp = (c: LossCoefficients, clamped: boolean): LossCoefficients =>
  clamped ? { viscous: c.viscous + CLAMP_RESISTANCE_mmHg_min_mL, inertial: c.inertial } : c;

export interface FilterLimbPressures {
  access_mmHg: Pressure<'mmHg'>;
  /** The pressure of the segment the limb returns into. */
  returnPort_mmHg: Pressure<'mmHg'>;
  filterIn_mmHg: Pressure<'mmHg'>;
  filterOut_mmHg: Pressure<'mmHg'>;
  effluent_mmHg: Pressure<'mmHg'>;
  tmp_mmHg: Pressure<'mmHg'>;
  pressureDrop_mmHg: Pressure<'mmHg'>;
}

export interface CircuitNow {
  solution: CircuitSolution;
  recirculation: number;
  effectiveFlow_mL_min: Flow<'mL/min'>;
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

/** The loop's elements at the blood's viscosity now, clamps and oxygenator thrombus included. */
function circuitElements(c: CircuitSettings, pump: PumpCurve, mu: number, thrombus: number): CircuitElements {
  const flow = c.flow;
  const tube = (innerDiameter_mm: number, length_mm: number, portLoss: number) =>
    tubeLossCoefficients({ innerDiameter_mm, length_mm }, mu, flow.bloodDensity, portLoss, flow.turbulentFrictionFactor);
  return {
    pump,
    drainageCannula: cannulaLossCoefficients(c.drainageCannula, mu, flow),
    drainageTubing: withClamp(tube(c.tubing.innerDiameter, c.tubing.drainageLength, 0), c.clamps.drainageLine),
    returnTubing: withClamp(tube(c.tubing.innerDiameter, c.tubing.returnLength, 0), c.clamps.returnLine),
    returnCannula: cannulaLossCoefficients(c.returnCannula, mu, flow),
    oxygenatorResistance: c.oxygenator.resistance * (mu / OXYGENATOR_REFERENCE_VISCOSITY_mPa_s) * (1 + thrombus),
    venous: {
      returnConductance_mL_min_mmHg: c.venousDrainage.returnConductance,
      collapsePressure_mmHg: c.venousDrainage.collapsePressure,
      collapseLoss_mmHg: c.venousDrainage.collapseLoss,
      collapseExponent: c.venousDrainage.collapseExponent,
    },
  };
}

/**
 * The circuit now, or null without one; `thrombus` is the oxygenator's thrombus load (its resistance × (1 + load)),
 * `headFactor` what air trapped in the pump head leaves of its head (sim/circuit/air).
 */
export function circuitNow(
  m: Model,
  pump: PumpCurve | undefined,
  thrombus: number,
  blood: BloodState,
  fn: FilterNow | null,
  headFactor = 1,
): CircuitNow | null {
  const c = m.current.circuit;
  if (!c || !pump) return null;
  const mu = bloodViscosity_mPa_s(blood.hematocrit, c.flow.plasmaViscosity, c.flow.hematocritViscosityFactor);
  const elements = circuitElements(c, withHeadFactor(pump, headFactor), mu, thrombus);
  const p = m.current.patient;
  const pv = venousPressure_mmHg(p.centralVenousPressure, blood.intravascular_mL, m.intravascular0_mL, p.venousCompliance);
  const limb = TOPOLOGY[c.filterLimb.connection];
  // a CRRT circuit on its own catheter draws nothing from the ECMO circuit
  const onCircuit = limb.access !== 'none';
  const qf = fn && onCircuit ? fn.op.bloodFlow_mL_min : mL_min(0);
  const qlr = fn && onCircuit ? fn.op.limbReturn_mL_min : mL_min(0);
  const solution = solveCircuit(
    elements,
    {
      pumpSpeed_rpm: c.pump.speed,
      venousPressure_mmHg: pv,
      availableVenousReturn_mL_min: availableVenousReturn_mL_min(elements.venous, pv),
      filterLimbFlow_mL_min: qf,
      filterLimbReturn_mL_min: qlr,
      limb,
    },
    mL_min(m.circuitGuess_mL_min),
  );
  m.circuitGuess_mL_min = solution.drainageFlow_mL_min;
  const recirculation = recirculationFraction(
    {
      flowCoefficient: c.recirculation.flowCoefficient,
      tipDistance_mm: c.recirculation.tipDistance,
      referenceDistance_mm: c.recirculation.referenceDistance,
      distanceScale_mm: c.recirculation.distanceScale,
      configurationSpread: configurationSpread(c.configuration),
    },
    solution.returnFlow_mL_min,
    mL_min(p.cardiacOutput),
  );
  const f = m.current.filter;
  return {
    solution,
    recirculation,
    effectiveFlow_mL_min: mL_min(Math.max(solution.returnFlow_mL_min, 0) * (1 - recirculation)),
    filterLimbFlow_mL_min: qf,
    filterLimbReturn_mL_min: qlr,
    limb: fn && f ? filterLimbPressures(m, c, f, fn, limbPorts(c, limb, solution, mu, fn), mu) : null,
  };
}

/** The pressures at the limb's access and return ports (mmHg), from the site and the ECMO pump's operating point. */
export interface LimbPorts {
  access_mmHg: number;
  return_mmHg: number;
}

/**
 * The limb's ports: post-oxygenator, pre-oxygenator (post-pump) or pre-pump on the circuit; on a separate catheter,
 * the central veins less (access) or plus (return) the drop along the catheter's lumen (Poiseuille).
 */
function limbPorts(c: CircuitSettings, t: LimbTopology, s: CircuitSolution, mu: number, fn: FilterNow): LimbPorts {
  const circuitPort = (port: 'postOxygenator' | 'preOxygenator' | 'prePump') =>
    port === 'postOxygenator' ? s.postOxygenatorPressure_mmHg : port === 'preOxygenator' ? s.preOxygenatorPressure_mmHg : s.drainagePressure_mmHg;
  if (t.access !== 'none' && t.return !== 'none') return { access_mmHg: circuitPort(t.access), return_mmHg: circuitPort(t.return) };
  const lumen = tubeLossCoefficients(
    { innerDiameter_mm: c.filterLimb.catheterLumenDiameter, length_mm: c.filterLimb.catheterLength },
    mu,
    c.flow.bloodDensity,
    0,
    0,
  );
  return {
    access_mmHg: s.venousPressure_mmHg - pressureDrop_mmHg(lumen, fn.op.bloodFlow_mL_min),
    return_mmHg: s.venousPressure_mmHg + pressureDrop_mmHg(lumen, fn.op.limbReturn_mL_min),
  };
}

/**
 * The hemofilter limb's pressures: access = access port − line drop (before the occlusive blood pump); the filter's
 * outlet = return port + return-line drop; its inlet = outlet + the filter's drop; effluent = mean fibre pressure − TMP.
 */
function filterLimbPressures(
  m: Model,
  c: CircuitSettings,
  f: NonNullable<Model['current']['filter']>,
  fn: FilterNow,
  ports: LimbPorts,
  mu: number,
): FilterLimbPressures {
  const flow = c.flow;
  // The limb's lines carry laminar flow (Re ~700 at 350 mL/min in 4.5 mm): Poiseuille only, no turbulent friction.
  const line = (length_mm: number) => tubeLossCoefficients({ innerDiameter_mm: c.filterLimb.lineInnerDiameter, length_mm }, mu, flow.bloodDensity, 0, 0);
  const filterOut = mmHg(ports.return_mmHg + pressureDrop_mmHg(line(c.filterLimb.returnLineLength), fn.op.limbReturn_mL_min));
  const muFilter = bloodViscosity_mPa_s(fn.op.meanHematocrit, flow.plasmaViscosity, flow.hematocritViscosityFactor);
  const muRef = bloodViscosity_mPa_s(f.referenceHematocrit, flow.plasmaViscosity, flow.hematocritViscosityFactor);
  const drop = filterPressureDrop_mmHg(
    { pressureDrop_mmHg: f.referencePressureDrop, bloodFlow_mL_min: f.referenceBloodFlow, viscosity_mPa_s: muRef },
    fn.op.meanFiberFlow_mL_min,
    muFilter,
    fn.clottedFraction,
  );
  const tmp = filterTmp_mmHg(m, fn);
  const filterIn = mmHg(filterOut + drop);
  return {
    access_mmHg: mmHg(ports.access_mmHg - pressureDrop_mmHg(line(c.filterLimb.accessLineLength), fn.op.bloodFlow_mL_min)),
    returnPort_mmHg: mmHg(ports.return_mmHg),
    filterIn_mmHg: filterIn,
    filterOut_mmHg: filterOut,
    effluent_mmHg: mmHg(0.5 * (filterIn + filterOut) - tmp),
    tmp_mmHg: tmp,
    pressureDrop_mmHg: drop,
  };
}
