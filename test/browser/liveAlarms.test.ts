/**
 * The live run's alarms under Node (src/engine/liveAlarms.ts through LiveRun): the snapshot carries the alarm
 * monitor's shown alarms and each console's light, acknowledge and silence reach the monitor, a refusal comes back
 * as a message, and the monitor's log reaches the event log as "alarm" entries.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveRun } from '../../src/engine/liveRun';
import { loadText } from '../../src/engine/scenarioText';
import { ALARM_EVENT_TYPE, alarmEvent } from '../../src/engine/liveAlarms';
import { categoryOf } from '../../src/consoles/eventText';
import type { AlarmView, Snapshot } from '../../src/protocol';
import { alarmMarks } from '../../src/alarms/banner';
import { readoutPriorities } from '../../src/alarms/lights';
import { PATTERNS, soundingPriority } from '../../src/alarms/sound';
import { ALARM_COLOUR, tagAlarm } from '../../src/view/tagAlarm';

const ROOT = resolve(import.meta.dirname, '../..');
const ECMO = readFileSync(join(ROOT, 'scenarios/ecmo-hvhf-default.json'), 'utf8');

/** A shown alarm as the snapshot carries it: active, sounding, on the ECMO console, unless `more` says otherwise. */
const view = (id: string, priority: AlarmView['priority'], more: Partial<AlarmView> = {}): AlarmView => ({
  id,
  title: id,
  console: 'ecmo',
  priority,
  status: 'active',
  acknowledged: false,
  audible: true,
  since_h: 0,
  silencedUntil_h: null,
  series: [],
  ...more,
});

function loaded(): LiveRun {
  const run = new LiveRun();
  expect(loadText(run, ECMO, 'ecmo-hvhf-default.json').ok).toBe(true);
  return run;
}

const flowLow = (s: Snapshot) => s.alarms.find((a) => a.id === 'flowLow');
const alarmReasons = (s: Snapshot) => s.alarmLog.filter((e) => e.type === ALARM_EVENT_TYPE).map((e) => e.reason);

describe('the live run holds an alarm monitor', () => {
  it('a clamped drainage line raises "Flow low" (high priority), the ECMO light turns red, and unclamping clears it', () => {
    const run = loaded();
    const s0 = run.snapshot()!;
    expect(flowLow(s0)).toBeUndefined();
    expect(s0.consoleStatus.ecmo).toBe('green');
    run.command({ type: 'set', path: 'circuit.clamps.drainageLine', value: true });
    run.command({ type: 'step' });
    const s1 = run.snapshot()!;
    expect(flowLow(s1)).toMatchObject({ title: 'Flow low', console: 'ecmo', priority: 'high', status: 'active', audible: true, acknowledged: false });
    expect(s1.alarms[0].priority).toBe('high'); // highest priority first
    expect(s1.consoleStatus.ecmo).toBe('red');
    expect(alarmReasons(s1)).toContain('Flow low (high priority) started');
    run.command({ type: 'set', path: 'circuit.clamps.drainageLine', value: false });
    run.command({ type: 'step' });
    const s2 = run.snapshot()!;
    expect(flowLow(s2)).toBeUndefined();
    expect(alarmReasons(s2)).toContain('Flow low (high priority) cleared');
  });

  it('acknowledge stops the sound; silence marks it until its time has passed; refusals are messages', () => {
    const run = loaded();
    run.command({ type: 'set', path: 'circuit.clamps.drainageLine', value: true });
    run.command({ type: 'step' });
    const t = run.snapshot()!.t_h;
    expect(run.command({ type: 'silence', id: 'flowLow', minutes: 2 })).toBeUndefined();
    const silenced = flowLow(run.snapshot()!)!;
    expect(silenced.silencedUntil_h).toBeCloseTo(t + 2 / 60, 9);
    expect(silenced.audible).toBe(false);
    run.command({ type: 'step' }); // 15 simulated min: past the 2 min
    const after = run.snapshot()!;
    expect(flowLow(after)).toMatchObject({ silencedUntil_h: null, audible: true });
    expect(alarmReasons(after)).toContain('Flow low (high priority) sounding again after its silence');
    expect(run.command({ type: 'acknowledge', id: 'flowLow' })).toBeUndefined();
    expect(flowLow(run.snapshot()!)).toMatchObject({ acknowledged: true, audible: false, status: 'active' });
    expect(run.command({ type: 'silence', id: 'flowLow', minutes: 5 })).toMatch(
      /^Alarm: silence: 5 min is longer than the device allows for "Flow low" \(at most 2 min\)/,
    );
    expect(run.command({ type: 'acknowledge', id: 'nonsense' })).toMatch(/^Alarm: no alarm "nonsense"; expected one of drainagePressureLow, /);
    expect(run.command({ type: 'acknowledge', id: 'bubbleDetected' })).toMatch(/is not shown/);
  });

  it('alarm log entries are worded for the event log and filed under its alarms category', () => {
    const e = alarmEvent({ t_h: 1.5, id: 'flowLow', kind: 'silenced', priority: 'high', value: 350 });
    expect(e).toEqual({ t_h: 1.5, type: 'alarm', reason: 'Flow low (high priority) silenced', value: 350 });
    expect(alarmEvent({ t_h: 0, id: 'bloodLeak', kind: 'start', priority: 'high', value: NaN })).not.toHaveProperty('value');
    expect(categoryOf(ALARM_EVENT_TYPE)).toBe('alarms');
  });
});

