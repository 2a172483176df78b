/**
 * CO2 production follows the tissues' oxygen demand at the starting respiratory quotient (gas-exchange.md, "Carbon
 * dioxide"): fever and the septic hypermetabolism make CO2 as they use oxygen.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import { observe } from '../sim/engine/observe.js';
import { LAYOUT } from '../sim/engine/models.js';
import { DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_GAS, FIXED_RATE, scenario } from './helpers/scenarios.js';

const TEMPERATURE = LAYOUT.slot('bodyTemperature_C');

/** PaCO2 and the oxygen demand at the start, and with the core temperature raised by dT at the same state otherwise. */
function warmed(file: string, dT: number, values: Record<string, string>) {
  const sim = new Simulation(scenario(file, values));
  const y = [...sim.state];
  const cool = observe(sim.composed, 0, y);
  const before = { paco2: cool.paco2_mmHg, demand: cool.vo2_demand_mL_min };
  y[TEMPERATURE] += dT;
  const warm = observe(sim.composed, 0, y);
  return { before, after: { paco2: warm.paco2_mmHg, demand: warm.vo2_demand_mL_min } };
}

describe('CO2 production follows the oxygen demand', () => {
  it('without ECMO, PaCO2 = VCO2/g_lung rises with the demand exactly: a kelvin of fever raises both by α = 10 %', () => {
    const { before, after } = warmed(DEFAULT_STANDARD, 1, FIXED_RATE);
    expect(after.demand / before.demand).toBeCloseTo(1.1, 12);
    expect(after.paco2 / before.paco2).toBeCloseTo(after.demand / before.demand, 12);
  });

  it('on VV ECMO a kelvin raises PaCO2 by about what Park et al. found (Rev Bras Ter Intensiva 2016: +4.5 mmHg per °C)', () => {
    // Park et al., apnoeic pigs on VV ECMO, multivariate: PaCO2 +4.514 mmHg per °C of temperature. The model's rise at
    // fixed sweep and ventilation is α·PaCO2 (the blood's viscosity moves the circuit's flow a little too).
    const { before, after } = warmed(DEFAULT_ECMO, 1, FIXED_GAS);
    const rise = after.paco2 - before.paco2;
    expect(after.paco2 / before.paco2).toBeGreaterThan(1.09);
    expect(after.paco2 / before.paco2).toBeLessThan(1.11);
    expect(rise).toBeGreaterThan(4.514 / 2);
    expect(rise).toBeLessThan(4.514 * 2);
  });
});
