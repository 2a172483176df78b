/**
 * What a training fault is (catalogue.ts holds the rows): the physical change it makes, a setting or a model action,
 * its severity, its onset, whether the trainee's log shows it, and the device whose change ends it; with the small
 * builders the rows are written in.
 */
import type { CircuitDevice } from '../model/context.js';
/** The legacy model actions (modelFaultKeys.ts): a model performs them once. */
import type { ModelFaultAction } from './modelFaultKeys.js';

/** The console a fault first shows on (where a trainee would see it). */
export type FaultConsole = 'ECMO' | 'CRRT' | 'heparin pump' | 'patient monitor';

export type FaultChange =
  /** A setting: `value(severity)` is what it is set to (numbers ramp to it from the value before the fault). */
  | { readonly setting: string; readonly value: (severity: number) => number | boolean | string }
  /** A model action, performed once with the severity (cannot ramp, cannot be cleared by `clear`). */
  | { readonly action: ModelFaultAction; readonly undo: string };

/** A device a perfusionist or nurse changes (sim/filter/filterEvents.ts, sim/circuit/deviceChange); a circuit change brings a new oxygenator. */
export type ChangedDevice = 'filter' | CircuitDevice;

/** A fault's severity: its unit, default and accepted range. */
export interface FaultSeverity {
  readonly unit: string;
  readonly default: number;
  readonly limits: readonly [number, number];
  readonly description: string;
}

export interface FaultRow {
  readonly id: string;
  readonly title: string;
  readonly console: FaultConsole;
  readonly change: FaultChange;
  /** null: an on/off fault (a clamp, a disconnection). */
  readonly severity: FaultSeverity | null;
  /** Whether the fault may develop gradually (`onset: "gradual"`). */
  readonly gradual: boolean;
  /** Whether the fault is hidden from the trainee's log unless the scenario says otherwise. */
  readonly hidden: boolean;
  /** Where the physics of the change is described and sourced. */
  readonly source: string;
  /** The sections the fault acts on, when not its setting's own (net UF needs a hemofilter; the limb's line both). */
  readonly needs?: 'circuit' | 'filter' | readonly ('circuit' | 'filter')[];
  /** A fault of the device in place: changing that device takes it out, and the fault ends (its ramp with it). */
  readonly endsWithChangeOf?: ChangedDevice;
}

/** The scenario sections a fault needs: the row's `needs`, else its setting's section, else the circuit. */
export function sectionsNeeded(row: FaultRow): readonly string[] {
  const needs = row.needs ?? ('setting' in row.change ? row.change.setting.split('.')[0] : 'circuit');
  return typeof needs === 'string' ? [needs] : needs;
}

/** A fault in a timeline entry or a live command, resolved against its row. */
export interface FaultInjection {
  readonly kind: string;
  readonly severity: number;
  readonly onset: 'sudden' | 'gradual';
  /** Time over which a gradual fault reaches its severity (h). */
  readonly over_h: number;
  /** Clear the fault: its setting returns to the value it had before. */
  readonly clear: boolean;
}

/** A conditional trigger: a series below or above a value. */
export interface FaultCondition {
  readonly series: string;
  readonly below?: number;
  readonly above?: number;
}

/** A severity that is a fraction of something (a lumen, a surface), 0 to `max`. */
export const fraction = (def: number, max: number, description: string): FaultSeverity => ({ unit: '1', default: def, limits: [0, max], description });
/** The setting takes the severity itself. */
export const itself = (s: number) => s;
/** An on/off fault's setting, turned on. */
export const on = () => true;
/** An on/off fault's setting, turned off (a supply lost). */
export const off = () => false;
/** A choice setting set to one of its values. */
export const choice = (value: string) => () => value;
