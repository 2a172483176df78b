/**
 * The scheduler of discrete events between and inside integration segments. The events themselves belong to the
 * models (each part's ModelEvents, sim/model/events.ts): the hemofilter's changes and restarts, heparin's aPTT
 * checks and boluses, the norepinephrine titration, the circuit's faults. Here: the timeline, setting changes and
 * their consistency, the order in which the parts' events run, and the log.
 */
import { ScenarioError } from '../scenario/errors.js';
import { settingsConsistencyIssues } from '../scenario/resolve.js';
import { fmt, type Action, type EventLog, type LocatedEvent, type PeriodicCheck, type SimEvent } from '../model/events.js';
import type { Now } from '../model/now.js';
import { deriveForChecks, deriveNow, type ComposedModel, type Model } from './model.js';
import { applySetting } from './settings.js';
import { LAYOUT } from './models.js';
import { circuitExchangeFlow_mL_min, holdCircuitExchange } from '../filter/circuitBlood.js';
import { conditionalEntries, type ConditionalEntries } from './conditions.js';
import { MODEL_FAULT_ACTIONS, MODEL_FAULT_KEYS } from '../faults/modelFaultKeys.js';

export type { Action, EventType, SimEvent } from '../model/events.js';

const EPS_h = 1e-9;
/** The effluent collected so far (the filter's ledger): what an isolated circuit's effluent is tallied from. */
const EFFLUENT = LAYOUT.slot('effluent_mL');
/** A milestone the summary reads: the cohort's 24 h data point. */
export const SUMMARY_TIME_h = 24;
/** A check that stopped the integration at this many of its due times in a row is likely to stop at its next. */
const LIKELY_STOPS = 2;

/** A periodic check and the time it is next due. */
interface ScheduledCheck {
  check: PeriodicCheck;
  due_h: number;
  /** How many of its last due times in a row it stopped the integration at (wouldAct). */
  stopsInARow: number;
}

/** The legacy `fault` keys' kinds in the fault catalogue (the legacy oxygenator thrombus adds resistance only). */
export const LEGACY_FAULT_KIND: Readonly<Record<string, string>> = Object.fromEntries(MODEL_FAULT_ACTIONS.map((k) => [k, MODEL_FAULT_KEYS[k].kind]));

/** The catalogue kind of a fault an action injects (a legacy `fault` entry's by its key), or undefined. */
function faultKind(e: Action): string | undefined {
  if (e.injectFault) return e.injectFault.kind;
  const key = e.fault && Object.keys(e.fault)[0];
  return key === undefined ? undefined : (LEGACY_FAULT_KIND[key] ?? key);
}

export class EventScheduler {
  readonly events: SimEvent[] = [];
  private readonly m: Model;
  private timelineIndex = 0;
  private lastTime = -Infinity;
  /** The filter's status when the circuit's exchange was last decided ('' before the start). */
  private settledFilter = '';
  private readonly checks: ScheduledCheck[];
  private readonly located: LocatedEvent[];
  /** The derivation (Now.derivations) the stop test made in the current pass, -1 when none is current. */
  private checkedDerivation = -1;
  /** Check passes so far: each pass's number keys the loop solve its parts share. */
  private passes = 0;
  /** The last pass: where it read the state; anything that may change settings or the state ends it (forgetPass). */
  private lastPass: { t: number; y: ArrayLike<number> | null; n: number } = { t: NaN, y: null, n: 0 };

  /** The scenario's conditional entries, checked each simulated minute (none: no check, no cost). */
  private readonly conditions: ConditionalEntries | null;

  constructor(private readonly c: ComposedModel) {
    this.m = c.m;
    this.conditions = conditionalEntries(c, c.m.current.conditional ?? []);
    const own = this.conditions ? [this.conditions.check] : [];
    this.checks = [...c.parts.flatMap((p) => p.checks ?? []), ...own].map((check) => ({ check, due_h: check.interval(), stopsInARow: 0 }));
    this.located = c.parts.flatMap((p) => p.located ?? []);
  }

