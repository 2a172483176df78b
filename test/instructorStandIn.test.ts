/**
 * The instructor page's stand-in engine (src/instructor/standIn/, until the training page's worker lands): every
 * bundled training scenario loads; a fault injected from the fault panel moves the physics (a clamped drainage line
 * raises "Flow low") and is logged hidden; the trainee's acknowledge and the instructor's note reach the log; clear
 * restores; End gives the debrief.
 */
import { describe, expect, it } from 'vitest';
import { StandInSession } from '../src/instructor/standIn/standInSession';
import { TRAINING_SCENARIOS } from '../src/instructor/standIn/trainingScenarios';
import { bundledCalibration } from '../src/engine/bundledCalibration';
import { standInTraineeView } from '../src/instructor/contract';

const session = () =>
  new StandInSession(
    (id) => TRAINING_SCENARIOS.find((s) => s.id === id)?.text,
    (ref, source) => bundledCalibration(ref.replace(/^\.\.\//, ''), source),
  );

describe('the stand-in training engine', () => {
  it('loads every bundled training scenario', () => {
    expect(TRAINING_SCENARIOS.length).toBeGreaterThanOrEqual(12);
    const s = session();
    for (const t of TRAINING_SCENARIOS) expect(s.load(t.id)).toMatchObject({ type: 'trainingLoaded', info: { id: t.id } });
    expect(s.load('nope')).toEqual({ type: 'loadError', message: 'no training scenario "nope"' });
  });

  it('a clamped drainage line injected by the instructor raises Flow low; the fault is hidden, the acknowledge is the trainee’s', () => {
    const s = session();
    s.load('replacement-bag');
    s.snapshot();
    expect(s.command({ type: 'injectFault', kind: 'drainage-clamp', options: { hidden: true } })).toBeUndefined();
    s.command({ type: 'speed', speed: 60 });
    s.command({ type: 'run' });
    for (let i = 0; i < 20; i++) s.advanceReal(250); // 5 simulated min at 60×
    const full = s.snapshot()!;
    expect(full.t_h).toBeCloseTo(5 / 60, 6);
    expect(full.values.pump_flow_L_min).toBeLessThan(1);
    expect(full.alarms.map((a) => a.id)).toContain('flowLow');
    const injected = full.log.filter((e) => e.id.includes('drainage-clamp'));
    expect(injected.length).toBeGreaterThan(0);
    expect(injected.every((e) => e.hidden)).toBe(true);
    expect(standInTraineeView(full).log.some((e) => e.id.includes('drainage-clamp'))).toBe(false);

    s.command({ type: 'acknowledge', id: 'flowLow' });
    s.command({ type: 'note', text: 'watch the pressures', by: 'instructor' });
    expect(s.command({ type: 'silence', id: 'flowLow', minutes: 999 })).toBeUndefined(); // refused by the console, logged
    const after = s.snapshot()!.log;
    expect(after.find((e) => e.id === 'acknowledge:flowLow')).toMatchObject({ kind: 'action' });
    expect(after.find((e) => e.id === 'acknowledge:flowLow')!.hidden).toBeUndefined();
    expect(after.find((e) => e.kind === 'note' && e.text.includes('watch the pressures'))!.hidden).toBe(true);
    expect(after.find((e) => e.id === 'refused')!.text).toContain('longer than the device allows');

    s.command({ type: 'clearFault', kind: 'drainage-clamp' });
    for (let i = 0; i < 8; i++) s.advanceReal(250);
    expect(s.snapshot()!.values.pump_flow_L_min).toBeGreaterThan(3);
    const end = s.command({ type: 'end' });
    expect(end).toMatchObject({ type: 'debrief', html: expect.stringContaining('<') });
  });

  it('refuses in words: an unknown fault, a severity out of range, a command before a scenario', () => {
    expect(session().command({ type: 'acknowledge', id: 'all' })).toEqual({ type: 'commandError', message: 'no training scenario is loaded' });
    const s = session();
    s.load('drainage-kink');
    expect(s.command({ type: 'injectFault', kind: 'drainage-klink' })).toMatchObject({
      type: 'commandError',
      message: expect.stringContaining('no fault "drainage-klink"'),
    });
    expect(s.command({ type: 'injectFault', kind: 'drainage-kink', options: { severity: 2 } })).toMatchObject({
      type: 'commandError',
      message: expect.stringContaining('severity 2: outside the accepted range'),
    });
  });
});
