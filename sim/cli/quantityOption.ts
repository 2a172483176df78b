/** A command-line quantity with its unit ("4 L/min", "30 %"), within limits, or a ScenarioError naming the option. */
import { ScenarioError } from '../scenario/errors.js';
import { formatQuantity, parseQuantity, UnitParseError, type InternalUnit } from '../units.js';

export function quantityOption(option: string, text: string, unit: InternalUnit, limits: readonly [number, number], example: string): number {
  const fail = (why: string) => new ScenarioError(option, [{ path: option, message: `got ${JSON.stringify(text)}: ${why}` }]);
  let value: number;
  try {
    value = parseQuantity(text, unit);
  } catch (e) {
    // a bare number: the example says the unit meant ("4 L/min"), not the internal one ("4 mL/min")
    const why = e instanceof UnitParseError && /has no unit/.test(e.message) ? `${JSON.stringify(text.trim())} has no unit` : (e as Error).message;
    if (e instanceof UnitParseError) throw fail(`expected a quantity such as "${example}" (${why})`);
    throw e;
  }
  const [lo, hi] = limits;
  // a fraction asked for in % ("30 %") has its limits said in % too
  const shown = (v: number) => (unit === '1' && example.endsWith('%') ? `${+(100 * v).toPrecision(6)} %` : formatQuantity(v, unit));
  if (!(value >= lo && value <= hi)) throw fail(`expected a quantity between ${shown(lo)} and ${shown(hi)}`);
  return value;
}
