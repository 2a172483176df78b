/**
 * Sobol' first-order and total-effect indices by Saltelli sampling (Saltelli et al. 2010, Comput. Phys. Commun.
 * 181:259–270) with the Jansen (1999, Comput. Phys. Commun. 117:35–43) estimators — Saltelli 2010, Table 2 (f).
 *
 * Two independent N × k sample matrices A and B on [0, 1]^k (here two seeded Latin hypercubes; Saltelli 2010 uses
 * quasi-random Sobol' points, which converge faster but need tables of direction numbers), and for each factor i
 * the matrix A_B^(i): A with its column i taken from B. N(k + 2) model runs in all. With f(·) the outputs row by
 * row and V the variance of the 2N outputs f(A), f(B):
 *   first order   S_i  = [V − (1/2N) Σ_j (f(B)_j − f(A_B^(i))_j)²] / V
 *   total effect  S_Ti = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V
 * S_i is the share of the output variance due to factor i alone, S_Ti its share including all its interactions.
 * Rows j with a failed evaluation (NaN) in any of the k + 2 matrices are dropped.
 */
import { latinHypercube } from '../sweep/latinHypercube.js';

export interface SaltelliDesign {
  k: number;
  n: number;
  /** N(k + 2) points: the rows of A, then B, then A_B^(1) ... A_B^(k) */
  points: number[][];
}

export interface SobolIndices {
  first: number[];
  total: number[];
  /** base samples used (after dropping failed rows) */
  used: number;
  variance: number;
}

export function saltelliDesign(k: number, n: number, seed: number): SaltelliDesign {
  const a = latinHypercube(n, k, seed);
  const b = latinHypercube(n, k, (seed ^ 0x5bd1e995) >>> 0);
  const points = [...a, ...b];
  for (let i = 0; i < k; i++) for (let j = 0; j < n; j++) points.push(a[j].map((v, d) => (d === i ? b[j][i] : v)));
  return { k, n, points };
}

export function sobolIndices(design: SaltelliDesign, y: readonly number[]): SobolIndices {
  const { k, n } = design;
  const fA = (j: number) => y[j];
  const fB = (j: number) => y[n + j];
  const fAB = (i: number, j: number) => y[(2 + i) * n + j];
  const rows: number[] = [];
  for (let j = 0; j < n; j++) {
    let ok = Number.isFinite(fA(j)) && Number.isFinite(fB(j));
    for (let i = 0; ok && i < k; i++) ok = Number.isFinite(fAB(i, j));
    if (ok) rows.push(j);
  }
  const m = rows.length;
  const both = rows.flatMap((j) => [fA(j), fB(j)]);
  const mean = both.reduce((s, v) => s + v, 0) / both.length;
  const variance = both.reduce((s, v) => s + (v - mean) ** 2, 0) / (both.length - 1);
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    let sFirst = 0;
    let sTotal = 0;
    for (const j of rows) {
      sFirst += (fB(j) - fAB(i, j)) ** 2;
      sTotal += (fA(j) - fAB(i, j)) ** 2;
    }
    first.push(variance > 0 ? (variance - sFirst / (2 * m)) / variance : NaN);
    total.push(variance > 0 ? sTotal / (2 * m) / variance : NaN);
  }
  return { first, total, used: m, variance };
}
