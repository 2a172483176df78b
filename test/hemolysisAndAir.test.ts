/**
 * Hemolysis and air (docs/models/circuit-hydraulics.md, "Hemolysis and air"): the orifice flow of air, the pump
 * head's fall with trapped air and its recovery after de-airing, the pump's free hemoglobin release anchored to its
 * published index, and free hemoglobin's clearance and mass balance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromObject } from '../sim/scenario/load.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { DEFAULT_ECMO, at, run } from './helpers/scenarios.js';
import { AIR_DENSITY_kg_m3, airEntrainment_mL_h, equilibriumAir_mL, openingPressure_mmHg, pumpHeadFactor } from '../sim/circuit/air/airEntrainment.js';
import { freeHbElimination_1_h, pumpHemolysis_mg_h, type PumpHemolysis } from '../sim/circuit/hemolysis/hemolysis.js';
import { FREE_HB_ALERT_mg_dL } from '../sim/circuit/hemolysis/part.js';

/** The default ECMO scenario with a timeline and an output grid of its own. */
function runWith(timeline: unknown[], duration: string): RunResult {
  const raw = JSON.parse(readFileSync(DEFAULT_ECMO, 'utf8'));
  Object.assign(raw, { duration, outputInterval: '0.1 h', timeline });
  return simulate(scenarioFromObject(raw, 'test'));
}

describe('air entrainment and the airlocked pump', () => {
  it('air through an opening follows Bernoulli’s orifice flow, and none enters where the line is not below atmosphere', () => {
    // 1 mm, C_d 0.61, 100 mmHg below atmosphere: v = √(2·13 332 Pa / 1.2 kg/m³) = 149 m/s
    const v = Math.sqrt((2 * 100 * 133.322) / AIR_DENSITY_kg_m3);
    expect(v).toBeCloseTo(149.1, 1);
    expect(airEntrainment_mL_h(1, 0.61, -100)).toBeCloseTo(0.61 * (Math.PI / 4) * 1e-6 * v * 1e6 * 3600, 6);
    // flow ∝ d² and ∝ √ΔP
    expect(airEntrainment_mL_h(2, 0.61, -100) / airEntrainment_mL_h(1, 0.61, -100)).toBeCloseTo(4, 9);
    expect(airEntrainment_mL_h(1, 0.61, -400) / airEntrainment_mL_h(1, 0.61, -100)).toBeCloseTo(2, 9);
    expect(airEntrainment_mL_h(1, 0.61, 0)).toBe(0);
    expect(airEntrainment_mL_h(1, 0.61, 20)).toBe(0);
  });
  it('an opening stops entraining where its pressure reaches atmospheric: P(V*) = 0', () => {
    const vStar = equilibriumAir_mL(8, 100, 10, 3, 32);
    expect(openingPressure_mmHg(8, 100, pumpHeadFactor(vStar, 10, 3))).toBeCloseTo(0, 9);
    expect(pumpHeadFactor(10, 10, 3)).toBe(0.5);
    expect(equilibriumAir_mL(8, 5, 10, 3, 32)).toBe(0); // no suction at the opening
    expect(equilibriumAir_mL(-2, 100, 10, 3, 32)).toBe(32); // nothing but a full head stops it
  });
  it('An airlocked pump: flow and head collapse; clearing the air restores them', () => {
    const r = runWith(
      [
        { at: '1 h', fault: { airEntry: '1.5 mm' } },
        { at: '2 h', deAir: true },
      ],
      '3 h',
    );
    const flowBefore = at(r, 'pump_flow_L_min', 0.9);
    const headBefore = at(r, 'pump_head_mmHg', 0.9);
    expect(r.events.some((e) => e.type === 'air_detected' && e.t_h === 1)).toBe(true);
    const lock = r.events.find((e) => e.type === 'pump_airlock');
    expect(lock?.t_h).toBeGreaterThan(1);
    expect(lock?.t_h).toBeLessThan(1.01); // a 1.5 mm port fills the head in seconds
    expect(at(r, 'air_pump_head_mL', 1.5)).toBeGreaterThan(10);
    expect(at(r, 'pump_head_factor', 1.5)).toBeLessThan(0.5);
    expect(at(r, 'pump_flow_L_min', 1.5)).toBeLessThan(0.5 * flowBefore);
    expect(at(r, 'pump_head_mmHg', 1.5)).toBeLessThan(0.25 * headBefore);
    expect(at(r, 'air_entrainment_mL_min', 1.5)).toBe(0); // the pre-pump line no longer draws air
    expect(r.events.some((e) => e.type === 'de_air' && e.t_h === 2)).toBe(true);
    expect(at(r, 'air_pump_head_mL', 2.1)).toBe(0);
    // restored to what the same patient's circuit gives without the fault at that hour (the patient's volume drifts)
    const untouched = runWith([], '3 h');
    expect(at(r, 'pump_flow_L_min', 2.1)).toBeCloseTo(at(untouched, 'pump_flow_L_min', 2.1), 2);
    expect(at(r, 'pump_head_mmHg', 2.1)).toBeCloseTo(at(untouched, 'pump_head_mmHg', 2.1), 0);
  });
});

