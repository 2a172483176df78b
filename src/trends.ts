/** The trends panel: IL-6, PCT, CRP, MAP, norepinephrine, TMP, aPTT and circuit flows over simulated time. */
import { MAP_TARGET_mmHg } from './consoles/alarmLimits';
import type { Snapshot, TrendSeries } from './protocol';
import { drawChart, type ChartSpec, type Line } from './trends/chart';
import type { TrendStore } from './trends/store';

interface ChartDef {
  id: string;
  spec: (s: Snapshot) => ChartSpec;
  lines: { series: TrendSeries; label: string; colour: string; scale?: number }[];
}

const CHARTS: ChartDef[] = [
  { id: 'il6', spec: () => ({ title: 'IL-6', unit: 'pg/mL', digits: 0, zero: true }), lines: [{ series: 'il6_pg_mL', label: 'IL-6', colour: '#ffb347' }] },
  { id: 'pct', spec: () => ({ title: 'PCT', unit: 'ng/mL', digits: 1, zero: true }), lines: [{ series: 'pct_ng_mL', label: 'PCT', colour: '#f78fb3' }] },
  { id: 'crp', spec: () => ({ title: 'CRP', unit: 'mg/L', digits: 0, zero: true }), lines: [{ series: 'crp_mg_L', label: 'CRP', colour: '#e6d36a' }] },
  {
    id: 'map',
    spec: () => ({ title: 'MAP', unit: 'mmHg', digits: 0, target: MAP_TARGET_mmHg }),
    lines: [{ series: 'map_mmHg', label: 'MAP', colour: '#ff6b6b' }],
  },
  {
    id: 'norepinephrine',
    spec: () => ({ title: 'Norepi', unit: 'µg/kg/min', digits: 2, zero: true }),
    lines: [{ series: 'norepinephrine_ug_kg_min', label: 'NE', colour: '#9ad0ff' }],
  },
  {
    id: 'tmp',
    spec: (s) => ({ title: 'TMP', unit: 'mmHg', digits: 0, limit: s.settings.tmpLimit_mmHg, zero: true }),
    lines: [{ series: 'tmp_mmHg', label: 'TMP', colour: '#7be0c3' }],
  },
  {
    id: 'aptt',
    spec: (s) => ({ title: 'aPTT', unit: 's', digits: 0, band: s.settings.apttTarget_s }),
    lines: [{ series: 'aptt_s', label: 'aPTT', colour: '#c78bff' }],
  },
  {
    id: 'flows',
    spec: () => ({ title: 'Flows', unit: 'L/min', digits: 2, zero: true }),
    lines: [
      { series: 'pump_flow_L_min', label: 'pump', colour: '#ff8c8c' },
      { series: 'effective_flow_L_min', label: 'eff.', colour: '#ffd27f' },
      { series: 'filter_blood_flow_mL_min', label: 'Qb', colour: '#7fc8ff', scale: 1 / 1000 },
    ],
  },
];

/** Redraws at most this often (the samples arrive every 5 simulated minutes). */
const REDRAW_ms = 250;

export class TrendsPanel {
  private readonly canvases: HTMLCanvasElement[] = [];
  private drawnVersion = -1;
  private lastDraw = 0;
  /** The chart to draw next in the current round; CHARTS.length when no round is under way. */
  private next = CHARTS.length;

  constructor(
    host: HTMLElement,
    private readonly store: TrendStore,
  ) {
    for (const c of CHARTS) {
      const cv = document.createElement('canvas');
      cv.className = 'trend';
      cv.dataset.testid = `trend-${c.id}`;
      cv.setAttribute('role', 'img');
      cv.setAttribute('aria-label', `${c.id} trend over simulated time`);
      host.append(cv);
      this.canvases.push(cv);
    }
    new ResizeObserver(() => (this.drawnVersion = -1)).observe(host);
  }

  /**
   * Redraws the charts at most every REDRAW_ms, one chart per display frame: eight charts drawn in one frame made
   * that frame long every REDRAW_ms. A chart is drawn only when the samples or the run's clock moved.
   */
  update(now: number, snap: Snapshot | undefined): void {
    if (!snap) return;
    if (this.next >= CHARTS.length) {
      if (now - this.lastDraw < REDRAW_ms) return;
      if (this.store.version === this.drawnVersion && !snap.running) return;
      this.lastDraw = now;
      this.drawnVersion = this.store.version;
      this.next = 0;
    }
    this.draw(this.next++, snap);
  }

  /** True while a round of chart redraws is under way (the page keeps its frames going until it ends). */
  get drawing(): boolean {
    return this.next < CHARTS.length;
  }

  private draw(i: number, snap: Snapshot): void {
    const c = CHARTS[i];
    const st = this.store;
    const lines: Line[] = c.lines.map((l) => ({
      label: l.label,
      colour: l.colour,
      t_h: st.t_h,
      v: l.scale ? this.scaledSeries(l.series, l.scale) : st.values[l.series],
      now: { t_h: snap.t_h, v: (typeof snap.obs[l.series] === 'number' ? snap.obs[l.series] : NaN) * (l.scale ?? 1) },
    }));
    drawChart(this.canvases[i], c.spec(snap), lines, st.events, snap.t_h);
  }

  private scaledSeries(series: TrendSeries, k: number): Float64Array {
    return Float64Array.from(this.store.values[series], (v) => v * k);
  }
}
