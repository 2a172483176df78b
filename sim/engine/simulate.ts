/**
 * A batch run: advances a Simulation to the scenario's end, sampling every series on the output grid from the
 * dense interpolant (plus the 24 h milestone the summary reads), and summarises.
 */
import type { Scenario } from '../scenario/resolve.js';
import { SUMMARY_TIME_h, type SimEvent } from './events.js';
import { observe, SERIES_NAMES, type Observation, type SeriesName } from './observe.js';
import { Simulation, type Sampler, type SolverStats } from './simulation.js';
import { runSofa, summarize, type RunSofa, type Summary } from './summary.js';

export interface RunOptions {
  /** Called after each segment with the simulated time reached. */
  onProgress?: (t_h: number, duration_h: number) => void;
}

/** One value per output sample, in a typed array (NaN where a value does not exist). */
export type SeriesValues = Float64Array;

export interface RunResult {
  scenario: Scenario;
  series: Record<SeriesName, SeriesValues>;
  events: SimEvent[];
  summary: Summary;
  /** SOFA's sub-scores at baseline and at the end (the summary's SOFA fields are read from it; not written out). */
  sofa: RunSofa;
  solver: SolverStats;
  finalState: number[];
}

/** SERIES_NAMES as a plain array, indexed by column. */
const NAMES: SeriesName[] = [...SERIES_NAMES];
/** Every series in SERIES order, each NaN: what a run's output record starts as. */
const BLANK: Observation = Object.fromEntries(NAMES.map((name) => [name, NaN]));

/**
 * Records every series at k·interval below the duration and at the duration itself, and keeps the observation
 * at the 24 h milestone the summary reads (whether or not it lies on the grid). Each series is a Float64Array
 * sized for the whole grid up front (exactly its samples: the run's series are these arrays, no second set of
 * views), and every sample is observed into one record the recorder keeps: its keys stay in SERIES order from the
 * first sample on (a copy of BLANK), and each part writes every series of its own at every call
 * (test/observe.test.ts), so nothing is left over from the sample before and no sample allocates a record.
 * The columns are views of one buffer: a series sent to another thread (postMessage) copies the whole buffer, so a
 * caller that sends a few series of a long run copies them out first (`.slice()`).
 */
class GridRecorder implements Sampler {
  milestone?: Observation;
  private index = 0;
  private readonly columns: Float64Array[];
  /** The whole buffer, column after column: a sample's value of series j at j·capacity + index. */
  private readonly all: Float64Array;
  private readonly capacity: number;
  /** The record every sample is observed into (observe writes each series at every call). */
  private readonly row: Observation = { ...BLANK };
  constructor(
    private readonly sim: Simulation,
    private readonly interval_h: number,
    private readonly duration_h: number,
  ) {
    const capacity = (this.capacity = gridSamples(interval_h, duration_h));
    // one buffer for every column: each Float64Array of its own is an allocation outside the heap (~2 µs each, and
    // external memory the collector counts), 3 % of a simulated day for 111 series
    const buffer = new ArrayBuffer(capacity * SERIES_NAMES.length * Float64Array.BYTES_PER_ELEMENT);
    this.all = new Float64Array(buffer);
    this.columns = SERIES_NAMES.map((_, j) => new Float64Array(buffer, j * capacity * Float64Array.BYTES_PER_ELEMENT, capacity));
  }
  /** k·interval below the duration, then the duration itself, then nothing. */
  private nextGridTime(): number {
    return gridTime(this.index, this.interval_h, this.duration_h);
  }
  due(): number {
    const milestone = this.milestone === undefined && SUMMARY_TIME_h <= this.duration_h ? SUMMARY_TIME_h : Infinity;
    return Math.min(this.nextGridTime(), milestone);
  }
  take(t: number, stateAt: (t: number) => number[]): void {
    for (let ts = this.due(); ts <= t + 1e-9; ts = this.due()) {
      const o = observe(this.sim.composed, ts, stateAt(ts), this.row);
      // the milestone outlives the record the next sample overwrites: a copy of its own
      if (ts === SUMMARY_TIME_h && this.milestone === undefined) this.milestone = { ...o };
      if (ts === this.nextGridTime()) this.record(o);
    }
  }
  private record(o: Observation): void {
    const i = this.index++;
    const capacity = this.capacity;
    const all = this.all;
    // a write past a column's end lands in the next column without a word: the bound above must hold
    if (i >= capacity) throw new Error(`sample ${i} beyond the ${capacity} the grid was sized for`);
    // The record's own order, SERIES order (a copy of BLANK; a key observe writes beyond SERIES would come last and is
    // refused). A for-in reads each value by the key it is at, which V8 answers from the object's layout (~0.5 µs for
    // 109 series), where o[NAMES[j]] looks up each key at one place (~3 µs); the values go into the one buffer
    // by index (~0.5 µs a sample against ~0.8 µs through 114 column objects).
    let j = 0;
    for (const name in o) {
      if (name !== NAMES[j]) throw new Error(`observe wrote ${name} where SERIES has ${NAMES[j]}: the two orders must agree`);
      all[j++ * capacity + i] = o[name];
    }
    if (j !== NAMES.length) throw new Error(`observe wrote ${j} series, SERIES has ${NAMES.length}`);
  }
  /** Every series, name → its recorded samples: the columns themselves once the grid is full, else their first `index` values. */
  get series(): Record<SeriesName, SeriesValues> {
    const full = this.index === this.columns[0].length;
    return Object.fromEntries(NAMES.map((n, j) => [n, full ? this.columns[j] : this.columns[j].subarray(0, this.index)]));
  }
}

/** The grid's k-th time: k·interval below the duration (by 1e-9 h), then the duration itself, then Infinity. */
function gridTime(k: number, interval_h: number, duration_h: number): number {
  const t = k * interval_h;
  if (t < duration_h - 1e-9) return t;
  const previous = t - interval_h;
  return previous < duration_h - 1e-9 ? duration_h : Infinity;
}

/** How many times the grid holds: the first k whose gridTime is Infinity (from floor(d/i), the count is within 2). */
export function gridSamples(interval_h: number, duration_h: number): number {
  let k = Math.max(0, Math.floor(duration_h / interval_h) - 1);
  while (k > 0 && gridTime(k - 1, interval_h, duration_h) === Infinity) k--;
  while (gridTime(k, interval_h, duration_h) !== Infinity) k++;
  return k;
}

export function simulate(scenario: Scenario, options: RunOptions = {}): RunResult {
  const sim = new Simulation(scenario);
  const duration = scenario.duration_h;
  const recorder = new GridRecorder(sim, scenario.outputInterval_h, duration);
  recorder.take(0, () => sim.state.slice());
  // Advance in pieces so a long run reports progress.
  const pieces = Math.max(1, Math.ceil(duration / 24));
  for (let i = 1; i <= pieces; i++) {
    sim.advanceTo(Math.min((duration * i) / pieces, duration), recorder);
    options.onProgress?.(sim.time_h, duration);
  }
  // a run shorter than the milestone reads its end instead (observed only then: an observe into a new record adds
  // its 114 keys one by one, ~50 µs)
  const at24 = recorder.milestone ?? observe(sim.composed, sim.time_h, sim.state, { ...BLANK });
  const series = recorder.series;
  const sofa = runSofa(sim.composed.m, series);
  const summary = summarize(sim.composed, series, [...sim.events], [...sim.initialState], [...sim.state], at24, sim.time_h, sofa);
  return { scenario, series, events: [...sim.events], summary, sofa, solver: { ...sim.stats }, finalState: [...sim.state] };
}

export type { SolverStats };
