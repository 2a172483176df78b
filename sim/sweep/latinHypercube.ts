/**
 * Latin-hypercube sampling on the unit cube: each dimension is cut into n equal strata and every stratum is hit
 * exactly once, at a uniform point inside it; the strata are paired across dimensions by seeded random
 * permutations (McKay, Beckman & Conover 1979). Same seed, same points.
 */
import { SeededRandom } from '../cohort/random.js';

/** n points in [0, 1)^dims, as n rows of dims coordinates. */
export function latinHypercube(n: number, dims: number, seed: number): number[][] {
  const rng = new SeededRandom(seed);
  const points = Array.from({ length: n }, () => new Array<number>(dims));
  for (let d = 0; d < dims; d++) {
    const strata = rng.permutation(n);
    for (let i = 0; i < n; i++) points[i][d] = (strata[i] + rng.uniform()) / n;
  }
  return points;
}
