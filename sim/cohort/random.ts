/**
 * Seeded random numbers for the virtual cohort (design.md: same scenario + seed = same bytes out).
 * Mersenne Twister from pure-rand; normal deviates by Box–Muller; log-normal from its arithmetic mean and SD.
 */
import { mersenne } from 'pure-rand/generator/mersenne';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export class SeededRandom {
  private readonly rng;
  private spare: number | undefined;

  constructor(seed: number) {
    this.rng = mersenne(seed);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return uniformFloat64(this.rng);
  }

  /** A standard normal deviate (Box–Muller, both halves used). */
  standardNormal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    const u = 1 - this.uniform(); // (0, 1]
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  normal(mean: number, sd: number): number {
    return mean + sd * this.standardNormal();
  }

  /** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }

  /** Log-normal with the given arithmetic mean and SD: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2. */
  logNormal(mean: number, sd: number): number {
    const s2 = Math.log(1 + (sd * sd) / (mean * mean));
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * this.standardNormal());
  }
}
