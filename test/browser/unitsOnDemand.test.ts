/**
 * The unit parser as the engine worker's bundle reaches it (src/engine/unitsOnDemand.ts, in place of sim/units.ts):
 * nothing is read before loadUnits(), and afterwards every function and the error class are sim/units.ts's own.
 */
import { describe, expect, it } from 'vitest';
import * as units from '../../sim/units';
import { formatQuantity, loadUnits, parseQuantity, UnitParseError } from '../../src/engine/unitsOnDemand';

describe('the unit parser on demand', () => {
  it('reads nothing before it is loaded, saying so', () => {
    expect(() => parseQuantity('45 mL/kg/h', 'mL/kg/h')).toThrow(/the unit parser is not loaded yet/);
    expect(new units.UnitParseError('x') instanceof UnitParseError).toBe(false);
  });

  it('once loaded, reads and writes quantities as sim/units.ts does, and its errors are UnitParseError', async () => {
    await loadUnits();
    for (const [text, unit] of [
      ['45 mL/kg/h', 'mL/kg/h'],
      ['3.2 L/min', 'mL/min'],
      ['30 %', '1'],
      ['23 Fr', 'mm'],
    ])
      expect(parseQuantity(text, unit)).toBe(units.parseQuantity(text, unit));
    expect(formatQuantity(3200, 'mL/min', 3)).toBe(units.formatQuantity(3200, 'mL/min', 3));
    let thrown: unknown;
    try {
      parseQuantity('45 mmHg', 'mL/kg/h');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(units.UnitParseError);
    expect(thrown instanceof UnitParseError).toBe(true);
    expect(new Error('other') instanceof UnitParseError).toBe(false);
  });
});
