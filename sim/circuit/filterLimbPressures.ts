/**
 * The hemofilter limb's pressures (hemofilter.md, "Connection sites"): its ports on the ECMO loop or on its own
 * catheter, where its return line ends, and the access, filter, return and effluent pressures that follow from the
 * ECMO pump's operating point (circuitNow.ts solves the loop and calls these).
 */
import { bloodViscosity_mPa_s, VISCOSITY_REFERENCE_TEMPERATURE_C } from '../blood.js';
import type { CircuitSolution, LimbTopology } from './network.js';
import { pressureDrop_mmHg, tubeLossCoefficients, type LossCoefficients, type TubeGeometry } from './tube.js';
import { oxygenatorOutletTemperature_C, type LoopViscosity } from './loopTemperature.js';
import { filterPressureDrop_mmHg } from '../filter/transmembranePressure.js';
import type { Model } from '../model/context.js';
import { filterTmp_mmHg, type FilterNow } from '../filter/filterNow.js';
import { mL_min, mmHg, type Flow, type Pressure } from '../quantities.js';

type CircuitSettings = NonNullable<Model['current']['circuit']>;

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

/**
 * The pressures at the limb's access and return ports (mmHg), from the site and the ECMO pump's operating point, and
 * where the return line ends: at its port, or open to the air (0) with the line off it.
 */
export interface LimbPorts {
  access_mmHg: number;
  return_mmHg: number;
  returnLineEnd_mmHg: number;
}

/**
 * The blood the limb returns into its port (mL/min): its return flow, none with the line off the port
 * (circuit.filterLimb.returnDisconnected: it goes onto the floor, sim/circuit/bloodLoss/limbReturn.ts).
 */
export function returnIntoPort_mL_min(c: CircuitSettings, fn: FilterNow): Flow<'mL/min'> {
  return c.filterLimb.returnDisconnected ? mL_min(0) : fn.op.limbReturn_mL_min;
}

/** The loop's pressure at a limb port (mmHg). */
function circuitPort(s: CircuitSolution, port: 'postOxygenator' | 'preOxygenator' | 'prePump'): number {
  return port === 'postOxygenator' ? s.postOxygenatorPressure_mmHg : port === 'preOxygenator' ? s.preOxygenatorPressure_mmHg : s.drainagePressure_mmHg;
}

/** One lumen of the limb's own dialysis catheter (circuit.filterLimb.catheterLumenDiameter, catheterLength). */
export function catheterLumen(c: CircuitSettings): TubeGeometry {
  return { innerDiameter_mm: c.filterLimb.catheterLumenDiameter, length_mm: c.filterLimb.catheterLength };
}

/**
 * The limb's ports: post-oxygenator, pre-oxygenator (post-pump) or pre-pump on the circuit; on a separate catheter,
 * the central veins less (access) or plus (return) the drop along the catheter's lumen (Poiseuille).
 */
export function limbPorts(c: CircuitSettings, t: LimbTopology, s: CircuitSolution, mu: number, fn: FilterNow): LimbPorts {
  const ends = (access_mmHg: number, return_mmHg: number): LimbPorts => ({
    access_mmHg,
    return_mmHg,
    returnLineEnd_mmHg: c.filterLimb.returnDisconnected ? 0 : return_mmHg,
  });
  if (t.access !== 'none' && t.return !== 'none') return ends(circuitPort(s, t.access), circuitPort(s, t.return));
  const lumen = tubeLossCoefficients(catheterLumen(c), mu, c.flow.bloodDensity, 0, 0);
  return ends(
    s.venousPressure_mmHg - pressureDrop_mmHg(lumen, fn.op.bloodFlow_mL_min),
    s.venousPressure_mmHg + pressureDrop_mmHg(lumen, returnIntoPort_mL_min(c, fn)),
  );
}

/**
 * The filter limb's blood: the temperature and viscosity of the blood at its access port, post-oxygenator at the
 * exchanger's outlet, elsewhere (pre-oxygenator, its own catheter) at the core temperature.
 */
export function limbBlood(c: CircuitSettings, t: LimbTopology, mu: LoopViscosity, core_C: number): { temperature_C: number; viscosity_mPa_s: number } {
  return t.access === 'postOxygenator'
    ? { temperature_C: oxygenatorOutletTemperature_C(c, core_C), viscosity_mPa_s: mu.return_mPa_s }
    : { temperature_C: core_C, viscosity_mPa_s: mu.drainage_mPa_s };
}

/** A hemofilter limb line: laminar flow (Re ~700 at 350 mL/min in 4.5 mm), Poiseuille only, no turbulent friction. */
function limbLine(c: CircuitSettings, mu: number, length_mm: number): LossCoefficients {
  return tubeLossCoefficients({ innerDiameter_mm: c.filterLimb.lineInnerDiameter, length_mm }, mu, c.flow.bloodDensity, 0, 0);
}

/**
 * The hemofilter limb's pressures: access = access port − line drop (before the occlusive blood pump); the filter's
 * outlet = the return line's end (its port, or the air with the line off it) + the line's drop; its inlet = outlet +
 * the filter's drop; effluent = mean fibre pressure − TMP.
 * The limb's blood keeps its access port's temperature (the lines' and the replacement fluid's cooling left out); the
 * filter's rated drop refers to blood at its reference hematocrit and 37 °C.
 */
export function filterLimbPressures(
  m: Model,
  c: CircuitSettings,
  f: NonNullable<Model['current']['filter']>,
  fn: FilterNow,
  ports: LimbPorts,
  blood: { temperature_C: number; viscosity_mPa_s: number },
): FilterLimbPressures {
  const flow = c.flow;
  const mu = blood.viscosity_mPa_s;
  const filterOut = mmHg(ports.returnLineEnd_mmHg + pressureDrop_mmHg(limbLine(c, mu, c.filterLimb.returnLineLength), fn.op.limbReturn_mL_min));
  const muFilter = bloodViscosity_mPa_s(fn.op.meanHematocrit, flow.plasmaViscosity, flow.hematocritViscosityFactor, blood.temperature_C);
  const muRef = bloodViscosity_mPa_s(f.referenceHematocrit, flow.plasmaViscosity, flow.hematocritViscosityFactor, VISCOSITY_REFERENCE_TEMPERATURE_C);
  const drop = filterPressureDrop_mmHg(
    { pressureDrop_mmHg: f.referencePressureDrop, bloodFlow_mL_min: f.referenceBloodFlow, viscosity_mPa_s: muRef },
    fn.op.meanFiberFlow_mL_min,
    muFilter,
    fn.clottedFraction,
  );
  const tmp = filterTmp_mmHg(m, fn);
  const filterIn = mmHg(filterOut + drop);
  return {
    access_mmHg: mmHg(ports.access_mmHg - pressureDrop_mmHg(limbLine(c, mu, c.filterLimb.accessLineLength), fn.op.bloodFlow_mL_min)),
    returnPort_mmHg: mmHg(ports.return_mmHg),
    filterIn_mmHg: filterIn,
    filterOut_mmHg: filterOut,
    effluent_mmHg: mmHg(0.5 * (filterIn + filterOut) - tmp),
    tmp_mmHg: tmp,
    pressureDrop_mmHg: drop,
  };
}
