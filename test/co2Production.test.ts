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
/**
 * The state at `t_h` h observed as it is and dT warmer: the CO2 stores at their balance (on ECMO they empty towards the
 * circuit's over the first hour, co2Stores.ts, so an ECMO run is read a few hours in).
 */
function warmed(file: string, dT: number, values: Record<string, string>, t_h = 0) {
  const sim = new Simulation(scenario(file, values));
  sim.advanceTo(t_h);
  const y = [...sim.state];
  const cool = observe(sim.composed, t_h, y);
  const before = { paco2: cool.paco2_mmHg, demand: cool.vo2_demand_mL_min };
  y[TEMPERATURE] += dT;
  const warm = observe(sim.composed, t_h, y);
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
    // fixed sweep and ventilation is α·PaCO2: the balance is proportional to VCO2 at the membrane and cardiac output the
    // stores hold (the blood's viscosity moves the circuit's flow a little, taken up when the stores are next anchored).
    const { before, after } = warmed(DEFAULT_ECMO, 1, FIXED_GAS, 4);
    const rise = after.paco2 - before.paco2;
    expect(after.demand / before.demand).toBeGreaterThan(1.09);
    expect(after.demand / before.demand).toBeLessThan(1.12);
    expect(after.paco2 / before.paco2).toBeCloseTo(after.demand / before.demand, 3);
    expect(rise).toBeGreaterThan(4.514 / 2);
    expect(rise).toBeLessThan(4.514 * 2);
  });
});
