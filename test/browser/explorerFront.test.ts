/**
 * The dose explorer's trade-offs (issue 16), in a real browser: a 3 × 3 sweep run from the page with the Pareto
 * front chosen before it runs, the front filling as runs finish; the same front, run by run, as the command line's
 * `plot --kind front` finds in its results file of the same sweep (opened in the page too); a run's settings and
 * outcomes on hover and on keyboard focus; a click opening the live view with the run's settings in force; and the
 * live view naming a mistaken setting in its address.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plotSweep } from '../../sim/plot/plotSweep';
import { parseResultsCsv } from '../../sim/plot/resultsTable';
import { formatNumber } from '../../sim/sweep/resultsCsv';
import { ROOT, PAGE_WAIT_MS } from '../../tools/browser/harness';
import { pagesAndBrowser } from './sharedBuild';
import { cliSweepFile } from './cliSweep';
import { fillDoseGrid } from './sweepForm';
import { simHours } from './pageHelpers';

const OUT = join(ROOT, 'test-output');
/** A page's reading polled as long as a page load may take (a busy machine), when run outside the pages project too. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: PAGE_WAIT_MS });
const dir = mkdtempSync(join(tmpdir(), 'explorer-front-'));
const pages = pagesAndBrowser(240_000);
// most IL-6 removed for the fewest effluent bags: at one dose (the same bags) the predilution removing the most
// IL-6 dominates the others (postdilution filters undiluted plasma)
const OBJECTIVES = 'il6_change_pct:min,bags_per_day:min';

/** The command line's results file of the page's sweep: 30–50 mL/kg/h by 10 × predilution 0–1 by 0.5, 2 h runs. */
const cliResults = (
  name = 'grid.csv',
  vary = ['--vary', 'prescription.effluentDose=30 mL/kg/h..50 mL/kg/h:10 mL/kg/h', '--vary', 'prescription.predilutionFraction=0..1:0.5'],
) => cliSweepFile(dir, name, vary);

/** The run ids drawn as on the front and as dominated (the page's focusable points over the chart). */
async function frontIds(page: Page): Promise<{ front: number[]; dominated: number[] }> {
  const labels = await page
    .locator('#chart .run-point')
    .evaluateAll((els) => els.map((e) => [Number((e as HTMLElement).dataset.runId), e.getAttribute('aria-label')]));
  const ids = (on: boolean) =>
    labels
      .filter(([, l]) => (l as string).includes(on ? '(on the front)' : '(dominated by another run)'))
      .map(([id]) => id as number)
      .sort((a, b) => a - b);
  return { front: ids(true), dominated: ids(false) };
}

async function setUpSweep(page: Page): Promise<void> {
  await page.goto(`${pages.served.url}explorer.html`);
  await fillDoseGrid(page);
}

