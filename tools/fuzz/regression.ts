/** A failing input is kept forever: the file the fuzzer writes and test/fuzzRegressions.test.ts replays. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzCase } from './cases.js';
import type { OutcomeKind } from './runCase.js';

export interface Regression {
  found: string;
  seed: number;
  case: number;
  mutations: string[];
  failure: string;
  /** What the replay must end in now (test/fuzzRegressions.test.ts). */
  expect: OutcomeKind[];
  /** Hours the replay runs at most (default 24, as the fuzzer). */
  hours?: number;
  /** The scenario text, byte for byte as fuzzed. */
  text: string;
}

export function writeRegression(dir: string, c: FuzzCase, failure: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `seed${c.seed}-case${c.index}.json`);
  const r: Regression = {
    found: `scripts/fuzzScenarios.ts --seed ${c.seed}, case ${c.index}, ${new Date().toISOString().slice(0, 10)}`,
    seed: c.seed,
    case: c.index,
    mutations: c.mutations,
    failure,
    expect: ['valid', 'validation', 'engine'],
    text: c.text,
  };
  writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  return file;
}
