/**
 * A minimal trainee page for the classroom transports' browser test, until the training page (training.html, the
 * trainee helper's) takes `?join=CODE` / `?channel=NAME` through remoteTraineeLink: the time, the alarms with
 * Acknowledge and Silence 2 min, and the log. Nothing here is shown to trainees in a class.
 */
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { TrainingLink } from '../training/link';
import type { TrainingSnapshot } from '../training/trainingProtocol';
import { broadcastLink } from './broadcastLink';
import { button, el, section, simClock } from './dom';
import { relayLink, relayUrlFor } from './relayLink';
import { remoteTraineeLink } from './remoteTraineeLink';

/** The trainee's link the address names (what chooseLink in src/training/link.ts does at merge). */
export function joinedLink(params: URLSearchParams): ReturnType<typeof remoteTraineeLink> | undefined {
  const name = params.get('name') ?? undefined;
  const channel = params.get('channel');
  if (channel) return remoteTraineeLink(broadcastLink(channel, 'trainee', { name }));
  const join = params.get('join');
  if (join !== null) return remoteTraineeLink(relayLink(relayUrlFor(location), 'trainee', join || undefined, { name }));
  return undefined;
}

function start(): void {
  const root = document.getElementById('app')!;
  const link = joinedLink(new URLSearchParams(location.search));
  const status = el('p', 'status', link ? 'connecting' : 'open this page with ?join=CODE or ?channel=NAME');
  status.dataset.testid = 'link-status';
  root.append(status);
  if (!link) return;
  const time = el('p', 'sim-time', '—');
  time.dataset.testid = 'sim-time';
  const alarms = el('ul', 'alarms');
  alarms.dataset.testid = 'alarm-banner';
  const log = el('ol', 'log');
  log.dataset.testid = 'event-log';
  const errors = el('p', 'error');
  errors.dataset.testid = 'errors';
  section(root, 'Session', 'trainee-session').append(time, errors);
  section(root, 'Alarms', 'trainee-alarms').append(alarms);
  section(root, 'Log', 'trainee-log').append(log);
  link.onStatus((s) => {
    status.textContent = s.state === 'joined' ? `joined ${s.code}${s.trainee ? ` as trainee ${s.trainee}` : ''}` : s.state === 'error' ? s.message : s.state;
    status.dataset.state = s.state;
  });
  link.onMessage((m) => {
    if (m.type === 'trainingLoaded') log.replaceChildren();
    else if (m.type === 'trainingSnapshot') show(m.full, link, time, alarms, log);
    else if (m.type === 'debrief') errors.textContent = 'The session has ended: debrief received.';
    else errors.textContent = m.message;
  });
  document.body.dataset.ready = 'true';
}

function show(full: TrainingSnapshot, link: TrainingLink, time: HTMLElement, alarms: HTMLElement, log: HTMLElement): void {
  time.textContent = simClock(full.t_h);
  time.dataset.hours = String(full.t_h);
  alarms.replaceChildren(
    ...full.alarms.map((a) => {
      const li = el('li', `alarm alarm-${a.priority}`, `${a.title} `);
      li.dataset.testid = `alarm-${a.id}`;
      li.dataset.acknowledged = String(a.acknowledged);
      li.dataset.audible = String(a.audible);
      li.append(
        button('Acknowledge', `ack-${a.id}`, () => link.send({ type: 'acknowledge', id: a.id })),
        button('Silence 2 min', `silence-${a.id}`, () => link.send({ type: 'silence', id: a.id, minutes: 2 })),
      );
      return li;
    }),
  );
  for (const e of full.log) log.append(entry(e));
}

function entry(e: SessionEntry): HTMLElement {
  const li = el('li', `entry kind-${e.kind}`, `${simClock(e.t_h)} ${e.kind} ${e.text}`);
  li.dataset.id = e.id;
  return li;
}

start();
