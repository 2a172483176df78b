/**
 * Transmembrane pressure needed to push the ultrafiltrate through the membrane:
 *   TMP = Q_uf / Kuf_eff + σ_m·π_oncotic                             [E: reference-data.md §4]
 *   σ_m = 1 − SC_albumin   the membrane's reflection of the protein: what it passes exerts no oncotic pressure
 *                          across it [S: Staverman; Kedem–Katchalsky], with albumin's sieving for the protein's
 *   Kuf_eff = Kuf · (1 − φ_clot) / (1 + R_cake)                      resistances in series; clotted fibres lose area
 *   π = 2.1·c + 0.16·c² + 0.009·c³,  c = total protein in g/dL        [S: Landis & Pappenheimer 1963]
 * and the pressures a CRRT console shows around it:
 *   TMP = (P_in + P_out)/2 − P_effluent,  ΔP_filter = P_in − P_out    [S: standard cross-flow definition]
 *   ΔP_filter = ΔP_ref · (Q/Q_ref) · (μ/μ_ref) / (1 − φ_clot)         clotted fibres leave fewer channels
 */
import { gramsPerDecilitre, mmHg, type Concentration, type Flow, type Pressure } from '../quantities.js';

export function oncoticPressure_mmHg(protein_g_L: Concentration<'g/L'>): Pressure<'mmHg'> {
  const c = gramsPerDecilitre(protein_g_L);
  return mmHg(2.1 * c + 0.16 * c * c + 0.009 * c * c * c);
}

export function effectiveUltrafiltrationCoefficient(kuf_mL_h_mmHg: number, clottedFraction: number, cakeResistance: number): number {
  return (kuf_mL_h_mmHg * (1 - clottedFraction)) / (1 + cakeResistance);
}

export function transmembranePressure_mmHg(
  ultrafiltrate_mL_h: Flow<'mL/h'>,
  kufEffective_mL_h_mmHg: number,
  protein_g_L: Concentration<'g/L'>,
  reflection = 1,
): Pressure<'mmHg'> {
  return mmHg(ultrafiltrate_mL_h / kufEffective_mL_h_mmHg + reflection * oncoticPressure_mmHg(protein_g_L));
}

export function filterPressureDrop_mmHg(
  reference: { pressureDrop_mmHg: number; bloodFlow_mL_min: number; viscosity_mPa_s: number },
  meanFlow_mL_min: Flow<'mL/min'>,
  viscosity_mPa_s: number,
  clottedFraction: number,
): Pressure<'mmHg'> {
  return mmHg(
    (reference.pressureDrop_mmHg * (meanFlow_mL_min / reference.bloodFlow_mL_min) * (viscosity_mPa_s / reference.viscosity_mPa_s)) / (1 - clottedFraction),
  );
}
