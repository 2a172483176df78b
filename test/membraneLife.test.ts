/**
 * The membrane's own life (sim/sweep/membraneLife.ts): the first filter's time to the TMP limit whatever the
 * scheduled change. On a 24 h dose sweep of the bundled scenario the scheduled 24 h change hides it: every dose whose
 * filter outlasts 24 h reports a filter life of 24 h, while the membrane's life falls with dose (more flux, more
 * protein carried to the membrane: cake resistance grows ∝ J·C, sim/filter/membrane.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runOne, type SweepBase } from '../sim/sweep/runTask.js';
import { calibratedScenarioText } from '../sim/scenario/loadFile.js';
import type { RunMetrics } from '../sim/sweep/runMetrics.js';
import { isTmpChange, MEMBRANE_LIFE_HORIZON_h } from '../sim/sweep/membraneLife.js';
import { ENGINEER_COLUMNS } from '../sim/sweep/engineerFigures.js';

const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const DOSES = [25, 35, 45, 55, 65];
const text = calibratedScenarioText(readFileSync(SCENARIO, 'utf8'), SCENARIO);
const base: SweepBase = { text, source: SCENARIO, hours: 24, membraneLife: true };

function run(dose: number, b: SweepBase = base): RunMetrics {
  const o = runOne(b, { id: dose, overrides: [{ path: 'prescription.effluentDose', value: `${dose} mL/kg/h` }] });
  if ('error' in o) throw new Error(o.error);
  return o.metrics;
}

let runs: RunMetrics[];
// five 24 h runs and three measurement runs (to 27–84 h): ~4 s alone on one core; 120 s for a busy shared machine
beforeAll(() => {
  runs = DOSES.map((d) => run(d));
}, 120_000);

describe('membrane life on a 24 h dose sweep, 25–65 mL/kg/h', () => {
  it('differs across the doses whose scheduled filter life is the same 24 h', () => {
    const scheduled = runs.filter((m) => m.mean_filter_life_h === 24);
    expect(scheduled.length).toBeGreaterThanOrEqual(2); // the doses the schedule flattens (25–45 mL/kg/h here)
    const lives = scheduled.map((m) => m.membrane_life_h!);
    for (const life of lives) expect(life).toBeGreaterThan(24); // it outlasted its scheduled change
    for (let i = 1; i < lives.length; i++) expect(lives[i]).toBeLessThan(lives[i - 1]); // more dose, shorter life
    expect(new Set(scheduled.map((m) => m.membrane_life_censored)).size).toBe(1);
  });

  it('falls with dose over the whole sweep, and is never longer than the horizon', () => {
    const lives = runs.map((m) => m.membrane_life_h!);
    for (let i = 1; i < lives.length; i++) expect(lives[i]).toBeLessThan(lives[i - 1]);
    for (const life of lives) expect(life).toBeLessThanOrEqual(MEMBRANE_LIFE_HORIZON_h);
  });

  it("is the first filter's own life when that filter was changed at the TMP limit (no second run needed)", () => {
    const high = runs[DOSES.indexOf(65)];
    expect(high.filter_changes).toBeGreaterThanOrEqual(1);
    expect(high.membrane_life_h!).toBeLessThan(24);
    // with one completed filter its life is the mean; with more, the first is within the range of the lives
    if (high.filter_changes === 1) expect(high.membrane_life_h).toBeCloseTo(high.mean_filter_life_h!, 9);
  });

  it('does not change the run: every other column is the same without the measurement', () => {
    const dose = 45;
    const without = run(dose, { ...base, membraneLife: false });
    const withIt = runs[DOSES.indexOf(dose)];
    expect(without.membrane_life_h).toBeNull();
    for (const k of Object.keys(withIt) as (keyof RunMetrics)[]) {
      if (k === 'membrane_life_h' || k === 'membrane_life_censored') continue;
      expect(without[k], k).toBe(withIt[k]);
    }
  });

  it('recognises the filter events’ reason for a change at the TMP limit, and no other', () => {
    expect(isTmpChange('TMP 250 mmHg reached the limit of 250 mmHg')).toBe(true);
    expect(isTmpChange('maximum filter age 24 h reached')).toBe(false);
    expect(isTmpChange('filter clotted (90 % of fibres)')).toBe(false);
  });
});

describe('the engineer’s columns on the same sweep', () => {
  it('are all present for a run with a filter', () => {
    for (const m of runs) for (const c of ENGINEER_COLUMNS) expect(m[c], c).not.toBeNull();
  });

  it('filters per day: one scheduled filter a day where the membrane outlasts 24 h, more where it does not', () => {
    // a 24 h run counts the filter it starts with and any put up after a change (one at 24 h is changed at the end)
    const low = runs[0];
    const high = runs[DOSES.length - 1];
    expect(high.filters_per_day!).toBeGreaterThan(low.filters_per_day!);
  });

  it('bags per day are the bags hung (the engine counts them): the first two, then one of each per 5 L of effluent (net UF 0)', () => {
    for (const m of runs) expect(m.bags_per_day).toBe(2 + 2 * Math.floor(m.effluent_volume_L! / 5 + 1e-9)); // 24 h runs: one day
  });

  it('anti-Xa at 24 h lies in the physical range of a heparinised patient (0–2 U/mL), temperature near body temperature', () => {
    for (const m of runs) {
      expect(m.anti_xa_24h_U_mL!).toBeGreaterThanOrEqual(0);
      expect(m.anti_xa_24h_U_mL!).toBeLessThan(2);
      expect(m.temperature_24h_C!).toBeGreaterThan(34);
      expect(m.temperature_24h_C!).toBeLessThan(40);
    }
  });

  it('access pressure above return pressure: the limb draws after the ECMO pump and returns before it', () => {
    // the integrated filter limb runs from the positive (post-pump) to the negative (drainage) side (docs/models/circuit-hydraulics.md)
    for (const m of runs) {
      expect(m.mean_access_pressure_mmHg!).toBeGreaterThan(0);
      expect(m.mean_return_pressure_mmHg!).toBeLessThan(0);
    }
  });
});
