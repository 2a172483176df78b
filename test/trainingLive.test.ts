/**
 * The training engine's logic behind the training page (src/training/liveSession.ts): the instructor's fault,
 * clear and note commands, the trainee's lab orders arriving after their turnaround, the trainee's actions checked
 * like an actions file, a resumed session, and traineeView removing what no device shows.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiveSession } from '../src/training/liveSession';
import { traineeView } from '../src/training/traineeView';
import { TRAINING_SCENARIOS } from '../src/training/trainingScenarios';
import { LAB_TESTS, labResultText } from '../sim/training/labs';
import { TREND_SERIES } from '../src/protocol';
import { BEDSIDE, CHECKS } from '../src/training/traineeControls';
import { objectiveState } from '../src/training/objectiveStatus';
import type { Objective, ObjectiveResult } from '../sim/training/objectives';
import type { TrainingMessage, TrainingSnapshot } from '../src/training/trainingProtocol';

/** A session on drainage-clamp.json (its own clamp fault at 10 min), running at 60× (1 s of ticks = 1 simulated min). */
function started(id = 'drainage-clamp'): LiveSession {
  const live = new LiveSession(() => new Date('2026-01-01T10:00:00Z'));
  expect(live.handle({ type: 'loadTraining', id })[0].type).toBe('trainingLoaded');
  live.handle({ type: 'speed', speed: 60 });
  live.handle({ type: 'run' });
  return live;
}

/** Advances `min` simulated minutes (at 60×: one real second each, in 250 ms ticks). */
function minutes(live: LiveSession, min: number): TrainingMessage[] {
  const out: TrainingMessage[] = [];
  for (let i = 0; i < min * 4; i++) out.push(...live.tick(250));
  return out;
}

const errors = (ms: TrainingMessage[]) => ms.filter((m) => m.type === 'commandError').map((m) => (m as { message: string }).message);

