/**
 * Discrete events between integration segments: scheduled setting changes and boluses, aPTT checks with heparin
 * titration, filter changes (TMP limit located by the solver, maximum age, manual) and the downtime that follows.
 */
import { nextNorepinephrineDose } from '../patient/hemodynamics/norepinephrineTitration.js';
import { prescriptionProblem } from '../filter/feasibility.js';
import { filterPrescription } from '../filter/operatingPoint.js';
import { ScenarioError } from '../scenario/errors.js';
import { settingsConsistencyIssues, type TimelineEntry } from '../scenario/resolve.js';
import { EngineError } from './errors.js';
import { deriveForChecks, deriveNow, type ComposedModel, type Model } from './model.js';
import { applySetting } from './settings.js';
import { LAYOUT } from './models.js';
import { filterTmp_mmHg } from '../filter/filterNow.js';

export type EventType =
  'filter_change' | 'filter_start' | 'setting_change' | 'heparin_bolus' | 'aptt_check' | 'heparin_titration' | 'norepinephrine_titration' | 'fault';

/** What a timeline entry or an operator's command does (a timeline entry without its time). */
export type Action = Omit<TimelineEntry, 'at_h' | 'index'>;

export interface SimEvent {
  t_h: number;
  type: EventType;
  reason: string;
  /** The measured value behind a check (aPTT in s for aptt_check and heparin_titration), for readers of the log. */
  value?: number;
}

const EPS_h = 1e-9;
/** The states events write: boluses, faults, a new filter's clean membrane. */
const SLOT = {
  heparin_U: LAYOUT.slot('heparin_U'),
  heparinInfused_U: LAYOUT.slot('heparinInfused_U'),
  oxygenatorThrombus: LAYOUT.slot('oxygenatorThrombus'),
  proteinLayerCoverage: LAYOUT.slot('proteinLayerCoverage'),
  cakeResistance: LAYOUT.slot('cakeResistance'),
  clottedFraction: LAYOUT.slot('clottedFraction'),
};
/** The most a filter's fibres can be clotted in the model: the rest keeps its pressures finite. */
const MAX_CLOTTED_FRACTION = 0.999;
/** A milestone the summary reads: the cohort's 24 h data point. */
export const SUMMARY_TIME_h = 24;
const fmt = (v: number, d = 1) => (Math.round(v * 10 ** d) / 10 ** d).toString();

export class EventScheduler {
  readonly events: SimEvent[] = [];
  private timelineIndex = 0;
  private nextCheck_h: number;
  private nextPressorCheck_h: number;

  private readonly m: Model;

  constructor(private readonly c: ComposedModel) {
    const m = c.m;
    this.m = m;
    this.nextCheck_h = m.current.prescription.heparin.checkInterval;
    this.nextPressorCheck_h = m.current.prescription.norepinephrine.interval;
  }

  /** Checks the starting settings and applies anything scheduled at time zero. */
  start(t: number, y: number[]): void {
    this.checkFilterable(t, y, 'prescription');
    this.apply(t, y);
  }

  nextTime(): number {
    const m = this.m;
    // The periodic checks are not here: the solver evaluates them inside its steps (nextCheckTime, checksWouldAct)
    // and stops only where one would change a setting, so a check that changes nothing costs no restart.
    const times = [Infinity];
    const tl = m.current.timeline[this.timelineIndex];
    if (tl) times.push(tl.at_h);
    if (m.filter.status === 'running') times.push(m.filter.installedAt_h + m.current.prescription.filterChange.maxHours);
    if (m.filter.status === 'changing') times.push(m.filter.restartAt_h);
    return Math.min(...times.filter((x) => x > this.lastTime + EPS_h));
  }

  private lastTime = -Infinity;

  /** Applies every event due at t; y is changed in place (boluses, a new filter). */
  apply(t: number, y: number[]): void {
    const m = this.m;
    this.lastTime = t;
    if (m.filter.status === 'changing' && t >= m.filter.restartAt_h - EPS_h) this.startFilter(t);
    for (let e = m.current.timeline[this.timelineIndex]; e && e.at_h <= t + EPS_h; e = m.current.timeline[++this.timelineIndex]) {
      this.perform(t, y, e, `timeline[${e.index}].set`);
    }
    if (m.filter.status === 'running' && t >= m.filter.installedAt_h + m.current.prescription.filterChange.maxHours - EPS_h) {
      this.changeFilter(t, y, `maximum filter age ${fmt(m.current.prescription.filterChange.maxHours)} h reached`);
    }
    this.runDueChecks(t, y);
    const tmp = this.tmpAt(t, y);
    if (tmp !== null && tmp >= m.current.prescription.filterChange.tmpLimit) {
      if (m.filter.installedAt_h === t) {
        throw new EngineError(
          `at ${fmt(t, 2)} h a new filter already needs a TMP of ${fmt(tmp)} mmHg, at or above the ${fmt(m.current.prescription.filterChange.tmpLimit)} mmHg limit: it would be changed again at once`,
        );
      }
      this.tmpLimitReached(t, y);
    }
  }

