/**
 * The live run the worker hosts: one Simulation advanced by speed × real elapsed time, the operator's commands,
 * trend samples on a fixed grid of simulated time, and the snapshot the page draws. Plain logic with no worker
 * globals, so it also runs under Node for tests. It reads the engine only through Simulation's public surface:
 * advanceTo, observe, events, set, act, and the settings in force (model.current, read only). It starts from a
 * resolved scenario: reading a scenario's text (zod, the unit parser, the schema's messages) is scenarioText.ts's,
 * which the worker loads only when the page sends a text other than the bundled default (engine.worker.ts).
 */
import { cannulaInnerDiameter_mm } from '../../sim/circuit/tube';
import { Simulation } from '../../sim/engine/simulation';
import { changeUnderway, CIRCUIT_DEVICE_WORDS, deviceRestartAt_h, type Model } from '../../sim/model/context';
import { ScenarioError } from '../../sim/scenario/errors';
import type { Scenario } from '../../sim/scenario/resolve';
import type { Observation } from '../../sim/engine/observe';
import { LiveAlarms } from './liveAlarms';
import { fmtClock } from '../format';
import {
  CLAMPS,
  STEP_h,
  TREND_INTERVAL_h,
  TREND_SERIES,
  type ClampPath,
  type Command,
  type FlagPath,
  type ScenarioInfo,
  type SettingPath,
  type SettingsView,
  type DeviceChangeView,
  type SimEventView,
  type Snapshot,
  type Speed,
  type TrendPoint,
} from '../protocol';

export type LoadResult = { ok: true; info: ScenarioInfo; runId: number } | { ok: false; message: string };

/** A grid time this close past the target still counts as reached (rounding of speed × elapsed). */
const GRID_EPS_h = 1e-9;
/** Simulated hours per real millisecond at speed 1. */
const H_PER_MS = 1 / 3_600_000;

export class LiveRun {
  running = false;
  speed: Speed = 60;
  private sim?: Simulation;
  private alarms?: LiveAlarms;
  private info?: ScenarioInfo;
  private runId = 0;
  private sentEvents = 0;
  private trendIndex = 0;
  private pendingTrend: TrendPoint[] = [];
  private halted?: string;
  /** The run reached the scenario's duration and stopped there. */
  private ended = false;
  /** The last observation read, shown if a later reading stops the engine. */
  private lastObservation: Record<string, number> | undefined;

  get loaded(): boolean {
    return this.sim !== undefined;
  }
  get time_h(): number {
    return this.sim?.time_h ?? 0;
  }

  /** Starts a resolved scenario; on any failure the running simulation, if there is one, stays as it was. */
  start(scenario: Scenario, source: string): LoadResult {
    let sim: Simulation;
    try {
      sim = new Simulation(scenario);
    } catch (e) {
      return { ok: false, message: e instanceof ScenarioError ? e.message : `${source}: ${(e as Error).message}` };
    }
    const s = sim.scenario;
    this.sim = sim;
    this.alarms = new LiveAlarms(() => sim.model.current.alarms);
    this.halted = undefined;
    this.ended = false;
    this.runId++;
    this.sentEvents = 0;
    this.trendIndex = 0;
    this.pendingTrend = [];
    this.info = {
      name: s.name,
      description: s.description,
      source,
      duration_h: s.duration_h,
      weight_kg: s.patient.weight,
      hasCircuit: s.circuit !== null,
      hasFilter: s.filter !== null,
    };
    this.sampleTrends(0);
    return { ok: true, info: this.info, runId: this.runId };
  }

  /** Advances by speed × elapsed real time when running. Returns an engine error message if the engine stopped. */
  advanceReal(elapsed_ms: number): string | undefined {
    if (!this.running || !this.sim) return undefined;
    return this.advanceBy(this.speed * elapsed_ms * H_PER_MS);
  }

