/**
 * The settle loop (sim/engine/events.ts settle): after the events at a time the circuit is derived again until every
 * quantity a model holds between events stops moving. It stops after 50 passes; when it stops there without
 * converging it says so in an event naming what still moved and by how much, never silently.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';
import { buildModel, deriveNow, initialState, type ComposedModel } from '../sim/engine/model.js';
import { SettleAccelerator } from '../sim/model/settleAccelerator.js';
import { EventScheduler } from '../sim/engine/events.js';
import type { ModelPart } from '../sim/model/part.js';
import type { SettleMove } from '../sim/model/events.js';

const scenario = loadScenarioFile('scenarios/ecmo-hvhf-default.json', [{ path: 'duration', value: '2 h' }]);

/** The default model with a stub part whose held value moves on its first `movingPasses` settle passes. */
function withStub(movingPasses: number): { c: ComposedModel; calls: () => number } {
  const base = buildModel(scenario);
  let calls = 0;
  const move: SettleMove = { what: "the stub's held value", by: 0, unit: 'mmHg' };
  const stub: ModelPart = {
    settleHeld: () => {
      calls++;
      move.by = 0.5 ** calls;
      return calls <= movingPasses ? move : null;
    },
  };
  return { c: { ...base, parts: [...base.parts, stub] }, calls: () => calls };
}

function startEvents(c: ComposedModel) {
  const scheduler = new EventScheduler(c);
  scheduler.start(0, initialState(c));
  return scheduler.events;
}

describe('the settle loop', () => {
  it('a held value that never stops moving: an event names it and its last move after 50 passes', () => {
    const { c, calls } = withStub(Infinity);
    const events = startEvents(c).filter((e) => e.type === 'settle_unconverged');
    expect(events).toHaveLength(1);
    expect(calls()).toBe(51);
    expect(events[0].t_h).toBe(0);
    expect(events[0].reason).toContain('did not settle in 50 passes');
    expect(events[0].reason).toContain(`the stub's held value moved ${(0.5 ** 51).toPrecision(2)} mmHg`);
  });

  it('a held value that stops moving within the passes: no such event', () => {
    const { c, calls } = withStub(3);
    const events = startEvents(c);
    expect(calls()).toBeGreaterThanOrEqual(4); // the stub stopped on its 4th; acid–base may move a pass or two more
    expect(events.some((e) => e.type === 'settle_unconverged')).toBe(false);
  });
});

describe('the held PaCO2 settles by Aitken’s Δ² (settleAccelerator.ts)', () => {
  it('a map contracting at a steady ratio: two plain passes, then one extrapolated pass lands on its fixed point', () => {
    const fixed = 40;
    const map = (h: number) => fixed + -0.007 * (h - fixed); // the held PaCO2's ratio in the ECMO default
    const a = new SettleAccelerator();
    const h1 = a.next(56, map(56)); // the first pass is plain: G(56)
    expect(h1).toBe(map(56));
    expect(Math.abs(a.next(h1, map(h1)) - fixed)).toBeLessThan(1e-12);
  });
  it('a map that does not contract (ratio −0.8) is not extrapolated: every pass is plain', () => {
    const map = (h: number) => 40 + -0.8 * (h - 40);
    const a = new SettleAccelerator();
    const h1 = a.next(56, map(56));
    expect(a.next(h1, map(h1))).toBe(map(h1));
  });
  it('the ECMO default settles at its start in at most 5 passes, on a PaCO2 the circuit then derives within 1e-9', () => {
    const base = buildModel(scenario);
    const acidBase = base.parts.find((p) => p.settleHeld)!;
    let passes = 0;
    const counted: ModelPart = { ...acidBase, settleHeld: (now) => (passes++, acidBase.settleHeld!(now)) };
    const c = { ...base, parts: base.parts.map((p) => (p === acidBase ? counted : p)) };
    const y = initialState(c);
    new EventScheduler(c).start(0, y);
    expect(passes).toBeLessThanOrEqual(5); // plain passes alone took 7 (ratio −0.007: ~2 digits a pass, 16 mmHg to 1e-12)
    const now = deriveNow(c, 0, y);
    for (const p of c.parts) p.deriveForOutput?.(now);
    expect(Math.abs(now.paco2_mmHg - now.acidBase.heldPaco2_mmHg)).toBeLessThan(1e-9 * now.paco2_mmHg);
  });
});
