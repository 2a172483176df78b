/**
 * The Pareto front of a sweep over two or three chosen objectives, each to be maximised or minimised: a run is
 * dominated when another run is at least as good in every objective and better in one; the front is the runs no
 * other run dominates. Runs that tie in every objective do not dominate one another: duplicates are on the front
 * together. Pure (no file system, no DOM): the command line and the explorer page (in a worker) call the same code.
 *
 * Algorithm: sort the runs lexicographically, best first in the first objective, then the second, ...; a run can
 * only be dominated by one before it in that order, and if it is dominated at all, then by a run on the front
 * (dominance is transitive), so each run is compared with the front found so far: O(n·f·k) for n runs, a front of
 * f and k objectives (Kung, Luccio & Preparata 1975, J ACM 22:469, the simple form of their maxima algorithm).
 */
import { ScenarioError } from '../scenario/errors.js';

export type Direction = 'max' | 'min';

export interface Objective {
  column: string;
  direction: Direction;
}

export const MIN_OBJECTIVES = 2;
export const MAX_OBJECTIVES = 3;

/** The field the objectives are given in; the command line shows it as --objectives. */
export const OBJECTIVES_FIELD = 'objectives';

function fail(message: string): never {
  throw new ScenarioError(OBJECTIVES_FIELD, [{ path: OBJECTIVES_FIELD, message }]);
}

/**
 * "il6_change_pct:min,albumin_lost_g:min" → objectives, each column checked against the results' columns. The
 * messages name the objectives and what was expected, never a command-line flag (the page shows them too).
 */
export function parseObjectives(text: string, columns: readonly string[]): Objective[] {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length < MIN_OBJECTIVES || parts.length > MAX_OBJECTIVES)
    fail(
      `got ${parts.length} objective${parts.length === 1 ? '' : 's'}; expected 2 or 3, each a column and max or min, e.g. "il6_change_pct:min,albumin_lost_g:min"`,
    );
  const objectives = parts.map((p) => {
    const m = /^(.+?)\s*:\s*(max|min)$/.exec(p);
    if (!m) fail(`got ${JSON.stringify(p)}; expected a column, a colon and max or min, e.g. "membrane_life_h:max"`);
    if (!columns.includes(m[1]) || m[1] === 'run_id' || m[1] === 'error')
      fail(`no column ${JSON.stringify(m[1])} in the results; its columns are ${columns.filter((c) => c !== 'run_id' && c !== 'error').join(', ')}`);
    return { column: m[1], direction: m[2] as Direction };
  });
  const seen = new Set<string>();
  for (const o of objectives) {
    if (seen.has(o.column)) fail(`${o.column} is named twice; each objective is a different column`);
    seen.add(o.column);
  }
  return objectives;
}

/** The objectives as text ("il6_change_pct:min,albumin_lost_g:min"): what parseObjectives reads. */
export function objectivesText(objectives: readonly Objective[]): string {
  return objectives.map((o) => `${o.column}:${o.direction}`).join(',');
}

/** Each point's objectives turned into "larger is better" (a minimised value negated). */
function gains(points: readonly (readonly number[])[], directions: readonly Direction[]): number[][] {
  return points.map((p) => p.map((v, j) => (directions[j] === 'max' ? v : -v)));
}

/** a dominates b: at least as good in every objective and better in one (gains: larger is better). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let j = 0; j < a.length; j++) {
    if (a[j] < b[j]) return false;
    if (a[j] > b[j]) better = true;
  }
  return better;
}

/**
 * For each point (its objective values, finite), whether another point dominates it. `directions[j]` says whether
 * objective j is maximised or minimised.
 */
export function dominatedFlags(points: readonly (readonly number[])[], directions: readonly Direction[]): boolean[] {
  const g = gains(points, directions);
  const order = g.map((_, i) => i);
  order.sort((a, b) => {
    for (let j = 0; j < directions.length; j++) if (g[a][j] !== g[b][j]) return g[b][j] - g[a][j];
    return a - b;
  });
  const dominated = new Array<boolean>(points.length).fill(false);
  const front: number[] = [];
  for (const i of order) {
    if (front.some((f) => dominates(g[f], g[i]))) dominated[i] = true;
    else front.push(i);
  }
  return dominated;
}

export interface FrontRun<R> {
  row: R;
  dominated: boolean;
}

export interface ParetoFront<R> {
  objectives: Objective[];
  /** the runs with a value in every objective, in their order, each marked */
  runs: FrontRun<R>[];
  /** runs left out: no value in some objective (failed, or the value does not exist) */
  leftOut: number;
}

/** The front of a table's rows (column → value, null where absent) over the objectives. */
export function paretoFront<R extends Record<string, number | null>>(rows: readonly R[], objectives: Objective[]): ParetoFront<R> {
  const usable = rows.filter((r) => objectives.every((o) => r[o.column] !== null && Number.isFinite(r[o.column])));
  const flags = dominatedFlags(
    usable.map((r) => objectives.map((o) => r[o.column] as number)),
    objectives.map((o) => o.direction),
  );
  return { objectives, runs: usable.map((row, i) => ({ row, dominated: flags[i] })), leftOut: rows.length - usable.length };
}
