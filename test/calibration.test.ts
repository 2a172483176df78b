/**
 * The calibration rules (issue 12): every fitted value recorded with its bounds and plausible range, none on a
 * bound or outside what is plausible, no protocol fitted; and scenarios that refer to the committed calibration.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leafAt, type QuantitySpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { calibratedScenarioText, loadScenarioFile, readCalibration } from '../sim/scenario/loadFile.js';
import { loadScenarioText } from '../sim/scenario/load.js';
import { numberAndUnit } from '../sim/cohort/virtualPatients.js';

const FILE = 'scenarios/cohort/calibration.json';
const calibration = readCalibration(FILE);
const valueOf = (text: string) => numberAndUnit(text)?.value ?? Number(text);

describe('the committed calibration obeys the calibration rules', () => {
  const entries = Object.entries(calibration.fitted);
  it('records fitted values', () => expect(entries.length).toBeGreaterThan(5));
  for (const [path, f] of entries) {
    it(`${path} = ${f.value}: inside its plausible range [${f.plausible.join(', ')}], off its bounds [${f.bounds.join(', ')}]`, () => {
      const v = valueOf(f.value);
      const [lo, hi] = f.bounds;
      const [pLo, pHi] = f.plausible;
      expect(lo <= pLo && pHi <= hi, 'the plausible range lies inside the bounds').toBe(true);
      expect(v >= pLo && v <= pHi, `${v} outside the plausible range`).toBe(true);
      // on a bound = within 0.5 % of the search width of it
      const edge = 0.005 * (hi - lo);
      expect(v - lo > edge && hi - v > edge, `${v} sits on a bound`).toBe(true);
    });
  }
  it('a fraction drawn per patient by a factor (the sepsis drive’s residual) stays at most 1: the factor’s upper bound times the top of the plausible range, and times the fitted value', () => {
    const path = 'kinetics.sepsisDrive.residualFraction';
    const f = calibration.fitted[path];
    for (const file of ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json']) {
      const arm = JSON.parse(readFileSync(file, 'utf8')) as { draws: { path: string; distribution: string; max?: number }[] };
      const draw = arm.draws.find((d) => d.path === path);
      expect(draw?.distribution, file).toBe('factor');
      expect(draw!.max! * f.plausible[1], file).toBeLessThanOrEqual(1);
      expect(draw!.max! * valueOf(f.value), file).toBeLessThanOrEqual(1);
    }
  });
  it('fits only parameters their spec marks calibratable, with the spec’s own plausible range; never a protocol', () => {
    for (const [path, f] of entries) {
      if (path.startsWith('draws.')) continue;
      const spec = leafAt(scenarioSpecs, path) as QuantitySpec | undefined;
      expect(spec?.calibratable, path).toBe(true);
      expect(f.plausible, path).toEqual(spec?.range);
      expect(path.startsWith('prescription.'), `${path} is a protocol, never fitted`).toBe(false);
    }
  });
  it('the norepinephrine protocol is not calibratable: target, band, step, share, last step to off, interval', () => {
    for (const k of ['targetMap', 'weanAbove', 'step', 'weanFraction', 'stopBelow', 'interval'])
      expect((leafAt(scenarioSpecs, `prescription.norepinephrine.${k}`) as QuantitySpec).calibratable, k).toBeFalsy();
  });
});

describe('a scenario that refers to the calibration', () => {
  const file = 'scenarios/ecmo-hvhf-default.json';
  const fittedHill = valueOf(calibration.parameters.find((o) => o.path === 'kinetics.crp.hill')!.value);
  const specHill = (leafAt(scenarioSpecs, 'kinetics.crp.hill') as QuantitySpec).default!;
  it('takes the fitted values; --uncalibrated the spec defaults', () => {
    expect(loadScenarioFile(file).kinetics.crp.hill).toBeCloseTo(fittedHill, 12);
    expect(loadScenarioFile(file, [], { uncalibrated: true }).kinetics.crp.hill).toBe(specHill);
  });
  it('keeps its own values and the command line’s over the calibration', () => {
    expect(loadScenarioFile(file, [{ path: 'kinetics.crp.hill', value: '1.23' }]).kinetics.crp.hill).toBe(1.23);
    const dir = mkdtempSync(join(tmpdir(), 'calibrated-'));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    raw.calibration = join(process.cwd(), FILE);
    raw.kinetics = { crp: { hill: '1.7' } };
    writeFileSync(join(dir, 's.json'), JSON.stringify(raw));
    expect(loadScenarioFile(join(dir, 's.json')).kinetics.crp.hill).toBe(1.7);
  });
  it('the text handed to sweep and sensitivity workers carries the fitted values and no reference', () => {
    const text = calibratedScenarioText(readFileSync(file, 'utf8'), file);
    expect(text).not.toMatch(/"calibration"/);
    expect(loadScenarioText(text, file).kinetics.crp.hill).toBeCloseTo(fittedHill, 12);
    expect(loadScenarioText(calibratedScenarioText(readFileSync(file, 'utf8'), file, true), file).kinetics.crp.hill).toBe(specHill);
  });
  it('a missing calibration file, or text loaded without a file, is refused naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibrated-'));
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 's.json'), JSON.stringify(raw));
    expect(() => loadScenarioFile(join(dir, 's.json'))).toThrow(/cannot read the calibration file: no such file/);
    expect(() => loadScenarioText(JSON.stringify(raw), 'pasted')).toThrow(
      /calibration: got "cohort\/calibration.json", but this scenario was not loaded from a file/,
    );
    expect(() => loadScenarioText(JSON.stringify({ ...raw, calibration: 3 }), 'pasted')).toThrow(/calibration: got 3; expected the path of a calibration file/);
  });
  it('the bundled and the typical-patient scenarios all load on the committed calibration', () => {
    for (const f of ['ecmo-hvhf-default', 'standard-care-default', 'cohort-typical-ecmo-hvhf', 'cohort-typical-standard-care'])
      expect(loadScenarioFile(`scenarios/${f}.json`).kinetics.crp.hill, f).toBeCloseTo(fittedHill, 12);
  });
});
