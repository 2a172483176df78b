/**
 * The built command line (dist/cli/, scripts/buildCli.mjs; test/helpers/buildCliBundle.ts builds it from the current
 * sources before the tests): it starts, runs a scenario to the byte the same as the sources do in-process, and its
 * sweep workers start from their own built entry.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';

const CLI = 'dist/cli/cli.js';
const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const dir = mkdtempSync(join(tmpdir(), 'sim-bundle-'));
const bundle = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 600_000 });
afterEach(() => vi.restoreAllMocks());

describe('the built command line', () => {
  it('--help lists every command', () => {
    const r = bundle(['--help']);
    expect(r.status, r.stderr).toBe(0);
    for (const command of ['run', 'cohort', 'sweep', 'merge', 'plot', 'sensitivity', 'schema']) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('run writes the same file as the sources in-process', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const fromSource = join(dir, 'source.json');
    const fromBundle = join(dir, 'bundle.json');
    expect(await main(['run', SCENARIO, '--hours', '6', '--out', fromSource])).toBe(0);
    const r = bundle(['run', SCENARIO, '--hours', '6', '--out', fromBundle]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(fromBundle, 'utf8')).toBe(readFileSync(fromSource, 'utf8'));
  });

  it('sweep runs on workers started from the built worker entry', () => {
    const out = join(dir, 'sweep.csv');
    const r = bundle([
      'sweep',
      SCENARIO,
      '--vary',
      'prescription.effluentDose=30 mL/kg/h..40 mL/kg/h:10 mL/kg/h',
      '--hours',
      '1',
      '--workers',
      '1',
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^# sweep \{/); // the sweep's identity (sim/sweep/sweepIdentity.ts)
    expect(lines[1]).toMatch(/^run_id,prescription\.effluentDose_mL_kg_h,/);
    expect(lines[2]).toMatch(/^0,30,-?\d/);
    expect(lines[3]).toMatch(/^1,40,-?\d/);
  });
});
