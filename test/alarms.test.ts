/**
 * The alarm engine (sim/alarms, docs/training/alarms.md), read as a console behaves: each alarm starts when its
 * value passes the limit and clears only when the value is back past the limit by its hysteresis band; latching
 * alarms stay shown until acknowledged; a silence lasts its set time and no longer than the device allows;
 * priorities sort and colour the console's status light; bad limits in a scenario are refused naming the path.
 * Whole runs watched by the monitor: test/alarmsEndToEnd.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALARM_CATALOGUE, alarmRow, seriesRead, type AlarmRow } from '../sim/alarms/catalogue.js';
import { alarmSpecs, type AlarmSettings } from '../sim/alarms/alarmSpecs.js';
import { AlarmError, AlarmMonitor, type AlarmLogEntry } from '../sim/alarms/monitor.js';
import { SERIES_NAMES, type Observation } from '../sim/engine/observe.js';
import { EVENT_TYPES } from '../sim/engine/glossary.js';
import type { SimEvent } from '../sim/engine/events.js';
import { Simulation } from '../sim/engine/simulation.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { DEFAULT_ECMO, scenario } from './helpers/scenarios.js';

/** The default settings: every alarm on at its catalogue limit. */
function defaults(): AlarmSettings {
  return Object.fromEntries(ALARM_CATALOGUE.map((r) => [r.id, { limit: r.limit.default, enabled: !r.offByDefault }]));
}

/**
 * A steady patient on ECMO with no alarm condition: the default scenario's start, its CRRT pressures and its MAP made
 * benign (the septic patient starts at 52.5 mmHg, below the monitor's 55: the start itself sounds ABP mean low).
 */
function calm(): Observation {
  const o = { ...new Simulation(scenario(DEFAULT_ECMO)).observe() };
  Object.assign(o, { p_filter_out_mmHg: 80, p_limb_return_port_mmHg: 20, on_battery: 0, battery_charge_pct: 100, map_mmHg: 65 });
  Object.assign(o, { replacement_bag_mL: 5000, effluent_bag_mL: 0, effluent_bag_capacity_mL: 10000, heparin_syringe_mL: 40 });
  return Object.assign(o, { heparin_line_occluded: 0, blood_leak_detected: 0 });
}
const CALM = calm();

/** `o` with a below/above row's value (in the limit's unit) written into its series. */
function withValue(row: AlarmRow, value: number, o: Observation = CALM): Observation {
  const c = row.condition;
  if (c.kind !== 'below' && c.kind !== 'above') throw new Error(`${row.id} is not a level alarm`);
  const per = c.per ? o[c.per] : 1;
  return { ...o, [c.series]: (value * per) / (c.scale ?? 1) };
}

const kinds = (log: AlarmLogEntry[], id: string) => log.filter((e) => e.id === id).map((e) => e.kind);
const event = (t_h: number, type: SimEvent['type'], reason = '', value?: number): SimEvent => ({ t_h, type, reason, value });
const MIN = 1 / 60;

describe('the catalogue', () => {
  it('reads series the engine reports (or, until merged, the pending ones) and events it logs', () => {
    const known = new Set(SERIES_NAMES);
    for (const row of ALARM_CATALOGUE) {
      for (const s of seriesRead(row)) expect(known.has(s), `${row.id} reads ${s}`).toBe(true);
      if (row.raisedBy) expect(Object.keys(EVENT_TYPES)).toContain(row.raisedBy.type);
    }
  });

  it('has one camelCase id per alarm, a title, a default within its limits and a source for each limit', () => {
    const ids = ALARM_CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALARM_CATALOGUE) {
      expect(r.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(r.title.length).toBeGreaterThan(2);
      expect(r.limit.default).toBeGreaterThanOrEqual(r.limit.limits[0]);
      expect(r.limit.default).toBeLessThanOrEqual(r.limit.limits[1]);
      expect(r.limit.ref.length, r.id).toBeGreaterThan(5);
      expect(r.maxSilence_min).toBeGreaterThan(0);
    }
  });

  it('covers every console the issue lists', () => {
    for (const id of ['drainagePressureLow', 'flowLow', 'flowHigh', 'flowFluctuating', 'postOxygenatorPressureHigh', 'oxygenatorDpHigh'])
      expect(alarmRow(id)?.console).toBe('ecmo');
    for (const id of ['accessPressureLow', 'accessPressureHigh', 'returnPressureLow', 'returnPressureHigh', 'tmpHigh', 'filterClotting', 'bloodPumpStopped'])
      expect(alarmRow(id)?.console).toBe('crrt');
    for (const id of ['syringeNearlyEmpty', 'syringeEmpty', 'heparinOcclusion']) expect(alarmRow(id)?.console).toBe('heparin');
    for (const id of ['mapLow', 'sao2Low', 'heartRateLow', 'heartRateHigh', 'temperatureLow', 'temperatureHigh']) expect(alarmRow(id)?.console).toBe('monitor');
  });

  it('docs/training/alarms.md has a table row for every alarm, with its console and priority', () => {
    const page = readFileSync('docs/training/alarms.md', 'utf8');
    for (const r of ALARM_CATALOGUE) expect(page, r.id).toContain(`| \`${r.id}\` | ${r.console} | ${r.title} | ${r.priority} |`);
  });

  it('the calm observation raises no alarm at the default limits', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, CALM, []);
    expect(m.active()).toEqual([]);
  });
});

