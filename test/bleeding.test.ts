/**
 * Blood loss and the faults that cause it (issue 13, "Faults"; docs/training/bleeding.md): whole blood leaving the
 * patient carries red cells, plasma and every plasma solute together. Volumes and masses balance with the loss;
 * hematocrit moves only as refill dilutes it; the lost volume lowers venous pressure and so the venous-return limit,
 * and the drained vein chatters at a pump speed that ran steadily before.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../sim/engine/simulate.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FLUID_NEUTRAL, run, runWithTimeline, scenario } from './helpers/scenarios.js';
import { orificeBloodFlow_mL_h } from '../sim/circuit/bloodLoss/orifice.js';
import { effluentHemoglobin_g_dL } from '../sim/filter/bloodLeak/part.js';
import { faultOpening_mm } from '../sim/circuit/air/openings.js';
import { cannulaInnerDiameter_mm } from '../sim/circuit/tube.js';
import type { Model } from '../sim/model/context.js';

type Series = keyof RunResult['series'];

/** ∫ f dt over the samples, trapezoidal. */
function integral(r: RunResult, f: (i: number) => number): number {
  const t = r.series.time_h;
  let sum = 0;
  for (let i = 1; i < t.length; i++) sum += 0.5 * (f(i) + f(i - 1)) * (t[i] - t[i - 1]);
  return sum;
}
const s = (r: RunResult, name: Series) => r.series[name];

describe('bleeding from the patient', () => {
  const rate = 500; // mL/h
  const bleeding = run(DEFAULT_ECMO, { duration: '4 h', outputInterval: '0.02 h', 'patient.bleeding.rate': `${rate} mL/h` });
  const intact = run(DEFAULT_ECMO, { duration: '4 h', outputInterval: '0.02 h' });

  it('volume is conserved: body + lost + urine + effluent = start + given, and the loss is the rate times the time', () => {
    const f = bleeding.summary.mass_balance.fluid;
    expect(f.lost_in_bleeding).toBeCloseTo(rate * 4, 6);
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
    expect(at(bleeding, 'blood_loss_mL', 2)).toBeCloseTo(rate * 2, 6);
    expect(at(bleeding, 'bleeding_rate_mL_h', 2)).toBe(rate);
    // without bleeding the balance reports no loss field at all (outputs unchanged)
    expect(intact.summary.mass_balance.fluid.lost_in_bleeding).toBeUndefined();
    expect(at(intact, 'blood_loss_mL', 4)).toBe(0);
  });

  it('red cells leave at the hematocrit of the blood lost: V_rc0 − V_rc(t) = ∫ Hct·Q dt', () => {
    const redCells = (i: number) => (s(bleeding, 'hematocrit_pct')[i] / 100) * s(bleeding, 'intravascular_volume_mL')[i];
    const lostRedCells = integral(bleeding, (i) => (s(bleeding, 'hematocrit_pct')[i] / 100) * rate);
    const last = bleeding.series.time_h.length - 1;
    expect((redCells(0) - redCells(last)) / lostRedCells).toBeCloseTo(1, 4);
  });

  it('pure bleeding leaves hematocrit where it was; only refill dilutes it afterwards', () => {
    // standard care (no filter), refill nearly shut (24 h time constant): 250 mL of whole blood in 30 min
    const slow = { duration: '0.5 h', 'patient.fluids.refillTimeConstant': '24 h', ...FLUID_NEUTRAL };
    const bled = run(DEFAULT_STANDARD, { ...slow, 'patient.bleeding.rate': `${rate} mL/h` });
    const hct0 = at(bled, 'hematocrit_pct', 0);
    const v0 = at(bled, 'intravascular_volume_mL', 0);
    // had 250 mL of plasma left instead, hematocrit would have risen by Hct0·V0/(V0 − 250) − Hct0
    const asPlasma = (hct0 * v0) / (v0 - 250) - hct0;
    expect(at(bled, 'intravascular_volume_mL', 0.5)).toBeLessThan(v0 - 240);
    expect(Math.abs(at(bled, 'hematocrit_pct', 0.5) - hct0)).toBeLessThan(0.03 * asPlasma);
    // with refill at its default the interstitium dilutes the blood that is left
    const refilled = run(DEFAULT_STANDARD, { duration: '2 h', 'patient.bleeding.rate': `${rate} mL/h`, ...FLUID_NEUTRAL });
    expect(at(refilled, 'hematocrit_pct', 2)).toBeLessThan(hct0 - 0.5);
  });

  it('albumin’s mass balance closes with the albumin lost in plasma: ∫ c·Q·(1 − Hct) dt', () => {
    const b = bleeding.summary.mass_balance.albumin;
    expect(b.relative_residual).toBeLessThan(1e-9);
    const lost_g = integral(bleeding, (i) => (s(bleeding, 'albumin_g_L')[i] / 1000) * rate * (1 - s(bleeding, 'hematocrit_pct')[i] / 100));
    expect(b.lost_in_bleeding! / lost_g).toBeCloseTo(1, 3);
    // every solute balances, each with a loss (plasma solutes and body-water ones)
    for (const name of ['il6', 'pct', 'crp', 'creatinine', 'urea', 'lactate']) {
      const m = bleeding.summary.mass_balance[name];
      expect(m.lost_in_bleeding, name).toBeGreaterThan(0);
      expect(m.relative_residual, name).toBeLessThan(1e-9);
    }
  });

  it('500 mL/h: intravascular volume, venous pressure and the drainage limit fall; MAP falls', () => {
    for (const name of ['intravascular_volume_mL', 'p_venous_mmHg', 'venous_return_limit_L_min', 'map_mmHg'] as const) {
      expect(at(bleeding, name, 4), name).toBeLessThan(at(intact, name, 4));
    }
    expect(at(bleeding, 'intravascular_volume_mL', 4)).toBeLessThan(at(intact, 'intravascular_volume_mL', 4) - 1000);
  });

  it('the drained vein chatters at a pump speed that ran steadily without the bleeding', () => {
    const at4000 = { duration: '3 h', 'circuit.pump.speed': '4000 rpm' };
    const steady = run(DEFAULT_ECMO, at4000);
    const bled = run(DEFAULT_ECMO, { ...at4000, 'patient.bleeding.rate': `${rate} mL/h` });
    expect(Math.max(...s(steady, 'drainage_flow_swing_L_min'))).toBe(0);
    expect(steady.events.some((e) => e.type === 'drainage_chatter')).toBe(false);
    expect(at(bled, 'drainage_flow_swing_L_min', 3)).toBeGreaterThan(0.5);
    expect(at(bled, 'drainage_flow_L_min', 3)).toBeLessThan(at(steady, 'drainage_flow_L_min', 3));
    expect(bled.events.some((e) => e.type === 'drainage_chatter' && /chatter begins/.test(e.reason))).toBe(true);
  });
});

