/**
 * The alarm catalogue: one row per alarm the consoles raise (ECMO console, CRRT machine, heparin syringe pump,
 * patient monitor). A row names the series it reads (docs/outputs.md), its condition, its default limit with
 * the limit's unit and source, its priority (IEC 60601-1-8: high, medium, low), whether it latches, and the
 * longest audio silence the device allows. The limits become scenario settings (alarmSpecs.ts); the monitor
 * (monitor.ts) evaluates the rows. docs/training/alarms.md tabulates them.
 *
 * Source tags as in sim/parameters.ts: S a published figure, S2 a secondary summary (a device figure quoted in
 * a course or summary, not read in the manual itself), E an estimate from practice (said so in `ref`).
 */
import type { SourceTag } from '../parameters.js';
import type { InternalUnit } from '../units.js';
import type { EventType } from '../model/events.js';

export type AlarmConsole = 'ecmo' | 'crrt' | 'heparin' | 'monitor';
export const ALARM_CONSOLES: readonly AlarmConsole[] = ['ecmo', 'crrt', 'heparin', 'monitor'];

/** IEC 60601-1-8 priority classes, most urgent first. */
export type AlarmPriority = 'high' | 'medium' | 'low';
export const PRIORITY_RANK: Record<AlarmPriority, number> = { high: 0, medium: 1, low: 2 };

/**
 * What makes an alarm condition true. `scale` converts the series into the limit's unit (a series in % read
 * against a fraction: 0.01; L/min against mL/min: 1000); `per` divides the series by another (a bag's fill by its
 * capacity).
 *  - below / above: the value passes the limit (strictly).
 *  - riseOver: the value rose by more than the limit (a fraction) over its value `window_h` earlier.
 *  - riseSinceStart: any of the series rose by more than the limit over its value when the filter started
 *    (taken again after each `restartOn` event).
 *  - belowFor: the value stayed below `threshold` for longer than the limit (a duration in h).
 */
export type AlarmCondition =
  | { kind: 'below' | 'above'; series: string; scale?: number; per?: string }
  | { kind: 'riseOver'; series: string; window_h: number }
  | { kind: 'riseSinceStart'; series: readonly string[]; restartOn: EventType }
  | { kind: 'belowFor'; series: string; threshold: number };

export interface AlarmLimit {
  default: number;
  unit: InternalUnit;
  /** Accepted settings (internal units, inclusive). */
  limits: readonly [number, number];
  /** The band the value must move back past the limit before the alarm clears (limit units): no flapping at the limit. */
  hysteresis: number;
  source: SourceTag;
  ref: string;
}

export interface AlarmRow {
  id: string;
  console: AlarmConsole;
  /** As the device shows it. */
  title: string;
  priority: AlarmPriority;
  condition: AlarmCondition;
  limit: AlarmLimit;
  /** Stays shown after its condition clears until acknowledged. */
  latching: boolean;
  /** The longest audio silence the device allows (min). */
  maxSilence_min: number;
  /** An event that raises it at once (its condition then holds for the sample that sees the event). */
  raisedBy?: { type: EventType; reasonIncludes?: string };
  /** Off by default (the operator turns it on). */
  offByDefault?: boolean;
  /** One sentence: what it watches (the setting's description). */
  about: string;
}

/** IEC 60601-1-8 lets audio be paused for a limited time; consoles commonly allow 2 min ([practice]). */
const SILENCE_min = 2;
/** Advisories (low priority) may stay quiet longer ([practice] estimate). */
const ADVISORY_SILENCE_min = 10;

const PRACTICE = (what: string) => `[practice] estimate: ${what}`;
const PRISMAX = 'PrisMax operator manual AW8035 as quoted in training material (unconfirmed against the manual)';
const LUBNOW = 'Lubnow et al., PLoS One 2014;9:e112316: oxygenator thrombosis when ΔP rises 30–50 %';

type Lim = [def: number, unit: InternalUnit, limits: readonly [number, number], hysteresis: number, source: SourceTag, ref: string];
const lim = ([def, unit, limits, hysteresis, source, ref]: Lim): AlarmLimit => ({ default: def, unit, limits, hysteresis, source, ref });

