/**
 * The live page's alarms in a real browser (Debian's chromium through playwright-core): the default scenario with
 * its drainage line clamped raises "Flow low" (high priority) in the banner, the ECMO console's light turns red and
 * its flow readout takes the alarm colour; Acknowledge stops the sound; Silence shows a mark that ends once its
 * 2 min of simulated time have passed; unclamped, the alarm clears. The banner is an aria-live region.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PAGE_WAIT_MS, ROOT } from '../../tools/browser/harness';
import { pagesAndBrowser } from './sharedBuild';
import { openPage, pause, rgb, simHours, testId } from './pageHelpers';

const BROWSER_TEST_ms = 180_000;
const OUT = join(ROOT, 'test-output');

const pages = pagesAndBrowser(600_000);

/** One Step (15 simulated min), waiting until the page shows the new time. */
async function step(page: Page): Promise<void> {
  const before = await simHours(page);
  await testId(page, 'step').click();
  await expect.poll(() => simHours(page), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(before + 0.2);
}

async function setClamp(page: Page, on: boolean): Promise<void> {
  const clamp = testId(page, 'clamp-drainageLine');
  if ((await clamp.getAttribute('aria-pressed')) !== String(on)) await clamp.click();
  await expect.poll(() => clamp.getAttribute('aria-pressed')).toBe(String(on));
}

describe('the live page shows the alarm engine', () => {
  it(
    'a clamped drainage line: "Flow low" high priority, ECMO light red; acknowledge, silence for 2 min, unclamp clears it',
    async () => {
      const { page, errors } = await openPage(pages.browser, pages.served.url);
      await expect.poll(() => simHours(page), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(0);
      await pause(page);

      const banner = testId(page, 'alarm-banner');
      expect(await banner.getAttribute('aria-live')).toBe('assertive');
      const alarm = testId(page, 'alarm-flowLow');
      const light = testId(page, 'light-ecmo');
      expect(await alarm.count()).toBe(0);
      expect(await light.getAttribute('data-status')).toBe('green');

      await setClamp(page, true);
      await step(page);
      await expect.poll(() => alarm.count(), { timeout: PAGE_WAIT_MS }).toBe(1);
      expect(await alarm.textContent()).toContain('Flow low');
      expect(await alarm.getAttribute('data-priority')).toBe('high');
      expect(await alarm.getAttribute('data-audible')).toBe('true');
      // highest priority first
      expect(await banner.locator('li.alarm').first().getAttribute('data-priority')).toBe('high');
      await expect.poll(() => light.getAttribute('data-status')).toBe('red');
      expect(await testId(page, 'ecmo-flow').getAttribute('class')).toContain('alarmed-high');
      // the circuit's pressure tag on the drained line takes the colour of its alarm (the canvas lists the tags in alarm)
      const canvas = page.locator('canvas[data-testid="circuit-canvas"]');
      await expect.poll(() => canvas.getAttribute('data-alarm-tags')).toContain('p_drainage_mmHg:');
      // the red of the banner row and of the flow readout is the high-priority colour
      const red = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--alarm-high').trim());
      expect(
        await testId(page, 'ecmo-flow')
          .locator('.value')
          .evaluate((e) => getComputedStyle(e).color),
      ).toBe(rgb(red));
      // paused: no sound; running: the high-priority pattern (unless muted)
      const mute = testId(page, 'alarm-mute');
      expect(await mute.getAttribute('data-sounding')).toBe('none');
      await page.screenshot({ path: join(OUT, 'alarms-flow-low.png') });
      await expect.poll(() => testId(page, 'event-log').textContent()).toContain('Flow low (high priority) started');

      await testId(page, 'alarm-ack-flowLow').click();
      await expect.poll(() => alarm.getAttribute('data-audible')).toBe('false');
      expect(await testId(page, 'alarm-mark-flowLow').textContent()).toContain('acknowledged');

      await testId(page, 'alarm-silence-flowLow').click();
      const mark = testId(page, 'alarm-mark-flowLow');
      await expect.poll(() => mark.textContent()).toMatch(/silenced until \d+ h \d\d min/);
      await step(page); // 15 simulated min: past the 2 min silence
      await expect.poll(() => mark.textContent(), { timeout: PAGE_WAIT_MS }).not.toContain('silenced');
      expect(await alarm.count()).toBe(1);

      await setClamp(page, false);
      await step(page);
      await expect.poll(() => alarm.count(), { timeout: PAGE_WAIT_MS }).toBe(0);
      await expect.poll(() => light.getAttribute('data-status')).not.toBe('red');
      expect(await testId(page, 'ecmo-flow').getAttribute('class')).not.toContain('alarmed');
      await expect.poll(() => canvas.getAttribute('data-alarm-tags')).not.toContain('p_drainage_mmHg:');
      expect(errors).toEqual([]);
      await page.close();
    },
    BROWSER_TEST_ms,
  );

  it(
    'an alarm sounds only while running and not muted; the mute is kept across a reload',
    async () => {
      const page = await pages.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(pages.served.url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: PAGE_WAIT_MS });
      const mute = testId(page, 'alarm-mute');
      await setClamp(page, true);
      await expect.poll(() => testId(page, 'alarm-flowLow').count(), { timeout: PAGE_WAIT_MS }).toBe(1);
      await expect.poll(() => mute.getAttribute('data-sounding')).toBe('high');
      await mute.click();
      await expect.poll(() => mute.getAttribute('data-sounding')).toBe('none');
      expect(await mute.getAttribute('aria-pressed')).toBe('true');
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]', { timeout: PAGE_WAIT_MS });
      expect(await testId(page, 'alarm-mute').getAttribute('aria-pressed')).toBe('true');
      await page.close();
    },
    BROWSER_TEST_ms,
  );
});
