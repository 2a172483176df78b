/**
 * `--out new-folder/file`: every command creates the missing folder when it writes and says so (a fresh clone has
 * no out/ for `npm start`, no results/ for a cluster sweep's tasks); a path through a file is refused before any work.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, stderr } from './helpers/cliInProcess.js';
import { syntheticResults } from './helpers/syntheticResults.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-out-folder-'));
const results = join(dir, 'results.csv');
writeFileSync(results, syntheticResults());
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');

const COMMANDS: Record<string, { args: (out: string) => string[]; file: string }> = {
  run: { args: (out) => ['run', 'scenarios/ecmo-hvhf-default.json', '--hours', '1', '--out', out], file: 'run.json' },
  sweep: {
    args: (out) => [
      'sweep',
      'scenarios/ecmo-hvhf-default.json',
      '--vary',
      'prescription.effluentDose=30 mL/kg/h..40 mL/kg/h:10 mL/kg/h',
      '--hours',
      '0.5',
      '--workers',
      '1',
      '--out',
      out,
    ],
    file: 'sweep.csv',
  },
  cohort: {
    args: (out) => ['cohort', 'scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json', '--hours', '24', '--out', out],
    file: 'cohort.txt',
  },
  train: { args: (out) => ['train', 'scenarios/training/drainage-clamp.json', '--out', out], file: 'debrief.txt' },
  plot: { args: (out) => ['plot', results, '--kind', 'dose-vs-delivered', '--out', out], file: 'plot.svg' },
};

describe('--out into a folder that does not exist yet', () => {
  for (const [command, { args, file }] of Object.entries(COMMANDS)) {
    it(`${command}: the folder is created and the command says so`, async () => {
      const folder = join(dir, `new-${command}`, 'nested');
      const out = join(folder, file);
      expect(await sim(args(out))).toBe(0);
      expect(existsSync(out)).toBe(true);
      expect(stderr()).toContain(`created the folder ${folder} for ${out}\n`);
    });
  }
  it('an existing folder: nothing said about folders', async () => {
    const out = join(dir, 'ok.json');
    expect(await sim(COMMANDS.run.args(out))).toBe(0);
    expect(stderr()).not.toContain('created the folder');
  });
  it('a path through a file: refused with exit 2 before the run, naming the file', async () => {
    const out = join(aFile, 'sub', 'out.json');
    expect(await sim(COMMANDS.run.args(out))).toBe(2);
    expect(stderr()).toContain(`--out: cannot write ${out}: ${aFile} is a file, not a folder`);
    expect(stderr()).not.toMatch(/simulating|wrote/);
  });
});
