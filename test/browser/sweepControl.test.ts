/**
 * The trainee's hand on the sweep in the live view, in a real browser (Debian's chromium through playwright-core): the
 * "Auto sweep" control shows the sweep titration the scenario has; a sweep set by hand switches it off, the ECMO console
 * shows "manual" beside the sweep and the event log says so, and the sweep stays through the next hourly blood gas;
 * switched back on, the protocol steps it again (sim/patient/gasExchange/sweepHandover.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_WAIT_MS, ROOT } from '../../tools/browser/harness';
import { pagesAndBrowser } from './sharedBuild';
import { openPage, pause, simHours, testId } from './pageHelpers';

const BROWSER_TEST_ms = 180_000;
const pages = pagesAndBrowser(240_000);

/** The number a console shows in a read-out (NaN for "—"). */
async function number(page: Page, id: string): Promise<number> {
  const text = await testId(page, id).locator('.value').textContent();
  return text === null || text.trim() === '—' ? NaN : Number(text.replace(/[^0-9.+-]/g, ''));
}

const note = (page: Page, id: string) => testId(page, id).locator('.note').textContent();
const log = (page: Page) => testId(page, 'event-log').textContent();

/** Steps the paused run by "Step" until the clock has passed `t_h`. */
async function stepPast(page: Page, t_h: number): Promise<void> {
  while ((await simHours(page)) <= t_h) {
    const before = await simHours(page);
    await testId(page, 'step').click();
    await expect.poll(() => simHours(page), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(before);
  }
}

describe('the sweep titration in the live view (chromium)', () => {
  it(
    'a sweep set by hand turns Auto sweep off, the console shows manual and the log says so, the sweep stays through the next blood gas; Auto sweep on again lets the protocol move it',
    async () => {
      const { page, errors } = await openPage(pages.browser, pages.served.url);
      await expect.poll(() => number(page, 'ecmo-flow'), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(0);
      await pause(page);
      const auto = testId(page, 'flag-sweepTitration');
      // the bundled default titrates the sweep: the control and the console say so
      await expect.poll(() => auto.getAttribute('aria-pressed')).toBe('true');
      expect(await auto.textContent()).toBe('Auto sweep: on');
      expect(await note(page, 'ecmo-sweep')).toBe('auto');

      await page.locator('#setting-sweepGas').fill('6');
      await page.locator('#setting-sweepGas').press('Enter');
      await expect.poll(() => number(page, 'ecmo-sweep'), { timeout: PAGE_WAIT_MS }).toBe(6);
      await expect.poll(() => auto.getAttribute('aria-pressed')).toBe('false');
      expect(await auto.textContent()).toBe('Auto sweep: off');
      await expect.poll(() => note(page, 'ecmo-sweep')).toBe('manual');
      await expect.poll(() => log(page), { timeout: PAGE_WAIT_MS }).toContain('Sweep titration off: the operator set the sweep to 6 L/min');
      writeFileSync(join(ROOT, 'test-output', 'sweep-manual.png'), await page.screenshot({ fullPage: false }));

      // the next hourly blood gas leaves the operator's sweep where it is
      const set_h = await simHours(page);
      await stepPast(page, Math.floor(set_h) + 1);
      expect(await number(page, 'ecmo-sweep')).toBe(6);

      // handed back: the protocol steps from 6 L/min at its next blood gas (this patient's PaCO2 is below 35 mmHg there,
      // and the pH above 7.40: a sweep that overshoots, not a compensation; at 3 L/min the early hours' metabolic
      // acidosis keeps the pH below 7.40 and the protocol reads the low PaCO2 as compensation)
      await auto.click();
      await expect.poll(() => auto.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => note(page, 'ecmo-sweep')).toBe('auto');
      await expect.poll(() => log(page), { timeout: PAGE_WAIT_MS }).toContain('Auto sweep: manual → auto');
      await stepPast(page, Math.floor(await simHours(page)) + 1);
      await expect.poll(() => number(page, 'ecmo-sweep'), { timeout: PAGE_WAIT_MS }).toBeLessThan(6);
      await expect.poll(() => log(page), { timeout: PAGE_WAIT_MS }).toMatch(/sweep 6 → 5\.5 L\/min/);
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_ms,
  );
});