  /**
   * Performs one action now: setting changes, a heparin bolus, a fault, a manual filter change. The timeline's
   * entries and the operator's live commands both come through here. `path` names the action in error messages.
   */
  perform(t: number, y: number[], e: Action, path: string): void {
    const m = this.m;
    for (const change of e.set) {
      const { from, to } = applySetting(m, change);
      this.events.push({ t_h: t, type: 'setting_change', reason: `${change.path}: ${String(from)} → ${String(to)}${e.note ? ` (${e.note})` : ''}` });
    }
    if (e.set.length) {
      const broken = settingsConsistencyIssues(m.current);
      if (broken.length) {
        throw new ScenarioError(
          `scenario "${m.scenario.name}"`,
          broken.map((i) => ({ path: `${path}: ${i.path}`, message: `from ${fmt(t, 2)} h ${i.message}` })),
        );
      }
      this.checkFilterable(t, y, path);
    }
    if (e.heparinBolus_U !== undefined) {
      y[SLOT.heparin_U] += e.heparinBolus_U;
      y[SLOT.heparinInfused_U] += e.heparinBolus_U;
      this.events.push({ t_h: t, type: 'heparin_bolus', reason: `${fmt(e.heparinBolus_U, 0)} U` });
    }
    if (e.fault) this.injectFault(t, y, e.fault);
    if (e.changeFilter && m.filter.status === 'running') this.changeFilter(t, y, e.note ?? 'manual change (timeline)');
  }

  /** Training faults: a clotted filter (changed at once if it can no longer pass the prescription), oxygenator thrombus. */
  private injectFault(t: number, y: number[], fault: { filterClot?: number; oxygenatorThrombus?: number }): void {
    const m = this.m;
    if (fault.oxygenatorThrombus !== undefined) {
      y[SLOT.oxygenatorThrombus] += fault.oxygenatorThrombus;
      this.events.push({ t_h: t, type: 'fault', reason: `oxygenator thrombus: resistance +${fmt(100 * fault.oxygenatorThrombus, 0)} %` });
    }
    if (fault.filterClot !== undefined && m.filter.status === 'running') {
      // A filter cannot be more than fully clotted; keep a sliver open so its pressures stay finite.
      y[SLOT.clottedFraction] = Math.min(Math.max(y[SLOT.clottedFraction], fault.filterClot), MAX_CLOTTED_FRACTION);
      this.events.push({ t_h: t, type: 'fault', reason: `filter clotted: ${fmt(100 * fault.filterClot, 0)} % of fibres` });
      const tmp = this.tmpAt(t, y);
      if (tmp !== null && tmp >= m.current.prescription.filterChange.tmpLimit)
        this.changeFilter(t, y, `filter clotted (${fmt(100 * fault.filterClot, 0)} % of fibres)`);
    }
  }

  /** A prescription changed by the timeline must still be one a new filter can run (sim/filter/feasibility.ts). */
  private checkFilterable(t: number, y: number[], path: string): void {
    const m = this.m;
    const f = m.current.filter;
    if (!f) return;
    const rx = m.current.prescription;
    const blood = deriveNow(this.c, t, y).blood;
    const problem = prescriptionProblem(
      filterPrescription(rx, m.weight_kg),
      blood.hematocrit,
      blood.totalProtein_g_L,
      f.ultrafiltrationCoefficient,
      rx.filterChange.tmpLimit,
    );
    if (problem)
      throw new ScenarioError(`scenario "${m.scenario.name}"`, [
        { path, message: `the prescription from ${fmt(t, 2)} h (effluentDose ${fmt(rx.effluentDose)} mL/kg/h): ${problem}` },
      ]);
  }

  /** The solver located TMP reaching the limit at t. */
  tmpLimitReached(t: number, y: number[]): void {
    const tmp = this.tmpAt(t, y) ?? NaN;
    this.changeFilter(t, y, `TMP ${fmt(tmp)} mmHg reached the limit of ${fmt(this.m.current.prescription.filterChange.tmpLimit)} mmHg`);
  }

