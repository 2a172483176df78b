/**
 * The live page mended for training, in a real browser (Debian's chromium through playwright-core): warn colours
 * on every console, text of at least 12 px that grows on a large screen, a confirmation before a session is
 * discarded, the event log (labels and units, type filters, export, collapsed titrations), the trends' window and
 * channels, a second filter change refused, and the end of a scenario.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_WAIT_MS, ROOT } from '../../tools/browser/harness';
import { pagesAndBrowser } from './sharedBuild';
import { openPage, pause, rgb, simHours, testId } from './pageHelpers';

const OUT = join(ROOT, 'test-output');
const BROWSER_TEST_ms = 180_000;
const tmp = mkdtempSync(join(tmpdir(), 'page-mended-'));
const SHORT = join(tmp, 'one-hour.json');

const pages = pagesAndBrowser(600_000, () => {
  const ecmo = readFileSync(join(ROOT, 'scenarios/ecmo-hvhf-default.json'), 'utf8');
  writeFileSync(SHORT, ecmo.replace('"duration": "48 h"', '"duration": "1 h"'));
});

async function open(width = 1280, height = 800): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(pages.browser, pages.served.url, { width, height, acceptDownloads: true });
  await expect.poll(() => simHours(page), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(0);
  return { page, errors };
}

async function setSetting(page: Page, key: string, value: string): Promise<void> {
  await page.locator(`#setting-${key}`).fill(value);
  await page.locator(`#setting-${key}`).press('Enter');
}

/** Every visible element holding text of its own, with its computed font size (px). */
function textSizes(page: Page): Promise<{ what: string; px: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((e) => e.getClientRects().length > 0 && Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .map((e) => ({ what: `${e.tagName}.${e.className} "${e.textContent!.trim().slice(0, 20)}"`, px: parseFloat(getComputedStyle(e).fontSize) })),
  );
}

/** Sizes that show whether the consoles and trends grew: a readout's value and label, a trend canvas and its text. */
function layoutSizes(page: Page) {
  return page.evaluate(() => {
    const px = (sel: string) => parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
    const trend = document.querySelector<HTMLCanvasElement>('[data-testid="trend-il6"]')!;
    return {
      value: px('[data-testid="crrt-tmp"] .value'),
      label: px('[data-testid="crrt-tmp"] .label'),
      trendText: px('[data-testid="trend-il6"]'),
      trendHeight: trend.clientHeight,
      consolesWidth: document.getElementById('consoles')!.clientWidth,
      circuitText: Number(document.querySelector<HTMLCanvasElement>('canvas[data-testid="circuit-canvas"]')!.dataset.minTextPx),
    };
  });
}

