/**
 * The console's flow probe (sim/circuit/flowProbe.ts; training-reference.md, ECMO console): a reading, not the flow.
 * Lost signal ("SIG"): no number, the pump keeps running, flow mode holds its speed. Clipped on backwards: a negative
 * reading, flow mode runs the pump to its maximum. Reseating the probe ends both.
 */
import { describe, expect, it } from 'vitest';
import { monitorRun } from '../sim/alarms/monitorRun.js';
import { at, DEFAULT_ECMO, run, runWithTimeline, scenarioWithTimeline } from './helpers/scenarios.js';

const reseat = (time: string) => ({ at: time, set: { 'circuit.flowProbe.signalLost': false, 'circuit.flowProbe.reversed': false } });
const settings = { duration: '3 h', outputInterval: '0.05 h' };
const flowMode = { ...settings, 'circuit.pump.mode': 'flow', 'circuit.pump.targetFlow': '4.5 L/min', 'circuit.oxygenator.thrombusRate': '0.5 1/h' };

/** The alarms the consoles start between two times, with the monitor sampling each minute as the live view does. */
function alarmsStarted(timeline: unknown[], from_h: number, to_h: number): string[] {
  const { log } = monitorRun(scenarioWithTimeline(DEFAULT_ECMO, timeline, settings), 1 / 60);
  return log.filter((e) => e.kind === 'start' && e.t_h > from_h && e.t_h < to_h).map((e) => e.id);
}

describe('the flow probe in RPM mode: only the reading changes', () => {
  const untouched = run(DEFAULT_ECMO, settings);
  const reversing = [{ at: '1 h', fault: { kind: 'flow-probe-reversed' } }, reseat('2 h')];
  const losing = [{ at: '1 h', fault: { kind: 'flow-signal-lost' } }, reseat('2 h')];
  const reversed = runWithTimeline(DEFAULT_ECMO, reversing, settings);
  const lost = runWithTimeline(DEFAULT_ECMO, losing, settings);

  it('clipped on backwards it reads the pump flow with its sign reversed, and Flow low sounds; the circuit is untouched', () => {
    expect(at(reversed, 'console_flow_L_min', 0.5)).toBe(at(reversed, 'pump_flow_L_min', 0.5));
    expect(at(reversed, 'console_flow_L_min', 1.5)).toBe(-at(reversed, 'pump_flow_L_min', 1.5));
    // the same circuit: the events only split the solver's steps (within its tolerance)
    expect(at(reversed, 'pump_flow_L_min', 1.5)).toBeCloseTo(at(untouched, 'pump_flow_L_min', 1.5), 5);
    expect(at(reversed, 'pump_speed_rpm', 1.5)).toBe(at(untouched, 'pump_speed_rpm', 1.5));
    expect(alarmsStarted(reversing, 1, 1.1)).toContain('flowLow');
    expect(alarmsStarted([], 0, 3)).not.toContain('flowLow');
  });

  it('without its signal the console shows no flow and sounds Flow signal lost, not Flow low; the pump keeps running', () => {
    expect(at(lost, 'console_flow_L_min', 1.5)).toBeNaN();
    expect(at(lost, 'flow_no_signal', 1.5)).toBe(1);
    expect(at(lost, 'flow_no_signal', 0.5)).toBe(0);
    expect(at(lost, 'pump_flow_L_min', 1.5)).toBeCloseTo(at(untouched, 'pump_flow_L_min', 1.5), 5);
    const started = alarmsStarted(losing, 1, 1.1);
    expect(started).toContain('flowSignalLost');
    expect(started).not.toContain('flowLow');
  });

  it('a new console comes with its own probe, seated: the reading is the flow again', () => {
    const r = runWithTimeline(
      DEFAULT_ECMO,
      [
        { at: '1 h', fault: { kind: 'flow-probe-reversed' } },
        { at: '1.5 h', changeConsole: true },
      ],
      settings,
    );
    expect(at(r, 'console_flow_L_min', 1.25)).toBeLessThan(0);
    expect(at(r, 'console_flow_L_min', 2.5)).toBe(at(r, 'pump_flow_L_min', 2.5));
    expect(at(r, 'console_flow_L_min', 2.5)).toBeGreaterThan(3);
  });

  it('reseating the probe gives the reading back', () => {
    for (const r of [reversed, lost]) {
      expect(at(r, 'console_flow_L_min', 2.5)).toBe(at(r, 'pump_flow_L_min', 2.5));
      expect(at(r, 'flow_no_signal', 2.5)).toBe(0);
    }
  });
});

describe('the flow probe in flow mode: the controller acts on the reading', () => {
  // the oxygenator clots fast, so holding the flow needs more speed hour by hour (pumpModes.test.ts)
  const regulated = run(DEFAULT_ECMO, flowMode);

  it('reversed: the controller sees a negative flow however fast it turns, and runs the pump to its maximum speed', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '1 h', fault: { kind: 'flow-probe-reversed' } }, reseat('2 h')], flowMode);
    expect(at(r, 'pump_flow_L_min', 0.5)).toBeCloseTo(4.5, 6);
    expect(at(r, 'pump_speed_rpm', 1.5)).toBe(r.scenario.circuit!.pump.maxSpeed);
    expect(at(r, 'pump_flow_L_min', 1.5)).toBeGreaterThan(at(regulated, 'pump_flow_L_min', 1.5) + 0.5);
    expect(at(r, 'p_drainage_mmHg', 1.5)).toBeLessThan(at(regulated, 'p_drainage_mmHg', 1.5) - 50);
    // reseated: the target again
    expect(at(r, 'pump_flow_L_min', 2.5)).toBeCloseTo(4.5, 6);
  });

  it('signal lost: the console holds the speed it was turning at, so the flow falls as the oxygenator clots; reseated, it regulates again', () => {
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '1 h', fault: { kind: 'flow-signal-lost' } }, reseat('2 h')], flowMode);
    const held = r.events.find((e) => e.type === 'flow_signal_lost');
    expect(held?.t_h).toBeCloseTo(1, 9);
    expect(at(r, 'pump_speed_rpm', 1)).toBeCloseTo(at(regulated, 'pump_speed_rpm', 1), 3);
    expect(held?.reason).toContain(`${Math.round(at(regulated, 'pump_speed_rpm', 1))} rpm`);
    expect(at(r, 'pump_speed_rpm', 1.95)).toBe(at(r, 'pump_speed_rpm', 1.05));
    expect(at(regulated, 'pump_speed_rpm', 1.95)).toBeGreaterThan(at(regulated, 'pump_speed_rpm', 1.05) + 10);
    expect(at(r, 'pump_flow_L_min', 1.95)).toBeLessThan(4.5 - 0.02);
    expect(at(r, 'pump_flow_L_min', 2.5)).toBeCloseTo(4.5, 6);
  });
});