  /**
   * A log writing at time t; a hidden log (a hidden action's) marks every event hidden; a fault's log names the
   * fault's kind on every event it writes.
   */
  private logAt(t: number, hiddenLog = false, fault?: string): EventLog {
    return (type, reason, value, hidden) => {
      const event: SimEvent = value === undefined ? { t_h: t, type, reason } : { t_h: t, type, reason, value };
      if (hiddenLog || hidden) event.hidden = true;
      if (fault) event.fault = fault;
      this.events.push(event);
    };
  }

  /** Checks the starting settings and applies anything scheduled at time zero. */
  start(t: number, y: number[]): void {
    this.refuseUnrunnableSettings(t, y, 'prescription');
    this.apply(t, y);
  }

  /** The next time a model or the timeline has an event (the periodic checks run inside the solver's steps). */
  nextTime(): number {
    const tl = this.m.current.timeline[this.timelineIndex];
    let next = tl && tl.at_h > this.lastTime + EPS_h ? tl.at_h : Infinity;
    for (const p of this.c.parts) {
      const t = p.nextEventTime?.() ?? Infinity;
      if (t > this.lastTime + EPS_h && t < next) next = t;
    }
    return next;
  }

  /**
   * Applies every event due at t; y is changed in place (boluses, a new filter). Where the integration stopped for a
   * check at t (stoppedForChecks) and nothing else is due there, the checks run on the Now their stop test derived.
   */
  apply(t: number, y: number[]): void {
    if (!(this.lastPass.t === t && this.lastPass.y === y && this.nextTime() > t + EPS_h)) this.forgetPass();
    this.lastTime = t;
    const log = this.logAt(t);
    let scheduledSettings = false;
    for (const p of this.c.parts) scheduledSettings = p.applyScheduled?.(t, y, log) === true || scheduledSettings;
    const timeline = this.m.current.timeline;
    for (let e = timeline[this.timelineIndex]; e && e.at_h <= t + EPS_h; e = timeline[++this.timelineIndex]) {
      this.perform(t, y, e, `timeline[${e.index}].set`);
    }
    const checksSettle = this.runDueChecks(t, y);
    for (const e of this.conditions?.takeMet() ?? []) this.perform(t, y, e, `timeline[${e.index}]`);
    this.reachLocated(t, y, log);
    // only where the circuit changed since it last settled (a filter stopped or started, here or at a located TMP
    // limit; settings settle in perform), or a check that settles acted: a run advanced in frames (the live view)
    // settles where a batch run does
    if (scheduledSettings || checksSettle || this.filterSignature() !== this.settledFilter) this.settle(t, y);
  }

  /**
   * What of the devices' status changes the circuit's flows: whether the filter runs, which filter it is, whether
   * its fluid pumps run (bags), and whether the console's battery has run empty (power).
   */
  private filterSignature(): string {
    const f = this.m.filter;
    return `${f.status} ${f.filtersUsed} ${f.fluidPumpsStopped} ${this.m.batteryEmpty}`;
  }

  /**
   * After the events at t: the circuit solved at the state and settings now decides how its blood exchanges with
   * the patient until the next event (sim/filter/circuitBlood.ts); each model then re-decides what it holds.
   */
  private settle(t: number, y: number[]): void {
    this.settledFilter = this.filterSignature();
    const now = deriveNow(this.c, t, y);
    for (const p of this.c.parts) p.deriveForOutput?.(now);
    const log = this.logAt(t);
    const cn = now.circuit;
    // a filter on its own catheter clears the patient directly, whatever the ECMO circuit does
    const onCircuit = cn && this.m.current.circuit?.filterLimb.connection !== 'separateCatheter';
    holdCircuitExchange(this.m, onCircuit ? circuitExchangeFlow_mL_min(cn.solution.returnFlow_mL_min, cn.effectiveFlow_mL_min) : null, y[EFFLUENT]);
    for (const p of this.c.parts) p.afterEvents?.(t, y, now, log);
  }