describe('the live page, mended for training', () => {
  it(
    'a warned CRRT value shows the warn colour (it was overridden by the console colour)',
    async () => {
      const { page, errors } = await open();
      await pause(page);
      const ff = testId(page, 'crrt-filtration-fraction');
      await expect.poll(() => ff.getAttribute('class')).not.toContain('warn');
      const warn = rgb(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--warn')));
      const colour = () => ff.locator('.value').evaluate((e) => getComputedStyle(e).color);
      expect(await colour()).not.toBe(warn);
      // a low blood flow through the filter for the same dose: the filtration fraction goes above its limit
      await setSetting(page, 'filterBloodFlow', '150');
      await expect.poll(() => ff.getAttribute('class'), { timeout: PAGE_WAIT_MS }).toContain('warn');
      expect(await colour()).toBe(warn);
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_ms,
  );

  it(
    'text is at least 12 px at 1280×800, and consoles and trends grow at 1920×1080',
    async () => {
      const small = await open(1280, 800);
      const tooSmall = (await textSizes(small.page)).filter((t) => t.px < 12);
      expect(tooSmall).toEqual([]);
      await expect.poll(() => layoutSizes(small.page).then((s) => s.circuitText)).toBeGreaterThanOrEqual(12);
      const at1280 = await layoutSizes(small.page);
      expect(at1280.trendText).toBeGreaterThanOrEqual(12);
      await small.page.screenshot({ path: join(OUT, 'page-1280.png') });
      const large = await open(1920, 1080);
      const at1920 = await layoutSizes(large.page);
      await large.page.screenshot({ path: join(OUT, 'page-1920.png') });
      expect(at1920.value).toBeGreaterThan(at1280.value);
      expect(at1920.label).toBeGreaterThan(at1280.label);
      expect(at1920.trendText).toBeGreaterThan(at1280.trendText);
      expect(at1920.trendHeight).toBeGreaterThan(at1280.trendHeight);
      expect(at1920.consolesWidth).toBeGreaterThan(at1280.consolesWidth);
      expect([...small.errors, ...large.errors]).toEqual([]);
      await small.page.close();
      await large.page.close();
    },
    BROWSER_TEST_ms,
  );

  it(
    'Restart and a scenario change ask first; cancel keeps the session, confirming starts again',
    async () => {
      const { page, errors } = await open();
      await pause(page);
      const t = await simHours(page);
      const dialog = testId(page, 'confirm-dialog');
      await testId(page, 'restart').click();
      await expect.poll(() => dialog.getAttribute('open')).toBe('');
      expect(await dialog.textContent()).toContain('discards the running session');
      await testId(page, 'confirm-cancel').click();
      await expect.poll(() => dialog.getAttribute('open')).toBeNull();
      expect(await simHours(page)).toBe(t);
      await testId(page, 'scenario-picker').selectOption('standard-care-default');
      await expect.poll(() => dialog.getAttribute('open')).toBe('');
      await page.keyboard.press('Escape'); // as a cancel
      await expect.poll(() => dialog.getAttribute('open')).toBeNull();
      // the dialog loses its open attribute at once and fires its close event a task later, when the picker goes back:
      // read at once it could still show the cancelled choice (a fresh clone's run, 2026-12-03)
      await expect.poll(() => testId(page, 'scenario-picker').inputValue()).toBe('ecmo-hvhf-default');
      expect(await testId(page, 'scenario-name').textContent()).toContain('ecmo-hvhf-default.json');
      expect(await simHours(page)).toBe(t);
      await testId(page, 'restart').click();
      await testId(page, 'confirm-ok').click();
      await expect.poll(() => simHours(page), { timeout: PAGE_WAIT_MS }).toBeLessThan(t);
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_ms,
  );

  it(
    'the event log: setting changes in labels and units, type filters, JSON export; a second filter change is refused',
    async () => {
      const { page, errors } = await open();
      await pause(page);
      const log = testId(page, 'event-log');
      await setSetting(page, 'speed', '3500');
      await expect.poll(() => log.textContent(), { timeout: PAGE_WAIT_MS }).toContain('Pump 3000 → 3500 rpm');
      expect(await log.textContent()).not.toContain('circuit.pump.speed');
      await testId(page, 'event-filter-settings').click();
      await expect.poll(() => log.textContent()).not.toContain('Pump 3000 → 3500 rpm');
      await testId(page, 'event-filter-settings').click();
      await expect.poll(() => log.textContent()).toContain('Pump 3000 → 3500 rpm');
      await testId(page, 'change-filter').click();
      await expect.poll(() => log.textContent()).toContain('filter change');
      await testId(page, 'change-filter').click();
      const refused = testId(page, 'command-error');
      await refused.waitFor({ state: 'visible', timeout: PAGE_WAIT_MS });
      expect(await refused.textContent()).toContain('A filter change is under way');
      const [download] = await Promise.all([page.waitForEvent('download'), testId(page, 'event-log-export').click()]);
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { events: { type: string; text: string; category: string }[] };
      expect(exported.events.find((e) => e.type === 'setting_change')).toMatchObject({ text: 'Pump 3000 → 3500 rpm', category: 'settings' });
      expect(exported.events.filter((e) => e.type === 'filter_change')).toHaveLength(1);
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_ms,
  );

  it(
    'titrations fold into one row that opens; the trends take a window and more channels',
    async () => {
      const { page, errors } = await open();
      await page.keyboard.press('5'); // 3600×
      const run = page.locator('.ev-run summary').first();
      await expect.poll(() => run.count(), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(0);
      await pause(page);
      const folded = Number((await run.locator('.ev-type').textContent())!.match(/^(\d+) ×/)![1]);
      expect(folded).toBeGreaterThan(1);
      await run.click();
      await expect.poll(() => page.locator('.ev-run details[open] .event-list li').count()).toBe(folded);
      await testId(page, 'trend-window-1h').click();
      expect(await testId(page, 'trend-window-1h').getAttribute('aria-pressed')).toBe('true');
      const temperature = testId(page, 'trend-temperature');
      expect(await temperature.isVisible()).toBe(false);
      await page.locator('[data-testid="trend-channels"] summary').click();
      await testId(page, 'trend-channel-temperature').check();
      await expect.poll(() => temperature.isVisible()).toBe(true);
      expect(await temperature.evaluate((c) => c.clientHeight)).toBeGreaterThan(40);
      await page.screenshot({ path: join(OUT, 'page-titrations-trends.png') });
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_ms,
  );

  it(
    'a scenario stops at its duration with a banner, instead of running on',
    async () => {
      const { page, errors } = await open();
      await testId(page, 'scenario-file').setInputFiles(SHORT);
      await testId(page, 'confirm-ok').click();
      await expect.poll(() => testId(page, 'scenario-name').textContent(), { timeout: PAGE_WAIT_MS }).toContain('one-hour.json');
      const run = testId(page, 'run-pause');
      if ((await run.getAttribute('aria-pressed')) === 'false') await run.click();
      await page.keyboard.press('5');
      const banner = testId(page, 'scenario-end');
      await banner.waitFor({ state: 'visible', timeout: PAGE_WAIT_MS });
      expect(await banner.textContent()).toContain('End of scenario');
      expect(await simHours(page)).toBe(1);
      expect(await testId(page, 'run-pause').getAttribute('aria-pressed')).toBe('false');
      await page.screenshot({ path: join(OUT, 'page-scenario-end.png') });
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_ms,
  );
});
