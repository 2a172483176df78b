/** Values for the mutators: strings and numbers that are wrong in some way, legal values of a field, odd keys. */
import type { LeafSpec } from '../../sim/parameters.js';
import { QUANTITIES } from './bases.js';
import type { Json } from './json.js';
import { fmt, int, pick, weighted, type Rng } from './random.js';

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

/** A wrong value of any type: a bad string or number, a long string, a nested value, another field's quantity. */
export function badValue(r: Rng, depth = 0): Json {
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

export /** A value the field accepts on its own (within limits, its unit or an equivalent one), or at its limits. */
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

/** Keys that are reserved, misspelt, empty or odd. */
export const KEYS = [
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
