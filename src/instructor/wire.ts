/**
 * What the instructor's page and trainees' pages say to each other over a transport (inside the relay's `payload`).
 * The instructor sends the trainee's view of the session: the latest snapshot and the trainee-visible log from
 * index `from` on. A trainee who finds a gap (a late join, a reload) asks for a resync and is sent the whole log.
 */
import type { SessionEntry } from '../../sim/training/sessionLog';
import { TRAINEE_COMMAND_TYPES, type TraineeCommand, type TrainingInfo, type TrainingSnapshot } from './contract';

export type InstructorPayload =
  | {
      kind: 'state';
      /** one id per loaded scenario: a new one tells a trainee page to start its log afresh */
      session: string;
      info: TrainingInfo;
      /** the trainee's view of the latest snapshot, without its log entries (they travel in `entries`) */
      snapshot: TrainingSnapshot;
      /** index of entries[0] in the trainee-visible log */
      from: number;
      entries: SessionEntry[];
    }
  | { kind: 'debrief'; session: string; json: unknown; html: string };

export type TraineePayload = { kind: 'command'; command: TraineeCommand } | { kind: 'resync' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A trainee's payload as received (untrusted), or why it is refused. */
export function readTraineePayload(p: unknown): TraineePayload | string {
  if (!isObject(p)) return 'expected an object';
  if (p.kind === 'resync') return { kind: 'resync' };
  if (p.kind !== 'command' || !isObject(p.command)) return 'expected {"kind": "command", "command": {...}} or {"kind": "resync"}';
  const type = p.command.type;
  if (!TRAINEE_COMMAND_TYPES.includes(type as TraineeCommand['type'])) {
    return `command "${String(type)}" is not a trainee's; expected one of ${TRAINEE_COMMAND_TYPES.join(', ')}`;
  }
  return { kind: 'command', command: p.command as TraineeCommand };
}

/** The instructor's payload as received (untrusted), or undefined. */
export function readInstructorPayload(p: unknown): InstructorPayload | undefined {
  if (!isObject(p) || typeof p.session !== 'string') return undefined;
  if (p.kind === 'state' && isObject(p.info) && isObject(p.snapshot) && typeof p.from === 'number' && Array.isArray(p.entries)) {
    return p as InstructorPayload;
  }
  if (p.kind === 'debrief' && typeof p.html === 'string') return p as InstructorPayload;
  return undefined;
}