describe('the training engine behind the page', () => {
  it('loads every bundled training scenario with its briefing, objectives and labs', () => {
    // the page offers every training scenario in the folder
    const files = readdirSync('scenarios/training').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(TRAINING_SCENARIOS.map((t) => `${t.id}.json`).sort()).toEqual(files.sort());
    for (const t of TRAINING_SCENARIOS) {
      const [m] = new LiveSession().handle({ type: 'loadTraining', id: t.id });
      expect(m.type, t.id).toBe('trainingLoaded');
      if (m.type !== 'trainingLoaded') continue;
      expect(m.info.briefing.length).toBeGreaterThan(20);
      expect(m.info.objectives.length).toBeGreaterThan(0);
      expect(m.info.labs.map((l) => l.lab)).toEqual(Object.keys(LAB_TESTS));
    }
    const [bad] = new LiveSession().handle({ type: 'loadTraining', id: 'no-such' });
    expect(bad).toMatchObject({ type: 'loadError', message: expect.stringContaining('no-such') });
  });

  it("the instructor's fault closes the drainage line: flow falls, the flow alarm starts; clearing it restores the flow", () => {
    const live = started();
    minutes(live, 2);
    const before = live.snapshot()!;
    expect(before.obs.pump_flow_L_min).toBeGreaterThan(3);
    expect(errors(live.handle({ type: 'injectFault', kind: 'drainage-clamp' }))).toEqual([]);
    minutes(live, 1);
    const during = live.snapshot()!;
    expect(during.settings.clamps['circuit.clamps.drainageLine']).toBe(true);
    expect(during.obs.pump_flow_L_min).toBeLessThan(0.5 * before.obs.pump_flow_L_min);
    expect(during.alarms.map((a) => a.id)).toContain('flowLow');
    const fault = during.log.find((e) => e.kind === 'fault' && e.id === 'drainage-clamp');
    expect(fault?.t_h).toBeCloseTo(2 / 60, 6);
    // the catalogue's drainage clamp is hidden: the log marks it the instructor's only
    expect(fault?.hidden).toBe(true);
    expect(errors(live.handle({ type: 'clearFault', kind: 'drainage-clamp' }))).toEqual([]);
    minutes(live, 1);
    const after = live.snapshot()!;
    expect(after.settings.clamps['circuit.clamps.drainageLine']).toBe(false);
    expect(after.obs.pump_flow_L_min).toBeGreaterThan(0.9 * before.obs.pump_flow_L_min);
    expect(after.log.some((e) => e.kind === 'fault' && e.text.includes('cleared'))).toBe(true);
  });

  it('refuses a fault it does not know, or with a severity out of range, naming it', () => {
    const live = started();
    expect(errors(live.handle({ type: 'injectFault', kind: 'drainage-klink' }))[0]).toMatch(/"drainage-klink".*did you mean "drainage-kink"/);
    expect(errors(live.handle({ type: 'injectFault', kind: 'drainage-kink', options: { severity: 7 } }))[0]).toMatch(/severity/);
    // nothing happened: no fault in the log
    expect(live.snapshot()!.log.filter((e) => e.kind === 'fault')).toEqual([]);
  });

  it("an instructor's note is logged hidden from the trainee; the trainee's own note is not", () => {
    const live = started();
    minutes(live, 1);
    live.handle({ type: 'note', text: 'watch the drainage pressure', by: 'instructor' });
    live.handle({ type: 'note', text: 'I checked the lines', by: 'trainee' });
    const s = live.snapshot()!;
    const notes = s.log.filter((e) => e.kind === 'note');
    expect(notes).toMatchObject([
      { text: 'instructor: watch the drainage pressure', hidden: true, wall: '2026-01-01T10:00:00.000Z' },
      { text: 'I checked the lines' },
    ]);
    expect(notes[0].t_h).toBeCloseTo(1 / 60, 6);
    expect(
      traineeView(s)
        .log.filter((e) => e.kind === 'note')
        .map((e) => e.text),
    ).toEqual(['I checked the lines']);
  });

  it('a lab is pending for its turnaround, then shows the values drawn at the order', () => {
    const live = started();
    minutes(live, 1);
    const drawn = live.current!.sim.observe();
    live.handle({ type: 'orderLab', lab: 'bloodGas' });
    const ordered_h = live.time_h;
    const turnaround_h = LAB_TESTS.bloodGas.turnaround_min / 60;
    minutes(live, LAB_TESTS.bloodGas.turnaround_min - 1);
    let lab = live.snapshot()!.labs.find((l) => l.lab === 'bloodGas')!;
    expect(lab.ordered_h).toBe(ordered_h);
    expect(lab.result).toBeUndefined();
    expect(lab.due_h).toBeCloseTo(ordered_h + turnaround_h, 9);
    minutes(live, 1.5);
    lab = live.snapshot()!.labs.find((l) => l.lab === 'bloodGas')!;
    expect(lab.result).toBe(labResultText('bloodGas', drawn));
    // the blood gas moved on since the draw: the result is the draw's, not the value now
    expect(lab.result).not.toBe(labResultText('bloodGas', live.current!.sim.observe()));
    const result = live.current!.log.find((e) => e.id === 'result:bloodGas')!;
    expect(result.t_h).toBeCloseTo(ordered_h + turnaround_h, 9);
  });

  it('a full blood count reads the platelet count, and a unit given at the bedside raises the next one', () => {
    const live = started('replacement-bag'); // 100 min: room for two counts
    minutes(live, 1);
    const drawn = live.current!.sim.observe();
    const before = drawn.platelets_1e9_L;
    live.handle({ type: 'orderLab', lab: 'bloodCount' });
    expect(errors(live.handle({ type: 'action', action: { platelets: 1 } }))).toEqual([]);
    minutes(live, 1);
    live.handle({ type: 'orderLab', lab: 'bloodCount' });
    minutes(live, LAB_TESTS.bloodCount.turnaround_min + 1);
    const results = live.current!.log.filter((e) => e.id === 'result:bloodCount').map((e) => e.text);
    expect(results).toHaveLength(2);
    const count = (text: string) => Number(/Platelets \(10⁹\/L\) ([\d.]+)/.exec(text)![1]);
    expect(count(results[0])).toBeCloseTo(before, -1);
    // the unit at once: (P·V + N·R)/(V + V_unit), its platelets and its volume (sim/patient/platelets); 1 min of
    // consumption and refill, and the result's 3 figures, within 3 %
    const s = live.current!.sim.scenario;
    const V = drawn.intravascular_volume_mL / 1000;
    const { unitContent, volume } = s.prescription.plateletTransfusion;
    const expected = (before * V + unitContent * s.patient.platelets.transfusionRecovery) / (V + volume / 1000);
    expect(count(results[1]) - count(results[0])).toBeGreaterThan(15);
    expect(Math.abs(count(results[1]) / expected - 1)).toBeLessThan(0.03);
  });

  it("checks a trainee's action as an actions file entry, naming the field", () => {
    const live = started();
    expect(errors(live.handle({ type: 'set', path: 'circuit.pump.speed', value: '3100 rpm' }))).toEqual([]);
    expect(live.snapshot()!.settings.values['circuit.pump.speed']).toBe(3100);
    expect(errors(live.handle({ type: 'set', path: 'circuit.pump.speed', value: 'fast' }))[0]).toMatch(/circuit\.pump\.speed/);
    expect(errors(live.handle({ type: 'action', action: { changeBags: 'both' } }))).toEqual([]);
    expect(errors(live.handle({ type: 'action', action: { heparinBolus: '4000 U' } }))).toEqual([]);
    expect(errors(live.handle({ type: 'action', action: { flyAway: true } }))[0]).toMatch(/flyAway.*unknown field/);
    const ids = live.current!.log.filter((e) => e.kind === 'action').map((e) => e.id);
    expect(ids).toEqual(['set:circuit.pump.speed', 'changeBags', 'heparinBolus']);
  });

  it('every bedside action and check the page offers is one the session performs, logged under its action id', () => {
    for (const id of ['drainage-kink', 'power-loss', 'heparin-occlusion']) {
      const live = started(id);
      for (const [label, , action] of [...BEDSIDE, ...CHECKS]) expect(errors(live.handle({ type: 'action', action })), `${id}: ${label}`).toEqual([]);
      const ids = live.current!.log.filter((e) => e.kind === 'action').map((e) => e.id);
      expect(ids).toEqual(
        expect.arrayContaining(['changeBags', 'deAir', 'set:circuit.pump.handCrank+set:circuit.pump.handCrankSpeed', 'set:circuit.power.mains']),
      );
      expect(ids).toHaveLength(BEDSIDE.length + CHECKS.length);
    }
  });

  it('ends at the scenario end with the debrief, the alarms and the actions in it', () => {
    const live = started();
    live.handle({ type: 'speed', speed: 600 });
    const out: TrainingMessage[] = [];
    for (let i = 0; i < 60 && !live.ended; i++) {
      out.push(...live.tick(250));
      // the trainee answers the flow alarm
      if (live.current!.monitor.active().some((a) => a.id === 'flowLow' && !a.acknowledged)) live.handle({ type: 'acknowledge', id: 'flowLow' });
    }
    const debrief = out.find((m) => m.type === 'debrief');
    expect(debrief?.type).toBe('debrief');
    if (debrief?.type !== 'debrief') return;
    expect(debrief.json.alarms.map((a) => a.id)).toContain('flowLow');
    expect(debrief.json.timeline.some((e) => e.kind === 'action' && e.id === 'acknowledge:flowLow')).toBe(true);
    expect(debrief.html).toContain('<h1>Debrief: Training: a clamp left on the drainage line</h1>');
    expect(live.snapshot()!.objectives.map((o) => o.state)).not.toContain('pending');
    expect(errors(live.handle({ type: 'run' }))[0]).toMatch(/ended/);
  });

  it('a resumed session replays the saved commands at their times: the same log', () => {
    const live = started();
    const saved: TrainingSnapshot[] = [];
    minutes(live, 1);
    live.handle({ type: 'orderLab', lab: 'bloodGas' });
    minutes(live, 10);
    live.handle({ type: 'acknowledge', id: 'all' });
    live.handle({ type: 'set', path: 'circuit.clamps.drainageLine', value: false });
    minutes(live, 2);
    saved.push(live.snapshot()!);
    const commands = saved.flatMap((s) => s.commands);
    expect(commands.map((c) => c.command.type)).toEqual(['orderLab', 'acknowledge', 'set']);
    // the saved (trainee's) log's wall times come back; the rest of the replay is stamped now
    const walls = traineeView(saved[0]).log.map((e, i) => ({ t_h: e.t_h, id: e.id, wall: `2026-01-01T10:${String(i).padStart(2, '0')}:00.000Z` }));
    const again = new LiveSession(() => new Date('2026-01-02T00:00:00Z'));
    const msgs = again.handle({ type: 'resume', id: 'drainage-clamp', commands, t_h: live.time_h, walls });
    expect(errors(msgs)).toEqual([]);
    expect(again.time_h).toBeCloseTo(live.time_h, 9);
    const key = (e: { t_h: number; id: string }) => `${e.t_h.toFixed(5)} ${e.id}`;
    expect(again.current!.log.map(key)).toEqual(live.current!.log.map(key));
    expect(again.current!.log.filter((e) => !e.hidden).map((e) => e.wall)).toEqual(walls.map((w) => w.wall));
    expect(again.current!.log.every((e) => e.wall?.startsWith('2026-01-01'))).toBe(true);
    // what the saved page already shows is not sent again
    expect(again.snapshot()!.log).toEqual([]);
    again.handle({ type: 'note', text: 'after the reload', by: 'trainee' });
    expect(again.current!.log.at(-1)?.wall).toBe('2026-01-02T00:00:00.000Z');
  });
});

