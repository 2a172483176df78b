/**
 * The gas tensions of the blood the filter limb draws, by its connection site (outputs only): its ultrafiltrate is
 * plasma water at these tensions, and degasses in an effluent line below their sum (circuit/degassing.ts).
 *
 * - Post-oxygenator access (the cohort's site): the post-oxygenator PO2 and PCO2 (postOxygenator.ts) and N2 at the
 *   sweep gas's share, N_sweep = (1 − FiO2_sweep)·713 mmHg (the oxygenator equilibrates N2 as it does O2 [E]).
 * - Pre-oxygenator access (post-pump take-off, or the pre-oxygenator loop): the drained blood, whose recirculated
 *   share R left the oxygenator and the rest is the patient's venous blood. Its PO2 follows the drained saturation
 *   (gasExchange.ts), its PCO2 and N2 the same mixing, linear in content (CO2's curve is close to linear between
 *   the venous and arterial points, postOxygenator.ts; dissolved N2 is linear by Henry's law):
 *     PCO2 = R·PCO2_post + (1 − R)·PvCO2,   N2 = R·N_sweep + (1 − R)·N_v
 * - A separate catheter: the patient's central venous blood (SvO2, PvCO2, N_v).
 *
 * Venous N2. Tissues neither make nor use nitrogen, so in a steady state venous N2 equals arterial N2. Arterial blood
 * mixes (as the saturations do in gasExchange.ts) the native lung's end-capillary blood, at the alveolar N2
 * N_alv = (1 − FiO2_vent)·713, with its shunt sh, which carries pulmonary-arterial blood: the circuit's return share β
 * (at N_sweep) and the venous rest:
 *     N_v = sh·(β·N_sweep + (1 − β)·N_v) + (1 − sh)·N_alv   ⇒   N_v = (sh·β·N_sweep + (1 − sh)·N_alv) / (1 − sh·(1 − β))
 * [S2: the "oxygen window": venous blood's total gas tension lies below the ambient pressure (Brian,
 * perfusiontheory.com); nitrogen washout on 100 % O2. E: alveolar N2 ignores the alveolar PCO2's share
 * ((1 − R_Q)/R_Q·PACO2 ≈ 10 mmHg); N2 at its steady state, though body N2 stores take hours to wash out or in.]
 */
import { DRY_GAS_mmHg, po2FromSaturation } from './gasExchange.js';

/** Dry-gas pressure at 760 mmHg less water vapour at 37 °C (mmHg; as gasExchange.ts). */

/** N2 tension of blood equilibrated with a gas of this FiO2 (mmHg; the rest of the dry gas is N2). */
export const nitrogenAtEquilibrium_mmHg = (fio2: number) => (1 - fio2) * DRY_GAS_mmHg;

/** Steady venous N2 (mmHg) from the mixing above. With no circuit flow (β = 0) it is the alveolar N2. */
export function venousNitrogen_mmHg(o: { ventilatorFio2: number; sweepFio2: number; shuntFraction: number; returnShare: number }): number {
  const sh = o.shuntFraction;
  const beta = Math.min(Math.max(o.returnShare, 0), 1);
  return (sh * beta * nitrogenAtEquilibrium_mmHg(o.sweepFio2) + (1 - sh) * nitrogenAtEquilibrium_mmHg(o.ventilatorFio2)) / (1 - sh * (1 - beta));
}

export type AccessBlood = 'postOxygenator' | 'drained' | 'venous';

export interface BloodGasTensions {
  po2_mmHg: number;
  pco2_mmHg: number;
  n2_mmHg: number;
}

export interface AccessBloodInputs {
  postOxygenator: { po2_mmHg: number; pco2_mmHg: number };
  /** Saturations of the drained and of the patient's venous blood (fractions). */
  drainedSat: number;
  svo2: number;
  recirculation: number;
  pvco2_mmHg: number;
  sweepFio2: number;
  venousN2_mmHg: number;
}

/** The tensions of the blood the limb draws from `site`, into `out` (allocation-free). */
export function accessBloodGas(site: AccessBlood, i: AccessBloodInputs, out: BloodGasTensions): BloodGasTensions {
  const nSweep = nitrogenAtEquilibrium_mmHg(i.sweepFio2);
  if (site === 'postOxygenator') {
    out.po2_mmHg = i.postOxygenator.po2_mmHg;
    out.pco2_mmHg = i.postOxygenator.pco2_mmHg;
    out.n2_mmHg = nSweep;
  } else if (site === 'drained') {
    const R = i.recirculation;
    out.po2_mmHg = po2FromSaturation(i.drainedSat);
    out.pco2_mmHg = R * i.postOxygenator.pco2_mmHg + (1 - R) * i.pvco2_mmHg;
    out.n2_mmHg = R * nSweep + (1 - R) * i.venousN2_mmHg;
  } else {
    out.po2_mmHg = po2FromSaturation(i.svo2);
    out.pco2_mmHg = i.pvco2_mmHg;
    out.n2_mmHg = i.venousN2_mmHg;
  }
  return out;
}
