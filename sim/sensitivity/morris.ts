/**
 * Morris elementary effects (Morris 1991, Technometrics 33:161–174), with μ* (Campolongo, Cariboni & Saltelli
 * 2007, Environ. Model. Softw. 22:1509–1518), on the unit hypercube [0, 1]^k (each factor scaled to its range).
 *
 * Design: r trajectories of k + 1 points on a p-level grid {0, 1/(p−1), ..., 1} (p even), step Δ = p / (2(p − 1)).
 * A trajectory starts at a random base point x* whose coordinates lie in {0, ..., 1 − Δ}; every factor i gets a
 * random direction d_i = ±1 (it starts at x*_i for +1 and at x*_i + Δ for −1) and the factors move by d_i·Δ, one
 * at a time, in a random order — the rows of Morris's B* = (J x* + (Δ/2)[(2B − J)D* + J]) P*.
 *
 * Elementary effect of factor i on trajectory t, between the two points that differ in x_i only:
 *   EE_i^t = [y(x + d_i Δ e_i) − y(x)] / (d_i Δ)
 * Measures over the r trajectories:
 *   μ_i = (1/r) Σ_t EE_i^t,   μ*_i = (1/r) Σ_t |EE_i^t|,   σ_i = sqrt( Σ_t (EE_i^t − μ_i)² / (r − 1) )
 * μ* ranks overall influence; σ flags non-linearity or interactions. Effects are per unit of the scaled factor,
 * i.e. per full range: for y = Σ a_i x_i with x_i ∈ [lo_i, hi_i], μ*_i = |a_i| (hi_i − lo_i) and σ_i = 0.
 * A trajectory with a failed evaluation (NaN) loses only the effects that need that point.
 */
import { SeededRandom } from '../cohort/random.js';

export interface MorrisDesign {
  k: number;
  r: number;
  levels: number;
  delta: number;
  /** r·(k + 1) points in [0, 1]^k, trajectory after trajectory */
  points: number[][];
  /** for each trajectory, the factor moved at each of its k steps */
  order: number[][];
}

export interface MorrisIndices {
  mu: number[];
  muStar: number[];
  sigma: number[];
  /** elementary effects that could be computed, per factor */
  effects: number[];
}

export function morrisDesign(k: number, r: number, levels: number, seed: number): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new Error(`Morris levels must be even and ≥ 2 (got ${levels})`);
  const rng = new SeededRandom(seed);
  const delta = levels / (2 * (levels - 1));
  const baseLevels = levels / 2; // x* ∈ {0, ..., (p/2 − 1)/(p − 1)} keeps x* + Δ ≤ 1
  const points: number[][] = [];
  const order: number[][] = [];
  for (let t = 0; t < r; t++) {
    const dir = Array.from({ length: k }, () => (rng.uniform() < 0.5 ? -1 : 1));
    const x = Array.from({ length: k }, (_, i) => Math.floor(rng.uniform() * baseLevels) / (levels - 1) + (dir[i] < 0 ? delta : 0));
    const perm = rng.permutation(k);
    points.push([...x]);
    for (const i of perm) {
      x[i] += dir[i] * delta;
      points.push([...x]);
    }
    order.push(perm);
  }
  return { k, r, levels, delta, points, order };
}

export function morrisIndices(design: MorrisDesign, y: readonly number[]): MorrisIndices {
  const { k, r, points, order } = design;
  const ee: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < r; t++) {
    const start = t * (k + 1);
    order[t].forEach((i, s) => {
      const a = start + s;
      const b = a + 1;
      const dx = points[b][i] - points[a][i];
      const e = (y[b] - y[a]) / dx;
      if (Number.isFinite(e)) ee[i].push(e);
    });
  }
  const mean = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN);
  const mu = ee.map(mean);
  return {
    mu,
    muStar: ee.map((v) => mean(v.map(Math.abs))),
    sigma: ee.map((v, i) => (v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mu[i]) ** 2, 0) / (v.length - 1)) : NaN)),
    effects: ee.map((v) => v.length),
  };
}
