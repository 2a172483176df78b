/** Polylines along which the lines are drawn and the blood moves: length and the point at a distance. */
export type Pt = readonly [number, number];

export class Polyline {
  readonly length: number;
  private readonly cum: number[];

  constructor(readonly points: readonly Pt[]) {
    this.cum = [0];
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      this.cum.push(this.cum[i - 1] + Math.hypot(x1 - x0, y1 - y0));
    }
    this.length = this.cum[this.cum.length - 1];
  }

  /** Writes the point at distance `d` from the start (clamped to the line) into `out`. */
  pointAt(d: number, out: { x: number; y: number }): void {
    const p = this.points;
    if (d <= 0) {
      out.x = p[0][0];
      out.y = p[0][1];
      return;
    }
    let i = 1;
    while (i < p.length - 1 && this.cum[i] < d) i++;
    const seg = this.cum[i] - this.cum[i - 1];
    const f = seg > 0 ? Math.min((d - this.cum[i - 1]) / seg, 1) : 0;
    out.x = p[i - 1][0] + (p[i][0] - p[i - 1][0]) * f;
    out.y = p[i - 1][1] + (p[i][1] - p[i - 1][1]) * f;
  }
}
