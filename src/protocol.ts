/**
 * Messages between the page and the engine worker. The page sends commands; the worker answers with snapshots
 * (what the engine reports now, the events since the last snapshot, the settings in force, trend samples) and
 * with errors to show. Only plain data crosses: no engine object ever reaches the page.
 */

/** Simulated seconds per real second. */
export const SPEEDS = [1, 10, 60, 600, 3600] as const;
export type Speed = (typeof SPEEDS)[number];

/** What "Step" advances, in simulated hours. */
export const STEP_h = 0.25;

/** Trend samples are taken on this grid of simulated time (h). */
export const TREND_INTERVAL_h = 5 / 60;

/** Series kept for the trends (names as the engine's observation names them; absent ones arrive as NaN). */
export const TREND_SERIES = [
  'il6_pg_mL',
  'pct_ng_mL',
  'crp_mg_L',
  'map_mmHg',
  'norepinephrine_ug_kg_min',
  'tmp_mmHg',
  'aptt_s',
  'pump_flow_L_min',
  'console_flow_L_min',
  'effective_flow_L_min',
  'filter_blood_flow_mL_min',
  'drainage_flow_L_min',
  'p_drainage_mmHg',
  'p_pre_oxygenator_mmHg',
  'p_post_oxygenator_mmHg',
  'dp_oxygenator_mmHg',
  'p_access_mmHg',
  'p_filter_out_mmHg',
  'sao2_pct',
  'post_oxygenator_sat_pct',
  'drainage_sat_pct',
  'paco2_mmHg',
  'temperature_C',
] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];

/**
 * The settings the operator can change, with the unit their value is written in; `perEngineUnit` converts the
 * engine's value (a fraction) to it where they differ.
 */
export const SETTINGS = {
  'circuit.pump.speed': { label: 'Pump', title: 'Centrifugal pump speed', unit: 'rpm', step: 100, section: 'circuit' },
  'circuit.oxygenator.sweepGas': { label: 'Sweep', title: 'Sweep gas flow through the oxygenator', unit: 'L/min', step: 0.5, section: 'circuit' },
  'circuit.oxygenator.fio2': { label: 'FiO₂', title: 'Oxygen fraction of the sweep gas', unit: '%', step: 5, section: 'circuit', perEngineUnit: 100 },
  'prescription.filterBloodFlow': {
    label: 'Qb filter',
    title: 'Blood flow through the hemofilter limb (CRRT blood pump)',
    unit: 'mL/min',
    step: 10,
    section: 'filter',
  },
  'prescription.effluentDose': { label: 'Dose', title: 'Prescribed effluent dose', unit: 'mL/kg/h', step: 5, section: 'filter' },
  'prescription.predilutionFraction': {
    label: 'Predil.',
    title: 'Fraction of the replacement fluid given before the filter',
    unit: '%',
    step: 10,
    section: 'filter',
    perEngineUnit: 100,
  },
  'prescription.netUltrafiltration': {
    label: 'Net UF',
    title: 'Net ultrafiltration (fluid removed from the patient)',
    unit: 'mL/h',
    step: 50,
    section: 'filter',
  },
  'prescription.heparin.infusion': { label: 'Heparin', title: 'Heparin infusion rate', unit: 'U/h', step: 100, section: 'patient' },
} as const;
export type SettingPath = keyof typeof SETTINGS;

/**
 * The protocols the operator switches on or off, each with the words the console shows for on and off. A sweep set
 * by hand while the sweep titration is on switches it off (the engine's sweepHandover.ts): the sweep is the operator's.
 */
export const FLAGS = {
  'circuit.oxygenator.sweepTitration.titrate': {
    label: 'Auto sweep',
    title:
      'Sweep titration: at each hourly blood gas the protocol steps the sweep toward PaCO₂ 35–45 mmHg and pH 7.35–7.45. Setting the sweep by hand switches it off; switched on again, it steps from the sweep in force.',
    on: 'auto',
    off: 'manual',
    section: 'circuit',
  },
} as const;
export type FlagPath = keyof typeof FLAGS;

export const CLAMPS = {
  'circuit.clamps.drainageLine': 'Drainage line',
  'circuit.clamps.returnLine': 'Return line',
  'circuit.clamps.filterLimb': 'Filter limb',
} as const;
export type ClampPath = keyof typeof CLAMPS;

