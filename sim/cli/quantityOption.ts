/** A command-line quantity with its unit ("4 L/min", "30 %"), within limits, or a ScenarioError naming the option. */
import { ScenarioError } from '../scenario/errors.js';
import { formatQuantity, parseQuantity, UnitParseError, type InternalUnit } from '../units.js';

export function quantityOption(option: string, text: string, unit: InternalUnit, limits: readonly [number, number], example: string): number {
  const fail = (why: string) => new ScenarioError(option, [{ path: option, message: `got ${JSON.stringify(text)}: ${why}` }]);
  let value: number;
  try {
    value = parseQuantity(text, unit);
  } catch (e) {
    if (e instanceof UnitParseError) throw fail(`expected a quantity such as "${example}" (${e.message})`);
    throw e;
  }
  const [lo, hi] = limits;
  if (!(value >= lo && value <= hi)) throw fail(`expected a quantity between ${formatQuantity(lo, unit)} and ${formatQuantity(hi, unit)}`);
  return value;
}
