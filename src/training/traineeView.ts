/**
 * What a trainee sees of a training snapshot: what the devices at the bedside show, nothing else. The instructor's
 * page sends traineeView(snapshot) to remote trainees; the trainee page applies it to its own engine's snapshots.
 *
 * A series is shown only if a device reads it continuously (DEVICE_SERIES: the ECMO console, the CRRT machine, the
 * heparin syringe pump, the bedside monitor and the infusion pumps); everything else (a continuous aPTT, plasma
 * heparin, fibres clotted, Kuf, recirculation, live IL-6/PCT/CRP/lactate, the blood gas) is NaN, known only from a
 * lab the trainee orders. The console's SvO₂ is the drainage-line probe's saturation (recirculated blood included),
 * never the true mixed venous one. Hidden log entries (a hidden fault, the instructor's own actions) are removed.
 * Pure and idempotent: a view of a view is the same view.
 */
import { TREND_SERIES } from '../protocol';
import type { TrainingSnapshot } from './trainingProtocol';
import type { SessionEntry } from '../../sim/training/sessionLog';

/** Series a device at the bedside shows continuously. */
export const DEVICE_SERIES: ReadonlySet<string> = new Set([
  'time_h',
  // ECMO console: pump, flow probe, pressure transducers, venous and arterial-line saturation probes, gas blender, power
  'pump_speed_rpm',
  'pump_flow_L_min',
  'console_flow_L_min',
  'flow_no_signal',
  'p_drainage_mmHg',
  'p_pre_oxygenator_mmHg',
  'p_post_oxygenator_mmHg',
  'dp_oxygenator_mmHg',
  'drainage_flow_swing_L_min',
  'p_drainage_swing_mmHg',
  'drainage_sat_pct',
  'console_svo2_pct',
  'post_oxygenator_sat_pct',
  'sweep_gas_L_min',
  'oxygen_supply_lost',
  'on_battery',
  'battery_charge_pct',
  // CRRT machine: its pumps, pressure pods, scales and blood-leak detector
  'filter_blood_flow_mL_min',
  'p_access_mmHg',
  'p_filter_in_mmHg',
  'p_filter_out_mmHg',
  'p_effluent_mmHg',
  'tmp_mmHg',
  'dp_filter_mmHg',
  'filtration_fraction',
  'effluent_rate_mL_h',
  'predilution_rate_mL_h',
  'postdilution_rate_mL_h',
  'delivered_dose_mL_kg_h',
  'filter_age_h',
  'effluent_volume_mL',
  'replacement_volume_mL',
  'replacement_bag_mL',
  'effluent_bag_mL',
  'effluent_bag_capacity_mL',
  'bags_used',
  'blood_leak_detected',
  'crrt_suspended',
  // heparin syringe pump
  'heparin_infusion_U_h',
  'heparin_syringe_mL',
  'heparin_line_occluded',
  // bedside monitor and the vasopressor pump
  'map_mmHg',
  'heart_rate_bpm',
  'sao2_pct',
  'spo2_pct',
  'temperature_C',
  'central_venous_pressure_mmHg',
  'norepinephrine_ug_kg_min',
  'urine_output_mL_h',
]);

/** The console's SvO₂ reading: the drainage-line probe. */
const CONSOLE_SVO2 = 'drainage_sat_pct';

/** A broken "keep" objective's reason names the series' value ("effective_flow_L_min was 2.1 at 30 s"). */
const KEEP_BROKEN = /^(\w+) was (?:-?[\d.e+-]+|absent) at (.*)$/;

/** An objective's reason without the value of a series no device shows. */
function shownWhy(why: string): string {
  const m = KEEP_BROKEN.exec(why);
  return m && !DEVICE_SERIES.has(m[1]) ? `${m[1]} left its range at ${m[2]}` : why;
}

/**
 * Engine events no device shows, as the trainee learns of them: free Hb past ELSO's alert reaches the bedside as the
 * laboratory's flag, without the value and without the source the engine names (a thrombus in the pump head is the
 * trainee's to find).
 */
const LAB_FLAGS: Readonly<Record<string, string>> = {
  hemolysis: 'laboratory: plasma free hemoglobin above 50 mg/dL, ELSO’s alert level',
};

/** The log entries a trainee sees: every one but the hidden (a hidden fault, the instructor's own), lab flags as the lab gives them. */
export function traineeLog(log: readonly SessionEntry[]): SessionEntry[] {
  return log
    .filter((e) => !e.hidden)
    .map((e) => {
      if (e.kind !== 'event' || !LAB_FLAGS[e.id]) return e;
      const { value: _value, ...flag } = e;
      return { ...flag, text: LAB_FLAGS[e.id] };
    });
}

export function traineeView(s: TrainingSnapshot): TrainingSnapshot {
  const obs: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.obs)) obs[k] = DEVICE_SERIES.has(k) ? v : NaN;
  obs.svo2_pct = s.obs[CONSOLE_SVO2] ?? NaN;
  const shownTrend = TREND_SERIES.map((k) => DEVICE_SERIES.has(k));
  return {
    ...s,
    obs,
    // the membrane's Kuf is not on any console
    settings: { ...s.settings, kufClean_mL_h_mmHg: NaN },
    trend: s.trend.map((p) => ({ t_h: p.t_h, values: p.values.map((v, i) => (shownTrend[i] ? v : NaN)) })),
    log: traineeLog(s.log),
    objectives: s.objectives.map((o) => ({ ...o, why: shownWhy(o.why) })),
    // the instructor's commands (faults, notes) are not the trainee's to see
    commands: s.commands.filter(
      (c) => c.command.type !== 'injectFault' && c.command.type !== 'clearFault' && !(c.command.type === 'note' && c.command.by === 'instructor'),
    ),
  };
}
