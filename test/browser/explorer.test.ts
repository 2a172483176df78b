/**
 * The dose explorer page in a real browser (Debian's chromium through playwright-core): it opens a sweep's results
 * file and draws the charts of `sim plot` — one dot per run, one heatmap cell per pair of grid values — and says
 * what is wrong with a file that is not a sweep's results.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syntheticResults } from '../helpers/syntheticResults';
import { ROOT } from '../../tools/browser/harness';
import { pagesAndBrowser } from './sharedBuild';
import { openPage } from './pageHelpers';

const OUT = join(ROOT, 'test-output');
const dir = mkdtempSync(join(tmpdir(), 'explorer-'));
const pages = pagesAndBrowser(240_000, () => {
  writeFileSync(join(dir, 'results.csv'), syntheticResults());
  writeFileSync(join(dir, 'series.csv'), 'time_h,il6_pg_mL\n0,2000\n');
});

function open(): Promise<{ page: Page; errors: string[] }> {
  return openPage(pages.browser, `${pages.served.url}explorer.html`, { width: 1200, ready: false });
}

const count = (page: Page, selector: string) => page.locator(selector).count();

describe('the dose explorer page', () => {
  it('loads a results file and draws each chart kind', async () => {
    const { page, errors } = await open();
    await page.setInputFiles('#results-file', join(dir, 'results.csv'));
    await page.waitForSelector('#chart svg g[aria-label="dot"] circle');
    expect(await count(page, '#chart g[aria-label="dot"] circle')).toBe(12);
    expect(await page.locator('#chart').textContent()).toContain('mean filter life (h)');
    await page.selectOption('#kind', 'heatmap');
    await page.selectOption('#color', 'mean_filtration_fraction');
    await page.waitForSelector('#chart g[aria-label="cell"] rect');
    expect(await count(page, '#chart g[aria-label="cell"] rect')).toBe(12);
    expect(await page.locator('#chart').textContent()).toContain('prescription.effluentDose (mL/kg/h)');
    await page.selectOption('#color', '(default)'); // back to the kind's colour: the varied predilution
    await page.selectOption('#kind', 'dose-vs-ff');
    await page.waitForSelector('#chart g[aria-label="line"] path');
    expect(await count(page, '#chart g[aria-label="line"] path')).toBe(3); // a curve per predilution
    expect(await count(page, '#chart g[aria-label="dot"] circle')).toBe(12);
    await page.screenshot({ path: join(OUT, 'explorer.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what is wrong with a file that is not a sweep results file', async () => {
    const { page, errors } = await open();
    await page.setInputFiles('#results-file', join(dir, 'series.csv'));
    await page.waitForSelector('#explorer-message.error');
    expect(await page.locator('#explorer-message').textContent()).toMatch(/series\.csv.*not a sweep results file/s);
    expect(await count(page, '#chart svg')).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
