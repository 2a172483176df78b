/**
 * The chart's runs made reachable: over each drawn run a focusable point (a link to the live view with the run's
 * settings, runLink.ts), placed with the chart's own scales; pointing at it or tabbing to it shows the run's settings
 * and outcomes in a tooltip, and clicking it (or Enter) opens the live view in a new tab. Escape hides the tooltip.
 */
import { columnLabel } from '../../sim/plot/columnLabels.js';
import type { ChartSpec } from '../../sim/plot/plotKinds.js';
import type { ResultsTable, Row } from '../../sim/plot/resultsTable.js';
import { formatNumber } from '../../sim/sweep/resultsCsv.js';
import { runAddress, type RunOrigin } from './runLink.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The point's reach around a drawn dot (px): larger than the dot, so it is easy to point at. */
const REACH_px = 7;

/** Outcomes every tooltip shows after the chart's own columns. */
const KEY_OUTCOMES = [
  'il6_change_pct',
  'pct_change_pct',
  'delivered_dose_mL_kg_h',
  'albumin_lost_g',
  'membrane_life_h',
  'mean_filter_life_h',
  'peak_tmp_mmHg',
  'downtime_h',
  'filters_per_day',
  'bags_per_day',
  'map_24h_mmHg',
];

interface Scale {
  apply(v: unknown): number;
  bandwidth?: number;
}

type ScaledPlot = Element & { scale?: (name: string) => Scale | undefined };

/** The lines of a run's tooltip: its run id, whether it is on the front, its settings, then its outcomes. */
export function runDescription(table: ResultsTable, spec: ChartSpec, index: number): string[] {
  const row = spec.rows[index];
  const shown = (c: string) => `${columnLabel(c, table.parameters)}: ${row[c] === null ? '—' : formatNumber(row[c])}`;
  const front = spec.dominated ? [spec.dominated[index] ? 'dominated by another run' : 'on the front'] : [];
  const plotted = [spec.x, spec.y, ...(spec.color ? [spec.color] : [])].filter((c) => !table.parameters.includes(c));
  const outcomes = [...new Set([...plotted, ...KEY_OUTCOMES])].filter((c) => table.columns.includes(c));
  return [`Run ${row.run_id}${front.length ? ` (${front[0]})` : ''}`, ...table.parameters.map(shown), ...outcomes.map(shown)];
}

function position(scale: Scale, v: number | null): number {
  return scale.apply(v) + (scale.bandwidth ?? 0) / 2;
}

export class RunPoints {
  private readonly tip: HTMLElement;

  constructor() {
    this.tip = document.createElement('div');
    this.tip.id = 'run-tooltip';
    this.tip.className = 'run-tooltip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
    document.body.append(this.tip);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.hide();
    });
  }

  /** Puts a point over each run of the drawn chart (a heatmap's cells, which may average runs, get none). */
  attach(plot: Element, spec: ChartSpec, table: ResultsTable, origin: RunOrigin): void {
    this.hide();
    const scaled = plot as ScaledPlot;
    const x = scaled.scale?.('x');
    const y = scaled.scale?.('y');
    if (!x || !y || plot.tagName.toLowerCase() !== 'svg' || (spec.kind === 'heatmap' && x.bandwidth !== undefined)) return;
    const layer = document.createElementNS(SVG, 'g');
    layer.setAttribute('aria-label', 'runs');
    layer.classList.add('run-points');
    spec.rows.forEach((row, i) => layer.append(this.point(row, i, x, y, spec, table, origin)));
    plot.append(layer);
  }

  private point(row: Row, i: number, x: Scale, y: Scale, spec: ChartSpec, table: ResultsTable, origin: RunOrigin): Element {
    const lines = runDescription(table, spec, i);
    const href = runAddress(origin, row, table.parameters);
    const open = href ? 'Click or press Enter to open it in the live view.' : `Not openable in the live view: ${'why' in origin ? origin.why : ''}.`;
    const link = document.createElementNS(SVG, href ? 'a' : 'g');
    if (href) {
      link.setAttribute('href', href);
      link.setAttribute('target', '_blank');
    } else link.setAttribute('tabindex', '0');
    link.classList.add('run-point');
    link.dataset.runId = String(row.run_id);
    link.setAttribute('aria-label', `${lines.join('; ')}. ${open}`);
    link.setAttribute('aria-describedby', this.tip.id);
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', String(position(x, row[spec.x])));
    dot.setAttribute('cy', String(position(y, row[spec.y])));
    dot.setAttribute('r', String(REACH_px));
    link.append(dot);
    const show = () => this.show(dot, lines, open);
    link.addEventListener('mouseenter', show);
    link.addEventListener('focus', show);
    link.addEventListener('mouseleave', () => this.hide());
    link.addEventListener('blur', () => this.hide());
    return link;
  }

  private show(dot: Element, lines: string[], open: string): void {
    const [title, ...rest] = lines;
    const head = document.createElement('strong');
    head.textContent = title;
    const body = rest.map((l) => Object.assign(document.createElement('div'), { textContent: l }));
    const hint = Object.assign(document.createElement('em'), { textContent: open });
    this.tip.replaceChildren(head, ...body, hint);
    this.tip.hidden = false;
    const at = dot.getBoundingClientRect();
    const left = Math.min(at.right + 8 + window.scrollX, window.scrollX + document.documentElement.clientWidth - this.tip.offsetWidth - 8);
    this.tip.style.left = `${Math.max(window.scrollX, left)}px`;
    this.tip.style.top = `${at.top + window.scrollY}px`;
  }

  hide(): void {
    this.tip.hidden = true;
  }
}
