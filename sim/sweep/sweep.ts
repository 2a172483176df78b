/**
 * A sweep, end to end: the run list, the runs this shard owns that the results file does not hold yet, the pool,
 * and the results file (kept rows first, then appended as runs finish, finally rewritten in run-id order).
 */
import { OutputError, STDOUT } from '../output/writeOutput.js';
import { runTasks, type OnProgress } from './pool.js';
import { headerLine, resultRow, rowPrefix } from './resultsCsv.js';
import { readResults, resultsExist } from './resultsFile.js';
import { ResultsWriter } from './resultsWriter.js';
import { identityDifferences, sweepIdentity, type SweepIdentity } from './sweepIdentity.js';
import { runList, type Design } from './runList.js';
import type { RunTask, SweepBase } from './runTask.js';
import { inShard, type Shard } from './shard.js';
import { formatQuantity } from '../units.js';
import { loadScenarioText } from '../scenario/load.js';
import type { VaryAxis } from './varySpec.js';

export interface SweepPlan {
  base: SweepBase;
  axes: VaryAxis[];
  design: Design;
  /** the simulator's version and the simulated hours (--hours or the scenario's duration): part of the sweep's identity */
  version: string;
  hours: number;
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

function differentSweep(out: string, why: string): never {
  throw new OutputError(`--out: ${out} holds the results of a different sweep; choose another file, or pass --overwrite to start afresh.\n  ${why}`);
}

/** Rows already in the file, checked to belong to this sweep (same identity, columns and parameter values per run id). */
function keptRows(out: string, identity: SweepIdentity, header: string, runs: number[][]): Map<number, string> {
  const file = readResults(out);
  if (typeof file.identity === 'string') differentSweep(out, `${file.identity}, so what made it cannot be checked`);
  const diffs = identityDifferences(file.identity, identity, 'this results file was made with', 'the resume asks for');
  if (diffs.length) differentSweep(out, diffs.join('\n  '));
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
  const { version, hours, axes, design, shard } = plan;
  const resolvedScenario = loadScenarioText(plan.base.text, plan.base.source, [], { duration_h: plan.base.hours });
  const identity = sweepIdentity({
    version,
    scenarioFile: plan.base.source,
    scenarioText: plan.base.text,
    resolvedScenario,
    hours,
    axes,
    design,
    runs: runs.length,
    shard,
  });
  const resume = !plan.overwrite && plan.out !== STDOUT && resultsExist(plan.out);
  const rows = resume ? keptRows(plan.out, identity, header, runs) : new Map<number, string>();
  const owned = runs.map((_, id) => id).filter((id) => inShard(id, plan.shard));
  const todo = owned.filter((id) => !rows.has(id));
  const writer = new ResultsWriter(plan.out, identity, header, rows, plan.overwrite);
  let failed = 0;
  if (todo.length > 0) {
    let complete = false;
    const tasks = function* (): Generator<RunTask> {
      for (const id of todo) yield { id, overrides: plan.axes.map((a, d) => ({ path: a.path, value: formatQuantity(runs[id][d], a.unit) })) };
    };
    try {
      await runTasks(
        { ...plan.base, membraneLife: true },
        plan.workers,
        todo.length,
        tasks(),
        (o) => {
          const line = resultRow(o.id, runs[o.id], o);
          if ('error' in o) failed++;
          writer.add(o.id, line);
        },
        plan.onProgress,
      );
      complete = true;
    } finally {
      writer.finish(complete);
    }
  } else writer.finish(true);
  return {
    runs: runs.length,
    inShard: owned.length,
    alreadyDone: owned.length - todo.length,
    ran: todo.length,
    failed,
    seconds: (performance.now() - t0) / 1000,
  };
}
