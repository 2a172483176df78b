/**
 * Verification against cases solved by hand.
 */
import { describe, expect, it } from 'vitest';
import { filterOperatingPoint } from '../sim/filter/operatingPoint.js';
import { solveCircuit } from '../sim/circuit/network.js';
import { tubeLossCoefficients } from '../sim/circuit/tube.js';
import { po2FromSaturation, saturationFromPo2 } from '../sim/patient/gasExchange/gasExchange.js';
import { oncoticPressure_mmHg } from '../sim/filter/transmembranePressure.js';
import { sepsisDrive, singlePhaseDecline } from '../sim/patient/inflammation/sepsisDrive.js';
import { g_L, mL_h, mL_min, mmHg } from '../sim/quantities.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FLUID_NEUTRAL, run } from './helpers/scenarios.js';

describe('one compartment with constant clearance (IL-6 with no peripheral exchange, no filter)', () => {
  // dC/dt = (G0/V)·(D∞ + (1 − D∞)·e^(−t/τ)) − k·C, G0 = k·V·C0, k = CL/V, V constant (no fluid moves).
  // C(t) = C0·[D∞ + (1 − D∞)·k/(k − r)·e^(−rt) + (1 − D∞ − (1 − D∞)·k/(k − r))·e^(−kt)],  r = 1/τ.
  const C0 = 2000;
  const CL = 3000; // mL/h
  const Dinf = 0.25;
  const tau = 5; // h
  const r = run(DEFAULT_STANDARD, {
    'patient.baseline.il6': `${C0} pg/mL`,
    'kinetics.il6.endogenousClearance': `${CL} mL/h`,
    'kinetics.il6.interCompartmentClearance': '0 mL/h',
    'kinetics.sepsisDrive.residualFraction': `${Dinf}`,
    'kinetics.sepsisDrive.timeConstant': `${tau} h`,
    'kinetics.sepsisDrive.fastFraction': '0', // one phase: the analytic case below
    ...FLUID_NEUTRAL, // V constant
    duration: '24 h',
  });
  const plasma = r.scenario.patient.intravascularVolume * (1 - r.scenario.patient.hematocrit);
  const k = CL / plasma;
  const rr = 1 / tau;
  const analytic = (t: number) => C0 * (Dinf + (((1 - Dinf) * k) / (k - rr)) * Math.exp(-rr * t) + (1 - Dinf - ((1 - Dinf) * k) / (k - rr)) * Math.exp(-k * t));

  it('follows the analytic solution to 1e-6 relative at every output sample', () => {
    r.series.time_h.forEach((t, i) => {
      expect(Math.abs(r.series.il6_pg_mL[i] / analytic(t) - 1), `t = ${t} h`).toBeLessThan(1e-6);
    });
  });
  it('with production held constant at the start (D∞ = 1) stays exactly at steady state', () => {
    const flat = run(DEFAULT_STANDARD, { 'kinetics.sepsisDrive.residualFraction': '1', duration: '12 h', ...FLUID_NEUTRAL });
    for (const c of flat.series.il6_pg_mL) expect(Math.abs(c / flat.scenario.patient.baseline.il6 - 1)).toBeLessThan(1e-9);
  });
});

describe('the sepsis drive (solutes.md)', () => {
  it('the two-phase sepsis drive starts at 1, sheds its fast share first, and ends at D∞', () => {
    const [Dinf, f, fast, slow] = [0.1, 0.3, 6, 100];
    expect(sepsisDrive(0, Dinf, f, fast, slow)).toBe(1);
    // after 10 fast time constants only the slow phase is left: D = D∞ + (1 − D∞)(1 − f)·e^(−t/τ_slow), to e^−10
    const t = 60;
    const slowOnly = Dinf + (1 - Dinf) * (1 - f) * Math.exp(-t / slow);
    expect(Math.abs(sepsisDrive(t, Dinf, f, fast, slow) - slowOnly)).toBeLessThan((1 - Dinf) * f * Math.exp(-9));
    expect(sepsisDrive(1e5, Dinf, f, fast, slow)).toBeCloseTo(Dinf, 12);
    // with no fast share it is the one-phase decline
    expect(sepsisDrive(t, Dinf, 0, fast, slow)).toBeCloseTo(singlePhaseDecline(t, Dinf, slow), 14);
  });
});

