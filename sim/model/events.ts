/**
 * Discrete events in the model contract: what a model's part may schedule, check periodically, locate inside a
 * solver step, or do when an action (a timeline entry, an operator's command) reaches it. The engine's scheduler
 * (sim/engine/events.ts) runs them in model order and keeps the log.
 */
import type { TimelineEntry } from '../scenario/resolve.js';
import type { Now } from './now.js';

export type EventType =
  | 'filter_change'
  | 'filter_start'
  | 'oxygenator_change'
  | 'circuit_change'
  | 'console_change'
  | 'pump_head_change'
  | 'recannulation'
  | 'setting_change'
  | 'heparin_bolus'
  | 'aptt_check'
  | 'heparin_titration'
  | 'norepinephrine_titration'
  | 'hydrocortisone_start'
  | 'vasopressin_start'
  | 'vasopressin_stop'
  | 'fio2_titration'
  | 'ventilator_rate_titration'
  | 'sweep_titration'
  | 'sweep_titration_off'
  | 'flow_signal_lost'
  | 'albumin_dose'
  | 'platelet_transfusion'
  | 'phosphate_replacement'
  | 'fault'
  | 'circuit_blood'
  | 'limb_alarm'
  | 'air_detected'
  | 'pump_airlock'
  | 'de_air'
  | 'hemolysis'
  | 'drainage_chatter'
  | 'fluid_bolus'
  | 'blood_loss'
  | 'blood_leak'
  | 'transfusion'
  | 'power_loss'
  | 'power_restored'
  | 'battery_low'
  | 'pump_stopped'
  | 'pump_running'
  | 'bag_change'
  | 'bag_alarm'
  | 'syringe_change'
  | 'syringe_alarm';

export interface SimEvent {
  t_h: number;
  type: EventType;
  reason: string;
  /** The measured value behind a check (aPTT in s for aptt_check and heparin_titration), for readers of the log. */
  value?: number;
  /** Written by a hidden fault (sim/faults): the instructor sees it, the trainee's log shows only what a device would. */
  hidden?: true;
  /** Written by an injected fault: its kind in the fault catalogue (sim/faults/catalogue.ts), for the session log. */
  fault?: string;
}

/**
 * Writes an event at the time it happens (the scheduler stamps the time); `hidden` marks it for the instructor only
 * (a log handed to a hidden action marks every event it writes).
 */
export type EventLog = (type: EventType, reason: string, value?: number, hidden?: boolean) => void;

/** What a timeline entry or an operator's command does (a timeline entry without its time). */
export type Action = Omit<TimelineEntry, 'at_h' | 'index'>;

/**
 * A check made at a fixed interval (an aPTT check, a titration), evaluated on the solver's dense output inside its
 * steps: one that changes nothing costs nothing; one that changes only what the right-hand side never reads (the
 * norepinephrine dose) is applied without stopping the solver; one that changes what it reads stops it there.
 */
export interface PeriodicCheck {
  /** The interval now (h), read again after each check. */
  interval(): number;
  /** Whether the right-hand side reads what the check changes. */
  readonly changesDerivatives: boolean;
  /**
   * Whether, once it has acted, the circuit settles again as after a setting change (ModelEvents.afterEvents): the
   * check changes what a model holds between settles (the sweep moves the membrane's CO2 conductance, which gas
   * exchange holds with its oxygen line).
   */
  readonly settlesAfter?: boolean;
  /** Whether the check made at this state would change a setting. */
  wouldAct(now: Now): boolean;
  /**
   * Makes the check (`now` is derived for checks at its time) and logs it. Returns `false` when it changed nothing a
   * derivation reads (no setting, nothing a part's `derive` or `deriveForChecks` reads): the next check due at the same
   * time then reads the same Now instead of deriving it again (one derivation, one oxygen-line solve). Anything else
   * (no return value) derives again.
   */
  run(now: Now, log: EventLog): boolean | void;
}

/** An event function the solver locates on its dense output: it happens where `excess` reaches zero from below. */
export interface LocatedEvent {
  excess(now: Now): number;
  /** The event at the located time t (`now` derived there); y may change (a new filter's clean membrane). */
  reached(t: number, y: number[], log: EventLog, now: Now): void;
}

/** A model's discrete events (every member optional). */
export interface ModelEvents {
  readonly checks?: readonly PeriodicCheck[];
  readonly located?: readonly LocatedEvent[];
  /** The next time this model has an event of its own scheduled (a filter restarting, reaching its maximum age). */
  nextEventTime?(): number;
  /**
   * The longest first step (h) the solver may take from t, after the events there: a transient one of them started
   * whose time scale the step carried from before would overstep (hydrocortisone's onset); Infinity when none.
   */
  firstStepLimit?(t: number): number;
  /** Its scheduled events due at t; y may change. True when it changed a setting (the circuit then settles again). */
  applyScheduled?(t: number, y: number[], log: EventLog): void | boolean;
  /** Its share of an action: a bolus, a fault, a manual filter change. `at` derives the state as it is now. */
  perform?(t: number, y: number[], action: Action, log: EventLog, at: () => Now): void;
  /**
   * After the events at t (settings applied, scheduled events done), with `now` derived for output (the circuit
   * solved): re-decides what the model holds between events (the circuit's blood split from the patient or mixed
   * back); y may change (amounts moved, mass exact).
   */
  afterEvents?(t: number, y: number[], now: Now, log: EventLog): void;
  /** After settings changed at t (`now` derived there): why this model cannot run them, or null. */
  settingsProblem?(now: Now): string | null;
}

/** Rounds for event messages: 1 decimal by default. */
export const fmt = (v: number, d = 1): string => (Math.round(v * 10 ** d) / 10 ** d).toString();
