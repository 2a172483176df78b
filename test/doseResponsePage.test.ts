/**
 * docs/models/cohort.md's dose–response table is what `npm run dose-response` prints (scripts/doseResponse.ts,
 * its `doseResponseTable`): ten runs of 72 h on the committed calibration. A refit, or a change of the physics, that
 * moves a figure makes the page stale, and this test says which rows. The script is run as a process because test/
 * may not import scripts/ (layers.js); it compares with the page as it is in the repository at test time.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const PAGE = 'docs/models/cohort.md';
const HEADING = '## Dose–response in the typical patient';
/** Measured: about 24 s on the shared 2-core machine (9 s of CPU); three times that. */
const TIMEOUT_ms = 75_000;

/** The lines of the page's dose–response section: from its heading to the next heading of the same level. */
function pageSection(): string[] {
  const lines = readFileSync(PAGE, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(HEADING));
  if (start < 0) throw new Error(`${PAGE}: no section "${HEADING}"`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? lines.length : end);
}

function scriptTable(): string[] {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/doseResponse.ts'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run dose-response failed (status ${r.status}): ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.length > 0);
}

describe(`${PAGE}, "Dose–response in the typical patient"`, () => {
  it(
    'every line npm run dose-response prints is on the page verbatim, and the page’s table has no row the script does not print',
    () => {
      const printed = scriptTable();
      expect(printed.length, 'a header, its separator and a row per run').toBeGreaterThan(2);
      for (const line of printed) expect(line, 'every printed line is a table row').toMatch(/^\|.*\|$/);
      const section = pageSection();
      const pageRows = section.filter((l) => l.startsWith('|'));
      const missing = printed.filter((l) => !section.includes(l));
      expect(missing, `rows npm run dose-response prints that ${PAGE} does not carry verbatim (paste the script's table)`).toEqual([]);
      const stale = pageRows.filter((l) => !printed.includes(l));
      expect(stale, `rows of ${PAGE}'s table that npm run dose-response no longer prints`).toEqual([]);
    },
    TIMEOUT_ms,
  );
});
