/**
 * One quantity leaf read from its text ("45 mL/kg/h", "23 Fr", 0.3) into internal units, or per kg of body weight;
 * and what its spec expects, in words. Without zod: the engine reads live settings through this (Simulation.set →
 * leaf.ts), and the scenario schema (schema.ts) through it too.
 */
import type { QuantitySpec } from '../parameters.js';
import { parseQuantity, UnitParseError } from '../units.js';
import { shownValue } from './errors.js';
import { quantityTextProblem } from './quantityText.js';

/** A quantity after unit parsing: internal units, or per kg of body weight (resolved later). */
export type ParsedQuantity = { value: number; perKg: boolean; text: string };

/** Per-kg form of a unit: 'U/h' → 'U/kg/h', 'U' → 'U/kg'. */
export function perKgUnit(unit: string): string {
  const slash = unit.indexOf('/');
  return slash < 0 ? `${unit}/kg` : `${unit.slice(0, slash)}/kg${unit.slice(slash)}`;
}

export function expectedText(spec: QuantitySpec): string {
  const u = spec.unit === '1' ? '' : ` ${spec.unit}`;
  const forms =
    spec.unit === '1' ? 'a number or a percentage' : spec.perKg ? `a quantity in ${spec.unit} or ${perKgUnit(spec.unit)}` : `a quantity in ${spec.unit}`;
  const [lo, hi] = spec.limits;
  // a fraction is often written as a percentage: show the limits that way too
  const pct = spec.unit === '1' && lo >= 0 && hi <= 1 ? ` (${+(lo * 100).toPrecision(6)} % to ${+(hi * 100).toPrecision(6)} %)` : '';
  // limits kept in internal units (1 min = 0.016666666666666666 h) are shown to 6 significant digits
  return `${forms}, between ${+lo.toPrecision(6)}${u} and ${+hi.toPrecision(6)}${u}${pct}`;
}

/** Reads a quantity leaf; adds an issue naming the value and what was expected when it cannot. */
export function parseQuantityLeaf(spec: QuantitySpec, raw: unknown, ctx: { addIssue: (message: string) => void }): ParsedQuantity | undefined {
  const problem = quantityTextProblem(raw, spec.unit);
  if (problem) {
    ctx.addIssue(`got ${shownValue(raw)}: ${problem}; expected ${expectedText(spec)}`);
    return undefined;
  }
  try {
    return { value: parseQuantity(raw, spec.unit), perKg: false, text: String(raw) };
  } catch (e) {
    if (spec.perKg) {
      try {
        return { value: parseQuantity(raw, perKgUnit(spec.unit)), perKg: true, text: String(raw) };
      } catch {
        /* report the plain form's error below */
      }
    }
    const why = e instanceof UnitParseError ? e.message : 'could not be read';
    ctx.addIssue(`got ${shownValue(raw)}: ${why}; expected ${expectedText(spec)}`);
    return undefined;
  }
}
