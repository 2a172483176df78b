/**
 * Pressure drop along a tube (cannula, tubing, line): ΔP = a·Q + b·Q·|Q|.
 *   a = 128·μ·L / (π·d⁴)                       Poiseuille (viscous term, scales with viscosity and L/d⁴)
 *   b = ρ / (2·A²) · (K + λ·L/d),  A = π·d²/4   inertial term: entry/exit loss K and turbulent friction λ
 * The form is Ganushchak's (Perfusion 2020) [S for the form]; K and λ are estimates [E]. Q in mL/min, ΔP in mmHg.
 * Q·|Q| keeps the drop odd in Q, so reversed flow loses pressure the other way.
 */
import { mmHg, type Flow, type Pressure } from '../quantities.js';

export interface TubeGeometry {
  innerDiameter_mm: number;
  length_mm: number;
}

export interface LossCoefficients {
  /** mmHg per mL/min */
  viscous: number;
  /** mmHg per (mL/min)² */
  inertial: number;
}

/** 1 mmHg = 133.322 Pa (conventional definition). */
const PA_PER_MMHG = 133.322;
/** 1 mL/min in m³/s: the SI factor that turns the coefficients' units, not a flow crossing a function. */
const M3_S_PER_ML_MIN = 1e-6 / 60;

export function tubeLossCoefficients(
  g: TubeGeometry,
  viscosity_mPa_s: number,
  density_kg_m3: number,
  lossCoefficient: number,
  frictionFactor: number,
): LossCoefficients {
  const d = g.innerDiameter_mm * 1e-3;
  const L = g.length_mm * 1e-3;
  const mu = viscosity_mPa_s * 1e-3;
  const area = (Math.PI * d * d) / 4;
  const aSI = (128 * mu * L) / (Math.PI * d ** 4);
  const bSI = (density_kg_m3 / (2 * area * area)) * (lossCoefficient + (frictionFactor * L) / d);
  return {
    viscous: (aSI * M3_S_PER_ML_MIN) / PA_PER_MMHG,
    inertial: (bSI * M3_S_PER_ML_MIN * M3_S_PER_ML_MIN) / PA_PER_MMHG,
  };
}

export function pressureDrop_mmHg(c: LossCoefficients, flow_mL_min: Flow<'mL/min'>): Pressure<'mmHg'> {
  return mmHg(c.viscous * flow_mL_min + c.inertial * flow_mL_min * Math.abs(flow_mL_min));
}

/** d(ΔP)/dQ, for the network's Newton iteration. */
export function pressureDropSlope(c: LossCoefficients, flow_mL_min: Flow<'mL/min'>): number {
  return c.viscous + 2 * c.inertial * Math.abs(flow_mL_min);
}

/** A cannula's inner diameter from its French size (1 Fr = 1/3 mm outer diameter) and wall thickness. */
export function cannulaInnerDiameter_mm(size_Fr: number, wallThickness_mm: number): number {
  return size_Fr / 3 - 2 * wallThickness_mm;
}
