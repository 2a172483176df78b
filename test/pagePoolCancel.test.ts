/**
 * The page's worker pool (src/explorer/spreadPool.ts) after a cancel: an outcome a worker had posted before it was
 * stopped must not reach the page, or the page's table and file hold more runs than its "cancelled after N" says,
 * and the chart's redraw that follows overwrites that message. (Suspected first for CI's failure on 2026-12-02; that
 * was the explorer test's own race, a cancel arriving after every run had finished: explorerSweep.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTasksInPage } from '../src/explorer/spreadPool';
import type { RunOutcome, RunTask, SweepBase } from '../sim/sweep/runTask';

/** A stand-in for the browser's Worker: records what it is sent; the test posts its outcomes by hand. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<RunOutcome>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: unknown) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** an outcome as the browser delivers it: a message event, whether or not the page has since terminated us */
  deliver(outcome: RunOutcome) {
    this.onmessage?.({ data: outcome } as MessageEvent<RunOutcome>);
  }
}

const base = { text: '{}', file: 'x.json' } as unknown as SweepBase;
const tasks: RunTask[] = [0, 1, 2, 3, 4].map((id) => ({ id, overrides: [] }));
const outcome = (id: number): RunOutcome => ({ id, error: 'stand-in' });

describe('the page worker pool', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.made = [];
  });

  it('after a cancel, an outcome already posted by a worker is dropped and the batch settles once, as cancelled', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    const seen: number[] = [];
    const handle = runTasksInPage(base, tasks, (o) => seen.push(o.id));
    expect(FakeWorker.made).toHaveLength(2);
    const [a, b] = FakeWorker.made;
    a.deliver(outcome(0));
    expect(seen).toEqual([0]);
    handle.cancel();
    expect(FakeWorker.made.every((w) => w.terminated)).toBe(true);
    b.deliver(outcome(1)); // posted before the terminate, delivered after it
    a.deliver(outcome(2));
    expect(seen).toEqual([0]);
    expect(await handle.done).toBe('cancelled');
  });

  it('every outcome reaches the page and the batch finishes when nothing is cancelled', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    const seen: number[] = [];
    const handle = runTasksInPage(base, tasks, (o) => seen.push(o.id));
    const [a, b] = FakeWorker.made;
    for (const id of [0, 1, 2, 3, 4]) (id % 2 ? b : a).deliver(outcome(id));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(await handle.done).toBe('finished');
    handle.cancel(); // too late to change how it ended
    expect(await handle.done).toBe('finished');
    // and nothing arrives after the end: a stray message is dropped
    a.deliver(outcome(9));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
