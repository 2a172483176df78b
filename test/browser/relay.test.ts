/**
 * The classroom in a real browser (Debian's chromium): the relay server runs in-process on a free port serving the
 * built pages; the instructor page starts a session and shows its code; the training page (training.html) in a
 * second browser context joins by that code, as a trainee with an unfinished session of its own saved in that
 * browser, which it does not offer to resume (the instructor holds the simulation); the instructor injects a fault
 * (a clamped drainage line) and the trainee page shows its alarm ("Flow low") while the fault itself stays hidden
 * from it; the trainee silences and acknowledges, the instructor page sees both; reloading the trainee page resumes
 * the session with its log; a reloaded instructor page takes its session back and resumes its simulation where it was
 * (saved in IndexedDB); End sends the debrief.
 * Every wait is a poll (the pages answer after their engine's thread and a frame: slow on a busy 2-core machine).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WAIT_MS, ROOT } from '../../tools/browser/harness';
import { startRelay, type Relay } from '../../sim/relay/relayServer';
import { pagesAndBrowser } from './sharedBuild';
import { openReady as open, simHours, testId, watchErrors } from './pageHelpers';

const BROWSER_TEST_ms = 600_000;
const pages = pagesAndBrowser(600_000);
let relay: Relay;
beforeAll(async () => {
  relay = await startRelay({ port: 0, host: '127.0.0.1', pages: pages.served.outDir });
});
afterAll(() => relay?.close());

/** A page's errors into `errors` (prefixed with who it is), its confirmation dialogs accepted. */
function watch(page: Page, errors: string[], who: string): void {
  watchErrors(page, errors, who);
  page.on('dialog', (d) => void d.accept());
}

/** The training page's log entries' ids. */
const logIds = (page: Page) =>
  testId(page, 'session-log')
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id ?? ''));

/** Run or pause from the instructor page, and wait until its engine says so. */
async function setRunning(instructor: Page, running: boolean): Promise<void> {
  const run = testId(instructor, 'run-pause');
  if ((await run.getAttribute('aria-pressed')) !== String(running)) await run.click();
  await expect.poll(() => run.getAttribute('aria-pressed'), { timeout: PAGE_WAIT_MS }).toBe(String(running));
}

