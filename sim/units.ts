/**
 * The one place where quantities with units are parsed and converted.
 *
 * Scenario files write every quantity as a string with its unit ("45 mL/kg/h", "23 Fr", "30 %").
 * They are parsed by mathjs's Unit class alone (`Unit.parse`), made from its factory with plain-number arithmetic:
 * no expression evaluator is ever given a scenario string, and a bundle (the command line's, the view's) holds the
 * unit parser's code only, not mathjs's typed functions and matrices (issue 14: they cost 0.2 s of CPU at start).
 *
 * Internal units (the engine computes in these and nothing else; names of raw numbers carry them):
 *
 * | quantity                          | internal unit  |
 * |-----------------------------------|----------------|
 * | time                              | h              |
 * | volume                            | mL             |
 * | blood flow (circuit)              | mL/min         |
 * | fluid rates (effluent, UF, fluids)| mL/h           |
 * | effluent dose                     | mL/kg/h        |
 * | clearance                         | mL/h           |
 * | pressure                          | mmHg           |
 * | body mass                         | kg             |
 * | length (cannulae, tubing)         | mm             |
 * | membrane area                     | m^2            |
 * | dynamic viscosity                 | mPa s          |
 * | pump speed                        | rpm            |
 * | gas flow (sweep)                  | L/min          |
 * | O2 / CO2 transfer                 | mL/min         |
 * | hydraulic permeability            | mL/h/mmHg      |
 * | IL-6                              | pg/mL (amount pg)  |
 * | procalcitonin                     | ng/mL (amount ng)  |
 * | CRP                               | mg/L  (amount mg)  |
 * | albumin, total protein            | g/L   (amount g)   |
 * | heparin                           | U/mL  (amount U, rate U/h) |
 * | fractions (Hct, FF, FiO2, SC)     | 1 (dimensionless; "%" accepted on input) |
 * | rate constants                    | 1/h            |
 */
import { createBigNumberClass, createComplexClass, createFractionClass, createUnitClass, type Unit as MathUnit, type UnitCtor } from 'mathjs';

declare module 'mathjs' {
  // mathjs exports its factories (lib/esm/factoriesAny.js) but its type declarations leave them out
  export const createUnitClass: (dependencies: Record<string, unknown>) => UnitCtor & { parse(text: string, options: { allowNoUnits: boolean }): Unit };
  export const createBigNumberClass: (dependencies: Record<string, unknown>) => unknown;
  export const createComplexClass: (dependencies: Record<string, unknown>) => unknown;
  export const createFractionClass: (dependencies: Record<string, unknown>) => unknown;
}

/** mathjs's default configuration, the part its Unit class reads. */
const config = { number: 'number', predictable: false, relTol: 1e-12, absTol: 1e-15, precision: 64 };

/** mathjs's comparison of two numbers (utils/number.js nearlyEqual with the default tolerances). */
function nearlyEqual(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(config.relTol * Math.max(Math.abs(a), Math.abs(b)), config.absTol);
}

/**
 * The Unit class with the scalar operations it is given as dependencies written for numbers, which is all it is ever
 * given here (config.number 'number'): each is what mathjs's typed function does for numbers, so conversions are
 * bit for bit those of a full mathjs instance, without building its typed functions.
 */
const Unit = createUnitClass({
  config,
  addScalar: (a: number, b: number) => a + b,
  subtractScalar: (a: number, b: number) => a - b,
  multiplyScalar: (a: number, b: number) => a * b,
  divideScalar: (a: number, b: number) => a / b,
  // mathjs's powNumber: x^±Infinity is 0 where it tends to 0
  pow: (x: number, y: number) => ((x * x < 1 && y === Infinity) || (x * x > 1 && y === -Infinity) ? 0 : Math.pow(x, y)),
  abs: Math.abs,
  fix: Math.trunc,
  round: (x: number, digits = 0) => Number(x.toFixed(digits)),
  equal: nearlyEqual,
  isNumeric: (x: unknown) => typeof x === 'number' || typeof x === 'boolean',
  format: (x: unknown) => String(x),
  number: (x: unknown) => Number(x),
  Complex: createComplexClass({}),
  BigNumber: createBigNumberClass({ config }),
  Fraction: createFractionClass({}),
});

/** French catheter scale: 1 Fr = 1/3 mm outer diameter. */
Unit.createUnitSingle('Fr', '0.3333333333333333 mm');
/** Heparin units (U, IU): a dimension of their own, so "U/h" and "U/kg/h" are told apart. */
Unit.createUnitSingle('U', { aliases: ['IU'] });
Unit.createUnitSingle('mcg', '1 ug');
/** Revolutions and beats per minute are frequencies. */
Unit.createUnitSingle('rpm', '1 / min');
Unit.createUnitSingle('bpm', '1 / min');

/** A unit string the engine uses internally, e.g. 'mL/kg/h'; '1' means dimensionless. */
export type InternalUnit = string;

export class UnitParseError extends Error {}

