/** The fuzz cases: case `index` of `seed` is a bundled scenario put through a few seeded mutations. */
import { BASES } from './bases.js';
import type { JsonObject } from './json.js';
import { mutateLegal } from './mutateLegal.js';
import { mutateText } from './mutateText.js';
import { mutateTree } from './mutateTree.js';
import { caseRng, int, pick, weighted } from './random.js';

export interface FuzzCase {
  seed: number;
  index: number;
  mutations: string[];
  text: string;
}

/** Case `index` of `seed`: the same text on every machine. */
export function makeCase(seed: number, index: number): FuzzCase {
  const r = caseRng(seed, index);
  const doc = structuredClone(pick(r, BASES)) as JsonObject;
  const log: string[] = [];
  const family = weighted(r, [
    [45, 'tree'],
    [25, 'legal'],
    [20, 'text'],
    [10, 'mixed'],
  ] as const);
  if (family === 'legal') mutateLegal(r, doc, log);
  if (family === 'tree' || family === 'mixed') for (let i = int(r, 1, 3); i > 0; i--) mutateTree(r, doc, log);
  let text = JSON.stringify(doc, null, 2);
  if (family === 'text' || family === 'mixed') text = mutateText(r, text, log);
  return { seed, index, mutations: log, text };
}
