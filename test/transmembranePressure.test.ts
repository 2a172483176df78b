/**
 * The hemofilter's transmembrane pressure against a hand computation from the equations of docs/models/hemofilter.md
 * ("Transmembrane pressure"):
 *   TMP     = Q_uf / Kuf_eff + π(c)                      Q_uf in mL/h, Kuf in mL/h/mmHg
 *   Kuf_eff = Kuf · (1 − φ) / (1 + R_cake)               φ clotted fraction, R_cake the cake's relative resistance
 *   π(c)    = 2.1·c + 0.16·c² + 0.009·c³,  c in g/dL     [S: Landis & Pappenheimer, Handbook of Physiology,
 *                                                         Circulation II, 1963, the plasma-protein polynomial]
 * The expected values below are computed in this file from those formulas, not copied from a run.
 */
import { describe, expect, it } from 'vitest';
import { effectiveUltrafiltrationCoefficient, oncoticPressure_mmHg, transmembranePressure_mmHg } from '../sim/filter/transmembranePressure.js';
import { leafAt, type QuantitySpec } from '../sim/parameters.js';
import { g_L, mL_h } from '../sim/quantities.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';

/** Landis–Pappenheimer (1963) coefficients for plasma protein, mmHg per (g/dL)^k. */
const LP = { a1: 2.1, a2: 0.16, a3: 0.009 };
const oncoticByHand = (protein_g_L: number) => {
  const c = protein_g_L / 10; // g/L → g/dL
  return LP.a1 * c + LP.a2 * c ** 2 + LP.a3 * c ** 3;
};
const kufEffByHand = (kuf: number, clotted: number, cake: number) => (kuf * (1 - clotted)) / (1 + cake);

/** The clean filter's Kuf from the spec tree (default 50 mL/h/mmHg for 1.8 m², reference-data.md §4). */
const KUF = (leafAt(scenarioSpecs, 'filter.ultrafiltrationCoefficient') as QuantitySpec).default as number;
const WEIGHT_kg = 70;

describe('hemofilter TMP in closed form (hemofilter.md)', () => {
  it('Landis–Pappenheimer: plasma at 7.3 g/dL of protein has the textbook ~28 mmHg oncotic pressure', () => {
    // Guyton & Hall, Textbook of Medical Physiology (ch. 16): plasma protein averages 7.3 g/dL and the plasma
    // colloid osmotic pressure about 28 mmHg (Donnan effect included, as in the Landis–Pappenheimer fit).
    expect(oncoticPressure_mmHg(g_L(73))).toBeCloseTo(oncoticByHand(73), 12);
    expect(Math.abs(oncoticPressure_mmHg(g_L(73)) - 28)).toBeLessThan(1);
    expect(oncoticPressure_mmHg(g_L(0))).toBe(0);
  });

  it('Kuf_eff = Kuf·(1 − φ)/(1 + R_cake): clotting removes area, the cake adds a resistance in series', () => {
    for (const [clotted, cake] of [
      [0, 0],
      [0.25, 0],
      [0, 1],
      [0.5, 3],
      [0.9, 0.2],
    ]) {
      expect(effectiveUltrafiltrationCoefficient(KUF, clotted, cake), `φ ${clotted}, R_cake ${cake}`).toBeCloseTo(kufEffByHand(KUF, clotted, cake), 12);
    }
    expect(effectiveUltrafiltrationCoefficient(KUF, 0, 0)).toBe(KUF);
    // half the fibres clotted and a cake as resistant as the membrane: a quarter of the clean Kuf
    expect(effectiveUltrafiltrationCoefficient(KUF, 0.5, 1)).toBeCloseTo(KUF / 4, 12);
  });

  // Operating points: an effluent dose (mL/kg/h) at 70 kg, the fibre-mean total protein (g/L), clotting and cake.
  const points = [
    { what: 'zero flux (TMP is the oncotic pressure alone)', dose: 0, protein: 60, clotted: 0, cake: 0 },
    { what: 'a clean filter at the cohort dose, 45 mL/kg/h', dose: 45, protein: 60, clotted: 0, cake: 0 },
    { what: 'a fouled filter at 45 mL/kg/h', dose: 45, protein: 70, clotted: 0.25, cake: 1.5 },
    { what: 'high volume, 85 mL/kg/h, on a part-clotted filter', dose: 85, protein: 55, clotted: 0.4, cake: 0.5 },
    { what: 'protein-free fluid (TMP is the hydraulic term alone)', dose: 35, protein: 0, clotted: 0, cake: 0 },
  ];
  it.each(points)('TMP = Q_uf/Kuf_eff + π(TP): $what', ({ dose, protein, clotted, cake }) => {
    const quf_mL_h = dose * WEIGHT_kg;
    const kufEff = effectiveUltrafiltrationCoefficient(KUF, clotted, cake);
    const expected = quf_mL_h / kufEffByHand(KUF, clotted, cake) + oncoticByHand(protein);
    expect(transmembranePressure_mmHg(mL_h(quf_mL_h), kufEff, g_L(protein))).toBeCloseTo(expected, 9);
  });

  it('by hand: 3150 mL/h through a clean 50 mL/h/mmHg membrane at 6 g/dL of protein needs 63 + 20.3 mmHg', () => {
    // 45 mL/kg/h × 70 kg = 3150 mL/h; 3150 / 50 = 63 mmHg; π(6 g/dL) = 2.1·6 + 0.16·36 + 0.009·216 = 20.304 mmHg
    const tmp = transmembranePressure_mmHg(mL_h(3150), effectiveUltrafiltrationCoefficient(50, 0, 0), g_L(60));
    expect(tmp).toBeCloseTo(3150 / 50 + (2.1 * 6 + 0.16 * 36 + 0.009 * 216), 9);
  });
});
