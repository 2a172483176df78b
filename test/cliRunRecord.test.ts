/** What a run's JSON file records about how it was run: the calibration it used, as the command line resolved it. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim } from './helpers/cliInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-run-record-'));
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const calibrationOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')).calibration;

describe('the run’s JSON records its calibration', () => {
  it('the bundled scenario: its reference, the file it resolved to and that file’s SHA-256', async () => {
    const out = join(dir, 'calibrated.json');
    expect(await sim(['run', 'scenarios/ecmo-hvhf-default.json', '--hours', '1', '--out', out])).toBe(0);
    const file = resolve('scenarios/cohort/calibration.json');
    expect(calibrationOf(out)).toEqual({
      source: 'file',
      reference: 'cohort/calibration.json',
      path: relative(process.cwd(), file),
      sha256: sha256(file),
    });
  });
  it('--uncalibrated: the spec defaults, and why', async () => {
    const out = join(dir, 'uncalibrated.json');
    expect(await sim(['run', 'scenarios/ecmo-hvhf-default.json', '--hours', '1', '--uncalibrated', '--out', out])).toBe(0);
    expect(calibrationOf(out)).toEqual({ source: 'spec defaults', reason: '--uncalibrated' });
  });
  it('a scenario naming no calibration: the spec defaults, and why', async () => {
    const s = JSON.parse(readFileSync('scenarios/ecmo-hvhf-default.json', 'utf8'));
    delete s.calibration;
    const file = join(dir, 'own.json');
    writeFileSync(file, JSON.stringify(s));
    const out = join(dir, 'own-out.json');
    expect(await sim(['run', file, '--hours', '1', '--out', out])).toBe(0);
    expect(calibrationOf(out)).toEqual({ source: 'spec defaults', reason: 'the scenario names no calibration' });
  });
});
