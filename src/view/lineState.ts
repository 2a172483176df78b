/**
 * What each drawn line carries now, from the engine's observation: its flow and the saturation of its blood.
 * Pure arithmetic on reported series (junction mass balances), no model internals.
 */
import type { SettingsView } from '../protocol';
import type { LineId } from './circuitLayout';

export type Fluid = 'blood' | 'replacement' | 'effluent' | 'gas';

export interface LineState {
  /** mL/min (gas: mL/min of sweep gas); 0 when nothing flows or the line does not exist now. */
  flow_mL_min: number;
  fluid: Fluid;
  /** Oxygen saturation of the blood in the line (%); NaN for fluids and gas. */
  sat_pct: number;
}

const num = (v: number | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const opt = (obs: Record<string, number>, k: string): number | undefined => (typeof obs[k] === 'number' && Number.isFinite(obs[k]) ? obs[k] : undefined);

/** Saturations along the circuit: drained (femoral), pre-pump (after the limb's return joins) and post-oxygenator. */
export function saturations(obs: Record<string, number>): { drained: number; prePump: number; post: number; venous: number } {
  const sv = opt(obs, 'svo2_pct') ?? NaN;
  const post = opt(obs, 'post_oxygenator_sat_pct') ?? sv;
  const r = num(obs.recirculation_pct) / 100;
  // Blood drained from the IVC: recirculated oxygenated blood mixed with the body's venous return.
  const drained = opt(obs, 'drainage_sat_pct') ?? r * post + (1 - r) * sv;
  const pump = num(obs.pump_flow_L_min);
  const ad = pump > 1e-3 ? Math.min(Math.max(num(obs.drainage_flow_L_min) / pump, 0), 1) : 1;
  // Before the pump the filter limb's return (post-oxygenator blood) joins the drained blood.
  const prePump = opt(obs, 'pre_oxygenator_sat_pct') ?? ad * drained + (1 - ad) * post;
  return { drained, prePump, post, venous: sv };
}

export function lineStates(obs: Record<string, number>, settings: SettingsView): Record<LineId, LineState> {
  const s = saturations(obs);
  const blood = (flow_mL_min: number, sat_pct: number): LineState => ({ flow_mL_min: Math.max(flow_mL_min, 0), fluid: 'blood', sat_pct });
  const fluid = (flow_mL_min: number, f: Fluid): LineState => ({ flow_mL_min: Math.max(flow_mL_min, 0), fluid: f, sat_pct: NaN });
  const drainage = 1000 * num(obs.drainage_flow_L_min);
  const pump = 1000 * num(obs.pump_flow_L_min);
  const ret = 1000 * num(obs.return_flow_L_min);
  const qb = num(obs.filter_blood_flow_mL_min);
  const effluent = num(obs.effluent_rate_mL_h) / 60;
  const pre = num(obs.predilution_rate_mL_h) / 60;
  const netUf = effluent > 0 ? num(settings.values['prescription.netUltrafiltration']) / 60 : 0;
  // Replacement = effluent − net ultrafiltration; what is not given before the filter is given after it.
  const post = Math.max(effluent - netUf - pre, 0);
  const limbReturn = qb + pre + post - effluent;
  const sweep = 1000 * num(obs.sweep_gas_L_min);
  return {
    drainageCannula: blood(drainage, s.drained),
    drainageLine: blood(drainage, s.drained),
    prePump: blood(pump, s.prePump),
    pumpToOxygenator: blood(pump, s.prePump),
    postOxygenator: blood(pump, s.post),
    returnLine: blood(ret, s.post),
    returnCannula: blood(ret, s.post),
    limbAccess: blood(qb, s.post),
    limbToFilter: blood(qb, s.post),
    limbReturn: blood(limbReturn, s.post),
    predilution: fluid(pre, 'replacement'),
    postdilution: fluid(post, 'replacement'),
    effluent: fluid(effluent, 'effluent'),
    sweepIn: fluid(sweep, 'gas'),
    sweepOut: fluid(sweep, 'gas'),
  };
}