describe('predilution (reference-data.md §1)', () => {
  // Qb 300 mL/min, Hct 0.30 → Qp 210; Q_uf 60 mL/min (3600 mL/h), all replacement pre-filter → Q_pre 60.
  const op = filterOperatingPoint(
    { effluent_mL_h: mL_h(3600), netUltrafiltration_mL_h: mL_h(0), predilutionFraction: 1, bloodFlow_mL_min: mL_min(300) },
    0.3,
    g_L(60),
  );
  it('FF = Q_uf / (Qp + Q_pre) and DF = Qp / (Qp + Q_pre)', () => {
    expect(op.plasmaFlow_mL_min).toBeCloseTo(210, 10);
    expect(op.predilution_mL_min).toBeCloseTo(60, 10);
    expect(op.filtrationFraction).toBeCloseTo(60 / 270, 12);
    expect(op.dilutionFactor).toBeCloseTo(210 / 270, 12);
  });
  it('post-dilution has no dilution and FF = Q_uf / Qp', () => {
    const post = filterOperatingPoint(
      { effluent_mL_h: mL_h(3600), netUltrafiltration_mL_h: mL_h(0), predilutionFraction: 0, bloodFlow_mL_min: mL_min(300) },
      0.3,
      g_L(60),
    );
    expect(post.dilutionFactor).toBe(1);
    expect(post.filtrationFraction).toBeCloseTo(60 / 210, 12);
    expect(post.hematocritOut).toBeCloseTo((0.3 * 300) / 240, 12);
  });
  it('the engine clears IL-6 at K = Q_uf·SC·DF + K_ads on a fresh filter', () => {
    const r = run(DEFAULT_ECMO, { duration: '1 h' });
    const s = r.scenario;
    const quf = s.prescription.effluentDose * s.patient.weight; // mL/h
    // the hematocrit at t = 0: the patient's, diluted by the circuit's prime at cannulation
    const qp = s.prescription.filterBloodFlow * (1 - at(r, 'hematocrit_pct', 0) / 100);
    const qpre = quf / 60;
    const expected = (quf * s.filter!.sieving.il6.clean * (qp / (qp + qpre))) / 60 + s.filter!.adsorption.il6InitialClearance;
    expect(at(r, 'il6_clearance_mL_min', 0)).toBeCloseTo(expected, 9);
  });
});

