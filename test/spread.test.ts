/**
 * Patient spread (sim/sweep/spread.ts, `sim spread`): each outcome's median and interquartile range per
 * prescription over a cohort arm's virtual patients. The quantiles against their definition (Hyndman & Fan 7, as
 * R's quantile() and NumPy's percentile() give them); two doses on the same patients: medians and IQRs shown side
 * by side, IQR ≥ 0, the higher dose removing more IL-6 at the median, the same output on a second run.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { quantileSorted, spreadOf } from '../sim/sweep/spread.js';
import { METRIC_COLUMNS } from '../sim/sweep/runMetrics.js';
import { sim, stderr } from './helpers/cliInProcess.js';

describe('quantiles (Hyndman & Fan definition 7)', () => {
  it('interpolate linearly between order statistics', () => {
    // R: quantile(c(1, 2, 3, 4)) → 1.00 1.75 2.50 3.25 4.00
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted([1, 2, 3, 4], p))).toEqual([1, 1.75, 2.5, 3.25, 4]);
    // an odd count: the median is the middle value
    expect(quantileSorted([3, 7, 10], 0.5)).toBe(7);
  });
  it('leave out missing values, and have no spread without any', () => {
    expect(spreadOf([4, null, 1, NaN, 2, 3])).toEqual({ median: 2.5, q1: 1.75, q3: 3.25, iqr: 1.5, n: 4 });
    expect(spreadOf([null, null])).toBeNull();
    expect(spreadOf([5])).toEqual({ median: 5, q1: 5, q3: 5, iqr: 0, n: 1 });
  });
});

describe('sim spread: two doses on the same virtual patients', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-spread-'));
  const path = (name: string) => join(dir, name);
  writeFileSync(path('dose30.json'), JSON.stringify({ prescription: { effluentDose: '30 mL/kg/h' } }));
  writeFileSync(path('dose60.json'), JSON.stringify({ prescription: { effluentDose: '60 mL/kg/h' } }));
  const ARGS = ['spread', '--prescription', path('dose30.json'), '--prescription', path('dose60.json')];
  const ARM = ['--arm', 'scenarios/cohort/ecmo-hvhf.json', '--patients', '3', '--hours', '6', '--workers', '1', '--quiet'];
  let json: string;
  // 2 × 3 runs of 6 h and their membrane-life runs on one worker: ~20 s on a 2-core machine shared with other jobs
  beforeAll(async () => {
    expect(await sim([...ARGS, ...ARM, '--format', 'json', '--out', path('a.json')])).toBe(0);
    json = readFileSync(path('a.json'), 'utf8');
  }, 180_000);

  it('gives every outcome a median and an interquartile range per prescription, IQR ≥ 0', () => {
    const r = JSON.parse(json);
    expect(r).toMatchObject({ arm: 'ECMO + HVHF', patients: 3, hours: 6 });
    expect(r.prescriptions.map((p: { name: string }) => p.name)).toEqual(['dose30', 'dose60']);
    for (const p of r.prescriptions) {
      expect(p.failed).toBe(0);
      // the patient at 24 h is not reached in 6 h runs: no spread (the sweep's *_24h_* columns are empty)
      for (const c of ['map_24h_mmHg', 'anti_xa_24h_U_mL']) expect(p.outcomes[c] ?? null, c).toBeNull();
      for (const c of ['il6_change_pct', 'albumin_lost_g', 'membrane_life_h']) {
        const s = p.outcomes[c];
        expect(s.n, c).toBe(3);
        expect(s.iqr, c).toBeGreaterThanOrEqual(0);
        expect(s.q1, c).toBeLessThanOrEqual(s.median);
        expect(s.median, c).toBeLessThanOrEqual(s.q3);
      }
    }
    const [low, high] = r.prescriptions;
    expect(high.outcomes.il6_change_pct.median).toBeLessThan(low.outcomes.il6_change_pct.median); // more removed
    expect(high.outcomes.membrane_life_h.median).toBeLessThan(low.outcomes.membrane_life_h.median);
  });

  it('is deterministic: the same patients (the arm seed) and the same results on a second run', async () => {
    expect(await sim([...ARGS, ...ARM, '--format', 'json'].concat(['--out', path('b.json')]))).toBe(0);
    expect(readFileSync(path('b.json'), 'utf8')).toBe(json);
  }, 180_000);

  it('prints the table: each outcome a line, each prescription its median [Q1, Q3]; CSV one line per outcome and prescription', () => {
    const r = JSON.parse(json);
    // the same result, formatted: run the formatters on it rather than simulate again
    return import('../sim/sweep/spreadReport.js').then(({ spreadTable, spreadCsv }) => {
      const table = spreadTable(r);
      expect(table).toMatch(/^Patient spread: ECMO \+ HVHF, 3 virtual patients, 6 h; median \[Q1, Q3\] per prescription/);
      expect(table).toMatch(/dose30: prescription\.effluentDose = 30 mL\/kg\/h/);
      expect(table).toMatch(/\nil6_change_pct\s+-?[\d.]+ \[-?[\d.]+, -?[\d.]+\]\s+-?[\d.]+ \[-?[\d.]+, -?[\d.]+\]\n/);
      const csv = spreadCsv(r).trim().split('\n');
      expect(csv[0]).toBe('outcome,prescription,n,median,q1,q3,iqr');
      expect(csv).toHaveLength(1 + 2 * METRIC_COLUMNS.length);
    });
  });

  it('a prescription file that sets nothing, or a missing --prescription: exit 2 with what was expected', async () => {
    writeFileSync(path('empty.json'), '{}');
    expect(await sim(['spread', '--prescription', path('empty.json'), ...ARM])).toBe(2);
    expect(stderr()).toMatch(/expected a part of a scenario with at least one setting/);
    expect(await sim(['spread', ...ARM])).toBe(2);
  });
});

// QA finding 7: every run failing exited 0 with a table of dashes, blaming a --set that was never given
describe('sim spread: prescriptions no run can take', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-spread-bad-'));
  const path = (name: string) => join(dir, name);
  const ARM = ['--arm', 'scenarios/cohort/ecmo-hvhf.json', '--patients', '2', '--hours', '0.1', '--workers', '1'];

  it('a misspelt field: exit 2 before any run, naming the prescription file and the field, not --set', async () => {
    writeFileSync(path('typo.json'), JSON.stringify({ prescription: { efluentDose: '70 mL/kg/h' } }));
    expect(await sim(['spread', '--prescription', path('typo.json'), ...ARM, '--out', path('typo-out.txt')])).toBe(2);
    const err = stderr();
    expect(err).toContain(`${path('typo.json')}: 1 problem`);
    expect(err).toMatch(/prescription\.efluentDose: unknown field \(did you mean "prescription\.effluentDose"\?\)/);
    expect(err).not.toMatch(/--set/);
    expect(existsSync(path('typo-out.txt'))).toBe(false);
  });

  it("a value every run refuses: exit 2 with the first run's own message naming the field, and no table", async () => {
    writeFileSync(path('unit.json'), JSON.stringify({ prescription: { effluentDose: '70 mmHg' } }));
    expect(await sim(['spread', '--prescription', path('unit.json'), ...ARM, '--out', path('unit-out.txt')])).toBe(2);
    const err = stderr();
    expect(err).toMatch(/every run \(2 of 2\) failed/);
    expect(err).toMatch(/prescription\.effluentDose: got "70 mmHg": wrong dimension/);
    expect(existsSync(path('unit-out.txt'))).toBe(false);
  });
});
