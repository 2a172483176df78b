/**
 * The parts of a sweep's identity (sweepIdentity.ts) and results text that need no Node module, so the explorer
 * page's sweeps (src/explorer/) write the command line's file byte for byte: the identity is built from hashes
 * computed by the caller (node:crypto on the command line, WebCrypto in the page).
 */
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

/** What the outcome columns are and how they are measured, as the text SweepIdentity.outcomes hashes. */
export function outcomesDescription(): string {
  return JSON.stringify({
    columns: METRIC_COLUMNS,
    membraneLifeHorizon_h: MEMBRANE_LIFE_HORIZON_h,
    bags: BAGS_FROM_SERIES ? 'series' : `effluent/${EFFLUENT_BAG_L} L`,
  });
}

/** The SHA-256 digests (hex) an identity records: of the scenario text, of the resolved scenario, of the outcomes. */
export interface IdentityHashes {
  scenario: string;
  calibration: string;
  outcomes: string;
}

/**
 * The identity from its inputs and their hashes (computed by node:crypto on the command line, by WebCrypto in the
 * page). `scenarioFile` is the file's name, without its folder.
 */
export function identityFromHashes(i: IdentityInputs, h: IdentityHashes): SweepIdentity {
  return {
    simulator: i.version,
    scenario: { file: i.scenarioFile, sha256: h.scenario },
    calibration: { sha256: h.calibration },
    outcomes: { sha256: h.outcomes },
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

/** The whole results file: the identity line, the header, the rows in run-id order. */
export function resultsText(identity: SweepIdentity, header: string, rows: Map<number, string>): string {
  const ids = [...rows.keys()].sort((a, b) => a - b);
  return [identityLine(identity), header, ...ids.map((id) => rows.get(id)!)].join('\n') + '\n';
}
