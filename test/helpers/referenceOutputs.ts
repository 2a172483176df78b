/**
 * The engine's outputs on the bundled scenarios (48 h) and the cohort (24 h and 72 h), as plain JSON documents:
 * what `npm run save:reference` writes to test/fixtures/reference-outputs/ before a change that must not alter
 * behaviour, and what test/referenceOutputs.test.ts compares the current engine with.
 */
import { simulate } from '../../sim/engine/simulate.js';
import { loadScenarioFile } from '../../sim/scenario/loadFile.js';
import { loadArm } from '../../sim/cohort/loadArm.js';
import { replayArm } from '../../sim/cohort/replay.js';

export const REFERENCE_DIR = 'test/fixtures/reference-outputs';
export const BUNDLED_SCENARIOS = ['scenarios/ecmo-hvhf-default.json', 'scenarios/standard-care-default.json'];
export const COHORT_ARMS = ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json'];

/** JSON round trip with NaN and ±Infinity as null, as the CLI writes them. */
function plain(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
}

/** One document per file name: each bundled scenario's 48 h run, and each cohort duration's replay of both arms. */
export function referenceDocuments(): Record<string, unknown> {
  const docs: Record<string, unknown> = {};
  for (const file of BUNDLED_SCENARIOS) {
    const r = simulate(loadScenarioFile(file, [{ path: 'duration', value: '48 h' }]));
    const name = file.replace(/^scenarios\//, '').replace(/\.json$/, '');
    const series = Object.fromEntries(Object.entries(r.series).map(([k, v]) => [k, Array.from(v)])); // typed arrays as JSON arrays
    docs[`${name}-48h.json`] = plain({ series, events: r.events, summary: r.summary });
  }
  for (const hours of [24, 72]) {
    const arms = COHORT_ARMS.map((f) => replayArm(loadArm(f), { hours }));
    docs[`cohort-${hours}h.json`] = plain({ hours, arms: arms.map((a) => ({ name: a.name, metrics: a.metrics, patients: a.patients })) });
  }
  return docs;
}
