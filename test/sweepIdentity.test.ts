/**
 * A sweep's identity (issue 15): the results file's first line records what made it (scenario content, hours, --vary,
 * design, samples, seed, simulator version); a resume or a merge of a different sweep is refused with exit 2 naming
 * what differs, and a merge that lacks runs of the sweep (a shard missing or cut short) names them and exits 2 unless
 * --allow-missing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sim, stderr } from './helpers/cliInProcess.js';
import { parseResultsCsv } from '../sim/plot/resultsTable.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-sweep-identity-'));
const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const VARY = 'prescription.effluentDose=30 mL/kg/h..50 mL/kg/h';
const SWEEP = ['--design', 'lhs', '--samples', '4', '--seed', '3', '--vary', VARY, '--hours', '0.5'];
const out = (name: string) => join(dir, name);
const read = (file: string) => readFileSync(file, 'utf8');

let base: string;
// One 4-run sweep of 0.5 h on one worker: measured 9.5 s on a 2-core machine shared with four other jobs
// (a worker thread takes 3–7 s to start there); 60 s leaves room for a busier machine.
beforeAll(async () => {
  expect(await sim(['sweep', SCENARIO, ...SWEEP, '--workers', '1', '--quiet', '--out', out('base.csv')])).toBe(0);
  base = read(out('base.csv'));
}, 60_000);

/** The base file with its identity line changed. */
function withIdentity(name: string, change: (id: Record<string, unknown>) => void, keep: (id: number) => boolean = () => true): string {
  const [first, header, ...rows] = base.trim().split('\n');
  const id = JSON.parse(first.slice('# sweep '.length)) as Record<string, unknown>;
  change(id);
  const kept = rows.filter((r) => keep(Number(r.split(',')[0])));
  writeFileSync(out(name), [`# sweep ${JSON.stringify(id)}`, header, ...kept, ''].join('\n'));
  return out(name);
}

