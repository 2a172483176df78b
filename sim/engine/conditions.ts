/**
 * Conditional timeline entries (`when: { series, below | above }`): a periodic check each simulated minute reads
 * the series as the outputs report it (observe.ts) and, the first minute a condition holds, hands its entry to the
 * scheduler, which performs it then, once. The check exists only when the scenario has such entries: a scenario
 * without them pays nothing.
 */
import type { PeriodicCheck } from '../model/events.js';
import type { Now } from '../model/now.js';
import type { TimelineEntry } from '../scenario/resolve.js';
import { ScenarioError } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';
import type { ComposedModel } from './model.js';
import { observe, SERIES_NAMES } from './observe.js';

/** Interval of the condition check (h): one simulated minute. */
export const CONDITION_INTERVAL_h = 1 / 60;

export interface ConditionalEntries {
  readonly check: PeriodicCheck;
  /** The entries whose condition the last check found met (each once), in file order; emptied by the call. */
  takeMet(): TimelineEntry[];
}

/** Whether an entry's condition holds in an observation (a missing value, NaN, never holds). */
function holds(e: TimelineEntry, out: Record<string, number>): boolean {
  const w = e.when!;
  const v = out[w.series];
  return (w.below !== undefined && v < w.below) || (w.above !== undefined && v > w.above);
}

/** Refuses a condition on a series the engine does not report, with the closest name. */
function checkSeries(name: string, entries: readonly TimelineEntry[]): void {
  const issues = entries
    .filter((e) => !SERIES_NAMES.includes(e.when!.series))
    .map((e) => {
      const guess = closest(e.when!.series, SERIES_NAMES);
      return {
        path: `timeline[${e.index}].when.series`,
        message: `got ${JSON.stringify(e.when!.series)}: not a series the simulation reports${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of the output series (docs/outputs.md)`,
      };
    });
  if (issues.length) throw new ScenarioError(`scenario "${name}"`, issues);
}

export function conditionalEntries(c: ComposedModel, entries: readonly TimelineEntry[]): ConditionalEntries | null {
  if (entries.length === 0) return null;
  checkSeries(c.m.scenario.name, entries);
  const pending = [...entries];
  let met: TimelineEntry[] = [];
  // the stop test and the check that follows it in one check pass read one state (events.ts): observe it once
  let last: { pass: number; found: TimelineEntry[] } = { pass: 0, found: [] };
  const metNow = (now: Now) => {
    if (now.checkPass !== 0 && last.pass === now.checkPass) return last.found.filter((e) => pending.includes(e));
    const out = observe(c, now.t_h, now.y);
    last = { pass: now.checkPass, found: pending.filter((e) => holds(e, out)) };
    return last.found;
  };
  const check: PeriodicCheck = {
    interval: () => CONDITION_INTERVAL_h,
    changesDerivatives: true,
    wouldAct: (now) => pending.length > 0 && metNow(now).length > 0,
    run(now, log) {
      if (pending.length === 0) return;
      const found = metNow(now);
      for (const e of found) {
        pending.splice(pending.indexOf(e), 1);
        const w = e.when!;
        const limit = w.below !== undefined ? `below ${w.below}` : `above ${w.above}`;
        log('fault', `timeline[${e.index}]: condition met (${w.series} ${limit})`, undefined, true);
      }
      met = met.concat(found);
    },
  };
  return {
    check,
    takeMet() {
      const out = met;
      met = [];
      return out;
    },
  };
}
