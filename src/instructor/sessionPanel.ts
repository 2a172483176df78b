/**
 * Starting a classroom session: over the relay (trainees on other devices; the page must be served by `npm run
 * relay`) or over a BroadcastChannel (a second window on this machine). Shows the code to give trainees, the relay's
 * address and the trainee page's link. A reloaded instructor page with its place in sessionStorage takes its session
 * back at once.
 */
import { DEFAULT_CHANNEL, broadcastLink } from './broadcastLink';
import { relayLink, relayUrlFor, storageKey } from './relayLink';
import { pageStore, type Transport, type TransportStatus } from './transport';
import { button, el, section } from './dom';

/** The trainee page a joined trainee opens (the training page; the lead may point it elsewhere). */
export const TRAINEE_PAGE = 'training.html';

export function sessionPanel(host: HTMLElement, started: (t: Transport) => void): void {
  const panel = section(host, 'Classroom session', 'classroom');
  const how = el('select');
  how.dataset.testid = 'session-transport';
  how.append(new Option('Relay: trainees on other devices', 'relay'), new Option('This machine: a second window', 'channel'));
  const channel = el('input');
  Object.assign(channel, { value: DEFAULT_CHANNEL, size: 16 });
  channel.dataset.testid = 'session-channel';
  const start = button('Start session', 'session-start', () => begin(how.value === 'relay' ? 'relay' : 'channel'));
  const out = el('div', 'session-out');
  out.dataset.testid = 'session-info';
  panel.append(how, channel, start, out);

  const begin = (kind: 'relay' | 'channel'): void => {
    start.disabled = true;
    how.disabled = true;
    channel.disabled = true;
    const relayUrl = relayUrlFor(location);
    const t = kind === 'relay' ? relayLink(relayUrl, 'instructor') : broadcastLink(channel.value.trim() || DEFAULT_CHANNEL, 'instructor');
    t.onStatus((s) => show(out, s, kind, relayUrl));
    started(t);
  };
  if (pageStore().getItem(storageKey('instructor'))) begin('relay');
}

function show(out: HTMLElement, s: TransportStatus, kind: 'relay' | 'channel', relayUrl: string): void {
  if (s.state === 'joined') {
    const param = kind === 'relay' ? `join=${s.code}` : `channel=${encodeURIComponent(s.code)}`;
    const link = new URL(`${TRAINEE_PAGE}?${param}`, location.href).href;
    const code = el('strong', 'session-code', s.code);
    code.dataset.testid = 'session-code';
    const a = el('a', undefined, link);
    a.href = link;
    a.target = '_blank';
    a.dataset.testid = 'trainee-link';
    const lines = [
      el('p', undefined, kind === 'relay' ? 'Code for trainees: ' : 'Channel: '),
      el('p', undefined, kind === 'relay' ? `Relay: ${relayUrl}` : 'Open the link in a second window of this browser.'),
      el('p', undefined, 'Trainee page: '),
    ];
    lines[0].append(code);
    lines[1].dataset.testid = 'relay-url';
    lines[2].append(a);
    out.replaceChildren(...lines);
    out.dataset.state = 'joined';
  } else if (s.state === 'error') {
    const p = el('p', 'error', s.message);
    p.setAttribute('role', 'alert');
    out.replaceChildren(...Array.from(out.children).filter((c) => !c.classList.contains('error')), p);
  } else out.dataset.state = s.state;
}
