/**
 * Conservation (design.md, tests level 1): every solute's mass balance
 *   start + produced − eliminated − removed in effluent − adsorbed = end
 * and the fluid balance close to 1e-6 relative; amounts stay non-negative.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ECMO, DEFAULT_STANDARD, FLUID_NEUTRAL, run, runWithTimeline } from './helpers/scenarios.js';
import type { Scenario } from '../sim/scenario/resolve.js';
import { boundOxygen_mL_per_mL } from '../sim/blood.js';
import { DISSOLVED_O2_mL_mL_mmHg, severinghausPo2_mmHg } from '../sim/patient/gasExchange/fibreBundle.js';

/** What the prime put into the patient at connection: the ECMO circuit's and the filter set's. */
const primeOf = (s: Scenario): number => (s.circuit ? s.circuit.primeVolume + (s.filter ? s.filter.setVolume : 0) : 0);
const lines = (clamped: boolean) => ({ 'circuit.clamps.drainageLine': clamped, 'circuit.clamps.returnLine': clamped });

const cases = {
  'ECMO + HVHF, 24 h': run(DEFAULT_ECMO, { duration: '24 h' }),
  'ECMO + HVHF with net UF, infusion, urine, a bolus and 60 % predilution, 30 h': run(DEFAULT_ECMO, {
    duration: '30 h',
    'prescription.netUltrafiltration': '150 mL/h',
    'patient.fluids.infusion': '80 mL/h',
    'patient.fluids.urineOutput': '20 mL/h',
    'prescription.heparin.bolus': '50 U/kg',
    'prescription.predilutionFraction': '60 %',
  }),
  'standard care, 24 h': run(DEFAULT_STANDARD, { duration: '24 h' }),
  'ECMO + HVHF with albumin replaced below 30 g/L every 4 h, 24 h': run(DEFAULT_ECMO, {
    duration: '24 h',
    'prescription.albumin.replace': 'true',
    'prescription.albumin.threshold': '30 g/L',
    'prescription.albumin.checkInterval': '4 h',
    'prescription.albumin.maxDosesPerDay': '4',
    ...FLUID_NEUTRAL, // no infusion or urine: the fluid balance below counts the filter's, the prime and the doses
  }),
  // the circuit's blood split from the patient at 6 h and mixed back at 12 h (patient + circuit)
  'ECMO + HVHF with net UF, both lines clamped 6–12 h, 24 h': runWithTimeline(
    DEFAULT_ECMO,
    [
      { at: '6 h', set: lines(true) },
      { at: '12 h', set: lines(false) },
    ],
    { duration: '24 h', 'prescription.netUltrafiltration': '150 mL/h', ...FLUID_NEUTRAL },
  ),
};

describe('mass and volume balances close', () => {
  for (const [name, r] of Object.entries(cases)) {
    it(`${name}: every solute and fluid`, () => {
      for (const [solute, b] of Object.entries(r.summary.mass_balance)) {
        expect(b.relative_residual, solute).toBeLessThan(1e-6);
      }
    });
  }
  it('fluid: the change of intravascular + interstitial volume equals infused − urine + replacement − effluent', () => {
    const r = cases['ECMO + HVHF with net UF, infusion, urine, a bolus and 60 % predilution, 30 h'];
    const f = r.summary.mass_balance.fluid;
    // the circuit's prime given at cannulation, then 30 h of 150 mL/h net UF, 80 mL/h in, less the downtime without
    // filtration, less the urine the kidney made (20 mL/h at the starting GFR, then following it: the integral of its
    // series, trapezoid over 15 min samples)
    const filtering_h = 30 - r.summary.downtime_h;
    const [t, u] = [r.series.time_h, r.series.urine_output_mL_h];
    let urine_mL = 0;
    for (let i = 1; i < t.length; i++) urine_mL += ((u[i] + u[i - 1]) / 2) * (t[i] - t[i - 1]);
    expect(f.eliminated / urine_mL).toBeCloseTo(1, 3);
    expect(f.end - f.start).toBeCloseTo(primeOf(r.scenario) - 150 * filtering_h + 80 * 30 - f.eliminated, 3);
  });
  it('albumin doses: each dose is in the albumin given and in the fluid given', () => {
    const r = cases['ECMO + HVHF with albumin replaced below 30 g/L every 4 h, 24 h'];
    const doses = r.events.filter((e) => e.type === 'albumin_dose').length;
    const rule = r.scenario.prescription.albumin;
    expect(doses).toBeGreaterThan(0);
    expect(r.series.albumin_given_g.at(-1)).toBeCloseTo(doses * rule.dose, 6);
    // no net ultrafiltration, infusion or urine: replacement matches effluent, so what stays is the prime and the doses
    const f = r.summary.mass_balance.fluid;
    expect(f.produced - f.removed_in_effluent).toBeCloseTo(primeOf(r.scenario) + doses * rule.volume, 3);
  });
  it('fluid: with the lines clamped the net UF is not taken from the patient (6 of 24 h without it)', () => {
    const f = cases['ECMO + HVHF with net UF, both lines clamped 6–12 h, 24 h'].summary.mass_balance.fluid;
    expect(f.end - f.start).toBeCloseTo(primeOf(cases['ECMO + HVHF with net UF, both lines clamped 6–12 h, 24 h'].scenario) - 150 * (24 - 6), 3);
  });
  it('the hemofilter removes albumin, IL-6 and PCT but no CRP or heparin (sieving 0)', () => {
    const b = cases['ECMO + HVHF, 24 h'].summary.mass_balance;
    expect(b.albumin.removed_in_effluent).toBeGreaterThan(0);
    expect(b.il6.removed_in_effluent).toBeGreaterThan(0);
    expect(b.pct.removed_in_effluent).toBeGreaterThan(0);
    expect(b.crp.removed_in_effluent).toBe(0);
    expect(b.heparin.removed_in_effluent).toBe(0);
  });
});

