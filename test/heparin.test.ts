/**
 * Unfractionated heparin (docs/models/heparin.md): elimination fitted to three bolus half-lives and a weight-based
 * infusion's steady state, anti-Xa and aPTT through antithrombin, the aPTT reagent's curve and the septic baseline.
 * Published figures come from sim/patient/heparin/publishedFigures.ts, the same the fit reads.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import { apparentHalfLife_h, heparinSteadyState_U_mL, type HeparinKinetics } from '../sim/patient/heparin/heparin.js';
import { activatedPartialThromboplastinTime_s, antiXaActivity_U_mL } from '../sim/patient/heparin/anticoagulantEffect.js';
import {
  APTT_REAGENT_CURVE,
  BOLUS_HALF_LIVES,
  HEPARIN_VD_mL_kg,
  INFUSION_STEADY_STATE,
  NORMAL_APTT_s,
  THERAPEUTIC_ANTI_XA_U_mL,
} from '../sim/patient/heparin/publishedFigures.js';
import fit from '../sim/patient/heparin/heparinElimination.calibrated.json' with { type: 'json' };
import type { Scenario } from '../sim/scenario/resolve.js';
import { DEFAULT_ECMO, scenario } from './helpers/scenarios.js';

const WEIGHT_kg = 80;
const kineticsOf = (s: Scenario): HeparinKinetics => ({
  distributionVolume_mL: s.kinetics.heparin.distributionVolume,
  saturableVmax_U_h: s.kinetics.heparin.saturableVmax,
  saturableKm_U_mL: s.kinetics.heparin.saturableKm,
  linearClearance_mL_h: s.kinetics.heparin.linearClearance,
});
/** Per kg of body weight, as the fit writes them. */
const perKg = (p: { vmax: number; km: number; cl: number }): HeparinKinetics => ({
  distributionVolume_mL: HEPARIN_VD_mL_kg,
  saturableVmax_U_h: p.vmax,
  saturableKm_U_mL: p.km,
  linearClearance_mL_h: p.cl,
});
const FITTED = { vmax: fit.saturableVmax_U_kg_h, km: fit.saturableKm_U_mL, cl: fit.linearClearance_mL_kg_h };
/** Sum of squared log residuals over the four published figures: what the fit minimises. */
function squaredLogResiduals(k: HeparinKinetics): number {
  const halfLives = BOLUS_HALF_LIVES.map((d) => Math.log(apparentHalfLife_h(k, d.dose_U_kg / HEPARIN_VD_mL_kg) / d.halfLife_h) ** 2);
  const steady = Math.log(heparinSteadyState_U_mL(k, INFUSION_STEADY_STATE.rate_U_kg_h) / INFUSION_STEADY_STATE.antiXa_U_mL) ** 2;
  return halfLives.reduce((a, b) => a + b, steady);
}
const untitrated = (values: Record<string, string> = {}) =>
  scenario(DEFAULT_ECMO, { duration: '48 h', 'patient.weight': `${WEIGHT_kg} kg`, 'prescription.heparin.titrate': 'false', ...values });

describe('heparin elimination: bolus half-lives and a weight-based infusion', () => {
  it('18 U/kg/h (Raschke 1993 nomogram) holds anti-Xa in the therapeutic range 0.3–0.7 U/mL with normal antithrombin', () => {
    const sim = new Simulation(untitrated({ 'prescription.heparin.infusion': '18 U/kg/h', 'kinetics.heparin.antithrombin': '100 %' }));
    const start = sim.observe().anti_xa_U_mL;
    sim.advanceTo(12);
    const held = sim.observe().anti_xa_U_mL;
    expect(held / start).toBeCloseTo(1, 6); // the run starts at, and stays at, the steady state
    expect(held).toBeGreaterThanOrEqual(THERAPEUTIC_ANTI_XA_U_mL[0]);
    expect(held).toBeLessThanOrEqual(THERAPEUTIC_ANTI_XA_U_mL[1]);
  });
  it('the steady state rises more than in proportion to the infusion (saturable elimination)', () => {
    const k = kineticsOf(untitrated());
    const c18 = heparinSteadyState_U_mL(k, 18 * WEIGHT_kg);
    expect(heparinSteadyState_U_mL(k, 36 * WEIGHT_kg)).toBeGreaterThan(2 * c18);
    expect(heparinSteadyState_U_mL(k, 9 * WEIGHT_kg)).toBeLessThan(c18 / 2);
  });
  it('the apparent half-life grows with the bolus, as published (30, 60, 150 min after 25, 100, 400 U/kg)', () => {
    const k = perKg(FITTED);
    const t = BOLUS_HALF_LIVES.map((d) => apparentHalfLife_h(k, d.dose_U_kg / HEPARIN_VD_mL_kg));
    expect(t[1]).toBeGreaterThan(t[0]);
    expect(t[2]).toBeGreaterThan(t[1]);
  });
  it('a bolus in a run falls to half in the apparent half-life the elimination gives', () => {
    const s = untitrated({ 'prescription.heparin.infusion': '0 U/h', 'prescription.heparin.bolus': '100 U/kg' });
    const sim = new Simulation(s);
    const c0 = sim.observe().heparin_U_mL;
    expect(c0).toBeCloseTo((100 * WEIGHT_kg) / s.kinetics.heparin.distributionVolume, 9);
    sim.advanceTo(apparentHalfLife_h(kineticsOf(s), c0));
    expect(sim.observe().heparin_U_mL / (c0 / 2)).toBeCloseTo(1, 5);
  });
  it('the calibrated constants are the least-squares optimum of the four published figures (each parameter nudged ±5 % fits worse)', () => {
    const best = squaredLogResiduals(perKg(FITTED));
    for (const f of [0.95, 1.05]) {
      expect(squaredLogResiduals(perKg({ ...FITTED, vmax: FITTED.vmax * f }))).toBeGreaterThan(best);
      expect(squaredLogResiduals(perKg({ ...FITTED, km: FITTED.km * f }))).toBeGreaterThan(best);
    }
    // linear clearance sits at its bound, 0: any clearance fits worse
    expect(squaredLogResiduals(perKg({ ...FITTED, cl: FITTED.cl + 0.5 }))).toBeGreaterThan(best);
  });
  it('the residuals the calibration file reports (and the doc page quotes) are what its constants give', () => {
    const k = perKg(FITTED);
    for (const [i, d] of BOLUS_HALF_LIVES.entries()) {
      expect(fit.residuals[i].fitted_min).toBeCloseTo(apparentHalfLife_h(k, d.dose_U_kg / HEPARIN_VD_mL_kg) * 60, 1);
    }
    expect(fit.residuals[3].fitted_U_mL).toBeCloseTo(heparinSteadyState_U_mL(k, INFUSION_STEADY_STATE.rate_U_kg_h), 3);
  });
});

