/**
 * Messages between a training page (trainee or instructor) and the training engine (a worker hosting a
 * TrainingSession, or a remote link to the instructor's). Plain JSON only: the same messages cross a worker
 * boundary, a BroadcastChannel and the classroom relay's WebSocket.
 */
import type { ObjectiveResult } from '../../sim/training/objectives';
import type { LabName } from '../../sim/training/labs';
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { Debrief } from '../../sim/training/debrief';
import type { Snapshot, Speed } from '../protocol';

/** Where an objective stands now: met, missed, or still open (its trigger not yet happened or its time still running). */
export type ObjectiveState = 'met' | 'missed' | 'pending';

export interface ObjectiveView extends ObjectiveResult {
  state: ObjectiveState;
}

/** A lab order: pending until `due_h`, then its result as the trainee reads it. */
export interface LabView {
  lab: LabName;
  title: string;
  ordered_h: number;
  due_h: number;
  /** the result's text once it has arrived */
  result?: string;
}

/** What a trainee did, as an actions-file entry without its time: `{ "set": { "circuit.clamps.drainageLine": false } }`, `{ "changeBags": "replacement" }`, `{ "heparinBolus": "4000 U" }`. */
export type TraineeAction = Record<string, unknown>;

/** A catalogue fault's options (sim/faults/catalogue.ts): severity in the row's unit, onset, time to reach it, hidden or announced. */
export interface FaultOptions {
  severity?: number;
  onset?: 'sudden' | 'gradual';
  over_min?: number;
  hidden?: boolean;
}

/** One logged command of a person, with its simulated time: what a resumed session replays. */
export interface LoggedCommand {
  t_h: number;
  command: ReplayableCommand;
}

export type ReplayableCommand = Extract<
  TrainingCommand,
  { type: 'set' | 'action' | 'acknowledge' | 'silence' | 'orderLab' | 'note' | 'injectFault' | 'clearFault' }
>;

export type TrainingCommand =
  | { type: 'loadTraining'; id: string }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'speed'; speed: Speed }
  /** a setting or a clamp, as the live page's controls send it (value as text with its unit, or a boolean) */
  | { type: 'set'; path: string; value: string | boolean }
  | { type: 'action'; action: TraineeAction }
  | { type: 'acknowledge'; id: string }
  | { type: 'silence'; id: string; minutes: number }
  | { type: 'orderLab'; lab: LabName }
  | { type: 'note'; text: string; by: 'instructor' | 'trainee' }
  | { type: 'injectFault'; kind: string; options?: FaultOptions }
  | { type: 'clearFault'; kind: string }
  | { type: 'end' }
  /**
   * Reloads a training and replays a saved session's commands at their times up to `t_h` (a reloaded tab resumes);
   * `walls`: the saved log's wall times, which the replayed entries take back.
   */
  | { type: 'resume'; id: string; commands: LoggedCommand[]; t_h: number; walls?: SavedWall[] };

/** A saved log entry's wall time, by its simulated time and id. */
export interface SavedWall {
  t_h: number;
  id: string;
  wall: string;
}

export interface TrainingInfo {
  id: string;
  name: string;
  briefing: string;
  objectives: { id: string; text: string }[];
  labs: { lab: LabName; title: string; turnaround_min: number }[];
  duration_h: number;
  hasCircuit: boolean;
  hasFilter: boolean;
  weight_kg: number;
}

/**
 * Everything the session shows now, hidden states included (the instructor's view; traineeView() removes what no
 * device shows). Shaped as the live page's Snapshot, so the consoles, banner and lights draw it unchanged.
 */
export interface TrainingSnapshot extends Omit<Snapshot, 'newEvents' | 'alarmLog'> {
  /** the live page's engine events and alarm entries: empty here, the session log carries them (`log`) */
  newEvents: [];
  alarmLog: [];
  /** session log entries since the last snapshot (hidden ones flagged) */
  log: SessionEntry[];
  objectives: ObjectiveView[];
  labs: LabView[];
  /** the commands performed since the last snapshot, with their times (what a resumed session replays) */
  commands: LoggedCommand[];
}

export type TrainingMessage =
  | { type: 'trainingLoaded'; runId: number; info: TrainingInfo }
  | { type: 'trainingSnapshot'; full: TrainingSnapshot }
  | { type: 'debrief'; json: Debrief; html: string }
  | { type: 'loadError'; source: string; message: string }
  | { type: 'commandError'; message: string }
  | { type: 'engineError'; message: string };
