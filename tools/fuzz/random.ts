/** Seeded randomness for the fuzzer: case i of seed S has its own stream, the same on every machine. */

export type Rng = () => number;

function mulberry32(a: number): Rng {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function caseRng(seed: number, index: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return mulberry32(h);
}

/** An integer in [lo, hi]. */
export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** One of xs. */
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
/** One of the options, each as likely as its weight. */
export function weighted<T>(r: Rng, options: readonly (readonly [number, T])[]): T {
  const total = options.reduce((a, [w]) => a + w, 0);
  let x = r() * total;
  for (const [w, v] of options) if ((x -= w) < 0) return v;
  return options[options.length - 1][1];
}
/** Six significant digits, as a number. */
export const fmt = (v: number) => Number(v.toPrecision(6));
