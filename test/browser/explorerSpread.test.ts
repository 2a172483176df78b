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
import { ROOT } from '../../tools/browser/harness';
import { pagesAndBrowser } from './sharedBuild';

const OUT = join(ROOT, 'test-output');
const pages = pagesAndBrowser(240_000);

async function openExplorer(): Promise<{ page: Page; errors: string[] }> {
  const page = await pages.browser.newPage({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${pages.served.url}explorer.html`);
  return { page, errors };
}

const enabled = (page: Page, id: string) => page.waitForFunction((i) => !(document.getElementById(i) as HTMLButtonElement).disabled, id, { timeout: 600_000 });

describe('patient spread, A/B and Morris from the dose explorer page', () => {
  it('shows two prescriptions’ medians and interquartile ranges over the same patients', async () => {
    const { page, errors } = await openExplorer();
    await page.selectOption('#spread-arm', 'ecmo-hvhf');
    await page.fill('#spread-patients', '2');
    await page.fill('#spread-hours', '2');
    await page.fill('#spread-a', '{"prescription": {"effluentDose": "30 mL/kg/h"}}');
    await page.fill('#spread-b', '{"prescription": {"effluentDose": "60 mL/kg/h"}}');
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
