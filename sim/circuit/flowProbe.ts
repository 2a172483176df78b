/**
 * The ECMO console's flow probe: an ultrasonic clamp-on sensor on the line after the pump, the console's only
 * measure of blood flow. What it shows is a reading, not the flow itself, and two faults of the probe are standard
 * in training (training-reference.md, ECMO console):
 * - signal lost ("SIG" on a Rotaflow): the probe has lost acoustic coupling to the tubing (it needs gel) and shows
 *   no number; the pump keeps running [S2: hospital guideline, training-reference.md];
 * - clipped on backwards: the probe reads the flow with its sign reversed, a negative flow [S2: course and hospital
 *   guideline, training-reference.md].
 * Reseating the probe (gel, the arrow with the flow) ends both.
 *
 * Flow mode runs on this reading (circuitNow.ts, pumpSpeedNow). A controller that reads −Q where it wants +Q sees
 * its error grow with every rpm it adds and drives the pump to its maximum speed; a controller with no reading cannot
 * regulate and turns at the set speed, which the console takes from the speed it was turning at when the signal went
 * (circuit part, `perform`) [E: what a flow controller does with a reversed or a missing measurement; the consoles'
 * own fallbacks are not published].
 */
import { fmt, type EventLog } from '../model/events.js';
import type { Model } from '../model/context.js';

type CircuitSettings = NonNullable<Model['current']['circuit']>;

export interface FlowProbeSettings {
  readonly signalLost: boolean;
  readonly reversed: boolean;
}

/** What the console shows of a flow through the probe (any unit): nothing (NaN) without a signal, −flow reversed. */
export function flowProbeReading(flow: number, probe: FlowProbeSettings): number {
  if (probe.signalLost) return NaN;
  return probe.reversed ? -flow : flow;
}

/** How flow mode's controller reads the probe: 'none' without a signal, 'reversed' clipped on backwards. */
export function flowModeSignal(probe: FlowProbeSettings): 'ok' | 'none' | 'reversed' {
  if (probe.signalLost) return 'none';
  return probe.reversed ? 'reversed' : 'ok';
}

/**
 * After an action: a signal lost while flow mode runs (it was there before the action) leaves the console holding the
 * speed it was turning at, which becomes the set speed, and the log says so. `turning` solves the circuit now; it is
 * asked with the signal put back for that one solve, so flow mode answers with the speed its reading gave until now.
 * Returns whether the signal is lost, for the next action.
 */
function holdSpeedIfSignalLost(c: CircuitSettings, wasLost: boolean, turning: () => number | undefined, log: EventLog): boolean {
  const probe = c.flowProbe;
  if (probe.signalLost && !wasLost && c.pump.mode === 'flow') {
    probe.signalLost = false;
    const speed = turning();
    probe.signalLost = true;
    if (speed !== undefined) {
      c.pump.speed = speed;
      log('flow_signal_lost', `flow signal lost in flow mode: the console holds ${fmt(speed, 0)} rpm`);
    }
  }
  return probe.signalLost;
}

/** A run's watch on the probe's signal: called after each action, it holds flow mode's speed when the signal goes. */
export function flowSignalWatch(m: Model): (turning: () => number | undefined, log: EventLog) => void {
  let wasLost = m.current.circuit?.flowProbe.signalLost ?? false;
  return (turning, log) => {
    const c = m.current.circuit;
    if (c) wasLost = holdSpeedIfSignalLost(c, wasLost, turning, log);
  };
}

/** The console's flow reading and its no-signal flag, from the pump flow already observed (NaN without a probe). */
export function observeFlowProbe(out: Record<string, number>, probe: FlowProbeSettings | null): void {
  out.console_flow_L_min = probe ? flowProbeReading(out.pump_flow_L_min, probe) : NaN;
  out.flow_no_signal = probe ? (probe.signalLost ? 1 : 0) : NaN;
}
