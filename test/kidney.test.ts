/**
 * The septic kidney (sim/patient/kidney/): pressure-passive filtration, an injury that follows the sepsis drive,
 * creatinine's renal clearance and the urine the fluid balance loses, against hand-solved cases.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../sim/scenario/load.js';
import { calibrationBeside } from '../sim/scenario/loadFile.js';
import { excretedFraction, glomerularFiltration_mL_min, perfusionFraction } from '../sim/patient/kidney/kidney.js';
import { leafAt, type QuantitySpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_RATE, run, scenario } from './helpers/scenarios.js';
import { loadArm } from '../sim/cohort/loadArm.js';
import { patientScenarios } from '../sim/cohort/replay.js';
import { simulate } from '../sim/engine/simulate.js';

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
  it('the starting GFR from the starting injury: 120·0.5·(1 − 2/3) = 20 mL/min', () => {
    const p = { intactGfr: 120, zeroFiltrationPressure: 20, fullFiltrationPressure: 65 };
    expect(glomerularFiltration_mL_min(p, 42.5, 2 / 3)).toBeCloseTo(20, 12);
    expect(glomerularFiltration_mL_min(p, 42.5, 1)).toBe(0); // anuric: the injury took everything
    expect(glomerularFiltration_mL_min(p, 20, 0)).toBe(0); // anuric: no pressure to filter with
  });
  it('the default injury gives the default scenario its 20 mL/min at its starting perfusion pressure', () => {
    // RPP0 = 52.3 − 10 = 42.3 mmHg, f = 22.3/45, 120·f = 59.47 mL/min, (1 − 0.663677)·59.467 = 20.000 mL/min
    for (const file of [DEFAULT_STANDARD, DEFAULT_ECMO]) {
      const s = scenario(file);
      const k = s.patient.kidney;
      expect(s.patient.hemodynamics.map - s.patient.centralVenousPressure, file).toBeCloseTo(42.3, 9);
      expect(glomerularFiltration_mL_min(k, 42.3, k.startingInjury), file).toBeCloseTo(20, 4);
    }
    const r = run(DEFAULT_STANDARD, { duration: '1 h', ...FIXED_RATE }); // the pH protocol's first step moves MAP at 0 h
    expect(at(r, 'gfr_mL_min', 0)).toBeCloseTo(20, 4);
  });
  it('the excreted fraction: U0/(60·GFR0), 0 with no urine, refused without filtrate or beyond it', () => {
    expect(excretedFraction(16, 20)).toEqual({ fraction: 16 / 1200 });
    expect(excretedFraction(0, 0)).toEqual({ fraction: 0 });
    expect('problem' in excretedFraction(16, 0)).toBe(true);
    expect('problem' in excretedFraction(1201, 20)).toBe(true);
    expect(excretedFraction(1200, 20)).toEqual({ fraction: 1 });
  });
  it('urine with no starting filtration is a bad input naming the urine output and the injury', () => {
    expect(() => run(DEFAULT_STANDARD, { 'patient.kidney.startingInjury': '1', 'patient.fluids.urineOutput': '20 mL/h', duration: '1 h' })).toThrow(
      /patient\.fluids\.urineOutput.*20 mL\/h with no starting filtration.*patient\.kidney\.startingInjury 1/s,
    );
  });
  it('more urine than the starting filtrate is a bad input naming the urine output and the injury', () => {
    // GFR0 = 59.47·(1 − 0.99) = 0.59 mL/min = 36 mL/h
    expect(() => run(DEFAULT_STANDARD, { 'patient.kidney.startingInjury': '0.99', 'patient.fluids.urineOutput': '40 mL/h', duration: '1 h' })).toThrow(
      /patient\.fluids\.urineOutput.*40 mL\/h is more than the starting filtrate.*patient\.kidney\.startingInjury 0\.99/s,
    );
  });
  it('a scenario that still sets the starting clearance is told where it went: the starting injury', () => {
    const text = JSON.parse(readFileSync(DEFAULT_STANDARD, 'utf8')) as { kinetics?: Record<string, unknown> };
    text.kinetics = { ...text.kinetics, creatinine: { renalClearance: '20 mL/min' }, urea: { renalClearance: '10 mL/min' } };
    const load = () => loadScenarioText(JSON.stringify(text), 'old.json', [], { resolveCalibration: calibrationBeside(DEFAULT_STANDARD) });
    expect(load).toThrow(/kinetics\.creatinine\.renalClearance: no longer a setting[^\n]*patient\.kidney\.startingInjury/);
    expect(load).toThrow(/kinetics\.urea\.renalClearance: no longer a setting[^\n]*kinetics\.urea\.fractionOfGfr/);
    expect(() => scenario(DEFAULT_STANDARD, { 'kinetics.creatinine.renalClearance': '20 mL/min' })).toThrow(
      /kinetics\.creatinine\.renalClearance: no longer a setting[^\n]*patient\.kidney\.startingInjury/,
    );
  });
  it('every range end of the ranged kidney and starting-pressure parameters is accepted, with the cohort’s oliguria', () => {
    // the start can no longer conflict with the pressure relation (a Morris screening of the default lost 506 of 1370
    // runs to it); with urine 0.2 mL/kg/h the worst corner (RPP 37.3, P0 35, Pfull 80, 90 mL/min, I0 0.9) filters
    // 90·(2.3/45)·0.1 = 0.46 mL/min = 28 mL/h, above the 16 mL/h of urine
    const paths = [
      'patient.kidney.intactGfr',
      'patient.kidney.zeroFiltrationPressure',
      'patient.kidney.fullFiltrationPressure',
      'patient.kidney.startingInjury',
      'patient.centralVenousPressure',
    ];
    const ends = paths.map((path) => {
      const spec = leafAt(scenarioSpecs, path) as QuantitySpec;
      expect(spec.range, path).toBeDefined();
      return spec.range!.map((v) => `${v} ${spec.unit === '1' ? '' : spec.unit}`.trim());
    });
    for (let corner = 0; corner < 1 << paths.length; corner++) {
      const values = Object.fromEntries(paths.map((path, i) => [path, ends[i][(corner >> i) & 1]]));
      const r = run(DEFAULT_STANDARD, { ...values, 'patient.fluids.urineOutput': '0.2 mL/kg/h', duration: '15 min' });
      expect(at(r, 'gfr_mL_min', 0), JSON.stringify(values)).toBeGreaterThan(0);
      expect(at(r, 'urine_output_mL_h', 0) / (60 * at(r, 'gfr_mL_min', 0)), JSON.stringify(values)).toBeLessThanOrEqual(1);
    }
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
    'patient.kidney.startingInjury': `${1 - gfr0 / gfrI}`,
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
  const r = run(DEFAULT_STANDARD, { 'patient.fluids.urineOutput': '0.2 mL/kg/h', duration: '72 h', ...FIXED_RATE });
  const s = r.series;
  const p = r.scenario;
  it('starts at the starting GFR (from the starting injury) and urine output', () => {
    const k = p.patient.kidney;
    expect(at(r, 'gfr_mL_min', 0)).toBeCloseTo(
      glomerularFiltration_mL_min(k, p.patient.hemodynamics.map - p.patient.centralVenousPressure, k.startingInjury),
      9,
    );
    expect(at(r, 'urine_output_mL_h', 0)).toBeCloseTo(p.patient.fluids.urineOutput, 9);
  });
  it('creatinine eliminated = ∫ GFR·C dt (trapezoid over 15 min samples, 0.5 %)', () => {
    const rate_mg_h = s.time_h.map((_, i) => 60 * s.gfr_mL_min[i] * (s.creatinine_mg_dL[i] / 100));
    expect(integral(s.time_h, rate_mg_h) / r.summary.mass_balance.creatinine.eliminated - 1).toBeCloseTo(0, 2);
  });
  it('urea renal clearance is its fraction of GFR: urea eliminated = ∫ FEU·GFR·C dt (0.5 %)', () => {
    const rate_mg_h = s.time_h.map((_, i) => 60 * p.kinetics.urea.fractionOfGfr * s.gfr_mL_min[i] * (s.urea_mg_dL[i] / 100));
    expect(integral(s.time_h, rate_mg_h) / r.summary.mass_balance.urea.eliminated - 1).toBeCloseTo(0, 2);
  });
  it('the urine the kidney makes leaves the fluid balance, which closes', () => {
    const b = r.summary.mass_balance.fluid;
    expect(integral(s.time_h, s.urine_output_mL_h) / b.eliminated - 1).toBeCloseTo(0, 2);
    expect(b.relative_residual).toBeLessThan(1e-6);
  });
  it('a recovering GFR makes urine in proportion: GFR and urine rise by the same ratio from the start to 72 h', () => {
    const gfrRatio = s.gfr_mL_min.at(-1)! / s.gfr_mL_min[0];
    expect(gfrRatio).toBeGreaterThan(1.2);
    expect(s.urine_output_mL_h.at(-1)! / s.urine_output_mL_h[0] / gfrRatio).toBeCloseTo(1, 9);
  });
  it('urine is the starting fraction of the filtrate: urine/GFR constant', () => {
    const ratio0 = s.urine_output_mL_h[0] / s.gfr_mL_min[0];
    s.time_h.forEach((t, i) => expect(s.urine_output_mL_h[i] / s.gfr_mL_min[i] / ratio0 - 1, `t = ${t} h`).toBeCloseTo(0, 9));
  });
});

describe('physics direction', () => {
  it('a higher perfusion pressure filters more: norepinephrine escalated by the titration vs held at its start', () => {
    const titrated = (on: string) =>
      run(DEFAULT_STANDARD, {
        'prescription.norepinephrine.titrate': on,
        // norepinephrine alone carries the pressure here (the adjuncts would let the titrated dose fall: hemodynamics.md)
        'prescription.hydrocortisone.give': 'false',
        'prescription.vasopressin.give': 'false',
        'patient.fluids.urineOutput': '16 mL/h',
        duration: '24 h',
      });
    const [low, high] = [titrated('false'), titrated('true')];
    expect(at(high, 'norepinephrine_ug_kg_min', 24)).toBeGreaterThan(at(low, 'norepinephrine_ug_kg_min', 24));
    expect(at(high, 'map_mmHg', 24)).toBeGreaterThan(at(low, 'map_mmHg', 24));
    expect(at(high, 'gfr_mL_min', 24)).toBeGreaterThan(at(low, 'gfr_mL_min', 24));
    expect(at(high, 'urine_output_mL_h', 24)).toBeGreaterThan(at(low, 'urine_output_mL_h', 24));
    expect(at(high, 'creatinine_mg_dL', 24)).toBeLessThan(at(low, 'creatinine_mg_dL', 24));
  });
  it('an anuric start from the injury (I0 = 1) divides by nothing: it filters as the injury recovers, no urine is invented', () => {
    const r = run(DEFAULT_ECMO, { 'patient.kidney.startingInjury': '1', 'patient.fluids.urineOutput': '0 mL/h', duration: '24 h' });
    const s = r.series;
    expect(s.gfr_mL_min[0]).toBe(0);
    for (const name of ['gfr_mL_min', 'urine_output_mL_h', 'creatinine_mg_dL', 'urea_mg_dL'] as const) expect(s[name].every(Number.isFinite), name).toBe(true);
    expect(s.gfr_mL_min.at(-1)!).toBeGreaterThan(0); // I = I0·D falls with the drive
    expect(Math.max(...s.urine_output_mL_h)).toBe(0); // no starting urine, so no excreted fraction
  });
  it('an anuric start from the pressure (RPP0 below P0) divides by nothing and filters once the pressure rises', () => {
    // RPP0 = 42.3 mmHg < P0 = 45: f(RPP0) = 0, GFR0 = 0; the titration raises MAP past 55 mmHg
    const r = run(DEFAULT_STANDARD, {
      'patient.kidney.zeroFiltrationPressure': '45 mmHg',
      'patient.kidney.fullFiltrationPressure': '80 mmHg',
      'patient.fluids.urineOutput': '0 mL/h', // no starting urine without a starting filtrate (refused otherwise, above)
      duration: '24 h',
    });
    const s = r.series;
    expect(s.gfr_mL_min[0]).toBe(0);
    for (const name of ['gfr_mL_min', 'urine_output_mL_h', 'creatinine_mg_dL', 'urea_mg_dL'] as const) expect(s[name].every(Number.isFinite), name).toBe(true);
    expect(Math.max(...s.gfr_mL_min)).toBeGreaterThan(0);
  });
});

describe('published check: how long oliguria lasts (not fitted)', () => {
  // Vincent et al., Crit Care 2020;24:171 (ICON audit, 8292 ICU patients): of the patients oliguric on the admission
  // day (urine < 0.5 mL/kg/h over it) and followed, oliguria resolved within 48 h after that day in 28.9 % (transient),
  // later in 10.5 %, and persisted or recurred in 60.6 %. Here the standard-care arm (septic shock without
  // extracorporeal treatment, as the cohort replays it, 72 h): patients oliguric over the first day, and of them the
  // share whose third day's mean urine is at least 0.5 mL/kg/h. The kidney's pressure relation, injury and recovery
  // time were not set from it (kidney.md).
  it('of the patients oliguric over the first day, about ICON’s 29 % are no longer oliguric on the third', () => {
    let oliguric = 0;
    let resolved = 0;
    for (const { scenario } of patientScenarios(loadArm('scenarios/cohort/standard-care.json'), { hours: 72, outputInterval: '15 min' })) {
      const r = simulate(scenario);
      const t = r.series.time_h;
      const perKg = (from: number, to: number) => {
        let sum = 0;
        let n = 0;
        for (let i = 0; i < t.length; i++) {
          if (t[i] < from || t[i] >= to) continue;
          sum += r.series.urine_output_mL_h[i];
          n++;
        }
        return sum / n / scenario.patient.weight;
      };
      if (perKg(0, 24) >= 0.5) continue;
      oliguric++;
      if (perKg(48, 72) >= 0.5) resolved++;
    }
    expect(oliguric).toBeGreaterThan(80); // the arm's drawn oliguria (0.2 mL/kg/h, CV 50 %)
    // within 10 points of ICON's transient share (22.5 %, measured in the fourteenth session)
    expect(Math.abs(resolved / oliguric - 0.289)).toBeLessThanOrEqual(0.1);
  });
});
