/**
 * A sweep, end to end: the run list, the runs this shard owns that the results file does not hold yet, the pool,
 * and the results file (kept rows first, then appended as runs finish, finally rewritten in run-id order).
 */
import { OutputError } from '../output/writeOutput.js';
import { runTasks, type OnProgress } from './pool.js';
import { headerLine, resultRow, rowPrefix } from './resultsCsv.js';
import { appendRow, readResults, resultsExist, writeResults } from './resultsFile.js';
import { runList, type Design } from './runList.js';
import type { RunTask, SweepBase } from './runTask.js';
import { inShard, type Shard } from './shard.js';
import { formatQuantity } from '../units.js';
import type { VaryAxis } from './varySpec.js';

export interface SweepPlan {
  base: SweepBase;
  axes: VaryAxis[];
  design: Design;
  shard?: Shard;
  workers: number;
  out: string;
  /** start afresh instead of resuming from the rows already in `out` */
  overwrite: boolean;
  onProgress?: OnProgress;
}

export interface SweepReport {
  runs: number;
  inShard: number;
  alreadyDone: number;
  ran: number;
  failed: number;
  seconds: number;
}

/** Rows already in the file, checked to belong to this sweep (same columns, same parameter values per run id). */
function keptRows(out: string, header: string, runs: number[][]): Map<number, string> {
  const file = readResults(out);
  if (file.header !== header) {
    throw new OutputError(
      `--out: ${out} holds the results of a different sweep (its columns differ); choose another file, or pass --overwrite to start afresh.\n  in the file: ${file.header}\n  this sweep: ${header}`,
    );
  }
  for (const [id, line] of file.rows) {
    if (id >= runs.length || !line.startsWith(rowPrefix(id, runs[id]))) {
      throw new OutputError(
        `--out: ${out} holds the results of a different sweep (run ${id} has other parameter values: ${JSON.stringify(
          line
            .split(',')
            .slice(0, 1 + runs[0].length)
            .join(','),
        )}); choose another file, or pass --overwrite to start afresh`,
      );
    }
  }
  return file.rows;
}

export async function runSweep(plan: SweepPlan): Promise<SweepReport> {
  const t0 = performance.now();
  const runs = runList(plan.axes, plan.design);
  const header = headerLine(plan.axes);
  const rows = !plan.overwrite && resultsExist(plan.out) ? keptRows(plan.out, header, runs) : new Map<number, string>();
  const owned = runs.map((_, id) => id).filter((id) => inShard(id, plan.shard));
  const todo = owned.filter((id) => !rows.has(id));
  // the kept rows, whole and in order, before anything is appended (a cut-off last line is gone)
  writeResults(plan.out, header, rows);
  let failed = 0;
  if (todo.length > 0) {
    const tasks = function* (): Generator<RunTask> {
      for (const id of todo) yield { id, overrides: plan.axes.map((a, d) => ({ path: a.path, value: formatQuantity(runs[id][d], a.unit) })) };
    };
    try {
      await runTasks(
        plan.base,
        plan.workers,
        todo.length,
        tasks(),
        (o) => {
          const line = resultRow(o.id, runs[o.id], o);
          if ('error' in o) failed++;
          rows.set(o.id, line);
          appendRow(plan.out, line);
        },
        plan.onProgress,
      );
    } finally {
      writeResults(plan.out, header, rows);
    }
  }
  return {
    runs: runs.length,
    inShard: owned.length,
    alreadyDone: owned.length - todo.length,
    ran: todo.length,
    failed,
    seconds: (performance.now() - t0) / 1000,
  };
}
