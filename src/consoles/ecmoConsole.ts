/** The ECMO console: pump speed and flow large, the circuit pressures and the gas settings below (the sweep marked auto or manual). */
import { DRAINAGE_SUCTION_LIMIT_mmHg, OXYGENATOR_DP_LIMIT_mmHg, PRE_OXYGENATOR_LIMIT_mmHg, RECIRCULATION_LIMIT_pct } from './alarmLimits';
import { FLAGS, type FlagPath, type ScenarioInfo, type Snapshot } from '../protocol';
import { devicePanel, el, readout } from './panel';
import { deviceChangeLook } from '../view/deviceChangeLook';

const SWEEP_TITRATION: FlagPath = 'circuit.oxygenator.sweepTitration.titrate';

export class EcmoConsole {
  private readonly status: HTMLElement;
  private readonly r: ReturnType<typeof readouts>;

  constructor(host: HTMLElement) {
    const { body, status } = devicePanel(host, 'ECMO', 'ecmo', 'ecmo-console');
    this.status = status;
    const top = el('div', 'big-row');
    const grid = el('div', 'grid2');
    body.append(top, grid);
    this.r = readouts(top, grid);
  }

  setScenario(info: ScenarioInfo): void {
    this.status.textContent = info.hasCircuit ? '' : 'no circuit';
  }

  update(s: Snapshot): void {
    const o = s.obs;
    const r = this.r;
    r.rpm.set(o.pump_speed_rpm, 0);
    // the flow probe's reading (flowProbe.ts): negative when clipped on backwards, "SIG" without a signal
    if (o.flow_no_signal === 1) r.flow.setText('SIG');
    else r.flow.set(o.console_flow_L_min, 2);
    // suction beyond −100 mmHg makes the drainage line chatter
    r.pDrain.set(o.p_drainage_mmHg, 0, o.p_drainage_mmHg < DRAINAGE_SUCTION_LIMIT_mmHg);
    r.pPre.set(o.p_pre_oxygenator_mmHg, 0, o.p_pre_oxygenator_mmHg > PRE_OXYGENATOR_LIMIT_mmHg);
    r.pPost.set(o.p_post_oxygenator_mmHg, 0);
    r.dp.set(o.dp_oxygenator_mmHg, 0, o.dp_oxygenator_mmHg > OXYGENATOR_DP_LIMIT_mmHg);
    r.effective.set(o.effective_flow_L_min, 2);
    r.recirc.set(o.recirculation_pct, 0, o.recirculation_pct > RECIRCULATION_LIMIT_pct);
    r.sweep.set(o.sweep_gas_L_min, 1);
    // who sets the sweep: the hourly titration ("auto") or the operator ("manual"); nothing without a circuit
    const titration = FLAGS[SWEEP_TITRATION];
    r.sweep.setNote(Number.isFinite(o.sweep_gas_L_min) ? titration[s.settings.flags[SWEEP_TITRATION] ? 'on' : 'off'] : '');
    r.fio2.set(s.settings.values['circuit.oxygenator.fio2'], 0);
    r.postSat.set(o.post_oxygenator_sat_pct, 0);
    // a console's venous probe sits on the drainage line: its SvO₂ includes the recirculated oxygenator blood
    // no flow through the probe, or a stopped circulation: stagnant blood, no number (deviceReadings.ts)
    const stagnant = !Number.isFinite(o.console_svo2_pct) && Number.isFinite(o.drainage_sat_pct);
    if (stagnant) r.svo2.setText('—');
    else r.svo2.set(o.console_svo2_pct, 0);
    r.svo2.setNote(stagnant ? 'no flow' : '');
    const c = s.settings.clamps;
    const clamped = [c['circuit.clamps.drainageLine'] && 'drainage', c['circuit.clamps.returnLine'] && 'return'].filter(Boolean);
    const change = deviceChangeLook(s.settings.deviceChange);
    if (Number.isFinite(o.pump_speed_rpm)) this.status.textContent = change ? change.status : clamped.length ? `clamped: ${clamped.join(', ')} line` : '';
    this.status.classList.toggle('alert', change !== null);
  }
}

function readouts(top: HTMLElement, grid: HTMLElement) {
  return {
    rpm: readout(top, 'ecmo-rpm', 'Pump', 'rpm', 'big'),
    flow: readout(top, 'ecmo-flow', 'Flow', 'L/min', 'big'),
    pDrain: readout(grid, 'ecmo-p-drainage', 'P drainage', 'mmHg'),
    effective: readout(grid, 'ecmo-effective-flow', 'Effective flow', 'L/min'),
    pPre: readout(grid, 'ecmo-p-pre-oxygenator', 'P pre-oxy', 'mmHg'),
    recirc: readout(grid, 'ecmo-recirculation', 'Recirculation', '%'),
    pPost: readout(grid, 'ecmo-p-post-oxygenator', 'P post-oxy', 'mmHg'),
    sweep: readout(grid, 'ecmo-sweep', 'Sweep gas', 'L/min'),
    dp: readout(grid, 'ecmo-dp-oxygenator', 'ΔP oxygenator', 'mmHg'),
    fio2: readout(grid, 'ecmo-fio2', 'FiO₂ sweep', '%'),
    postSat: readout(grid, 'ecmo-post-sat', 'SO₂ post-oxy', '%'),
    svo2: readout(grid, 'ecmo-svo2', 'SvO₂', '%'),
  };
}