describe('anti-Xa and aPTT through antithrombin', () => {
  it('anti-Xa (no added antithrombin) falls in proportion to antithrombin; the aPTT shortens; the heparin concentration does not change', () => {
    const at = (pct: number) =>
      new Simulation(untitrated({ 'prescription.heparin.infusion': '18 U/kg/h', 'kinetics.heparin.antithrombin': `${pct} %` })).observe();
    const normal = at(100);
    const low = at(50);
    expect(low.heparin_U_mL).toBe(normal.heparin_U_mL);
    expect(low.anti_xa_U_mL / normal.anti_xa_U_mL).toBeCloseTo(0.5, 12);
    expect(low.aptt_s).toBeLessThan(normal.aptt_s);
  });
  it('heparin resistance: titrated to the same aPTT target, a patient with low antithrombin ends on more heparin', () => {
    const infusionAt48h = (pct: number) => {
      const sim = new Simulation(
        scenario(DEFAULT_ECMO, { duration: '48 h', 'patient.weight': `${WEIGHT_kg} kg`, 'kinetics.heparin.antithrombin': `${pct} %` }),
      );
      sim.advanceTo(48);
      return sim.observe();
    };
    const normal = infusionAt48h(100);
    const low = infusionAt48h(40);
    expect(low.heparin_infusion_U_h).toBeGreaterThan(normal.heparin_infusion_U_h);
    expect(low.heparin_U_mL).toBeGreaterThan(normal.heparin_U_mL);
  });
  it("the aPTT follows the reagent's published heparin-response curve (0.1→38, 0.2→55, 0.3→75, 0.4→99 s) within 5 % on normal plasma", () => {
    const k = untitrated().kinetics.heparin.apttSensitivity;
    for (const p of APTT_REAGENT_CURVE) {
      const aptt = activatedPartialThromboplastinTime_s(fit.apttReagent.normalPlasma_s, k, p.heparin_U_mL, 1, Infinity);
      expect(Math.abs(aptt / p.aptt_s - 1)).toBeLessThan(0.05);
    }
  });
  it("far beyond the reagent's range the aPTT reads the analyzer's measuring limit, never an overflow", () => {
    const { apttSensitivity: k, apttMeasuringLimit: limit } = untitrated().kinetics.heparin;
    expect(activatedPartialThromboplastinTime_s(42.6, k, 1e6, 1.5, limit)).toBe(limit);
    expect(activatedPartialThromboplastinTime_s(42.6, 20, 1e6, 1.5, limit)).toBe(limit);
    // below the limit the curve is untouched
    expect(activatedPartialThromboplastinTime_s(42.6, k, 0.2, 1, limit)).toBe(42.6 * Math.exp(k * 0.2));
  });
  it('anti-Xa is never negative and is zero without heparin', () => {
    expect(antiXaActivity_U_mL(-1e-12, 0.6)).toBe(0);
    expect(antiXaActivity_U_mL(0, 0.6)).toBe(0);
  });
});

describe('the septic baseline aPTT', () => {
  it('without heparin the aPTT is the septic baseline, above the normal range (PROWESS: 21–39 s)', () => {
    const s = untitrated({ 'prescription.heparin.infusion': '0 U/h' });
    const sim = new Simulation(s);
    sim.advanceTo(6);
    const o = sim.observe();
    expect(o.heparin_U_mL).toBe(0);
    expect(o.anti_xa_U_mL).toBe(0);
    expect(o.aptt_s).toBe(s.kinetics.heparin.apttBaseline);
    expect(o.aptt_s).toBeGreaterThan(NORMAL_APTT_s[1]);
  });
});

describe('a heparin stop', () => {
  it('stopping the infusion lowers anti-Xa, to half in the apparent half-life at the concentration it stopped at', () => {
    const s = untitrated({ 'prescription.heparin.infusion': '18 U/kg/h' });
    const sim = new Simulation(s);
    sim.advanceTo(6);
    const before = sim.observe();
    sim.set('prescription.heparin.infusion', '0 U/h');
    const half = apparentHalfLife_h(kineticsOf(s), before.heparin_U_mL);
    sim.advanceTo(6 + half / 2);
    expect(sim.observe().anti_xa_U_mL).toBeLessThan(before.anti_xa_U_mL);
    sim.advanceTo(6 + half);
    expect(sim.observe().anti_xa_U_mL / (before.anti_xa_U_mL / 2)).toBeCloseTo(1, 5);
  });
});