describe('the dose explorer’s Pareto front', () => {
  it('fills as a 3 × 3 sweep runs, agrees with the command line, shows a run on hover and opens it in the live view', async () => {
    const page = await pages.browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await setUpSweep(page);
    await page.selectOption('#kind', 'front');
    expect(await page.locator('#objectives').isVisible()).toBe(true);
    expect(await page.locator('#objective-1').inputValue()).toBe('il6_change_pct'); // before any results: the defaults
    await page.click('#sweep-run');
    await page.waitForSelector('#chart .run-point', { timeout: PAGE_WAIT_MS }); // drawn before the sweep has finished
    await page.selectOption('#objective-2', 'bags_per_day');
    expect(await page.locator('#objective-2-direction').inputValue()).toBe('min');
    await page.waitForFunction(() => !(document.getElementById('sweep-download') as HTMLButtonElement).disabled, undefined, { timeout: 600_000 });
    expect(await page.locator('#kind').inputValue()).toBe('front');
    const drawn = await frontIds(page);
    expect(drawn.front.length + drawn.dominated.length).toBe(9);
    // the command line's front over the same objectives, from its own results file of the same sweep
    const file = await cliResults();
    const cli = plotSweep(readFileSync(file, 'utf8'), file, { kind: 'front', objectives: OBJECTIVES });
    const cliFront = cli
      .front!.csv.trim()
      .split('\n')
      .slice(2)
      .map((l) => Number(l.split(',')[0]))
      .sort((a, b) => a - b);
    expect(drawn.front).toEqual(cliFront);
    expect(drawn.dominated.length).toBeGreaterThan(0); // a front that greys nothing would test nothing here
    expect(await page.locator('#chart g[aria-label="dot"][fill="#c8c8c8"] circle').count()).toBe(drawn.dominated.length);
    await page.screenshot({ path: join(OUT, 'explorer-front.png'), fullPage: true });

    // the same front from the command line's file opened in the page
    await page.setInputFiles('#results-file', file);
    await poll(() => page.locator('#explorer-message').textContent()).toContain('grid.csv');
    expect(await frontIds(page)).toEqual(drawn);

    // hover: run 4 is 40 mL/kg/h with half the replacement before the filter
    const row = parseResultsCsv(readFileSync(file, 'utf8'), file).rows.find((r) => r.run_id === 4)!;
    await page.hover('#chart .run-point[data-run-id="4"]');
    const tip = page.locator('#run-tooltip');
    await poll(() => tip.isVisible()).toBe(true);
    const text = (await tip.innerText()).split('\n');
    expect(text).toContain('prescription.effluentDose (mL/kg/h): 40');
    expect(text).toContain('prescription.predilutionFraction (fraction): 0.5');
    expect(text).toContain(`IL-6 change at 24 h (%; negative = removed): ${formatNumber(row.il6_change_pct)}`);
    expect(text).toContain(`albumin lost (g): ${formatNumber(row.albumin_lost_g)}`);
    // keyboard: the same tooltip on focus, hidden by Escape
    await page.mouse.move(0, 0);
    await poll(() => tip.isVisible()).toBe(false);
    await page.locator('#chart .run-point[data-run-id="7"]').focus();
    await poll(() => tip.innerText()).toContain('prescription.effluentDose (mL/kg/h): 50');
    await page.keyboard.press('Escape');
    await poll(() => tip.isVisible()).toBe(false);

    // click: the live view opens in a new tab with run 4's settings in force
    const [live] = await Promise.all([page.context().waitForEvent('page'), page.click('#chart .run-point[data-run-id="4"]')]);
    expect(live.url()).toContain('?scenario=ecmo-hvhf-default&set=prescription.effluentDose%3D40+mL%2Fkg%2Fh&set=prescription.predilutionFraction%3D0.5');
    await live.waitForSelector('body[data-ready="true"]', { timeout: PAGE_WAIT_MS });
    await poll(() => live.locator('#scenario-name').textContent()).toContain('ecmo-hvhf-default.json with 2 settings from the address');
    await poll(() => live.locator('#setting-effluentDose').inputValue()).toBe('40');
    await poll(() => live.locator('#setting-predilutionFraction').inputValue()).toBe('50');
    expect(await live.locator('[data-testid="scenario-error"]').isVisible()).toBe(false);
    await live.screenshot({ path: join(OUT, 'explorer-front-live.png') });
    expect(errors).toEqual([]);
    await live.close();
    await page.close();
  });

  it('takes a per-kg quantity per kg of the patient, as the command line’s per-kg sweep does, to the same file', async () => {
    const page = await pages.browser.newPage({ acceptDownloads: true });
    await page.goto(`${pages.served.url}explorer.html`);
    expect(await page.locator('#sweep-weight').textContent()).toBe('patient 80 kg');
    await page.fill('#sweep-hours', '2');
    await page.selectOption('#sweep-p1', 'prescription.heparin.infusion');
    // the field is in U/h (accepted 0–10000 U/h): per kg of 80 kg, 0–125 U/kg/h; the default 18 U/kg/h
    expect(await page.locator('#sweep-p1 option:checked').textContent()).toBe('prescription.heparin.infusion (U/kg/h)');
    expect(await page.locator('#sweep-p1-info').textContent()).toMatch(
      /^U\/kg\/h; accepted 0–125; default 18; entered per kg of the patient's 80 kg \(18 U\/kg\/h = 1440 U\/h\); source S/,
    );
    await page.fill('#sweep-p1-from', '10');
    await page.fill('#sweep-p1-to', '130');
    await page.fill('#sweep-p1-step', '10');
    await page.click('#sweep-run');
    await expect
      .poll(() => page.locator('#explorer-message').textContent())
      .toBe(
        "First parameter (prescription.heparin.infusion, U/kg/h): 10 to 130 goes outside the values the simulator accepts, 0 to 125 for the patient's 80 kg (0 to 10000 U/h)",
      );
    await page.fill('#sweep-p1-to', '30');
    await page.click('#sweep-run');
    await page.waitForFunction(() => !(document.getElementById('sweep-download') as HTMLButtonElement).disabled, undefined, { timeout: 600_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-download')]);
    const file = await cliResults('heparin.csv', ['--vary', 'prescription.heparin.infusion=10 U/kg/h..30 U/kg/h:10 U/kg/h']);
    const pageText = readFileSync((await download.path())!, 'utf8');
    expect(pageText.split('\n')[1]).toMatch(/^run_id,prescription\.heparin\.infusion_U_kg_h,/);
    expect(pageText).toBe(readFileSync(file, 'utf8'));
    // the page speaks its own language: a heatmap of a one-parameter sweep, an objective named twice
    await page.setInputFiles('#results-file', file);
    await page.selectOption('#kind', 'heatmap');
    await page.selectOption('#x', '(default)'); // the sweep put its parameter and the IL-6 change on the axes
    await page.selectOption('#y', '(default)');
    await poll(() => page.locator('#explorer-message.error').count()).toBe(1);
    const heatmap = (await page.locator('#explorer-message').textContent())!;
    expect(heatmap).toMatch(/the heatmap needs two varied parameters \(this sweep varied 1\); choose the columns for x and y/);
    await page.selectOption('#kind', 'front');
    await page.selectOption('#objective-2', 'il6_change_pct');
    await poll(() => page.locator('#explorer-message').textContent()).toMatch(/il6_change_pct is named twice; each objective is a different column/);
    const twice = (await page.locator('#explorer-message').textContent())!;
    for (const text of [heatmap, twice]) expect(text).not.toMatch(/--[a-z]/);
    await page.close();
  });

  it('the live view names a mistaken setting in its address and runs the bundled scenario on', async () => {
    const page = await pages.browser.newPage();
    // the engine thread comes late (as on a busy machine), so the bundled scenario reports itself loaded after the
    // address's settings were refused: the refusal must stay on the page
    let workerServed = false;
    await page.route(/\/assets\/engine\.worker-[^/]*\.js$/, async (route) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      workerServed = true;
      await route.continue();
    });
    await page.goto(`${pages.served.url}?scenario=ecmo-hvhf-default&set=prescription.effluentDose=500%20mL/kg/h`);
    const box = page.locator('[data-testid="scenario-error"]');
    await poll(() => box.isVisible()).toBe(true);
    expect(workerServed, 'the refusal came before the engine thread').toBe(false);
    await poll(() => simHours(page)).toBeGreaterThan(0); // the bundled scenario has loaded and runs
    expect(await box.isVisible(), 'the refusal outlives the bundled scenario’s load').toBe(true);
    const text = (await box.textContent())!;
    expect(text).toMatch(/Could not load the page address\. The running simulation continues unchanged\./);
    expect(text).toMatch(/prescription\.effluentDose: .*500/);
    expect(text).not.toMatch(/--[a-z]/);
    await poll(() => page.locator('#setting-effluentDose').inputValue()).toBe('45');
    await page.close();
  });
});
