/**
 * The dose explorer's patient spread (issue 16) against the command line's: the page's arm loading (bundled texts,
 * src/explorer/spreadArms.ts), prescriptions typed as JSON (spreadPrescription.ts) and runner (spreadPageRun.ts, its
 * runs here in turn in this process instead of Web Workers) give the medians and quartiles `sim spread` gives for the
 * same arm, prescriptions, patients and hours, number for number; its Morris screening (morrisPlan.ts) gives the
 * command line's μ*, μ and σ for the same design and seed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli';
import { loadArm } from '../sim/cohort/loadArm';
import { runOne, type RunOutcome, type RunTask, type SweepBase } from '../sim/sweep/runTask';
import type { SpreadResult } from '../sim/sweep/spread';
import { BUNDLED_ARMS, loadBundledArm } from '../src/explorer/spreadArms';
import { runPageSpread } from '../src/explorer/spreadPageRun';
import { readPagePrescription } from '../src/explorer/spreadPrescription';
import { calibratedPageText, runPageMorris } from '../src/explorer/morrisPlan';
import { BUNDLED_SCENARIOS } from '../src/scenarios';
import { calibratedScenarioText } from '../sim/scenario/loadFile';
import { parseJsonText } from '../sim/scenario/jsonText';
import { parseOutcomes } from '../sim/sensitivity/outcomes';
import type { SensitivityReport } from '../sim/sensitivity/sensitivity';
import { chosenUncertainParameters } from '../sim/sensitivity/uncertainParameters';

const dir = mkdtempSync(join(tmpdir(), 'explorer-spread-'));
const A = '{"prescription": {"effluentDose": "30 mL/kg/h"}}';
const B = '{"prescription": {"effluentDose": "60 mL/kg/h", "predilutionFraction": "0.5"}}';

/** Runs a batch of sweep runs one after the other in this process, as a page worker runs each. */
function inTurn(base: SweepBase, tasks: readonly RunTask[], onOutcome: (o: RunOutcome, done: number) => void) {
  const done = Promise.resolve().then(() => {
    tasks.forEach((t, i) => onOutcome(runOne(base, t), i + 1));
    return 'finished';
  });
  return { done, cancel: () => {} };
}

async function cliSpread(options: string[]): Promise<SpreadResult> {
  writeFileSync(join(dir, 'A.json'), A);
  writeFileSync(join(dir, 'B.json'), B);
  const out = join(dir, `spread-${options.join('-').replace(/\W/g, '')}.json`);
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const args = ['spread', '--prescription', join(dir, 'A.json'), '--prescription', join(dir, 'B.json'), ...options];
    expect(await main([...args, '--format', 'json', '--workers', '2', '--quiet', '--out', out])).toBe(0);
  } finally {
    quiet.mockRestore();
  }
  return JSON.parse(readFileSync(out, 'utf8')) as SpreadResult;
}

