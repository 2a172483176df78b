import { describe, expect, it } from 'vitest';
import { parseQuantity, UnitParseError } from '../sim/units.js';

describe('units: scenario quantities are parsed with their units into internal units', () => {
  it('converts compound units', () => {
    expect(parseQuantity('45 mL/kg/h', 'mL/kg/h')).toBe(45);
    expect(parseQuantity('1.5 L/min', 'mL/min')).toBe(1500);
    expect(parseQuantity('0.75 mL/kg/min', 'mL/kg/h')).toBeCloseTo(45, 12);
    expect(parseQuantity('7 mmHg/(L/min)', 'mmHg min/mL')).toBeCloseTo(0.007, 12);
  });
  it('knows the custom units: French size (1/3 mm), heparin units, rpm, mcg, µ and %', () => {
    expect(parseQuantity('23 Fr', 'mm')).toBeCloseTo(23 / 3, 10); // values keep 12 significant digits
    expect(parseQuantity('18 U/kg/h', 'U/kg/h')).toBe(18);
    expect(parseQuantity('18 IU/kg/h', 'U/kg/h')).toBe(18);
    expect(parseQuantity('3000 rpm', 'rpm')).toBe(3000);
    expect(parseQuantity('0.74 mcg/kg/min', 'ug/kg/min')).toBeCloseTo(0.74, 12);
    expect(parseQuantity('0.74 µg/kg/min', 'ug/kg/min')).toBeCloseTo(0.74, 12);
    expect(parseQuantity('30 %', '1')).toBeCloseTo(0.3, 12);
    expect(parseQuantity(0.45, '1')).toBe(0.45);
  });
  it('refuses the wrong dimension, a missing unit, and anything that is not a number with a unit', () => {
    expect(() => parseQuantity('45 mmHg', 'mL/kg/h')).toThrow(/wrong dimension/);
    expect(() => parseQuantity('1440 U/h', 'U/kg/h')).toThrow(UnitParseError);
    expect(() => parseQuantity(80, 'kg')).toThrow(/no unit/);
    expect(() => parseQuantity('80', 'kg')).toThrow(/no unit/);
    for (const bad of ['1+2 mL', 'sqrt(4) mL', 'abc', '', '1e999 kg', 'x'.repeat(100), 'import("fs") kg']) {
      expect(() => parseQuantity(bad, 'kg'), bad).toThrow(UnitParseError);
    }
  });
});
