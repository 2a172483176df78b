/**
 * The filterable vasoplegic mediators (sim/patient/solutes/vasoplegicMediators.ts; docs/models/hemodynamics.md,
 * "Filterable vasoplegic mediators (a hypothesis)"): an index made in proportion to the sepsis drive, cleared by the
 * body with its own half-life and by the filter as IL-6 is.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_GAS, FIXED_RATE, run, scenario } from './helpers/scenarios.js';
import { modelContext } from '../sim/model/context.js';
import { initialPlasma_mL } from '../sim/patient/solutes/volumes.js';
import { sepsisDrive } from '../sim/patient/inflammation/sepsisDrive.js';
import type { RunResult } from '../sim/engine/simulate.js';

const DAY = { duration: '24 h', ...FIXED_GAS };
const POOL = 'vasoplegic_mediators';

/** The half-life at which the pool's clearance, ln2·(V_plasma,0 + V_p)/t½, equals IL-6's endogenous clearance. */
function il6HalfLife_h(values: Record<string, string>): number {
  const m = modelContext(scenario(DEFAULT_ECMO, values));
  const k = m.scenario.kinetics.il6;
  return (Math.LN2 * (initialPlasma_mL(m) + k.peripheralVolume)) / k.endogenousClearance;
}

describe('filterable vasoplegic mediators (a hypothesis)', () => {
  it('a pool cleared by the body as IL-6 is, and not adsorbed, falls exactly as IL-6 does, filter and prime dilution included', () => {
    // IL-6's adsorption on the membrane is the one route the pool does not share: turned off here
    const values = { ...DAY, 'filter.adsorption.il6InitialClearance': '0 mL/min' };
    const r = run(DEFAULT_ECMO, { ...values, 'kinetics.vasoplegicMediators.halfLife': `${il6HalfLife_h(values)} h` });
    const il6_0 = scenario(DEFAULT_ECMO, values).patient.baseline.il6;
    r.series.time_h.forEach((t, i) => expect(r.series[POOL][i], `at ${t} h`).toBeCloseTo(r.series.il6_pg_mL[i] / il6_0, 6));
    // and the filter lowered both: below the course without it
    expect(r.series[POOL].at(-1)!).toBeLessThan(0.8);
  });
  it('with a half-life near zero the pool follows the sepsis drive', () => {
    const values = { duration: '24 h', ...FIXED_RATE, 'kinetics.vasoplegicMediators.halfLife': '0.05 h' };
    const s = scenario(DEFAULT_STANDARD, values);
    const k = s.kinetics.sepsisDrive;
    const r = run(DEFAULT_STANDARD, values);
    r.series.time_h.forEach((t, i) => {
      if (t < 1) return; // the pool's own lag (minutes) after the drive starts falling
      expect(r.series[POOL][i], `at ${t} h`).toBeCloseTo(sepsisDrive(t, k.residualFraction, k.fastFraction, k.fastTimeConstant, k.timeConstant), 2);
    });
  });
  it('the longer its half-life, the more of the pool the filter removes, and the less the ECMO arm is left with at 24 h', () => {
    const at24 = (halfLife: string) => run(DEFAULT_ECMO, { ...DAY, 'kinetics.vasoplegicMediators.halfLife': halfLife }).series[POOL].at(-1)!;
    const pool = ['1 h', '6 h', '24 h'].map(at24);
    expect(pool[1]).toBeLessThan(pool[0]);
    expect(pool[2]).toBeLessThan(pool[1]);
    // without a filter the half-life changes only how closely the pool follows the drive
    const standard = (halfLife: string) =>
      run(DEFAULT_STANDARD, { duration: '24 h', ...FIXED_RATE, 'kinetics.vasoplegicMediators.halfLife': halfLife }).series[POOL].at(-1)!;
    expect(standard('24 h') - standard('1 h')).toBeGreaterThan(0);
  });
  it('the pool’s mass balance closes: start + made − eliminated − removed by the filter = end', () => {
    const r: RunResult = run(DEFAULT_ECMO, DAY);
    const b = r.summary.mass_balance.vasoplegicMediators;
    expect(b.removed_in_effluent).toBeGreaterThan(0);
    expect(b.relative_residual).toBeLessThan(1e-6);
  });
  it('with both cannula lines clamped the filter stops lowering the patient’s pool', () => {
    const clamped = { ...DAY, 'circuit.clamps.drainageLine': 'true', 'circuit.clamps.returnLine': 'true' };
    const a = run(DEFAULT_ECMO, clamped).series[POOL];
    const b = run(DEFAULT_ECMO, { ...clamped, 'circuit.clamps.filterLimb': 'true' }).series[POOL];
    a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-3 * b[i]));
  });
});