describe('each level alarm fires past its limit and clears past its hysteresis band', () => {
  const levels = ALARM_CATALOGUE.filter((r) => r.condition.kind === 'below' || r.condition.kind === 'above');
  it.each(levels.map((r) => ({ id: r.id, row: r })))('$id', ({ row }) => {
    const dir = row.condition.kind === 'above' ? 1 : -1;
    const L = row.limit.default;
    const band = row.limit.hysteresis;
    const step = band > 0 ? band / 4 : 0.01;
    const m = new AlarmMonitor(defaults);
    m.update(0, withValue(row, L), []); // at the limit: not yet
    expect(kinds(m.log, row.id)).toEqual([]);
    m.update(MIN, withValue(row, L + dir * step), []);
    expect(kinds(m.log, row.id)).toEqual(['start']);
    expect(m.active().find((a) => a.id === row.id)?.status).toBe('active');
    if (band > 0) {
      m.update(2 * MIN, withValue(row, L - dir * (band / 2)), []); // back inside the band: still on
      expect(kinds(m.log, row.id)).toEqual(['start']);
    }
    m.update(3 * MIN, withValue(row, L - dir * (band + step)), []);
    expect(kinds(m.log, row.id)).toEqual(['start', 'cleared']);
    expect(m.active().find((a) => a.id === row.id)?.status).toBe(row.latching ? 'latched' : undefined);
  });
});

describe('the ECMO console', () => {
  it('drainage pressure low starts below −100 mmHg and clears only above −95 mmHg', () => {
    const m = new AlarmMonitor(defaults);
    const p = (v: number) => ({ ...CALM, p_drainage_mmHg: v });
    m.update(0, p(-101), []);
    m.update(MIN, p(-97), []);
    expect(m.active().map((a) => a.id)).toEqual(['drainagePressureLow']);
    m.update(2 * MIN, p(-94), []);
    expect(m.log.map((e) => [e.t_h, e.kind, e.value])).toEqual([
      [0, 'start', -101],
      [2 * MIN, 'cleared', -94],
    ]);
  });

  it('an air_detected event raises the bubble alarm, which latches until acknowledged', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, CALM, [event(0, 'air_detected', 'bubble detector: air entering', 40)]);
    expect(m.consoleStatus('ecmo')).toBe('red');
    m.update(MIN, CALM, []); // no more air: the condition clears, the alarm stays shown
    expect(m.active()).toMatchObject([{ id: 'bubbleDetected', status: 'latched', audible: true }]);
    m.acknowledge('bubbleDetected', 2 * MIN);
    expect(m.active()).toEqual([]);
    expect(kinds(m.log, 'bubbleDetected')).toEqual(['start', 'cleared', 'acknowledged']);
    expect(m.consoleStatus('ecmo')).toBe('green');
  });

  it('a latching alarm acknowledged while active is removed when it clears', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, { ...CALM, pump_speed_rpm: 0 }, []);
    m.acknowledge('all', 0.5 * MIN);
    expect(m.active()).toMatchObject([{ id: 'pumpStopped', acknowledged: true, audible: false }]);
    m.update(MIN, CALM, []);
    expect(m.active()).toEqual([]);
  });

  it('ΔP oxygenator rising fires at a 30 % rise over its value an hour earlier (Lubnow 2014), not before an hour of history', () => {
    const m = new AlarmMonitor(defaults);
    const dp = (v: number) => ({ ...CALM, dp_oxygenator_mmHg: v });
    for (let k = 0; k <= 30; k++) m.update(k * MIN, dp(k < 30 ? 20 : 40), []); // doubled at 30 min: no hour behind it
    expect(kinds(m.log, 'oxygenatorDpRising')).toEqual([]);
    const m2 = new AlarmMonitor(defaults);
    for (let k = 0; k <= 60; k++) m2.update(k * MIN, dp(20), []);
    m2.update(61 * MIN, dp(20 * 1.29), []);
    expect(kinds(m2.log, 'oxygenatorDpRising')).toEqual([]);
    m2.update(62 * MIN, dp(20 * 1.31), []);
    expect(kinds(m2.log, 'oxygenatorDpRising')).toEqual(['start']);
    expect(m2.log.at(-1)!.value).toBeCloseTo(0.31, 6);
  });
});

