/**
 * Fuzzing, inside the test suite (issue: hardening):
 *   1. every input that ever failed (test/fixtures/fuzz-regressions/*.json) replays to the outcome its file expects;
 *   2. a small fuzz batch (fixed seed) ends, case by case, in a valid run, a ScenarioError naming a path, or an
 *      EngineError naming a state no patient survives — never another exception, a stack trace, a silently wrong
 *      output or a case over its time budget.
 * The full fuzzer (≥ 10 000 cases, worker threads, hang detection) is `npm run fuzz`; see docs/reliability.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../tools/fuzz/cases.js';
import type { Regression } from '../tools/fuzz/regression.js';
import { runCase, type Outcome, type OutcomeKind } from '../tools/fuzz/runCase.js';

const DIR = 'test/fixtures/fuzz-regressions';
const BATCH_SEED = 20261124;
const BATCH_SIZE = 300;
/**
 * Per run: the solver's work, not the clock (a test never depends on the machine's speed; `npm run fuzz` keeps a
 * time budget per case). A default day takes ~540–750 right-hand-side evaluations, a fuzz case at most ~1,000 plus
 * ~10,000 a day (measured: seed 20261124's batch and every regression); one far beyond that has found a stiff corner
 * or a stalled step size. A loader that hangs is caught by the test timeout.
 */
const WORK_BUDGET = { evaluations: 5_000, perDay: 30_000 };
const budgetOf = (hours: number) => WORK_BUDGET.evaluations + (WORK_BUDGET.perDay * hours) / 24;
const overBudget = (o: Outcome) => (o.work ? o.work.evaluations > budgetOf(o.work.hours) : false);

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('fuzz regressions: every input that once failed', () => {
  it('the folder holds the regressions found so far', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files)('%s', (file) => {
    const r = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Regression;
    expect(typeof r.text, 'the wrapper holds the raw text').toBe('string');
    expect(r.expect.length).toBeGreaterThan(0);
    const outcome = runCase(r.text, r.hours ?? 24);
    const why =
      `${file}: was "${r.failure}"; now ${outcome.kind}${outcome.detail ? `: ${outcome.detail}` : ''}` +
      ' (if the new outcome is intended, update "expect" in the file)';
    expect(outcome.kind, why).not.toBe('failure');
    expect(r.expect as OutcomeKind[], why).toContain(outcome.kind);
    expect(overBudget(outcome), `${file}: ${outcome.work?.evaluations} right-hand-side evaluations for ${outcome.work?.hours} h`).toBe(false);
  });
});

describe(`a small fuzz batch (${BATCH_SIZE} cases, seed ${BATCH_SEED})`, () => {
  it('every case ends in a valid run, a clear validation error or an engine stop with its cause', () => {
    const counts: Record<OutcomeKind, number> = { valid: 0, validation: 0, engine: 0, failure: 0 };
    const failures: string[] = [];
    for (let i = 0; i < BATCH_SIZE; i++) {
      const c = makeCase(BATCH_SEED, i);
      const o = runCase(c.text);
      counts[o.kind]++;
      if (o.kind === 'failure') failures.push(`case ${i} [${c.mutations.join('; ')}]: ${o.detail}`);
      else if (overBudget(o))
        failures.push(`case ${i} [${c.mutations.join('; ')}]: ${o.work!.evaluations} evaluations for ${o.work!.hours} h, over the budget`);
    }
    console.log(
      `fuzz batch: ${BATCH_SIZE} cases: ${counts.valid} valid runs, ${counts.validation} validation errors, ${counts.engine} engine stops, ${counts.failure} failures`,
    );
    expect(failures, `reproduce with: npm run fuzz -- --seed ${BATCH_SEED} --count ${BATCH_SIZE}`).toEqual([]);
    // the batch exercises all three good outcomes
    expect(counts.valid).toBeGreaterThan(BATCH_SIZE / 10);
    expect(counts.validation).toBeGreaterThan(BATCH_SIZE / 3);
  }, 120_000);
  it('the same seed gives the same cases (reproducible in CI and on any machine)', () => {
    for (const i of [0, 17, 299]) expect(makeCase(BATCH_SEED, i)).toEqual(makeCase(BATCH_SEED, i));
    expect(makeCase(BATCH_SEED, 1).text).not.toBe(makeCase(BATCH_SEED, 2).text);
  });
});
