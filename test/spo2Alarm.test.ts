/**
 * The bedside monitor's SpO2 alarms read its pulse oximeter (spo2_pct, deviceReadings.ts), as a monitor does, not the
 * blood's SaO2: a low reading raises "SpO2 low"; no pulse (no number, NaN) raises the technical "SpO2 no pulse" alarm
 * (Philips monitors: the "SpO2 No Pulse" INOP, the numeric replaced by -?-) and never "SpO2 low", which has no value
 * to compare (conditions.ts: a value that does not exist never holds).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALARM_CATALOGUE, alarmRow } from '../sim/alarms/catalogue.js';
import { AlarmMonitor } from '../sim/alarms/monitor.js';
import type { AlarmSettings } from '../sim/alarms/alarmSpecs.js';
import { monitorRun } from '../sim/alarms/monitorRun.js';
import { Simulation } from '../sim/engine/simulation.js';
import type { Observation } from '../sim/engine/observe.js';
import { loadScenarioText } from '../sim/scenario/load.js';
import { calibrationBeside } from '../sim/scenario/loadFile.js';
import { DEFAULT_ECMO, scenario, sets } from './helpers/scenarios.js';

const defaults = (): AlarmSettings => Object.fromEntries(ALARM_CATALOGUE.map((r) => [r.id, { limit: r.limit.default, enabled: !r.offByDefault }]));
const START: Observation = { ...new Simulation(scenario(DEFAULT_ECMO)).observe() };
const activeIds = (m: AlarmMonitor) => m.active().map((a) => a.id);

describe('the monitor’s SpO2 alarms read the pulse oximeter', () => {
  it('both rows read the oximeter’s series', () => {
    expect(alarmRow('sao2Low')?.condition).toMatchObject({ kind: 'below', series: 'spo2_pct' });
    expect(alarmRow('spo2NoPulse')?.condition).toMatchObject({ kind: 'above', series: 'spo2_no_signal' });
    expect(alarmRow('spo2NoPulse')?.console).toBe('monitor');
  });

  it('a low reading raises SpO2 low, not the no-pulse alarm', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, { ...START, sao2_pct: 80, spo2_pct: 80, spo2_no_signal: 0 }, []);
    expect(activeIds(m)).toContain('sao2Low');
    expect(activeIds(m)).not.toContain('spo2NoPulse');
  });

  it('no pulse: the same blood at 60 % raises the no-pulse technical alarm and no SpO2 low (the oximeter has no number)', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, { ...START, sao2_pct: 60, spo2_pct: NaN, spo2_no_signal: 1 }, []);
    expect(activeIds(m)).toContain('spo2NoPulse');
    expect(activeIds(m)).not.toContain('sao2Low');
    // the pulse back: the technical alarm clears
    m.update(1 / 60, { ...START, spo2_no_signal: 0 }, []);
    expect(activeIds(m)).not.toContain('spo2NoPulse');
  });

  it('in a run: the return cannula out empties the patient; when the heart stops the monitor raises SpO2 no pulse, not SpO2 low', () => {
    const s = JSON.parse(readFileSync(DEFAULT_ECMO, 'utf8')) as Record<string, unknown>;
    s.timeline = [{ at: '0.5 h', set: { 'circuit.decannulation': 'return', 'circuit.siteCompression': true } }];
    const sc = loadScenarioText(JSON.stringify(s), 'return cannula out', sets({ duration: '1 h' }), { resolveCalibration: calibrationBeside(DEFAULT_ECMO) });
    const { log } = monitorRun(sc, 1 / 60);
    const noPulse = log.filter((e) => e.id === 'spo2NoPulse' && e.kind === 'start');
    expect(noPulse.length).toBe(1);
    expect(noPulse[0].t_h).toBeGreaterThan(0.5);
    expect(noPulse[0].priority).toBe('medium');
    expect(log.filter((e) => e.id === 'sao2Low' && e.kind === 'start' && e.t_h >= noPulse[0].t_h)).toEqual([]);
  });
});
