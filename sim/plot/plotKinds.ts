/**
 * The plots of a sweep (docs/dose-explorer.md): which columns each kind puts on its axes by default, and the
 * checks that the chosen columns exist and hold values. Shared by `sim plot` and the explorer page.
 *   removal-vs-life    IL-6 change at 24 h against mean filter life (the trade-off)
 *   dose-vs-delivered  prescribed against delivered dose, with the line delivered = prescribed
 *   dose-vs-ff         dose against mean filtration fraction, a curve per value of another varied parameter
 *   heatmap            two varied parameters, colour = an outcome (the mean over any other varied parameter)
 *   front              the Pareto front over 2–3 objectives (sweep/pareto.ts): x, y (and colour) are the objectives,
 *                      dominated runs grey
 */
import { ScenarioError } from '../scenario/errors.js';
import { columnLabel } from './columnLabels.js';
import type { ResultsTable, Row } from './resultsTable.js';
import { paretoFront, parseObjectives, type Objective } from '../sweep/pareto.js';

export const PLOT_KINDS = ['removal-vs-life', 'dose-vs-delivered', 'dose-vs-ff', 'heatmap', 'front'] as const;
export type PlotKind = (typeof PLOT_KINDS)[number];

export interface ChartChoice {
  kind: string;
  x?: string;
  y?: string;
  color?: string;
  /** the front's objectives, e.g. "il6_change_pct:min,albumin_lost_g:min" (kind front only) */
  objectives?: string;
}

/** A chart fully decided: its columns, labels (with units) and the rows that have every value it needs. */
export interface ChartSpec {
  kind: PlotKind;
  title: string;
  x: string;
  y: string;
  color?: string;
  xLabel: string;
  yLabel: string;
  colorLabel?: string;
  rows: Row[];
  /** kind front: the objectives, and for each row whether another run dominates it */
  objectives?: Objective[];
  dominated?: boolean[];
}

const TITLES: Record<PlotKind, string> = {
  'removal-vs-life': 'IL-6 removal against filter life',
  'dose-vs-delivered': 'Prescribed against delivered dose',
  'dose-vs-ff': 'Dose against filtration fraction',
  heatmap: 'Heatmap of two varied parameters',
  front: 'Pareto front (dominated runs grey)',
};

/**
 * The choices a chart is made of, by field: kind, x, y, color, objectives. Messages name the field and what was
 * expected, never a command-line flag (the explorer page shows them too); the command line names its options
 * (cli/plotCommand.ts).
 */
export const CHART_FIELDS = ['kind', 'x', 'y', 'color', 'objectives'] as const;

function fail(field: string, message: string): never {
  throw new ScenarioError(field, [{ path: field, message }]);
}

export function isPlotKind(kind: string): kind is PlotKind {
  return (PLOT_KINDS as readonly string[]).includes(kind);
}

function defaults(kind: PlotKind, t: ResultsTable): { x?: string; y?: string; color?: string } {
  const dose = t.parameters.find((p) => p.startsWith('prescription.effluentDose_')) ?? 'prescribed_dose_mL_kg_h';
  switch (kind) {
    case 'removal-vs-life':
      return { x: 'mean_filter_life_h', y: 'il6_change_pct' };
    case 'dose-vs-delivered':
      return { x: 'prescribed_dose_mL_kg_h', y: 'delivered_dose_mL_kg_h' };
    case 'dose-vs-ff':
      return { x: dose, y: 'mean_filtration_fraction' };
    case 'heatmap':
      return { x: t.parameters[0], y: t.parameters[1], color: 'il6_change_pct' };
    case 'front':
      return {};
  }
}

function column(t: ResultsTable, option: string, name: string | undefined, why: string): string {
  if (name === undefined) fail(option, why);
  if (!t.columns.includes(name) || name === 'run_id')
    fail(option, `no column ${JSON.stringify(name)} in ${t.source}; its columns are ${t.columns.slice(1).join(', ')}`);
  return name;
}

const label = (t: ResultsTable, c: string) => columnLabel(c, t.parameters);

/** The front chart: the objectives on the axes (the third as colour), every run with their values, marked. */
function frontSpec(t: ResultsTable, objectivesText: string | undefined): ChartSpec {
  if (objectivesText === undefined)
    fail('objectives', 'a front needs 2 or 3 objectives, each a column and max or min, e.g. "il6_change_pct:min,albumin_lost_g:min"');
  const objectives = parseObjectives(objectivesText, t.columns);
  const front = paretoFront(t.rows, objectives);
  if (front.runs.length === 0) fail(t.source, `no run has a value in every objective (${objectives.map((o) => o.column).join(', ')})`);
  const [x, y, color] = objectives.map((o) => o.column);
  const arrow = (o: Objective) => `${label(t, o.column)} (${o.direction === 'max' ? 'more is better' : 'less is better'})`;
  return {
    kind: 'front',
    title: TITLES.front,
    x,
    y,
    color,
    xLabel: arrow(objectives[0]),
    yLabel: arrow(objectives[1]),
    colorLabel: objectives[2] && arrow(objectives[2]),
    rows: front.runs.map((r) => r.row),
    objectives,
    dominated: front.runs.map((r) => r.dominated),
  };
}

export function chartSpec(t: ResultsTable, choice: ChartChoice): ChartSpec {
  if (!isPlotKind(choice.kind)) fail('kind', `got ${JSON.stringify(choice.kind)}; expected one of ${PLOT_KINDS.join(', ')}`);
  const kind = choice.kind;
  if (kind === 'front') return frontSpec(t, choice.objectives);
  const d = defaults(kind, t);
  const twoParams = `the heatmap needs two varied parameters (this sweep varied ${t.parameters.length}); choose the columns for x and y`;
  const x = column(t, 'x', choice.x ?? d.x, twoParams);
  const y = column(t, 'y', choice.y ?? d.y, twoParams);
  // colour: the chosen column, the kind's default, or (scatter kinds) the first varied parameter not on an axis
  const colorName = choice.color ?? d.color ?? t.parameters.find((p) => p !== x && p !== y);
  const color = colorName === undefined ? undefined : column(t, 'color', colorName, '');
  const needed = [x, y, ...(color ? [color] : [])];
  const rows = t.rows.filter((r) => needed.every((c) => r[c] !== null));
  if (rows.length === 0) {
    const empty = needed.filter((c) => t.rows.every((r) => r[c] === null));
    const hint = empty.includes('mean_filter_life_h') ? ' (no filter was changed during the runs: sweep more hours per run)' : '';
    fail(
      t.source,
      t.rows.length === 0
        ? `no completed run to plot (${t.failed} failed)`
        : `no run has a value in every column plotted; empty in every row: ${empty.join(', ')}${hint}`,
    );
  }
  return { kind, title: TITLES[kind], x, y, color, xLabel: label(t, x), yLabel: label(t, y), colorLabel: color && label(t, color), rows };
}
