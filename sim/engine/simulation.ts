/**
 * A running simulation that can be advanced piece by piece: the batch run (simulate.ts) advances it to the end
 * in one go, the live view advances it frame by frame and sends the operator's commands in between.
 *
 * The slow states are integrated with odex (time in hours, dense output) in segments between discrete events.
 * A sampler may read the dense interpolant at times of its choosing inside each step; TMP crossings of the
 * filter-change limit are located on the interpolant by bisection, not rounded to any grid.
 */
import { Outcome } from 'odex';
import type { Scenario } from '../scenario/resolve.js';
import { parseSetting } from '../scenario/resolve.js';
import { ScenarioError } from '../scenario/errors.js';
import { FilterOperatingError } from '../filter/operatingPoint.js';
import { derivatives } from './derivatives.js';
import { EngineError } from './errors.js';
import { EventScheduler, type Action, type SimEvent } from './events.js';
import { buildModel, initialState, type ComposedModel, type Model } from './model.js';
import { observe, type Observation } from './observe.js';
import { LAYOUT } from './models.js';
import { physicalStateProblem } from './physicalLimits.js';
import { ReusingSolver } from './reusingSolver.js';
import { StepInterpolant } from './stepInterpolant.js';

export interface SolverStats {
  rhsEvaluations: number;
  steps: number;
  segments: number;
}

/**
 * Reads the solution at times it chooses: `due` is the next time it wants, `take` receives the state there (the
 * ledgers, which only the run's end reads, are NaN there: StateDeclaration.ledger).
 */
export interface Sampler {
  due(): number;
  take(t_h: number, stateAt: (t_h: number) => number[]): void;
}

/**
 * odex's relative tolerance: tight enough that the one-compartment test meets its closed form to 1e-6 (10⁻⁶ does not:
 * 2.2·10⁻⁶), and that the bundled 72 h runs stay within 10⁻⁴ of a series' largest value of a run at 10⁻¹¹, their events
 * the same (engine.md, "Speed"). At 10⁻⁸ a day took 24 % more evaluations for series a display does not show.
 */
const RELATIVE_TOLERANCE = 1e-7;
/**
 * The ledgers (StateDeclaration.ledger: flux totals nothing in a run reads) are left out of odex's error norm, as
 * CVODES leaves its quadrature variables out by default (errconQ false): a tolerance of 1e30 makes their share of
 * the norm ~0. They are still integrated with the same steps and formulas as the states whose fluxes they total,
 * so every mass balance still closes to round-off (~1e-15), and their values stay within ~1e-5 of a tight run's
 * (relative tolerance 1e-11), as before (engine.md, "Speed"). A default ECMO + HVHF day: 1129 → 993 evaluations.
 */
const UNCONTROLLED = 1e30;
const LEDGER = LAYOUT.names.map((_, i) => !LAYOUT.sampled.includes(i));
const TIME_EPS_h = 1e-9;
const MAX_STEPS_PER_SEGMENT = 200_000;

export class Simulation {
  /** The run's shared context (settings now, filter status): what the view and the CLI read. */
  readonly model: Model;
  /** The context with every model's part. */
  readonly composed: ComposedModel;
  readonly stats: SolverStats = { rhsEvaluations: 0, steps: 0, segments: 0 };
  readonly initialState: readonly number[];
  private t = 0;
  private y: number[];
  private readonly scheduler: EventScheduler;
  private readonly solver: ReusingSolver;
  /** The dense output of the solver's current step (sim/engine/stepInterpolant.ts). */
  readonly dense: StepInterpolant;
  private readonly f: (x: number, y: number[]) => number[];
  /** The last accepted step: the next segment starts with it instead of odex's 1e-4 h (restarts are cheap then). */
  private lastStep_h = 1e-4;

  constructor(readonly scenario: Scenario) {
    this.composed = buildModel(scenario);
    this.model = this.composed.m;
    this.y = initialState(this.composed);
    this.initialState = this.y.slice();
    this.scheduler = new EventScheduler(this.composed);
    this.solver = new ReusingSolver(LAYOUT.size);
    this.solver.denseOutput = true;
    this.solver.relativeTolerance = LAYOUT.names.map((_, i) => (LEDGER[i] ? UNCONTROLLED : RELATIVE_TOLERANCE));
    this.solver.absoluteTolerance = LAYOUT.typicalMagnitudes(this.y).map((v, i) => (LEDGER[i] ? UNCONTROLLED : RELATIVE_TOLERANCE * v));
    this.solver.maxSteps = MAX_STEPS_PER_SEGMENT;
    this.dense = new StepInterpolant(LAYOUT.size, this.solver.maxExtrapolationColumns);
    this.f = (x, yy) => derivatives(this.composed, x, yy);
    guard(() => this.scheduler.start(0, this.y));
  }

  get time_h(): number {
    return this.t;
  }
  get state(): readonly number[] {
    return this.y;
  }
  get events(): readonly SimEvent[] {
    return this.scheduler.events;
  }

