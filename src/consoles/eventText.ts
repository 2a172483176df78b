/**
 * How the event log words an event for the trainee: its kind ("setting", "NE titration"), the filter category it
 * belongs to, and setting changes with the setting's label and the unit the trainee enters it in
 * ("FiO₂ 100 → 21 %", not "circuit.oxygenator.fio2: 1 → 0.21"), a protocol switched with the console's words for it
 * ("Auto sweep: manual → auto").
 */
import { CLAMPS, FLAGS, SETTINGS, type ClampPath, type FlagPath, type SettingPath, type SimEventView } from '../protocol';
import type { EventType } from '../../sim/model/events';

export const EVENT_CATEGORIES = ['alarms', 'actions', 'settings', 'titrations', 'labs', 'faults', 'filter'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** Every event type the engine logs, in its filter category (typed over the engine's list, so none is left out). */
const CATEGORY: Record<EventType, EventCategory> = {
  // the alarm monitor's log and the devices' own alarms: started, acknowledged, silenced, cleared
  limb_alarm: 'alarms',
  air_detected: 'alarms',
  pump_airlock: 'alarms',
  drainage_chatter: 'alarms',
  hemolysis: 'alarms',
  circuit_blood: 'alarms',
  blood_leak: 'alarms',
  battery_low: 'alarms',
  pump_stopped: 'alarms',
  pump_running: 'alarms',
  flow_signal_lost: 'alarms',
  bag_alarm: 'alarms',
  syringe_alarm: 'alarms',
  // the engine reporting a defect of its own: shown with the alarms, never lost
  heparin_bolus: 'actions',
  fluid_bolus: 'actions',
  albumin_dose: 'actions',
  platelet_transfusion: 'actions',
  phosphate_replacement: 'actions',
  transfusion: 'actions',
  de_air: 'actions',
  oxygenator_change: 'actions',
  circuit_change: 'actions',
  console_change: 'actions',
  pump_head_change: 'actions',
  recannulation: 'actions',
  bag_change: 'actions',
  syringe_change: 'actions',
  setting_change: 'settings',
  heparin_titration: 'titrations',
  norepinephrine_titration: 'titrations',
  hydrocortisone_start: 'titrations',
  vasopressin_start: 'titrations',
  vasopressin_stop: 'titrations',
  fio2_titration: 'titrations',
  ventilator_rate_titration: 'titrations',
  sweep_titration: 'titrations',
  // the sweep set by hand while the titration was on: the operator's setting ends the protocol's
  sweep_titration_off: 'settings',
  aptt_check: 'labs',
  fault: 'faults',
  blood_loss: 'faults',
  power_loss: 'faults',
  power_restored: 'faults',
  filter_change: 'filter',
  filter_start: 'filter',
};
/** The alarm monitor's own log entries, which are not engine events. */
const MONITOR_CATEGORY: Record<string, EventCategory> = { alarm: 'alarms' };

const KIND: Record<string, string> = {
  setting_change: 'setting',
  norepinephrine_titration: 'NE titration',
  ventilator_rate_titration: 'rate titration',
  heparin_titration: 'heparin titration',
  hydrocortisone_start: 'hydrocortisone',
  vasopressin_start: 'vasopressin on',
  vasopressin_stop: 'vasopressin off',
  aptt_check: 'aPTT result',
  limb_alarm: 'limb alarm',
  air_detected: 'air detected',
  pump_airlock: 'pump airlock',
  drainage_chatter: 'chatter',
  circuit_blood: 'circuit blood',
  oxygenator_change: 'oxygenator change',
  circuit_change: 'circuit change',
  console_change: 'console change',
  pump_head_change: 'pump-head change',
  recannulation: 'recannulation',
};

/** Whether the page files this event type by a category of its own (not the fallback a type it does not know gets). */
export function hasOwnCategory(type: string): boolean {
  return type in CATEGORY || type in MONITOR_CATEGORY;
}

/** The filter category of an event type; a type the page does not know counts as an alarm (shown, never lost). */
export function categoryOf(type: string): EventCategory {
  return (CATEGORY as Record<string, EventCategory>)[type] ?? MONITOR_CATEGORY[type] ?? 'alarms';
}

/** The event's kind as the log's type column shows it. */
export function kindOf(type: string): string {
  return KIND[type] ?? type.replace(/_/g, ' ');
}

/** The engine's "path: from → to (note)" of a setting change. */
const SETTING_CHANGE = /^([\w.]+): (\S+) → (\S+)(?: \((.*)\))?$/;

/** The event's text; a setting change is worded with its label and display unit, anything else as the engine wrote it. */
export function eventText(e: SimEventView): string {
  if (e.type !== 'setting_change') return e.reason;
  const m = SETTING_CHANGE.exec(e.reason);
  if (!m) return e.reason;
  const [, path, from, to, note] = m;
  const tail = note ? ` (${note})` : '';
  if (path in FLAGS) {
    // the console's own words for the two states ("Auto sweep: auto → manual")
    const flag = FLAGS[path as FlagPath];
    const word = (v: string) => (v === 'true' ? flag.on : v === 'false' ? flag.off : v);
    return `${flag.label}: ${word(from)} → ${word(to)}${tail}`;
  }
  if (path in CLAMPS) return `${CLAMPS[path as ClampPath]} clamp: ${clampWord(from)} → ${clampWord(to)}${tail}`;
  if (!(path in SETTINGS)) return e.reason;
  const spec: { label: string; unit: string; step: number; perEngineUnit?: number } = SETTINGS[path as SettingPath];
  const k = spec.perEngineUnit ?? 1;
  const digits = Number.isInteger(spec.step) ? 0 : 1;
  const show = (v: string) => (Number.isFinite(Number(v)) ? (Number(v) * k).toFixed(digits) : v);
  return `${spec.label} ${show(from)} → ${show(to)} ${spec.unit}${tail}`;
}

function clampWord(v: string): string {
  return v === 'true' ? 'clamped' : v === 'false' ? 'open' : v;
}
