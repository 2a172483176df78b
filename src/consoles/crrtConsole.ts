/** The CRRT console: the limb's pressures, TMP, ΔP, filtration fraction, effluent and dose, filter hours. */
import { CLOTTED_WARNING_pct, FILTER_AGE_WARNING_h, FILTRATION_FRACTION_LIMIT, TMP_WARNING_FRACTION } from './alarmLimits';
import type { ScenarioInfo, SimEventView, Snapshot } from '../protocol';
import { devicePanel, el, readout } from './panel';

export class CrrtConsole {
  private readonly status: HTMLElement;
  private readonly r: ReturnType<typeof readouts>;
  private info?: ScenarioInfo;
  private filterChanges = 0;

  constructor(host: HTMLElement) {
    const { body, status } = devicePanel(host, 'CRRT', 'crrt', 'crrt-console');
    this.status = status;
    const grid = el('div', 'grid2');
    body.append(grid);
    this.r = readouts(grid);
  }

  setScenario(info: ScenarioInfo): void {
    this.info = info;
    this.filterChanges = 0;
    this.status.textContent = info.hasFilter ? '' : 'no hemofilter';
  }

  events(events: SimEventView[]): void {
    this.filterChanges += events.filter((e) => e.type === 'filter_change').length;
  }

  update(s: Snapshot): void {
    const o = s.obs;
    const r = this.r;
    const limit = s.settings.tmpLimit_mmHg;
    r.blood.set(o.filter_blood_flow_mL_min, 0);
    r.hours.set(o.filter_age_h, 1, o.filter_age_h > s.settings.filterMaxHours_h - FILTER_AGE_WARNING_h);
    r.access.set(o.p_access_mmHg, 0);
    r.filter.set(o.p_filter_in_mmHg, 0);
    r.ret.set(o.p_filter_out_mmHg, 0);
    r.eff.set(o.p_effluent_mmHg, 0);
    r.tmp.set(o.tmp_mmHg, 0, o.tmp_mmHg > TMP_WARNING_FRACTION * limit);
    r.tmp.setNote(Number.isFinite(limit) ? `limit ${limit.toFixed(0)}` : '');
    r.dp.set(o.dp_filter_mmHg, 0);
    r.ff.set(100 * o.filtration_fraction, 1, o.filtration_fraction > FILTRATION_FRACTION_LIMIT);
    r.rate.set(o.effluent_rate_mL_h, 0);
    r.dose.set(o.delivered_dose_mL_kg_h, 1);
    r.dose.setNote(this.info?.hasFilter ? `set ${s.settings.values['prescription.effluentDose'].toFixed(0)}` : '');
    r.clotted.set(o.filter_clotted_pct, 0, o.filter_clotted_pct > CLOTTED_WARNING_pct);
    if (!this.info?.hasFilter) return;
    const running = Number.isFinite(o.filter_age_h);
    const state = running
      ? 'running'
      : s.settings.clamps['circuit.clamps.filterLimb']
        ? 'limb clamped'
        : s.settings.values['prescription.filterBloodFlow'] <= 0
          ? 'blood pump off'
          : 'changing filter';
    this.status.textContent = `filter ${this.filterChanges + 1} · ${state}`;
    this.status.classList.toggle('alert', !running);
  }
}

function readouts(grid: HTMLElement) {
  return {
    blood: readout(grid, 'crrt-blood-flow', 'Blood flow', 'mL/min'),
    hours: readout(grid, 'crrt-filter-hours', 'Filter hours', 'h'),
    access: readout(grid, 'crrt-p-access', 'P access', 'mmHg'),
    tmp: readout(grid, 'crrt-tmp', 'TMP', 'mmHg'),
    filter: readout(grid, 'crrt-p-filter', 'P filter', 'mmHg'),
    dp: readout(grid, 'crrt-dp-filter', 'ΔP filter', 'mmHg'),
    ret: readout(grid, 'crrt-p-return', 'P return', 'mmHg'),
    ff: readout(grid, 'crrt-filtration-fraction', 'Filtr. fraction', '%'),
    eff: readout(grid, 'crrt-p-effluent', 'P effluent', 'mmHg'),
    rate: readout(grid, 'crrt-effluent-rate', 'Effluent', 'mL/h'),
    dose: readout(grid, 'crrt-dose', 'Delivered dose', 'mL/kg/h'),
    clotted: readout(grid, 'crrt-clotted', 'Fibres clotted', '%'),
  };
}