describe('non-negativity and finiteness', () => {
  const nonNegative = [
    'il6_pg_mL',
    'pct_ng_mL',
    'crp_mg_L',
    'albumin_g_L',
    'heparin_U_mL',
    'intravascular_volume_mL',
    'interstitial_volume_mL',
    'pump_flow_L_min',
    'effluent_rate_mL_h',
  ] as const;
  for (const [name, r] of Object.entries(cases)) {
    it(name, () => {
      for (const s of nonNegative) {
        for (const v of r.series[s]) if (!Number.isNaN(v)) expect(v, s).toBeGreaterThanOrEqual(0);
      }
      for (const s of ['il6_pg_mL', 'pct_ng_mL', 'crp_mg_L', 'albumin_g_L', 'sao2_pct', 'paco2_mmHg'] as const) {
        for (const v of r.series[s]) expect(Number.isFinite(v), s).toBe(true);
      }
    });
  }
});

describe('the reported fluid and oxygen series agree with each other', () => {
  const r = run(DEFAULT_ECMO, { duration: '6 h', 'prescription.predilutionFraction': '70 %', 'prescription.netUltrafiltration': '100 mL/h' });
  it('pre- plus post-dilution = effluent − net ultrafiltration, and the effluent volume is the running total', () => {
    r.series.time_h.forEach((_, i) => {
      expect(r.series.predilution_rate_mL_h[i] + r.series.postdilution_rate_mL_h[i]).toBeCloseTo(r.series.effluent_rate_mL_h[i] - 100, 9);
    });
    expect(r.series.effluent_volume_mL.at(-1)).toBeCloseTo(r.summary.effluent_volume_mL, 9);
  });
  it('drained blood mixes recirculated oxygenator blood with venous return by content: C_d = R·C_post + (1 − R)·C_v', () => {
    // content C = b·S + α·P (bound and dissolved, b = 1.34·Hb); the venous and drained PO2 are those their saturations read
    r.series.time_h.forEach((_, i) => {
      const R = r.series.recirculation_pct[i] / 100;
      const b = boundOxygen_mL_per_mL(r.series.hemoglobin_g_dL[i], 1);
      const content = (satPct: number, p: number) => (b * satPct) / 100 + DISSOLVED_O2_mL_mL_mmHg * p;
      const byPo2 = (satPct: number) => content(satPct, severinghausPo2_mmHg(satPct / 100));
      const post = content(r.series.post_oxygenator_sat_pct[i], r.series.post_oxygenator_po2_mmHg[i]);
      expect(byPo2(r.series.drainage_sat_pct[i])).toBeCloseTo(R * post + (1 - R) * byPo2(r.series.svo2_pct[i]), 9);
    });
  });
  it('the oxygenator’s transfer is the content the pump flow gains across it, bound and dissolved: Q·(C_post − C_pre)', () => {
    r.series.time_h.forEach((_, i) => {
      const b = boundOxygen_mL_per_mL(r.series.hemoglobin_g_dL[i], 1);
      const pre = (b * r.series.pre_oxygenator_sat_pct[i]) / 100 + DISSOLVED_O2_mL_mL_mmHg * severinghausPo2_mmHg(r.series.pre_oxygenator_sat_pct[i] / 100);
      const post = (b * r.series.post_oxygenator_sat_pct[i]) / 100 + DISSOLVED_O2_mL_mL_mmHg * r.series.post_oxygenator_po2_mmHg[i];
      const dissolved = 1000 * r.series.pump_flow_L_min[i] * DISSOLVED_O2_mL_mL_mmHg * r.series.post_oxygenator_po2_mmHg[i];
      expect(r.series.oxygenator_o2_transfer_mL_min[i]).toBeCloseTo(1000 * r.series.pump_flow_L_min[i] * (post - pre), 6);
      expect(dissolved, 'the dissolved oxygen leaving the bundle is part of what it adds').toBeGreaterThan(10);
    });
  });
  it('the oxygenator raises saturation: pre-oxygenator < post-oxygenator', () => {
    for (let i = 0; i < r.series.time_h.length; i++) expect(r.series.pre_oxygenator_sat_pct[i]).toBeLessThan(r.series.post_oxygenator_sat_pct[i]);
  });
});
