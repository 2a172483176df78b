/**
 * The dose explorer's patient spread, A/B comparison and Morris analysis (issue 16), in a real browser: two
 * prescriptions on 2 virtual patients of the bundled ECMO arm for 2 h show their medians and interquartile ranges
 * side by side (chart and table); two prescriptions over time draw two traces on each trend; a tiny Morris design
 * fills its chart. The numbers themselves are the command line's (test/explorerSpread.test.ts compares them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { spreadCsv } from '../../sim/sweep/spreadReport';
import { runOne, type RunOutcome, type RunTask, type SweepBase } from '../../sim/sweep/runTask';
import { BUNDLED_ARMS, loadBundledArm } from '../../src/explorer/spreadArms';
import { runPageSpread } from '../../src/explorer/spreadPageRun';
import { readPagePrescription } from '../../src/explorer/spreadPrescription';
import { ROOT } from '../../tools/browser/harness';
import { pagesAndBrowser } from './sharedBuild';
import { openPage } from './pageHelpers';

const OUT = join(ROOT, 'test-output');
const pages = pagesAndBrowser(240_000);
const A = '{"prescription": {"effluentDose": "30 mL/kg/h"}}';
const B = '{"prescription": {"effluentDose": "60 mL/kg/h"}}';

function openExplorer(): Promise<{ page: Page; errors: string[] }> {
  return openPage(pages.browser, `${pages.served.url}explorer.html`, { width: 1300, height: 900, acceptDownloads: true, ready: false });
}

/** The same spread computed in this process, its runs in turn (the page's code without its Web Workers). */
async function spreadHere(a: string, b: string): Promise<string> {
  const inTurn = (base: SweepBase, tasks: readonly RunTask[], onOutcome: (o: RunOutcome, done: number) => void) => ({
    done: Promise.resolve().then(() => {
      tasks.forEach((t, i) => onOutcome(runOne(base, t), i + 1));
      return 'finished';
    }),
    cancel: () => {},
  });
  const loaded = loadBundledArm(BUNDLED_ARMS[0]);
  const prescriptions = [readPagePrescription('A', a, loaded.protocol), readPagePrescription('B', b, loaded.protocol)];
  const { result } = await runPageSpread({ loaded, prescriptions, patients: 2, hours: 2 }, inTurn, () => {}).done;
  return spreadCsv(result!);
}

/**
 * Two spread CSVs with the same rows and the same numbers but for the last bits: chromium's V8 and Node's round a few
 * operations differently (about 1e-15 relative), which the 8 significant digits hide except in the IQR of values
 * equal up to rounding (the delivered dose: 7e-15 here, 1e-14 there). Each number within 1e-9 of its row's scale.
 */
function expectSameSpread(page: string, here: string): void {
  const rows = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((l) => l.split(','));
  const [p, h] = [rows(page), rows(here)];
  expect(p.map((r) => r.slice(0, 3))).toEqual(h.map((r) => r.slice(0, 3))); // outcome, prescription, n
  p.slice(1).forEach((r, i) => {
    const scale = Math.max(1, Math.abs(Number(h[i + 1][3])));
    r.slice(3).forEach((v, j) => {
      const w = h[i + 1][3 + j];
      if (v === '' || w === '') expect(v).toBe(w);
      else expect(Math.abs(Number(v) - Number(w)), `${r[0]} ${r[1]} column ${3 + j}`).toBeLessThanOrEqual(1e-9 * scale);
    });
  });
}

const enabled = (page: Page, id: string) => page.waitForFunction((i) => !(document.getElementById(i) as HTMLButtonElement).disabled, id, { timeout: 600_000 });