const ECMO: AlarmRow[] = [
  {
    id: 'drainagePressureLow',
    console: 'ecmo',
    title: 'Drainage pressure low',
    priority: 'medium',
    condition: { kind: 'below', series: 'p_drainage_mmHg' },
    limit: lim([-100, 'mmHg', [-500, 0], 5, 'E', PRACTICE('P_ven low alarms are set around −80 to −100 mmHg')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Drainage (pre-pump, P_ven) pressure below the limit: suction on the drained vein, a kinked or clamped drainage line.',
  },
  {
    id: 'flowLow',
    console: 'ecmo',
    title: 'Flow low',
    priority: 'high',
    condition: { kind: 'below', series: 'pump_flow_L_min', scale: 1000 },
    limit: lim([3000, 'mL/min', [0, 10000], 100, 'E', PRACTICE('minimum flow limit set below the target flow')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Blood flow at the console’s flow probe (pump and oxygenator outlet, before the filter limb takes off) below the limit.',
  },
  {
    id: 'flowHigh',
    console: 'ecmo',
    title: 'Flow high',
    priority: 'medium',
    condition: { kind: 'above', series: 'pump_flow_L_min', scale: 1000 },
    limit: lim([6500, 'mL/min', [0, 10000], 100, 'E', PRACTICE('maximum flow limit set above the target flow')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Blood flow at the console’s flow probe above the limit.',
  },
  {
    id: 'flowFluctuating',
    console: 'ecmo',
    title: 'Flow fluctuating',
    priority: 'medium',
    condition: { kind: 'above', series: 'drainage_flow_swing_L_min', scale: 1000 },
    limit: lim([500, 'mL/min', [0, 5000], 100, 'E', PRACTICE('a swing of the flow reading of 0.5 L/min is taken as chatter')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'The drainage flow reading swings by more than the limit (chattering, "kicking" line).',
  },
  {
    id: 'postOxygenatorPressureHigh',
    console: 'ecmo',
    title: 'Post-oxygenator pressure high',
    priority: 'high',
    condition: { kind: 'above', series: 'p_post_oxygenator_mmHg' },
    limit: lim([300, 'mmHg', [0, 800], 5, 'E', PRACTICE('P_art high limit; return-line obstruction')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Post-oxygenator (P_art) pressure above the limit: an obstructed or clamped return line or cannula.',
  },
  {
    id: 'oxygenatorDpHigh',
    console: 'ecmo',
    title: 'ΔP oxygenator high',
    priority: 'medium',
    condition: { kind: 'above', series: 'dp_oxygenator_mmHg' },
    limit: lim([60, 'mmHg', [0, 500], 3, 'E', PRACTICE('about twice the pressure drop of a clean adult oxygenator at 4–5 L/min')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Pressure drop across the oxygenator above the limit.',
  },
  {
    id: 'oxygenatorDpRising',
    console: 'ecmo',
    title: 'ΔP oxygenator rising',
    priority: 'low',
    condition: { kind: 'riseOver', series: 'dp_oxygenator_mmHg', window_h: 1 },
    limit: lim([0.3, '1', [0.05, 5], 0.05, 'S', LUBNOW]),
    latching: false,
    maxSilence_min: ADVISORY_SILENCE_min,
    about: 'Pressure drop across the oxygenator rose by more than the limit (a fraction) over its value an hour earlier.',
  },
  {
    id: 'bubbleDetected',
    console: 'ecmo',
    title: 'Air detected/bubble',
    priority: 'high',
    condition: { kind: 'above', series: 'air_pump_head_mL' },
    limit: lim([0, 'mL', [0, 50], 0, 'E', 'a bubble detector alarms on any detected air; here: any air trapped in the pump head']),
    latching: true,
    maxSilence_min: SILENCE_min,
    raisedBy: { type: 'air_detected' },
    about: 'Air at the bubble detector (an air_detected event) or trapped in the pump head above the limit.',
  },
  {
    id: 'pumpStopped',
    console: 'ecmo',
    title: 'Pump stopped',
    priority: 'high',
    condition: { kind: 'below', series: 'pump_speed_rpm' },
    limit: lim([100, 'rpm', [0, 2000], 50, 'E', PRACTICE('a speed near zero: the pump has stopped')]),
    latching: true,
    maxSilence_min: SILENCE_min,
    about: 'Pump speed below the limit (pump failure, power loss, speed turned down to zero).',
  },
  {
    id: 'onBattery',
    console: 'ecmo',
    title: 'Power failure – battery operation',
    priority: 'medium',
    condition: { kind: 'above', series: 'on_battery' },
    limit: lim([0.5, '1', [0.5, 0.5], 0, 'E', 'on_battery is 0 or 1: the console runs on its battery']),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'The console lost mains power and runs on its battery.',
  },
  {
    id: 'batteryLow',
    console: 'ecmo',
    title: 'Battery low',
    priority: 'high',
    condition: { kind: 'below', series: 'battery_charge_pct', scale: 0.01 },
    limit: lim([0.2, '1', [0, 1], 0.02, 'E', PRACTICE('battery low warning at about a fifth of the charge')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Battery charge below the limit.',
  },
  {
    id: 'bloodTemperatureLow',
    console: 'ecmo',
    title: 'Blood temperature low',
    priority: 'medium',
    condition: { kind: 'below', series: 'temperature_C' },
    limit: lim([35, 'degC', [25, 40], 0.2, 'E', PRACTICE('venous probe blood temperature; heater failure')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Blood temperature at the venous probe (drained blood, taken as the core temperature) below the limit.',
  },
  {
    id: 'bloodTemperatureHigh',
    console: 'ecmo',
    title: 'Blood temperature high',
    priority: 'medium',
    condition: { kind: 'above', series: 'temperature_C' },
    limit: lim([39.5, 'degC', [30, 43], 0.2, 'E', PRACTICE('venous probe blood temperature')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Blood temperature at the venous probe above the limit.',
  },
  {
    id: 'postOxygenatorSatLow',
    console: 'ecmo',
    title: 'Post-oxygenator saturation low',
    priority: 'high',
    condition: { kind: 'below', series: 'post_oxygenator_sat_pct', scale: 0.01 },
    limit: lim([0.95, '1', [0.5, 1], 0.01, 'E', PRACTICE('blood leaving a working oxygenator on FiO2 1 is fully saturated')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Saturation of the blood leaving the oxygenator below the limit: sweep gas off or disconnected, oxygenator failure.',
  },
];

const CRRT: AlarmRow[] = [
  {
    id: 'accessPressureLow',
    console: 'crrt',
    title: 'Access extremely negative',
    priority: 'high',
    condition: { kind: 'below', series: 'p_access_mmHg' },
    limit: lim([-250, 'mmHg', [-500, 0], 5, 'S2', PRISMAX]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Filter limb access pressure below the limit.',
  },
  {
    id: 'accessPressureHigh',
    console: 'crrt',
    title: 'Access extremely positive',
    priority: 'high',
    condition: { kind: 'above', series: 'p_access_mmHg' },
    limit: lim([200, 'mmHg', [0, 500], 5, 'E', PRACTICE('an access line taken from the ECMO circuit’s positive side reads positive')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Filter limb access pressure above the limit (an in-line connection on the ECMO circuit’s positive side).',
  },
  {
    id: 'returnPressureHigh',
    console: 'crrt',
    title: 'Return extremely positive',
    priority: 'high',
    condition: { kind: 'above', series: 'p_filter_out_mmHg' },
    limit: lim([350, 'mmHg', [0, 500], 5, 'S2', PRISMAX]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Return (post-filter) pressure above the limit.',
  },
  {
    id: 'returnPressureLow',
    console: 'crrt',
    title: 'Return disconnection',
    priority: 'high',
    condition: { kind: 'below', series: 'p_filter_out_mmHg' },
    limit: lim([10, 'mmHg', [-500, 100], 5, 'S2', PRISMAX]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Return (post-filter) pressure below the limit: a disconnection, or a return into the ECMO circuit’s negative (pre-pump) side.',
  },
  {
    id: 'filterPressureHigh',
    console: 'crrt',
    title: 'Filter pressure high',
    priority: 'medium',
    condition: { kind: 'above', series: 'p_filter_in_mmHg' },
    limit: lim([450, 'mmHg', [0, 700], 5, 'S2', PRISMAX]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Pre-filter pressure above the limit (filter clotted).',
  },
  {
    id: 'tmpHigh',
    console: 'crrt',
    title: 'TMP too high',
    priority: 'medium',
    condition: { kind: 'above', series: 'tmp_mmHg' },
    limit: lim([300, 'mmHg', [0, 700], 5, 'S2', PRISMAX]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Transmembrane pressure above the limit.',
  },
  {
    id: 'filterClotting',
    console: 'crrt',
    title: 'Filter is clotting',
    priority: 'low',
    condition: { kind: 'riseSinceStart', series: ['tmp_mmHg', 'dp_filter_mmHg'], restartOn: 'filter_start' },
    limit: lim([100, 'mmHg', [10, 500], 5, 'S2', `${PRISMAX}: +100 mmHg over the starting TMP or pressure drop`]),
    latching: false,
    maxSilence_min: ADVISORY_SILENCE_min,
    about: 'TMP or the filter pressure drop rose by more than the limit over its value when the filter started.',
  },
  {
    id: 'bloodLeak',
    console: 'crrt',
    title: 'Blood leak detected',
    priority: 'high',
    condition: { kind: 'above', series: 'blood_leak_detected' },
    limit: lim([0.5, '1', [0.5, 0.5], 0, 'E', 'blood_leak_detected is 0 or 1: the effluent line’s detector sees blood']),
    latching: true,
    maxSilence_min: SILENCE_min,
    about: 'The blood-leak detector on the effluent line sees blood (a ruptured fibre).',
  },
  {
    id: 'airInReturnLine',
    console: 'crrt',
    title: 'Return into negative pressure: air risk',
    priority: 'medium',
    condition: { kind: 'below', series: 'p_limb_return_port_mmHg' },
    limit: lim([0, 'mmHg', [-200, 50], 5, 'E', 'a return into a segment below atmospheric pressure entrains air at any open port (reviews of CRRT on ECMO)']),
    latching: true,
    maxSilence_min: SILENCE_min,
    raisedBy: { type: 'limb_alarm', reasonIncludes: 'negative-pressure segment (' },
    about: 'The filter limb returns into a segment below the limit (the pre-pump line): air is entrained at any open port.',
  },
  {
    id: 'replacementBagEmpty',
    console: 'crrt',
    title: 'Replacement bag empty',
    priority: 'medium',
    condition: { kind: 'below', series: 'replacement_bag_mL' },
    limit: lim([10, 'mL', [0, 1000], 5, 'E', PRACTICE('the scale reads the bag as empty')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Replacement fluid left in the bag below the limit.',
  },
  {
    id: 'effluentBagFull',
    console: 'crrt',
    title: 'Effluent bag full',
    priority: 'medium',
    condition: { kind: 'above', series: 'effluent_bag_mL', per: 'effluent_bag_capacity_mL' },
    limit: lim([0.99, '1', [0.5, 1], 0.02, 'E', PRACTICE('the scale reads the bag as full')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Effluent bag filled beyond the limit (a fraction of its capacity).',
  },
  {
    id: 'bloodPumpStopped',
    console: 'crrt',
    title: 'Blood pump stopped',
    priority: 'low',
    condition: { kind: 'belowFor', series: 'filter_blood_flow_mL_min', threshold: 1 },
    limit: lim([1 / 60, 'h', [1 / 3600, 1], 0, 'S2', 'Prismaflex training slides: advisory when the blood pump has stopped for more than 60 s']),
    latching: false,
    maxSilence_min: ADVISORY_SILENCE_min,
    about: 'The filter’s blood pump has been stopped for longer than the limit.',
  },
];

const HEPARIN: AlarmRow[] = [
  {
    id: 'syringeNearlyEmpty',
    console: 'heparin',
    title: 'Syringe nearly empty',
    priority: 'low',
    condition: { kind: 'below', series: 'heparin_syringe_mL' },
    limit: lim([5, 'mL', [0, 50], 0.5, 'E', PRACTICE('syringe pumps pre-alarm minutes before the syringe is empty')]),
    latching: false,
    maxSilence_min: ADVISORY_SILENCE_min,
    about: 'Heparin left in the syringe below the limit.',
  },
  {
    id: 'syringeEmpty',
    console: 'heparin',
    title: 'Syringe empty',
    priority: 'high',
    condition: { kind: 'below', series: 'heparin_syringe_mL' },
    limit: lim([0.5, 'mL', [0, 10], 0.2, 'E', PRACTICE('the plunger reaches its end stop')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Heparin left in the syringe below the limit: the infusion has stopped.',
  },
  {
    id: 'heparinOcclusion',
    console: 'heparin',
    title: 'Occlusion',
    priority: 'high',
    condition: { kind: 'above', series: 'heparin_line_occluded' },
    limit: lim([0.5, '1', [0.5, 0.5], 0, 'E', 'heparin_line_occluded is 0 or 1: the pump’s pressure sensor sees an occluded line']),
    latching: true,
    maxSilence_min: SILENCE_min,
    about: 'The heparin line is occluded.',
  },
];

const MONITOR: AlarmRow[] = [
  {
    id: 'mapLow',
    console: 'monitor',
    title: 'ABP mean low',
    priority: 'high',
    condition: { kind: 'below', series: 'map_mmHg' },
    limit: lim([55, 'mmHg', [20, 120], 3, 'E', PRACTICE('below the usual septic-shock MAP target of 65 mmHg')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Mean arterial pressure below the limit.',
  },
  {
    id: 'sao2Low',
    console: 'monitor',
    title: 'SpO2 low',
    priority: 'high',
    condition: { kind: 'below', series: 'sao2_pct', scale: 0.01 },
    limit: lim([0.85, '1', [0.5, 1], 0.01, 'E', PRACTICE('VV ECMO commonly accepts saturations down to 85–88 %')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Arterial saturation below the limit.',
  },
  {
    id: 'heartRateLow',
    console: 'monitor',
    title: 'HR low',
    priority: 'medium',
    condition: { kind: 'below', series: 'heart_rate_bpm' },
    limit: lim([50, 'bpm', [20, 150], 3, 'E', PRACTICE('adult monitor limit')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Heart rate below the limit.',
  },
  {
    id: 'heartRateHigh',
    console: 'monitor',
    title: 'HR high',
    priority: 'medium',
    condition: { kind: 'above', series: 'heart_rate_bpm' },
    limit: lim([140, 'bpm', [60, 250], 3, 'E', PRACTICE('adult monitor limit, raised for a tachycardic septic patient')]),
    latching: false,
    maxSilence_min: SILENCE_min,
    about: 'Heart rate above the limit.',
  },
  {
    id: 'temperatureLow',
    console: 'monitor',
    title: 'Temp low',
    priority: 'low',
    condition: { kind: 'below', series: 'temperature_C' },
    limit: lim([35.5, 'degC', [25, 40], 0.2, 'E', PRACTICE('hypothermia')]),
    latching: false,
    maxSilence_min: ADVISORY_SILENCE_min,
    about: 'Core temperature below the limit.',
  },
  {
    id: 'temperatureHigh',
    console: 'monitor',
    title: 'Temp high',
    priority: 'low',
    condition: { kind: 'above', series: 'temperature_C' },
    limit: lim([39, 'degC', [30, 43], 0.2, 'E', PRACTICE('fever')]),
    latching: false,
    maxSilence_min: ADVISORY_SILENCE_min,
    about: 'Core temperature above the limit.',
  },
];

export const ALARM_CATALOGUE: readonly AlarmRow[] = [...ECMO, ...CRRT, ...HEPARIN, ...MONITOR];

/** The catalogue row of an alarm id, or undefined. */
export function alarmRow(id: string): AlarmRow | undefined {
  return ALARM_CATALOGUE.find((r) => r.id === id);
}

/** Every series an alarm reads (its condition's series, and the series it divides by). */
export function seriesRead(row: AlarmRow): string[] {
  const c = row.condition;
  if (c.kind === 'riseSinceStart') return [...c.series];
  return c.kind === 'below' || c.kind === 'above' ? [c.series, ...(c.per ? [c.per] : [])] : [c.series];
}
