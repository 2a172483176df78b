/**
 * What a batch run's recorder relies on (sim/engine/simulate.ts): every sample is observed into one record kept
 * across samples, so every series must be written at every sample, whatever the run's state (no circuit, a filter
 * being changed, faults), which also lets a new record start as a copy of a blank one in the parts' write order; and
 * the grid's columns are sized to exactly the samples the run records.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import { observe, SERIES_NAMES, type Observation } from '../sim/engine/observe.js';
import { gridSamples, simulate } from '../sim/engine/simulate.js';
import { readInputFile, RESOLVE_BESIDE } from '../sim/scenario/loadFile.js';
import { loadTrainingText } from '../sim/training/trainingFile.js';
import type { Scenario } from '../sim/scenario/resolve.js';
import { DEFAULT_ECMO, DEFAULT_STANDARD, scenario } from './helpers/scenarios.js';

const TRAINING = 'scenarios/training';
const training = readdirSync(TRAINING)
  .filter((f) => f.endsWith('.json'))
  .map((f): [string, Scenario] => [f, loadTrainingText(readInputFile(join(TRAINING, f), 'training scenario'), join(TRAINING, f), RESOLVE_BESIDE).scenario]);

/** The series observe left unwritten at any of a run's samples (each observed into a record of undefined values). */
function unwrittenSeries(s: Scenario, every_h: number): string[] {
  const sim = new Simulation(s);
  const missed = new Set<string>();
  let next = 0;
  sim.advanceTo(s.duration_h, {
    due: () => next,
    take(t, stateAt) {
      for (; next <= t + 1e-9; next += every_h) {
        const o = observe(sim.composed, next, stateAt(next), Object.fromEntries(SERIES_NAMES.map((n) => [n, undefined])) as unknown as Observation);
        for (const name of SERIES_NAMES) if (o[name] === undefined) missed.add(name);
        if (Object.keys(o).length !== SERIES_NAMES.length) missed.add(`(keys beyond SERIES: ${Object.keys(o).length})`);
      }
    },
  });
  return [...missed];
}

describe('observe writes every series at every sample', () => {
  it('ECMO + HVHF over 72 h (filter changes and their downtime included)', () => {
    expect(unwrittenSeries(scenario(DEFAULT_ECMO, { duration: '72 h' }), 0.25)).toEqual([]);
  });
  it('standard care (no circuit, no filter)', () => {
    expect(unwrittenSeries(scenario(DEFAULT_STANDARD, { duration: '24 h' }), 0.25)).toEqual([]);
  });
  it.each(training)('training scenario %s (its faults)', (_, s) => {
    expect(unwrittenSeries(s, 1 / 60)).toEqual([]);
  });
});

describe('a new observation record', () => {
  it('has the keys and values of one written key by key, in the order the parts write them', () => {
    for (const file of [DEFAULT_ECMO, DEFAULT_STANDARD]) {
      const sim = new Simulation(scenario(file, { duration: '6 h' }));
      sim.advanceTo(3);
      const first = sim.observe();
      const again = sim.observe();
      const byWrites = observe(sim.composed, sim.time_h, sim.state, {});
      expect(Object.keys(first)).toEqual(Object.keys(byWrites));
      expect(Object.keys(again)).toEqual(Object.keys(byWrites));
      expect(again).toEqual(byWrites);
    }
  });
});

describe('the output grid', () => {
  // k·interval below the duration, then the duration: ⌈d/i⌉ + 1 times when d/i is not whole, d/i + 1 when it is
  it.each([
    [24, 0.25, 97],
    [24, 1 / 60, 1441],
    [10, 0.3, 35],
    [1, 0.4, 4],
    [0.1, 1, 2],
  ])('%s h at %s h holds %s samples', (duration_h, interval_h, n) => {
    expect(gridSamples(interval_h, duration_h)).toBe(n);
  });
  it('a run records exactly the samples its grid was sized for (its series are the full columns)', () => {
    const r = simulate(scenario(DEFAULT_ECMO, { duration: '10 h', outputInterval: '18 min' }));
    expect(r.series.time_h.length).toBe(35);
    expect(r.series.time_h.at(-1)).toBe(10);
    expect(r.series.time_h.at(-2)).toBeCloseTo(9.9, 12);
    expect(Array.from(r.series.il6_pg_mL).every(Number.isFinite)).toBe(true);
  });
  it('the milestone the summary reads is its own record, not the one later samples overwrite', () => {
    const r = simulate(scenario(DEFAULT_ECMO, { duration: '30 h' }));
    const i = r.series.time_h.indexOf(24);
    expect(r.summary.il6_change_pg_mL).toBe(r.series.il6_pg_mL[i] - r.summary.il6_baseline_pg_mL);
    expect(r.summary.map_at_change_mmHg).toBe(r.series.map_mmHg[i]);
  });
});
