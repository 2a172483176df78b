/** A whole-number command-line option within [min, max], or a ScenarioError naming the option (exit 2). */
import { ScenarioError } from '../scenario/errors.js';

export function wholeNumber(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !(n >= min && n <= max)) {
    throw new ScenarioError(option, [{ path: option, message: `got ${JSON.stringify(text)}; expected a whole number from ${min} to ${max}` }]);
  }
  return n;
}