describe('traineeView', () => {
  it('removes every value no device shows, keeps the device readings, and the console SvO2 is the drainage line', () => {
    const live = started();
    minutes(live, 1);
    live.handle({ type: 'injectFault', kind: 'drainage-kink', options: { severity: 0.5 } });
    minutes(live, 1);
    const full = live.snapshot()!;
    const view = traineeView(full);
    const hidden = [
      'aptt_s',
      'heparin_U_mL',
      'filter_clotted_pct',
      'kuf_mL_h_mmHg',
      'recirculation_pct',
      'il6_pg_mL',
      'pct_ng_mL',
      'crp_mg_L',
      'lactate_mmol_L',
      'effective_flow_L_min',
    ];
    for (const k of hidden) {
      expect(Number.isFinite(full.obs[k]), `${k} in the full snapshot`).toBe(true);
      expect(view.obs[k], k).toBeNaN();
    }
    for (const k of ['pump_flow_L_min', 'p_drainage_mmHg', 'map_mmHg', 'sao2_pct', 'tmp_mmHg']) expect(view.obs[k]).toBe(full.obs[k]);
    expect(full.obs.svo2_pct).not.toBe(full.obs.drainage_sat_pct);
    expect(view.obs.svo2_pct).toBe(full.obs.drainage_sat_pct);
    expect(view.settings.kufClean_mL_h_mmHg).toBeNaN();
    expect(full.log.some((e) => e.hidden)).toBe(true);
    expect(view.log.some((e) => e.hidden)).toBe(false);
    expect(view.commands.map((c) => c.command.type)).not.toContain('injectFault');
    // the hidden trend channels too
    expect(full.trend.length).toBeGreaterThan(0);
    for (const k of ['aptt_s', 'il6_pg_mL'] as const) {
      const i = TREND_SERIES.indexOf(k);
      expect(
        full.trend.every((p) => Number.isFinite(p.values[i])),
        k,
      ).toBe(true);
      expect(
        view.trend.every((p) => Number.isNaN(p.values[i])),
        k,
      ).toBe(true);
    }
    expect(view.trend[0].values[TREND_SERIES.indexOf('pump_flow_L_min')]).toBe(full.trend[0].values[TREND_SERIES.indexOf('pump_flow_L_min')]);
    expect(traineeView(view)).toEqual(view);
    // a broken objective's reason keeps a device's value, never a hidden one's
    const why = (w: string) => traineeView({ ...full, objectives: [{ id: 'k', text: 'k', met: false, why: w, state: 'missed' }] }).objectives[0].why;
    expect(why('effective_flow_L_min was 2.13 at 40 s')).toBe('effective_flow_L_min left its range at 40 s');
    expect(why('sao2_pct was 82.1 at 40 s')).toBe('sao2_pct was 82.1 at 40 s');
  });
});

