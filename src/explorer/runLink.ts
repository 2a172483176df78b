/**
 * A run of a sweep as the live view's address: the bundled scenario the sweep ran (from its identity line, `# sweep
 * {"scenario": {"file": ...}}`) and the run's varied values as `set=<path>=<value>` in the unit of their column
 * (`prescription.effluentDose_mL_kg_h` → "52.5 mL/kg/h"), written as the sweep's own runs write them
 * (formatQuantity, src/explorer/sweepPool.ts), so the live view runs the settings the run had.
 */
import { leafAt, type SpecTree } from '../../sim/parameters.js';
import type { Row } from '../../sim/plot/resultsTable.js';
import type { Override } from '../../sim/scenario/load.js';
import { perKgUnit } from '../../sim/scenario/quantityLeaf.js';
import { scenarioSpecs } from '../../sim/scenario/scenarioSpecs.js';
import { IDENTITY_PREFIX } from '../../sim/sweep/identityParts.js';
import { unitSuffix } from '../../sim/sweep/resultsCsv.js';
import { formatQuantity } from '../../sim/units.js';
import { BUNDLED_SCENARIOS, type BundledScenario } from '../scenarios.js';
import { liveViewAddress } from '../urlSettings.js';

/** The scenario file a results file's identity line names; undefined without one (or an unreadable one). */
export function sweepScenarioFile(text: string): string | undefined {
  const first = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  if (!first.startsWith(IDENTITY_PREFIX)) return undefined;
  try {
    const file = (JSON.parse(first.slice(IDENTITY_PREFIX.length)) as { scenario?: { file?: unknown } }).scenario?.file;
    return typeof file === 'string' ? file : undefined;
  } catch {
    return undefined;
  }
}

/** A parameter column's scenario path and the unit of its values, or undefined for a column no field matches. */
export function parameterOf(column: string): { path: string; unit: string } | undefined {
  const dot = column.lastIndexOf('.');
  const cut = column.indexOf('_', dot);
  if (dot < 0 || cut < 0) return undefined;
  const path = column.slice(0, cut);
  const leaf = leafAt(scenarioSpecs as SpecTree, path);
  if (leaf?.kind !== 'quantity') return undefined;
  const suffix = column.slice(cut + 1);
  const unit = [leaf.unit, ...(leaf.perKg ? [perKgUnit(leaf.unit)] : [])].find((u) => unitSuffix(u) === suffix);
  return unit === undefined ? undefined : { path, unit };
}

/** The run's varied values as the live view's settings. */
export function runOverrides(row: Row, parameters: readonly string[]): Override[] {
  return parameters.flatMap((c) => {
    const p = parameterOf(c);
    const v = row[c];
    return p && v !== null && v !== undefined ? [{ path: p.path, value: formatQuantity(v, p.unit) }] : [];
  });
}

/** Where a results file's runs open: the bundled scenario it was made from, or why they cannot be opened. */
export type RunOrigin = { scenario: BundledScenario } | { why: string };

export function runOrigin(text: string): RunOrigin {
  const file = sweepScenarioFile(text);
  if (file === undefined) return { why: 'the results file does not say which scenario it ran (no "# sweep" line)' };
  const scenario = BUNDLED_SCENARIOS.find((s) => s.file === file);
  return scenario ? { scenario } : { why: `the sweep ran ${file}, which the live view does not bundle` };
}

/** The live view's address for a run, or undefined when its scenario is not one the page bundles. */
export function runAddress(origin: RunOrigin, row: Row, parameters: readonly string[]): string | undefined {
  return 'scenario' in origin ? liveViewAddress(origin.scenario.id, runOverrides(row, parameters)) : undefined;
}