/** Minutes to hours, for a timeline and output grid of 1 min. */
const min = (m: number) => m / 60;
const faultRun = (timeline: unknown[], duration = '1.2 h') => runWithTimeline(DEFAULT_ECMO, timeline, { duration, outputInterval: '1 min' });
const FAULT_AT = '59.5 min';
/** An event at the fault's time (the timeline's time is rounded to the microhour). */
const atFault = (t_h: number) => Math.abs(t_h - min(59.5)) < 1e-9 * 3600;

describe('decannulation', () => {
  it('return cannula out: no ECMO flow reaches the patient, who loses the pump’s return flow until the line is clamped (and the jugular site pressed on)', () => {
    const r = faultRun([
      { at: FAULT_AT, set: { 'circuit.decannulation': 'return' } },
      { at: '60.3 min', set: { 'circuit.clamps.returnLine': true, 'circuit.siteCompression': true } },
    ]);
    const loss = r.events.find((e) => e.type === 'blood_loss' && atFault(e.t_h));
    expect(loss).toBeDefined();
    // the open loop's return flow: what the closed loop returned, a little more (the veins no longer push back); the
    // event's value adds the jugular site's bleeding
    const floor = Number(/the pump's ([\d.]+) L\/min goes onto the floor/.exec(loss!.reason)![1]);
    expect(floor).toBeGreaterThan(at(r, 'return_flow_L_min', min(59)));
    expect(floor).toBeLessThan(1.1 * at(r, 'return_flow_L_min', min(59)));
    expect(loss!.reason).toMatch(/the return site bleeds \d+ mL\/min/);
    expect(loss!.value! / 1000).toBeGreaterThan(floor);
    expect(at(r, 'effective_flow_L_min', min(60))).toBe(0);
    expect(at(r, 'effective_flow_L_min', min(59))).toBeGreaterThan(3);
    // at most the held pump flow, capped by what the veins deliver as the patient empties
    expect(at(r, 'bleeding_rate_mL_h', min(60))).toBeLessThanOrEqual(60 * loss!.value! + 1e-6);
    const lost = at(r, 'blood_loss_mL', min(61));
    expect(lost).toBeLessThanOrEqual(loss!.value! * 0.8 + 1e-6);
    expect(lost).toBeGreaterThan(0.5 * loss!.value! * 0.8);
    // clamped: the loss stops, and the volume balance closes with it
    // (a closed clamp is a very large resistance, not a wall: under 0.1 mL/min passes, circuitNow.ts)
    expect(r.events.some((e) => e.type === 'blood_loss' && /stopped/.test(e.reason))).toBe(true);
    expect(at(r, 'bleeding_rate_mL_h', min(62))).toBeLessThan(6);
    expect(at(r, 'blood_loss_mL', 1.2) - lost).toBeLessThan(6 * 0.2);
    const f = r.summary.mass_balance.fluid;
    expect(f.lost_in_bleeding).toBeCloseTo(at(r, 'blood_loss_mL', 1.2), 6);
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
  });

  it('drainage cannula out: the pre-pump line entrains air (detector, airlock) and the vein bleeds through the site at P_v', () => {
    const r = faultRun([{ at: FAULT_AT, set: { 'circuit.decannulation': 'drainage' } }]);
    expect(r.events.some((e) => e.type === 'air_detected' && atFault(e.t_h))).toBe(true);
    const lock = r.events.find((e) => e.type === 'pump_airlock');
    expect(lock!.t_h - min(59.5)).toBeLessThan(min(0.1)); // the cannula's open lumen fills the head in seconds
    expect(at(r, 'pump_head_factor', min(61))).toBeLessThan(0.5);
    const c = r.scenario.circuit!;
    for (const t of [min(60), min(65)]) {
      const expected = orificeBloodFlow_mL_h(c.decannulationSiteOpening, c.bloodDischargeCoefficient, at(r, 'p_venous_mmHg', t), c.flow.bloodDensity);
      expect(at(r, 'bleeding_rate_mL_h', t)).toBeCloseTo(expected, 6);
    }
    // the bleeding slows as the venous pressure falls
    expect(at(r, 'bleeding_rate_mL_h', min(65))).toBeLessThan(at(r, 'bleeding_rate_mL_h', min(60)));
    expect(at(r, 'intravascular_volume_mL', 1.2)).toBeLessThan(at(r, 'intravascular_volume_mL', min(59)) - 500);
  });
});

describe('circuit rupture', () => {
  it('before the pump: air is entrained (negative pressure), no blood is lost', () => {
    const r = faultRun([{ at: FAULT_AT, set: { 'circuit.rupture': 'prePump', 'circuit.ruptureOpening': '1 mm' } }]);
    expect(at(r, 'p_drainage_mmHg', min(59))).toBeLessThan(0);
    expect(r.events.some((e) => e.type === 'air_detected' && atFault(e.t_h))).toBe(true);
    expect(r.events.some((e) => e.type === 'pump_airlock')).toBe(true);
    expect(at(r, 'blood_loss_mL', 1.2)).toBe(0);
  });

  it('after the pump: blood leaves at the orifice rate of the pump outlet’s pressure, C_d·A·√(2P/ρ)', () => {
    const r = faultRun([{ at: FAULT_AT, set: { 'circuit.rupture': 'postPump', 'circuit.ruptureOpening': '1 mm' } }]);
    expect(r.events.some((e) => e.type === 'air_detected')).toBe(false);
    const c = r.scenario.circuit!;
    const pressure = at(r, 'p_pre_oxygenator_mmHg', min(59));
    expect(pressure).toBeGreaterThan(0);
    // 1 mm at ~140 mmHg: v = √(2·18 700 Pa / 1060 kg/m³) ≈ 5.9 m/s, ≈ 170 mL/min
    const expected = orificeBloodFlow_mL_h(1, c.bloodDischargeCoefficient, pressure, c.flow.bloodDensity);
    expect(at(r, 'bleeding_rate_mL_h', min(60)) / expected).toBeCloseTo(1, 2);
    expect(at(r, 'blood_loss_mL', min(70)) / ((expected * min(10.5)) / 1)).toBeCloseTo(1, 2);
    expect(r.summary.mass_balance.albumin.lost_in_bleeding).toBeGreaterThan(0);
  });

  it('the drainage cannula out and a pre-pump rupture at once: two openings in parallel, their areas add', () => {
    const c = scenario(DEFAULT_ECMO).circuit!;
    const opening = (decannulation: string, rupture: string) =>
      faultOpening_mm({ current: { circuit: { ...c, decannulation, rupture, ruptureOpening: 3 } } } as unknown as Model);
    const lumen = cannulaInnerDiameter_mm(c.drainageCannula.size, c.drainageCannula.wallThickness);
    expect(opening('drainage', 'none')).toBe(lumen);
    expect(opening('none', 'prePump')).toBe(3);
    const area = (d: number) => (Math.PI / 4) * d * d;
    expect(area(opening('drainage', 'prePump'))).toBeCloseTo(area(lumen) + area(3), 9);
    expect(opening('none', 'none')).toBe(0);
  });

  it('the orifice relation: ∝ d² and ∝ √ΔP, none without a pressure above the outside', () => {
    expect(orificeBloodFlow_mL_h(2, 0.61, 100, 1060) / orificeBloodFlow_mL_h(1, 0.61, 100, 1060)).toBeCloseTo(4, 9);
    expect(orificeBloodFlow_mL_h(1, 0.61, 400, 1060) / orificeBloodFlow_mL_h(1, 0.61, 100, 1060)).toBeCloseTo(2, 9);
    // 1 mm, 100 mmHg: 0.61 · 0.785 mm² · √(2·13 332/1060) m/s = 2.40 mL/s
    expect(orificeBloodFlow_mL_h(1, 0.61, 100, 1060) / 3600).toBeCloseTo(2.4, 1);
    expect(orificeBloodFlow_mL_h(1, 0.61, 0, 1060)).toBe(0);
    expect(orificeBloodFlow_mL_h(1, 0.61, -50, 1060)).toBe(0);
  });
});

describe('blood leak in the hemofilter', () => {
  // the machine's stop at the alarm overridden, so that the leak runs on (test/bloodLeakStop.test.ts has the stop)
  const leakRun = (leak: string) => run(DEFAULT_ECMO, { duration: '2 h', 'filter.bloodLeak': leak, 'filter.stopOnBloodLeak': 'false' });
  it('red cells colour the effluent: Hb_eff = Q_leak·Hb/(Q_eff + Q_leak); the blood is lost to the patient', () => {
    const r = leakRun('0.5 mL/min');
    const q = 30; // mL/h
    const effluentRate = (at(r, 'effluent_volume_mL', 2) - at(r, 'effluent_volume_mL', 1)) / 1; // mL/h, steady
    expect(at(r, 'effluent_hemoglobin_g_dL', 1.5)).toBeCloseTo(effluentHemoglobin_g_dL(q, effluentRate, at(r, 'hemoglobin_g_dL', 1.5)), 4);
    expect(at(r, 'blood_loss_mL', 2)).toBeCloseTo(q * 2, 6);
    expect(r.summary.mass_balance.fluid.lost_in_bleeding).toBeCloseTo(q * 2, 6);
  });
  it('the detector fires above its threshold only', () => {
    const threshold_mg_dL = scenario(DEFAULT_ECMO).filter!.bloodLeakDetectorThreshold;
    const small = leakRun('0.02 mL/min');
    const large = leakRun('0.5 mL/min');
    const none = run(DEFAULT_ECMO, { duration: '2 h' });
    expect(1000 * at(small, 'effluent_hemoglobin_g_dL', 1)).toBeGreaterThan(0);
    expect(1000 * at(small, 'effluent_hemoglobin_g_dL', 1)).toBeLessThan(threshold_mg_dL);
    expect(at(small, 'blood_leak_detected', 1)).toBe(0);
    expect(1000 * at(large, 'effluent_hemoglobin_g_dL', 1)).toBeGreaterThan(threshold_mg_dL);
    expect(at(large, 'blood_leak_detected', 1)).toBe(1);
    expect(large.events.some((e) => e.type === 'blood_leak' && e.t_h === 0)).toBe(true);
    expect(at(none, 'effluent_hemoglobin_g_dL', 1)).toBe(0);
    expect(at(none, 'blood_leak_detected', 1)).toBe(0);
  });
});

describe('red-cell transfusion', () => {
  it('packed cells add their red cells Hct_u·V and their volume V: hematocrit rises, the fluid balance counts them as given', () => {
    const r = runWithTimeline(DEFAULT_STANDARD, [{ at: '1 h', transfusion: '300 mL' }], {
      duration: '1.25 h',
      outputInterval: '0.25 h',
      'patient.fluids.refillTimeConstant': '24 h',
      ...FLUID_NEUTRAL, // only the unit moves the volume
    });
    const hctUnit = r.scenario.patient.bleeding.transfusionHematocrit;
    const event = r.events.find((e) => e.type === 'transfusion');
    expect(event?.t_h).toBe(1);
    const before = { v: at(r, 'intravascular_volume_mL', 0), hct: at(r, 'hematocrit_pct', 0) / 100 };
    const v = at(r, 'intravascular_volume_mL', 1.25);
    // red cells are neither made nor lost: exactly the unit's; the volume too, but for what refill moves in 15 min at τ = 24 h
    expect((at(r, 'hematocrit_pct', 1.25) / 100) * v - before.hct * before.v).toBeCloseTo(hctUnit * 300, 6);
    expect(v - before.v).toBeGreaterThan(290);
    expect(v - before.v).toBeLessThanOrEqual(300);
    expect(at(r, 'hematocrit_pct', 1.25) / 100).toBeGreaterThan(before.hct);
    const f = r.summary.mass_balance.fluid;
    expect(Math.abs(f.residual)).toBeLessThan(1e-9 * f.start);
  });
});
