/** What the mutators know: the scenario spec's leaves and the bundled scenarios the cases start from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forEachLeaf, type LeafSpec, type SpecTree } from '../../sim/parameters.js';
import { scenarioSpecs } from '../../sim/scenario/scenarioSpecs.js';
import type { Json, JsonObject } from './json.js';

export const LEAVES: { path: string; spec: LeafSpec }[] = [];
forEachLeaf(scenarioSpecs as SpecTree, (path, spec) => LEAVES.push({ path, spec }));
export const ADJUSTABLE = LEAVES.filter((l) => l.spec.adjustable);
export const QUANTITIES = LEAVES.filter((l) => l.spec.kind === 'quantity');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A bundled scenario's path: the cases' calibration reference reads beside it. */
export const BUNDLED_SCENARIO = join(ROOT, 'scenarios/ecmo-hvhf-default.json');
export const ECMO = JSON.parse(readFileSync(join(ROOT, 'scenarios/ecmo-hvhf-default.json'), 'utf8')) as JsonObject;
export const STANDARD = JSON.parse(readFileSync(join(ROOT, 'scenarios/standard-care-default.json'), 'utf8')) as JsonObject;
/** The ECMO default with a timeline of every kind of entry and a few sections spelt out. */
const RICH: Json = {
  ...structuredClone(ECMO),
  name: 'rich base',
  kinetics: { il6: { endogenousClearance: '3 L/h' }, heparin: { apttBaseline: '32 s' } },
  timeline: [
    { at: '2 h', set: { 'circuit.pump.speed': '3200 rpm', 'prescription.effluentDose': '35 mL/kg/h' }, note: 'settings' },
    { at: '3 h', heparinBolus: '50 U/kg' },
    { at: '4 h', fault: { filterClot: '40 %', oxygenatorThrombus: '50 %' } },
    { at: '5 h', changeFilter: true },
    { at: '6 h', set: { 'circuit.clamps.filterLimb': true } },
    { at: '6.5 h', set: { 'circuit.clamps.filterLimb': false } },
  ],
};
export const BASES = [ECMO, ECMO, RICH, RICH, STANDARD];
