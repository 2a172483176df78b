/**
 * What a page sweep runs, built as the command line's `sweep` builds it (sim/cli/sweepCommand.ts): the bundled
 * scenario's text with its calibration written in (calibratedScenarioText, with the calibration the page bundles),
 * the run list, the header and the identity line (hashed with WebCrypto), so the page's results file has the bytes
 * `npm run sim -- sweep scenarios/<file> --vary ... --hours H` writes.
 */
import packageJson from '../../package.json';
import { loadScenarioText } from '../../sim/scenario/load';
import { identityFromHashes, outcomesDescription, type SweepIdentity } from '../../sim/sweep/identityParts';
import { headerLine } from '../../sim/sweep/resultsCsv';
import { runList, type Design } from '../../sim/sweep/runList';
import type { SweepBase } from '../../sim/sweep/runTask';
import type { VaryAxis } from '../../sim/sweep/varySpec';
import type { BundledScenario } from '../scenarios';
import { calibratedPageText } from './calibratedText';

export interface PageSweep {
  base: SweepBase;
  axes: VaryAxis[];
  runs: number[][];
  header: string;
  identity: SweepIdentity;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function pageSweep(scenario: BundledScenario, axes: VaryAxis[], design: Design, hours: number): Promise<PageSweep> {
  // the command line is run from the repository's root: `sim sweep scenarios/<file>`
  const source = `scenarios/${scenario.file}`;
  const text = calibratedPageText(scenario.text, source);
  // resolved for the run's length, as the command line's sweep resolves it (its identity hashes this)
  const resolved = loadScenarioText(text, source, [], { duration_h: hours });
  const runs = runList(axes, design);
  const hashes = { scenario: await sha256(text), calibration: await sha256(JSON.stringify(resolved)), outcomes: await sha256(outcomesDescription()) };
  const identity = identityFromHashes(
    {
      version: packageJson.version,
      scenarioFile: scenario.file,
      scenarioText: text,
      resolvedScenario: resolved,
      hours,
      axes,
      design,
      runs: runs.length,
    },
    hashes,
  );
  return { base: { text, source, hours, membraneLife: true }, axes, runs, header: headerLine(axes), identity };
}
