/**
 * Fuzzing the scenario loader and the engine behind it (issue: hardening).
 *
 *   npm run fuzz -- [--seed S] [--count N] [--out-dir DIR] [--hours H] [--budget-ms MS] [--workers W]
 *
 * A seeded mutator turns the bundled scenarios into N broken or extreme scenario files: wrong types and units,
 * huge/negative/zero/NaN-like numbers, missing and extra fields, deep nesting, very long strings, broken JSON text,
 * duplicate keys, unicode, null sections, prototype-pollution keys, random timeline entries, and legal values drawn
 * across each field's whole accepted range. Each case goes the CLI's way — text → parseJsonText → scenarioFromObject
 * (loadScenarioText) → simulate, the run capped at --hours (24 h) — and must end in
 *   - a valid run whose output keeps the invariants (no Infinity; NaN only in circuit/filter series; every mass
 *     balance and the fluid balance closed to 1e-6), or
 *   - a ScenarioError whose every issue names a path (or is about the whole document) and whose message holds no
 *     stack trace, or
 *   - an EngineError that names a state no patient survives or a prescription the filter can no longer run
 *     (counted apart).
 * Anything else — another exception, another engine error, a silently wrong output, a case over its time budget
 * (the worker is terminated) — is a failure: the input is written to --out-dir (test/fixtures/fuzz-regressions/)
 * as a JSON wrapper holding the raw text, and test/fuzzRegressions.test.ts replays it forever.
 * Case i of seed S is the same text on every machine: `makeCase(S, i)`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { forEachLeaf, type LeafSpec, type SpecTree } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { loadScenarioText } from '../sim/scenario/load.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { EngineError } from '../sim/engine/errors.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { SERIES_NAMES, type SeriesName } from '../sim/engine/observe.js';

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness: case i of seed S has its own stream.

export type Rng = () => number;

function mulberry32(a: number): Rng {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseRng(seed: number, index: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return mulberry32(h);
}

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
function weighted<T>(r: Rng, options: readonly (readonly [number, T])[]): T {
  const total = options.reduce((a, [w]) => a + w, 0);
  let x = r() * total;
  for (const [w, v] of options) if ((x -= w) < 0) return v;
  return options[options.length - 1][1];
}
const fmt = (v: number) => Number(v.toPrecision(6));

// ---------------------------------------------------------------------------------------------------------------
// What the mutator knows: the spec leaves and the bundled scenarios.

const LEAVES: { path: string; spec: LeafSpec }[] = [];
forEachLeaf(scenarioSpecs as SpecTree, (path, spec) => LEAVES.push({ path, spec }));
const ADJUSTABLE = LEAVES.filter((l) => l.spec.adjustable);
const QUANTITIES = LEAVES.filter((l) => l.spec.kind === 'quantity');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ECMO = JSON.parse(readFileSync(join(ROOT, 'scenarios/ecmo-hvhf-default.json'), 'utf8')) as JsonObject;
const STANDARD = JSON.parse(readFileSync(join(ROOT, 'scenarios/standard-care-default.json'), 'utf8')) as JsonObject;
/** The ECMO default with a timeline of every kind of entry and a few sections spelt out. */
const RICH: Json = {
  ...structuredClone(ECMO),
  name: 'rich base',
  kinetics: { il6: { endogenousClearance: '3 L/h' }, heparin: { apttBaseline: '32 s' } },
  timeline: [
    { at: '2 h', set: { 'circuit.pump.speed': '3200 rpm', 'prescription.effluentDose': '35 mL/kg/h' }, note: 'settings' },
    { at: '3 h', heparinBolus: '50 U/kg' },
    { at: '4 h', fault: { filterClot: '40 %', oxygenatorThrombus: '50 %' } },
    { at: '5 h', changeFilter: true },
    { at: '6 h', set: { 'circuit.clamps.filterLimb': true } },
    { at: '6.5 h', set: { 'circuit.clamps.filterLimb': false } },
  ],
};
const BASES = [ECMO, ECMO, RICH, RICH, STANDARD];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

// ---------------------------------------------------------------------------------------------------------------
// Values

