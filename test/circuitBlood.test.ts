/**
 * The circuit's own blood (sim/filter/circuitBlood.ts; docs/models/hemofilter.md, "Connection sites and the
 * circuit's blood"): the filter clears the ECMO circuit's blood, which exchanges with the patient only through the
 * cannula flows. With the lines clamped the patient is untouched by the filter while the circuit's blood is
 * cleared; restoring flow mixes the two back; mass balances (patient + circuit) close throughout.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ECMO, FIXED_GAS, run, runWithTimeline } from './helpers/scenarios.js';
import {
  circuitExchangeFlow_mL_min,
  holdCircuitExchange,
  isolatedCircuitEffluent_mL,
  ISOLATION_FLOW_mL_min,
  seriesClearance_mL_h,
} from '../sim/filter/circuitBlood.js';
import { modelContext } from '../sim/model/context.js';
import { scenario } from './helpers/scenarios.js';
import type { RunResult } from '../sim/engine/simulate.js';

/** Sweep and ventilator rate fixed: the comparisons are of the filter's reach, not of the blood-gas protocols. */
const DAY = { duration: '24 h', ...FIXED_GAS };
const CLAMPED = { ...DAY, 'circuit.clamps.drainageLine': 'true', 'circuit.clamps.returnLine': 'true' };
/** The same circuit with the filter limb clamped too: the filter does nothing, the reference for "untouched". */
const CLAMPED_NO_FILTER = { ...CLAMPED, 'circuit.clamps.filterLimb': 'true' };
const PATIENT_SERIES = ['il6_pg_mL', 'albumin_g_L', 'pct_ng_mL', 'urea_mg_dL', 'intravascular_volume_mL', 'interstitial_volume_mL'] as const;

const last = (r: RunResult, name: string) => r.series[name].at(-1)!;
const closes = (r: RunResult) => {
  for (const [name, b] of Object.entries(r.summary.mass_balance)) expect(b.relative_residual, name).toBeLessThan(1e-6);
};
/**
 * Equal to the solver's accuracy: the two runs take different steps (odex, relative 1e-7 per step) and the samples
 * come from its dense output. Measured: up to ~1.2e-5 apart before the kidney, whose MAP-driven filtration makes the
 * hourly titration restart the solver, and up to 2.2e-4 since (urea at 9 h with net UF 150 mL/h). What the test guards against is far larger: the filter on the patient
 * moves IL-6 by 40 % in 24 h, a leak of 1 % of it by 0.4 %.
 */
const near = (a: number, b: number, what: string) => expect(Math.abs(a - b), what).toBeLessThanOrEqual(1e-3 * Math.abs(b));
const samePatient = (a: RunResult, b: RunResult) => {
  for (const name of PATIENT_SERIES) a.series[name].forEach((v, i) => near(v, b.series[name][i], `${name} at ${a.series.time_h[i]} h`));
};

describe('the series clearance K·Q/(Q + K)', () => {
  it('is K for a filter on the patient, K/2 when the exchange flow equals K, 0 when it stops, and never above either', () => {
    const k = 3600; // mL/h: 60 mL/min
    expect(seriesClearance_mL_h(k, Infinity)).toBe(k);
    expect(seriesClearance_mL_h(k, 60)).toBeCloseTo(k / 2, 9);
    expect(seriesClearance_mL_h(k, 0)).toBe(0);
    for (const q of [1, 10, 100, 1000, 5000]) expect(seriesClearance_mL_h(k, q)).toBeLessThan(Math.min(k, 60 * q));
  });
  it('a forward flow exchanges its effective (recirculation-free) part; a retrograde one its whole magnitude', () => {
    expect(circuitExchangeFlow_mL_min(4000, 3400)).toBe(3400);
    expect(circuitExchangeFlow_mL_min(-150, 0)).toBe(150);
  });
  it('the circuit is isolated below the threshold flow, and the isolation is reported as a change once', () => {
    const m = modelContext(scenario(DEFAULT_ECMO));
    expect(holdCircuitExchange(m, ISOLATION_FLOW_mL_min / 2, 1000)).toBe(true);
    expect(m.filter.circuitIsolated).toBe(true);
    expect(holdCircuitExchange(m, 0, 1500)).toBe(false);
    // isolated since 1000 mL of effluent: what was collected since cleared only the circuit's blood
    expect(isolatedCircuitEffluent_mL(m, 2500)).toBe(1500);
    expect(holdCircuitExchange(m, 3000, 3000)).toBe(true);
    expect(m.filter.circuitFlow_mL_min).toBe(3000);
    expect(holdCircuitExchange(m, null, 4000)).toBe(false);
    expect(m.filter.circuitFlow_mL_min).toBe(Infinity);
    // the isolation ended at 3000 mL: 2000 mL of it, and nothing collected after it counts
    expect(isolatedCircuitEffluent_mL(m, 5000)).toBe(2000);
  });
});

