/**
 * The cohort comparison, as a validation report: for each arm and figure, the published value beside the
 * simulated mean ± SD and the percentage error, rated good (≤ 10 %), fair (10–30 %) or poor (> 30 %); then the
 * between-arm differences. Also the JSON and per-patient CSV forms.
 */
import { toJsonText } from '../output/formats.js';
import { METRIC_NAMES, METRICS, SMALL_FIGURE_ALLOWANCE, metricRow, type MetricName } from './metrics.js';
import type { ArmResult } from './replay.js';

export type Rating = 'good' | 'fair' | 'poor';

export function percentError(simulated: number, published: number): number {
  return (100 * Math.abs(simulated - published)) / Math.abs(published);
}

/** How far a simulated figure may lie from the published one and still match: 10 %, or a small figure's allowance. */
export function acceptedDeviation(metric: MetricName, published: number): number {
  return Math.max(0.1 * Math.abs(published), SMALL_FIGURE_ALLOWANCE[metric] ?? 0);
}

export function rating(errorPct: number): Rating {
  return errorPct <= 10 ? 'good' : errorPct <= 30 ? 'fair' : 'poor';
}

const num = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const pad = (s: string, n: number) => s.padEnd(n);
/** The figure column: the longest label and two spaces. */
const LABEL_WIDTH = Math.max(...Object.values(METRICS).map((m: { label: string }) => m.label.length)) + 2;

/** Whether a replay of `hours` reaches a figure: those taken at the end of the replay (atEnd) only on a 72 h one. */
const reached = (k: string, hours: number) => hours === 72 || metricRow(k)?.atEnd !== true;

/** Figures the table compares: every metric, less the 72 h ones on a shorter replay. */
function figures(arms: ArmResult[], hours = 72): string[] {
  const names = new Set<string>(METRIC_NAMES);
  for (const a of arms) for (const k of Object.keys(a.metrics)) names.add(k);
  return [...names].filter((k) => reached(k, hours));
}

/** A record less the figures a replay of `hours` does not reach (sofa_72h, sofa_change before 72 h). */
function withoutLaterFigures<T extends object>(record: T, hours: number): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => reached(k, hours))) as Partial<T>;
}

/** One figure's difference between two arms (the first arm's mean less the second's), published and simulated. */
export interface BetweenArms {
  /** "first − second", as the table heads it and the calibration's gaps name it. */
  name: string;
  figure: MetricName;
  published: number;
  simulated: number;
}

/** The figures both arms publish and simulate, as differences between the arms, in `figures`' order. */
export function betweenArms(a: ArmResult, b: ArmResult, figures: readonly string[] = Object.keys(a.published)): BetweenArms[] {
  const name = `${a.name} − ${b.name}`;
  return figures
    .filter((k) => k in a.metrics && k in b.metrics && a.published[k] && b.published[k])
    .map((k) => {
      const figure = k as MetricName;
      return { name, figure, published: a.published[k].value - b.published[k].value, simulated: a.metrics[figure].mean - b.metrics[figure].mean };
    });
}

export function cohortTable(arms: ArmResult[], hours: number): string {
  const lines: string[] = [];
  lines.push(`Cohort replay, ${hours} h. Published figures (cohort.md) beside the simulated ones.`);
  lines.push('Error = |simulated − published| / |published|: good ≤ 10 %, fair 10–30 %, poor > 30 %.');
  for (const [k, amount] of Object.entries(SMALL_FIGURE_ALLOWANCE)) {
    // a label without a unit is a score (SOFA), counted in points
    const [figure, unit = amount === 1 ? 'point' : 'points'] = METRICS[k as MetricName].label.split(/, (?=[^,]*$)/);
    if (!reached(k, hours)) continue;
    lines.push(`${figure} is small: it matches within ${amount} ${unit} as well (the cohort issue: "1 unit where the figure is small").`);
  }
  for (const arm of arms) {
    lines.push('', `${arm.name} (n = ${arm.n})`);
    lines.push(`  ${pad('figure', LABEL_WIDTH)}${pad('published', 12)}${pad('simulated mean ± SD', 24)}${pad('error', 10)}rating`);
    for (const k of figures([arm], hours)) {
      const sim = arm.metrics[k as keyof typeof arm.metrics];
      if (!sim) continue;
      const pub = arm.published[k];
      const err = pub ? percentError(sim.mean, pub.value) : NaN;
      lines.push(
        `  ${pad(metricRow(k)?.label ?? k, LABEL_WIDTH)}${pad(pub ? String(pub.value) : '—', 12)}${pad(`${num(sim.mean)} ± ${num(sim.sd)}`, 24)}${pad(pub ? `${num(err, 1)} %` : '—', 10)}${pub ? rating(err) : ''}`,
      );
    }
  }
  if (arms.length === 2) {
    const [a, b] = arms;
    lines.push('', `Between arms: ${a.name} − ${b.name}`);
    lines.push(`  ${pad('figure', LABEL_WIDTH)}${pad('published', 12)}${pad('simulated', 24)}${pad('error', 10)}rating`);
    for (const d of betweenArms(a, b, figures(arms, hours))) {
      const err = percentError(d.simulated, d.published);
      lines.push(
        `  ${pad(metricRow(d.figure)?.label ?? d.figure, LABEL_WIDTH)}${pad(num(d.published), 12)}${pad(num(d.simulated), 24)}${pad(`${num(err, 1)} %`, 10)}${rating(err)}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

export function cohortJson(arms: ArmResult[], hours: number): string {
  const doc = {
    hours,
    arms: arms.map((a) => ({
      name: a.name,
      n: a.n,
      metrics: withoutLaterFigures(a.metrics, hours),
      published: a.published,
      errors_pct: Object.fromEntries(
        Object.entries(a.published)
          .filter(([k]) => k in a.metrics && figures([a], hours).includes(k))
          .map(([k, p]) => [k, percentError(a.metrics[k as keyof typeof a.metrics].mean, p.value)]),
      ),
      patients: a.patients.map((p) => ({ ...withoutLaterFigures(p, hours), drawn: a.drawn[p.id] })),
    })),
  };
  return toJsonText(doc);
}

/** The SOFA columns at the end of the replay are named for 72 h: a shorter replay leaves them out, not mislabelled. */
export function cohortCsv(arms: ArmResult[], hours: number): string {
  const metricNames = figures(arms, hours).filter((k) => arms.some((a) => k in (a.patients[0] ?? {})));
  const drawnKeys = [...new Set(arms.flatMap((a) => Object.values(a.drawn).flatMap((d) => Object.keys(d))))];
  const rows = [['arm', 'id', ...drawnKeys, ...metricNames].join(',')];
  for (const a of arms) {
    for (const p of a.patients) {
      const d = a.drawn[p.id] ?? {};
      const cells = [
        JSON.stringify(a.name),
        p.id,
        ...drawnKeys.map((k) => String(d[k] ?? '')),
        ...metricNames.map((k) => String((p as unknown as Record<string, number>)[k] ?? '')),
      ];
      rows.push(cells.join(','));
    }
  }
  return rows.join('\n') + '\n';
}
