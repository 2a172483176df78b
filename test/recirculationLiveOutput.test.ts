/**
 * Recirculation reads the circulation's cardiac output now (hemodynamics/venousReturn.ts), not the scenario's
 * `patient.cardiacOutput`: R = Q / (Q + c·k·CO·exp((d − d_ref)/λ)) (sim/circuit/recirculation.ts) falls with the native
 * output that carries returned blood away from the drainage cannula (Abrams 2015; Fisser 2022's regression), so a
 * bleed that lowers the output raises recirculation. At the starting volume, with nothing moving the heart's curve,
 * the output now is the parameter and recirculation is what the parameter gave.
 */
import { describe, expect, it } from 'vitest';
import { recirculationFraction, recirculationParams } from '../sim/circuit/recirculation.js';
import { mL_min } from '../sim/quantities.js';
import { DEFAULT_ECMO, run, scenario, STILL_HEART } from './helpers/scenarios.js';

const sc = scenario(DEFAULT_ECMO);
const params = recirculationParams(sc.circuit!.configuration, sc.circuit!.recirculation);
/** R (%) the relation gives at a return flow and a cardiac output, both L/min. */
const relation_pct = (q_L_min: number, co_L_min: number) => 100 * recirculationFraction(params, mL_min(1000 * q_L_min), mL_min(1000 * co_L_min));

describe('recirculation from the native cardiac output now', () => {
  const bleed = run(DEFAULT_ECMO, { duration: '4 h', outputInterval: '0.5 h', 'patient.bleeding.rate': '600 mL/h' });
  const s = bleed.series;
  const n = s.time_h.length - 1;

  it('a 600 mL/h bleed lowers the native output and recirculation rises with it, sample by sample as the relation gives at the output now', () => {
    for (let i = 0; i <= n; i++) expect(s.recirculation_pct[i]).toBeCloseTo(relation_pct(s.return_flow_L_min[i], s.cardiac_output_L_min[i]), 9);
    expect(s.cardiac_output_L_min[n]).toBeLessThan(0.7 * s.cardiac_output_L_min[0]);
    // the pump's return flow barely moves (speed mode): the rise is the output's doing
    expect(Math.abs(s.return_flow_L_min[n] / s.return_flow_L_min[0] - 1)).toBeLessThan(0.02);
    for (let i = 1; i <= n; i++) expect(s.recirculation_pct[i]).toBeGreaterThan(s.recirculation_pct[i - 1]);
    expect(s.recirculation_pct[n] - s.recirculation_pct[0]).toBeGreaterThan(5);
    // the scenario's parameter would have left it near where it started
    const withParameter = relation_pct(s.return_flow_L_min[n], sc.patient.cardiacOutput / 1000);
    expect(s.recirculation_pct[n] - withParameter).toBeGreaterThan(5);
  });

  it('and the effective flow that reaches the patient falls with it, Q·(1 − R)', () => {
    for (let i = 0; i <= n; i++) expect(s.effective_flow_L_min[i]).toBeCloseTo(s.return_flow_L_min[i] * (1 - s.recirculation_pct[i] / 100), 9);
    expect(s.effective_flow_L_min[n]).toBeLessThan(s.effective_flow_L_min[0] - 0.2);
  });

  it('at the starting volume, with CO2 leaving the heart’s curve where it was (its load and its drive off), the output now is the parameter and so is recirculation', () => {
    const still = run(DEFAULT_ECMO, { duration: '0.5 h', outputInterval: '0.5 h', ...STILL_HEART });
    const t = still.series;
    expect(t.cardiac_output_L_min[0]).toBeCloseTo(sc.patient.cardiacOutput / 1000, 9);
    expect(t.recirculation_pct[0]).toBeCloseTo(relation_pct(t.return_flow_L_min[0], sc.patient.cardiacOutput / 1000), 9);
  });
});
