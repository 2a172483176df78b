/**
 * Fuzzing the scenario loader and the engine behind it (issue: hardening).
 *
 *   npm run fuzz -- [--seed S] [--count N] [--out-dir DIR] [--hours H] [--budget-ms MS] [--workers W]
 *
 * A seeded mutator turns the bundled scenarios into N broken or extreme scenario files: wrong types and units,
 * huge/negative/zero/NaN-like numbers, missing and extra fields, deep nesting, very long strings, broken JSON text,
 * duplicate keys, unicode, null sections, prototype-pollution keys, random timeline entries, and legal values drawn
 * across each field's whole accepted range. Each case goes the CLI's way — text → parseJsonText → scenarioFromObject
 * (loadScenarioText) → simulate, the run capped at --hours (24 h) — and must end in
 *   - a valid run whose output keeps the invariants (no Infinity; NaN only in circuit/filter series; every mass
 *     balance and the fluid balance closed to 1e-6), or
 *   - a ScenarioError whose every issue names a path (or is about the whole document) and whose message holds no
 *     stack trace, or
 *   - an EngineError that names a state no patient survives or a prescription the filter can no longer run
 *     (counted apart).
 * Anything else — another exception, another engine error, a silently wrong output, a case over its time budget
 * (the worker is terminated) — is a failure: the input is written to --out-dir (test/fixtures/fuzz-regressions/)
 * as a JSON wrapper holding the raw text, and test/fuzzRegressions.test.ts replays it forever.
 * Case i of seed S is the same text on every machine: `makeCase(S, i)` (tools/fuzz/cases.ts).
 *
 * The cases, mutators and judging live in tools/fuzz/ (the tests use them too); the options, the worker pool and
 * the tally in scripts/fuzz/.
 */
import { isMainThread } from 'node:worker_threads';
import { parseArgs, type Options } from './fuzz/options.js';
import { runPool } from './fuzz/pool.js';
import { Tally } from './fuzz/tally.js';

async function fuzz(o: Options): Promise<number> {
  const tally = new Tally(o);
  await runPool(o, tally);
  process.stdout.write(tally.report().join('\n') + '\n');
  return tally.failed === 0 ? 0 : 1;
}

const invokedDirectly = isMainThread && process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  fuzz(options).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    },
  );
}
