/**
 * Cardiac arrest on VV ECMO (fault `cardiac-arrest`, `patient.hemodynamics.cardiacArrest`) and chest compressions
 * (`patient.hemodynamics.chestCompressions`): the heart pumps a fraction p of its cardiac function curve, 0 arrested,
 * hemodynamics.compressionOutput under compressions, and meets venous return there (venousReturn.ts, Guyton). Nothing
 * is scripted: MAP, CVP, the console's drainage saturation and the recirculation follow from the circulation.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import { circulationAt } from '../sim/patient/hemodynamics/venousReturn.js';
import type { Action } from '../sim/model/events.js';
import { DEFAULT_ECMO, scenario } from './helpers/scenarios.js';

const arrest = (clear = false): Partial<Action> => ({ injectFault: { kind: 'cardiac-arrest', severity: 1, onset: 'sudden', over_h: 0, clear } });
const compressions = (on: boolean): Partial<Action> => ({ set: [{ path: 'patient.hemodynamics.chestCompressions', value: on }] });

/**
 * The mean systemic filling pressure at a sample from one taken before (the venous return curve through it:
 * Pmsf = CVP + Rvr·CO, moved by the volume change over the venous compliance), mmHg.
 */
function pmsfFrom(sim: Simulation, before: Record<string, number>, now: Record<string, number>): number {
  const p = sim.scenario.patient;
  const R = sim.scenario.hemodynamics.venousReturn.fillingGradient / (p.cardiacOutput / 1000);
  const volumeChange_mL = now.intravascular_volume_mL - before.intravascular_volume_mL;
  return before.central_venous_pressure_mmHg + R * before.cardiac_output_L_min + volumeChange_mL / p.venousCompliance;
}

/** The default ECMO run to 1 h, then the heart stops. */
function arrested() {
  const sim = new Simulation(scenario(DEFAULT_ECMO, { duration: '4 h' }));
  sim.advanceTo(1);
  const before = sim.observe();
  sim.act(arrest());
  sim.advanceTo(1 + 2 / 60);
  return { sim, before, after: sim.observe() };
}

describe('where a heart pumping a fraction p of its curve meets venous return', () => {
  const params = { fillingGradient: 8, cardiacFunctionSlope: 0.5 };
  const start = { cardiacOutput_L_min: 6.5, centralVenousPressure_mmHg: 10, compliance_mL_mmHg: 100, volume_mL: 5000 };
  const out = { cardiacOutput_L_min: NaN, centralVenousPressure_mmHg: NaN };
  const R = params.fillingGradient / start.cardiacOutput_L_min;

  it('p = 1 is the beating heart’s crossing, to the last bit', () => {
    // the expression before the pumping fraction: CVP = CVP0 + (ΔPmsf − Rvr·δ)/(1 + S·Rvr), CO = CO0 + δ + S·(CVP − CVP0)
    const pmsf0 = start.centralVenousPressure_mmHg + params.fillingGradient;
    // a grid of volumes and shifts: a rearranged expression, equal in exact arithmetic, rounds differently at some
    const cases = [-0.61, -0.2066, 0, 0.3171, 0.83].flatMap((shift) => Array.from({ length: 40 }, (_, i) => [4300 + 37.3 * i, shift]));
    for (const [volume, shift] of cases) {
      const pmsf = Math.max(pmsf0 + (volume - start.volume_mL) / start.compliance_mL_mmHg, 0);
      const cvp = start.centralVenousPressure_mmHg + (pmsf - pmsf0 - R * shift) / (1 + params.cardiacFunctionSlope * R);
      const co = start.cardiacOutput_L_min + shift + params.cardiacFunctionSlope * (cvp - start.centralVenousPressure_mmHg);
      expect(circulationAt(params, start, volume, out, shift, 1)).toEqual({ cardiacOutput_L_min: co, centralVenousPressure_mmHg: cvp });
    }
  });

  it('both curves hold at the crossing for every p: (Pmsf − CVP)/Rvr = p·(CO0 + δ + S·(CVP − CVP0)); at p = 0 nothing flows and CVP is Pmsf', () => {
    const volume = 4800;
    const pmsf = start.centralVenousPressure_mmHg + params.fillingGradient + (volume - start.volume_mL) / start.compliance_mL_mmHg;
    for (const p of [0, 0.1, 0.25, 0.6, 1]) {
      const c = circulationAt(params, start, volume, out, 0.3, p);
      expect(c.cardiacOutput_L_min, `p = ${p}`).toBeCloseTo((pmsf - c.centralVenousPressure_mmHg) / R, 10);
      expect(c.cardiacOutput_L_min, `p = ${p}`).toBeCloseTo(p * (6.5 + 0.3 + 0.5 * (c.centralVenousPressure_mmHg - 10)), 10);
    }
    expect(circulationAt(params, start, volume, out, 0.3, 0)).toEqual({ cardiacOutput_L_min: 0, centralVenousPressure_mmHg: pmsf });
  });
});