/** Numbers, spaces and the characters of a unit expression; anything else is refused before mathjs sees it. */
const QUANTITY_SHAPE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*(\/\s*)?[A-Za-z][A-Za-z0-9 /*^().-]*$/;
/** A reciprocal unit written "1/h" after the number ("0.1 1/h"): mathjs reads it as "0.1 /h". */
const RECIPROCAL_ONE = /^([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)\s+1\s*\//;
const NUMBER_ONLY = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const PERCENT = /^([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)\s*%$/;
const MAX_TEXT = 64;

function toNumberStrict(text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v)) throw new UnitParseError(`"${text}" is not a finite number`);
  return v;
}

/**
 * Parses `input` (a string with unit, or for dimensionless quantities a bare number or a percentage)
 * and returns its value in `internalUnit`. Throws UnitParseError with a sentence saying what is wrong.
 */
export function parseQuantity(input: unknown, internalUnit: InternalUnit): number {
  const dimensionless = internalUnit === '1';
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new UnitParseError(`${input} is not a finite number`);
    if (dimensionless) return input;
    throw new UnitParseError(`a bare number has no unit; write it with its unit, e.g. "${input} ${internalUnit}"`);
  }
  if (typeof input !== 'string') {
    throw new UnitParseError(`${describeType(input)} is not a quantity; write it as a string such as "${dimensionless ? '30 %' : `1 ${internalUnit}`}"`);
  }
  if (input.length > MAX_TEXT) throw new UnitParseError(`the text is ${input.length} characters long; a quantity is at most ${MAX_TEXT}`);
  const text = input.trim().replace(/[µμ]/g, 'u');
  if (text === '') throw new UnitParseError('the text is empty');
  const percent = PERCENT.exec(text);
  if (percent) {
    if (!dimensionless) throw new UnitParseError(`a percentage is dimensionless, and this field has a unit (${internalUnit})`);
    return toNumberStrict(percent[1]) / 100;
  }
  if (NUMBER_ONLY.test(text)) {
    if (dimensionless) return toNumberStrict(text);
    throw new UnitParseError(`"${text}" has no unit; write it with its unit, e.g. "${text} ${internalUnit}"`);
  }
  const mathText = text.replace(RECIPROCAL_ONE, '$1 /');
  if (!QUANTITY_SHAPE.test(mathText)) {
    throw new UnitParseError(`"${text}" is not a number followed by a unit (for example "${dimensionless ? '30 %' : `1 ${internalUnit}`}")`);
  }
  const key = `${internalUnit} ${mathText}`;
  const known = PARSED.get(key);
  if (known !== undefined) return known;
  const value = parseWithMathjs(text, mathText, internalUnit);
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(key, value);
  return value;
}

/**
 * Quantities already read, by internal unit and text: a value, never an error. The cohort reads the same protocol
 * texts for every patient (twice each, with their factors), and mathjs's parse is most of a scenario's reading.
 */
const PARSED = new Map<string, number>();
const PARSED_MAX = 4096;

/** A unit mathjs does not know whose lower-case spelling it does ("RPM" → rpm): the hint, or ''. */
function caseHint(message: string, mathText: string): string {
  const unknown = /Unit "([^"]+)" not found/.exec(message)?.[1];
  if (!unknown || unknown.toLowerCase() === unknown) return '';
  try {
    Unit.parse(mathText.replace(unknown, unknown.toLowerCase()), { allowNoUnits: true });
    return ` (did you mean "${unknown.toLowerCase()}"?)`;
  } catch {
    return '';
  }
}

/** mathjs reads a text already in the shape of a number and a unit; its value in `internalUnit`, to 12 digits. */
function parseWithMathjs(text: string, mathText: string, internalUnit: InternalUnit): number {
  const dimensionless = internalUnit === '1';
  let parsed: MathUnit;
  try {
    parsed = Unit.parse(mathText, { allowNoUnits: true }); // what mathjs's unit() does with a text that starts with a number
  } catch (e) {
    const message = (e as Error).message.replace(/\.$/, '');
    throw new UnitParseError(`"${text}" could not be read as a quantity: ${message}${caseHint(message, mathText)}`);
  }
  let value: number;
  try {
    value = dimensionless ? parsed.toNumber('') : parsed.toNumber(mathUnit(internalUnit));
  } catch {
    throw new UnitParseError(
      `wrong dimension: ${parsed.formatUnits() || 'a pure number'} cannot be converted to ${dimensionless ? 'a dimensionless number' : internalUnit}`,
    );
  }
  if (!Number.isFinite(value)) throw new UnitParseError(`"${text}" is not a finite quantity`);
  // mathjs converts through SI, leaving noise such as 2068.9999999999995 for "2069 pg/mL": 12 digits are kept.
  return Number(value.toPrecision(12));
}

/** An internal unit as mathjs reads it: "1/h" (the internal spelling of a rate constant) is "h^-1" there. */
function mathUnit(internalUnit: InternalUnit): string {
  if (!internalUnit.startsWith('1/')) return internalUnit;
  const per = internalUnit.slice(2);
  return /^[A-Za-z]+$/.test(per) ? `${per}^-1` : `(${per})^-1`;
}

/** Formats a value held in internal units, e.g. formatQuantity(45, 'mL/kg/h') → "45 mL/kg/h". */
export function formatQuantity(value: number, unit: InternalUnit, digits?: number): string {
  const shown = digits === undefined ? value : Number(value.toPrecision(digits));
  return unit === '1' ? `${shown}` : `${shown} ${unit}`;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}
