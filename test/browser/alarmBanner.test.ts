/**
 * The alarm banner under Node (linkedom's DOM): a row is updated in place, not rebuilt, while its alarm is shown. A
 * real click is a press and a release on one element; when a snapshot rebuilt the banner between the two (a silence
 * coming back as Acknowledge was pressed), the press and the release landed on different buttons and the browser sent
 * no click: the acknowledge never left the trainee page (CI, test/browser/relay.test.ts, waited 120 s for it).
 */
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlarmBanner } from '../../src/alarms/banner';
import type { AlarmView, Command, Snapshot } from '../../src/protocol';

const view = (id: string, more: Partial<AlarmView> = {}): AlarmView => ({
  id,
  title: id,
  console: 'ecmo',
  priority: 'high',
  status: 'active',
  acknowledged: false,
  audible: true,
  since_h: 0.5,
  silencedUntil_h: null,
  series: [],
  ...more,
});
const snapshot = (alarms: AlarmView[]) => ({ alarms }) as unknown as Snapshot;

const saved = (globalThis as { document?: Document }).document;
let document: Document;
beforeAll(() => {
  document = parseHTML('<!doctype html><html><body><div id="banner"></div></body></html>').document as unknown as Document;
  (globalThis as { document?: Document }).document = document;
});
afterAll(() => {
  (globalThis as { document?: Document }).document = saved;
});

const byTestId = (box: HTMLElement, id: string) => box.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

describe('the alarm banner', () => {
  it('keeps an alarm’s buttons across snapshots that change its state, and a click on the kept button is sent', () => {
    const box = document.getElementById('banner') as HTMLElement;
    const sent: Command[] = [];
    const banner = new AlarmBanner(box, (c) => sent.push(c));
    banner.update(snapshot([view('flowLow')]));
    const ack = byTestId(box, 'alarm-ack-flowLow');
    expect(ack).not.toBeNull();
    expect(byTestId(box, 'alarm-mark-flowLow')!.textContent).toBe('');

    // the silence comes back: the row says so, its buttons are the same elements
    banner.update(snapshot([view('flowLow', { silencedUntil_h: 0.5 + 2 / 60, audible: false })]));
    expect(byTestId(box, 'alarm-ack-flowLow')).toBe(ack);
    expect(byTestId(box, 'alarm-mark-flowLow')!.textContent).toBe('silenced until 0 h 32 min');
    expect(byTestId(box, 'alarm-flowLow')!.dataset.audible).toBe('false');

    ack!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click'));
    expect(sent).toEqual([{ type: 'acknowledge', id: 'flowLow' }]);

    // a second alarm above it: the first row moves, still the same element; one gone, its row gone
    banner.update(snapshot([view('pumpStopped'), view('flowLow', { acknowledged: true })]));
    const rows = Array.from(box.querySelectorAll('li'), (li) => li.dataset.testid);
    expect(rows).toEqual(['alarm-pumpStopped', 'alarm-flowLow']);
    expect(byTestId(box, 'alarm-ack-flowLow')).toBe(ack);
    expect(byTestId(box, 'alarm-flowLow')!.className).toContain('acknowledged');
    banner.update(snapshot([view('pumpStopped')]));
    expect(byTestId(box, 'alarm-flowLow')).toBeNull();
    banner.update(snapshot([]));
    expect(box.children.length).toBe(0);
  });
});