export type Command =
  | { type: 'load'; text: string; source: string }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'speed'; speed: Speed }
  | { type: 'set'; path: SettingPath | ClampPath | FlagPath; value: string | boolean }
  | { type: 'changeFilter' }
  | { type: 'changeOxygenator' }
  | { type: 'changeCircuit' }
  | { type: 'changeConsole' }
  | { type: 'changePumpHead' }
  | { type: 'heparinBolus'; units: number }
  | { type: 'fault'; fault: { filterClot?: number; oxygenatorThrombus?: number } }
  /** Acknowledge one shown alarm (its id) or every shown one. */
  | { type: 'acknowledge'; id: string }
  /** Pause one shown alarm's audio (its id) or every shown one's, for `minutes` (refused beyond the device's maximum). */
  | { type: 'silence'; id: string; minutes: number };

/** The consoles that raise alarms, each with its status light. */
export const ALARM_CONSOLES = ['ecmo', 'crrt', 'heparin', 'monitor'] as const;
export type AlarmConsoleName = (typeof ALARM_CONSOLES)[number];
/** IEC 60601-1-8 priority classes. */
export type AlarmPriorityName = 'high' | 'medium' | 'low';
/** A console's status light: red with a high-priority alarm shown, yellow with any other, green without. */
export type StatusLight = 'green' | 'yellow' | 'red';

/** One shown alarm, as the page draws it (the worker's alarm monitor's active(), as plain data). */
export interface AlarmView {
  id: string;
  title: string;
  console: AlarmConsoleName;
  priority: AlarmPriorityName;
  /** active: its condition holds; latched: it cleared and stays shown until acknowledged. */
  status: 'active' | 'latched';
  acknowledged: boolean;
  /** Sounding: shown, not acknowledged, not silenced. */
  audible: boolean;
  /** Simulated time the alarm started (h). */
  since_h: number;
  /** Audio paused until this simulated time (h); null when not silenced. */
  silencedUntil_h: number | null;
  /** The output series its condition reads (none for an alarm an event raises): a pressure tag on one takes its colour. */
  series: string[];
}

export interface SimEventView {
  t_h: number;
  type: string;
  reason: string;
  value?: number;
}

/**
 * A change of the ECMO circuit's devices under way (sim/circuit/deviceChange): both lines clamped from `since_h` until
 * the new device goes in at `restart_h`.
 */
export interface DeviceChangeView {
  device: 'oxygenator' | 'circuit' | 'console' | 'pumpHead' | 'drainageCannula' | 'returnCannula';
  /** The device's name in the engine's words ("oxygenator", "drainage cannula"). */
  name: string;
  since_h: number;
  restart_h: number;
}

/** The settings in force now, in display units (from the engine's current settings, read only). */
export interface SettingsView {
  values: Record<SettingPath, number>;
  clamps: Record<ClampPath, boolean>;
  /** The protocols switched on now (false without the section they belong to). */
  flags: Record<FlagPath, boolean>;
  heparinTitrate: boolean;
  apttTarget_s: [number, number];
  drainageCannula_Fr: number;
  returnCannula_Fr: number;
  drainageCannulaId_mm: number;
  returnCannulaId_mm: number;
  tubingId_mm: number;
  limbLineId_mm: number;
  /** The clean membrane's ultrafiltration coefficient (mL/h/mmHg), to show fouling against. */
  kufClean_mL_h_mmHg: number;
  tmpLimit_mmHg: number;
  filterMaxHours_h: number;
  /** The change of a circuit device under way, or null. */
  deviceChange: DeviceChangeView | null;
}

export interface ScenarioInfo {
  name: string;
  description: string;
  source: string;
  duration_h: number;
  weight_kg: number;
  hasCircuit: boolean;
  hasFilter: boolean;
}

export interface TrendPoint {
  t_h: number;
  values: number[]; // in TREND_SERIES order
}

export interface Snapshot {
  /** Increases with every load, so a page never mixes two runs. */
  runId: number;
  t_h: number;
  running: boolean;
  /** The run reached the scenario's duration and stopped there (run and step are refused until a new load). */
  ended: boolean;
  speed: Speed;
  /** Every series of the engine's observation (NaN: does not exist now). */
  obs: Record<string, number>;
  settings: SettingsView;
  newEvents: SimEventView[];
  trend: TrendPoint[];
  /** The shown alarms, highest priority first, then the oldest first. */
  alarms: AlarmView[];
  /** The alarm monitor's log entries since the last snapshot, as event-log entries of type "alarm". */
  alarmLog: SimEventView[];
  /** Each console's status light. */
  consoleStatus: Record<AlarmConsoleName, StatusLight>;
  /** Effluent collected since the start (mL): delivered dose × weight × time. */
}

export type WorkerMessage =
  | { type: 'loaded'; runId: number; scenario: ScenarioInfo }
  | { type: 'loadError'; source: string; message: string }
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'commandError'; message: string }
  | { type: 'engineError'; message: string };