describe('the CRRT console', () => {
  it('the clotting advisory fires at +100 mmHg TMP over the filter’s start and is measured afresh after a filter change', () => {
    const m = new AlarmMonitor(defaults);
    const tmp = (v: number) => ({ ...CALM, tmp_mmHg: v });
    m.update(0, tmp(80), []);
    m.update(1, tmp(179), []);
    expect(kinds(m.log, 'filterClotting')).toEqual([]);
    m.update(2, tmp(181), []);
    expect(kinds(m.log, 'filterClotting')).toEqual(['start']);
    m.update(2.5, tmp(60), [event(2.4, 'filter_start', 'filter 2 primed and running')]);
    m.update(3, tmp(150), []); // +90 over the new filter's 60 mmHg
    expect(kinds(m.log, 'filterClotting')).toEqual(['start', 'cleared']);
  });

  it('the blood pump advisory waits until the pump has been stopped for more than 60 s (Prismaflex)', () => {
    const m = new AlarmMonitor(defaults);
    const stopped = { ...CALM, filter_blood_flow_mL_min: 0 };
    for (let s = 0; s <= 60; s += 10) m.update(s / 3600, stopped, []);
    expect(kinds(m.log, 'bloodPumpStopped')).toEqual([]);
    m.update(70 / 3600, stopped, []);
    expect(kinds(m.log, 'bloodPumpStopped')).toEqual(['start']);
    m.update(80 / 3600, CALM, []);
    expect(kinds(m.log, 'bloodPumpStopped')).toEqual(['start', 'cleared']);
  });

  it('a return into the pre-pump line (limb_alarm) raises the air-risk alarm, not the event that clears it', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, CALM, [event(0, 'limb_alarm', 'cleared: filter limb return into a negative-pressure segment')]);
    expect(kinds(m.log, 'airInReturnLine')).toEqual([]);
    m.update(MIN, CALM, [
      event(MIN, 'setting_change', 'circuit.filterLimb.connection: preOxygenator → postOxygenatorToPrePump'),
      event(MIN, 'limb_alarm', 'filter limb returns into a negative-pressure segment (-89 mmHg): air-entrainment risk'),
    ]);
    expect(kinds(m.log, 'airInReturnLine')).toEqual(['start']);
  });

  const RISK = 'filter limb returns into a negative-pressure segment (-89 mmHg): air-entrainment risk';
  /** The trainee moving the limb's return to the pre-pump line: the setting's change, logged with the risk it makes. */
  const MOVED = 'circuit.filterLimb.connection: preOxygenator → postOxygenatorToPrePump';
  it('the air-risk alarm fires when the return falls more than 50 mmHg below the filter’s start, or on a connection into negative pressure made during the session, never at the start', () => {
    const port = (v: number) => ({ ...CALM, p_limb_return_port_mmHg: v });
    // the setup a session starts with: the limb returns pre-pump at −89 mmHg, its event logged at t = 0
    const m = new AlarmMonitor(defaults);
    m.update(0, port(-89), [event(0, 'limb_alarm', RISK)]);
    expect(kinds(m.log, 'airInReturnLine')).toEqual([]);
    expect(m.active().map((a) => [a.id, a.priority, a.status])).toEqual([['returnIntoNegativePressure', 'low', 'active']]);
    m.update(MIN, port(-138), []); // 49 mmHg below the operating point: inside the window
    expect(kinds(m.log, 'airInReturnLine')).toEqual([]);
    m.update(2 * MIN, port(-140), []); // 51 below
    expect(kinds(m.log, 'airInReturnLine')).toEqual(['start']);
    m.update(3 * MIN, port(-89), []); // back: latched until acknowledged
    expect(m.active().find((a) => a.id === 'airInReturnLine')?.status).toBe('latched');
    // a new filter: the window is set around its own start
    m.acknowledge('airInReturnLine', 3 * MIN);
    m.update(4 * MIN, port(-120), [event(4 * MIN, 'filter_start', 'filter 2 primed and running')]);
    m.update(5 * MIN, port(-160), []);
    expect(kinds(m.log, 'airInReturnLine')).toEqual(['start', 'cleared', 'acknowledged']);
    m.update(6 * MIN, port(-171), []);
    expect(kinds(m.log, 'airInReturnLine')).toEqual(['start', 'cleared', 'acknowledged', 'start']);
    // a limb connected into negative pressure during the session: at once, whatever the window
    const n = new AlarmMonitor(defaults);
    n.update(0, port(40), []);
    n.update(MIN, port(40), [event(MIN, 'setting_change', MOVED), event(MIN, 'limb_alarm', RISK)]);
    expect(kinds(n.log, 'airInReturnLine')).toEqual(['start']);
  });

  it('a routine filter change does not raise the air-risk alarm: the return resumes into the same negative pressure with the new filter', () => {
    // the bundled ECMO + HVHF default at its 24 h change: the stop clears the limb's risk, the new filter's start logs
    // it again (the same connection, at the same −90 mmHg); before, that raised a latched "air risk" after every change
    const port = (v: number) => ({ ...CALM, p_limb_return_port_mmHg: v });
    const m = new AlarmMonitor(defaults);
    m.update(0, port(-90), [event(0, 'limb_alarm', RISK)]);
    m.update(24, port(-90), [
      event(24, 'filter_change', 'maximum filter age 24 h reached'),
      event(24, 'limb_alarm', 'cleared: filter limb return into a negative-pressure segment'),
    ]);
    m.update(24.5, port(-90), [event(24.5, 'filter_start', 'filter 2 primed and running'), event(24.5, 'limb_alarm', RISK)]);
    m.update(25, port(-90), []);
    expect(kinds(m.log, 'airInReturnLine')).toEqual([]);
    // nor does the limb unclamped: its risk cleared while it stood and resumes with the same connection
    m.update(25.5, port(-90), [
      event(25.5, 'setting_change', 'circuit.clamps.filterLimb: false → true'),
      event(25.5, 'limb_alarm', 'cleared: filter limb return into a negative-pressure segment'),
    ]);
    m.update(25.75, port(-90), [event(25.75, 'setting_change', 'circuit.clamps.filterLimb: true → false'), event(25.75, 'limb_alarm', RISK)]);
    expect(kinds(m.log, 'airInReturnLine')).toEqual([]);
    // a connection into negative pressure while the filter runs still raises it at once
    m.update(26, port(-90), [event(26, 'setting_change', MOVED), event(26, 'limb_alarm', RISK)]);
    expect(kinds(m.log, 'airInReturnLine')).toEqual(['start']);
  });
});