  /**
   * Performs one action now: setting changes, then each model's share (a heparin bolus, a fault, a manual filter
   * change). The timeline's entries and the operator's live commands both come through here. `path` names the
   * action in error messages.
   */
  perform(t: number, y: number[], e: Action, path: string): void {
    this.forgetPass();
    const m = this.m;
    const log = this.logAt(t, e.hidden === true, faultKind(e));
    for (const change of e.set) {
      const { from, to } = applySetting(m, change);
      log('setting_change', `${change.path}: ${String(from)} → ${String(to)}${e.note ? ` (${e.note})` : ''}`);
    }
    if (e.set.length) {
      const broken = settingsConsistencyIssues(m.current);
      if (broken.length) {
        throw new ScenarioError(
          `scenario "${m.scenario.name}"`,
          broken.map((i) => ({ path: `${path}: ${i.path}`, message: `from ${fmt(t, 2)} h ${i.message}` })),
        );
      }
      this.refuseUnrunnableSettings(t, y, path);
    }
    for (const p of this.c.parts) p.perform?.(t, y, e, log, () => deriveNow(this.c, t, y));
    this.settle(t, y);
  }

  /**
   * Settings changed at t must still be ones every model can run (a new filter must pass the prescription). The
   * models' tests only read Now: one derivation serves them all.
   */
  private refuseUnrunnableSettings(t: number, y: number[], path: string): void {
    let now: Now | undefined;
    for (const p of this.c.parts) {
      if (!p.settingsProblem) continue;
      now ??= deriveNow(this.c, t, y);
      const problem = p.settingsProblem(now);
      if (problem) throw new ScenarioError(`scenario "${this.m.scenario.name}"`, [{ path, message: problem }]);
    }
  }

  /** How far past its limit the worst located event is at a state (≥ 0: one has happened), for the solver. */
  locatedExcess(t: number, y: ArrayLike<number>): number {
    if (this.located.length === 0) return -Infinity;
    // every excess only reads Now: one derive serves them all
    const now = deriveNow(this.c, t, y);
    let worst = -Infinity;
    for (const event of this.located) worst = Math.max(worst, event.excess(now));
    return worst;
  }

  /** The solver located an event at t: the one whose excess has reached zero happens. */
  locatedReached(t: number, y: number[]): void {
    this.reachLocated(t, y, this.logAt(t));
  }

  /**
   * Each located event whose excess at (t, y) has reached zero happens, in model order. One derivation serves the
   * tests until an event happens (it may change the settings or y): the next test derives again.
   */
  private reachLocated(t: number, y: number[], log: EventLog): void {
    let now: Now | undefined;
    for (const event of this.located) {
      now ??= deriveNow(this.c, t, y);
      if (event.excess(now) >= 0) {
        event.reached(t, y, log, now);
        now = undefined;
      }
    }
  }

  /** The longest first step the solver may take from t after the events there (ModelEvents.firstStepLimit). */
  firstStepLimit(t: number): number {
    let limit = Infinity;
    for (const p of this.c.parts) {
      const l = p.firstStepLimit?.(t) ?? Infinity;
      if (l < limit) limit = l;
    }
    return limit;
  }

  /**
   * The integration stopped at t because a check due there will act (checksWouldStop said so, reading the sampled
   * state `read`); `y` is the whole state there, the same for every derivation (the ledgers, which no derivation
   * reads, aside). The checks' run in apply at t reads the Now the stop test derived instead of deriving it again
   * (with its loop solve and oxygen line), unless anything runs or derives before them.
   */
  stoppedForChecks(t: number, read: ArrayLike<number>, y: ArrayLike<number>): void {
    if (this.lastPass.t === t && this.lastPass.y === read) this.lastPass = { t, y, n: this.lastPass.n };
  }

