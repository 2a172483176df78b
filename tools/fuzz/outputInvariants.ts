/** The invariants a valid run's output keeps (the fuzzer, the extremes and the property tests check the same). */
import { simulate, type RunResult } from '../../sim/engine/simulate.js';
import { SERIES_NAMES, type SeriesName } from '../../sim/engine/observe.js';
import { loadScenarioText } from '../../sim/scenario/load.js';
import { BUNDLED_SCENARIO, ECMO, STANDARD } from './bases.js';
import { calibrationBeside } from '../../sim/scenario/loadFile.js';
import type { JsonObject } from './json.js';
import { STAGNANT_mL_min } from '../../sim/patient/gasExchange/deviceReadings.js';

/**
 * Which series may be NaN ("does not exist now"), read off reference runs of the bundled scenarios rather than
 * listed by hand, so a series added later is judged too: without a circuit (circuit and filter series), without a
 * filter, and with the filter limb clamped (the filter series that exist only while it filters).
 */
export interface AbsentSeries {
  withoutCircuit: Set<SeriesName>;
  withoutFilter: Set<SeriesName>;
  whileFilterStopped: Set<SeriesName>;
}
let absentCache: AbsentSeries | undefined;
export function absentSeries(): AbsentSeries {
  if (absentCache) return absentCache;
  const nanIn = (doc: JsonObject) => {
    const s = loadScenarioText(JSON.stringify({ ...doc, duration: '0.25 h', timeline: [] }), 'reference run', [], {
      resolveCalibration: calibrationBeside(BUNDLED_SCENARIO),
    });
    const r = simulate(s);
    return new Set(SERIES_NAMES.filter((n) => r.series[n].every(Number.isNaN)));
  };
  const clamped = structuredClone(ECMO);
  const circuit = clamped.circuit as JsonObject;
  circuit.clamps = { ...(circuit.clamps as JsonObject | undefined), filterLimb: true };
  absentCache = { withoutCircuit: nanIn(STANDARD as JsonObject), withoutFilter: nanIn({ ...ECMO, filter: null }), whileFilterStopped: nanIn(clamped) };
  return absentCache;
}

/**
 * Device readings that show no number when the device has nothing to read (sim/patient/gasExchange/
 * deviceReadings.ts), and when that may be: the pulse oximeter without a pulse, the drainage-line probe on stagnant
 * blood (no line flow, or the native circulation stopped), the flow probe without its signal.
 */
export const NO_READING: Partial<Record<SeriesName, (r: RunResult, i: number) => boolean>> = {
  spo2_pct: (r, i) => !(r.series.cardiac_output_L_min[i] > 0),
  console_svo2_pct: (r, i) => !r.scenario.circuit || !(1000 * r.series.drainage_flow_L_min[i] >= STAGNANT_mL_min) || !(r.series.cardiac_output_L_min[i] > 0),
  // the console's flow probe without its signal (sim/circuit/flowProbe.ts)
  console_flow_L_min: (r, i) => !r.scenario.circuit || r.series.flow_no_signal[i] === 1,
};

/** Series that are never negative where they exist (the fuzzer and the property tests check the same list). */
export const NON_NEGATIVE: SeriesName[] = [
  'il6_pg_mL',
  'pct_ng_mL',
  'crp_mg_L',
  'albumin_g_L',
  'creatinine_mg_dL',
  'heparin_U_mL',
  'heparin_infusion_U_h',
  'aptt_s',
  'intravascular_volume_mL',
  'interstitial_volume_mL',
  'hematocrit_pct',
  'effective_flow_L_min',
  'filter_blood_flow_mL_min',
  'effluent_rate_mL_h',
  'predilution_rate_mL_h',
  'postdilution_rate_mL_h',
  'effluent_volume_mL',
  'replacement_volume_mL',
  'il6_clearance_mL_min',
  'delivered_dose_mL_kg_h',
  'kuf_mL_h_mmHg',
  'filter_clotted_pct',
  'filter_age_h',
  'sieving_il6',
  'sieving_albumin',
  'filtration_fraction',
  'recirculation_pct',
  'pump_speed_rpm',
  'sweep_gas_L_min',
  'sao2_pct',
  'svo2_pct',
  'pao2_mmHg',
  'paco2_mmHg',
  'drainage_sat_pct',
  'pre_oxygenator_sat_pct',
  'post_oxygenator_sat_pct',
  'spo2_pct',
  'console_svo2_pct',
];
/** Percentages that cannot exceed 100. */
export const PERCENT: SeriesName[] = [
  'sao2_pct',
  'svo2_pct',
  'hematocrit_pct',
  'recirculation_pct',
  'filter_clotted_pct',
  'drainage_sat_pct',
  'pre_oxygenator_sat_pct',
  'post_oxygenator_sat_pct',
  'spo2_pct',
  'console_svo2_pct',
];

/** What is wrong with a run's output, or null: the invariants a valid run must keep. */
export function outputProblem(r: RunResult): string | null {
  const absent = absentSeries();
  for (const name of SERIES_NAMES) {
    const values = r.series[name];
    if (values.length !== r.series.time_h.length) return `${name} has ${values.length} samples, time_h ${r.series.time_h.length}`;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === Infinity || v === -Infinity) return `${name} is ${v} at ${r.series.time_h[i]} h`;
      if (!Number.isNaN(v)) continue;
      const at = `${name} is NaN at ${r.series.time_h[i]} h`;
      const noReading = NO_READING[name];
      if (noReading) {
        if (noReading(r, i)) continue;
        return `${at} though its device has something to read`;
      }
      if (!absent.withoutCircuit.has(name)) return at;
      if (!absent.withoutFilter.has(name)) {
        if (r.scenario.circuit) return `${at} though the scenario has a circuit`;
      } else if (r.scenario.filter && !absent.whileFilterStopped.has(name)) return `${at} though the scenario has a filter`;
    }
  }
  for (const name of NON_NEGATIVE) {
    const i = r.series[name].findIndex((v) => v < 0);
    if (i >= 0) return `${name} is ${r.series[name][i]} at ${r.series.time_h[i]} h`;
  }
  for (const name of PERCENT) {
    const i = r.series[name].findIndex((v) => v > 100);
    if (i >= 0) return `${name} is ${r.series[name][i]} % at ${r.series.time_h[i]} h`;
  }
  for (const name of ['sao2_pct', 'svo2_pct'] as const) {
    const i = r.series[name].findIndex((v) => !(v > 0));
    if (i >= 0) return `${name} is ${r.series[name][i]} % at ${r.series.time_h[i]} h: no patient lives at that saturation`;
  }
  for (const [solute, b] of Object.entries(r.summary.mass_balance)) {
    if (!(b.relative_residual < 1e-6)) return `the ${solute} balance does not close: relative residual ${b.relative_residual}`;
  }
  return null;
}