describe('circuit network against a hand-computed case', () => {
  // Pump H = a·N² − b·Q², linear resistances only, no collapse, no filter limb:
  // a·N² − b·Q² = R·Q  →  Q = (−R + sqrt(R² + 4·b·a·N²)) / (2b)
  const a = 4e-5; // mmHg/rpm²
  const b = 8e-6; // mmHg/(mL/min)²
  const lin = (R: number) => ({ viscous: R, inertial: 0 });
  const elements = {
    pump: { a_mmHg_rpm2: a, b_mmHg_mL_min2: b },
    drainageCannula: lin(0.015),
    drainageTubing: lin(0.002),
    returnTubing: lin(0.002),
    returnCannula: lin(0.012),
    oxygenatorResistance: 0.007,
    vein: { offset_mmHg: 0, resistance_mmHg_min_mL: 0 },
  };
  const R = 0.015 + 0.002 + 0.002 + 0.012 + 0.007;
  const N = 3000;
  const Q = (-R + Math.sqrt(R * R + 4 * b * a * N * N)) / (2 * b);
  const sol = solveCircuit(elements, {
    pumpSpeed_rpm: N,
    venousPressure_mmHg: mmHg(8),
    filterLimbFlow_mL_min: mL_min(0),
    filterLimbReturn_mL_min: mL_min(0),
  });
  it('gives the closed-form flow and pressures', () => {
    expect(sol.pumpFlow_mL_min).toBeCloseTo(Q, 6);
    expect(sol.drainagePressure_mmHg).toBeCloseTo(8 - 0.017 * Q, 6);
    expect(sol.oxygenatorPressureDrop_mmHg).toBeCloseTo(0.007 * Q, 6);
    expect(sol.postOxygenatorPressure_mmHg).toBeCloseTo(8 + 0.014 * Q, 6);
  });
  it('with a filter limb: pump flow = drainage + limb return, return flow = pump − limb', () => {
    const s = solveCircuit(elements, {
      pumpSpeed_rpm: N,
      venousPressure_mmHg: mmHg(8),
      filterLimbFlow_mL_min: mL_min(350),
      filterLimbReturn_mL_min: mL_min(340),
    });
    expect(s.pumpFlow_mL_min).toBeCloseTo(s.drainageFlow_mL_min + 340, 9);
    expect(s.returnFlow_mL_min).toBeCloseTo(s.pumpFlow_mL_min - 350, 9);
    const head = a * N * N - b * s.pumpFlow_mL_min ** 2;
    const losses = 0.017 * s.drainageFlow_mL_min + 0.007 * s.pumpFlow_mL_min + 0.014 * s.returnFlow_mL_min;
    expect(head).toBeCloseTo(losses, 6);
  });
  it("a tube's viscous coefficient is Poiseuille: 128·μ·L/(π·d⁴)", () => {
    // μ 3 mPa·s, L 1 m, d 10 mm: 128·0.003·1/(π·1e-8) Pa·s/m³ = 1.2223e7; × (1e-6/60) / 133.322 → mmHg/(mL/min)
    const c = tubeLossCoefficients({ innerDiameter_mm: 10, length_mm: 1000 }, 3, 1060, 0, 0);
    expect(c.viscous).toBeCloseTo((((128 * 0.003) / (Math.PI * 1e-8)) * (1e-6 / 60)) / 133.322, 12);
    expect(c.inertial).toBe(0);
  });
});

describe('gas exchange', () => {
  it('Severinghaus: PO2 27 mmHg gives ~50 % saturation and the inverse round-trips', () => {
    expect(saturationFromPo2(26.8)).toBeCloseTo(0.5, 2);
    for (const s of [0.3, 0.75, 0.9, 0.97]) expect(saturationFromPo2(po2FromSaturation(s))).toBeCloseTo(s, 9);
  });
  it('Landis–Pappenheimer: 70 g/L of plasma protein gives ~25 mmHg oncotic pressure', () => {
    expect(oncoticPressure_mmHg(g_L(70))).toBeCloseTo(2.1 * 7 + 0.16 * 49 + 0.009 * 343, 12);
    expect(oncoticPressure_mmHg(g_L(70))).toBeGreaterThan(24);
    expect(oncoticPressure_mmHg(g_L(70))).toBeLessThan(26);
  });
});

describe('what the ECMO console shows (issue 11): pump head and hemoglobin', () => {
  const r = run(DEFAULT_ECMO, { duration: '6 h' });
  it('the pump head is its outlet (pre-oxygenator) less its inlet (drainage) pressure, at every sample', () => {
    r.series.time_h.forEach((t, i) => {
      expect(r.series.pump_head_mmHg[i], `t = ${t} h`).toBeCloseTo(r.series.p_pre_oxygenator_mmHg[i] - r.series.p_drainage_mmHg[i], 9);
      expect(r.series.pump_head_mmHg[i]).toBeGreaterThan(0); // a running centrifugal pump adds pressure
    });
  });
  it('hemoglobin is hematocrit × MCHC (33 g/dL of red cells)', () => {
    r.series.time_h.forEach((_, i) => expect(r.series.hemoglobin_g_dL[i]).toBeCloseTo((r.series.hematocrit_pct[i] / 100) * 33, 12));
  });
});