  /** Runs one command; returns the message to show when the engine refuses it. */
  command(c: Exclude<Command, { type: 'load' }>): string | undefined {
    switch (c.type) {
      case 'run':
        if (this.halted) return `The engine stopped: ${this.halted}. Load a scenario to start again.`;
        if (this.ended) return this.endedMessage();
        this.running = true;
        return undefined;
      case 'pause':
        this.running = false;
        return undefined;
      case 'speed':
        this.speed = c.speed;
        return undefined;
      case 'step':
        if (this.halted) return `The engine stopped: ${this.halted}. Load a scenario to start again.`;
        if (this.ended) return this.endedMessage();
        this.running = false;
        return this.advanceBy(STEP_h);
    }
    const sim = this.sim;
    if (!sim) return 'No scenario is loaded.';
    if (c.type === 'acknowledge') return this.alarms!.acknowledge(c.id, sim.time_h);
    if (c.type === 'silence') return this.alarms!.silence(c.id, sim.time_h, c.minutes);
    try {
      switch (c.type) {
        case 'set':
          sim.set(c.path, c.value);
          break;
        case 'changeFilter':
          if (!sim.model.current.filter) return 'This scenario has no hemofilter.';
          if (sim.model.filter.status === 'changing')
            return `A filter change is under way: the new filter starts at ${sim.model.filter.restartAt_h.toFixed(2)} h. Nothing was changed.`;
          sim.act({ changeFilter: true, note: 'changed by the operator' });
          break;
        case 'changeOxygenator':
        case 'changeCircuit':
        case 'changeConsole':
        case 'changePumpHead': {
          if (!sim.model.current.circuit) return 'This scenario has no ECMO circuit.';
          const restart = deviceRestartAt_h(sim.model);
          if (restart < Infinity)
            return `A change of the circuit's devices is under way: the new device goes in at ${restart.toFixed(2)} h. Nothing was changed.`;
          sim.act({ [c.type]: true, note: 'changed by the operator' });
          break;
        }
        case 'heparinBolus':
          sim.act({ heparinBolus_U: c.units });
          break;
        case 'fault':
          sim.act({ fault: c.fault });
          break;
      }
    } catch (e) {
      return e instanceof ScenarioError ? e.message : `Refused: ${(e as Error).message}`;
    }
    return undefined;
  }

  /** Everything the page needs now; events and trend samples are handed over once. */
  snapshot(): Snapshot | undefined {
    const sim = this.sim;
    if (!sim || !this.info) return undefined;
    let obs: Record<string, number>;
    try {
      obs = sim.observe() as unknown as Record<string, number>;
      this.lastObservation = obs;
    } catch (e) {
      // The engine found the state beyond its physiology while reading it: stop, and keep showing the last reading.
      this.running = false;
      this.halted ??= (e as Error).message;
      obs = this.lastObservation ?? {};
    }
    const fresh = sim.events.slice(this.sentEvents);
    this.sentEvents = sim.events.length;
    const alarms = this.alarms!;
    // each snapshot is the alarm monitor's sample: the reading shown and the events since the previous one
    if (!this.halted) alarms.update(sim.time_h, obs as unknown as Observation, fresh);
    const newEvents: SimEventView[] = fresh.map((e) => ({ t_h: e.t_h, type: e.type, reason: e.reason, value: e.value }));
    const trend = this.pendingTrend;
    this.pendingTrend = [];
    return {
      runId: this.runId,
      t_h: sim.time_h,
      running: this.running,
      ended: this.ended,
      speed: this.speed,
      obs,
      settings: settingsView(sim),
      newEvents,
      trend,
      alarms: alarms.shown(),
      alarmLog: alarms.takeLog(),
      consoleStatus: alarms.consoleStatus(),
    };
  }

