/** What a run's JSON file records about how it was run: the calibration it used, as the command line resolved it. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, stderr } from './helpers/cliInProcess.js';

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

/**
 * A hemofilter prescription field in a scenario without a hemofilter does nothing: the run says so, naming the
 * field, rather than refusing (a scenario made from the ECMO one with its filter set to null keeps its prescription).
 */
describe('filter-only prescription fields with "filter": null', () => {
  const warning = (path: string) => `warning: scenarios/standard-care-default.json: ${path}: `;
  it('are run and named in a warning, the value and why (a --set, a nested field)', async () => {
    const out = join(dir, 'standard-with-dose.json');
    const args = ['run', 'scenarios/standard-care-default.json', '--hours', '1', '--out', out];
    expect(await sim([...args, '--set', 'prescription.effluentDose=30 mL/kg/h', '--set', 'prescription.filterChange.maxHours=12 h'])).toBe(0);
    expect(stderr()).toContain(
      `${warning('prescription.effluentDose')}"30 mL/kg/h" is ignored: a hemofilter prescription field, and this scenario has no hemofilter ("filter": null)`,
    );
    expect(stderr()).toContain(`${warning('prescription.filterChange.maxHours')}"12 h" is ignored`);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.delivered_dose_mL_kg_h).toBeNull();
  });
  it('a timeline entry setting one is named too', async () => {
    const s = JSON.parse(readFileSync('scenarios/standard-care-default.json', 'utf8'));
    s.calibration = resolve('scenarios/cohort/calibration.json');
    s.timeline = [{ at: '0.5 h', set: { 'prescription.netUltrafiltration': '100 mL/h' } }];
    const file = join(dir, 'standard-timeline.json');
    writeFileSync(file, JSON.stringify(s));
    expect(await sim(['run', file, '--hours', '1', '--out', join(dir, 'standard-timeline-out.json')])).toBe(0);
    expect(stderr()).toContain(`warning: ${file}: timeline[0].set.prescription.netUltrafiltration: "100 mL/h" is ignored`);
  });
  it('the bundled standard-care scenario gives none: no warning', async () => {
    expect(await sim(['run', 'scenarios/standard-care-default.json', '--hours', '1', '--out', join(dir, 'plain.json')])).toBe(0);
    expect(stderr()).not.toContain('warning:');
  });
});

describe('a sweep varying a filter-only field on a scenario without a hemofilter', () => {
  it('runs, and warns that the varied field does nothing', async () => {
    const out = join(dir, 'standard-sweep.csv');
    const vary = ['--vary', 'prescription.effluentDose=30 mL/kg/h..40 mL/kg/h:10 mL/kg/h'];
    expect(await sim(['sweep', 'scenarios/standard-care-default.json', ...vary, '--hours', '0.5', '--workers', '1', '--out', out])).toBe(0);
    expect(stderr()).toContain(
      'warning: scenarios/standard-care-default.json: --vary prescription.effluentDose: ignored: a hemofilter prescription field, and this scenario has no hemofilter ("filter": null)',
    );
  });
});
