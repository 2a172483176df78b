/**
 * ParameterPower (sim/model/parameterPower.ts): base ** exponent taken again only when either changes, the same
 * double as computing it at every call, whatever the sequence of pairs (−0, NaN and a change of either included).
 */
import { describe, expect, it } from 'vitest';
import { ParameterPower } from '../sim/model/parameterPower.js';

describe('a power of parameters held between calls', () => {
  it('gives base ** exponent bit for bit over a sequence of repeated and changed pairs', () => {
    const power = new ParameterPower();
    const pairs: [number, number][] = [
      [1000, 1],
      [1000, 1],
      [1000, 2.3],
      [1000, 2.3],
      [500, 2.3],
      [0, -1],
      [-0, -1],
      [-0, -1],
      [NaN, 0],
      [NaN, 2],
      [1000, 1],
    ];
    for (const [base, exponent] of pairs) expect(Object.is(power.of(base, exponent), base ** exponent)).toBe(true);
  });
});
