/**
 * Writes the cohort's typical patients (npm run typical): scenarios/cohort-typical-*.json from their arm files
 * (sim/cohort/typicalPatient.ts). Run it after changing an arm's draws or settings, its protocol scenario, or the
 * calibration's fitted baselines; test/typicalPatient.test.ts fails while a committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { loadArm } from '../sim/cohort/loadArm.js';
import { TYPICAL_PATIENTS, typicalPatientScenario } from '../sim/cohort/typicalPatient.js';

for (const t of TYPICAL_PATIENTS) {
  const scenario = typicalPatientScenario(loadArm(`scenarios/cohort/${t.arm}`), t.text);
  writeFileSync(`scenarios/${t.file}`, JSON.stringify(scenario, null, 2) + '\n');
  console.log(`wrote scenarios/${t.file}`);
}