describe('cardiac arrest on VV ECMO', () => {
  it('the heart pumps nothing: cardiac output 0, no heart rate, CVP and MAP settle to the mean systemic filling pressure', () => {
    const { sim, before, after } = arrested();
    expect(after.cardiac_output_L_min).toBe(0);
    expect(after.heart_rate_bpm).toBe(0);
    const pmsf = pmsfFrom(sim, before, after);
    expect(after.central_venous_pressure_mmHg).toBeCloseTo(pmsf, 6);
    expect(after.map_mmHg).toBeCloseTo(pmsf, 6);
    expect(pmsf).toBeGreaterThan(before.central_venous_pressure_mmHg);
    expect(after.spo2_no_signal).toBe(1);
  });

  it('the circuit turns on: all the returned blood recirculates and the console’s drainage saturation reads the membrane’s outflow, while the tissues get nothing and lactate rises', () => {
    const { sim, before, after } = arrested();
    expect(after.pump_flow_L_min).toBeGreaterThan(0.9 * before.pump_flow_L_min);
    expect(after.recirculation_pct).toBeCloseTo(100, 9);
    expect(before.drainage_sat_pct).toBeLessThan(80);
    expect(after.drainage_sat_pct).toBeCloseTo(after.post_oxygenator_sat_pct, 1);
    sim.advanceTo(1.25);
    expect(sim.observe().lactate_mmol_L).toBeGreaterThan(before.lactate_mmol_L + 1);
  });

  it('chest compressions pump hemodynamics.compressionOutput of the heart’s curve where venous return meets it: a low output and a MAP of a few tens of mmHg', () => {
    const { sim, before } = arrested();
    sim.act(compressions(true));
    sim.advanceTo(1.1);
    const cpr = sim.observe();
    const s = sim.scenario;
    // on the venous return curve (the heart's side of the crossing is venousReturn's unit test above)
    const R = s.hemodynamics.venousReturn.fillingGradient / (s.patient.cardiacOutput / 1000);
    expect(cpr.cardiac_output_L_min).toBeCloseTo((pmsfFrom(sim, before, cpr) - cpr.central_venous_pressure_mmHg) / R, 6);
    // a quarter of the curve, lifted by the CVP the arrest raised: between a sixth and a half of the beating heart's output
    expect(cpr.cardiac_output_L_min).toBeGreaterThan(before.cardiac_output_L_min / 6);
    expect(cpr.cardiac_output_L_min).toBeLessThan(before.cardiac_output_L_min / 2);
    expect(cpr.map_mmHg).toBeGreaterThan(20);
    expect(cpr.map_mmHg).toBeLessThan(45);
    expect(cpr.recirculation_pct).toBeLessThan(100);
  });

  it('the return of spontaneous circulation (the fault cleared) gives the heart back its curve; compressions left on then change nothing', () => {
    const { sim, before } = arrested();
    sim.act(compressions(true));
    sim.advanceTo(1.1);
    sim.act(arrest(true));
    sim.advanceTo(1.2);
    const rosc = sim.observe();
    expect(rosc.heart_rate_bpm).toBeGreaterThan(0);
    expect(rosc.cardiac_output_L_min).toBeGreaterThan(0.8 * before.cardiac_output_L_min);
    sim.act(compressions(false));
    sim.advanceTo(1.2 + 1 / 60);
    expect(sim.observe().cardiac_output_L_min).toBeCloseTo(rosc.cardiac_output_L_min, 1);
  });
});
