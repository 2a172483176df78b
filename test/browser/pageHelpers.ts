/** What the page tests do to every page: find by test id, watch for errors, open and wait, read the clock, pause. */
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PAGE_WAIT_MS } from '../../tools/browser/harness';

export const testId = (page: Page, id: string): Locator => page.locator(`[data-testid="${id}"]`);

/**
 * Collects a page's errors into `errors`: page errors and console errors (a CSP refusal, an inline style or script,
 * is reported on the console, not as a page error); `who` prefixes them when two pages share one list.
 */
export function watchErrors(page: Page, errors: string[], who = ''): void {
  const by = who ? `${who} ` : '';
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${by}console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${by}page error: ${e.message}`));
}

/** Goes to `url` and waits until the page says it is ready (body[data-ready]). */
export async function openReady(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: PAGE_WAIT_MS });
}

/** A new page at `url`, its errors watched; `ready` waits for body[data-ready]. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; acceptDownloads?: boolean; ready?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 }, acceptDownloads: options.acceptDownloads });
  const errors: string[] = [];
  watchErrors(page, errors);
  if (options.ready === false) await page.goto(url);
  else await openReady(page, url);
  return { page, errors };
}

/** The simulated time the page's clock shows (h). */
export async function simHours(page: Page): Promise<number> {
  return Number((await testId(page, 'sim-time').getAttribute('data-hours')) ?? NaN);
}

/** Pauses the run (if it runs) and waits until the page shows it paused. */
export async function pause(page: Page): Promise<void> {
  const run = testId(page, 'run-pause');
  if ((await run.getAttribute('aria-pressed')) === 'true') await run.click();
  await expect.poll(() => run.getAttribute('aria-pressed')).toBe('false');
}

/** "#ff3b3b" as the browser computes colours: "rgb(255, 59, 59)". */
export function rgb(hex: string): string {
  const n = parseInt(hex.trim().slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}
