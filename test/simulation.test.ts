/** The resumable engine the live view drives: advancing piecewise, live commands, refusals that change nothing. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine/simulation.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { EngineError } from '../sim/engine/errors.js';
import { LAYOUT, MODELS } from '../sim/engine/models.js';
import { simulate } from '../sim/engine/simulate.js';
import { DEFAULT_ECMO, scenario } from './helpers/scenarios.js';

describe('Simulation', () => {
  // to 1e-5, not the 1e-7 of each step's error control: the urine follows GFR, whose autoregulation ramp has a corner
  // at the full-filtration pressure (kidney.md), crossed near 4.3 h; the batch run's steps and the frames' cross it
  // differently (2e-6 in IL-6 at 6 h; 1e-7 with the corner moved out of reach)
  it('advanced frame by frame (1 simulated minute at a time) agrees with one batch run to 1e-5', () => {
    const s = scenario(DEFAULT_ECMO, { duration: '6 h' });
    const batch = simulate(s);
    const live = new Simulation(s);
    for (let i = 1; i <= 360; i++) live.advanceTo(i / 60);
    const o = live.observe();
    for (const name of ['il6_pg_mL', 'pct_ng_mL', 'albumin_g_L', 'tmp_mmHg', 'aptt_s'] as const) {
      expect(Math.abs(o[name] / batch.series[name].at(-1)! - 1), name).toBeLessThan(1e-5);
    }
  });
  it('a live setting takes effect at once and is logged', () => {
    const live = new Simulation(scenario(DEFAULT_ECMO));
    live.advanceTo(1);
    const before = live.observe();
    live.set('circuit.pump.speed', '3500 rpm');
    const after = live.observe();
    expect(after.pump_flow_L_min).toBeGreaterThan(before.pump_flow_L_min);
    expect(after.p_drainage_mmHg).toBeLessThan(before.p_drainage_mmHg);
    expect(live.events.at(-1)).toEqual({ t_h: 1, type: 'setting_change', reason: 'circuit.pump.speed: 3000 → 3500' });
  });
  it('a refused setting (wrong unit, or a dose no filter can carry) throws a ScenarioError and changes nothing', () => {
    const live = new Simulation(scenario(DEFAULT_ECMO));
    live.advanceTo(2);
    const before = live.observe();
    const nEvents = live.events.length;
    expect(() => live.set('prescription.effluentDose', '45 mmHg')).toThrow(ScenarioError);
    expect(() => live.set('prescription.effluentDose', '190 mL/kg/h')).toThrow(/needs a TMP/);
    expect(() => live.set('patient.weight', '70 kg')).toThrow(/cannot be changed during a run/);
    expect(live.observe()).toEqual(before);
    expect(live.events.length).toBe(nEvents);
  });
  it('a heparin bolus raises the aPTT; a manual filter change restarts the filter after the downtime', () => {
    const live = new Simulation(scenario(DEFAULT_ECMO));
    live.advanceTo(3);
    const aptt = live.observe().aptt_s;
    live.act({ heparinBolus_U: 4000 });
    expect(live.observe().aptt_s).toBeGreaterThan(aptt + 10);
    live.act({ changeFilter: true, note: 'changed by the operator' });
    expect(live.observe().effluent_rate_mL_h).toBe(0);
    live.advanceTo(3.6);
    expect(live.observe().filter_age_h).toBeCloseTo(0.1, 9);
    expect(live.events.filter((e) => e.type === 'filter_change').at(-1)?.reason).toBe('changed by the operator');
  });
});

describe('live settings obey the same cross-field rules as a scenario file', () => {
  it('an inverted aPTT target band or norepinephrine band is refused and changes nothing', () => {
    const live = new Simulation(scenario(DEFAULT_ECMO));
    live.advanceTo(1);
    expect(() => live.set('prescription.heparin.targetLow', '80 s')).toThrow(/targetLow: .*expected less than targetHigh/);
    expect(() => live.set('prescription.norepinephrine.weanAbove', '60 mmHg')).toThrow(/weanAbove: .*expected at least targetMap/);
    expect(live.model.current.prescription.heparin.targetLow).toBe(55);
    expect(live.model.current.prescription.norepinephrine.weanAbove).toBe(70);
  });
});

describe('a rate of change that is not a number (a defect of a model)', () => {
  // odex's error test does not reject a step whose derivatives are NaN (the comparison is false): the step would be
  // accepted and the run carried on in NaN until a segment's end. A part made defective here, whose free-Hb rate
  // turns NaN from 1.5 h, must stop the run at the first evaluation past it, naming the state and the model.
  it('stops the run where it first appears, naming the state and the model that made it', () => {
    const live = new Simulation(scenario(DEFAULT_ECMO, { duration: '4 h' }));
    const i = MODELS.findIndex((d) => d.name === 'hemolysis');
    const part = live.composed.parts[i];
    const sound = part.derivatives!;
    const freeHb = LAYOUT.names.indexOf('plasmaFreeHb_mg');
    const defective = (now: Parameters<typeof sound>[0], dy: number[]) => {
      sound(now, dy);
      if (now.t_h > 1.5) dy[freeHb] = NaN;
    };
    part.derivatives = defective;
    const hooks = live.composed.derivatives as ((now: Parameters<typeof sound>[0], dy: number[]) => void)[];
    hooks[hooks.indexOf(sound)] = defective;
    live.advanceTo(1.5);
    const err = (() => {
      try {
        live.advanceTo(4);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).message).toMatch(
      /^at 1\.\d{3} h the rate of change of plasmaFreeHb_mg is not a number, made by the hemolysis model: a defect of the model, not of the scenario/,
    );
    expect((err as EngineError).t_h).toBeGreaterThan(1.5);
    expect((err as EngineError).t_h).toBeLessThan(2);
    expect(live.time_h).toBe(1.5); // the segment it was found in is not taken
  });
});
