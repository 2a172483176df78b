/**
 * Writes the cohort's typical patients (npm run typical): scenarios/cohort-typical-*.json from their arm files
 * (sim/cohort/typicalPatient.ts). Run it after changing an arm's draws or settings or its protocol scenario; `npm run
 * calibrate` runs it after writing the calibration (a calibrated baseline is written into the files).
 * test/typicalPatient.test.ts fails while a committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadArm } from '../sim/cohort/loadArm.js';
import { TYPICAL_PATIENTS, typicalPatientScenario } from '../sim/cohort/typicalPatient.js';

export function writeTypicalScenarios(): void {
  for (const t of TYPICAL_PATIENTS) {
    const scenario = typicalPatientScenario(loadArm(`scenarios/cohort/${t.arm}`), t.text);
    writeFileSync(`scenarios/${t.file}`, JSON.stringify(scenario, null, 2) + '\n');
    console.log(`wrote scenarios/${t.file}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) writeTypicalScenarios();
