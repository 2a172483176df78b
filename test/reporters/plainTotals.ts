/**
 * Prints one plain closing line, "vitest: N passed, N failed, N skipped", that CI reads in any language.
 * A file that failed without a failed test — it did not load, its suite errored, or a hook (beforeAll) failed and
 * its tests were reported skipped — counts as one failure, so the line never says 0 failed when vitest exits 1
 * (test/reporterTotals.test.ts).
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class PlainTotals implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const m of testModules) {
      let failedHere = 0;
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failedHere++;
        else skipped++;
      }
      if (m.state() === 'failed' && failedHere === 0) failedHere = 1;
      failed += failedHere;
    }
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
