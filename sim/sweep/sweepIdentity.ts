/**
 * A sweep's identity: what decides its results — the simulator's version, the scenario's content, the hours, the
 * varied parameters and ranges, the design (samples, seed) — written as the results file's first line
 * (`# sweep {...}`), so that a resume or a merge never mixes the rows of two different sweeps. The scenario file's
 * name and the shard are recorded for the reader; only the content hash counts, and shards of one sweep differ only
 * in their shard.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { formatQuantity } from '../units.js';
import type { Design } from './runList.js';
import type { Shard } from './shard.js';
import type { VaryAxis } from './varySpec.js';
import { METRIC_COLUMNS } from './runMetrics.js';
import { MEMBRANE_LIFE_HORIZON_h } from './membraneLife.js';
import { BAGS_FROM_SERIES, EFFLUENT_BAG_L } from './engineerFigures.js';

export interface SweepIdentity {
  simulator: string;
  scenario: { file: string; sha256: string };
  /**
   * The calibration the runs resolve to: a hash of the base scenario with every default filled in, the calibrated
   * ones included (the filter fouling and heparin elimination fits), so a recalibration between two parts of a sweep
   * is caught although no option and no file the user names changed.
   */
  calibration: { sha256: string };
  /**
   * What the outcome columns are and how they are measured: a hash of the column names and of the choices behind
   * them (the membrane-life horizon, how bags are counted), so results of two versions of the column set never mix.
   */
  outcomes: { sha256: string };
  /** the simulated hours of every run (--hours, or the scenario's duration) */
  hours: number;
  /** each --vary as path=from..to[:step], in its unit */
  vary: string[];
  design: 'grid' | 'lhs';
  samples: number | null;
  seed: number | null;
  /** runs in the whole sweep (all shards) */
  runs: number;
  /** "k/N", or null for the whole sweep */
  shard: string | null;
}

export const IDENTITY_PREFIX = '# sweep ';

export function varyText(a: VaryAxis): string {
  const q = (x: number) => formatQuantity(x, a.unit);
  return `${a.path}=${q(a.from)}..${q(a.to)}${a.step === undefined ? '' : `:${q(a.step)}`}`;
}

export interface IdentityInputs {
  version: string;
  scenarioFile: string;
  scenarioText: string;
  /** The base scenario as the loader resolved it (defaults and calibrated values filled in). */
  resolvedScenario: unknown;
  hours: number;
  axes: VaryAxis[];
  design: Design;
  runs: number;
  shard?: Shard;
}

/** The hash of the outcome columns and the measurement choices behind them (SweepIdentity.outcomes). */
export function outcomesHash(): string {
  const what = { columns: METRIC_COLUMNS, membraneLifeHorizon_h: MEMBRANE_LIFE_HORIZON_h, bags: BAGS_FROM_SERIES ? 'series' : `effluent/${EFFLUENT_BAG_L} L` };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

export function sweepIdentity(i: IdentityInputs): SweepIdentity {
  return {
    simulator: i.version,
    scenario: { file: basename(i.scenarioFile), sha256: createHash('sha256').update(i.scenarioText).digest('hex') },
    calibration: { sha256: createHash('sha256').update(JSON.stringify(i.resolvedScenario)).digest('hex') },
    outcomes: { sha256: outcomesHash() },
    hours: i.hours,
    vary: i.axes.map(varyText),
    design: i.design.kind,
    samples: i.design.kind === 'lhs' ? i.design.samples : null,
    seed: i.design.kind === 'lhs' ? i.design.seed : null,
    runs: i.runs,
    shard: i.shard ? `${i.shard.index}/${i.shard.count}` : null,
  };
}

export function identityLine(id: SweepIdentity): string {
  return IDENTITY_PREFIX + JSON.stringify(id);
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
