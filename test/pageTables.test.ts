/**
 * Tables the pages quote from a script's output, checked against the script as it prints today, as the dose–response
 * table is (test/doseResponsePage.test.ts): both had gone stale unseen. The heart rate's parts (hemodynamics.md) still
 * showed the typical ECMO patient's 24 h fall before its arm's blood-gas protocols (−32.6 where it is −28.4 bpm), and
 * Cole's trial in the model (cohort.md) a room-temperature run's 34.9 °C where the script prints 35.8; the standard-care
 * levers (cohort.md) were a last digit off in nine rows.
 */
import { describe, it } from 'vitest';
import { quotesAsPrinted } from './helpers/pageTable';

/** Each script runs two to ten short simulations: about 3 s on the shared 2-core machine (4 s of CPU); ten times that. */
const TIMEOUT_ms = 40_000;
/** The levers replay the standard-care arm about 30 times and the hydrocortisone shares both arms 9 times, 72 h each: 36 s
 * on the shared 2-core machine with the suite's other tests beside it (40 s of CPU); five times that. */
const LEVERS_TIMEOUT_ms = 180_000;

describe('tables the pages quote from scripts', () => {
  it(
    'hemodynamics.md quotes the heart rate’s parts as scripts/heartRateParts.ts prints them today, every row and no other',
    () => quotesAsPrinted('scripts/heartRateParts.ts', 'docs/models/hemodynamics.md', "## Where the heart rate's fall comes from"),
    TIMEOUT_ms,
  );
  it(
    'cohort.md quotes Cole’s trial in the model as scripts/coleTrial.ts prints it today, every row and no other',
    () => quotesAsPrinted('scripts/coleTrial.ts', 'docs/models/cohort.md', '## Dose–response in the typical patient'),
    TIMEOUT_ms,
  );
  it(
    'cohort.md quotes the standard-care levers as scripts/standardCareLevers.ts prints them today, both tables, every row and no other',
    () => quotesAsPrinted('scripts/standardCareLevers.ts', 'docs/models/cohort.md', "## Why standard care's dose falls too far", { tables: 2 }),
    LEVERS_TIMEOUT_ms,
  );
});