  private changeFilter(t: number, y: number[], reason: string): void {
    const m = this.m;
    this.events.push({ t_h: t, type: 'filter_change', reason });
    m.filter.status = 'changing';
    m.filter.restartAt_h = t + m.current.prescription.filterChange.downtime;
    y[SLOT.proteinLayerCoverage] = 0;
    y[SLOT.cakeResistance] = 0;
    y[SLOT.clottedFraction] = 0;
    if (m.current.prescription.filterChange.downtime <= 0) this.startFilter(t);
  }

  private startFilter(t: number): void {
    const m = this.m;
    m.filter.status = 'running';
    m.filter.installedAt_h = t;
    m.filter.restartAt_h = Infinity;
    m.filter.filtersUsed++;
    this.events.push({ t_h: t, type: 'filter_start', reason: `filter ${m.filter.filtersUsed} primed and running` });
  }

  /** The time of the next periodic check (aPTT, norepinephrine titration). */
  nextCheckTime(): number {
    return Math.min(this.nextCheck_h, this.nextPressorCheck_h);
  }

  /** Whether the checks due at t would change a setting; then the integration must stop at t. */
  checksWouldAct(t: number, y: ArrayLike<number>): boolean {
    const m = this.m;
    if (t >= this.nextCheck_h - EPS_h) {
      const h = m.current.prescription.heparin;
      const aptt = deriveNow(this.c, t, y).heparin.aptt_s;
      if (h.titrate && (aptt < h.targetLow || aptt > h.targetHigh)) return true;
    }
    if (t >= this.nextPressorCheck_h - EPS_h) {
      const rule = m.current.prescription.norepinephrine;
      const dose = m.current.patient.hemodynamics.norepinephrine;
      if (rule.titrate && nextNorepinephrineDose({ ...rule, minDose: 0 }, this.mapAt(t, y), dose) !== dose) return true;
    }
    return false;
  }

  /** Performs every periodic check due at t (logging it) and schedules the next ones. */
  runDueChecks(t: number, y: number[]): void {
    const m = this.m;
    if (t >= this.nextCheck_h - EPS_h) {
      this.checkAptt(t, y);
      this.nextCheck_h += m.current.prescription.heparin.checkInterval;
    }
    if (t >= this.nextPressorCheck_h - EPS_h) {
      this.titrateNorepinephrine(t, y);
      this.nextPressorCheck_h += m.current.prescription.norepinephrine.interval;
    }
  }

  private mapAt(t: number, y: ArrayLike<number>): number {
    return deriveForChecks(this.c, t, y).hemodynamics.map_mmHg;
  }

  /** TMP at a state, or null when no filter is filtering: what the filter-change rule watches. */
  tmpAt(t: number, y: ArrayLike<number>): number | null {
    const fn = deriveNow(this.c, t, y).filter;
    return fn ? filterTmp_mmHg(this.m, fn) : null;
  }

  private titrateNorepinephrine(t: number, y: number[]): void {
    const m = this.m;
    const rule = m.current.prescription.norepinephrine;
    const hemo = m.current.patient.hemodynamics;
    if (!rule.titrate) return;
    const map = this.mapAt(t, y);
    const next = nextNorepinephrineDose({ ...rule, minDose: 0 }, map, hemo.norepinephrine);
    if (next === hemo.norepinephrine) return;
    const side = next > hemo.norepinephrine ? `below ${fmt(rule.escalateBelow)}` : `above ${fmt(rule.weanAbove)}`;
    this.events.push({
      t_h: t,
      type: 'norepinephrine_titration',
      reason: `MAP ${fmt(map)} mmHg ${side}: norepinephrine ${fmt(hemo.norepinephrine, 3)} → ${fmt(next, 3)} µg/kg/min`,
    });
    hemo.norepinephrine = next;
  }

  private checkAptt(t: number, y: number[]): void {
    const m = this.m;
    const h = m.current.prescription.heparin;
    const aptt = deriveNow(this.c, t, y).heparin.aptt_s;
    if (!h.titrate || (aptt >= h.targetLow && aptt <= h.targetHigh)) {
      this.events.push({ t_h: t, type: 'aptt_check', reason: `aPTT ${fmt(aptt)} s${h.titrate ? ' in target' : ''}`, value: aptt });
      return;
    }
    const before = h.infusion;
    h.infusion = aptt < h.targetLow ? Math.min(before + h.titrationStep, h.maxInfusion) : Math.max(before - h.titrationStep, 0);
    const side = aptt < h.targetLow ? `below ${fmt(h.targetLow)}` : `above ${fmt(h.targetHigh)}`;
    this.events.push({
      t_h: t,
      type: 'heparin_titration',
      reason: `aPTT ${fmt(aptt)} s ${side} s: infusion ${fmt(before, 0)} → ${fmt(h.infusion, 0)} U/h`,
      value: aptt,
    });
  }
}
