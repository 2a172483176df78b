/**
 * Units in the types (sim/quantities.ts). The type-level cases are checked by `tsc --noEmit` (`npm test` runs it
 * first): each `@ts-expect-error` line must fail to compile, so if mixing units ever compiled again, the directive
 * would be unused and the type check would fail. At run time the brands cost nothing: the values are plain numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  g_L,
  gramsPerDecilitre,
  L_min,
  litresPerMinute,
  mL_h,
  mL_min,
  mmHg,
  perHour,
  perMinute,
  type Concentration,
  type Flow,
  type Pressure,
} from '../sim/quantities.js';
import { filterOperatingPoint, type FilterPrescription } from '../sim/filter/operatingPoint.js';
import { filterPressureDrop_mmHg, oncoticPressure_mmHg, transmembranePressure_mmHg } from '../sim/filter/transmembranePressure.js';
import { adsorptiveClearance_mL_min } from '../sim/filter/membrane.js';
import { pressureDrop_mmHg } from '../sim/circuit/tube.js';
import { pumpHead_mmHg } from '../sim/circuit/centrifugalPump.js';
import { recirculationFraction } from '../sim/circuit/recirculation.js';
import { solveCircuit, type CircuitConditions } from '../sim/circuit/network.js';

describe('conversions between units', () => {
  it('perHour: mL/min → mL/h is × 60', () => {
    expect(perHour(mL_min(300))).toBe(18000);
    expect(perHour(mL_min(52.5))).toBe(52.5 * 60);
    expect(perHour(mL_min(0))).toBe(0);
    expect(perHour(mL_min(-5))).toBe(-300);
  });
  it('perMinute: mL/h → mL/min is ÷ 60, the same division the engine did by hand', () => {
    expect(perMinute(mL_h(3600))).toBe(60);
    expect(perMinute(mL_h(3150))).toBe(3150 / 60);
    expect(perMinute(mL_h(1000))).toBe(1000 / 60); // not 1000 × (1/60), which differs in the last bit
  });
  it('perMinute undoes perHour', () => {
    for (const q of [0, 1, 42.7, 350, 4200.123]) expect(perMinute(perHour(mL_min(q)))).toBeCloseTo(q, 12);
  });
  it('litresPerMinute: mL/min → L/min is ÷ 1000', () => {
    expect(litresPerMinute(mL_min(4200))).toBe(4.2);
    expect(litresPerMinute(mL_min(3456.7))).toBe(3456.7 / 1000);
  });
  it('gramsPerDecilitre: g/L → g/dL is ÷ 10', () => {
    expect(gramsPerDecilitre(g_L(73))).toBe(7.3);
  });
  it('constructors are identities: a branded value is the number itself', () => {
    for (const x of [0, -1.5, 3.25, 1e9]) {
      expect(mL_min(x)).toBe(x);
      expect(mL_h(x)).toBe(x);
      expect(L_min(x)).toBe(x);
      expect(mmHg(x)).toBe(x);
      expect(g_L(x)).toBe(x);
      expect(typeof mL_min(x)).toBe('number');
    }
  });
});

describe('mixing units fails to compile', () => {
  const takesMlPerHour = (q: Flow<'mL/h'>) => q;
  const takesMlPerMin = (q: Flow<'mL/min'>) => q;
  const takesMmHg = (p: Pressure<'mmHg'>) => p;
  const takesGramsPerLitre = (c: Concentration<'g/L'>) => c;

  it('a flow in one unit is refused where another unit is expected', () => {
    // @ts-expect-error -- mL/min where mL/h is expected
    takesMlPerHour(mL_min(60));
    // @ts-expect-error -- mL/h where mL/min is expected
    takesMlPerMin(mL_h(3600));
    // @ts-expect-error -- L/min where mL/min is expected
    takesMlPerMin(L_min(4.2));
    // the named conversion is what compiles
    expect(takesMlPerHour(perHour(mL_min(60)))).toBe(3600);
    expect(takesMlPerMin(perMinute(mL_h(3600)))).toBe(60);
  });
  it('a bare number is refused where a unit is expected; a branded one is accepted where a number is', () => {
    // @ts-expect-error -- a plain number has no unit
    takesMlPerMin(300);
    // @ts-expect-error -- arithmetic gives a plain number: re-brand it to say what it is
    takesMlPerMin(mL_min(300) - mL_min(40));
    const asNumber: number = mL_min(300);
    expect(takesMlPerMin(mL_min(asNumber - 40))).toBe(260);
  });
  it('quantities of different dimensions are refused', () => {
    // @ts-expect-error -- a pressure is not a flow
    takesMlPerMin(mmHg(250));
    // @ts-expect-error -- a flow is not a pressure
    takesMmHg(mL_min(250));
    // @ts-expect-error -- a concentration is not a pressure
    takesMmHg(g_L(70));
    // @ts-expect-error -- g/dL where g/L is expected
    takesGramsPerLitre(gramsPerDecilitre(g_L(70)));
    expect(takesMmHg(mmHg(250))).toBe(250);
  });
  it('the conversions accept only their own input unit', () => {
    // @ts-expect-error -- perHour converts from mL/min, not from mL/h
    perHour(mL_h(3600));
    // @ts-expect-error -- perMinute converts from mL/h, not from mL/min
    perMinute(mL_min(60));
    // @ts-expect-error -- litresPerMinute converts from mL/min
    litresPerMinute(mL_h(3600));
    expect(true).toBe(true);
  });
});

describe('the filter and circuit code refuses mixed units', () => {
  const rx: FilterPrescription = { effluent_mL_h: mL_h(3600), netUltrafiltration_mL_h: mL_h(0), predilutionFraction: 1, bloodFlow_mL_min: mL_min(300) };
  const op = filterOperatingPoint(rx, 0.3, g_L(60));
  const tube = { viscous: 0.01, inertial: 1e-6 };

  it('the hemofilter: ultrafiltrate, prescription, protein, pressure drop, adsorption', () => {
    // @ts-expect-error -- TMP takes the ultrafiltrate in mL/h (the Kuf is per mL/h), not the operating point's mL/min
    transmembranePressure_mmHg(op.ultrafiltrate_mL_min, 50, op.membraneProtein_g_L);
    // @ts-expect-error -- the effluent of a prescription is in mL/h
    const wrong: FilterPrescription = { ...rx, effluent_mL_h: mL_min(60) };
    // @ts-expect-error -- the protein concentration is in g/L
    oncoticPressure_mmHg(gramsPerDecilitre(g_L(60)));
    const reference = { pressureDrop_mmHg: 50, bloodFlow_mL_min: 300, viscosity_mPa_s: 3 };
    // @ts-expect-error -- the fibres' mean flow is in mL/min
    filterPressureDrop_mmHg(reference, op.effluent_mL_h, 3, 0);
    // @ts-expect-error -- the initial adsorptive clearance is in mL/min
    adsorptiveClearance_mL_min(perHour(mL_min(20)), 1, 10);
    // the same calls in their own units compile and give the operating point's figures
    expect(transmembranePressure_mmHg(op.effluent_mL_h, 50, op.membraneProtein_g_L)).toBeGreaterThan(72);
    expect(op.ultrafiltrate_mL_min).toBe(perMinute(rx.effluent_mL_h));
    expect(wrong.effluent_mL_h).toBe(60);
  });

  it('the circuit: tube losses, pump head, recirculation, the loop solve', () => {
    // @ts-expect-error -- a tube's loss takes the blood flow in mL/min
    pressureDrop_mmHg(tube, L_min(4.2));
    // @ts-expect-error -- the pump curve's flow is in mL/min
    pumpHead_mmHg({ a_mmHg_rpm2: 4e-5, b_mmHg_mL_min2: 8e-6 }, 3000, mL_h(250_000));
    const p = { flowCoefficient: 0.1, tipDistance_mm: 150, referenceDistance_mm: 150, distanceScale_mm: 50, configurationSpread: 1 };
    // @ts-expect-error -- the cardiac output is in mL/min
    recirculationFraction(p, mL_min(4000), L_min(6.5));
    const conditions: CircuitConditions = {
      pumpSpeed_rpm: 3000,
      // @ts-expect-error -- a flow where the venous pressure goes
      venousPressure_mmHg: mL_min(8),
      availableVenousReturn_mL_min: mL_min(1e9),
      filterLimbFlow_mL_min: mL_min(0),
      filterLimbReturn_mL_min: mL_min(0),
    };
    // typed, not run (the elements are a stand-in)
    // @ts-expect-error -- the starting guess is a drainage flow in mL/min
    const solve = () => solveCircuit({} as Parameters<typeof solveCircuit>[0], conditions, mL_h(240_000));
    expect(typeof solve).toBe('function');
    expect(pressureDrop_mmHg(tube, mL_min(4200))).toBeCloseTo(0.01 * 4200 + 1e-6 * 4200 * 4200, 12);
  });
});
