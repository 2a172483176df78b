/**
 * A small solute in total body water, one compartment, as creatinine and urea are: amount in mg, concentration in
 * mg/dL, produced at a rate of its own, eliminated by renal clearance (dA/dt = G − φ·GFR·C: a fixed fraction φ of
 * the kidney's filtration now, sim/patient/kidney/; 1 for creatinine, reabsorbed urea less), cleared by the filter
 * from whole-blood water (registry.ts).
 */
import type { Model } from '../../model/context.js';
import type { SlotOf } from '../../model/part.js';
import { mL_min, perHour } from '../../quantities.js';
import type { SoluteKinetics, SoluteStateNames } from './solute.js';

/** The solute's settings: its distribution volume (mL), read as it is now. */
type BodyWaterSettings = { distributionVolume: number };

export function bodyWaterKinetics(
  m: Model,
  slot: SlotOf,
  names: SoluteStateNames,
  settings: (current: Model['current']) => BodyWaterSettings,
  baseline_mg_dL: number,
  production_mg_h: () => number,
  /** its renal clearance over GFR now (1: filtered, neither reabsorbed nor secreted) */
  renalFractionOfGfr: () => number,
): SoluteKinetics {
  const amount = slot(names.central);
  return {
    centralVolume_mL: () => settings(m.current).distributionVolume,
    initial(y) {
      y[amount] = (baseline_mg_dL * settings(m.scenario).distributionVolume) / 100;
    },
    fluxes(now, c, out) {
      out.produced = production_mg_h();
      out.eliminated = perHour(mL_min(renalFractionOfGfr() * now.kidney.gfr_mL_min)) * c;
      out.exchange = 0;
    },
  };
}
