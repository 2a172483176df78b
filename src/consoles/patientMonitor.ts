/** The bedside monitor: MAP, heart rate, SpO2 (pulse oximeter), norepinephrine, and the latest inflammatory markers. */
import { MAP_TARGET_mmHg, SAO2_ALARM_pct } from './alarmLimits';
import type { Snapshot } from '../protocol';
import { devicePanel, el, readout } from './panel';

export class PatientMonitor {
  private readonly r: ReturnType<typeof readouts>;

  constructor(host: HTMLElement) {
    const { body } = devicePanel(host, 'Patient monitor', 'monitor', 'patient-monitor');
    const vitals = el('div', 'grid2 vitals');
    const labs = el('div', 'grid3 labs');
    body.append(vitals, labs);
    this.r = readouts(vitals, labs);
  }

  update(s: Snapshot): void {
    const o = s.obs;
    const r = this.r;
    r.map.set(o.map_mmHg, 0, o.map_mmHg < MAP_TARGET_mmHg);
    r.hr.set(o.heart_rate_bpm, 0);
    // a pulse oximeter: no pulse, no number (sim/patient/gasExchange/deviceReadings.ts)
    if (!Number.isFinite(o.spo2_pct) && Number.isFinite(o.sao2_pct)) r.sao2.setText('no signal');
    else r.sao2.set(o.spo2_pct, 0, o.spo2_pct < SAO2_ALARM_pct);
    r.ne.set(o.norepinephrine_ug_kg_min, 2);
    r.il6.set(o.il6_pg_mL, 0);
    r.pct.set(o.pct_ng_mL, 1);
    r.crp.set(o.crp_mg_L, 0);
    r.paco2.set(o.paco2_mmHg, 0);
    r.albumin.set(o.albumin_g_L, 1);
    r.hct.set(o.hematocrit_pct, 1);
  }
}

function readouts(vitals: HTMLElement, labs: HTMLElement) {
  return {
    map: readout(vitals, 'monitor-map', 'MAP', 'mmHg', 'big'),
    hr: readout(vitals, 'monitor-hr', 'HR', 'bpm', 'big'),
    sao2: readout(vitals, 'monitor-sao2', 'SpO₂', '%', 'big'),
    ne: readout(vitals, 'monitor-norepinephrine', 'Norepinephrine', 'µg/kg/min', 'big'),
    il6: readout(labs, 'monitor-il6', 'IL-6', 'pg/mL'),
    pct: readout(labs, 'monitor-pct', 'PCT', 'ng/mL'),
    crp: readout(labs, 'monitor-crp', 'CRP', 'mg/L'),
    paco2: readout(labs, 'monitor-paco2', 'PaCO₂', 'mmHg'),
    albumin: readout(labs, 'monitor-albumin', 'Albumin', 'g/L'),
    hct: readout(labs, 'monitor-hct', 'Hct', '%'),
  };
}