describe('the page side of the alarms (pure functions)', () => {
  it('the sound is the highest audible priority, and none while paused or muted', () => {
    const alarms = [view('flowLow', 'high', { acknowledged: true, audible: false }), view('drainagePressureLow', 'medium'), view('filterClotting', 'low')];
    expect(soundingPriority(alarms, true, false)).toBe('medium');
    expect(soundingPriority(alarms, false, false)).toBeNull();
    expect(soundingPriority(alarms, true, true)).toBeNull();
    expect(soundingPriority([], true, false)).toBeNull();
    expect(PATTERNS.high.pulses).toHaveLength(10);
    expect(PATTERNS.medium.pulses).toHaveLength(3);
    expect(PATTERNS.low.pulses.length).toBeLessThanOrEqual(2);
  });

  it('a readout takes the colour of its highest active alarm; a latched (cleared) one does not colour it', () => {
    const marked = readoutPriorities([view('flowLow', 'high'), view('flowHigh', 'medium'), view('drainagePressureLow', 'medium', { status: 'latched' })]);
    expect([...marked]).toEqual([['ecmo-flow', 'high']]);
  });

  it('a banner row says what state the alarm is in', () => {
    expect(alarmMarks(view('flowLow', 'high'))).toEqual([]);
    expect(alarmMarks(view('flowLow', 'high', { acknowledged: true, silencedUntil_h: 1 + 5 / 60 }))).toEqual(['acknowledged', 'silenced until 1 h 05 min']);
    expect(alarmMarks(view('bubbleDetected', 'high', { status: 'latched' }))).toEqual(['cleared, latched until acknowledged']);
  });
});

describe('the circuit drawing: pressure tags in their alarm colour', () => {
  it('a tag takes the most urgent priority among the alarms on its series, and none without one', () => {
    const alarms = [
      view('drainagePressureLow', 'medium', { series: ['p_drainage_mmHg'] }),
      view('flowLow', 'high', { series: ['console_flow_L_min'] }),
      view('x', 'high', { series: ['p_drainage_mmHg'] }),
    ];
    expect(tagAlarm(alarms, 'p_drainage_mmHg')).toBe('high');
    expect(tagAlarm(alarms.slice(0, 2), 'p_drainage_mmHg')).toBe('medium');
    expect(tagAlarm(alarms, 'p_access_mmHg')).toBeNull();
    expect(ALARM_COLOUR.high).not.toBe(ALARM_COLOUR.medium);
  });

  it('a clamped drainage line: the snapshot’s alarms name their series, so the drained line’s tag is in alarm', () => {
    const run = loaded();
    run.command({ type: 'set', path: 'circuit.clamps.drainageLine', value: true });
    run.command({ type: 'step' });
    const s = run.snapshot()!;
    expect(flowLow(s)?.series).toEqual(['console_flow_L_min']);
    expect(tagAlarm(s.alarms, 'p_drainage_mmHg')).not.toBeNull();
    expect(tagAlarm(s.alarms, 'p_pre_oxygenator_mmHg')).toBeNull();
  });
});