describe('silence, acknowledgement, priorities and status lights', () => {
  it('silence lasts its set time only: the alarm sounds again after, with an unsilenced entry', () => {
    const m = new AlarmMonitor(defaults);
    const low = { ...CALM, console_flow_L_min: 1 };
    m.update(0, low, []);
    m.silence('flowLow', 0, 2);
    m.update(1 * MIN, low, []);
    expect(m.active()[0]).toMatchObject({ id: 'flowLow', audible: false });
    m.update(2 * MIN, low, []);
    expect(m.active()[0]).toMatchObject({ id: 'flowLow', audible: true });
    expect(kinds(m.log, 'flowLow')).toEqual(['start', 'silenced', 'unsilenced']);
  });

  it('a silence longer than the device allows is refused with a message, and nothing is silenced', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, { ...CALM, console_flow_L_min: 1 }, []);
    expect(() => m.silence('flowLow', 0, 5)).toThrow(AlarmError);
    expect(() => m.silence('all', 0, 5)).toThrow(/5 min is longer than the device allows for "Flow low" \(at most 2 min\)/);
    expect(() => m.silence('flowHigh', 0, 1)).toThrow(/"flowHigh" \(Flow high\) is not shown/);
    expect(() => m.acknowledge('noSuchAlarm', 0)).toThrow(/no alarm "noSuchAlarm"; expected one of drainagePressureLow, /);
    expect(kinds(m.log, 'flowLow')).toEqual(['start']);
  });

  it('active() lists high priority first, then the oldest first', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, { ...CALM, temperature_C: 39.3 }, []); // monitor temp high (low priority)
    m.update(0.5, { ...CALM, temperature_C: 39.3, p_drainage_mmHg: -120 }, []); // medium
    m.update(1, { ...CALM, temperature_C: 39.3, p_drainage_mmHg: -120, console_flow_L_min: 2 }, []); // high
    m.update(2, { ...CALM, temperature_C: 39.3, p_drainage_mmHg: -120, console_flow_L_min: 2, map_mmHg: 50 }, []); // high, newer
    expect(m.active().map((a) => a.id)).toEqual(['flowLow', 'mapLow', 'drainagePressureLow', 'temperatureHigh']);
  });

  it('a console’s light is green without alarms, yellow with a medium or low one, red with a high one', () => {
    const m = new AlarmMonitor(defaults);
    m.update(0, CALM, []);
    expect(m.consoleStatus('ecmo')).toBe('green');
    m.update(MIN, { ...CALM, p_drainage_mmHg: -150 }, []);
    expect([m.consoleStatus('ecmo'), m.consoleStatus('crrt'), m.consoleStatus('monitor')]).toEqual(['yellow', 'green', 'green']);
    m.update(2 * MIN, { ...CALM, p_drainage_mmHg: -150, p_post_oxygenator_mmHg: 407 }, []);
    expect(m.consoleStatus('ecmo')).toBe('red');
    m.update(3 * MIN, { ...CALM, temperature_C: 39.2 }, []);
    expect([m.consoleStatus('ecmo'), m.consoleStatus('monitor')]).toEqual(['green', 'yellow']);
  });

  it('a disabled alarm stays quiet, and a limit changed live applies from the next sample', () => {
    const settings = defaults();
    const m = new AlarmMonitor(() => settings);
    settings.flowLow.enabled = false;
    m.update(0, { ...CALM, console_flow_L_min: 2 }, []);
    expect(kinds(m.log, 'flowLow')).toEqual([]);
    settings.flowLow.enabled = true;
    settings.flowLow.limit = 1500;
    m.update(MIN, { ...CALM, console_flow_L_min: 2 }, []);
    expect(kinds(m.log, 'flowLow')).toEqual([]);
    settings.flowLow.limit = 2500;
    m.update(2 * MIN, { ...CALM, console_flow_L_min: 2 }, []);
    expect(kinds(m.log, 'flowLow')).toEqual(['start']);
    settings.flowLow.enabled = false; // turned off while sounding: it clears
    m.update(3 * MIN, { ...CALM, console_flow_L_min: 2 }, []);
    expect(kinds(m.log, 'flowLow')).toEqual(['start', 'cleared']);
    expect(m.active()).toEqual([]);
  });
});

