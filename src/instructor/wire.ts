/**
 * What the instructor's page and trainees' pages say to each other over a transport (inside the relay's `payload`).
 * The instructor sends the trainee's view of the session: the latest snapshot and the trainee-visible log from
 * index `from` on. A trainee who finds a gap (a late join, a reload) asks for a resync and is sent the whole log.
 */
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { Debrief } from '../../sim/training/debrief';
import type { TrainingCommand, TrainingInfo, TrainingSnapshot } from '../training/trainingProtocol';

/** What a trainee does on their own page; the only commands a remote trainee may send (a note is always theirs). */
export type TraineeCommand = Extract<TrainingCommand, { type: 'set' | 'action' | 'acknowledge' | 'silence' | 'orderLab' | 'note' }>;

export const TRAINEE_COMMAND_TYPES: readonly TraineeCommand['type'][] = ['set', 'action', 'acknowledge', 'silence', 'orderLab', 'note'];

export const isTraineeCommand = (c: TrainingCommand): c is TraineeCommand => TRAINEE_COMMAND_TYPES.includes(c.type as TraineeCommand['type']);

export type InstructorPayload =
  | {
      kind: 'state';
      /** one id per loaded scenario: a new one tells a trainee page to start its log afresh */
      session: string;
      /** the instructor's engine's run (trainingLoaded's runId; the snapshot carries the same) */
      runId: number;
      info: TrainingInfo;
      /** the trainee's view of the latest snapshot, without its log entries (they travel in `entries`) */
      snapshot: TrainingSnapshot;
      /** index of entries[0] in the trainee-visible log */
      from: number;
      entries: SessionEntry[];
    }
  | { kind: 'debrief'; session: string; json: Debrief; html: string };

export type TraineePayload = { kind: 'command'; command: TraineeCommand } | { kind: 'resync' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A trainee's payload as received (untrusted), or why it is refused. A trainee's note is logged as the trainee's. */
export function readTraineePayload(p: unknown): TraineePayload | string {
  if (!isObject(p)) return 'expected an object';
  if (p.kind === 'resync') return { kind: 'resync' };
  if (p.kind !== 'command' || !isObject(p.command)) return 'expected {"kind": "command", "command": {...}} or {"kind": "resync"}';
  const type = p.command.type;
  if (!TRAINEE_COMMAND_TYPES.includes(type as TraineeCommand['type'])) {
    return `command "${String(type)}" is not a trainee's; expected one of ${TRAINEE_COMMAND_TYPES.join(', ')}`;
  }
  if (type === 'note') {
    if (typeof p.command.text !== 'string') return `note: text is ${JSON.stringify(p.command.text)}; expected text`;
    return { kind: 'command', command: { type: 'note', text: p.command.text, by: 'trainee' } };
  }
  return { kind: 'command', command: p.command as TraineeCommand };
}

/** The instructor's payload as received (untrusted), or undefined. */
export function readInstructorPayload(p: unknown): InstructorPayload | undefined {
  if (!isObject(p) || typeof p.session !== 'string') return undefined;
  const state = isObject(p.info) && isObject(p.snapshot) && typeof p.runId === 'number' && typeof p.from === 'number';
  if (p.kind === 'state' && state && Array.isArray(p.entries)) return p as InstructorPayload;
  if (p.kind === 'debrief' && typeof p.html === 'string' && isObject(p.json)) return p as InstructorPayload;
  return undefined;
}

const orNaN = (v: number | null): number => (v === null ? NaN : v);

/**
 * A state's numbers as the engine sent them: JSON (the relay) turns NaN, the value no device shows, into null; a
 * BroadcastChannel keeps it. Mutates the freshly received snapshot.
 */
export function numbersBack(s: TrainingSnapshot): TrainingSnapshot {
  for (const k of Object.keys(s.obs)) s.obs[k] = orNaN(s.obs[k]);
  for (const p of s.trend) p.values = p.values.map(orNaN);
  if (isObject(s.settings)) {
    const settings = s.settings as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(settings)) if (v === null) settings[k] = NaN;
    const values = settings.values as Record<string, number | null> | undefined;
    if (isObject(values)) for (const k of Object.keys(values)) values[k] = orNaN(values[k]);
  }
  return s;
}
