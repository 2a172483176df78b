/**
 * The right-hand side allocates nothing of its own: no array, object or closure per evaluation (derivatives.ts
 * reuses one dy per run; every part's derive writes into the shared Now). Not a timing test: it counts heap bytes.
 *
 * The states odex hands the right-hand side over a default ECMO + HVHF day are recorded, the right-hand side is warmed
 * up on them (30 passes, ~30 000 calls, so every branch it takes is compiled), then each measured pass starts on a
 * collected heap (gc made callable with --expose-gc) and the heap's growth over the pass is divided by its calls; the
 * same harness calling a function that does nothing is taken off. Median of nine passes. A pass (~1000 calls, a few
 * hundred kB) stays well within the young generation, so no collection falls inside it.
 *
 * What remains is V8's boxed numbers: a double passed to, or returned from, a call the optimiser did not inline
 * becomes a 16-byte heap number. Measured (Node 20, seven runs): 280–440 B per call, 18–28 of them, the count moving
 * with what the optimiser inlines in that process (the solutes' kinetics called with c and their volumes returned,
 * the MAP's arguments, the filter's operating point, ParameterPower's value). LIMIT sits ~200 B (12 numbers) above
 * the highest. Above it lie the mistakes this test is for: a fresh copy of dy per call (+~670 B: 78 doubles) or one
 * small object per part per call (+~790 B); both are measured below and must be flagged. A single small array per
 * call (~56 B) or one closure per call (~390 B with its context) can hide among the boxed numbers: below this check's
 * resolution.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Session } from 'node:inspector/promises';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import { derivatives } from '../sim/engine/derivatives.js';
import type { ComposedModel } from '../sim/engine/model.js';
import type { Scenario } from '../sim/scenario/resolve.js';
import { DEFAULT_ECMO, scenario, scenarioWithTimeline } from './helpers/scenarios.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes per right-hand-side call above which the right-hand side is taken to allocate (see above). */
const LIMIT_BYTES_PER_CALL = 640;
const WARM_UP_PASSES = 30;
const MEASURED_PASSES = 9;

type Rhs = (t: number, y: number[]) => unknown;

/** The (t, y) at which odex evaluated the right-hand side in a run (from `from_h` on), and that run's model at its end. */
interface Recorded {
  ts: number[];
  ys: number[][];
  composed: ComposedModel;
  /** The harness's own heap growth per call (a function that does nothing), taken off every measure. */
  harness: number;
}

function record(s: Scenario, to_h: number, from_h = 0): Recorded {
  const recorder = new Simulation(s);
  const own = recorder as unknown as { f: (x: number, y: number[]) => number[] };
  const f = own.f;
  const ts: number[] = [];
  const ys: number[][] = [];
  own.f = (x, y) => {
    if (x >= from_h) {
      ts.push(x);
      ys.push(y.slice());
    }
    return f(x, y);
  };
  recorder.advanceTo(to_h);
  const recorded = { ts, ys, composed: recorder.composed, harness: 0 };
  recorded.harness = heapGrowthPerCall(recorded, (_t, y) => y);
  return recorded;
}

function pass(r: Recorded, rhs: Rhs): void {
  const { ts, ys } = r;
  for (let i = 0; i < ts.length; i++) rhs(ts[i], ys[i]);
}

/** Median heap growth per call over measured passes, each on a collected heap, after the warm-up. */
function heapGrowthPerCall(r: Recorded, rhs: Rhs): number {
  for (let k = 0; k < WARM_UP_PASSES; k++) pass(r, rhs);
  const growth: number[] = [];
  for (let k = 0; k < MEASURED_PASSES; k++) {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    pass(r, rhs);
    growth.push((process.memoryUsage().heapUsed - before) / r.ts.length);
  }
  return growth.sort((a, b) => a - b)[MEASURED_PASSES >> 1];
}

/** Bytes per call the right-hand side `rhs` allocates over the recorded states, the harness's own taken off. */
const bytesPerCall = (r: Recorded, rhs: Rhs) => heapGrowthPerCall(r, rhs) - r.harness;

/** Where `rhs` allocates: the functions with most bytes per call in a heap-sampling profile of a few passes (for the message). */
async function whereAllocated(r: Recorded, rhs: Rhs): Promise<string> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 128,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    const passes = 2;
    for (let k = 0; k < passes; k++) pass(r, rhs);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const bytes = new Map<string, number>();
    const walk = (node: typeof profile.head) => {
      const { functionName, url, lineNumber } = node.callFrame;
      const where = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
      if (node.selfSize > 0) bytes.set(where, (bytes.get(where) ?? 0) + node.selfSize);
      node.children.forEach(walk);
    };
    walk(profile.head);
    return [...bytes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([where, b]) => `${(b / passes / r.ts.length).toFixed(0)} B/call ${where}`)
      .join('; ');
  } finally {
    session.disconnect();
  }
}

async function expectAllocationFree(r: Recorded, rhs: Rhs): Promise<number> {
  const measured = bytesPerCall(r, rhs);
  if (measured >= LIMIT_BYTES_PER_CALL)
    expect.fail(`the right-hand side allocates ${measured.toFixed(0)} B per call (limit ${LIMIT_BYTES_PER_CALL}); where: ${await whereAllocated(r, rhs)}`);
  return measured;
}

describe('the right-hand side allocates nothing of its own', () => {
  const day = record(scenario(DEFAULT_ECMO, { duration: '24 h' }), 24);
  const c = day.composed;
  const rhs = (t: number, y: number[]) => derivatives(c, t, y);

  it('over a recorded default ECMO + HVHF day, heap growth per call stays below the boxed numbers’ allowance', async () => {
    expect(day.ts.length).toBeGreaterThan(500);
    expect(await expectAllocationFree(day, rhs)).toBeGreaterThanOrEqual(0);
  });

  it('with the return cannula out (a return-line loss held: blood-loss part), heap growth per call stays below it too', async () => {
    const s = scenarioWithTimeline(DEFAULT_ECMO, [{ at: '30 min', set: { 'circuit.decannulation': 'return', 'circuit.siteCompression': true } }], {
      duration: '1 h',
    });
    const fault = record(s, 1, 0.5);
    expect(fault.composed.now.blood.bleeding_mL_h).toBeGreaterThan(100);
    expect(await expectAllocationFree(fault, (t, y) => derivatives(fault.composed, t, y))).toBeGreaterThanOrEqual(0);
  });

  it('a right-hand side that returns a fresh copy of dy at every call is flagged', () => {
    const copying = (t: number, y: number[]) => derivatives(c, t, y).slice();
    const measured = bytesPerCall(day, copying);
    expect(measured).toBeGreaterThanOrEqual(LIMIT_BYTES_PER_CALL);
    // at least the copy's 8 bytes per state more than the right-hand side alone
    expect(measured - bytesPerCall(day, rhs)).toBeGreaterThan(8 * c.dy.length);
  });

  it('a right-hand side that makes one small object per part at every call is flagged', async () => {
    const sink: { t: number; part: number }[] = new Array(c.derives.length);
    const objectPerPart = (t: number, y: number[]) => {
      for (let i = 0; i < sink.length; i++) sink[i] = { t, part: i };
      return derivatives(c, t, y);
    };
    await expect(expectAllocationFree(day, objectPerPart)).rejects.toThrow(/allocates \d+ B per call/);
  });
});