  /** Everything the engine reports, now. */
  observe(): Observation {
    return observe(this.composed, this.t, this.y);
  }

  /** Integrates to `target` (h), applying every event on the way; `sampler` reads the solution between. */
  advanceTo(target: number, sampler?: Sampler): void {
    while (this.t < target - TIME_EPS_h) {
      const tNext = Math.min(this.scheduler.nextTime(), target);
      if (tNext > this.t + TIME_EPS_h) this.integrate(tNext, sampler);
      sampler?.take(this.t, () => this.y);
      guard(() => this.scheduler.apply(this.t, this.y));
    }
  }

  /**
   * The operator changes a setting now (value as text with its unit, e.g. "3200 rpm", or a boolean). Bad values
   * throw a ScenarioError and change nothing.
   */
  set(path: string, value: string | boolean): void {
    const issues: { path: string; message: string }[] = [];
    const change = parseSetting(path, value, this.model.weight_kg, { add: (p, m) => issues.push({ path: p, message: m }) }, true);
    if (!change) throw new ScenarioError('setting', issues);
    this.act({ set: [change] }, path);
  }

  /** A heparin bolus (U), a fault, or a filter change, now. */
  act(action: Partial<Action>, path = 'action'): void {
    const full: Action = { set: [], ...action };
    const before = structuredClone(this.model.current);
    const eventCount = this.scheduler.events.length;
    try {
      guard(() => {
        this.scheduler.perform(this.t, this.y, full, path);
        this.scheduler.apply(this.t, this.y);
      });
    } catch (e) {
      if (e instanceof ScenarioError) {
        // a refused setting changes nothing
        Object.assign(this.model.current, before);
        this.scheduler.events.length = eventCount;
      }
      throw e;
    }
  }

