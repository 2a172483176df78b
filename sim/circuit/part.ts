/**
 * The ECMO circuit in the engine: the oxygenator's thrombus load as its one slow state, and, for outputs only, the
 * loop's solve (circuitNow.ts): no slow state depends on the loop's pressures, so the right-hand side never
 * solves it (docs/models/engine.md).
 *   dT/dt = r_thrombus·(1 + k·shortfall²)     thrombus grows faster when anticoagulation falls short [E]
 */
import { fixedScale, type ModelDefinition } from '../model/part.js';
import { fmt, type EventLog } from '../model/events.js';
import type { Model } from '../model/context.js';
import { pumpCurve } from './centrifugalPump.js';
import { sharedCircuitNow } from './sharedSolve.js';
import { chatterCheck } from './chatterCheck.js';
import { litresPerMinute } from '../quantities.js';
import { LIMB_RISK, LIMB_RISK_LABEL, limbRiskReason, limbRisks } from './limbRisks.js';
import { degassingPressure_mmHg } from './degassing.js';
import { flowSignalWatch, observeFlowProbe } from './flowProbe.js';
import type { Now } from '../model/now.js';

export const circuitModel: ModelDefinition = {
  name: 'circuit',
  states: [{ name: 'oxygenatorThrombus', scale: fixedScale(1) }],
  series: {
    pump_speed_rpm: ['rpm', 'Centrifugal pump speed'],
    pump_flow_L_min: ['L/min', 'Flow through the pump and oxygenator (includes the filter-limb shunt)'],
    console_flow_L_min: [
      'L/min',
      "The console's flow reading: the flow probe on the line after the pump (pump_flow_L_min), negative when the probe is clipped on backwards, absent (NaN) when it has lost its signal (flowProbe.ts)",
    ],
    flow_no_signal: ['1', '1 while the console\'s flow probe has no signal (the console shows no flow: Rotaflow\'s "SIG"), else 0'],
    drainage_flow_L_min: ['L/min', 'Flow drained from the patient'],
    return_flow_L_min: ['L/min', 'Flow returned to the patient (pump flow − filter limb)'],
    effective_flow_L_min: ['L/min', 'Return flow that reaches the patient net of recirculation'],
    recirculation_pct: ['%', 'Fraction of returned blood drained again'],
    p_venous_mmHg: [
      'mmHg',
      'Venous pressure the drainage cannula draws from: starting CVP + volume change / venous compliance (not the central_venous_pressure_mmHg of the venous return model)',
    ],
    p_drainage_mmHg: ['mmHg', 'Drainage (pre-pump) pressure'],
    p_pre_oxygenator_mmHg: ['mmHg', 'Pre-oxygenator pressure'],
    p_post_oxygenator_mmHg: ['mmHg', 'Post-oxygenator pressure'],
    dp_oxygenator_mmHg: ['mmHg', 'Pressure drop across the oxygenator'],
    pump_head_mmHg: ['mmHg', 'Pump head: outlet (pre-oxygenator) less inlet (drainage) pressure'],
    p_access_mmHg: ['mmHg', 'Filter limb access pressure (before the filter blood pump)'],
    p_limb_return_port_mmHg: ['mmHg', 'Pressure of the segment the filter limb returns into (its connection site)'],
    p_filter_in_mmHg: ['mmHg', 'Pre-filter pressure'],
    p_filter_out_mmHg: ['mmHg', 'Post-filter (return) pressure'],
    p_effluent_mmHg: ['mmHg', 'Effluent pressure'],
    tmp_mmHg: ['mmHg', 'Transmembrane pressure'],
    dp_filter_mmHg: ['mmHg', 'Pressure drop along the filter'],
    p_effluent_degassing_mmHg: [
      'mmHg',
      'Effluent pressure below which the ultrafiltrate degasses: the total gas tension of the blood the limb draws, less barometric (degassing.ts)',
    ],
    sweep_gas_L_min: ['L/min', 'Sweep gas flow'],
    oxygen_supply_lost: ['1', "1 while the sweep blender's oxygen supply has failed (it passes air and sounds its supply alarm), else 0"],
    drainage_flow_swing_L_min: ['L/min', "How far the console's drainage flow reading swings while the drained vein chatters (twice its SD; 0 when steady)"],
    p_drainage_swing_mmHg: ['mmHg', "How far the console's drainage pressure reading swings while the drained vein chatters (twice its SD; 0 when steady)"],
    venous_return_limit_L_min: ['L/min', "Most the veins deliver to the drainage cannula before the vein collapses (Guyton's plateau)"],
    drainage_demand_L_min: ['L/min', 'Drainage the pump asks for with the vein held open (above the limit: chatter)'],
    p_msf_mmHg: ['mmHg', 'Mean systemic filling pressure (moves with blood volume)'],
  },
  create(m, slot) {
    const thrombus = slot('oxygenatorThrombus');
    const sc = m.scenario.circuit;
    const pump = sc ? pumpCurve(sc.pump) : undefined;
    const solve = (now: Now) => sharedCircuitNow(m, pump, now, now.y[thrombus], now.air.pumpHeadFactor);
    const logLimbRisks = limbRiskWatch(m);
    const watchFlowSignal = flowSignalWatch(m); // flow mode's signal lost holds its speed (flowProbe.ts)
    return {
      checks: sc ? [chatterCheck(m, solve)] : [],
      /** The limb's connection-site risks, after settings change: logged when one begins or ends. */
      afterEvents(_t, _y, now, log) {
        logLimbRisks(now, log);
      },
      /** A training fault: thrombus added to the oxygenator at once (its resistance × (1 + load)). */
      perform(_t, y, action, log, at) {
        watchFlowSignal(() => solve(at())?.pumpSpeed_rpm, log);
        const added = action.fault?.oxygenatorThrombus;
        if (added === undefined) return;
        y[thrombus] += added;
        log('fault', `oxygenator thrombus: resistance +${fmt(100 * added, 0)} %`);
      },
      derivatives(now, dy) {
        const c = m.current.circuit;
        if (!c) return;
        const o = c.oxygenator;
        const s = now.heparin.shortfall;
        dy[thrombus] = o.thrombusRate * (1 + o.thrombusAnticoagulationFactor * s * s);
      },
      deriveForOutput(now) {
        now.circuit = solve(now);
      },
      /** The gas exchange's periodic check holds the oxygen line of this solve (patient/gasExchange/part.ts). */
      deriveForChecks(now) {
        now.circuit = solve(now); // air in the pump head included, as for outputs
      },
      observe(now, out) {
        const c = m.current.circuit;
        const cn = now.circuit;
        const solution = cn?.solution;
        const limb = cn?.limb;
        const none = NaN;
        out.pump_speed_rpm = cn ? cn.pumpSpeed_rpm : c ? c.pump.speed : none;
        out.pump_flow_L_min = solution ? litresPerMinute(solution.pumpFlow_mL_min) : none;
        observeFlowProbe(out, c && solution ? c.flowProbe : null);
        out.drainage_flow_L_min = solution ? litresPerMinute(solution.drainageFlow_mL_min) : none;
        out.return_flow_L_min = solution ? litresPerMinute(solution.returnFlow_mL_min) : none;
        out.effective_flow_L_min = cn ? litresPerMinute(cn.effectiveFlow_mL_min) : none;
        out.recirculation_pct = cn ? 100 * cn.recirculation : none;
        out.p_venous_mmHg = solution ? solution.venousPressure_mmHg : none;
        out.p_drainage_mmHg = solution ? solution.drainagePressure_mmHg : none;
        out.p_pre_oxygenator_mmHg = solution ? solution.preOxygenatorPressure_mmHg : none;
        out.p_post_oxygenator_mmHg = solution ? solution.postOxygenatorPressure_mmHg : none;
        out.dp_oxygenator_mmHg = solution ? solution.oxygenatorPressureDrop_mmHg : none;
        out.pump_head_mmHg = solution ? solution.preOxygenatorPressure_mmHg - solution.drainagePressure_mmHg : none;
        out.p_access_mmHg = limb ? limb.access_mmHg : none;
        out.p_limb_return_port_mmHg = limb ? limb.returnPort_mmHg : none;
        out.p_filter_in_mmHg = limb ? limb.filterIn_mmHg : none;
        out.p_filter_out_mmHg = limb ? limb.filterOut_mmHg : none;
        out.p_effluent_mmHg = limb ? limb.effluent_mmHg : none;
        out.tmp_mmHg = limb ? limb.tmp_mmHg : none;
        out.dp_filter_mmHg = limb ? limb.pressureDrop_mmHg : none;
        out.p_effluent_degassing_mmHg = limb ? degassingPressure_mmHg(now.limbAccessGas) : none;
        out.sweep_gas_L_min = c ? c.oxygenator.sweepGas : none;
        out.oxygen_supply_lost = c ? Number(c.oxygenator.oxygenSupplyLost) : none; // the blender's supply alarm
        const d = cn?.drainage;
        out.drainage_flow_swing_L_min = d ? litresPerMinute(d.flowSwing_mL_min) : none;
        out.p_drainage_swing_mmHg = d ? d.pressureSwing_mmHg : none;
        out.venous_return_limit_L_min = d ? litresPerMinute(d.supply.limit_mL_min) : none;
        out.drainage_demand_L_min = d ? litresPerMinute(d.demand_mL_min) : none;
        out.p_msf_mmHg = d ? d.supply.filling_mmHg : none;
      },
    };
  },
};

/** A run's watch on the limb's connection-site risks (limbRisks.ts): each logged when it begins and when it ends. */
function limbRiskWatch(m: Model): (now: Now, log: EventLog) => void {
  let risks = 0;
  return (now, log) => {
    const c = m.current.circuit;
    const limb = now.circuit?.limb;
    if (!c) return;
    const limits = {
      min: c.filterLimb.accessMinimum,
      max: c.filterLimb.accessMaximum,
      degassing: degassingPressure_mmHg(now.limbAccessGas),
    };
    const present = limb ? limbRisks(limb, c.filterLimb.connection !== 'separateCatheter', limits) : 0;
    for (const risk of Object.values(LIMB_RISK)) {
      if (present & risk && !(risks & risk)) log('limb_alarm', limbRiskReason(risk, limb!, limits));
      if (risks & risk && !(present & risk)) log('limb_alarm', `cleared: ${LIMB_RISK_LABEL[risk]}`);
    }
    risks = present;
  };
}
