/**
 * A training file written over a base scenario (sim/training/trainingBase.ts; docs/training/sessions.md, "Writing a
 * training scenario"): the merge's rules, the references it rewrites, the schema an editor checks the short file
 * with, and the messages when the base or a value from it is wrong.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeOverBase, referenceBeside } from '../sim/training/trainingBase.js';
import { loadTrainingText } from '../sim/training/trainingFile.js';
import { readInputFile, RESOLVE_BESIDE } from '../sim/scenario/loadFile.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { bundledTrainingBase } from '../src/training/trainingScenarios.js';
import { schemaProblems, type SchemaNode } from './helpers/schemaCheck.js';

const DIR = 'scenarios/training';
const TRAINING_SCHEMA = JSON.parse(readFileSync('scenarios/training.schema.json', 'utf8')) as SchemaNode;
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const json = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
/** Loads training text written at `file` (its references beside it), or the ScenarioError's message. */
const loadAt = (file: string, raw: unknown) => loadTrainingText(JSON.stringify(raw), file, RESOLVE_BESIDE);
const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return '';
};

describe('the merge', () => {
  it('objects merge key by key; a value, a list or null replaces; the base is left as it was', () => {
    const base = { a: { x: 1, y: { p: 1, q: 2 } }, list: [1, 2, 3], keep: 'b', section: { z: 1 } };
    const before = structuredClone(base);
    expect(mergeOverBase(base, { a: { y: { q: 5 } }, list: [9], section: null, extra: true })).toEqual({
      a: { x: 1, y: { p: 1, q: 5 } },
      list: [9],
      keep: 'b',
      section: null,
      extra: true,
    });
    expect(base).toEqual(before);
  });

  it('a reference in the base is rewritten relative to the training file that names it', () => {
    expect(referenceBeside('../training-base.json', 'cohort/calibration.json')).toBe('../cohort/calibration.json');
    expect(referenceBeside('bases/b.json', '../c.json')).toBe('c.json');
    expect(referenceBeside('b.json', './c.json')).toBe('c.json');
    expect(referenceBeside('../../x/b.json', '../c.json')).toBe('../../c.json');
    expect(referenceBeside('../b.json', '/abs/c.json')).toBe('/abs/c.json');
    // a base named by its absolute path: the reference stays absolute (it lost its root before this was tested)
    expect(referenceBeside('/work/scenarios/training-base.json', 'cohort/calibration.json')).toBe('/work/scenarios/cohort/calibration.json');
    expect(referenceBeside('/b.json', '../../c.json')).toBe('/c.json');
    expect(referenceBeside('..\\bases\\b.json', 'cohort\\c.json')).toBe('../bases/cohort/c.json');
  });
});

describe('the bundled training files over their base', () => {
  it('every one names the base, passes the training schema, and the base passes the scenario schema', () => {
    for (const f of files) {
      const raw = json(join(DIR, f));
      expect(raw.base, f).toBe('../training-base.json');
      expect(schemaProblems(TRAINING_SCHEMA, raw), f).toEqual([]);
    }
    const scenarioSchema = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8')) as SchemaNode;
    expect(schemaProblems(scenarioSchema, json('scenarios/training-base.json'))).toEqual([]);
  });

  it('loads as the same file written whole: the base’s settings where it gives none, its own where it does', () => {
    const file = join(DIR, 'flow-probe-reversed.json');
    const own = json(file);
    const { $schema: _, name: __, description: ___, calibration, ...base } = json('scenarios/training-base.json');
    const { base: ____, ...rest } = own;
    const whole = mergeOverBase({ ...base, calibration: `../${String(calibration)}` }, rest);
    const over = loadAt(file, own);
    expect(over.scenario).toEqual(loadAt(file, whole).scenario);
    expect(over.scenario.circuit!.pump.mode).toBe('flow'); // its own
    expect(over.scenario.duration_h).toBeCloseTo(40 / 60, 12); // its own
    expect(`${over.scenario.patient.weight} kg`).toBe((base.patient as { weight: string }).weight); // the base's
  });

  it('the schema lets a file over a base leave out what a whole file needs, and a whole file cannot', () => {
    const short = { name: 'short', base: '../training-base.json', patient: { hemodynamics: { map: '60 mmHg' } }, training: { briefing: 'b', objectives: [] } };
    expect(schemaProblems(TRAINING_SCHEMA, short)).toEqual([]);
    const { base: _, ...whole } = short;
    expect(schemaProblems(TRAINING_SCHEMA, whole)).toEqual(expect.arrayContaining(['.duration: required', '.patient.weight: required']));
    expect(schemaProblems(TRAINING_SCHEMA, { ...short, base: 3 })).toEqual(['.base: not string']);
  });
});

describe('a wrong base, or a wrong value from it, is named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'training-base-'));
  const training = { briefing: 'a test', objectives: [{ id: 'a', text: 'ack', kind: 'acknowledge', alarm: 'flowLow', within_min: 1, after: { at_min: 0 } }] };
  const write = (name: string, value: unknown) => writeFileSync(join(dir, name), JSON.stringify(value));
  const baseScenario = json('scenarios/training-base.json');
  write('heavy-base.json', { ...baseScenario, calibration: undefined, patient: { ...(baseScenario.patient as object), weight: '800 kg' } });
  write('training-file-base.json', { ...baseScenario, training });
  write('chained-base.json', { ...baseScenario, base: 'heavy-base.json' });

  it('a base that cannot be read: the field, the reference and why', () => {
    expect(messageOf(() => loadAt(join(dir, 't.json'), { name: 't', base: 'missing.json', training }))).toMatch(
      /base: "missing\.json": cannot read the base scenario: no such file/,
    );
    expect(messageOf(() => loadAt(join(dir, 't.json'), { name: 't', base: 7, training }))).toMatch(/base: got 7; expected the path of a scenario file/);
  });
  it('a base named by its absolute path, from another folder: its calibration still found beside it', () => {
    const own = json(join(DIR, 'return-kink.json'));
    const elsewhere = loadAt(join(dir, 'abs.json'), { ...own, base: resolve('scenarios/training-base.json') });
    expect(elsewhere.scenario).toEqual(loadAt(join(DIR, 'return-kink.json'), own).scenario);
  });
  it('a training file or a based file as the base: refused, one level only', () => {
    expect(messageOf(() => loadAt(join(dir, 't.json'), { name: 't', base: 'training-file-base.json', training }))).toMatch(/is a training file/);
    expect(messageOf(() => loadAt(join(dir, 't.json'), { name: 't', base: 'chained-base.json', training }))).toMatch(/has a base of its own/);
  });
  it('a value the base gives is said to come from it; the file’s own value is not', () => {
    expect(messageOf(() => loadAt(join(dir, 't.json'), { name: 't', base: 'heavy-base.json', training }))).toMatch(
      /patient\.weight: .*\(from the base scenario "heavy-base\.json"\)/,
    );
    const own = messageOf(() => loadAt(join(dir, 't.json'), { name: 't', base: 'heavy-base.json', patient: { weight: '900 kg' }, training }));
    expect(own).toMatch(/patient\.weight/);
    expect(own).not.toMatch(/from the base/);
  });
  it('the page bundles the one base its training files share, and names it for any other', () => {
    expect(bundledTrainingBase('../training-base.json', 'x.json')).toBe(readInputFile('scenarios/training-base.json', 'base'));
    expect(() => bundledTrainingBase('../other.json', 'x.json')).toThrow(/base: got "\.\.\/other\.json"; expected "\.\.\/training-base\.json"/);
  });
});