describe('alarm limits in a scenario', () => {
  const refusal = (values: Record<string, string>) => {
    try {
      scenario(DEFAULT_ECMO, values);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    throw new Error('the scenario was accepted');
  };

  it('every alarm has a limit and an on/off setting, both adjustable during a run', () => {
    expect(Object.keys(alarmSpecs)).toEqual(ALARM_CATALOGUE.map((r) => r.id));
    for (const s of Object.values(alarmSpecs)) expect([s.limit.adjustable, s.enabled.adjustable]).toEqual([true, true]);
    const s = scenario(DEFAULT_ECMO, { 'alarms.flowLow.limit': '2.5 L/min' });
    expect(s.alarms.flowLow).toEqual({ limit: 2500, enabled: true });
    expect(s.alarms.drainagePressureLow.limit).toBe(-100);
  });

  it('a limit outside its accepted range, in the wrong unit, or an unknown alarm is refused naming the path', () => {
    expect(refusal({ 'alarms.flowLow.limit': '20 L/min' })).toMatch(/alarms\.flowLow\.limit: got "20 L\/min".*outside the accepted range/);
    expect(refusal({ 'alarms.drainagePressureLow.limit': '-100 rpm' })).toMatch(/alarms\.drainagePressureLow\.limit: .*mmHg/);
    expect(refusal({ 'alarms.noSuchAlarm.limit': '1 mmHg' })).toMatch(/alarms\.noSuchAlarm/);
  });

  it('a timeline entry changes a limit during the run, as the operator does', () => {
    const sim = new Simulation(scenario(DEFAULT_ECMO, { duration: '1 h' }));
    sim.set('alarms.drainagePressureLow.limit', '-150 mmHg');
    expect(sim.model.current.alarms.drainagePressureLow.limit).toBe(-150);
    expect(() => sim.set('alarms.drainagePressureLow.limit', '-900 mmHg')).toThrow(/alarms\.drainagePressureLow\.limit/);
  });
});
