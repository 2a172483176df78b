/** Trend samples and events of the current run, kept on the page for the charts. */
import { TREND_SERIES, type SimEventView, type TrendPoint, type TrendSeries } from '../protocol';

export class TrendStore {
  readonly t_h: number[] = [];
  readonly values: Record<TrendSeries, number[]> = Object.fromEntries(TREND_SERIES.map((k) => [k, []])) as unknown as Record<TrendSeries, number[]>;
  readonly events: SimEventView[] = [];
  /** Bumped on every change, so charts redraw only when something new arrived. */
  version = 0;

  reset(): void {
    this.t_h.length = 0;
    for (const k of TREND_SERIES) this.values[k].length = 0;
    this.events.length = 0;
    this.version++;
  }

  add(points: TrendPoint[], events: SimEventView[]): void {
    for (const p of points) {
      this.t_h.push(p.t_h);
      TREND_SERIES.forEach((k, i) => this.values[k].push(p.values[i]));
    }
    for (const e of events) this.events.push(e);
    if (points.length || events.length) this.version++;
  }
}