/** A session of the trainee's own, started and left unfinished in this browser's IndexedDB. */
async function leaveALocalSession(page: Page): Promise<void> {
  await open(page, `${relay.url}/training.html`);
  await testId(page, 'training-picker').selectOption('pump-failure');
  await expect.poll(() => testId(page, 'training-start').isVisible(), { timeout: PAGE_WAIT_MS }).toBe(true);
  await testId(page, 'training-start').click();
  await expect.poll(() => simHours(page), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(0);
  await testId(page, 'run-pause').click();
  await expect.poll(() => testId(page, 'run-pause').getAttribute('aria-pressed'), { timeout: PAGE_WAIT_MS }).toBe('false');
  // the saved copy is there: a reload offers it
  await open(page, `${relay.url}/training.html`);
  await expect.poll(() => testId(page, 'resume-offer').isVisible(), { timeout: PAGE_WAIT_MS }).toBe(true);
}

async function startInstructor(instructor: Page, scenario: string): Promise<void> {
  await open(instructor, `${relay.url}/instructor.html`);
  const briefing = testId(instructor, 'briefing');
  // the first training scenario loads by itself
  await expect.poll(() => briefing.getAttribute('data-id'), { timeout: PAGE_WAIT_MS }).toBe('drainage-clamp');
  await testId(instructor, 'training-scenario').selectOption(scenario);
  await testId(instructor, 'training-load').click();
  await expect.poll(() => briefing.getAttribute('data-id'), { timeout: PAGE_WAIT_MS }).toBe(scenario);
}

describe('instructor and trainee over the relay', () => {
  it(
    'a fault injected by the instructor shows as an alarm on the trainee page; silence and acknowledge come back; a reload of either page takes its place back',
    async () => {
      const errors: string[] = [];
      const instructor = await (await pages.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      watch(instructor, errors, 'instructor');
      await startInstructor(instructor, 'replacement-bag');
      expect(await testId(instructor, 'briefing').textContent()).toContain('bags are yours to change');
      await testId(instructor, 'session-start').click();
      const code = testId(instructor, 'session-code');
      await expect.poll(() => code.textContent(), { timeout: PAGE_WAIT_MS }).toMatch(/^[A-Z2-9]{6}$/);
      const sessionCode = (await code.textContent())!;
      expect(await testId(instructor, 'relay-url').textContent()).toContain(`${relay.url.replace('http', 'ws')}/relay`);

      const traineeContext = await pages.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const trainee = await traineeContext.newPage();
      watch(trainee, errors, 'trainee');
      await leaveALocalSession(trainee);
      await open(trainee, `${relay.url}/training.html?join=${sessionCode.toLowerCase()}&name=Anna`);
      const status = testId(trainee, 'classroom-status');
      await expect.poll(() => status.getAttribute('data-state'), { timeout: PAGE_WAIT_MS }).toBe('joined');
      expect(await status.textContent()).toContain(`session ${sessionCode} as trainee 1`);
      await expect.poll(() => testId(instructor, 'trainee-1').textContent(), { timeout: PAGE_WAIT_MS }).toContain('Anna (connected)');
      // the instructor's scenario, loaded on the trainee page (a late joiner: the load came before it), no local resume
      await expect.poll(() => testId(trainee, 'training-picker').inputValue(), { timeout: PAGE_WAIT_MS }).toBe('replacement-bag');
      expect(await testId(trainee, 'objectives').locator('li').count()).toBeGreaterThan(0);
      expect(await testId(trainee, 'resume-offer').isVisible()).toBe(false);
      // running, pacing and ending are the instructor's: not offered here
      for (const id of ['training-picker', 'run-pause', 'speed', 'end-session']) expect(await testId(trainee, id).isVisible(), id).toBe(false);

      // the instructor clamps the drainage line (hidden) and runs at 60×
      await testId(instructor, 'speed').selectOption('60');
      expect(await testId(instructor, 'fault-drainage-clamp-hidden').isChecked()).toBe(true);
      await testId(instructor, 'fault-drainage-clamp-inject').click();
      await setRunning(instructor, true);
      const alarm = testId(trainee, 'alarm-flowLow');
      await expect.poll(() => alarm.count(), { timeout: PAGE_WAIT_MS }).toBe(1);
      await setRunning(instructor, false);
      // the instructor's log marks the hidden fault; the trainee's log never had it
      const hiddenOnInstructor = instructor.locator('[data-testid="instructor-log"] li[data-hidden="true"]');
      await expect.poll(() => hiddenOnInstructor.count(), { timeout: PAGE_WAIT_MS }).toBeGreaterThan(0);
      expect(await hiddenOnInstructor.first().textContent()).toContain('hidden from trainee');
      await expect.poll(() => logIds(trainee), { timeout: PAGE_WAIT_MS }).toContain('flowLow:start');
      expect(await testId(trainee, 'session-log').locator('li[data-kind="fault"]').count()).toBe(0);
      // the consoles show what a device shows (NaN come back through the relay's JSON), nothing else: the clamped
      // line's SvO₂ probe sits on stagnant blood (deviceReadings.ts), the monitor's SpO₂ a number
      expect(await testId(trainee, 'ecmo-svo2').locator('.value').textContent()).toBe('—');
      expect(await testId(trainee, 'ecmo-svo2').locator('.note').textContent()).toBe('no flow');
      expect(await testId(trainee, 'monitor-sao2').locator('.value').textContent()).toMatch(/^\d+$/);
      expect(await testId(trainee, 'ecmo-recirculation').isVisible()).toBe(false);

      // the trainee silences, then acknowledges; the instructor page sees both
      const onInstructor = testId(instructor, 'instructor-alarm-flowLow');
      await testId(trainee, 'alarm-silence-flowLow').click();
      await expect.poll(() => onInstructor.getAttribute('data-silenced'), { timeout: PAGE_WAIT_MS }).toBe('true');
      await testId(trainee, 'alarm-ack-flowLow').click();
      await expect.poll(() => onInstructor.getAttribute('data-acknowledged'), { timeout: PAGE_WAIT_MS }).toBe('true');
      await instructor.screenshot({ path: join(ROOT, 'test-output', 'instructor-page.png'), fullPage: true });
      const done = await testId(instructor, 'trainee-1').textContent();
      expect(done).toMatch(/silenced flowLow for \d+ min/);
      expect(done).toContain('acknowledged flowLow');
      await expect.poll(() => testId(trainee, 'alarm-mark-flowLow').textContent(), { timeout: PAGE_WAIT_MS }).toContain('acknowledged');
      await expect.poll(() => logIds(trainee), { timeout: PAGE_WAIT_MS }).toEqual(expect.arrayContaining(['silence:flowLow', 'acknowledge:flowLow']));
      const before = await logIds(trainee);
      await trainee.screenshot({ path: join(ROOT, 'test-output', 'trainee-joined.png') });

      // a reload resumes the session: the same code from sessionStorage, the log again, the alarm still shown
      await open(trainee, `${relay.url}/training.html?join=`);
      await expect.poll(() => status.textContent(), { timeout: PAGE_WAIT_MS }).toContain(`session ${sessionCode}`);
      await expect.poll(() => logIds(trainee), { timeout: PAGE_WAIT_MS }).toEqual(before);
      await expect.poll(() => testId(trainee, 'alarm-mark-flowLow').textContent(), { timeout: PAGE_WAIT_MS }).toContain('acknowledged');

      // the instructor page reloads: it takes its session back (the same code), resumes its simulation from the
      // session it saved (the same scenario, time and log, the hidden fault still marked) and the trainee is on its
      // list again with the same log
      const hours = await simHours(instructor);
      const instructorLog = await instructor.locator('[data-testid="instructor-log"] li').count();
      await instructor.reload();
      await expect.poll(() => testId(instructor, 'session-code').textContent(), { timeout: PAGE_WAIT_MS }).toBe(sessionCode);
      const listed = instructor.locator('[data-testid="trainees"] > li[data-connected="true"]');
      await expect.poll(() => listed.count(), { timeout: PAGE_WAIT_MS }).toBe(1);
      await expect.poll(() => testId(instructor, 'briefing').getAttribute('data-id'), { timeout: PAGE_WAIT_MS }).toBe('replacement-bag');
      await expect.poll(() => simHours(instructor), { timeout: PAGE_WAIT_MS }).toBeCloseTo(hours, 6);
      await expect.poll(() => instructor.locator('[data-testid="instructor-log"] li').count(), { timeout: PAGE_WAIT_MS }).toBe(instructorLog);
      expect(await hiddenOnInstructor.count()).toBeGreaterThan(0);
      await expect.poll(() => logIds(trainee), { timeout: PAGE_WAIT_MS }).toEqual(before);

      // End: the debrief reaches the trainee
      await testId(instructor, 'end').click();
      await expect.poll(() => testId(instructor, 'debrief-json').count(), { timeout: PAGE_WAIT_MS }).toBe(1);
      await expect.poll(() => testId(trainee, 'debrief').isVisible(), { timeout: PAGE_WAIT_MS }).toBe(true);
      expect(await testId(trainee, 'debrief-report').textContent()).toContain('Objectives:');
      expect(errors).toEqual([]);
      await traineeContext.close();
    },
    BROWSER_TEST_ms,
  );

  it(
    'two windows of one browser, no relay: a trainee window joins by channel name, loads the scenario and sees the alarm',
    async () => {
      const errors: string[] = [];
      const context = await pages.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const instructor = await context.newPage();
      watch(instructor, errors, 'instructor');
      // a scenario with no clamp of its own: the alarm is the injected fault's
      await startInstructor(instructor, 'replacement-bag');
      await testId(instructor, 'session-transport').selectOption('channel');
      await testId(instructor, 'session-channel').fill('bay-4');
      await testId(instructor, 'session-start').click();
      await expect.poll(() => testId(instructor, 'trainee-link').getAttribute('href'), { timeout: PAGE_WAIT_MS }).toContain('training.html?channel=bay-4');
      const trainee = await context.newPage();
      watch(trainee, errors, 'trainee');
      await open(trainee, `${relay.url}/training.html?channel=bay-4`);
      await expect.poll(() => testId(instructor, 'trainee-1').getAttribute('data-connected'), { timeout: PAGE_WAIT_MS }).toBe('true');
      // the scenario's objectives, from the load the trainee came after
      await expect.poll(() => testId(trainee, 'training-picker').inputValue(), { timeout: PAGE_WAIT_MS }).toBe('replacement-bag');
      expect(await testId(trainee, 'objectives').locator('li').count()).toBeGreaterThan(0);
      await testId(instructor, 'speed').selectOption('60');
      await testId(instructor, 'fault-drainage-clamp-inject').click();
      await setRunning(instructor, true);
      await expect.poll(() => testId(trainee, 'alarm-flowLow').count(), { timeout: PAGE_WAIT_MS }).toBe(1);
      await setRunning(instructor, false);
      await testId(trainee, 'alarm-ack-flowLow').click();
      await expect.poll(() => testId(instructor, 'instructor-alarm-flowLow').getAttribute('data-acknowledged'), { timeout: PAGE_WAIT_MS }).toBe('true');
      expect(errors).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_ms,
  );
});