describe('sweep: the results file records what made it', () => {
  it('its first line is the identity: scenario content hash, calibration, hours, vary, design, samples, seed, runs, simulator version', () => {
    const id = JSON.parse(base.split('\n')[0].slice('# sweep '.length));
    expect(id).toMatchObject({
      hours: 0.5,
      vary: [VARY],
      design: 'lhs',
      samples: 4,
      seed: 3,
      runs: 4,
      shard: null,
      scenario: { file: 'ecmo-hvhf-default.json' },
    });
    expect(id.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(id.calibration.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(id.calibration.sha256).not.toBe(id.scenario.sha256); // the resolved settings, not the file's text
    expect(id.outcomes.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(id.simulator).toBe(JSON.parse(read('package.json')).version);
    expect(base.split('\n')[1]).toMatch(/^run_id,/);
  });

  it('plot and the explorer page (parseResultsCsv) read past the identity line', () => {
    const t = parseResultsCsv(base, 'base.csv');
    expect(t.parameters).toEqual(['prescription.effluentDose_mL_kg_h']);
    expect(t.rows.map((r) => r.run_id)).toEqual([0, 1, 2, 3]);
  });
});

describe('sweep: a resume of a different sweep is refused with exit 2 naming what differs, and the file is kept', () => {
  const heavier = out('heavier.json');
  beforeAll(() => {
    const s = JSON.parse(read(SCENARIO));
    s.calibration = resolve('scenarios/cohort/calibration.json'); // the copy sits elsewhere: its reference made absolute
    s.patient = { ...s.patient, weight: '100 kg' };
    writeFileSync(heavier, JSON.stringify(s));
  });
  const replace = (args: string[], option: string, value: string) => args.map((a, i) => (args[i - 1] === option ? value : a));
  const cases: [string, () => string[], RegExp][] = [
    ['hours', () => [SCENARIO, ...replace(SWEEP, '--hours', '1')], /--hours: this results file was made with 0\.5 h, the resume asks for 1 h/],
    [
      'scenario content',
      () => [heavier, ...SWEEP],
      /scenario content: this results file was made with ecmo-hvhf-default\.json \(sha256 [0-9a-f]{12}…\), the resume asks for heavier\.json \(sha256 [0-9a-f]{12}…\)/,
    ],
    [
      'vary',
      () => [SCENARIO, ...replace(SWEEP, '--vary', 'prescription.effluentDose=30 mL/kg/h..60 mL/kg/h')],
      /--vary: this results file was made with "prescription\.effluentDose=30 mL\/kg\/h\.\.50 mL\/kg\/h", the resume asks for "prescription\.effluentDose=30 mL\/kg\/h\.\.60 mL\/kg\/h"/,
    ],
    [
      'design',
      () => [SCENARIO, '--vary', 'prescription.effluentDose=30 mL/kg/h..50 mL/kg/h:10 mL/kg/h', '--hours', '0.5'],
      /--design: this results file was made with lhs, the resume asks for grid/,
    ],
    ['samples', () => [SCENARIO, ...replace(SWEEP, '--samples', '5')], /--samples: this results file was made with 4, the resume asks for 5/],
    ['seed', () => [SCENARIO, ...replace(SWEEP, '--seed', '4')], /--seed: this results file was made with 3, the resume asks for 4/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    expect(await sim(['sweep', ...args(), '--workers', '1', '--out', out('base.csv')])).toBe(2);
    expect(stderr()).toMatch(/--out: .*base\.csv holds the results of a different sweep/);
    expect(stderr()).toMatch(message);
    expect(stderr()).not.toMatch(/\n\s+at /); // no stack trace
    expect(read(out('base.csv'))).toBe(base);
  });

  it('calibration: a file made when a calibrated default resolved otherwise (a refit) is refused', async () => {
    // the same scenario file and options; only the resolved settings' hash differs, as after `npm run calibrate:filter`
    const refit = withIdentity('refit.csv', (id) => (id.calibration = { sha256: 'e'.repeat(64) }));
    const before = read(refit);
    expect(await sim(['sweep', SCENARIO, ...SWEEP, '--workers', '1', '--out', refit])).toBe(2);
    expect(stderr()).toMatch(
      /calibration \(the defaults and calibrated values the runs resolve to\): this results file was made with resolved settings sha256 eeeeeeeeeeee…, the resume asks for resolved settings sha256 [0-9a-f]{12}…/,
    );
    expect(read(refit)).toBe(before);
  });

  it('outcome columns: a file of another column set (an older version, or one measured otherwise) is refused', async () => {
    // the same sweep in every option; only the outcome columns' hash differs (older files have none at all)
    for (const [name, change, says] of [
      ['older-columns.csv', (id: Record<string, unknown>) => delete id.outcomes, /none recorded \(an older column set\)/],
      ['other-columns.csv', (id: Record<string, unknown>) => (id.outcomes = { sha256: 'd'.repeat(64) }), /outcome columns sha256 dddddddddddd…/],
    ] as const) {
      const file = withIdentity(name, change);
      const before = read(file);
      expect(await sim(['sweep', SCENARIO, ...SWEEP, '--workers', '1', '--out', file])).toBe(2);
      expect(stderr()).toMatch(/outcome columns \(their names and how they are measured\): this results file was made with /);
      expect(stderr()).toMatch(says);
      expect(read(file)).toBe(before);
    }
  });

  it('a results file without an identity line (older, or hand-made) is refused, not trusted', async () => {
    writeFileSync(out('old.csv'), base.split('\n').slice(1).join('\n'));
    expect(await sim(['sweep', SCENARIO, ...SWEEP, '--workers', '1', '--out', out('old.csv')])).toBe(2);
    expect(stderr()).toMatch(/old\.csv holds the results of a different sweep.*\n.*its first line is not a sweep identity/);
  });
});

describe('merge: shards of different sweeps are refused with exit 2 naming what differs', () => {
  const cases: [string, (id: Record<string, unknown>) => void, RegExp][] = [
    ['hours', (id) => (id.hours = 24), /--hours: .*base\.csv was made with 0\.5 h, .*other\.csv with 24 h/],
    [
      'scenario content',
      (id) => (id.scenario = { file: 'heavier.json', sha256: 'f'.repeat(64) }),
      /scenario content: .*ecmo-hvhf-default\.json .*heavier\.json \(sha256 ffffffffffff…\)/,
    ],
    [
      'vary',
      (id) => (id.vary = ['prescription.effluentDose=25 mL/kg/h..65 mL/kg/h']),
      /--vary: .*"prescription\.effluentDose=30 mL\/kg\/h\.\.50 mL\/kg\/h", .*"prescription\.effluentDose=25 mL\/kg\/h\.\.65 mL\/kg\/h"/,
    ],
    ['design', (id) => ((id.design = 'grid'), (id.samples = null), (id.seed = null)), /--design: .* lhs, .* grid/],
    ['seed', (id) => (id.seed = 4), /--seed: .* 3, .* 4/],
    [
      'calibration',
      (id) => (id.calibration = { sha256: 'e'.repeat(64) }),
      /calibration \(.*\): .*base\.csv was made with resolved settings sha256 [0-9a-f]{12}…, .*other\.csv with resolved settings sha256 eeeeeeeeeeee…/,
    ],
    ['simulator version', (id) => (id.simulator = '0.0.9'), /simulator version: .* 0\.0\.9/],
  ];
  it.each(cases)('%s', async (_, change, message) => {
    const other = withIdentity('other.csv', change);
    expect(await sim(['merge', out('base.csv'), other, '--out', out('merged-bad.csv')])).toBe(2);
    expect(stderr()).toMatch(/merge: .*other\.csv is not a shard of the same sweep as .*base\.csv/);
    expect(stderr()).toMatch(message);
    expect(existsSync(out('merged-bad.csv'))).toBe(false);
  });
});

describe('merge: runs of the sweep in no file are named, and the merge exits 2 unless --allow-missing', () => {
  // shard 1/2 holds runs 0 and 2; shard 2/2 holds 1 and 3, but was cut short after run 1
  const shard1 = () =>
    withIdentity(
      'shard1.csv',
      (id) => (id.shard = '1/2'),
      (r) => r % 2 === 0,
    );
  const cutShard2 = () =>
    withIdentity(
      'shard2-cut.csv',
      (id) => (id.shard = '2/2'),
      (r) => r === 1,
    );

  it('a shard cut short: its last run is named and nothing is written', async () => {
    expect(await sim(['merge', shard1(), cutShard2(), '--out', out('merged-cut.csv')])).toBe(2);
    expect(stderr()).toMatch(/merge: 1 run id missing \(3\) of the sweep's 4: rerun their shards \(they resume\), or pass --allow-missing/);
    expect(existsSync(out('merged-cut.csv'))).toBe(false);
  });

  it('a shard missing altogether: its runs are named', async () => {
    expect(await sim(['merge', shard1(), '--out', out('merged-half.csv')])).toBe(2);
    expect(stderr()).toMatch(/2 run ids missing \(1, 3\)/);
  });

  it('--allow-missing writes what there is, and still names the missing runs', async () => {
    expect(await sim(['merge', shard1(), cutShard2(), '--allow-missing', '--quiet', '--out', out('merged-some.csv')])).toBe(0);
    expect(stderr()).toMatch(/1 run id missing \(3\)/);
    expect(
      read(out('merged-some.csv'))
        .split('\n')
        .slice(2, -1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['0', '1', '2']);
  });

  it('complete shards merge into the bytes of the unsharded sweep', async () => {
    const shard2 = withIdentity(
      'shard2.csv',
      (id) => (id.shard = '2/2'),
      (r) => r % 2 === 1,
    );
    expect(await sim(['merge', shard2, shard1(), '--out', out('merged.csv')])).toBe(0);
    expect(read(out('merged.csv'))).toBe(base);
  });
});
