/**
 * Urea (sim/patient/solutes/urea.ts): generation from protein catabolism, renal clearance, and filter clearance
 * with sieving 1 and the whole-blood predilution factor, checked against hand-solved cases.
 */
import { describe, expect, it } from 'vitest';
import { UREA_PER_PROTEIN } from '../sim/patient/solutes/urea.js';
import { DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

describe('urea without a filter: one compartment, constant generation and clearance', () => {
  // dA/dt = G − CL·A/V  →  C(t) = C∞ + (C0 − C∞)·e^(−t·CL/V),  C∞ = G/CL   (V is total body water: no fluid moves it)
  const C0_mg_dL = 80;
  const PCR_g_h = 6; // 144 g protein/day
  const [gfr_mL_min, fractionOfGfr] = [20, 0.6]; // GFR held at 120·(1 − I0) = 20 mL/min
  const CL_mL_min = fractionOfGfr * gfr_mL_min; // 12 mL/min
  const V_mL = 45000;
  const r = run(DEFAULT_STANDARD, {
    'patient.baseline.urea': `${C0_mg_dL} mg/dL`,
    'kinetics.urea.proteinCatabolicRate': `${PCR_g_h} g/h`,
    'kinetics.urea.fractionOfGfr': `${fractionOfGfr}`,
    'patient.kidney.intactGfr': '120 mL/min',
    'patient.kidney.startingInjury': `${1 - gfr_mL_min / 120}`,
    'kinetics.urea.distributionVolume': `${V_mL} mL`,
    // the kidney held at its starting filtration: full perfusion (RPP 42 > 40 mmHg), no urine (CVP constant), no recovery
    'patient.kidney.zeroFiltrationPressure': '10 mmHg',
    'patient.kidney.fullFiltrationPressure': '40 mmHg',
    'patient.fluids.urineOutput': '0 mL/h',
    'kinetics.sepsisDrive.residualFraction': '1',
    duration: '48 h',
  });
  const G_mg_h = 1000 * PCR_g_h * (1 / 6.25) * (60 / 28);
  const CL_mL_h = 60 * CL_mL_min;
  const cInf_mg_dL = (100 * G_mg_h) / CL_mL_h;
  const analytic = (t: number) => cInf_mg_dL + (C0_mg_dL - cInf_mg_dL) * Math.exp((-t * CL_mL_h) / V_mL);

  it('1 g of protein makes 0.343 g of urea: 16 % nitrogen, urea 28/60 nitrogen', () => {
    expect(UREA_PER_PROTEIN).toBeCloseTo(0.16 / (28 / 60), 12);
  });
  it('follows the closed form to 1e-6 relative at every output sample', () => {
    r.series.time_h.forEach((t, i) => expect(Math.abs(r.series.urea_mg_dL[i] / analytic(t) - 1), `t = ${t} h`).toBeLessThan(1e-6));
  });
  it('rises in oliguric kidney injury: generation (G) exceeds renal elimination at the start', () => {
    expect(G_mg_h).toBeGreaterThan((CL_mL_h * C0_mg_dL) / 100);
    expect(r.series.urea_mg_dL.at(-1)!).toBeGreaterThan(C0_mg_dL);
  });
  it('closes its mass balance: start + generated − renal − removed = end', () => {
    const b = r.summary.mass_balance.urea;
    expect(b.unit).toBe('mg');
    expect(b.removed_in_effluent).toBe(0);
    expect(b.produced).toBeCloseTo(G_mg_h * 48, 6);
    expect(b.relative_residual).toBeLessThan(1e-9);
  });
});

describe('urea through the hemofilter: K = Q_uf · SC · Q_b/(Q_b + Q_pre), SC = 1', () => {
  // 24 h of the default ECMO + HVHF scenario; the filter runs the whole first 24 h at its prescription.
  const r = run(DEFAULT_ECMO, { duration: '24 h', outputInterval: '5 min' });
  const rx = r.scenario.prescription;
  const qb_mL_min = rx.filterBloodFlow;
  const quf_mL_h = rx.effluentDose * r.scenario.patient.weight;
  const qpre_mL_min = (rx.predilutionFraction * (quf_mL_h - rx.netUltrafiltration)) / 60;
  const K_mL_h = quf_mL_h * (qb_mL_min / (qb_mL_min + qpre_mL_min));

  it('removes ∫K·C dt: the ledger equals the clearance times the concentration, integrated over the run', () => {
    const t = r.series.time_h;
    const c = r.series.urea_mg_dL.map((v) => v / 100); // mg/mL
    let integral = 0;
    for (let i = 1; i < t.length; i++) integral += 0.5 * (c[i] + c[i - 1]) * (t[i] - t[i - 1]);
    // trapezoid on a 5-min grid of a smooth decay: within 0.1 %; the filter clears the patient in series with the
    // circuit's blood, K·Q/(Q + K), Q the effective ECMO flow held from the start (sim/filter/circuitBlood.ts)
    const q_mL_h = r.series.effective_flow_L_min[0] * 60_000;
    expect(r.summary.mass_balance.urea.removed_in_effluent / (((K_mL_h * q_mL_h) / (q_mL_h + K_mL_h)) * integral)).toBeCloseTo(1, 3);
  });
  it('falls with the filter: its clearance (~3 L/h) is three times the renal one at the start (FEU·GFR, 15 mL/min)', () => {
    expect(K_mL_h).toBeGreaterThan(3 * 60 * r.scenario.kinetics.urea.fractionOfGfr * r.series.gfr_mL_min[0]);
    expect(r.series.urea_mg_dL.at(-1)!).toBeLessThan(r.series.urea_mg_dL[0]);
  });
  it('predilution dilutes it less than it dilutes plasma solutes: red-cell water carries urea too', () => {
    const hct = r.scenario.patient.hematocrit;
    const plasmaDF = (qb_mL_min * (1 - hct)) / (qb_mL_min * (1 - hct) + qpre_mL_min);
    expect(qb_mL_min / (qb_mL_min + qpre_mL_min)).toBeGreaterThan(plasmaDF);
  });
});
