/**
 * The training page's engine contract, as the instructor side uses it. The trainee helper's branch defines these in
 * src/training/trainingProtocol.ts, link.ts and traineeView.ts; until it lands they are mirrored here, and at merge
 * the lead swaps this file's declarations for imports of theirs. Only plain data: everything here crosses a worker
 * boundary, a BroadcastChannel or the relay's WebSocket as JSON.
 */
import type { LabName } from '../../sim/training/labs';
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { ShownAlarm } from '../../sim/alarms/monitor';

/** A fault's options from the instructor's fault panel (sim/faults/catalogue.ts buildFaultAction). */
export interface FaultOptions {
  severity?: number;
  onset?: 'sudden' | 'gradual';
  over_min?: number;
  hidden?: boolean;
}

/** What a trainee does on their own page; the only commands a remote trainee may send. */
export type TraineeCommand =
  | { type: 'set'; path: string; value: number | boolean | string }
  | { type: 'action'; action: Record<string, unknown> }
  | { type: 'acknowledge'; id: string }
  | { type: 'silence'; id: string; minutes: number }
  | { type: 'orderLab'; lab: LabName };

export type TrainingCommand =
  | { type: 'loadTraining'; id: string }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'speed'; speed: number }
  | { type: 'injectFault'; kind: string; options?: FaultOptions }
  | { type: 'clearFault'; kind: string }
  | { type: 'note'; text: string; by: 'instructor' }
  | { type: 'end' }
  | TraineeCommand;

export const TRAINEE_COMMAND_TYPES: readonly TraineeCommand['type'][] = ['set', 'action', 'acknowledge', 'silence', 'orderLab'];

/** What a training scenario tells the page once loaded. */
export interface TrainingInfo {
  id: string;
  name: string;
  briefing: string;
  objectives: { id: string; text: string }[];
  labs: string[];
  duration_h: number;
}

/** Everything the engine reports now ("full": every value, hidden ones included) and the log entries since the last. */
export interface TrainingSnapshot {
  t_h: number;
  running: boolean;
  speed: number;
  ended: boolean;
  values: Record<string, number>;
  alarms: ShownAlarm[];
  log: SessionEntry[];
}

export type TrainingMessage =
  | { type: 'trainingLoaded'; info: TrainingInfo }
  | { type: 'trainingSnapshot'; full: TrainingSnapshot }
  | { type: 'debrief'; json: unknown; html: string }
  | { type: 'loadError'; message: string }
  | { type: 'commandError'; message: string }
  | { type: 'engineError'; message: string };

export interface TrainingLink {
  send(c: TrainingCommand): void;
  onMessage(cb: (m: TrainingMessage) => void): void;
  close(): void;
}

/** The trainee's view of a snapshot: what a real device would not show removed (src/training/traineeView.ts). */
export type TraineeView = (full: TrainingSnapshot) => TrainingSnapshot;

/**
 * Stand-in for the trainee helper's traineeView until it lands: the hidden log entries and the values no device
 * shows continuously removed (the list of issue 13: continuous aPTT, plasma heparin, fibres clotted, Kuf,
 * recirculation, live IL-6/PCT/CRP/lactate). The real function replaces it at merge.
 */
export const standInTraineeView: TraineeView = (full) => {
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(full.values)) if (!NOT_ON_A_DEVICE.has(k)) values[k] = v;
  return { ...full, values, log: full.log.filter((e) => !e.hidden) };
};
const NOT_ON_A_DEVICE = new Set([
  'aptt_s',
  'heparin_U_mL',
  'filter_clotted_pct',
  'kuf_mL_h_mmHg',
  'recirculation_pct',
  'il6_pg_mL',
  'pct_ng_mL',
  'crp_mg_L',
  'lactate_mmol_L',
  'plasma_free_hb_mg_dL',
]);