/** Strings that are not quantities, or quantities that are wrong in some way. */
const BAD_STRINGS = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  'NaN kg',
  'Infinity mL',
  '-Infinity mmHg',
  '1e999 kg',
  '1e308 kg',
  '-1e308 mL/h',
  '1e-320 h',
  '-5 kg',
  '0 kg',
  '-0 h',
  '45',
  '45 mmHg',
  '45 mL/kg/h',
  '30 %',
  '-30 %',
  '1000 %',
  '3000 rpm',
  '23 Fr',
  '1.5 L/min',
  '0.1 1/h',
  '18 U/kg/h',
  '5000 U',
  '1e3*1e3 mL',
  "import('fs') kg",
  'require("fs") kg',
  'sqrt(4) mL',
  '2^10 mL',
  '(1+2) mL',
  '${7*7} kg',
  '`id` kg',
  'process.exit() h',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '45\u0000 kg',
  '🩸 mL',
  '４５ mL/kg/h',
  '45 mL/kg/h\u200b',
  '45\u00a0mL/kg/h',
  '45 µg/kg/min',
  '\u202e45 kg',
  '45 mL / kg / h',
  ' 45 mL/kg/h ',
  '45mL/kg/h',
  '0x1F kg',
  '1_000 kg',
  '1,5 L/min',
  '+45 mL/kg/h',
  '.5 h',
  '5. h',
  '5e-1 h',
  'true',
  'null',
  'undefined',
  '{}',
  '[]',
  '45 kg kg',
  '45 m',
  '45 furlong',
  '45 mL/kg/h/h',
  '1 kg^2',
  '80 lb',
  '80 lbs',
  '176 pound',
  '6 ft',
  '37 degC',
  '5 mmol/L',
  '1 atm',
  '100 kPa',
  '3 L/h',
  '0.05 L/min',
  '1 day',
  '90 days',
  '1e6 h',
  '-1 h',
  '2 weeks',
  '1 year',
  'e kg',
  'pi kg',
  'Fr',
  'U',
  '1 U/mL/h',
  '-0 %',
  '100.0000001 %',
  '99.9999 %',
  '1e-9 %',
  '0.0 rpm',
];
const LONG = (r: Rng) =>
  pick(r, ['x'.repeat(int(r, 65, 300)), 'x'.repeat(10_000), '9'.repeat(500) + ' kg', '1' + '0'.repeat(400) + ' mL', 'é'.repeat(2000), '🩸'.repeat(1000)]);
const BAD_NUMBERS = [0, -0, -1, 1, 0.5, 45, 1e308, -1e308, 5e-324, 1e21, 2 ** 53 + 2, 3.14159, 100, 1e6, -45];

function badValue(r: Rng, depth = 0): Json {
  return weighted<() => Json>(r, [
    [10, () => pick(r, BAD_STRINGS)],
    [3, () => LONG(r)],
    [4, () => pick(r, BAD_NUMBERS)],
    [2, () => pick(r, [true, false])],
    [2, () => null],
    [1, () => []],
    [1, () => ({})],
    [1, () => (depth < 2 ? [badValue(r, depth + 1), badValue(r, depth + 1)] : [1, 2])],
    [1, () => (depth < 2 ? { value: 45, unit: 'mL/kg/h', nested: badValue(r, depth + 1) } : { value: 45 })],
    [4, () => legalText(r, pick(r, QUANTITIES).spec)], // a quantity of some other field: usually the wrong unit
  ])();
}

/** A value the field accepts on its own (within limits, its unit or an equivalent one), or at its limits. */
function legalText(r: Rng, spec: LeafSpec): Json {
  if (spec.kind === 'flag') return r() < 0.5;
  if (spec.kind === 'choice') return pick(r, spec.values);
  const [lo, hi] = spec.limits;
  const v = weighted<() => number>(r, [
    [6, () => lo + (hi - lo) * r()],
    [1, () => lo],
    [1, () => hi],
    [1, () => spec.default ?? lo + (hi - lo) / 2],
    [1, () => (spec.range ? spec.range[0] + (spec.range[1] - spec.range[0]) * r() : lo + (hi - lo) * r())],
  ])();
  if (spec.unit === '1') return r() < 0.5 ? fmt(v) : `${fmt(100 * v)} %`;
  return `${fmt(v)} ${spec.unit}`;
}

const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '',
  ' ',
  'weight ',
  'Weight',
  'wieght',
  'wéight',
  '😀',
  '\u0000',
  'a.b',
  'timeline',
  '$schema',
  'name',
  'patient',
  'circuit',
  'null',
  'undefined',
  '0',
  '-1',
  'x'.repeat(300),
];

// ---------------------------------------------------------------------------------------------------------------
// The tree and its mutations

type PathKey = string | number;

function allPaths(node: Json, prefix: PathKey[] = [], out: PathKey[][] = [], depth = 0): PathKey[][] {
  if (depth > 40 || node === null || typeof node !== 'object') return out;
  const entries: [PathKey, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
  for (const [k, v] of entries) {
    const p = [...prefix, k];
    out.push(p);
    allPaths(v, p, out, depth + 1);
  }
  return out;
}

function parentOf(root: Json, path: PathKey[]): { parent: JsonObject | Json[]; key: PathKey } | undefined {
  let node = root;
  for (const k of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathKey, Json>)[k];
  }
  if (node === null || typeof node !== 'object') return undefined;
  return { parent: node as JsonObject | Json[], key: path[path.length - 1] };
}

