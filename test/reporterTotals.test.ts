/**
 * The totals line (test/reporters/plainTotals.ts) counts every failed file as failed (issue 15): a file whose
 * beforeAll throws (its tests reported skipped) and a file whose suite errors, run by vitest in a child process on
 * the fixtures in test/fixtures/reporter (kept out of the main suite's include).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** This process's environment without vitest's own variables, so the child runs as a fresh `vitest run`. */
function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'));
}

describe('the totals line', () => {
  // measured: 3.4 s for the child vitest on a 2-core machine shared with four other jobs
  it('says failed for a file whose beforeAll throws and one whose suite errors, as vitest exits 1', () => {
    const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/reporter/vitest.config.ts'], {
      encoding: 'utf8',
      env: childEnv(),
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^vitest: 1 passed, 2 failed, 2 skipped$/m);
  });
});
