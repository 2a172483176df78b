/**
 * The classroom in a real browser (Debian's chromium): the relay server runs in-process on a free port serving the
 * built pages; the instructor page starts a session and shows its code; a trainee page in a second browser context
 * joins by that code; the instructor injects a fault (a clamped drainage line) and the trainee page shows its alarm
 * ("Flow low") while the fault itself stays hidden from it; the trainee silences and acknowledges, the instructor
 * page sees both; reloading the trainee page resumes the session with its log; a reloaded instructor page takes its
 * session back; End sends the debrief.
 * The trainee page here is the instructor branch's harness (src/instructor/harness.html) until training.html takes
 * `?join=CODE`; the lead points TRAINEE_PAGE below at it at merge.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WAIT_MS, ROOT } from '../../tools/browser/harness';
import { startRelay, type Relay } from '../../sim/relay/relayServer';
import { pagesAndBrowser } from './sharedBuild';

const TRAINEE_PAGE = 'src/instructor/harness.html';
const pages = pagesAndBrowser(600_000);
let relay: Relay;
beforeAll(async () => {
  relay = await startRelay({ port: 0, host: '127.0.0.1', pages: pages.served.outDir });
});
afterAll(() => relay?.close());

const testId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

function watchErrors(page: Page, errors: string[], who: string): void {
  page.on('console', (m) => m.type() === 'error' && errors.push(`${who} console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${who} page error: ${e.message}`));
}

/** The trainee page's log entries' ids. */
const logIds = (page: Page) => page.locator('[data-testid="event-log"] li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));

describe('instructor and trainee over the relay', () => {
  it('a fault injected by the instructor shows as an alarm on the trainee page; silence and acknowledge come back; a reload of either page takes its place back', async () => {
    const errors: string[] = [];
    const instructor = await (await pages.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    watchErrors(instructor, errors, 'instructor');
    await instructor.goto(`${relay.url}/instructor.html`);
    await instructor.waitForSelector('body[data-ready="true"]', { timeout: PAGE_WAIT_MS });
    const briefing = testId(instructor, 'briefing');
    await expect.poll(() => briefing.getAttribute('data-id'), { timeout: PAGE_WAIT_MS }).toBe('abdominal-hypertension');
    await testId(instructor, 'training-scenario').selectOption('replacement-bag');
    await testId(instructor, 'training-load').click();
    await expect.poll(() => briefing.getAttribute('data-id'), { timeout: PAGE_WAIT_MS }).toBe('replacement-bag');
    expect(await briefing.textContent()).toContain('bags are yours to change');
    await testId(instructor, 'session-start').click();
    const code = testId(instructor, 'session-code');
    await expect.poll(() => code.textContent(), { timeout: PAGE_WAIT_MS }).toMatch(/^[A-Z2-9]{6}$/);
    const sessionCode = (await code.textContent())!;
    expect(await testId(instructor, 'relay-url').textContent()).toContain(`${relay.url.replace('http', 'ws')}/relay`);

    const traineeContext = await pages.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const trainee = await traineeContext.newPage();
    watchErrors(trainee, errors, 'trainee');
    await trainee.goto(`${relay.url}/${TRAINEE_PAGE}?join=${sessionCode.toLowerCase()}&name=Anna`);
    await expect.poll(() => testId(trainee, 'link-status').getAttribute('data-state'), { timeout: PAGE_WAIT_MS }).toBe('joined');
    await expect.poll(() => testId(instructor, 'trainee-1').textContent(), { timeout: PAGE_WAIT_MS }).toContain('Anna (connected)');

    // the instructor clamps the drainage line (hidden) and runs at 60×
    await testId(instructor, 'speed').selectOption('60');
    expect(await testId(instructor, 'fault-drainage-clamp-hidden').isChecked()).toBe(true);
    await testId(instructor, 'fault-drainage-clamp-inject').click();
    await testId(instructor, 'run-pause').click();
    const alarm = testId(trainee, 'alarm-flowLow');
    await expect.poll(() => alarm.count(), { timeout: PAGE_WAIT_MS }).toBe(1);
    await testId(instructor, 'run-pause').click();
    await expect.poll(() => testId(instructor, 'run-pause').getAttribute('aria-pressed')).toBe('false');
    // the instructor's log marks the hidden fault; the trainee's log never had it
    const hiddenOnInstructor = instructor.locator('[data-testid="instructor-log"] li[data-hidden="true"]');
    expect(await hiddenOnInstructor.count()).toBeGreaterThan(0);
    expect(await hiddenOnInstructor.first().textContent()).toContain('hidden from trainee');
    const seen = await logIds(trainee);
    expect(seen).toContain('flowLow:start');
    expect(seen.some((id) => /drainage-clamp|injectFault/.test(id ?? ''))).toBe(false);

    // the trainee silences, then acknowledges; the instructor page sees both
    const onInstructor = testId(instructor, 'instructor-alarm-flowLow');
    await testId(trainee, 'silence-flowLow').click();
    await expect.poll(() => onInstructor.getAttribute('data-silenced'), { timeout: PAGE_WAIT_MS }).toBe('true');
    await testId(trainee, 'ack-flowLow').click();
    await expect.poll(() => onInstructor.getAttribute('data-acknowledged'), { timeout: PAGE_WAIT_MS }).toBe('true');
    await instructor.screenshot({ path: join(ROOT, 'test-output', 'instructor-page.png'), fullPage: true });
    const done = await testId(instructor, 'trainee-1').textContent();
    expect(done).toContain('silenced flowLow for 2 min');
    expect(done).toContain('acknowledged flowLow');
    await expect.poll(() => alarm.getAttribute('data-acknowledged'), { timeout: PAGE_WAIT_MS }).toBe('true');
    const before = await logIds(trainee);
    expect(before).toEqual(expect.arrayContaining(['flowLow:start', 'silence:flowLow', 'acknowledge:flowLow', 'flowLow:acknowledged']));

    // a reload resumes the session: the same code from sessionStorage, the log again, the alarm still shown
    await trainee.goto(`${relay.url}/${TRAINEE_PAGE}?join=`);
    await expect.poll(() => testId(trainee, 'link-status').textContent(), { timeout: PAGE_WAIT_MS }).toContain(`joined ${sessionCode}`);
    await expect.poll(() => logIds(trainee), { timeout: PAGE_WAIT_MS }).toEqual(before);
    await expect.poll(() => alarm.getAttribute('data-acknowledged'), { timeout: PAGE_WAIT_MS }).toBe('true');

    // the instructor page reloads: it takes its session back (the same code) and the trainee is on its list again
    await instructor.reload();
    await expect.poll(() => testId(instructor, 'session-code').textContent(), { timeout: PAGE_WAIT_MS }).toBe(sessionCode);
    const listed = instructor.locator('[data-testid="trainees"] > li[data-connected="true"]');
    await expect.poll(() => listed.count(), { timeout: PAGE_WAIT_MS }).toBe(1);

    // End: the debrief reaches the trainee
    await testId(instructor, 'end').click();
    await expect.poll(() => testId(instructor, 'debrief-json').count(), { timeout: PAGE_WAIT_MS }).toBe(1);
    await expect.poll(() => testId(trainee, 'errors').textContent(), { timeout: PAGE_WAIT_MS }).toContain('debrief received');
    expect(errors).toEqual([]);
    await traineeContext.close();
  });

  it('two windows of one browser, no relay: a trainee window joins by channel name and sees the alarm', async () => {
    const errors: string[] = [];
    const context = await pages.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const instructor = await context.newPage();
    watchErrors(instructor, errors, 'instructor');
    await instructor.goto(`${relay.url}/instructor.html`);
    await instructor.waitForSelector('body[data-ready="true"]', { timeout: PAGE_WAIT_MS });
    await expect.poll(() => testId(instructor, 'briefing').getAttribute('data-id'), { timeout: PAGE_WAIT_MS }).toBe('abdominal-hypertension');
    await testId(instructor, 'session-transport').selectOption('channel');
    await testId(instructor, 'session-channel').fill('bay-4');
    await testId(instructor, 'session-start').click();
    await expect.poll(() => testId(instructor, 'trainee-link').getAttribute('href'), { timeout: PAGE_WAIT_MS }).toContain('training.html?channel=bay-4');
    const trainee = await context.newPage();
    watchErrors(trainee, errors, 'trainee');
    await trainee.goto(`${relay.url}/${TRAINEE_PAGE}?channel=bay-4`);
    await expect.poll(() => testId(instructor, 'trainee-1').getAttribute('data-connected'), { timeout: PAGE_WAIT_MS }).toBe('true');
    await testId(instructor, 'speed').selectOption('60');
    await testId(instructor, 'fault-drainage-clamp-inject').click();
    await testId(instructor, 'run-pause').click();
    await expect.poll(() => testId(trainee, 'alarm-flowLow').count(), { timeout: PAGE_WAIT_MS }).toBe(1);
    await testId(instructor, 'run-pause').click();
    await testId(trainee, 'ack-flowLow').click();
    await expect.poll(() => testId(instructor, 'instructor-alarm-flowLow').getAttribute('data-acknowledged'), { timeout: PAGE_WAIT_MS }).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });
});
