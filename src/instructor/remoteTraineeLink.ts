/**
 * A trainee page's engine when the instructor runs the session (`training.html?join=CODE` over the relay, or
 * `?channel=NAME` over a BroadcastChannel): the same TrainingLink as the local worker, its messages rebuilt from the
 * instructor's states (wire.ts). The trainee's own commands go to the instructor; the instructor's (load,
 * resume, run, pause, speed, faults, end) are refused here with a message. A page that finds a gap in the log (it joined
 * late or reloaded) asks for the whole log once.
 */
import type { TrainingLink } from '../training/link';
import type { TrainingMessage } from '../training/trainingProtocol';
import { Listeners, type Transport, type TransportStatus } from './transport';
import { isTraineeCommand, numbersBack, readInstructorPayload, type InstructorPayload, type TraineePayload } from './wire';
import type { SessionEntry } from '../../sim/training/sessionLog';

export interface RemoteTraineeLink extends TrainingLink {
  /** the connection's state (joined with the trainee's number, lost, refused) */
  onStatus(cb: (s: TransportStatus) => void): void;
}

/** A gap in the log is asked about at most this often (ms). */
const RESYNC_EVERY_ms = 2000;

export function remoteTraineeLink(transport: Transport): RemoteTraineeLink {
  const messages = new Listeners<[TrainingMessage]>();
  let session = '';
  const log: SessionEntry[] = [];
  let lastResync = -Infinity;
  const send = (p: TraineePayload) => transport.send(p);
  const resync = (): void => {
    if (Date.now() - lastResync < RESYNC_EVERY_ms) return;
    lastResync = Date.now();
    send({ kind: 'resync' });
  };

  const state = (p: Extract<InstructorPayload, { kind: 'state' }>): void => {
    if (p.session !== session) {
      session = p.session;
      log.length = 0;
      messages.emit({ type: 'trainingLoaded', runId: p.runId, info: p.info });
    }
    let fresh: SessionEntry[] = [];
    if (p.from > log.length) resync();
    else {
      fresh = p.entries.slice(log.length - p.from);
      log.push(...fresh);
    }
    messages.emit({ type: 'trainingSnapshot', full: { ...numbersBack(p.snapshot), log: fresh } });
  };

  transport.onPayload((raw) => {
    const p = readInstructorPayload(raw);
    if (p?.kind === 'state') state(p);
    else if (p?.kind === 'debrief' && p.session === session) messages.emit({ type: 'debrief', json: p.json, html: p.html });
  });
  transport.onStatus((s) => {
    if (s.state === 'joined') {
      lastResync = -Infinity;
      resync();
    } else if (s.state === 'error') messages.emit({ type: 'commandError', message: s.message });
  });
  transport.onPeer((e) => {
    if (e.event === 'instructor_left')
      messages.emit({ type: 'commandError', message: "The instructor's page has left the session; waiting for it to come back." });
    // a reloaded instructor page does not know who is here: asking for the log puts this trainee back on its list
    if (e.event === 'instructor_back') {
      lastResync = -Infinity;
      resync();
    }
  });
  return {
    send(c) {
      if (isTraineeCommand(c)) send({ kind: 'command', command: c });
      else messages.emit({ type: 'commandError', message: `"${c.type}" is the instructor's to do: this page follows the instructor's session.` });
    },
    onMessage: (cb) => messages.add(cb),
    onStatus: (cb) => transport.onStatus(cb),
    close: () => transport.close(),
  };
}