/** Sets an own property, even "__proto__" (plain assignment would change the prototype instead). */
function setOwn(obj: JsonObject | Json[], key: PathKey, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function nest(r: Rng, value: Json, depth: number): Json {
  let v = value;
  for (let i = 0; i < depth; i++) v = r() < 0.5 ? [v] : { x: v };
  return v;
}

function randomAt(r: Rng): Json {
  return weighted<() => Json>(r, [
    [8, () => `${fmt(r() * 24)} h`],
    [1, () => '0 h'],
    [1, () => `${fmt(r() * 1440)} min`],
    [1, () => pick(r, ['-1 h', '1e9 h', '24 h', '2160 h', '6 hours', 'soon', '6', 'NaN h', '', '6 kg'])],
    [1, () => pick(r, [6, -1, null, true, [], {}])],
  ])();
}

function randomSetting(r: Rng, weight: number): [string, Json] {
  return weighted<() => [string, Json]>(r, [
    [
      8,
      () => {
        const { path, spec } = pick(r, ADJUSTABLE);
        return [path, legalText(r, spec)];
      },
    ],
    [3, () => [pick(r, ADJUSTABLE).path, badValue(r)]],
    [
      2,
      () => {
        const { path, spec } = pick(r, LEAVES);
        return [path, legalText(r, spec)]; // often not adjustable
      },
    ],
    [1, () => ['prescription.heparin.infusion', `${fmt(r() * 60)} U/kg/h`]],
    [1, () => ['prescription.effluentDose', `${fmt(r() * 200)} mL/kg/h`]],
    [1, () => ['patient.fluids.infusion', `${fmt(r() * 2000 * Math.min(1, weight / 80))} mL/h`]],
    [
      2,
      () => [
        pick(r, [
          '__proto__.polluted',
          'constructor.prototype.polluted',
          '__proto__',
          'prescription',
          'circuit.pump',
          'prescription.effluentdose',
          'circuit..pump.speed',
          '',
          '.',
          'a'.repeat(500),
          'prescription.effluentDose.value',
          'toString',
        ]),
        pick(r, ['1 kg', 1, true, { polluted: 1 }] as Json[]),
      ],
    ],
  ])();
}

function randomTimelineEntry(r: Rng, weight: number): Json {
  const entry: JsonObject = { at: randomAt(r) };
  const kind = weighted(r, [
    [6, 'set'],
    [2, 'bolus'],
    [2, 'changeFilter'],
    [2, 'fault'],
    [1, 'empty'],
    [1, 'garbage'],
  ] as const);
  if (kind === 'set') {
    const set: JsonObject = {};
    for (let i = int(r, 1, 3); i > 0; i--) {
      const [k, v] = randomSetting(r, weight);
      setOwn(set, k, v);
    }
    entry.set = r() < 0.05 ? pick(r, [null, [], 'x', 1] as Json[]) : set;
  } else if (kind === 'bolus') {
    entry.heparinBolus = r() < 0.7 ? pick(r, [`${fmt(r() * 200)} U/kg`, `${fmt(r() * 50000)} U`, '60000 U', '0 U']) : badValue(r);
  } else if (kind === 'changeFilter') {
    entry.changeFilter = r() < 0.8 ? true : pick(r, [false, 'yes', 1, null] as Json[]);
  } else if (kind === 'fault') {
    const fault: JsonObject = {};
    if (r() < 0.7) fault.filterClot = r() < 0.8 ? `${fmt(r() * 100)} %` : badValue(r);
    if (r() < 0.5) fault.oxygenatorThrombus = r() < 0.8 ? `${fmt(r() * 500)} %` : badValue(r);
    if (r() < 0.1) setOwn(fault, pick(r, KEYS), 1);
    entry.fault = fault;
  } else if (kind === 'garbage') {
    setOwn(entry, pick(r, [...KEYS, 'sett', 'heparinbolus', 'fault ']), badValue(r));
  }
  if (r() < 0.1) entry.note = r() < 0.8 ? 'a note' : pick(r, ['x'.repeat(501), 5, null] as Json[]);
  return entry;
}

const TREE_MUTATIONS = ['replace', 'replace', 'replace', 'delete', 'addKey', 'section', 'nest', 'timeline', 'timeline', 'topLevel'] as const;

function mutateTree(r: Rng, doc: JsonObject, log: string[]): void {
  const weight = 80;
  const kind = pick(r, TREE_MUTATIONS);
  const paths = allPaths(doc);
  const where = pick(r, paths) ?? ['name'];
  const at = where.join('.');
  switch (kind) {
    case 'replace': {
      const p = parentOf(doc, where);
      if (!p) return;
      const v = badValue(r);
      setOwn(p.parent, p.key, v);
      log.push(`replace ${at} with ${describe(v)}`);
      return;
    }
    case 'delete': {
      const p = parentOf(doc, where);
      if (!p) return;
      if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
      else delete p.parent[p.key as string];
      log.push(`delete ${at}`);
      return;
    }
    case 'addKey': {
      const objects = [[], ...paths].filter((q) => {
        const node = q.reduce<Json>((n, k) => (n && typeof n === 'object' ? (n as Record<PathKey, Json>)[k] : null), doc);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
      });
      const target = pick(r, objects);
      const node = target.reduce<Json>((n, k) => (n as Record<PathKey, Json>)[k], doc) as JsonObject;
      const key = r() < 0.7 ? pick(r, KEYS) : pick(r, LEAVES).path.split('.').at(-1)!;
      const value = r() < 0.3 ? { polluted: 1 } : badValue(r);
      setOwn(node, key, value);
      log.push(`add ${JSON.stringify(key)} at ${target.join('.') || '(top)'}`);
      return;
    }
    case 'section': {
      const key = pick(r, [
        'patient',
        'circuit',
        'filter',
        'prescription',
        'kinetics',
        'hemodynamics',
        'timeline',
        'patient.baseline',
        'circuit.pump',
        'prescription.heparin',
      ]);
      const v = pick(r, [null, 'string', 42, [], {}, true, [{}]] as Json[]);
      const p = parentOf(doc, key.split('.'));
      if (p) setOwn(p.parent, p.key, v);
      log.push(`section ${key} = ${describe(v)}`);
      return;
    }
    case 'nest': {
      const p = parentOf(doc, where);
      if (!p) return;
      const depth = weighted(r, [
        [3, int(r, 1, 5)],
        [2, int(r, 20, 40)],
        [1, int(r, 50, 200)],
      ] as const);
      setOwn(p.parent, p.key, nest(r, (p.parent as Record<PathKey, Json>)[p.key], depth));
      log.push(`nest ${at} ${depth} deep`);
      return;
    }
    case 'timeline': {
      const n = int(r, 1, 6);
      const entries = Array.from({ length: n }, () => randomTimelineEntry(r, weight));
      doc.timeline = r() < 0.5 && Array.isArray(doc.timeline) ? [...doc.timeline, ...entries] : entries;
      log.push(`timeline +${n}`);
      return;
    }
    case 'topLevel': {
      const key = pick(r, ['seed', 'duration', 'outputInterval', 'name', 'description', '$schema']);
      const v = pick(r, [-1, 1.5, 2 ** 32, '1', null, '', '0 h', '0.01 h', '1 min', '2160 h', '1e-9 h', 'x'.repeat(6000), 'x'.repeat(201), 5] as Json[]);
      doc[key] = v;
      log.push(`top ${key} = ${describe(v)}`);
      return;
    }
  }
}

/** Legal values across each field's whole accepted range: the engine's turn. */
function mutateLegal(r: Rng, doc: JsonObject, log: string[]): void {
  for (let i = int(r, 1, 8); i > 0; i--) {
    const { path, spec } = pick(r, LEAVES);
    const keys = path.split('.');
    let node: JsonObject = doc;
    let ok = true;
    for (const k of keys.slice(0, -1)) {
      if (node[k] === null) {
        ok = false;
        break;
      }
      if (typeof node[k] !== 'object' || Array.isArray(node[k])) node[k] = {};
      node = node[k] as JsonObject;
    }
    if (!ok) continue;
    const v = legalText(r, spec);
    node[keys[keys.length - 1]] = v;
    log.push(`legal ${path} = ${describe(v)}`);
  }
  if (r() < 0.4) {
    const n = int(r, 1, 5);
    doc.timeline = Array.from({ length: n }, () => {
      const { path, spec } = pick(r, ADJUSTABLE);
      return weighted<() => Json>(r, [
        [5, () => ({ at: `${fmt(r() * 24)} h`, set: { [path]: legalText(r, spec) } })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, heparinBolus: `${fmt(r() * 100)} U/kg` })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, changeFilter: true })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, fault: { filterClot: `${fmt(r() * 100)} %`, oxygenatorThrombus: `${fmt(r() * 300)} %` } })],
      ])();
    });
    log.push(`legal timeline +${n}`);
  }
}

