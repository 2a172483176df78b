/**
 * What each drawn line carries now, from the engine's observation: its flow and the saturation of its blood.
 * Pure arithmetic on reported series (junction mass balances), no model internals.
 */
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

/** Saturations along the circuit, as the engine reports them: drained (femoral), pre-pump and post-oxygenator. */
export function saturations(obs: Record<string, number>): { drained: number; prePump: number; post: number; venous: number } {
  const sv = opt(obs, 'svo2_pct') ?? NaN;
  return {
    drained: opt(obs, 'drainage_sat_pct') ?? sv,
    prePump: opt(obs, 'pre_oxygenator_sat_pct') ?? sv,
    post: opt(obs, 'post_oxygenator_sat_pct') ?? sv,
    venous: sv,
  };
}

export function lineStates(obs: Record<string, number>): Record<LineId, LineState> {
  const s = saturations(obs);
  const blood = (flow_mL_min: number, sat_pct: number): LineState => ({ flow_mL_min: Math.max(flow_mL_min, 0), fluid: 'blood', sat_pct });
  const fluid = (flow_mL_min: number, f: Fluid): LineState => ({ flow_mL_min: Math.max(flow_mL_min, 0), fluid: f, sat_pct: NaN });
  const drainage = 1000 * num(obs.drainage_flow_L_min);
  const pump = 1000 * num(obs.pump_flow_L_min);
  const ret = 1000 * num(obs.return_flow_L_min);
  const qb = num(obs.filter_blood_flow_mL_min);
  const effluent = num(obs.effluent_rate_mL_h) / 60;
  const pre = num(obs.predilution_rate_mL_h) / 60;
  const post = num(obs.postdilution_rate_mL_h) / 60;
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
