/**
 * Scenario text is data, never code (issue: hardening; design.md: no expression evaluator sees scenario text).
 * test/architecture.test.ts forbids evaluators in sim/ and src/; this file feeds the loader what would be dangerous
 * if anything evaluated it or merged it into a prototype, and asserts it is refused or inert:
 *   - quantity strings that are code or arithmetic, in every place a quantity is read (file, timeline, --set);
 *   - arithmetic that would evaluate to a legal value (refusal proves it is not evaluated);
 *   - "__proto__", "constructor" and "prototype" keys, with pollution payloads, at every level of the file and as
 *     setting paths; afterwards ({}).polluted is still undefined.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';
import { loadScenarioText, parseJsonText } from '../sim/scenario/load.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { parseQuantity } from '../sim/units.js';
import { simulate } from '../sim/engine/simulate.js';
import { DEFAULT_ECMO } from './helpers/scenarios.js';

const BASE = readFileSync(DEFAULT_ECMO, 'utf8');
type Doc = Record<string, unknown>;

afterEach(() => {
  vi.restoreAllMocks();
  expectNoPollution();
});

function expectNoPollution(): void {
  expect(({} as Doc).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect((Object as unknown as Doc).polluted).toBeUndefined();
  expect(([] as unknown as Doc).polluted).toBeUndefined();
  expect((globalThis as Doc).__pwned).toBeUndefined();
}

/** Loads scenario text and runs it for an hour; returns the ScenarioError it must end in. */
function refusal(text: string): ScenarioError {
  try {
    simulate({ ...loadScenarioText(text, 'security case', [], { uncalibrated: true }), duration_h: 1, outputInterval_h: 0.25 });
  } catch (e) {
    if (e instanceof ScenarioError) {
      expect(e.message).not.toMatch(/\n\s+at |\.(ts|js):\d+:\d+/);
      return e;
    }
    throw e;
  }
  throw new Error('the scenario was accepted');
}

const withDoc = (edit: (d: Doc) => void) => {
  const d = JSON.parse(BASE) as Doc;
  edit(d);
  return JSON.stringify(d);
};

const CODE = [
  "import('fs') kg",
  'require("child_process").execSync("touch /tmp/pwned") kg',
  'process.exit(1) kg',
  'globalThis.__pwned=1 kg',
  "constructor.constructor('return process')() kg",
  '${globalThis.__pwned = 1} kg',
  'eval("1") kg',
  'Function("return 1")() kg',
  '1e3*1e3 mL',
  '__proto__',
  'constructor',
];
/** Arithmetic that an evaluator would turn into a legal weight (80 kg): its refusal shows nothing evaluates it. */
const ARITHMETIC_80_KG = ['40+40 kg', '2*40 kg', '160/2 kg', 'sqrt(6400) kg', '80 kg + 0 kg', '(80) kg', '8e1*1 kg', '0x50 kg', 'max(80, 1) kg'];

describe('quantity strings are parsed, never evaluated', () => {
  it.each(CODE)('%s is refused by the unit parser for every unit', (text) => {
    for (const unit of ['kg', 'mL', 'mL/kg/h', 'h', '1']) expect(() => parseQuantity(text, unit)).toThrow();
  });
  it.each(ARITHMETIC_80_KG)('%s (would evaluate to 80 kg) is refused as patient.weight', (text) => {
    const e = refusal(withDoc((d) => ((d.patient as Doc).weight = text)));
    expect(e.issues.map((i) => i.path)).toContain('patient.weight');
  });
  it.each(CODE)('%s is refused wherever a quantity is read: a field, a timeline setting, a bolus, a fault, a time', (text) => {
    const places: [string, (d: Doc) => void][] = [
      ['prescription.effluentDose', (d) => ((d.prescription as Doc).effluentDose = text)],
      ['timeline[0].set.circuit.pump.speed', (d) => (d.timeline = [{ at: '1 h', set: { 'circuit.pump.speed': text } }])],
      ['timeline[0].heparinBolus', (d) => (d.timeline = [{ at: '1 h', heparinBolus: text }])],
      ['timeline[0].fault.filterClot', (d) => (d.timeline = [{ at: '1 h', fault: { filterClot: text } }])],
      ['timeline[0].at', (d) => (d.timeline = [{ at: text, changeFilter: true }])],
    ];
    for (const [path, edit] of places) {
      const e = refusal(withDoc(edit));
      expect(
        e.issues.map((i) => i.path),
        path,
      ).toContain(path);
    }
  });
  it('1e3*1e3 mL/kg/h is not read as 1e6 (nor as 1e3): the message says it is not a quantity', () => {
    const e = refusal(withDoc((d) => ((d.prescription as Doc).effluentDose = '1e3*1e3 mL/kg/h')));
    expect(e.issues[0].path).toBe('prescription.effluentDose');
    expect(e.issues[0].message).toMatch(/could not be read as a quantity|not a number followed by a unit/);
    expect(e.issues[0].message).not.toMatch(/1000000|outside the accepted range/);
  });
  it('--set values are parsed the same way on the command line (exit 2, nothing run)', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    for (const text of [...CODE, ...ARITHMETIC_80_KG]) {
      expect(await main(['run', DEFAULT_ECMO, '--hours', '1', '--set', `patient.weight=${text}`]), text).toBe(2);
    }
    expect(out).not.toHaveBeenCalled();
    expect(err.mock.calls.map((c) => String(c[0])).join('')).not.toMatch(/engine failure|\n\s+at /);
  });
});

