/** The fuzz run's count of outcomes, the failures written as regressions, the slow cases, and the report of it all. */
import { makeCase } from '../../tools/fuzz/cases.js';
import { writeRegression } from '../../tools/fuzz/regression.js';
import { ACCEPTED_ENGINE_STOPS, type Outcome, type OutcomeKind } from '../../tools/fuzz/runCase.js';
import type { Options } from './options.js';

interface Failure {
  index: number;
  detail: string;
  file: string;
}

/** A failure's kind: its detail with the numbers masked. */
const signatureOf = (detail: string) => detail.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, '#').slice(0, 120);

export class Tally {
  readonly counts: Record<OutcomeKind | 'timeout', number> = { valid: 0, validation: 0, engine: 0, failure: 0, timeout: 0 };
  private readonly engineKinds: Record<string, number> = {};
  private readonly failures: Failure[] = [];
  private readonly slow: { index: number; ms: number }[] = [];
  private readonly bySignature = new Map<string, number>();
  private readonly t0 = performance.now();
  private lastReport = performance.now();
  /** cases with an outcome so far */
  finished = 0;

  constructor(private readonly o: Options) {}

  /** The outcome of case `index`, or that it ran over its time budget. */
  record(index: number, outcome: Outcome | 'timeout'): void {
    const o = this.o;
    this.finished++;
    if (outcome === 'timeout') {
      this.counts.timeout++;
      const c = makeCase(o.seed, index);
      this.failures.push({
        index,
        detail: `over the ${o.budgetMs} ms budget (worker terminated)`,
        file: writeRegression(o.outDir, c, `over the ${o.budgetMs} ms time budget`),
      });
      return;
    }
    this.counts[outcome.kind]++;
    if (outcome.ms > 2000) this.slow.push({ index, ms: outcome.ms });
    if (outcome.kind === 'engine') {
      const key = ACCEPTED_ENGINE_STOPS.find((re) => re.test(outcome.detail))!.source.replace(/\\/g, '');
      this.engineKinds[key] = (this.engineKinds[key] ?? 0) + 1;
    }
    if (outcome.kind === 'failure') this.keepFailure(index, outcome.detail);
    if (performance.now() - this.lastReport > 10_000) {
      this.lastReport = performance.now();
      process.stderr.write(`  ${this.finished}/${o.count} cases, ${((performance.now() - this.t0) / 1000).toFixed(0)} s\n`);
    }
  }

  /** Keeps every distinct failure, and at most three of a kind, as regression files. */
  private keepFailure(index: number, detail: string): void {
    const signature = signatureOf(detail);
    const seen = this.bySignature.get(signature) ?? 0;
    this.bySignature.set(signature, seen + 1);
    const file = seen < 3 ? writeRegression(this.o.outDir, makeCase(this.o.seed, index), detail) : '(not written: a fourth of its kind)';
    this.failures.push({ index, detail, file });
  }

  /** Case `index` killed its worker. */
  workerDied(index: number, message: string): void {
    const c = makeCase(this.o.seed, index);
    this.counts.failure++;
    this.finished++;
    this.failures.push({ index, detail: `worker died: ${message}`, file: writeRegression(this.o.outDir, c, `worker died: ${message}`) });
  }

  get failed(): number {
    return this.counts.failure + this.counts.timeout;
  }

  /** The summary printed at the end. */
  report(): string[] {
    const { o, counts, slow, engineKinds } = this;
    const seconds = (performance.now() - this.t0) / 1000;
    return [
      `fuzzScenarios: seed ${o.seed}, ${o.count} cases in ${seconds.toFixed(1)} s (${(o.count / seconds).toFixed(0)} cases/s, ${o.workers} workers, runs capped at ${o.hours} h, budget ${o.budgetMs} ms a case)`,
      `  valid runs          ${counts.valid}`,
      `  validation errors   ${counts.validation}`,
      `  engine stops        ${counts.engine}${Object.keys(engineKinds).length ? '' : ' (none)'}`,
      ...Object.entries(engineKinds).map(([k, n]) => `      ${String(n).padStart(5)} × ${k}`),
      `  failures            ${this.failed} (${counts.timeout} over the time budget)`,
      ...failureKinds(this.failures),
      `  slow cases (> 2 s)  ${slow.length}${
        slow.length
          ? `: ${slow
              .slice(0, 10)
              .map((s) => `${s.index} (${(s.ms / 1000).toFixed(1)} s)`)
              .join(', ')}`
          : ''
      }`,
    ];
  }
}

/** Failures grouped by kind (numbers masked): count, first case, where it was written. */
function failureKinds(failures: Failure[]): string[] {
  const kinds = new Map<string, { n: number; first: Failure }>();
  for (const f of failures) {
    const key = signatureOf(f.detail);
    const k = kinds.get(key);
    if (k) k.n++;
    else kinds.set(key, { n: 1, first: f });
  }
  return [...kinds.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, 25)
    .map(({ n, first }) => `      ${String(n).padStart(5)} × ${first.detail.slice(0, 150)} (first: case ${first.index} → ${first.file})`);
}
