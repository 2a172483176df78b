/**
 * A cannula's loss coefficients in blood, from the catalogue or from its size and length.
 *
 * A catalogue cannula's water chart is fitted once (fit.ts) and corrected to blood term by term, the dynamic
 * similarity of Ganushchak et al. (Perfusion 2020;35:331) reduced to its two terms [S for the method]:
 *   a_blood = a_water · μ_blood / μ_water(T_chart)      the viscous (Poiseuille) term scales with viscosity
 *   b_blood = b_water · ρ_blood / ρ_water               the inertial term scales with density
 * Water at the chart's temperature: μ from Vogel's equation, μ = 0.02414 · 10^(247.8 / (T − 140)) mPa·s (T in K),
 * 1.002 mPa·s at 20 °C; ρ = 998.2 kg/m³ at 20 °C [S: standard property tables].
 * Flows in the circuit are mL/min, the charts' L/min: a /1000, b /10⁶.
 */
import { CANNULA_CATALOGUE, catalogueCannula, sourceScatter_mmHg, type CatalogueCannula } from './catalogue.js';
import { DUAL_LUMEN_LUMENS, dualLumenCannula } from './dualLumen.js';
import { fitTwoTerm, fittedDrop, type TwoTermFit } from './fit.js';
import { cannulaInnerDiameter_mm, tubeLossCoefficients, type LossCoefficients } from '../tube.js';
import { waterViscosity_mPa_s } from '../../blood.js';

/** Water's density at room temperature (kg/m³, 20 °C) [S]. */
export const WATER_DENSITY_kg_m3 = 998.2;

const fits = new Map<string, TwoTermFit>([...CANNULA_CATALOGUE, ...DUAL_LUMEN_LUMENS].map((c) => [c.id, fitTwoTerm(c.points)]));

/** The fit of a catalogue cannula's points, in its test fluid (L/min, mmHg). */
export function catalogueFit(c: CatalogueCannula): TwoTermFit {
  return fits.get(c.id)!;
}

/**
 * How close a catalogue cannula's fit lies to its source: the largest |fitted − charted| drop over its points (mmHg,
 * in the test fluid) beside the source's own scatter (catalogue.ts); within it, the fit reproduces its source.
 */
export function fitAgainstSource(c: CatalogueCannula): { worst_mmHg: number; scatter_mmHg: number } {
  const f = catalogueFit(c);
  return {
    worst_mmHg: Math.max(...c.points.map(([q, dp]) => Math.abs(fittedDrop(f, q) - dp))),
    scatter_mmHg: sourceScatter_mmHg(c),
  };
}

/** A catalogue cannula's coefficients in blood of this viscosity and density (mmHg per mL/min, per (mL/min)²). */
export function catalogueLossCoefficients(c: CatalogueCannula, viscosity_mPa_s: number, density_kg_m3: number): LossCoefficients {
  const f = catalogueFit(c);
  return {
    viscous: (f.viscous * (viscosity_mPa_s / waterViscosity_mPa_s(c.fluid.temperature_C))) / 1e3,
    inertial: (f.inertial * (density_kg_m3 / WATER_DENSITY_kg_m3)) / 1e6,
  };
}

/** What a scenario says of a cannula: a catalogue model, or `custom` with its size, length and wall. */
export interface CannulaSettings {
  model: string;
  size: number;
  length: number;
  wallThickness: number;
}

/** The flow section's coefficients a size-and-length cannula needs (circuit.flow). */
export interface CannulaFlow {
  bloodDensity: number;
  inertialLossCoefficient: number;
  turbulentFrictionFactor: number;
}

/** The cannula's coefficients in blood: from its catalogue entry, or from its geometry (tube.ts) when `custom`. */
export function cannulaLossCoefficients(s: CannulaSettings, viscosity_mPa_s: number, flow: CannulaFlow): LossCoefficients {
  if (s.model !== 'custom') {
    const c = catalogueCannula(s.model);
    if (!c) throw new Error(`no catalogue cannula "${s.model}"`); // the scenario's choice list rules this out
    return catalogueLossCoefficients(c, viscosity_mPa_s, flow.bloodDensity);
  }
  return tubeLossCoefficients(
    { innerDiameter_mm: cannulaInnerDiameter_mm(s.size, s.wallThickness), length_mm: s.length },
    viscosity_mPa_s,
    flow.bloodDensity,
    flow.inertialLossCoefficient,
    flow.turbulentFrictionFactor,
  );
}

/** What a scenario says of its cannulation: the configuration, its two cannulae and its dual-lumen cannula. */
export interface CannulationSettings {
  configuration: string;
  dualLumenCannula: string;
  drainageCannula: CannulaSettings;
  returnCannula: CannulaSettings;
}

/**
 * The circuit's drainage and return cannulae in blood, each at its own side's viscosity (the returned blood has been
 * through the heat exchanger): with a dual-lumen bicaval cannula, its drainage lumen and its infusion lumen (the two
 * cannula settings are then not used); otherwise the two cannulae.
 */
export function cannulationLossCoefficients(
  s: CannulationSettings,
  drainageViscosity_mPa_s: number,
  returnViscosity_mPa_s: number,
  flow: CannulaFlow,
): { drainage: LossCoefficients; return: LossCoefficients } {
  if (s.configuration === 'dual-lumen-bicaval') {
    const c = dualLumenCannula(s.dualLumenCannula);
    if (!c) throw new Error(`no dual-lumen cannula "${s.dualLumenCannula}"`); // the scenario's choice list rules this out
    return {
      drainage: catalogueLossCoefficients(c.drainage, drainageViscosity_mPa_s, flow.bloodDensity),
      return: catalogueLossCoefficients(c.return, returnViscosity_mPa_s, flow.bloodDensity),
    };
  }
  return {
    drainage: cannulaLossCoefficients(s.drainageCannula, drainageViscosity_mPa_s, flow),
    return: cannulaLossCoefficients(s.returnCannula, returnViscosity_mPa_s, flow),
  };
}
