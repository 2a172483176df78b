/**
 * `sim spread --prescription a.json [--prescription b.json] --arm ARM.json [--patients N]`: each outcome's median
 * and interquartile range per prescription over a cohort arm's virtual patients (docs/dose-explorer.md).
 * A prescription file is a part of a scenario: {"prescription": {"effluentDose": "35 mL/kg/h"}}.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { loadArm } from '../cohort/loadArm.js';
import { refuseExisting, writeOutputFile } from '../output/writeOutput.js';
import { ScenarioError, keySegment } from '../scenario/errors.js';
import { parseJsonText } from '../scenario/jsonText.js';
import { applyOverrides, type Override } from '../scenario/load.js';
import { readInputFile } from '../scenario/loadFile.js';
import type { Prescription, SpreadResult } from '../sweep/spread.js';
import { runSpread } from '../sweep/spreadRun.js';
import { spreadCsv, spreadJson, spreadTable } from '../sweep/spreadReport.js';
import { parseHours } from './runCommand.js';
import { withProgress } from './progress.js';
import { wholeNumber } from './wholeNumber.js';

export interface SpreadOptions {
  prescription: string[];
  arm: string;
  patients?: string;
  hours: string;
  workers?: string;
  format: 'table' | 'json' | 'csv';
  out?: string;
  overwrite: boolean;
  quiet: boolean;
}

/** A nested scenario part's leaves as overrides: {"prescription": {"effluentDose": "35 mL/kg/h"}} → prescription.effluentDose. */
function leaves(value: unknown, path: string, file: string, out: Override[]): Override[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, keySegment(path, k), file, out);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.push({ path, value: String(value) });
  } else {
    throw new ScenarioError(file, [{ path, message: `got ${JSON.stringify(value)}; expected a value with its unit, e.g. "35 mL/kg/h"` }]);
  }
  return out;
}

export function readPrescription(file: string): Prescription {
  const raw = parseJsonText(readInputFile(file, 'prescription file'), file);
  const overrides = leaves(raw, '', file, []);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || overrides.length === 0)
    throw new ScenarioError(file, [
      { path: '', message: 'expected a part of a scenario with at least one setting, e.g. {"prescription": {"effluentDose": "35 mL/kg/h"}}' },
    ]);
  return { name: basename(file).replace(/\.json$/i, ''), overrides };
}

export async function spreadCommand(opts: SpreadOptions): Promise<void> {
  if (opts.prescription.length === 0)
    throw new ScenarioError('--prescription', [
      { path: '--prescription', message: 'name one or two prescription files, e.g. --prescription a.json --prescription b.json' },
    ]);
  const prescriptions = opts.prescription.map(readPrescription);
  const names = prescriptions.map((p) => p.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice)
    throw new ScenarioError('--prescription', [{ path: '--prescription', message: `two prescription files are named ${twice}; expected different names` }]);
  const hours = parseHours(opts.hours);
  const patients = opts.patients === undefined ? undefined : wholeNumber('--patients', opts.patients, 1, 10_000);
  const workers = opts.workers === undefined ? availableParallelism() : wholeNumber('--workers', opts.workers, 1, 256);
  if (opts.out) refuseExisting(opts.out, opts.overwrite, '--out', [...opts.prescription, opts.arm]);
  const loaded = loadArm(opts.arm);
  // a path no scenario has fails every run: refused before they start, naming the file
  for (const [i, rx] of prescriptions.entries()) applyOverrides(structuredClone(loaded.protocol), rx.overrides, opts.prescription[i]);
  const r = await withProgress('spreading', 'runs', (onProgress) => runSpread({ loaded, prescriptions, patients, hours, workers, onProgress }));
  refuseAllFailed(r, opts.prescription);
  const text = opts.format === 'json' ? spreadJson(r) : opts.format === 'csv' ? spreadCsv(r) : spreadTable(r);
  if (opts.out) writeOutputFile(opts.out, text, opts.overwrite);
  else process.stdout.write(text);
  // partial failures are said even with --quiet: the medians are over fewer patients
  for (const p of r.prescriptions)
    if (p.failed) process.stderr.write(`${p.name}: ${p.failed} of ${r.patients} runs failed; their outcomes are left out. The first: ${p.firstError}\n`);
}

/**
 * A prescription whose every run failed has no spread: the command fails with the first run's own message
 * (exit 2 for settings the loader refused, 1 for an engine failure) instead of a table of dashes.
 */
function refuseAllFailed(r: SpreadResult, files: string[]): void {
  const i = r.prescriptions.findIndex((p) => p.failed === r.patients);
  if (i < 0) return;
  const { firstError = '' } = r.prescriptions[i];
  const message = `every run (${r.patients} of ${r.patients}) failed; the first: ${firstError.replace(/^invalid settings: /, '')}`;
  if (firstError.startsWith('invalid settings')) throw new ScenarioError(files[i], [{ path: '--prescription', message }]);
  throw new Error(`${files[i]}: ${message}`);
}