describe('an objective during the session', () => {
  const act: Objective = { id: 'a', text: 'open the clamp', kind: 'act', actions: ['set:x'], within_min: 2, after: { alarm: 'flowLow' } };
  const keep: Objective = { id: 'k', text: 'SaO2 above 85', kind: 'keep', series: 'sao2_pct', above: 85, for_min: 10, after: { at_min: 0 } };
  const ack: Objective = { id: 'c', text: 'acknowledge', kind: 'acknowledge', alarm: 'flowLow', within_min: 1, after: { at_min: 0 } };
  const r = (x: Partial<ObjectiveResult>): ObjectiveResult => ({ id: 'x', text: 'x', met: false, why: '', ...x });

  it('is pending until its trigger, and while its time runs; missed after; met when done', () => {
    expect(objectiveState(act, r({ why: 'its trigger never happened' }), 0.5, false)).toBe('pending');
    // anchored at 0.1 h, 2 min to do it: open at 0.11 h, missed at 0.15 h
    expect(objectiveState(act, r({ from_h: 0.1 }), 0.11, false)).toBe('pending');
    expect(objectiveState(act, r({ from_h: 0.1 }), 0.15, false)).toBe('missed');
    expect(objectiveState(act, r({ from_h: 0.1, met: true }), 0.11, false)).toBe('met');
    // at the end, whatever is not met is missed
    expect(objectiveState(act, r({ why: 'its trigger never happened' }), 0.5, true)).toBe('missed');
  });

  it('a keep objective is met only once its time is over unbroken; broken, it is missed at once', () => {
    expect(objectiveState(keep, r({ from_h: 0, met: true }), 0.1, false)).toBe('pending');
    expect(objectiveState(keep, r({ from_h: 0, met: true }), 10 / 60 + 0.01, false)).toBe('met');
    expect(objectiveState(keep, r({ from_h: 0, met: false }), 0.05, false)).toBe('missed');
  });

  it('an acknowledgement waits for its alarm to start', () => {
    expect(objectiveState(ack, r({ from_h: 0, why: 'the alarm flowLow never started' }), 0.3, false)).toBe('pending');
    expect(objectiveState(ack, r({ from_h: 0.2, why: 'never acknowledged' }), 0.21, false)).toBe('pending');
    expect(objectiveState(ack, r({ from_h: 0.2, why: 'never acknowledged' }), 0.3, false)).toBe('missed');
  });
});