describe('hemolysis', () => {
  // Sobieski et al., Artif Organs 2012;36:677: Rotaflow NIH 0.021 g/100 L at 3000 rpm, 4.2 L/min, 250 mmHg
  const rotaflow: PumpHemolysis = {
    index_mg_L: 0.21,
    referenceSpeed_rpm: 3000,
    referenceFlow_mL_min: 4200,
    exposureExponent: 0.785,
    stressExponent: 2.416,
    suctionThreshold_mmHg: 100,
    suctionFactor: 1,
  };
  it('at its test point the pump releases its published index times the blood pumped', () => {
    // 0.21 mg/L × 4.2 L/min × 60 min/h = 52.92 mg/h
    expect(pumpHemolysis_mg_h(rotaflow, 3000, 4200, -50)).toBeCloseTo(52.92, 9);
  });
  it('more speed, less flow (longer exposure) and suction past −100 mmHg each release more free Hb per litre', () => {
    const perLitre = (n: number, q: number, p: number) => pumpHemolysis_mg_h(rotaflow, n, q, p) / q;
    expect(perLitre(3500, 4200, -50)).toBeGreaterThan(perLitre(3000, 4200, -50));
    expect(perLitre(3000, 2000, -50)).toBeGreaterThan(perLitre(3000, 4200, -50));
    expect(perLitre(3000, 4200, -100)).toBe(perLitre(3000, 4200, -50));
    expect(perLitre(3000, 4200, -200)).toBeCloseTo(2 * perLitre(3000, 4200, -50), 9);
    expect(pumpHemolysis_mg_h(rotaflow, 3000, 0, -50)).toBe(0);
  });
  it('free Hb rises from its baseline toward G/(k·V) above it, and its mass balance closes', () => {
    const r = run(DEFAULT_ECMO, { duration: '24 h' });
    const c0 = r.scenario.circuit!.hemolysis;
    expect(at(r, 'plasma_free_hb_mg_dL', 0)).toBeCloseTo(c0.baseline, 9);
    const k = freeHbElimination_1_h(c0.halfLife);
    const plasma_dL = (at(r, 'intravascular_volume_mL', 24) * (1 - at(r, 'hematocrit_pct', 24) / 100)) / 100;
    const steady = c0.baseline + at(r, 'pump_hemolysis_mg_h', 24) / (k * plasma_dL);
    expect(at(r, 'plasma_free_hb_mg_dL', 24)).toBeGreaterThan(c0.baseline);
    expect(Math.abs(at(r, 'plasma_free_hb_mg_dL', 24) / steady - 1)).toBeLessThan(0.1);
    expect(r.summary.mass_balance.plasma_free_hb.relative_residual).toBeLessThan(1e-6);
  });
  it('a pump ten times as hemolytic crosses the ELSO alert level, with the reason in the events', () => {
    const r = run(DEFAULT_ECMO, { duration: '24 h', 'circuit.hemolysis.pumpIndex': '2.1 mg/L' });
    const alert = r.events.find((e) => e.type === 'hemolysis');
    expect(alert?.reason).toMatch(/pump shear/);
    expect(alert?.value).toBeCloseTo(FREE_HB_ALERT_mg_dL, 3);
  });
});