describe('patient spread, A/B and Morris from the dose explorer page', () => {
  it('shows two prescriptions’ medians and interquartile ranges over the same patients', async () => {
    const { page, errors } = await openExplorer();
    await page.selectOption('#spread-arm', 'ecmo-hvhf');
    await page.fill('#spread-patients', '2');
    await page.fill('#spread-hours', '2');
    await page.fill('#spread-a', A);
    await page.fill('#spread-b', B);
    await page.click('#spread-run');
    await enabled(page, 'spread-download');
    expect(await page.locator('#spread-status').textContent()).toBe('4 of 4 runs done');
    expect(await page.locator('#spread-message').textContent()).toMatch(/^Patient spread: ECMO \+ HVHF, 2 virtual patients, 2 h each, A and B\./);
    const head = await page.locator('#spread-table thead th').allTextContents();
    expect(head).toEqual(['outcome', 'A: median [Q1, Q3]', 'B: median [Q1, Q3]']);
    const dose = await page.locator('#spread-table tr[data-outcome="delivered_dose_mL_kg_h"] td').allTextContents();
    expect(dose).toHaveLength(3);
    const median = (cell: string) => Number(/^(-?[\d.e+-]+) \[/.exec(cell)![1]);
    expect(median(dose[2])).toBeGreaterThan(median(dose[1])); // 60 mL/kg/h delivers more than 30
    // each outcome's row: one IQR bar and one median per prescription
    expect(await page.locator('#spread-chart g[data-outcome="il6_change_pct"] line.iqr').count()).toBe(2);
    expect(await page.locator('#spread-chart g[data-outcome="il6_change_pct"] circle.median').count()).toBe(2);
    await page.screenshot({ path: join(OUT, 'explorer-spread.png'), fullPage: true });
    // the workers' numbers are those of the same runs made here (and those, `sim spread`'s: test/explorerSpread.test.ts)
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#spread-download')]);
    expectSameSpread(readFileSync((await download.path())!, 'utf8'), await spreadHere(A, B));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names a wrong setting in a prescription, in the page, before anything runs', async () => {
    const { page } = await openExplorer();
    await page.fill('#spread-a', '{"prescription": {"efluentDose": "30 mL/kg/h"}}');
    await page.click('#spread-run');
    await expect.poll(() => page.locator('#spread-message').textContent()).toMatch(/Prescription A.*efluentDose/s);
    expect(await page.locator('#spread-message').getAttribute('class')).toMatch(/error/);
    await page.close();
  });
  it('cancels a spread: nothing shown, the form ready again', async () => {
    const { page, errors } = await openExplorer();
    await page.fill('#spread-patients', ''); // the arm's n: 44 patients, 88 runs
    // run and cancel in one task of the page: the spread starts at once (its runs on workers), and a cancel sent from
    // here after the run's click could arrive after 88 short runs had finished on a busy machine
    await page.evaluate(() => {
      document.getElementById('spread-run')!.click();
      if (!/^0 of 88 runs done$/.test(document.getElementById('spread-status')!.textContent ?? '')) throw new Error('the spread did not start');
      document.getElementById('spread-cancel')!.click();
    });
    await expect.poll(() => page.locator('#spread-message').textContent()).toBe('Patient spread cancelled: nothing to show until every run has finished.');
    expect(await page.locator('#spread-run').isEnabled()).toBe(true);
    expect(await page.locator('#spread-download').isEnabled()).toBe(false);
    expect(await page.locator('#spread-chart svg').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws two prescriptions over time on shared trends, A and B, and downloads both', async () => {
    const { page, errors } = await openExplorer();
    await page.selectOption('#ab-scenario', 'ecmo-hvhf-default');
    await page.fill('#ab-hours', '2');
    await page.fill('#ab-a', '{"prescription": {"effluentDose": "30 mL/kg/h"}}');
    await page.fill('#ab-b', '{"prescription": {"effluentDose": "60 mL/kg/h"}}');
    await page.click('#ab-run');
    await enabled(page, 'ab-download');
    for (const series of ['il6_pg_mL', 'tmp_mmHg', 'albumin_g_L', 'map_mmHg']) {
      const traces = page.locator(`#ab-chart svg[data-series="${series}"] path.trace`);
      expect(await traces.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-arm')))).toEqual(['A', 'B']);
    }
    expect(await page.locator('#ab-chart [aria-label="legend"] text').allTextContents()).toEqual(['A', 'B']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ab-download')]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('prescription,time_h,il6_pg_mL,tmp_mmHg,albumin_g_L,map_mmHg');
    const arms = lines.slice(1).map((l) => l.split(',')[0]);
    expect(arms.filter((a) => a === 'A').length).toBe(arms.filter((a) => a === 'B').length);
    expect(arms.at(-1)).toBe('B');
    // 0 to 2 h at the scenario's output interval: both arms end at 2 h
    expect(lines.filter((l) => l.split(',')[1] === '2').length).toBe(2);
    await page.screenshot({ path: join(OUT, 'explorer-ab.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fills the Morris chart and ranking from a tiny design', async () => {
    const { page, errors } = await openExplorer();
    await page.selectOption('#morris-scenario', 'ecmo-hvhf-default');
    await page.selectOption('#morris-outcome', 'il6_removal_pct');
    await page.selectOption('#morris-parameters', ['filter.sieving.il6.fouled', 'kinetics.il6.endogenousClearance']);
    expect(await page.locator('#morris-info li').allTextContents()).toEqual([
      expect.stringMatching(/^filter\.sieving\.il6\.fouled: fraction; range .*; source /),
      expect.stringMatching(/^kinetics\.il6\.endogenousClearance: mL\/h; range .*; source /),
    ]);
    await page.fill('#morris-trajectories', '2');
    await page.fill('#morris-hours', '2');
    await page.click('#morris-run');
    await enabled(page, 'morris-download');
    expect(await page.locator('#morris-status').textContent()).toBe('6 of 6 runs done');
    expect(await page.locator('#morris-chart g.morris-point').count()).toBe(2);
    expect(await page.locator('#morris-table tbody tr').count()).toBe(2);
    expect(await page.locator('#morris-message').textContent()).toMatch(
      /^Morris elementary effects of il6_removal_pct: 2 trajectories, 4 levels, seed 1, 6 runs of 2 h\./,
    );
    await page.screenshot({ path: join(OUT, 'explorer-morris.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
