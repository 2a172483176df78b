/**
 * Options every command shares (issue 15): --out/--overwrite/--quiet defined once, `--out -` is standard output (no
 * file named "-"), a stale partial file of a dead process is removed by the next write, --version prints the
 * package's version, and an unquoted --set value with a space gets a hint to quote it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram, main } from '../sim/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-options-'));
const SCENARIO = 'scenarios/ecmo-hvhf-default.json';
const written = (stream: NodeJS.WriteStream) =>
  vi
    .mocked(stream.write)
    .mock.calls.map((c) => String(c[0]))
    .join('');
afterEach(() => vi.restoreAllMocks());

function mute(): void {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
}

describe('the output options', () => {
  it('every command that writes a result has --out and --overwrite, and every command with a summary line --quiet', () => {
    // the relay is a server: it writes no result
    for (const c of buildProgram().commands.filter((c) => c.name() !== 'relay')) {
      const flags = c.options.map((o) => o.long);
      expect(flags, c.name()).toEqual(expect.arrayContaining(['--out', '--overwrite']));
      if (!['cohort', 'schema'].includes(c.name())) expect(flags, c.name()).toContain('--quiet');
    }
  });

  it('--out - writes to standard output, not to a file named "-"', async () => {
    mute();
    expect(await main(['schema', '--out', '-'])).toBe(0);
    expect(JSON.parse(written(process.stdout))).toHaveProperty('properties');
    expect(existsSync('-')).toBe(false);
  });

  it('run --out - writes the run to standard output', async () => {
    mute();
    expect(await main(['run', SCENARIO, '--hours', '0.1', '--out', '-', '--quiet'])).toBe(0);
    expect(JSON.parse(written(process.stdout)).summary.duration_h).toBe(0.1);
    expect(existsSync('-')).toBe(false);
  });

  // one run of 0.1 h on one worker: measured 8 s on a 2-core machine shared with four other jobs (the worker's start)
  it('sweep --out - writes the finished results, identity line first, to standard output', async () => {
    mute();
    const args = ['sweep', SCENARIO, '--vary', 'prescription.effluentDose=30 mL/kg/h..30 mL/kg/h:10 mL/kg/h', '--hours', '0.1', '--workers', '1'];
    expect(await main([...args, '--out', '-', '--quiet'])).toBe(0);
    const lines = written(process.stdout).trim().split('\n');
    expect(lines[0]).toMatch(/^# sweep \{/);
    expect(lines[1]).toMatch(/^run_id,/);
    expect(lines.slice(2).map((l) => l.split(',')[0])).toEqual(['0']);
    expect(existsSync('-')).toBe(false);
  }, 60_000);

  it('a partial file left by a process that died is removed by the next write of the same file', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const out = join(dir, 'schema.json');
    writeFileSync(`${out}.partial-${dead}`, 'half a file');
    writeFileSync(`${out}.partial-${process.ppid}`, 'a live process is writing it'); // vitest's own process: alive
    mute();
    expect(await main(['schema', '--out', out])).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['schema.json', `schema.json.partial-${process.ppid}`]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('properties');
  });
});

describe('small things', () => {
  it('--version prints the version in package.json', async () => {
    mute();
    expect(await main(['--version'])).toBe(0);
    expect(written(process.stdout).trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('an unquoted --set value with a space: a hint to quote it, exit 2', async () => {
    mute();
    expect(await main(['run', SCENARIO, '--set', 'prescription.effluentDose=30', 'mL/kg/h'])).toBe(2);
    expect(written(process.stderr)).toMatch(/too many arguments/);
    expect(written(process.stderr)).toMatch(/hint: a value with spaces must be quoted, as one word: --set "prescription\.effluentDose=30 mL\/kg\/h"/);
  });
});