describe('the page’s patient spread', () => {
  it('loads each bundled arm as the command line loads its file', () => {
    for (const arm of BUNDLED_ARMS) {
      const page = loadBundledArm(arm);
      const cli = loadArm(arm.file);
      expect(page.arm).toEqual(cli.arm);
      expect(page.protocol).toEqual(cli.protocol);
      expect(page.calibration).toEqual(cli.calibration);
      expect(page.calibratedMeans).toEqual(cli.calibratedMeans);
    }
  });

  it('gives the medians and quartiles of `sim spread` for the same two prescriptions on 3 patients', async () => {
    const loaded = loadBundledArm(BUNDLED_ARMS[0]);
    const prescriptions = [readPagePrescription('A', A, loaded.protocol), readPagePrescription('B', B, loaded.protocol)];
    const progress: number[] = [];
    const run = runPageSpread({ loaded, prescriptions, patients: 3, hours: 2 }, inTurn, (done) => progress.push(done));
    expect(run.total).toBe(6);
    const { how, result } = await run.done;
    expect(how).toBe('finished');
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    const cli = await cliSpread(['--arm', 'scenarios/cohort/ecmo-hvhf.json', '--patients', '3', '--hours', '2']);
    // JSON both ways: the command line's numbers went through its file, the page's through the same text
    expect(JSON.parse(JSON.stringify(result))).toEqual(cli);
    // a difference between the prescriptions the test can see: the higher dose delivers more
    const dose = (i: number) => cli.prescriptions[i].outcomes.delivered_dose_mL_kg_h!.median;
    expect(dose(1)).toBeGreaterThan(dose(0));
    expect(cli.prescriptions[0].outcomes.il6_change_pct!.n).toBe(3);
  });

  it('names a wrong setting, a value without its unit and an empty prescription before anything runs', () => {
    const { protocol } = loadBundledArm(BUNDLED_ARMS[0]);
    const wrong = () => readPagePrescription('A', '{"prescription": {"efluentDose": "35 mL/kg/h"}}', protocol);
    expect(wrong).toThrow(/Prescription A.*prescription\.efluentDose: unknown setting \(did you mean "prescription\.effluentDose"\?\)/s);
    expect(wrong).not.toThrow(/--set/); // the page's words, not the command line's
    expect(() => readPagePrescription('A', '{"prescription": {"effluentDose": "35 kg"}}', protocol)).toThrow(/effluentDose/);
    expect(() => readPagePrescription('A', '{}', protocol)).toThrow(/no setting in it/);
    expect(() => readPagePrescription(' ', A, protocol)).toThrow(/Prescription name/);
    expect(() => readPagePrescription('A', '{"prescription": ', protocol)).toThrow(/Prescription A/);
  });
});

describe('the page’s Morris screening', () => {
  const file = 'scenarios/ecmo-hvhf-default.json';
  const parameters = 'filter.sieving.il6.fouled,kinetics.il6.endogenousClearance';

  it('runs the scenario text the command line runs (its calibration written in from the page’s copy)', () => {
    const bundled = BUNDLED_SCENARIOS.find((s) => `scenarios/${s.file}` === file)!;
    expect(calibratedPageText(bundled.text, file)).toBe(calibratedScenarioText(readFileSync(file, 'utf8'), file));
  });

  it('gives the μ*, μ and σ of `sim sensitivity --method morris` for the same design and seed', async () => {
    const text = calibratedPageText(BUNDLED_SCENARIOS.find((s) => `scenarios/${s.file}` === file)!.text, file);
    const raw = parseJsonText(text, file) as Record<string, unknown>;
    const plan = {
      text,
      source: file,
      hours: 2,
      parameters: chosenUncertainParameters(parameters, raw),
      outcome: parseOutcomes('il6_removal_pct')[0],
      samples: 2,
      levels: 4,
      seed: 7,
    };
    const run = runPageMorris(plan, inTurn, () => {});
    expect(run.total).toBe(6); // r (k + 1)
    const { how, report } = await run.done;
    expect(how).toBe('finished');
    const out = join(dir, 'morris.json');
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const args = ['sensitivity', file, '--method', 'morris', '--parameters', parameters, '--outcome', 'il6_removal_pct', '--samples', '2', '--levels', '4'];
      expect(await main([...args, '--seed', '7', '--hours', '2', '--workers', '2', '--format', 'json', '--quiet', '--out', out])).toBe(0);
    } finally {
      quiet.mockRestore();
    }
    const cli = JSON.parse(readFileSync(out, 'utf8')) as SensitivityReport;
    const page = JSON.parse(JSON.stringify(report)) as SensitivityReport;
    expect({ ...page, seconds: 0 }).toEqual({ ...cli, seconds: 0 });
    // the fouled IL-6 sieving moves IL-6 removal: an effect the test can see
    expect(cli.rankings[0].parameters.find((p) => p.path === 'filter.sieving.il6.fouled')!.muStar).toBeGreaterThan(0);
  });
});
