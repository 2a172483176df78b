/**
 * `--vary` specifications: `path=from..to:step` (a grid axis) or `path=from..to` (a Latin-hypercube axis).
 * Values are read with their units and converted to the parameter's internal unit; any mistake becomes a
 * ScenarioError naming the spec and what was expected (the CLI exits with code 2 before writing anything).
 */
import { perKgUnit } from '../scenario/quantityLeaf.js';
import { leafAt, type QuantitySpec, type SpecTree } from '../parameters.js';
import { ScenarioError } from '../scenario/errors.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import { unknownSettingMessage } from '../scenario/suggest.js';
import { quantityTextProblem } from '../scenario/quantityText.js';
import { parseQuantity, UnitParseError } from '../units.js';

/** One varied parameter: its path, the unit its values are written in, and its range (in that unit). */
export interface VaryAxis {
  path: string;
  /** The unit of from/to/step and of the values passed to the scenario (the spec's unit, or its per-kg form). */
  unit: string;
  from: number;
  to: number;
  /** Grid step; undefined for a sampled (LHS) axis. */
  step?: number;
}

/** Grid points are rounded to this many significant digits, as the scenario loader reads them. */
const DIGITS = 12;
export const roundValue = (v: number): number => Number(v.toPrecision(DIGITS));

function fail(spec: string, message: string): never {
  throw new ScenarioError('--vary', [{ path: spec, message }]);
}

/** The per-kg form of a unit: U/h → U/kg/h, U → U/kg. */
function example(unit: string): string {
  return unit === '1' ? '0..1:0.25 or 0 %..100 %:25 %' : `10 ${unit}..20 ${unit}:5 ${unit}`;
}

/** Reads one value in the spec's unit, or in its per-kg form when the spec accepts it (the first value decides). */
function readValue(spec: string, what: string, text: string, q: QuantitySpec, unit: string | undefined): { value: number; unit: string } {
  const candidates = unit ? [unit] : q.perKg ? [q.unit, perKgUnit(q.unit)] : [q.unit];
  let first: Error | undefined;
  for (const u of candidates) {
    try {
      const problem = quantityTextProblem(text, u);
      if (problem) throw new UnitParseError(problem);
      return { value: parseQuantity(text, u), unit: u };
    } catch (e) {
      if (!(e instanceof UnitParseError)) throw e;
      first ??= e;
    }
  }
  const expected = candidates.map((u) => (u === '1' ? 'a dimensionless number or a percentage' : `a quantity in ${u}`)).join(' or ');
  return fail(spec, `${what} ${JSON.stringify(text.trim())}: ${first?.message}; expected ${expected}, e.g. ${example(candidates[0])}`);
}

/**
 * Parses one `--vary` spec. `sampled` is true for Latin-hypercube designs, where a step has no meaning.
 */
export function parseVarySpec(text: string, sampled: boolean): VaryAxis {
  const shape = sampled
    ? 'path=from..to, e.g. "prescription.effluentDose=20 mL/kg/h..70 mL/kg/h"'
    : 'path=from..to:step, e.g. "prescription.effluentDose=20 mL/kg/h..70 mL/kg/h:10 mL/kg/h"';
  const eq = text.indexOf('=');
  if (eq <= 0) fail(text, `${eq < 0 ? 'no "=" between the path and the range' : 'no path before "="'}; expected ${shape}`);
  const path = text.slice(0, eq).trim();
  const rest = text.slice(eq + 1);
  const leaf = leafAt(scenarioSpecs as SpecTree, path);
  if (!leaf) fail(text, unknownSettingMessage(path, 'parameter for --vary'));
  if (leaf.kind !== 'quantity')
    fail(text, `${path} is a ${leaf.kind === 'flag' ? 'true/false flag' : `choice (${leaf.values.join(', ')})`}; --vary takes quantities only`);
  const dots = rest.indexOf('..');
  if (dots < 0) fail(text, `no ".." between from and to; expected ${shape}`);
  const colon = rest.indexOf(':', dots + 2);
  const fromText = rest.slice(0, dots);
  const toText = colon < 0 ? rest.slice(dots + 2) : rest.slice(dots + 2, colon);
  const stepText = colon < 0 ? undefined : rest.slice(colon + 1);
  if (sampled && stepText !== undefined) fail(text, `a step has no meaning with --design lhs (values are sampled); expected ${shape}`);
  if (!sampled && stepText === undefined) fail(text, `no step; expected ${shape} (or --design lhs --samples N to sample the range)`);
  const from = readValue(text, 'from', fromText, leaf, undefined);
  const to = readValue(text, 'to', toText, leaf, from.unit);
  const step = stepText === undefined ? undefined : readValue(text, 'step', stepText, leaf, from.unit);
  const [lo, hi] = from.unit === leaf.unit ? leaf.limits : [undefined, undefined];
  const within = lo === undefined ? '' : ` (${path} accepts ${lo} to ${hi} ${leaf.unit})`;
  if (from.value > to.value) fail(text, `empty range: from ${from.value} ${from.unit} is greater than to ${to.value} ${from.unit}; expected from ≤ to`);
  if (lo !== undefined && hi !== undefined && (from.value < lo || to.value > hi))
    fail(text, `the range ${from.value}..${to.value} ${from.unit} goes outside the accepted limits${within}`);
  if (step && !(step.value > 0)) fail(text, `step ${JSON.stringify(stepText?.trim())} must be greater than 0`);
  return { path, unit: from.unit, from: from.value, to: to.value, step: step?.value };
}

/** The grid values of an axis: from, from + step, ... up to and including to (within rounding). */
export function axisValues(axis: VaryAxis): number[] {
  if (axis.step === undefined) throw new Error(`${axis.path} has no step`);
  const n = Math.floor((axis.to - axis.from) / axis.step + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => roundValue(axis.from + i * axis.step!));
}

/** Parses all specs and refuses a path given twice. */
export function parseVarySpecs(texts: string[], sampled: boolean): VaryAxis[] {
  if (texts.length === 0) fail('--vary', `no parameter to vary; give at least one --vary ${sampled ? 'path=from..to' : 'path=from..to:step'}`);
  const axes = texts.map((t) => parseVarySpec(t, sampled));
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.path)) fail(a.path, 'varied twice; give each parameter one --vary');
    seen.add(a.path);
  }
  return axes;
}