describe('clamped lines: the filter clears the circuit, not the patient', () => {
  const clamped = run(DEFAULT_ECMO, CLAMPED);
  const noFilter = run(DEFAULT_ECMO, CLAMPED_NO_FILTER);
  const running = run(DEFAULT_ECMO, DAY);
  it('the patient’s IL-6, PCT, urea, albumin and volumes follow the run whose filter does nothing', () => samePatient(clamped, noFilter));
  it('the filter still runs: the full effluent is collected, and it removes the circuit’s share of each solute', () => {
    expect(last(clamped, 'effluent_volume_mL')).toBeCloseTo(last(running, 'effluent_volume_mL'), 6);
    const b = clamped.summary.mass_balance;
    expect(b.il6.removed_in_effluent).toBeGreaterThan(0);
    // at most what the circuit's plasma held when it was isolated (its prime's volume: ECMO circuit 550 + filter set 150 mL)
    const plasma0_mL = clamped.series.intravascular_volume_mL[0] * (1 - clamped.series.hematocrit_pct[0] / 100);
    const circuitShare = ((550 + 150) * (1 - clamped.series.hematocrit_pct[0] / 100)) / plasma0_mL;
    expect(b.il6.removed_in_effluent + b.il6.adsorbed).toBeLessThanOrEqual(circuitShare * clamped.series.il6_pg_mL[0] * plasma0_mL * (1 + 1e-6));
    // albumin likewise: no more than the circuit's plasma held (g/L × mL / 1000), though the running filter may remove little more in a day
    const albumin0_g = (circuitShare * clamped.series.albumin_g_L[0] * plasma0_mL) / 1000;
    expect(b.albumin.removed_in_effluent).toBeGreaterThan(0);
    expect(b.albumin.removed_in_effluent).toBeLessThanOrEqual(albumin0_g * (1 + 1e-6));
  });
  it('the event log says the circuit’s blood is isolated', () => {
    expect(clamped.events.filter((e) => e.type === 'circuit_blood').map((e) => e.t_h)).toEqual([0]);
  });
  it('mass balances (patient + circuit) close', () => closes(clamped));
  it('a prescribed net ultrafiltration is not taken from the patient', () => {
    const withUf = run(DEFAULT_ECMO, { ...CLAMPED, 'prescription.netUltrafiltration': '150 mL/h' });
    samePatient(withUf, noFilter);
    closes(withUf);
  });
});

describe('a stopped pump', () => {
  const stoppedAndClamped = run(DEFAULT_ECMO, { ...CLAMPED, 'circuit.pump.speed': '0 rpm' });
  const stopped = run(DEFAULT_ECMO, { ...DAY, 'circuit.pump.speed': '0 rpm' });
  const running = run(DEFAULT_ECMO, DAY);
  it('stopped and clamped, as a perfusionist stops a circuit: the patient is untouched by the filter', () => {
    samePatient(stoppedAndClamped, run(DEFAULT_ECMO, { ...CLAMPED_NO_FILTER, 'circuit.pump.speed': '0 rpm' }));
    closes(stoppedAndClamped);
  });
  it('stopped with open lines: the limb’s blood pump drives blood backwards through the cannulae, which still exchange', () => {
    const q = -last(stopped, 'return_flow_L_min') * 1000;
    expect(q).toBeGreaterThan(ISOLATION_FLOW_mL_min);
    // the patient is cleared, in series with that retrograde flow, less than by the running circuit
    const removed = (r: RunResult) => r.summary.mass_balance.il6.removed_in_effluent;
    expect(removed(stopped)).toBeGreaterThan(0);
    expect(removed(stopped)).toBeLessThan(removed(running));
    // until the filter is changed at 24 h: its limb then stops, nothing drives the flow, and the circuit is isolated
    expect(stopped.events.filter((e) => e.type === 'circuit_blood').map((e) => e.t_h)).toEqual([24]);
    closes(stopped);
  });
});

describe('clamped for 6 h, then released: the circuit’s blood splits off and mixes back, mass exact', () => {
  const clamp = (on: boolean) => ({ 'circuit.clamps.drainageLine': on, 'circuit.clamps.returnLine': on });
  const r = runWithTimeline(
    DEFAULT_ECMO,
    [
      { at: '6 h', set: clamp(true) },
      { at: '12 h', set: clamp(false) },
    ],
    { ...DAY, 'prescription.netUltrafiltration': '100 mL/h' },
  );
  const i = (t: number) => r.series.time_h.findIndex((x) => Math.abs(x - t) < 1e-9);
  it('isolation at 6 h and mixing at 12 h are logged', () => {
    expect(r.events.filter((e) => e.type === 'circuit_blood').map((e) => e.t_h)).toEqual([6, 12]);
  });
  it('while clamped the patient’s IL-6 and volume follow their own kinetics, with no filter removal or net UF', () => {
    const noFilter = runWithTimeline(
      DEFAULT_ECMO,
      [
        { at: '6 h', set: { ...clamp(true), 'circuit.clamps.filterLimb': true } },
        { at: '12 h', set: clamp(false) },
      ],
      { ...DAY, 'prescription.netUltrafiltration': '100 mL/h' },
    );
    for (const t of [6, 9, 11.75]) {
      near(r.series.il6_pg_mL[i(t)], noFilter.series.il6_pg_mL[i(t)], `IL-6 at ${t} h`);
      near(r.series.intravascular_volume_mL[i(t)], noFilter.series.intravascular_volume_mL[i(t)], `volume at ${t} h`);
    }
  });
  it('mass balances close across the split and the mix', () => closes(r));
});
