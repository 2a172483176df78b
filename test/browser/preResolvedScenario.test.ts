/**
 * The engine worker's first load (issue 14): the bundled default scenario comes resolved at build time
 * (virtual:pre-resolved-scenario, written by tools/vite/preResolvedScenario.ts) instead of through the resolver (zod,
 * the unit parser). What the build writes must be what the resolver gives for the file at run time, and a run
 * started from it must be the run the file gives.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as preResolved from 'virtual:pre-resolved-scenario';
import { LiveRun } from '../../src/engine/liveRun';
import { packScenario, unpackScenario } from '../../src/engine/packedScenario';
import { loadText, resolveScenarioText } from '../../src/engine/scenarioText';
import { BUNDLED_SCENARIOS } from '../../src/scenarios';
import { toSource } from '../../tools/vite/preResolvedScenario';

const ROOT = resolve(import.meta.dirname, '../..');
const evaluate = (source: string): unknown => new Function(`return ${source};`)();

describe('the pre-resolved default scenario', () => {
  it('is the live view’s first scenario, its text as the page sends it', () => {
    expect(preResolved.source).toBe(BUNDLED_SCENARIOS[0].file);
    expect(preResolved.text).toBe(BUNDLED_SCENARIOS[0].text);
    expect(preResolved.text).toBe(readFileSync(join(ROOT, 'scenarios', preResolved.source), 'utf8'));
  });

  it('equals the scenario the resolver gives for the file at run time', () => {
    const r = resolveScenarioText(preResolved.text, preResolved.source);
    expect(r.ok).toBe(true);
    if (r.ok) expect(unpackScenario(preResolved.packed)).toStrictEqual(r.scenario);
  });

  it('starts the run the file starts: the same readings, settings and events after two hours', () => {
    const fromFile = new LiveRun();
    const fromBuild = new LiveRun();
    expect(loadText(fromFile, preResolved.text, preResolved.source).ok).toBe(true);
    expect(fromBuild.start(unpackScenario(preResolved.packed), preResolved.source).ok).toBe(true);
    for (let i = 0; i < 8; i++) for (const run of [fromFile, fromBuild]) run.command({ type: 'step' }); // 8 × 15 min
    const a = fromFile.snapshot()!;
    const b = fromBuild.snapshot()!;
    expect(b.t_h).toBe(2);
    expect(b).toStrictEqual(a);
  });
});

describe('a Scenario packed (its sections as values in their spec tree’s order) and unpacked', () => {
  it('is the same Scenario, for each bundled scenario (standard care: no circuit, no filter)', () => {
    for (const b of BUNDLED_SCENARIOS) {
      const r = resolveScenarioText(b.text, b.file);
      expect(r.ok, b.file).toBe(true);
      if (!r.ok) continue;
      const packed = packScenario(r.scenario);
      expect(Object.keys(unpackScenario(packed)), b.file).toEqual(Object.keys(r.scenario));
      expect(unpackScenario(evaluate(toSource(packed)) as typeof packed), b.file).toStrictEqual(r.scenario);
    }
  });

  it('refuses a section whose keys do not follow its spec tree, and values that do not fill it', () => {
    const r = resolveScenarioText(BUNDLED_SCENARIOS[0].text, BUNDLED_SCENARIOS[0].file);
    if (!r.ok) throw new Error(r.message);
    const { weight, ...rest } = r.scenario.patient;
    expect(() => packScenario({ ...r.scenario, patient: { ...rest, weight } })).toThrow(
      /^patient: keys height, .*, weight; expected its spec tree's, weight, height/,
    );
    const short = packScenario(r.scenario).map((f) => (f.key === 'alarms' && 'values' in f ? { key: f.key, values: f.values.slice(1) } : f));
    expect(() => unpackScenario(short)).toThrow(/^alarms: \d+ values; expected one for each leaf of its spec tree/);
  });
});

describe('toSource: plain data as JavaScript that evaluates to an equal value', () => {
  it('keeps every number exactly (-0, NaN, ±Infinity, the shortest round-trip digits) and properties holding undefined', () => {
    const value = { a: -0, b: NaN, c: Infinity, d: -Infinity, e: 0.1 + 0.2, f: 5e-324, g: undefined, h: [1, 'x', null, true, { i: [] }], 'j k': '"quoted"\n' };
    const back = evaluate(toSource(value)) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.is(back.a, -0)).toBe(true);
    expect(back.e).toBe(0.30000000000000004);
    expect('g' in back).toBe(true);
  });

  it('refuses what is not plain data, naming where it is', () => {
    expect(() => toSource({ a: { f: () => 1 } })).toThrow(/^scenario\.a\.f: a function; expected plain data/);
    expect(() => toSource({ m: new Map() })).toThrow(/^scenario\.m: a Map; expected plain data/);
    expect(() => toSource({ d: [new Date(0)] })).toThrow(/^scenario\.d\[0\]: a Date; expected plain data/);
    const holed = [1, 2, 3];
    delete holed[1];
    expect(() => toSource({ h: holed })).toThrow(/^scenario\.h\[1\]: a hole in an array/);
    expect(() => toSource(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow(/^scenario: a "__proto__" key/);
  });
});
