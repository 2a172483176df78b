/**
 * A headless run with the alarm monitor watching: the scenario's Simulation is advanced to its end and a
 * sampler reads the dense solution every `every_h` (the console's view of the patient each simulated minute,
 * say), handing the monitor each observation and the events logged since the previous sample. Returns the alarm
 * log, for tests and for the `train` command.
 */
import type { Scenario } from '../scenario/resolve.js';
import { observe } from '../engine/observe.js';
import { Simulation, type Sampler } from '../engine/simulation.js';
import { AlarmMonitor, type AlarmLogEntry } from './monitor.js';

const TIME_EPS_h = 1e-9;

/** Samples at k·every_h up to the end; the events logged up to a sample reach the monitor with it. */
class AlarmSampler implements Sampler {
  private k = 0;
  private seen = 0;
  constructor(
    private readonly sim: Simulation,
    private readonly monitor: AlarmMonitor,
    private readonly every_h: number,
    private readonly end_h: number,
  ) {}
  due(): number {
    const t = this.k * this.every_h;
    return t <= this.end_h + TIME_EPS_h ? t : Infinity;
  }
  take(t: number, stateAt: (t: number) => number[]): void {
    for (let ts = this.due(); ts <= t + TIME_EPS_h; ts = this.due()) {
      const o = observe(this.sim.composed, ts, stateAt(ts));
      const events = this.sim.events;
      let upTo = this.seen;
      while (upTo < events.length && events[upTo].t_h <= ts + TIME_EPS_h) upTo++;
      this.monitor.update(ts, o, events.slice(this.seen, upTo));
      this.seen = upTo;
      this.k++;
    }
  }
}

export interface MonitorRunResult {
  log: AlarmLogEntry[];
  monitor: AlarmMonitor;
  simulation: Simulation;
}

/** Runs `scenario` to its end with an alarm monitor sampling every `every_h` (h). */
export function monitorRun(scenario: Scenario, every_h: number): MonitorRunResult {
  if (!(every_h > 0) || !Number.isFinite(every_h)) throw new RangeError(`monitorRun: got every_h = ${every_h}; expected a positive interval in hours`);
  const sim = new Simulation(scenario);
  const monitor = new AlarmMonitor(() => sim.model.current.alarms);
  const sampler = new AlarmSampler(sim, monitor, every_h, scenario.duration_h);
  sampler.take(0, () => sim.state.slice());
  sim.advanceTo(scenario.duration_h, sampler);
  return { log: monitor.log, monitor, simulation: sim };
}
