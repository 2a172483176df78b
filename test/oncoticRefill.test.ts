/**
 * Starling exchange between plasma and the interstitium: the hydrostatic part (compliances) and the oncotic part
 * (σ·Δπ, Landis–Pappenheimer), relative to the balanced start; and the membrane's oncotic term in the TMP, scaled by
 * what the membrane holds back (1 − albumin sieving).
 */
import { describe, expect, it } from 'vitest';
import { oncoticRefill_mL_h, plasmaRefill_mL_h, refillConductance_mL_h_mmHg } from '../sim/patient/fluidBalance/fluidBalance.js';
import { oncoticPressure_mmHg, transmembranePressure_mmHg } from '../sim/filter/transmembranePressure.js';
import { g_L, mL_h } from '../sim/quantities.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FLUID_NEUTRAL, run } from './helpers/scenarios.js';

describe('the oncotic part of plasma refill', () => {
  it('nothing moves at the starting oncotic pressures', () => {
    expect(oncoticRefill_mL_h(90, 0.9, 19.3, 19.3, 8, 8)).toBe(0);
  });
  it('by hand: K·σ·[(π_p − π_p0) − (π_is − π_is0)]', () => {
    // plasma down 3 mmHg, interstitium down 1 mmHg: 90 mL/h/mmHg × 0.9 × (−3 − (−1)) = −162 mL/h (fluid leaves plasma)
    expect(oncoticRefill_mL_h(90, 0.9, 16.3, 19.3, 7, 8)).toBeCloseTo(-162, 10);
  });
  it('a falling plasma oncotic pressure draws fluid out of the vessels; a falling interstitial one draws it in', () => {
    expect(oncoticRefill_mL_h(90, 0.9, 17, 19, 8, 8)).toBeLessThan(0);
    expect(oncoticRefill_mL_h(90, 0.9, 19, 19, 6, 8)).toBeGreaterThan(0);
  });
  it('a wall that reflects no protein (σ = 0) leaves only the hydrostatic part', () => {
    expect(oncoticRefill_mL_h(90, 0, 10, 19, 8, 8)).toBeCloseTo(0, 12);
  });
  it('in balance, the volume shift is σ·Δπ over the two elastances: ΔV_iv = σ·Δπ_p/(1/C_v + 1/C_is) (closed exchange)', () => {
    const cv = 160;
    const cis = 800;
    const k = refillConductance_mL_h_mmHg(1.5, cv, cis);
    const dPi = -3;
    const dV = (0.9 * dPi) / (1 / cv + 1 / cis);
    const hydrostatic = plasmaRefill_mL_h(k, 5600 + dV, 5600, cv, 12000 - dV, 12000, cis);
    expect(hydrostatic + oncoticRefill_mL_h(k, 0.9, 19.3 + dPi, 19.3, 8, 8)).toBeCloseTo(0, 9);
  });
});

describe('refill in a run: the prime and the filter lower plasma oncotic pressure', () => {
  // no infusion or urine: only the prime, the filter and refill move the volume
  const held = { duration: '12 h', 'prescription.norepinephrine.titrate': 'false', ...FLUID_NEUTRAL };
  const starling = run(DEFAULT_ECMO, held);
  const noOncotic = run(DEFAULT_ECMO, { ...held, 'patient.fluids.proteinReflection': '0' });
  it('standard care without a circuit: no prime, no filter, no shift', () => {
    const sc = run(DEFAULT_STANDARD, { duration: '6 h', ...FLUID_NEUTRAL });
    expect(at(sc, 'intravascular_volume_mL', 6)).toBeCloseTo(at(sc, 'intravascular_volume_mL', 0), 6);
    expect(at(sc, 'plasma_refill_mL_h', 6)).toBeCloseTo(0, 9);
  });
  it('the prime dilutes: hematocrit and albumin start below the patient’s by the ratio of the volumes', () => {
    const s = starling.scenario;
    const blood = s.patient.intravascularVolume;
    const prime = s.circuit!.primeVolume + s.filter!.setVolume; // the ECMO circuit's prime and the filter set's
    expect(at(starling, 'hematocrit_pct', 0)).toBeCloseTo((100 * s.patient.hematocrit * blood) / (blood + prime), 9);
    const plasma = blood * (1 - s.patient.hematocrit);
    expect(at(starling, 'albumin_g_L', 0)).toBeCloseTo((s.patient.baseline.albumin * plasma) / (plasma + prime), 9);
  });
  it('σ = 0: the prime stays in the vessels (their pressures are the patient’s), apart from the filter’s balance', () => {
    expect(at(noOncotic, 'intravascular_volume_mL', 12)).toBeCloseTo(at(noOncotic, 'intravascular_volume_mL', 0), 0);
  });
  it('with Starling’s σ, the diluted, filtered plasma loses fluid to the interstitium: hemoconcentration', () => {
    expect(at(starling, 'plasma_oncotic_pressure_mmHg', 12)).toBeLessThan(at(starling, 'plasma_oncotic_pressure_mmHg', 0) + 1e-9);
    expect(at(starling, 'intravascular_volume_mL', 12)).toBeLessThan(at(noOncotic, 'intravascular_volume_mL', 12) - 100);
    expect(at(starling, 'hematocrit_pct', 12)).toBeGreaterThan(at(noOncotic, 'hematocrit_pct', 12));
    expect(at(starling, 'interstitial_volume_mL', 12)).toBeGreaterThan(at(noOncotic, 'interstitial_volume_mL', 12));
  });
});

describe('the membrane’s oncotic term', () => {
  it('TMP = Q_uf/Kuf + (1 − SC_albumin)·π: a clean HCO membrane (SC 0.2) holds back 80 % of it', () => {
    const pi = oncoticPressure_mmHg(g_L(60));
    expect(transmembranePressure_mmHg(mL_h(3600), 50, g_L(60), 1 - 0.2)).toBeCloseTo(3600 / 50 + 0.8 * pi, 10);
    expect(transmembranePressure_mmHg(mL_h(3600), 50, g_L(60))).toBeCloseTo(3600 / 50 + pi, 10);
  });
  it('in a run: the oncotic share of the TMP (TMP − Q_uf/Kuf) scales with 1 − albumin sieving', () => {
    const oncoticShare = (clean: string) => {
      const r = run(DEFAULT_ECMO, { duration: '0.25 h', 'filter.sieving.albumin.clean': clean });
      return at(r, 'tmp_mmHg', 0) - at(r, 'effluent_rate_mL_h', 0) / at(r, 'kuf_mL_h_mmHg', 0);
    };
    // at t = 0 the membrane is clean and the blood the same in both runs: only the membrane's reflection differs
    expect(oncoticShare('0.2') / oncoticShare('0')).toBeCloseTo(0.8, 9);
  });
});
