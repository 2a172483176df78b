/**
 * Training objectives judged from a session log and trend samples (sim/training/objectives.ts): each kind met by a
 * timely response and missed by a late or absent one, timed from its anchor.
 */
import { describe, expect, it } from 'vitest';
import { judgeObjectives, objectiveProblems, objectiveSchema, type Objective } from '../sim/training/objectives.js';
import type { SessionEntry, TrendSample } from '../sim/training/sessionLog.js';

const min = (m: number) => m / 60;
const entry = (t_min: number, kind: SessionEntry['kind'], id: string): SessionEntry => ({ t_h: min(t_min), kind, id, text: id });
/** Flow falls to 0.5 L/min when the pump fails at 10 min and comes back to 3.5 L/min at `restored_min`. */
function flowTrend(restored_min: number): TrendSample[] {
  return Array.from({ length: 61 }, (_, m) => ({
    t_h: min(m),
    values: { effective_flow_L_min: m < 10 ? 4.5 : m < restored_min ? 0.5 : 3.5 },
  }));
}

const restoreFlow: Objective = {
  id: 'restore',
  text: 'Restore flow above 3 L/min within 5 min of the pump failure',
  kind: 'reach',
  series: 'effective_flow_L_min',
  above: 3,
  within_min: 5,
  after: { fault: 'pumpFailure' },
};
const clampClamp: Objective = {
  id: 'clamps',
  text: 'Clamp drainage and return within 60 s',
  kind: 'act',
  actions: ['set:circuit.clamps.drainage', 'set:circuit.clamps.return'],
  within_min: 1,
  after: { fault: 'pumpFailure' },
};
const log = (extra: SessionEntry[]) => [entry(10, 'fault', 'pumpFailure'), ...extra];

describe('a reach objective', () => {
  it('is met when the series reaches its value within the time, with the response time from the fault', () => {
    const [r] = judgeObjectives([restoreFlow], log([]), flowTrend(14));
    expect(r).toMatchObject({ met: true, response_s: 240 });
  });
  it('is missed when it comes later', () => {
    const [r] = judgeObjectives([restoreFlow], log([]), flowTrend(16));
    expect(r.met).toBe(false);
    expect(r.why).toBe('not reached within 5 min');
  });
  it('is missed, saying so, when its fault never happened', () => {
    const [r] = judgeObjectives([restoreFlow], [], flowTrend(14));
    expect(r).toMatchObject({ met: false, why: 'its trigger never happened' });
  });
});

describe('an act objective', () => {
  it('is met by the actions in order within the time', () => {
    const r = judgeObjectives(
      [clampClamp],
      log([entry(10.5, 'action', 'set:circuit.clamps.drainage'), entry(10.75, 'action', 'set:circuit.clamps.return')]),
      [],
    );
    expect(r[0]).toMatchObject({ met: true, response_s: 45 });
  });
  it('is missed when the second action comes too late or the order is reversed', () => {
    const late = judgeObjectives(
      [clampClamp],
      log([entry(10.5, 'action', 'set:circuit.clamps.drainage'), entry(11.5, 'action', 'set:circuit.clamps.return')]),
      [],
    );
    expect(late[0].met).toBe(false);
    expect(late[0].why).toContain('set:circuit.clamps.return: done after 90 s');
    const reversed = judgeObjectives(
      [clampClamp],
      log([entry(10.2, 'action', 'set:circuit.clamps.return'), entry(10.5, 'action', 'set:circuit.clamps.drainage')]),
      [],
    );
    expect(reversed[0].met).toBe(false);
  });
  it('counts an action that does several things at once for each of them', () => {
    const r = judgeObjectives([clampClamp], log([entry(10.5, 'action', 'set:circuit.clamps.drainage+set:circuit.clamps.return')]), []);
    expect(r[0]).toMatchObject({ met: true, response_s: 30 });
    const partial = judgeObjectives([clampClamp], log([entry(10.5, 'action', 'set:circuit.clamps.drainageX+set:circuit.pump.speed')]), []);
    expect(partial[0].met).toBe(false);
  });

  it('does not count actions made before the fault', () => {
    const r = judgeObjectives(
      [clampClamp],
      [entry(5, 'action', 'set:circuit.clamps.drainage'), ...log([entry(10.5, 'action', 'set:circuit.clamps.return')])],
      [],
    );
    expect(r[0].met).toBe(false);
  });
});

describe('a keep objective', () => {
  const keepSat: Objective = { id: 'sat', text: 'SaO2 never below 85 %', kind: 'keep', series: 'sao2_pct', above: 85, after: { at_min: 0 } };
  const trend = (dip: number) => Array.from({ length: 30 }, (_, m) => ({ t_h: min(m), values: { sao2_pct: m === 20 ? dip : 92 } }));
  it('is met when the series never leaves its side', () => {
    expect(judgeObjectives([keepSat], [], trend(88))[0].met).toBe(true);
  });
  it('is missed at the first sample off its side', () => {
    expect(judgeObjectives([keepSat], [], trend(80))[0]).toMatchObject({ met: false, at_h: min(20) });
  });
  it('looks only within for_min of its anchor', () => {
    expect(judgeObjectives([{ ...keepSat, for_min: 15 }], [], trend(80))[0].met).toBe(true);
  });
});

describe('an acknowledge objective', () => {
  const ack: Objective = {
    id: 'ack',
    text: 'Acknowledge the bubble alarm within 30 s',
    kind: 'acknowledge',
    alarm: 'bubble',
    within_min: 0.5,
    after: { at_min: 0 },
  };
  it('is met by an acknowledgement within the time of the alarm', () => {
    const r = judgeObjectives([ack], [entry(3, 'alarm', 'bubble:start'), entry(3.25, 'alarm', 'bubble:acknowledged')], []);
    expect(r[0]).toMatchObject({ met: true, response_s: 15 });
  });
  it('is missed by a late one', () => {
    const r = judgeObjectives([ack], [entry(3, 'alarm', 'bubble:start'), entry(4, 'alarm', 'bubble:acknowledged')], []);
    expect(r[0]).toMatchObject({ met: false, why: 'acknowledged after 60 s' });
  });
});

describe('objective definitions', () => {
  it('refuse an unknown kind and a reach without a side, naming the objective', () => {
    expect(objectiveSchema.safeParse({ ...restoreFlow, kind: 'hope' }).success).toBe(false);
    const { above: _, ...noSide } = restoreFlow as Extract<Objective, { kind: 'reach' }>;
    expect(objectiveProblems([noSide as Objective])).toEqual([
      { path: 'objectives[0]', message: '"restore" needs exactly one of "above" or "below" (the value effective_flow_L_min must reach or stay on)' },
    ]);
    expect(objectiveProblems([restoreFlow, restoreFlow])[0].message).toContain('used twice');
  });
});
