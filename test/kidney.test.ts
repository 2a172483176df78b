/**
 * The septic kidney (sim/patient/kidney/): pressure-passive filtration, an injury that follows the sepsis drive,
 * creatinine's renal clearance and the urine the fluid balance loses, against hand-solved cases.
 */
import { describe, expect, it } from 'vitest';
import { perfusionFraction, startingInjury } from '../sim/patient/kidney/kidney.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

/** Trapezoid integral of a series over the run's samples (per hour → amount). */
function integral(t: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 1; i < t.length; i++) sum += ((v[i] + v[i - 1]) / 2) * (t[i] - t[i - 1]);
  return sum;
}

describe('filtration is pressure-passive between the zero and full filtration pressures', () => {
  it('0 at or below P0, 1 at or above Pfull, linear between', () => {
    expect(perfusionFraction(15, 20, 65)).toBe(0);
    expect(perfusionFraction(20, 20, 65)).toBe(0);
    expect(perfusionFraction(42.5, 20, 65)).toBeCloseTo(0.5, 12);
    expect(perfusionFraction(65, 20, 65)).toBe(1);
    expect(perfusionFraction(90, 20, 65)).toBe(1);
  });
  it('the starting injury gives the starting GFR: 1 − 20/(120·0.5) = 2/3', () => {
    const p = { intactGfr: 120, zeroFiltrationPressure: 20, fullFiltrationPressure: 65 };
    expect(startingInjury(p, 42.5, 20)).toEqual({ injury: 1 - 20 / 60 });
    expect(startingInjury(p, 42.5, 0)).toEqual({ injury: 1 });
    expect('problem' in startingInjury(p, 42.5, 61)).toBe(true);
  });
  it('a starting clearance the perfusion pressure cannot give is a bad input naming the field', () => {
    expect(() => run(DEFAULT_STANDARD, { 'kinetics.creatinine.renalClearance': '100 mL/min', duration: '1 h' })).toThrow(
      /kinetics\.creatinine\.renalClearance.*100 mL\/min is more than the kidneys filter/s,
    );
  });
});

describe('the injury follows the sepsis drive: recovery as inflammation resolves', () => {
  // Full perfusion held (RPP 42 mmHg > Pfull 40) and no urine (volume, so CVP, constant): GFR = GFR_i·(1 − I).
  // dI/dt = (I0·D − I)/τr, D = D∞ + (1 − D∞)·e^(−t/τd), I(0) = I0  →
  // I(t) = I0·[D∞ + (1 − D∞)·(τd·e^(−t/τd) − τr·e^(−t/τr))/(τd − τr)]
  const [gfrI, gfr0, dInf, tauD, tauR] = [120, 20, 0.6, 48, 24];
  const r = run(DEFAULT_STANDARD, {
    'patient.kidney.intactGfr': `${gfrI} mL/min`,
    'patient.kidney.zeroFiltrationPressure': '10 mmHg',
    'patient.kidney.fullFiltrationPressure': '40 mmHg',
    'patient.kidney.recoveryTimeConstant': `${tauR} h`,
    'patient.fluids.urineOutput': '0 mL/h',
    'kinetics.creatinine.renalClearance': `${gfr0} mL/min`,
    'kinetics.sepsisDrive.residualFraction': `${dInf}`,
    'kinetics.sepsisDrive.timeConstant': `${tauD} h`,
    'kinetics.sepsisDrive.fastFraction': '0', // one phase: the closed form's drive
    duration: '72 h',
  });
  const i0 = 1 - gfr0 / gfrI;
  const injury = (t: number) => i0 * (dInf + ((1 - dInf) * (tauD * Math.exp(-t / tauD) - tauR * Math.exp(-t / tauR))) / (tauD - tauR));
  it('GFR follows the closed form to 1e-5 relative at every sample', () => {
    r.series.time_h.forEach((t, i) => expect(Math.abs(r.series.gfr_mL_min[i] / (gfrI * (1 - injury(t))) - 1), `t = ${t} h`).toBeLessThan(1e-5));
  });
  it('recovers towards GFR_i·(1 − I0·D∞) = 70 mL/min, never past it', () => {
    const end = r.series.gfr_mL_min.at(-1)!;
    expect(end).toBeGreaterThan(2 * gfr0);
    expect(end).toBeLessThan(gfrI * (1 - i0 * dInf));
  });
});