/** Mutations of the text itself: broken JSON, duplicate keys, encodings. */
function mutateText(r: Rng, text: string, log: string[]): string {
  const pos = int(r, 0, text.length);
  const kind = pick(r, [
    'truncate',
    'deleteChar',
    'insertChar',
    'singleQuotes',
    'trailingComma',
    'comment',
    'bom',
    'literal',
    'duplicateKey',
    'escapedDuplicate',
    'replaceAll',
    'deepText',
    'controlChar',
    'loneSurrogate',
    'huge',
  ] as const);
  log.push(`text ${kind}`);
  switch (kind) {
    case 'truncate':
      return text.slice(0, pos);
    case 'deleteChar':
      return text.slice(0, pos) + text.slice(pos + 1);
    case 'insertChar':
      return text.slice(0, pos) + pick(r, ['{', '}', '[', ']', ',', ':', '"', '\\', 'a', '0', '-', '\u2028', '\u0000', 'é', '😀', ' ']) + text.slice(pos);
    case 'singleQuotes':
      return text.replace(/"/g, () => (r() < 0.1 ? "'" : '"'));
    case 'trailingComma':
      return text.replace(/(\S)(\s*[}\]])/, '$1,$2');
    case 'comment':
      return text.replace(/\n/, pick(r, ['\n// a comment\n', '\n/* a comment */\n', '\n# a comment\n']));
    case 'bom':
      return '\uFEFF' + text;
    case 'literal':
      return text.replace(/"\d[^"]*"/, pick(r, ['NaN', 'Infinity', '-Infinity', 'undefined', '0x10', '01', '1.', '.5', '+1', "'45 kg'", 'true false']));
    case 'duplicateKey': {
      const lines = text.split('\n');
      const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*"[^"]+":\s*[^{[]+,\s*$/.test(l));
      if (!candidates.length) return text;
      const [line, i] = pick(r, candidates);
      lines.splice(i + 1, 0, line);
      return lines.join('\n');
    }
    case 'escapedDuplicate':
      // "\u0077eight" is "weight": the same key spelt two ways
      return text.replace(/"weight": ("[^"]*"),/, '"weight": $1, "\\u0077eight": "90 kg",');
    case 'replaceAll':
      return pick(r, [
        '',
        ' ',
        '\n',
        'null',
        '[]',
        '42',
        '"scenario"',
        'true',
        '{}',
        '{"name": "x"}',
        '[{}]',
        '{"__proto__": {"polluted": 1}}',
        '\uFEFF',
        '\u0000',
      ]);
    case 'deepText': {
      const d = pick(r, [33, 100, 5000, 50_000]);
      return pick(r, ['[', '{"a":']).repeat(d) + '1' + pick(r, [']', '}']).repeat(d);
    }
    case 'controlChar':
      return text.replace(/"name": "/, `"name": "${pick(r, ['\u0000', '\u0007', '\b', '\u001f'])}`);
    case 'loneSurrogate':
      return text.replace(/"name": "/, pick(r, ['"name": "\\ud800', '"name": "\ud800', '"name": "\\udfff x']));
    case 'huge':
      return text.replace(/\n/, '\n' + ' '.repeat(pick(r, [100_000, 5 * 1024 * 1024 + 10])));
  }
}

function describe(v: Json): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...(${s.length})` : s;
}

export interface FuzzCase {
  seed: number;
  index: number;
  mutations: string[];
  text: string;
}

/** Case `index` of `seed`: the same text on every machine. */
export function makeCase(seed: number, index: number): FuzzCase {
  const r = caseRng(seed, index);
  const doc = structuredClone(pick(r, BASES)) as JsonObject;
  const log: string[] = [];
  const family = weighted(r, [
    [45, 'tree'],
    [25, 'legal'],
    [20, 'text'],
    [10, 'mixed'],
  ] as const);
  if (family === 'legal') mutateLegal(r, doc, log);
  if (family === 'tree' || family === 'mixed') for (let i = int(r, 1, 3); i > 0; i--) mutateTree(r, doc, log);
  let text = JSON.stringify(doc, null, 2);
  if (family === 'text' || family === 'mixed') text = mutateText(r, text, log);
  return { seed, index, mutations: log, text };
}

// ---------------------------------------------------------------------------------------------------------------
// Running one case and judging the outcome

export type OutcomeKind = 'valid' | 'validation' | 'engine' | 'failure';
export interface Outcome {
  kind: OutcomeKind;
  /** For failures: what went wrong. For the others: the first message (validation, engine). */
  detail: string;
  ms: number;
}

/** Engine stops allowed: a state no patient survives, or a prescription the filter can no longer run. */
export const ACCEPTED_ENGINE_STOPS = [
  /the patient has lost more fluid than the body holds/,
  /the interstitial fluid is used up/,
  /the blood is diluted beyond survival/,
  /the patient is overloaded with fluid/,
  /nothing removes CO2/,
  /the oxygen consumed .* exceeds what the lungs and the circuit deliver/,
  /the hemofilter can no longer run its prescription/,
  /a new filter already needs a TMP/,
];
/** Issues about the whole document have no path; everything else names one. */
const WHOLE_DOCUMENT = /^(not valid JSON|the file is empty|nested more than|expected a JSON object|the file is larger than)/;
const STACK_TRACE = /\n\s+at \S|\bat [^\s()]+ \(|\.(ts|js|mjs|cjs):\d+:\d+/;

/**
 * Which series may be NaN ("does not exist now"), read off reference runs of the bundled scenarios rather than
 * listed by hand, so a series added later is judged too: without a circuit (circuit and filter series), without a
 * filter, and with the filter limb clamped (the filter series that exist only while it filters).
 */
export interface AbsentSeries {
  withoutCircuit: Set<SeriesName>;
  withoutFilter: Set<SeriesName>;
  whileFilterStopped: Set<SeriesName>;
}
let absentCache: AbsentSeries | undefined;
export function absentSeries(): AbsentSeries {
  if (absentCache) return absentCache;
  const nanIn = (doc: JsonObject) => {
    const s = loadScenarioText(JSON.stringify({ ...doc, duration: '0.25 h', timeline: [] }), 'reference run');
    const r = simulate(s);
    return new Set(SERIES_NAMES.filter((n) => r.series[n].every(Number.isNaN)));
  };
  const clamped = structuredClone(ECMO);
  const circuit = clamped.circuit as JsonObject;
  circuit.clamps = { ...(circuit.clamps as JsonObject | undefined), filterLimb: true };
  absentCache = { withoutCircuit: nanIn(STANDARD as JsonObject), withoutFilter: nanIn({ ...ECMO, filter: null }), whileFilterStopped: nanIn(clamped) };
  return absentCache;
}

/** Amounts, concentrations, volumes and the flows that cannot reverse. */
/** Series that are never negative where they exist (the fuzzer and the property tests check the same list). */
export const NON_NEGATIVE: SeriesName[] = [
  'il6_pg_mL',
  'pct_ng_mL',
  'crp_mg_L',
  'albumin_g_L',
  'creatinine_mg_dL',
  'heparin_U_mL',
  'heparin_infusion_U_h',
  'aptt_s',
  'intravascular_volume_mL',
  'interstitial_volume_mL',
  'hematocrit_pct',
  'effective_flow_L_min',
  'filter_blood_flow_mL_min',
  'effluent_rate_mL_h',
  'predilution_rate_mL_h',
  'postdilution_rate_mL_h',
  'effluent_volume_mL',
  'replacement_volume_mL',
  'il6_clearance_mL_min',
  'delivered_dose_mL_kg_h',
  'kuf_mL_h_mmHg',
  'filter_clotted_pct',
  'filter_age_h',
  'sieving_il6',
  'sieving_albumin',
  'filtration_fraction',
  'recirculation_pct',
  'pump_speed_rpm',
  'sweep_gas_L_min',
  'sao2_pct',
  'svo2_pct',
  'pao2_mmHg',
  'paco2_mmHg',
  'drainage_sat_pct',
  'pre_oxygenator_sat_pct',
  'post_oxygenator_sat_pct',
];
/** Percentages that cannot exceed 100. */
export const PERCENT: SeriesName[] = [
  'sao2_pct',
  'svo2_pct',
  'hematocrit_pct',
  'recirculation_pct',
  'filter_clotted_pct',
  'drainage_sat_pct',
  'pre_oxygenator_sat_pct',
  'post_oxygenator_sat_pct',
];

/** What is wrong with a run's output, or null: the invariants a valid run must keep. */
export function outputProblem(r: RunResult): string | null {
  const absent = absentSeries();
  for (const name of SERIES_NAMES) {
    const values = r.series[name];
    if (values.length !== r.series.time_h.length) return `${name} has ${values.length} samples, time_h ${r.series.time_h.length}`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === Infinity || v === -Infinity) return `${name} is ${v} at ${r.series.time_h[i]} h`;
      if (!Number.isNaN(v)) continue;
      const at = `${name} is NaN at ${r.series.time_h[i]} h`;
      if (!absent.withoutCircuit.has(name)) return at;
      if (!absent.withoutFilter.has(name)) {
        if (r.scenario.circuit) return `${at} though the scenario has a circuit`;
      } else if (r.scenario.filter && !absent.whileFilterStopped.has(name)) return `${at} though the scenario has a filter`;
    }
  }
  for (const name of NON_NEGATIVE) {
    const i = r.series[name].findIndex((v) => v < 0);
    if (i >= 0) return `${name} is ${r.series[name][i]} at ${r.series.time_h[i]} h`;
  }
  for (const name of PERCENT) {
    const i = r.series[name].findIndex((v) => v > 100);
    if (i >= 0) return `${name} is ${r.series[name][i]} % at ${r.series.time_h[i]} h`;
  }
  for (const name of ['sao2_pct', 'svo2_pct'] as const) {
    const i = r.series[name].findIndex((v) => !(v > 0));
    if (i >= 0) return `${name} is ${r.series[name][i]} % at ${r.series.time_h[i]} h: no patient lives at that saturation`;
  }
  for (const [solute, b] of Object.entries(r.summary.mass_balance)) {
    if (!(b.relative_residual < 1e-6)) return `the ${solute} balance does not close: relative residual ${b.relative_residual}`;
  }
  return null;
}

