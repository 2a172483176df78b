/**
 * docs/models/cohort.md's dose–response table is what `npm run dose-response` prints (scripts/doseResponse.ts,
 * its `doseResponseTable`): ten runs of 72 h on the committed calibration. A refit, or a change of the physics, that
 * moves a figure makes the page stale, and this test says which rows. The script is run as a process because test/
 * may not import scripts/ (layers.js); it compares with the page as it is in the repository at test time.
 */
import { describe, it } from 'vitest';
import { quotesAsPrinted } from './helpers/pageTable';

const PAGE = 'docs/models/cohort.md';
const HEADING = '## Dose–response in the typical patient';
/** Measured: about 24 s on the shared 2-core machine (9 s of CPU); three times that. */
const TIMEOUT_ms = 75_000;

describe(`${PAGE}, "Dose–response in the typical patient"`, () => {
  it(
    'every line npm run dose-response prints is on the page verbatim, and the page’s table has no row the script does not print',
    // a header, its separator and a row per run; every printed row on the page and no other in its table
    () => quotesAsPrinted('scripts/doseResponse.ts', PAGE, HEADING, { onlyTables: true }),
    TIMEOUT_ms,
  );
});
