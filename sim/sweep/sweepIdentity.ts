/**
 * A sweep's identity: what decides its results — the simulator's version, the scenario's content, the hours, the
 * varied parameters and ranges, the design (samples, seed) — written as the results file's first line
 * (`# sweep {...}`), so that a resume or a merge never mixes the rows of two different sweeps. The scenario file's
 * name and the shard are recorded for the reader; only the content hash counts, and shards of one sweep differ only
 * in their shard.
 */
import { basename } from 'node:path';
import { sha256Hex as sha256 } from '../scenario/loadFile.js';
import { identityFromHashes, outcomesDescription, IDENTITY_PREFIX, type IdentityInputs, type SweepIdentity } from './identityParts.js';

export { IDENTITY_PREFIX, identityLine, varyText, type IdentityInputs, type SweepIdentity } from './identityParts.js';

/** The hash of the outcome columns and the measurement choices behind them (SweepIdentity.outcomes). */
export function outcomesHash(): string {
  return sha256(outcomesDescription());
}

export function sweepIdentity(i: IdentityInputs): SweepIdentity {
  const hashes = { scenario: sha256(i.scenarioText), calibration: sha256(JSON.stringify(i.resolvedScenario)), outcomes: outcomesHash() };
  return identityFromHashes({ ...i, scenarioFile: basename(i.scenarioFile) }, hashes);
}

/** The identity on a results file's first line, or a message saying why it cannot be read. */
export function parseIdentityLine(line: string): SweepIdentity | string {
  if (!line.startsWith(IDENTITY_PREFIX))
    return 'its first line is not a sweep identity ("# sweep {...}"): it was written before sweeps recorded what made them, or by hand';
  try {
    const id = JSON.parse(line.slice(IDENTITY_PREFIX.length)) as SweepIdentity;
    if (typeof id.simulator !== 'string' || typeof id.scenario?.sha256 !== 'string' || !Array.isArray(id.vary) || !Number.isInteger(id.runs))
      return 'its sweep identity line lacks simulator, scenario, vary or runs';
    return id;
  } catch (e) {
    return `its sweep identity line is not valid JSON (${(e as Error).message})`;
  }
}

const hoursText = (h: number) => `${h} h`;
const list = (v: string[]) => (v.length ? v.map((s) => JSON.stringify(s)).join(', ') : 'none');
const orNone = (x: number | null) => (x === null ? 'none' : String(x));

/** What differs between two identities, one line per option: "<what>: <a says> <x>, <b says> <y>". */
export function identityDifferences(a: SweepIdentity, b: SweepIdentity, aSays: string, bSays: string): string[] {
  const diffs: string[] = [];
  const check = (what: string, x: string, y: string) => {
    if (x !== y) diffs.push(`${what}: ${aSays} ${x}, ${bSays} ${y}`);
  };
  check('simulator version', a.simulator, b.simulator);
  check('scenario content', `${a.scenario.file} (sha256 ${a.scenario.sha256.slice(0, 12)}…)`, `${b.scenario.file} (sha256 ${b.scenario.sha256.slice(0, 12)}…)`);
  const calibration = (id: SweepIdentity) => (id.calibration?.sha256 ? `resolved settings sha256 ${id.calibration.sha256.slice(0, 12)}…` : 'none recorded');
  check('calibration (the defaults and calibrated values the runs resolve to)', calibration(a), calibration(b));
  const outcomes = (id: SweepIdentity) =>
    id.outcomes?.sha256 ? `outcome columns sha256 ${id.outcomes.sha256.slice(0, 12)}…` : 'none recorded (an older column set)';
  check('outcome columns (their names and how they are measured)', outcomes(a), outcomes(b));
  check('--hours', hoursText(a.hours), hoursText(b.hours));
  check('--vary', list(a.vary), list(b.vary));
  check('--design', a.design, b.design);
  check('--samples', orNone(a.samples), orNone(b.samples));
  check('--seed', orNone(a.seed), orNone(b.seed));
  return diffs;
}
