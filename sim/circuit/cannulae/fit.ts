/**
 * Least-squares fit of a cannula's points to ΔP = a·Q + b·Q² (no constant: no flow, no drop), both terms
 * non-negative (a viscous and an inertial loss cannot be gains).
 *
 * Unconstrained, the normal equations of Σ(ΔPᵢ − a·Qᵢ − b·Qᵢ²)² give
 *   a = (Σ Q·ΔP · Σ Q⁴ − Σ Q²·ΔP · Σ Q³) / D,   b = (Σ Q² · Σ Q²·ΔP − Σ Q³ · Σ Q·ΔP) / D,   D = Σ Q² · Σ Q⁴ − (Σ Q³)²
 * If a term comes out negative it is held at zero and the other refitted alone (the active-set solution of the
 * two-parameter non-negative least squares, Lawson & Hanson 1974): b = Σ Q²·ΔP / Σ Q⁴, or a = Σ Q·ΔP / Σ Q².
 * Units are the points' own (here L/min and mmHg).
 */

export interface TwoTermFit {
  /** mmHg per (L/min) */
  viscous: number;
  /** mmHg per (L/min)² */
  inertial: number;
}

export function fitTwoTerm(points: readonly (readonly [number, number])[]): TwoTermFit {
  if (points.length < 2) throw new Error(`a two-term fit needs at least 2 points, got ${points.length}`);
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let r1 = 0;
  let r2 = 0;
  for (const [q, dp] of points) {
    s2 += q * q;
    s3 += q * q * q;
    s4 += q * q * q * q;
    r1 += q * dp;
    r2 += q * q * dp;
  }
  const det = s2 * s4 - s3 * s3;
  const a = (r1 * s4 - r2 * s3) / det;
  const b = (s2 * r2 - s3 * r1) / det;
  if (a >= 0 && b >= 0) return { viscous: a, inertial: b };
  if (a < 0) return { viscous: 0, inertial: Math.max(r2 / s4, 0) };
  return { viscous: Math.max(r1 / s2, 0), inertial: 0 };
}

/** The fitted drop at a flow, in the fit's units. */
export function fittedDrop(f: TwoTermFit, flow: number): number {
  return f.viscous * flow + f.inertial * flow * Math.abs(flow);
}