  private advanceBy(dt_h: number): string | undefined {
    const sim = this.sim;
    if (!sim || this.halted || this.ended) return undefined;
    // the run stops at the scenario's end, never beyond it
    const end_h = sim.scenario.duration_h;
    const target = Math.min(sim.time_h + dt_h, end_h);
    try {
      // Trend samples fall exactly on their grid: advance to each grid time, read, go on.
      for (let t = this.nextTrendTime(); t <= target + GRID_EPS_h; t = this.nextTrendTime()) {
        sim.advanceTo(t);
        this.sampleTrends(t);
      }
      sim.advanceTo(target);
      if (target >= end_h) {
        this.running = false;
        this.ended = true;
      }
    } catch (e) {
      this.running = false;
      this.halted = (e as Error).message;
      return `The engine stopped at ${sim.time_h.toFixed(2)} h: ${this.halted}`;
    }
    return undefined;
  }

  private endedMessage(): string {
    return `The scenario ended at ${fmtClock(this.info?.duration_h ?? 0)}. Restart it or load another scenario to go on.`;
  }

  private nextTrendTime(): number {
    return this.trendIndex * TREND_INTERVAL_h;
  }

  private sampleTrends(t_h: number): void {
    const obs = this.sim!.observe() as unknown as Record<string, number>;
    this.pendingTrend.push({ t_h, values: TREND_SERIES.map((k) => (typeof obs[k] === 'number' ? obs[k] : NaN)) });
    this.trendIndex = Math.floor(t_h / TREND_INTERVAL_h + 1e-9) + 1;
  }
}

/** The settings in force now, in display units (a training session shows them as the live page does). */
export function settingsView(sim: Simulation): SettingsView {
  const cur = sim.model.current;
  const c = cur.circuit;
  const f = cur.filter;
  const rx = cur.prescription;
  const values: Record<SettingPath, number> = {
    'circuit.pump.speed': c ? c.pump.speed : NaN,
    'circuit.oxygenator.sweepGas': c ? c.oxygenator.sweepGas : NaN,
    'circuit.oxygenator.fio2': c ? 100 * c.oxygenator.fio2 : NaN,
    'prescription.filterBloodFlow': f ? rx.filterBloodFlow : NaN,
    'prescription.effluentDose': f ? rx.effluentDose : NaN,
    'prescription.predilutionFraction': f ? 100 * rx.predilutionFraction : NaN,
    'prescription.netUltrafiltration': f ? rx.netUltrafiltration : NaN,
    'prescription.heparin.infusion': rx.heparin.infusion,
  };
  const clamps = Object.fromEntries(
    (Object.keys(CLAMPS) as ClampPath[]).map((p) => [p, c ? Boolean(c.clamps[p.split('.')[2] as keyof typeof c.clamps]) : false]),
  ) as Record<ClampPath, boolean>;
  const flags: Record<FlagPath, boolean> = { 'circuit.oxygenator.sweepTitration.titrate': c ? c.oxygenator.sweepTitration.titrate : false };
  return {
    values,
    clamps,
    flags,
    heparinTitrate: rx.heparin.titrate,
    apttTarget_s: [rx.heparin.targetLow, rx.heparin.targetHigh],
    drainageCannula_Fr: c ? c.drainageCannula.size : NaN,
    returnCannula_Fr: c ? c.returnCannula.size : NaN,
    drainageCannulaId_mm: c ? cannulaInnerDiameter_mm(c.drainageCannula.size, c.drainageCannula.wallThickness) : NaN,
    returnCannulaId_mm: c ? cannulaInnerDiameter_mm(c.returnCannula.size, c.returnCannula.wallThickness) : NaN,
    tubingId_mm: c ? c.tubing.innerDiameter : NaN,
    limbLineId_mm: c ? c.filterLimb.lineInnerDiameter : NaN,
    kufClean_mL_h_mmHg: f ? f.ultrafiltrationCoefficient : NaN,
    tmpLimit_mmHg: rx.filterChange.tmpLimit,
    filterMaxHours_h: rx.filterChange.maxHours,
    deviceChange: deviceChangeView(sim.model),
  };
}

/** The change of a circuit device under way (changeUnderway), as the page reads it, or null. */
function deviceChangeView(m: Model): DeviceChangeView | null {
  const d = changeUnderway(m);
  return d && { device: d.device, name: CIRCUIT_DEVICE_WORDS[d.device].name, since_h: d.t_h, restart_h: d.restart_h };
}