function issueProblem(e: ScenarioError): string | null {
  if (!Array.isArray(e.issues) || e.issues.length === 0) return 'a ScenarioError without issues';
  for (const i of e.issues) {
    if (typeof i.path !== 'string' || typeof i.message !== 'string' || i.message.length === 0) return `a malformed issue ${JSON.stringify(i)}`;
    if (i.path === '' && !WHOLE_DOCUMENT.test(i.message)) return `an issue without a path: ${i.message.slice(0, 200)}`;
    if (STACK_TRACE.test(i.message)) return `a stack trace in an issue: ${i.message.slice(0, 200)}`;
    if (i.message.length > 2000) return `an issue message of ${i.message.length} characters`;
  }
  if (STACK_TRACE.test(e.message)) return `a stack trace in the message: ${e.message.slice(0, 200)}`;
  return null;
}

/** Runs one scenario text the CLI's way (duration capped at `maxHours`) and judges the outcome. */
export function runCase(text: string, maxHours = 24): Outcome {
  const t0 = performance.now();
  const done = (kind: OutcomeKind, detail: string): Outcome => ({ kind, detail, ms: performance.now() - t0 });
  const polluted = () => ({}) as Record<string, unknown>;
  try {
    const scenario = loadScenarioText(text, 'fuzz case');
    scenario.duration_h = Math.min(scenario.duration_h, maxHours);
    scenario.outputInterval_h = Math.min(scenario.outputInterval_h, scenario.duration_h);
    const result = simulate(scenario);
    if ('polluted' in polluted()) return done('failure', 'prototype pollution: ({}).polluted is set');
    const problem = outputProblem(result);
    return problem ? done('failure', `silently wrong output: ${problem}`) : done('valid', '');
  } catch (e) {
    if ('polluted' in polluted()) return done('failure', 'prototype pollution: ({}).polluted is set');
    if (e instanceof ScenarioError) {
      const problem = issueProblem(e);
      return problem ? done('failure', `bad ScenarioError: ${problem}`) : done('validation', `${e.issues[0].path}: ${e.issues[0].message}`);
    }
    if (e instanceof EngineError) {
      if (STACK_TRACE.test(e.message)) return done('failure', `a stack trace in an EngineError: ${e.message.slice(0, 200)}`);
      if (/\b(NaN|Infinity|undefined)\b/.test(e.message)) return done('failure', `an EngineError quoting a non-number: ${e.message.slice(0, 300)}`);
      if (ACCEPTED_ENGINE_STOPS.some((re) => re.test(e.message))) return done('engine', e.message);
      return done('failure', `unexpected EngineError: ${e.message.slice(0, 300)}`);
    }
    const err = e as Error;
    return done('failure', `uncaught ${err?.name ?? typeof e}: ${String(err?.message ?? e).slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Regressions: a failing input is kept forever

export interface Regression {
  found: string;
  seed: number;
  case: number;
  mutations: string[];
  failure: string;
  /** What the replay must end in now (test/fuzzRegressions.test.ts). */
  expect: OutcomeKind[];
  /** Hours the replay runs at most (default 24, as the fuzzer). */
  hours?: number;
  /** The scenario text, byte for byte as fuzzed. */
  text: string;
}

export function writeRegression(dir: string, c: FuzzCase, failure: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `seed${c.seed}-case${c.index}.json`);
  const r: Regression = {
    found: `scripts/fuzzScenarios.ts --seed ${c.seed}, case ${c.index}, ${new Date().toISOString().slice(0, 10)}`,
    seed: c.seed,
    case: c.index,
    mutations: c.mutations,
    failure,
    expect: ['valid', 'validation', 'engine'],
    text: c.text,
  };
  writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// The command: a pool of worker threads, each case under a time budget (a worker over budget is terminated).

interface Options {
  seed: number;
  count: number;
  outDir: string;
  hours: number;
  budgetMs: number;
  workers: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { seed: 1, count: 10_000, outDir: 'test/fixtures/fuzz-regressions', hours: 24, budgetMs: 20_000, workers: Math.max(1, cpus().length) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a}: expected a non-negative number, got ${JSON.stringify(v)}`);
      return n;
    };
    if (a === '--seed') o.seed = Math.floor(num(next()));
    else if (a === '--count') o.count = Math.floor(num(next()));
    else if (a === '--out-dir') o.outDir = next();
    else if (a === '--hours') o.hours = num(next());
    else if (a === '--budget-ms') o.budgetMs = num(next());
    else if (a === '--workers') o.workers = Math.max(1, Math.floor(num(next())));
    else if (a === '--help' || a === '-h') {
      process.stdout.write('npm run fuzz -- [--seed S] [--count N] [--out-dir DIR] [--hours H] [--budget-ms MS] [--workers W]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}; expected --seed, --count, --out-dir, --hours, --budget-ms, --workers`);
  }
  return o;
}

interface Job {
  seed: number;
  index: number;
  hours: number;
}
interface Reply {
  index: number;
  outcome: Outcome;
}

function startWorker(): Worker {
  // Worker threads start as plain Node: register tsx, then load this module (sim/sweep/worker.mjs does the same).
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  const code = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(self)}); }).then((m) => m.serveCases());`;
  return new Worker(code, { eval: true });
}

/** Inside a worker: run the cases the main thread sends. */
export function serveCases(): void {
  parentPort!.on('message', (job: Job) => {
    const c = makeCase(job.seed, job.index);
    parentPort!.postMessage({ index: job.index, outcome: runCase(c.text, job.hours) } satisfies Reply);
  });
}

/** Failures grouped by kind (numbers masked): count, first case, where it was written. */
function failureKinds(failures: { index: number; detail: string; file: string }[]): string[] {
  const kinds = new Map<string, { n: number; first: { index: number; detail: string; file: string } }>();
  for (const f of failures) {
    const key = f.detail.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, '#').slice(0, 120);
    const k = kinds.get(key);
    if (k) k.n++;
    else kinds.set(key, { n: 1, first: f });
  }
  return [...kinds.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, 25)
    .map(({ n, first }) => `      ${String(n).padStart(5)} × ${first.detail.slice(0, 150)} (first: case ${first.index} → ${first.file})`);
}

async function fuzz(o: Options): Promise<number> {
  const t0 = performance.now();
  const counts: Record<OutcomeKind | 'timeout', number> = { valid: 0, validation: 0, engine: 0, failure: 0, timeout: 0 };
  const engineKinds: Record<string, number> = {};
  const failures: { index: number; detail: string; file: string }[] = [];
  const slow: { index: number; ms: number }[] = [];
  const bySignature = new Map<string, number>();
  let nextIndex = 0;
  let finished = 0;
  let lastReport = performance.now();

  const record = (index: number, outcome: Outcome | 'timeout') => {
    finished++;
    if (outcome === 'timeout') {
      counts.timeout++;
      const c = makeCase(o.seed, index);
      failures.push({
        index,
        detail: `over the ${o.budgetMs} ms budget (worker terminated)`,
        file: writeRegression(o.outDir, c, `over the ${o.budgetMs} ms time budget`),
      });
      return;
    }
    counts[outcome.kind]++;
    if (outcome.ms > 2000) slow.push({ index, ms: outcome.ms });
    if (outcome.kind === 'engine') {
      const key = ACCEPTED_ENGINE_STOPS.find((re) => re.test(outcome.detail))!.source.replace(/\\/g, '');
      engineKinds[key] = (engineKinds[key] ?? 0) + 1;
    }
    if (outcome.kind === 'failure') {
      // keep every distinct failure, and at most three of a kind
      const signature = outcome.detail.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, '#').slice(0, 120);
      const seen = bySignature.get(signature) ?? 0;
      bySignature.set(signature, seen + 1);
      const file = seen < 3 ? writeRegression(o.outDir, makeCase(o.seed, index), outcome.detail) : '(not written: a fourth of its kind)';
      failures.push({ index, detail: outcome.detail, file });
    }
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      process.stderr.write(`  ${finished}/${o.count} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
  };

  await new Promise<void>((resolve) => {
    const launch = () => {
      const w = startWorker();
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        if (nextIndex >= o.count) {
          current = undefined;
          void w.terminate();
          if (finished >= o.count) resolve();
          return;
        }
        current = nextIndex++;
        timer = setTimeout(() => {
          // over budget: this worker may be stuck forever; kill it and carry on with a fresh one
          const stuck = current!;
          current = undefined;
          w.removeAllListeners();
          void w.terminate();
          record(stuck, 'timeout');
          if (finished >= o.count) resolve();
          else launch();
        }, o.budgetMs);
        w.postMessage({ seed: o.seed, index: current, hours: o.hours } satisfies Job);
      };
      w.on('message', (reply: Reply) => {
        clearTimeout(timer);
        record(reply.index, reply.outcome);
        feed();
        if (finished >= o.count) resolve();
      });
      w.on('error', (e) => {
        clearTimeout(timer);
        if (current !== undefined) {
          const c = makeCase(o.seed, current);
          counts.failure++;
          finished++;
          failures.push({ index: current, detail: `worker died: ${e.message}`, file: writeRegression(o.outDir, c, `worker died: ${e.message}`) });
        }
        if (finished >= o.count) resolve();
        else launch();
      });
      w.on('online', feed);
    };
    for (let i = 0; i < Math.min(o.workers, o.count); i++) launch();
    if (o.count === 0) resolve();
  });

  const seconds = (performance.now() - t0) / 1000;
  const lines = [
    `fuzzScenarios: seed ${o.seed}, ${o.count} cases in ${seconds.toFixed(1)} s (${(o.count / seconds).toFixed(0)} cases/s, ${o.workers} workers, runs capped at ${o.hours} h, budget ${o.budgetMs} ms a case)`,
    `  valid runs          ${counts.valid}`,
    `  validation errors   ${counts.validation}`,
    `  engine stops        ${counts.engine}${Object.keys(engineKinds).length ? '' : ' (none)'}`,
    ...Object.entries(engineKinds).map(([k, n]) => `      ${String(n).padStart(5)} × ${k}`),
    `  failures            ${counts.failure + counts.timeout} (${counts.timeout} over the time budget)`,
    ...failureKinds(failures),
    `  slow cases (> 2 s)  ${slow.length}${
      slow.length
        ? `: ${slow
            .slice(0, 10)
            .map((s) => `${s.index} (${(s.ms / 1000).toFixed(1)} s)`)
            .join(', ')}`
        : ''
    }`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return counts.failure + counts.timeout === 0 ? 0 : 1;
}

const invokedDirectly = isMainThread && process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  fuzz(options).then((code) => {
    process.exitCode = code;
  });
}
