/**
 * The Pareto front of a sweep (sim/sweep/pareto.ts): hand-made points whose front is known (ties, duplicates, three
 * objectives, max and min), a real dose sweep (a higher dose that removes less IL-6 is dominated), and
 * `sim plot --kind front` drawing dominated runs grey and writing the front as CSV and JSON.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dominatedFlags, dominates, paretoFront, parseObjectives, type Direction } from '../sim/sweep/pareto.js';
import { runOne } from '../sim/sweep/runTask.js';
import { calibratedScenarioText } from '../sim/scenario/loadFile.js';
import type { RunMetrics } from '../sim/sweep/runMetrics.js';
import { sim, stderr } from './helpers/cliInProcess.js';
import { syntheticResults } from './helpers/syntheticResults.js';

const MAX2: Direction[] = ['max', 'max'];

describe('dominance, on hand-made points', () => {
  it('a point is dominated when another is at least as good in every objective and better in one', () => {
    expect(dominates([2, 2], [1, 2])).toBe(true);
    expect(dominates([2, 2], [2, 2])).toBe(false); // equal: no one is better
    expect(dominates([2, 1], [1, 2])).toBe(false); // a trade-off
  });

  it('two objectives maximised: the staircase of the upper right', () => {
    const points = [
      [1, 5], // front
      [2, 4], // front
      [2, 3], // dominated by [2, 4]
      [4, 1], // front
      [1, 1], // dominated
      [3, 3], // front
    ];
    expect(dominatedFlags(points, MAX2)).toEqual([false, false, true, false, true, false]);
  });

  it('minimising is maximising the negated value', () => {
    const points = [
      [1, 5],
      [2, 4],
      [2, 3],
      [4, 1],
    ];
    // x min, y max: [1, 5] beats all (least x, most y)
    expect(dominatedFlags(points, ['min', 'max'])).toEqual([false, true, true, true]);
    // x max, y min: [4, 1] beats all
    expect(dominatedFlags(points, ['max', 'min'])).toEqual([true, true, true, false]);
  });

  it('ties in one objective: the better in the other dominates; duplicates are both on the front', () => {
    const points = [
      [3, 1],
      [3, 2], // same x, better y: dominates [3, 1]
      [1, 4],
      [1, 4], // a duplicate: neither dominates the other
    ];
    expect(dominatedFlags(points, MAX2)).toEqual([true, false, false, false]);
  });

  it('three objectives: a point best in none can still be on the front', () => {
    const points = [
      [3, 0, 0],
      [0, 3, 0],
      [0, 0, 3],
      [2, 2, 2], // not best in any, dominated by none
      [1, 1, 1], // dominated by [2, 2, 2]
      [2, 2, 1], // dominated by [2, 2, 2]
    ];
    expect(dominatedFlags(points, ['max', 'max', 'max'])).toEqual([false, false, false, false, true, true]);
  });

  it('agrees with the definition checked pair by pair on scattered points', () => {
    // a deterministic scatter with ties (values on a coarse grid)
    const points = Array.from({ length: 200 }, (_, i) => [(i * 37) % 11, (i * 53) % 7, (i * 29) % 5]);
    const dirs: Direction[] = ['max', 'min', 'max'];
    const gain = (p: number[]) => p.map((v, j) => (dirs[j] === 'max' ? v : -v));
    const byPairs = points.map((p, i) => points.some((q, k) => k !== i && dominates(gain(q), gain(p))));
    expect(dominatedFlags(points, dirs)).toEqual(byPairs);
  });

  it('rows without a value in an objective are left out and counted', () => {
    const rows = [
      { a: 1, b: 2 },
      { a: null, b: 3 },
      { a: 2, b: 1 },
    ];
    const front = paretoFront(rows, parseObjectives('a:max,b:max', ['a', 'b']));
    expect(front.leftOut).toBe(1);
    expect(front.runs.map((r) => r.dominated)).toEqual([false, false]);
  });
});

describe('objectives as text', () => {
  const columns = ['run_id', 'il6_change_pct', 'albumin_lost_g', 'membrane_life_h', 'error'];
  it('reads two or three columns with max or min', () => {
    expect(parseObjectives('il6_change_pct:min, membrane_life_h:max', columns)).toEqual([
      { column: 'il6_change_pct', direction: 'min' },
      { column: 'membrane_life_h', direction: 'max' },
    ]);
  });
  it.each([
    ['il6_change_pct:min', /got 1 objective; expected 2 or 3/],
    ['il6_change_pct:min,albumin_lost_g:min,membrane_life_h:max,run_id:max', /got 4 objectives; expected 2 or 3/],
    ['il6_change_pct:most,albumin_lost_g:min', /got "il6_change_pct:most"; expected a column, a colon and max or min/],
    ['il6:min,albumin_lost_g:min', /no column "il6" in the results; its columns are il6_change_pct, albumin_lost_g, membrane_life_h$/],
    ['albumin_lost_g:min,albumin_lost_g:max', /albumin_lost_g is named twice/],
  ])('%s is refused, naming the field and what was expected (no command-line flag)', (text, message) => {
    expect(() => parseObjectives(text, columns)).toThrow(message);
    try {
      parseObjectives(text, columns);
    } catch (e) {
      expect((e as Error).message).toMatch(/^objectives: 1 problem/);
      expect((e as Error).message).not.toMatch(/--/);
    }
  });
});

describe('on a real dose sweep (24 h, bundled scenario): a higher dose that removes less IL-6 is dominated', () => {
  const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
  const text = calibratedScenarioText(readFileSync(SCENARIO, 'utf8'), SCENARIO);
  const doses = [55, 60, 65];
  let rows: (RunMetrics & { dose: number })[];
  // three 24 h runs whose filters reach the TMP limit before 24 h (no membrane-life run needed): ~2 s alone
  beforeAll(() => {
    rows = doses.map((dose) => {
      const o = runOne(
        { text, source: SCENARIO, hours: 24, membraneLife: true },
        { id: dose, overrides: [{ path: 'prescription.effluentDose', value: `${dose} mL/kg/h` }] },
      );
      if ('error' in o) throw new Error(o.error);
      return { ...o.metrics, dose };
    });
  }, 120_000);

  it('65 mL/kg/h removes less IL-6 than 60, and its membrane reaches the TMP limit sooner', () => {
    const [, at60, at65] = rows;
    expect(at65.il6_change_pct!).toBeGreaterThan(at60.il6_change_pct!); // less negative: less removed
    expect(at65.membrane_life_h!).toBeLessThan(at60.membrane_life_h!);
  });

  it('over IL-6 removed and effluent bags per day, 65 is dominated by 60, which is on the front', () => {
    const front = paretoFront(rows, parseObjectives('il6_change_pct:min,bags_per_day:min', Object.keys(rows[0])));
    const marked = Object.fromEntries(front.runs.map((r) => [r.row.dose, r.dominated]));
    expect(marked[65]).toBe(true);
    expect(marked[60]).toBe(false);
  });

  it('over IL-6 removed and membrane life, likewise', () => {
    const front = paretoFront(rows, parseObjectives('il6_change_pct:min,membrane_life_h:max', Object.keys(rows[0])));
    const marked = Object.fromEntries(front.runs.map((r) => [r.row.dose, r.dominated]));
    expect(marked[65]).toBe(true);
    expect(marked[60]).toBe(false);
  });
});

describe('sim plot --kind front', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-front-'));
  const path = (name: string) => join(dir, name);
  writeFileSync(path('results.csv'), syntheticResults(5)); // run 5 failed
  // synthetic: IL-6 change −dose·(1 − 0.2·pre), filter life 30 − dose/3: each dose's predilution 0 is best in IL-6
  const OBJ = 'il6_change_pct:min,mean_filter_life_h:max';

  it('draws the front coloured and the dominated runs grey, and writes the front as CSV and as JSON', async () => {
    expect(await sim(['plot', path('results.csv'), '--kind', 'front', '--objectives', OBJ, '--out', path('front.svg'), '--front', path('front.csv')])).toBe(0);
    const svg = readFileSync(path('front.svg'), 'utf8');
    expect(svg).toContain('fill="#c8c8c8"');
    expect(svg).toMatch(/less is better/);
    expect(svg).toMatch(/more is better/);
    const csv = readFileSync(path('front.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(`# front ${JSON.stringify({ objectives: OBJ })}`);
    expect(csv[1]).toMatch(/^run_id,prescription\.effluentDose_mL_kg_h,/);
    // the front: predilution 0 at each dose (for each dose it removes the most, and the filter lives as long)
    const front = csv.slice(2).map((l) => l.split(','));
    expect(front.map((f) => [Number(f[1]), Number(f[2])])).toEqual([
      [60, 0],
      [50, 0],
      [40, 0],
      [30, 0],
    ]);
    expect(stderr()).toMatch(/11 runs drawn, 1 left out .*; 4 on the front, 7 dominated/);

    expect(
      await sim(['plot', path('results.csv'), '--kind', 'front', '--objectives', OBJ, '--out', path('front2.svg'), '--front', path('front.json'), '--quiet']),
    ).toBe(0);
    const json = JSON.parse(readFileSync(path('front.json'), 'utf8'));
    expect(json).toMatchObject({ runs_considered: 11, on_front: 4, dominated: 7, left_out: 1 });
    expect(json.front.map((r: Record<string, number>) => r['prescription.effluentDose_mL_kg_h'])).toEqual([60, 50, 40, 30]);
  });

  it('bad objectives: exit 2 naming --objectives, no file', async () => {
    expect(await sim(['plot', path('results.csv'), '--kind', 'front', '--objectives', 'il6_change_pct:min', '--out', path('bad.svg')])).toBe(2);
    expect(stderr()).toMatch(/--objectives: got 1 objective; expected 2 or 3/);
    expect(existsSync(path('bad.svg'))).toBe(false);
    expect(await sim(['plot', path('results.csv'), '--kind', 'front', '--out', path('bad.svg')])).toBe(2);
    expect(stderr()).toMatch(/a front needs 2 or 3 objectives/);
    expect(await sim(['plot', path('results.csv'), '--kind', 'heatmap', '--front', path('f.csv'), '--out', path('bad.svg')])).toBe(2);
    expect(stderr()).toMatch(/--front: writes the runs on a Pareto front: use it with --kind front/);
    expect(existsSync(path('bad.svg'))).toBe(false);
  });
});
