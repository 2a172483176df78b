/**
 * base ** exponent for a pair of parameters that stays the same through a run (a half-effect constant raised to its
 * Hill exponent), asked for at every evaluation: computed again only when either differs from the last call's
 * (Object.is: bit for bit, NaN and −0 included), else the last value, the same double. One per call site.
 */
export class ParameterPower {
  private base = NaN;
  private exponent = NaN;
  private value = NaN;

  of(base: number, exponent: number): number {
    if (!Object.is(base, this.base) || !Object.is(exponent, this.exponent)) {
      this.base = base;
      this.exponent = exponent;
      this.value = base ** exponent;
    }
    return this.value;
  }
}
