/**
 * What a training scenario's replay costs (npx tsx bench/trainingReplay.ts [--repeats N]): each scenario in
 * scenarios/training replayed with its scripted response (as `train` and test/training.test.ts replay it: the
 * session observes every simulated minute), after 3 warm-up replays; CPU ms per replay, median over the repeats.
 * Prints figures; asserts nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInputFile, RESOLVE_BESIDE } from '../sim/scenario/loadFile.js';
import { loadTrainingText, parseActionsText } from '../sim/training/trainingFile.js';
import { replayTraining } from '../sim/training/replay.js';
import { cpuMillis as cpu, median } from './cpuTime.js';

const i = process.argv.indexOf('--repeats');
const REPEATS = i >= 0 ? Number(process.argv[i + 1]) : 5;
const DIR = 'scenarios/training';
let total = 0;
for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json'))) {
  const t = loadTrainingText(readInputFile(join(DIR, f), 'training scenario'), join(DIR, f), RESOLVE_BESIDE);
  const responses = join(DIR, 'responses', f.replace(/\.json$/, '.actions.json'));
  const actions = parseActionsText(readInputFile(responses, 'actions file'), responses, t, RESOLVE_BESIDE);
  for (let k = 0; k < 3; k++) replayTraining(t, actions);
  const ms = median(Array.from({ length: REPEATS }, () => cpu(() => replayTraining(t, actions))));
  total += ms;
  console.log(`${f.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  (${t.scenario.duration_h} h)`);
}
console.log(`${'all'.padEnd(34)} ${total.toFixed(1).padStart(7)} ms`);
