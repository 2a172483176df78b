/**
 * `sweep --overwrite` never loses finished work before the new work exists (issue 15): a sweep killed at several
 * points leaves either the old complete results or the new sweep's (resumable) ones under the name, never neither;
 * SIGTERM removes its partial file, and one left by a SIGKILL is removed by the next run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';
import { readResults } from '../sim/sweep/resultsFile.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-overwrite-'));
const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const VARY = ['--vary', 'prescription.effluentDose=30 mL/kg/h..60 mL/kg/h:10 mL/kg/h'];
const results = join(dir, 'results.csv');
const read = (file: string) => readFileSync(file, 'utf8');
const partials = () => readdirSync(dir).filter((n) => n.startsWith('results.csv.partial-'));
afterEach(() => vi.restoreAllMocks());

let old: string;
// 4 runs of 0.25 h on one worker: measured 8 s on a 2-core machine shared with four other jobs; 60 s for a busier one.
beforeAll(async () => {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(await main(['sweep', SCENARIO, ...VARY, '--hours', '0.25', '--workers', '1', '--quiet', '--out', results])).toBe(0);
  old = read(results);
}, 60_000);

/** `sweep --overwrite` of another sweep (2 h per run) as a child process, as a user starts it. */
function overwrite(): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'sim/cli.ts', 'sweep', SCENARIO, ...VARY, '--hours', '2', '--workers', '1', '--overwrite', '--quiet', '--out', results],
    {
      stdio: 'ignore',
    },
  );
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > 600_000) throw new Error(`waited 10 min for ${what}`); // a hang, not slowness
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const ended = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await ended;
}

describe('sweep --overwrite killed at several points leaves the old complete file or the new one, never neither', () => {
  it('SIGKILL at once: the old file', async () => {
    const child = overwrite();
    await kill(child, 'SIGKILL');
    expect(read(results)).toBe(old);
  });

  it('SIGKILL while the new sweep is in its partial file (before its first row): the old file; the partial is left', async () => {
    const child = overwrite();
    await until(() => partials().length > 0, 'the partial file');
    await kill(child, 'SIGKILL');
    expect(read(results)).toBe(old);
    expect(partials()).toEqual([`results.csv.partial-${child.pid}`]);
  });

  it('SIGTERM at the same point: the old file, and the partial file (and the stale one of the killed run) removed', async () => {
    const child = overwrite();
    await until(() => partials().some((n) => n.endsWith(`-${child.pid}`)), 'the partial file');
    expect(partials()).toEqual([`results.csv.partial-${child.pid}`]); // the dead run's partial was removed on start
    await kill(child, 'SIGTERM');
    expect(child.exitCode).toBe(143);
    expect(read(results)).toBe(old);
    expect(partials()).toEqual([]);
  }, 120_000);

  it('SIGKILL after the first new row: the new sweep, complete rows under its identity, which a rerun resumes', async () => {
    const child = overwrite();
    await until(() => {
      try {
        const r = readResults(results);
        return typeof r.identity !== 'string' && r.identity.hours === 2 && r.rows.size > 0;
      } catch {
        return false; // a row being appended
      }
    }, 'the first row of the new sweep');
    await kill(child, 'SIGKILL');
    const r = readResults(results);
    expect(typeof r.identity !== 'string' && r.identity.hours).toBe(2);
    expect(r.rows.size).toBeGreaterThan(0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['sweep', SCENARIO, ...VARY, '--hours', '2', '--workers', '1', '--quiet', '--out', results])).toBe(0);
    expect(readResults(results).rows.size).toBe(4);
  }, 120_000);
});