  private integrate(tNext: number, sampler?: Sampler): void {
    const m = this.model;
    /**
     * Where the integration stopped before odex's end: a TMP crossing, a periodic check that will change a setting, or
     * the segment's end when odex was given one beyond it (oneStep).
     */
    let crossing: { t: number; y: number[]; kind: 'located' | 'check' | 'end' } | undefined;
    // the first step ends where the check that stopped the last segment is due again (it will likely stop there again)
    // (or within the time scale of a transient an event here started: ModelEvents.firstStepLimit)
    // Each candidate counts only ahead of t (a stale one must not drop the other), and only inside the segment's first
    // half: odex caps its first step at half the segment, so an aim beyond it would not end the step there.
    const ahead = (dt: number) => (dt > TIME_EPS_h ? dt : Infinity);
    const aim = Math.min(ahead(this.scheduler.likelyStopTime() - this.t), ahead(this.scheduler.firstStepLimit(this.t)));
    // A segment the step carried over covers in one step, with no likely stop or transient before its end, is given to
    // odex with its end twice as far: odex caps its first step at half the segment, so it would take two steps (each
    // as costly as a full one). The first step is aimed at the segment's end and the segment ends where it lands, with
    // the step's own state; a step that ends beyond it (after a rejected first step) is read there from the
    // interpolant, as at a stop.
    const span = tNext - this.t;
    const oneStep = span <= Math.min(this.lastStep_h, aim);
    const aimed = !oneStep && aim < Math.min(this.lastStep_h, span / 2);
    const xEnd = oneStep ? this.t + 2 * span : tNext;
    this.solver.initialStepSize = aimed ? aim : Math.min(this.lastStep_h, span);
    // The interpolant of the current step (this.dense); the helpers below are made once per segment, not once per step.
    const dense = this.dense;
    /** The whole state at ts: where the integration restarts. */
    const stateAt = (ts: number) => {
      const ys = new Array<number>(LAYOUT.size).fill(0);
      dense.fill(ts, ys);
      return ys;
    };
    /** What outputs and checks read at ts: the ledgers are left NaN (StateDeclaration.ledger). */
    const sampled = LAYOUT.sampled;
    const sampleAt = (ts: number) => {
      const ys = new Array<number>(LAYOUT.size).fill(NaN);
      dense.fill(ts, ys, sampled);
      return ys;
    };
    /**
     * The check's time and state, while its outputs are sampled: an output sample at the check's time (most checks fall
     * on the output grid) reads the check's state instead of interpolating it again (odex's interpolant scans every
     * component for each one it is asked for). Nobody writes into a sampled state.
     */
    let checkT = NaN;
    let checkY: number[] = [];
    const sampleOrCheck = (ts: number) => (ts === checkT ? checkY : sampleAt(ts));
    const excess = (ts: number, ys: number[]) => this.scheduler.locatedExcess(ts, ys);
    const result = guard(() =>
      this.solver.solve(this.f, this.t, this.y, xEnd, (nr, xOld, xStep, yStep, stepDense) => {
        if (nr === 1 || !stepDense) return;
        dense.beginStep(stepDense, this.solver.denseCoefficients, xOld, xStep);
        this.stats.steps++;
        // with odex given an end beyond the segment's (oneStep): the step landed on it, or ended beyond it (then it is
        // read up to the segment's end only)
        const landed = oneStep && Math.abs(xStep - tNext) <= TIME_EPS_h;
        const over = oneStep && !landed && xStep > tNext;
        // the step carried to the next segment: not the final step, cut short by the segment's end, nor an aimed first
        // step, cut short by the likely stop; a step that landed on the segment's end was taken whole (one-step segment)
        if (landed || (xStep < tNext && !(aimed && nr === 2))) this.lastStep_h = xStep - xOld;
        const x = over ? tNext : xStep;
        const yx = over ? sampleAt(tNext) : yStep;
        if (physicalStateProblem(m, yx)) stopBeyondPhysiology(m, xOld, x, stateAt);
        let end = x;
        if (excess(x, yx) >= 0) {
          let lo = xOld;
          let hi = x;
          while (hi - lo > 1e-7) {
            const mid = 0.5 * (lo + hi);
            if (excess(mid, sampleAt(mid)) >= 0) hi = mid;
            else lo = mid;
          }
          crossing = { t: hi, y: stateAt(hi), kind: 'located' };
          end = hi;
        }
        // Periodic checks inside this step: those that change nothing are done here; one that acts stops the step.
        // The outputs due by a check's time are sampled first (a stop changes nothing before it), so that nothing
        // derives between the stop test and the checks' run: the run reads the Now the stop test derived.
        for (let tc = this.scheduler.nextCheckTime(); tc <= end && tc < tNext - TIME_EPS_h; tc = this.scheduler.nextCheckTime()) {
          const yc = sampleAt(tc);
          checkT = tc;
          checkY = yc;
          if (sampler) sampleUpToCheck(this.scheduler, sampler, tc, yc, sampleOrCheck);
          checkT = NaN;
          if (this.scheduler.checksWouldStop(tc, yc)) {
            crossing = { t: tc, y: stateAt(tc), kind: 'check' };
            this.scheduler.stoppedForChecks(tc, yc, crossing.y);
            end = tc;
            break;
          }
          guard(() => this.scheduler.runDueChecks(tc, yc));
        }
        if (sampler) while (sampler.due() <= end + TIME_EPS_h) sampler.take(sampler.due(), sampleAt);
        if (!crossing && (landed || over)) crossing = { t: tNext, y: landed ? yStep.slice() : stateAt(tNext), kind: 'end' };
        if (crossing) return false;
      }),
    );
    this.stats.rhsEvaluations += result.nEval;
    this.stats.segments++;
    if (result.outcome === Outcome.MaxStepsExceeded) {
      throw new EngineError(`the ODE solver hit its step limit (${MAX_STEPS_PER_SEGMENT} steps) between ${this.t.toFixed(3)} h and ${tNext.toFixed(3)} h`);
    }
    const reached = crossing ?? { t: tNext, y: result.y.slice() };
    checkFinite(reached.y, reached.t);
    this.t = reached.t;
    this.y = reached.y;
    if (crossing?.kind === 'located') guard(() => this.scheduler.locatedReached(this.t, this.y));
    // a check that acts is applied by the caller's scheduler.apply at this time
  }
}

/**
 * The outputs due by a check's time tc; the one at tc, at the check's state yc, joins the check's pass
 * (EventScheduler.inCheckPass): nothing acts before the stop test, which then reads that sample's loop solve.
 */
function sampleUpToCheck(scheduler: EventScheduler, sampler: Sampler, tc: number, yc: number[], stateAt: (t: number) => number[]): void {
  for (let ts = sampler.due(); ts <= tc + TIME_EPS_h; ts = sampler.due()) {
    if (ts === tc) scheduler.inCheckPass(tc, yc, () => sampler.take(ts, stateAt));
    else sampler.take(ts, stateAt);
  }
}

/** The state left the model's physiology within (lo, hi]: locate when, and stop with the cause (physicalLimits.ts). */
function stopBeyondPhysiology(m: Model, lo: number, hi: number, stateAt: (t: number) => number[]): never {
  while (hi - lo > 1e-4) {
    const mid = 0.5 * (lo + hi);
    if (physicalStateProblem(m, stateAt(mid))) hi = mid;
    else lo = mid;
  }
  throw new EngineError(`at ${hi.toFixed(2)} h ${physicalStateProblem(m, stateAt(hi))}`, hi);
}

function checkFinite(y: number[], t: number): void {
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0)
    throw new EngineError(
      `at ${t.toFixed(3)} h the state ${LAYOUT.names[bad]} became ${y[bad]}: a defect of the model, not of the scenario (please report it with the scenario)`,
      t,
    );
}

/** Turns model errors thrown inside the solver into errors that name their cause. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FilterOperatingError) throw new EngineError(`the hemofilter can no longer run its prescription: ${e.message}`);
    throw e;
  }
}

export type { Model };
