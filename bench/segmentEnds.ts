/**
 * What ends each integration segment of a run, and what a run counts (npx tsx bench/segmentEnds.ts [scenario.json]
 * [--hours H], default the ECMO + HVHF default, 24 h): for every segment end its time and cause (a periodic check that
 * would act, named by its model and what its run then logged; a model's scheduled event; a timeline entry; a located
 * event; the run's end), then the totals: segments, steps, right-hand-side evaluations, and the derivations made
 * outside the right-hand side (for checks, outputs, events). Counts, not times: they do not depend on the machine's
 * load. Issue 14 asks which settings still stop the integrator and whether they must: a check stops it only when its
 * change is read by the right-hand side (PeriodicCheck.changesDerivatives and wouldAct). Prints; asserts nothing.
 */
import { resolve } from 'node:path';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { Simulation } from '../sim/engine/simulation.js';
import { EventScheduler } from '../sim/engine/events.js';
import { MODELS } from '../sim/engine/models.js';
import type { PeriodicCheck } from '../sim/model/events.js';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const file = resolve(process.argv[2]?.endsWith('.json') ? process.argv[2] : 'scenarios/ecmo-hvhf-default.json');
const hours = Number(argValue('--hours') ?? 24);
const scenario = loadScenarioFile(file, [{ path: 'duration', value: `${hours} h` }]);

const sim = new Simulation(scenario);
const c = sim.composed;
/** The model each check belongs to (the conditional entries' check, added by the scheduler, is "conditions"). */
const owner = new Map<PeriodicCheck, string>();
c.parts.forEach((p, i) => p.checks?.forEach((k) => owner.set(k, MODELS[i].name)));

/** The checks whose stop test said they would act, since the last segment end. */
let actors: string[] = [];
const internals = sim as unknown as { scheduler: EventScheduler; integrate: (tNext: number) => void };
const scheduler = internals.scheduler;
const scheduled = scheduler as unknown as { checks: { check: PeriodicCheck }[] };
for (const s of scheduled.checks) {
  const wouldAct = s.check.wouldAct.bind(s.check);
  (s.check as { wouldAct: PeriodicCheck['wouldAct'] }).wouldAct = (now) => {
    const acts = wouldAct(now);
    if (acts) actors.push(owner.get(s.check) ?? 'conditions');
    return acts;
  };
}
// the cause of each segment end: recorded when apply runs at it
const ends: { t: number; cause: string; logged: string }[] = [];
const apply = scheduler.apply.bind(scheduler);
let located = false;
const locatedReached = scheduler.locatedReached.bind(scheduler);
scheduler.locatedReached = (t, y) => {
  located = true;
  locatedReached(t, y);
};
scheduler.apply = (t, y) => {
  const due = c.parts.flatMap((p, i) => (Math.abs((p.nextEventTime?.() ?? Infinity) - t) < 1e-9 ? [MODELS[i].name] : []));
  const timeline = c.m.current.timeline.filter((e) => Math.abs(e.at_h - t) < 1e-9).length;
  const before = sim.events.length;
  apply(t, y);
  const cause = [
    actors.length ? `check (${[...new Set(actors)].join(', ')})` : '',
    due.length ? `scheduled (${due.join(', ')})` : '',
    timeline ? `timeline (${timeline})` : '',
    located ? 'located' : '',
  ]
    .filter(Boolean)
    .join(' + ');
  const logged = [...new Set(sim.events.slice(before).map((e) => e.type))].join(' ');
  if (t > 0) ends.push({ t, cause: cause || (Math.abs(t - hours) < 1e-9 ? 'the run’s end' : 'none recorded'), logged });
  actors = [];
  located = false;
};
sim.advanceTo(hours);

console.log(`${file}, ${hours} h`);
for (const e of ends) console.log(`${e.t.toFixed(3).padStart(8)} h  ${e.cause}${e.logged ? `  [logged: ${e.logged}]` : ''}`);
const byCause = new Map<string, number>();
for (const e of ends) byCause.set(e.cause, (byCause.get(e.cause) ?? 0) + 1);
console.log('segment ends by cause:');
for (const [cause, n] of [...byCause].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${cause}`);
const { rhsEvaluations, steps, segments } = sim.stats;
// odex evaluates the right-hand side once more per accepted step (dense output), outside its own count
const outside = c.now.derivations - rhsEvaluations - steps;
console.log(
  `segments ${segments}, steps ${steps}, right-hand-side evaluations ${rhsEvaluations} (+${steps} for dense output), derivations outside the right-hand side ${outside}`,
);