describe('creatinine, urea and urine follow the GFR', () => {
  const r = run(DEFAULT_STANDARD, { 'patient.fluids.urineOutput': '0.2 mL/kg/h', duration: '72 h' });
  const s = r.series;
  const p = r.scenario;
  it('starts at the starting clearance and urine output', () => {
    expect(at(r, 'gfr_mL_min', 0)).toBeCloseTo(p.kinetics.creatinine.renalClearance, 9);
    expect(at(r, 'urine_output_mL_h', 0)).toBeCloseTo(p.patient.fluids.urineOutput, 9);
  });
  it('creatinine eliminated = ∫ GFR·C dt (trapezoid over 15 min samples, 0.5 %)', () => {
    const rate_mg_h = s.time_h.map((_, i) => 60 * s.gfr_mL_min[i] * (s.creatinine_mg_dL[i] / 100));
    expect(integral(s.time_h, rate_mg_h) / r.summary.mass_balance.creatinine.eliminated - 1).toBeCloseTo(0, 2);
  });
  it('urea renal clearance scales with GFR: its clearance at the start × GFR/GFR0', () => {
    const k = p.kinetics;
    const rate_mg_h = s.time_h.map((_, i) => 60 * k.urea.renalClearance * (s.gfr_mL_min[i] / k.creatinine.renalClearance) * (s.urea_mg_dL[i] / 100));
    expect(integral(s.time_h, rate_mg_h) / r.summary.mass_balance.urea.eliminated - 1).toBeCloseTo(0, 2);
  });
  it('the urine the kidney makes leaves the fluid balance, which closes', () => {
    const b = r.summary.mass_balance.fluid;
    expect(integral(s.time_h, s.urine_output_mL_h) / b.eliminated - 1).toBeCloseTo(0, 2);
    expect(b.relative_residual).toBeLessThan(1e-6);
  });
  it('urine is the starting fraction of the filtrate: urine/GFR constant', () => {
    const ratio0 = s.urine_output_mL_h[0] / s.gfr_mL_min[0];
    s.time_h.forEach((t, i) => expect(s.urine_output_mL_h[i] / s.gfr_mL_min[i] / ratio0 - 1, `t = ${t} h`).toBeCloseTo(0, 9));
  });
});

describe('physics direction', () => {
  it('a higher perfusion pressure filters more: norepinephrine escalated by the titration vs held at its start', () => {
    const titrated = (on: string) =>
      run(DEFAULT_STANDARD, { 'prescription.norepinephrine.titrate': on, 'patient.fluids.urineOutput': '16 mL/h', duration: '24 h' });
    const [low, high] = [titrated('false'), titrated('true')];
    expect(at(high, 'norepinephrine_ug_kg_min', 24)).toBeGreaterThan(at(low, 'norepinephrine_ug_kg_min', 24));
    expect(at(high, 'map_mmHg', 24)).toBeGreaterThan(at(low, 'map_mmHg', 24));
    expect(at(high, 'gfr_mL_min', 24)).toBeGreaterThan(at(low, 'gfr_mL_min', 24));
    expect(at(high, 'urine_output_mL_h', 24)).toBeGreaterThan(at(low, 'urine_output_mL_h', 24));
    expect(at(high, 'creatinine_mg_dL', 24)).toBeLessThan(at(low, 'creatinine_mg_dL', 24));
  });
  it('an anuric start (no clearance) stays anuric: no recovery is invented', () => {
    const r = run(DEFAULT_ECMO, { 'kinetics.creatinine.renalClearance': '0 mL/min', 'patient.fluids.urineOutput': '20 mL/h', duration: '24 h' });
    expect(Math.max(...r.series.gfr_mL_min)).toBe(0);
    expect(Math.max(...r.series.urine_output_mL_h)).toBe(0);
  });
});