describe('prototype pollution payloads are refused or inert', () => {
  const payload = { polluted: 1 };
  /** JSON text with a raw key (JSON.stringify would not write "__proto__" as an own key of a literal). */
  const withKey = (anchor: string, key: string) => {
    expect(BASE).toContain(anchor);
    return BASE.replace(anchor, `${anchor}${JSON.stringify(key)}: ${JSON.stringify(payload)}, `);
  };
  const ANCHORS: [string, string, string][] = [
    ['the top level', '{\n', ''],
    ['patient', '"patient": {', 'patient.'],
    ['patient.baseline', '"baseline": {', 'patient.baseline.'],
    ['circuit.pump', '"pump": {', 'circuit.pump.'],
    ['prescription.heparin', '"heparin": {', 'prescription.heparin.'],
  ];
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it.each(ANCHORS)(`a "${key}" key with a payload in %s is refused as an unknown field`, (_where, anchor, prefix) => {
      const e = refusal(withKey(anchor, key));
      expect(e.issues.map((i) => i.path)).toContain(`${prefix}${key}`);
      expect(e.issues.find((i) => i.path === `${prefix}${key}`)!.message).toMatch(/^unknown field/);
    });
  }
  it('"__proto__" nested deep in a section (kinetics.il6) and in timeline entries, settings and faults is refused', () => {
    const cases: [string, string][] = [
      ['"kinetics": {"il6": {"__proto__": {"polluted": 1}}}', 'kinetics.il6.__proto__'],
      ['"kinetics": {"il6": {"constructor": {"prototype": {"polluted": 1}}}}', 'kinetics.il6.constructor'],
      ['"timeline": [{"at": "1 h", "changeFilter": true, "__proto__": {"polluted": 1}}]', 'timeline[0].__proto__'],
      ['"timeline": [{"at": "1 h", "set": {"__proto__": {"polluted": 1}}}]', 'timeline[0].set.__proto__'],
      ['"timeline": [{"at": "1 h", "set": {"__proto__": "1 kg"}}]', 'timeline[0].set.__proto__'],
      ['"timeline": [{"at": "1 h", "fault": {"__proto__": {"polluted": 1}}}]', 'timeline[0].fault.__proto__'],
      ['"timeline": [{"at": "1 h", "set": {"__proto__.polluted": "1 kg"}}]', 'timeline[0].set.__proto__.polluted'],
      ['"timeline": [{"at": "1 h", "set": {"constructor.prototype.polluted": "1 kg"}}]', 'timeline[0].set.constructor.prototype.polluted'],
      ['"timeline": [{"at": "1 h", "set": {"prescription.__proto__.polluted": "1 kg"}}]', 'timeline[0].set.prescription.__proto__.polluted'],
    ];
    for (const [json, path] of cases) {
      const e = refusal(BASE.replace('"timeline": []', json.startsWith('"timeline"') ? json : `${json}, "timeline": []`));
      expect(
        e.issues.map((i) => i.path),
        json,
      ).toContain(path);
    }
  });
  it('the whole document as a pollution payload is refused, and parsing it pollutes nothing', () => {
    for (const text of ['{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"polluted": 1}}}', '[{"__proto__": {"polluted": 1}}]']) {
      const parsed = parseJsonText(text, 'payload') as Doc;
      expect(parsed).toBeTypeOf('object');
      expectNoPollution();
      expect(() => loadScenarioText(text, 'payload', [], { uncalibrated: true })).toThrow(ScenarioError);
    }
  });
  it('--set paths through __proto__, constructor or prototype name no setting (exit 2)', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    for (const path of ['__proto__.polluted', 'constructor.prototype.polluted', 'patient.__proto__.polluted', 'prototype', '__proto__']) {
      expect(await main(['run', DEFAULT_ECMO, '--hours', '1', '--set', `${path}=1`]), path).toBe(2);
    }
  });
  it('an accepted scenario carries plain objects only: no section has a borrowed prototype', () => {
    const s = loadScenarioText(BASE, 'plain', [], { uncalibrated: true });
    for (const section of [s, s.patient, s.circuit, s.filter, s.prescription, s.kinetics, s.prescription.heparin]) {
      expect(Object.getPrototypeOf(section)).toBe(Object.prototype);
    }
  });
});