  /** The time of the next periodic check. */
  nextCheckTime(): number {
    let next = Infinity;
    for (const s of this.checks) if (s.due_h < next) next = s.due_h;
    return next;
  }

  /** Whether a check due at t would change what the right-hand side reads; then the integration must stop at t. */
  checksWouldStop(t: number, y: ArrayLike<number>): boolean {
    return this.inCheckPass(t, y, () => {
      let now: Now | undefined;
      for (const s of this.checks) {
        if (t < s.due_h - EPS_h || !s.check.changesDerivatives) continue;
        if (!now) {
          now = deriveForChecks(this.c, t, y);
          this.checkedDerivation = now.derivations;
        }
        const acts = s.check.wouldAct(now);
        s.stopsInARow = acts ? s.stopsInARow + 1 : 0;
        if (acts) return true;
      }
      return false;
    });
  }

  /**
   * The next due time of a check that stopped the integration when it was last due (the norepinephrine titration,
   * hourly while MAP is out of its band), else Infinity: where the next stop is likely, so the solver's first step
   * after a stop can end there instead of stepping past it and losing the part beyond.
   */
  likelyStopTime(): number {
    let next = Infinity;
    for (const s of this.checks) if (s.stopsInARow >= LIKELY_STOPS && s.due_h < next) next = s.due_h;
    return next;
  }

  /**
   * Runs fn as one check pass: the state and the settings the loop's solve reads stay as they are, so the parts
   * share one solve (circuit/sharedSolve.ts); outputs and actions outside a pass solve afresh. An output sample at a
   * check's time and state, taken just before the check's stop test, runs in the pass that stop test then joins
   * (simulation.ts): nothing acts between them, so the stop test and the checks read the sample's loop solve.
   */
  inCheckPass<T>(t: number, y: ArrayLike<number>, fn: () => T): T {
    const now = this.c.now;
    // the checks run at the state their stop test just read (the solver's step loop): the same pass
    const same = this.lastPass.t === t && this.lastPass.y === y;
    if (!same) this.checkedDerivation = -1;
    now.checkPass = same ? this.lastPass.n : ++this.passes;
    this.lastPass = { t, y, n: now.checkPass };
    try {
      return fn();
    } finally {
      now.checkPass = 0;
    }
  }

  /** Settings or the state may change next: the next pass solves the loop afresh. */
  private forgetPass(): void {
    this.lastPass = { t: NaN, y: null, n: 0 };
    this.checkedDerivation = -1;
  }

  /**
   * The Now the stop test derived for checks in this pass, while nothing has derived since (its stop test's wouldAct
   * changes nothing): the checks' run reads it instead of deriving the same state again.
   */
  private stillChecked(): Now | undefined {
    const now = this.c.now;
    return now.derivations === this.checkedDerivation ? now : undefined;
  }

  /**
   * Makes every periodic check due at t (logging it) and schedules the next ones. Each check reads Now derived at t
   * after the checks before it; a check that says it changed nothing a derivation reads (PeriodicCheck.run returns
   * false) leaves the next one the same Now, not derived again. True when a check that settles (settlesAfter) acted.
   */
  runDueChecks(t: number, y: ArrayLike<number>): boolean {
    const log = this.logAt(t);
    let settles = false;
    this.inCheckPass(t, y, () => {
      let now = this.stillChecked();
      for (const s of this.checks) {
        if (t < s.due_h - EPS_h) continue;
        now ??= deriveForChecks(this.c, t, y);
        const acted = s.check.run(now, log) !== false;
        if (acted) {
          now = undefined;
          if (s.check.settlesAfter) settles = true;
        }
        // a check that changed nothing at this due time did not stop here: its run of stops ends
        else if (s.check.changesDerivatives) s.stopsInARow = 0;
        s.due_h += s.check.interval();
      }
    });
    return settles;
  }
}
