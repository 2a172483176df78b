/**
 * Acidaemia and fever in vascular tone (sim/patient/hemodynamics/vasopressorResponse.ts): the shape of the pressor
 * response against pH, and the norepinephrine the protocol needs when acidaemia is corrected or fever is cooled.
 * Cooling is checked against Schortgen et al. (AJRCCM 2012: external cooling of febrile septic shock to 36.5–37 °C;
 * 36.8 ± 0.7 against 38.4 ± 1.1 °C at 2 h; the vasopressor dose halved by 12 h in 54 % against 20 %, difference 34
 * points, 95 % CI 21–46) and Manthous et al. (AJRCCM 1995: cooling 12 febrile ventilated patients from 39.4 to
 * 37.0 °C lowered VO2 from 359 to 295 mL/min).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { acidaemiaResponse, feverVasodilation_mmHg } from '../sim/patient/hemodynamics/vasopressorResponse.js';
import { meanArterialPressure_mmHg } from '../sim/patient/hemodynamics/hemodynamics.js';
import { circulationAt } from '../sim/patient/hemodynamics/venousReturn.js';
import { at, DEFAULT_ECMO, FIXED_GAS, run, scenario, sets, STILL_HEART } from './helpers/scenarios.js';
import { loadArm } from '../sim/cohort/loadArm.js';
import { patientScenarios } from '../sim/cohort/replay.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';

const params = scenario(DEFAULT_ECMO).hemodynamics;
const { fullResponsePh, floorPh, minResponse } = params.acidaemia;

describe('norepinephrine response and arterial pH', () => {
  it('is whole at and above pH_full, least at and below pH_floor, half-way between at the midpoint', () => {
    expect(acidaemiaResponse(params.acidaemia, 7.45)).toBe(1);
    expect(acidaemiaResponse(params.acidaemia, fullResponsePh)).toBe(1);
    expect(acidaemiaResponse(params.acidaemia, floorPh)).toBeCloseTo(minResponse, 12);
    expect(acidaemiaResponse(params.acidaemia, 6.8)).toBeCloseTo(minResponse, 12);
    expect(acidaemiaResponse(params.acidaemia, (fullResponsePh + floorPh) / 2)).toBeCloseTo((1 + minResponse) / 2, 12);
  });
  it('falls below pH_full, most steeply in the middle, and is whole above 7.2 (Kimmoun, Crit Care 2015: mainly below pH 7.2)', () => {
    const r = (ph: number) => acidaemiaResponse(params.acidaemia, ph);
    expect(r(7.3)).toBe(1);
    expect(r(7.2)).toBe(1);
    expect(r(7.1)).toBeLessThan(1);
    expect(r(7.0)).toBeLessThan(r(7.1));
    expect(r(6.9)).toBeLessThan(r(7.0));
    expect(r(7.2) - r(7.1)).toBeLessThan(r(7.05) - r(6.95)); // gentle near pH_full, steep in the middle
  });
  it('correcting lactic acidaemia at a septic dose barely moves MAP (Cooper, Ann Intern Med 1990: pH 7.22 → 7.36, and 7.13 → 7.36 in the most acidaemic, MAP unchanged)', () => {
    // Cooper et al.: 14 patients, 13 on catecholamines, bicarbonate against saline (crossover); MAP unchanged, and their
    // study could detect a 7 % change of cardiac output with > 90 % power. The check: at the cohort's baseline dose
    // (0.74 µg/kg/min, where the pressor curve gives most) the model's MAP moves by less than 7 % for either correction.
    // (Not used to set r; with pH_full at 7.35, the earlier estimate, the most acidaemic seven gained ~15 %.)
    const map = (ph: number) => meanArterialPressure_mmHg(params, 80, 2000, 1, 0.74, ph);
    for (const from of [7.22, 7.13]) {
      const gain = map(7.36) - map(from);
      expect(gain).toBeGreaterThanOrEqual(0);
      expect(gain / map(from)).toBeLessThan(0.07);
    }
    // what the check would have caught: the earlier estimate (full response from 7.35, floor 7.0)
    const earlier = { ...params, acidaemia: { ...params.acidaemia, fullResponsePh: 7.35, floorPh: 7.0 } };
    const earlierMap = (ph: number) => meanArterialPressure_mmHg(earlier, 80, 2000, 1, 0.74, ph);
    expect((earlierMap(7.36) - earlierMap(7.13)) / earlierMap(7.13)).toBeGreaterThan(0.07);
  });
});

describe('fever and vascular tone (a hypothesis; check: Schortgen, AJRCCM 2012)', () => {
  it('lowers MAP by k_F per kelvin above T_F and not at all below it', () => {
    const k = params.fever.depressionPerKelvin;
    expect(feverVasodilation_mmHg(params.fever, params.fever.threshold + 1.5)).toBeCloseTo(1.5 * k, 12);
    expect(feverVasodilation_mmHg(params.fever, params.fever.threshold - 1)).toBe(0);
  });
});

/** The norepinephrine dose of a run at t (h). */
const dose = (values: Record<string, string>, t_h: number) => at(run(DEFAULT_ECMO, { duration: `${t_h} h`, ...values }), 'norepinephrine_ug_kg_min', t_h);

describe('the protocol under the two conditions', () => {
  // The blood-gas protocols off (FIXED_GAS): with them on the sweep compensates the replacement fluid's bicarbonate
  it('a run whose acidaemia deepens below pH_full (5 mmol/L bicarbonate in the replacement fluid, sweep and rate fixed) holds a lower MAP than one corrected (35 mmol/L) wherever both are on the same dose, and needs more norepinephrine', () => {
    // vasopressin held off: SSC 2021 stops it once norepinephrine is low, a step two runs take hours apart, after which
    // MAP and the dose move by the protocol's timing, not by the pressor response (as in the cooling tests below)
    const ONE_PRESSOR = { 'prescription.vasopressin.give': 'false' };
    // (10 mmol/L went below pH_full only at 24 h once the CO2 stores' PaCO2 replaced the one held since the start, which
    // was the circuit's at t = 0 all day with the protocols off, above the falling CO2 production's: gas-exchange.md)
    const acid = run(DEFAULT_ECMO, { duration: '24 h', ...FIXED_GAS, ...ONE_PRESSOR, 'prescription.replacementFluid.bicarbonate': '5 mmol/L' });
    const corrected = run(DEFAULT_ECMO, { duration: '24 h', ...FIXED_GAS, ...ONE_PRESSOR, 'prescription.replacementFluid.bicarbonate': '35 mmol/L' });
    expect(at(acid, 'ph', 24)).toBeLessThan(fullResponsePh); // ~6.98: the pressor response is reduced
    expect(at(corrected, 'ph', 24)).toBeGreaterThan(fullResponsePh);
    // MAP = … + r(pH)·E(NE): on the same dose the acidaemic run's MAP is lower wherever its pH is below pH_full
    const series = (r: RunResult, name: keyof RunResult['series']) => Array.from(r.series[name]);
    const [doseA, doseC, phA, phC, mapA, mapC] = [
      series(acid, 'norepinephrine_ug_kg_min'),
      series(corrected, 'norepinephrine_ug_kg_min'),
      series(acid, 'ph'),
      series(corrected, 'ph'),
      series(acid, 'map_mmHg'),
      series(corrected, 'map_mmHg'),
    ];
    // (at the start both share the patient's own pH: the filter has not yet moved either's bicarbonate)
    const sameDose = doseA.map((_, i) => i).filter((i) => doseA[i] === doseC[i] && doseA[i] > 0 && phA[i] < fullResponsePh - 0.02 && phA[i] < phC[i] - 0.02);
    expect(sameDose.some((i) => phA[i] < 7.15)).toBe(true); // compared deep enough below pH_full to matter
    for (const i of sameDose) expect(mapA[i], `sample ${i}`).toBeLessThan(mapC[i]);
    // and the protocol, holding the same target, gives the acidaemic run more norepinephrine
    const doseHours = (d: number[], t: number[]) => d.slice(1).reduce((sum, _, i) => sum + d[i] * (t[i + 1] - t[i]), 0);
    expect(doseHours(doseA, series(acid, 'time_h'))).toBeGreaterThan(doseHours(doseC, series(corrected, 'time_h')));
    expect(at(acid, 'norepinephrine_ug_kg_min', 24)).toBeGreaterThanOrEqual(at(corrected, 'norepinephrine_ug_kg_min', 24));
    // the only path from replacement bicarbonate to MAP is the pressor response: without it the two agree
    const blind = { duration: '24 h', ...FIXED_GAS, 'hemodynamics.acidaemia.minResponse': '1' };
    const blindMap = (bicarbonate: string) => at(run(DEFAULT_ECMO, { ...blind, 'prescription.replacementFluid.bicarbonate': bicarbonate }), 'map_mmHg', 24);
    // to the solver's accuracy: the two runs' states differ (the buffer base), so odex's error norm sets other steps
    // (5.8e-10 mmHg apart at relative tolerance 1e-7); a pressor response to pH would move MAP by whole mmHg
    const [corrected35, acid10] = [blindMap('35 mmol/L'), blindMap('10 mmol/L')];
    expect(Math.abs(corrected35 - acid10)).toBeLessThan(1e-6 * corrected35);
  });
});

/** A febrile patient (38.5 °C) on the ECMO default whose heater holds the fever, and one whose heater cools to 37 °C. */
const FEBRILE = { 'patient.temperature.start': '38.5 degC', 'circuit.heater.setPoint': '38.5 degC' };
const COOLED = { 'patient.temperature.start': '38.5 degC', 'circuit.heater.setPoint': '37 degC' };

describe('cooling a febrile patient (Schortgen, AJRCCM 2012)', () => {
  let febrile: RunResult;
  let cooled: RunResult;
  let time: number[];
  // Vasopressin held off in the one-patient runs: SSC 2021 stops it once norepinephrine is low, a step the two runs
  // take hours apart, after which the protocol re-escalates norepinephrine: the dose then moves by the protocol's
  // timing, not by the tone these tests read (the arm test below keeps the whole protocol).
  // CO2's pull on the heart's curve held too (STILL_HEART): CO2 production follows the demand (gas-exchange.md), so the
  // cooled patient makes less CO2 and, through the right ventricle and hypercapnia's drive, would have another flow,
  // where these tests read the tone off MAP at the same flow.
  const ONE_PRESSOR = { 'prescription.vasopressin.give': 'false', ...STILL_HEART };
  beforeAll(() => {
    febrile = run(DEFAULT_ECMO, { duration: '24 h', ...FEBRILE, ...ONE_PRESSOR });
    cooled = run(DEFAULT_ECMO, { duration: '24 h', ...COOLED, ...ONE_PRESSOR });
    time = Array.from(febrile.series.time_h);
  });
  const s = scenario(DEFAULT_ECMO, COOLED);
  const { vo2PerKelvin: alpha, heartRatePerKelvin: gT, start: T0 } = s.patient.temperature;
  const hr = s.hemodynamics.heartRate;
  const series = (r: RunResult, name: keyof RunResult['series']) => Array.from(r.series[name]);

  it('the heater brings the cooled patient to the normothermia of external cooling within 2 h, the febrile one stays (36.8 ± 0.7 against 38.4 ± 1.1 °C at 2 h)', () => {
    expect(Math.abs(at(cooled, 'temperature_C', 2) - 36.8)).toBeLessThanOrEqual(0.7);
    expect(Math.abs(at(febrile, 'temperature_C', 2) - 38.4)).toBeLessThanOrEqual(1.1);
  });

  it('cooling lowers oxygen consumption by α per kelvin and heart rate by g_T per kelvin, the baroreflex, the dose and the better saturation', () => {
    for (const t of [2, 12, 24]) {
      const Tf = at(febrile, 'temperature_C', t);
      const Tc = at(cooled, 'temperature_C', t);
      expect(Tf - Tc, `${t} h`).toBeGreaterThan(0);
      // VO2 demand ∝ 1 + α·(T − T0) (oxygen-and-lactate.md); delivery is not limiting here, so VO2 follows it.
      // Manthous 1995 measured 7.4 %/K (−17.8 % for −2.4 K); the model's α is 10 %/K (range 7–13 %/K).
      const ratio = at(cooled, 'vo2_mL_min', t) / at(febrile, 'vo2_mL_min', t);
      expect(ratio, `${t} h`).toBeCloseTo((1 + alpha * (Tc - T0)) / (1 + alpha * (Tf - T0)), 4);
      expect(ratio, `${t} h`).toBeLessThan(1);
      // heart rate: the fever's g_T·ΔT, the baroreflex on the higher MAP, the β1 effect of a lower dose, the hypoxaemia
      // term (less consumption, higher SaO2 at the same oxygenator) and hypercapnia's: each term with its own gain
      const d = (name: keyof RunResult['series']) => at(febrile, name, t) - at(cooled, name, t);
      const hypoxaemia = (r: RunResult) => Math.max(0, 0.95 - at(r, 'sao2_pct', t) / 100);
      const expected =
        gT * (Tf - Tc) -
        hr.mapGain * d('map_mmHg') +
        hr.norepinephrineGain * d('norepinephrine_ug_kg_min') +
        hr.inflammationGain * d('vasoplegic_mediators') + // the filter's plasma flow, and so the pool, differ a little
        hr.hypoxemiaGain * (hypoxaemia(febrile) - hypoxaemia(cooled)) +
        s.hemodynamics.hypercapnia.heartRateGain * d('unadapted_paco2_mmHg'); // less CO2 made, a PaCO2 a little lower
      expect(d('heart_rate_bpm'), `${t} h`).toBeCloseTo(expected, 6);
      // cooled, the heart is slower; not always by more than the fever's own term: the cooled patient makes less CO2,
      // and the sweep protocol, which answers his lower PaCO2 with a lower sweep, can leave it the higher of the two
      expect(d('heart_rate_bpm'), `${t} h`).toBeGreaterThan(0);
    }
    // with the sweep and the rate held (no protocol answering the cooled patient's lower CO2), every other term adds to
    // the fever's: the heart slows by more than g_T·ΔT
    const held = { duration: '24 h', ...ONE_PRESSOR, ...FIXED_GAS };
    const [febrileHeld, cooledHeld] = [run(DEFAULT_ECMO, { ...held, ...FEBRILE }), run(DEFAULT_ECMO, { ...held, ...COOLED })];
    for (const t of [2, 12, 24]) {
      const dT = at(febrileHeld, 'temperature_C', t) - at(cooledHeld, 'temperature_C', t);
      expect(at(febrileHeld, 'heart_rate_bpm', t) - at(cooledHeld, 'heart_rate_bpm', t), `${t} h, gas held`).toBeGreaterThan(gT * dT);
    }
  });

  it('cooling spares norepinephrine through vascular tone: k_F·ΔT more tone (MAP at the same dose), never more dose in the first day, fewer dose-hours and less by its end; without the link the doses agree', () => {
    const kF = s.hemodynamics.fever.depressionPerKelvin;
    const doses = { febrile: series(febrile, 'norepinephrine_ug_kg_min'), cooled: series(cooled, 'norepinephrine_ug_kg_min') };
    const vasopressin = { febrile: series(febrile, 'vasopressin_U_min'), cooled: series(cooled, 'vasopressin_U_min') };
    let sameDoseSamples = 0;
    for (let i = 0; i < time.length; i++) {
      expect(doses.cooled[i], `${time[i]} h`).toBeLessThanOrEqual(doses.febrile[i]);
      const dT = febrile.series.temperature_C[i] - cooled.series.temperature_C[i];
      if (doses.cooled[i] !== doses.febrile[i] || vasopressin.cooled[i] !== vasopressin.febrile[i] || dT < 0.5) continue;
      sameDoseSamples++;
      // the tone's share of MAP scales with the flow (MAP − CVP = CO·SVR, hemodynamics.md) of the circulation without
      // CO2's shifts of the heart's curve (CO2 moves flow, not pressure): (MAP − CVP)·CO0/CO there is the tone less the
      // starting CVP, k_F·ΔT more in the cooled run, with CO0 the patient's own before ECMO. The volumes differ (the
      // urine follows the perfusion pressure, kidney.md), so each run's circulation is read at its own volume; what
      // CO2 adds to that flow (measured over volume-given) agrees within 1e-3: temperature moves it only through the
      // circuit's viscosity and the CO2 produced
      const co0 = s.patient.cardiacOutput / 1000;
      const circulation = (r: RunResult) => {
        const volume = r.series.intravascular_volume_mL;
        const start = {
          cardiacOutput_L_min: co0,
          centralVenousPressure_mmHg: s.patient.centralVenousPressure,
          compliance_mL_mmHg: s.patient.venousCompliance,
          volume_mL: volume[0],
        };
        return circulationAt(s.hemodynamics.venousReturn, start, volume[i], { cardiacOutput_L_min: NaN, centralVenousPressure_mmHg: NaN }, 0);
      };
      const tone = (r: RunResult) => {
        const c = circulation(r);
        return ((r.series.map_mmHg[i] - c.centralVenousPressure_mmHg) * co0) / c.cardiacOutput_L_min;
      };
      const co2Share = (r: RunResult) => r.series.cardiac_output_L_min[i] / circulation(r).cardiacOutput_L_min;
      expect(co2Share(cooled), `${time[i]} h`).toBeCloseTo(co2Share(febrile), 3);
      // the vessel wall's vasoplegia (a state: IL-6 and the mediator pool, which the filter's plasma flow clears a little
      // differently at the two temperatures) takes its own difference off the tone
      const dV = cooled.series.vasoplegia_mmHg[i] - febrile.series.vasoplegia_mmHg[i];
      expect(tone(cooled) - tone(febrile), `${time[i]} h`).toBeCloseTo(kF * dT - dV, 3);
    }
    expect(sameDoseSamples).toBeGreaterThan(0);
    const doseHours = (d: number[]) => d.slice(1).reduce((sum, _, i) => sum + d[i] * (time[i + 1] - time[i]), 0);
    expect(doseHours(doses.cooled)).toBeLessThan(doseHours(doses.febrile));
    expect(at(cooled, 'norepinephrine_ug_kg_min', 24)).toBeLessThan(at(febrile, 'norepinephrine_ug_kg_min', 24));
    // without the fever link (and with the pH's part held) cooling spares no norepinephrine through tone
    const noLink = { 'hemodynamics.fever.depressionPerKelvin': '0 mmHg/K', 'hemodynamics.acidaemia.minResponse': '1', ...STILL_HEART };
    expect(dose({ ...noLink, ...COOLED }, 24)).toBe(dose({ ...noLink, ...FEBRILE }, 24));
  });

  it('in the standard-care arm’s 92 patients, Schortgen’s population, the febrile halve their dose by 12 h about as rarely as Schortgen’s 20 % and the cooled more often; that cooling adds far less than their 34 points is a named gap', () => {
    // Schortgen's patients were sedated, ventilated, febrile (≥ 38.3 °C) septic shock without ECMO or renal replacement:
    // the standard-care arm (its draws and factors as the cohort replays them, 38.4 °C at the start, hydrocortisone by
    // SSC 2021 for the drawn third), cooled as they were cooled, by an external (surface) device servo-controlled to
    // 37 °C from the start.
    const loaded = loadArm('scenarios/cohort/standard-care.json');
    const course = (values: Record<string, string>) => {
      let halved = 0;
      let at2h = 0;
      for (const { scenario } of patientScenarios(loaded, { hours: 12, overrides: sets(values) })) {
        const r = simulate(scenario);
        const d = r.series.norepinephrine_ug_kg_min;
        if (d[d.length - 1] <= 0.5 * d[0]) halved++;
        at2h += r.series.temperature_C[2] / loaded.arm.n;
      }
      return { share: halved / loaded.arm.n, at2h };
    };
    const febrile = course({});
    const cooled = course({ 'prescription.surfaceCooling.give': 'true', 'prescription.surfaceCooling.target': '37 degC' });
    // their temperatures at 2 h: 36.8 ± 0.7 cooled, 38.4 ± 1.1 febrile
    expect(Math.abs(cooled.at2h - 36.8)).toBeLessThanOrEqual(0.7);
    expect(Math.abs(febrile.at2h - 38.4)).toBeLessThanOrEqual(1.1);
    // the febrile share within 10 points of Schortgen's 20 % (29 %, measured in the fourteenth session; the ECMO arm,
    // checked before the model could cool without a circuit, gave 43 %: the treatment weans it faster)
    expect(Math.abs(febrile.share - 0.2)).toBeLessThanOrEqual(0.1);
    expect(cooled.share).toBeGreaterThan(febrile.share);
    // Named gap (hemodynamics.md, fever): fever's vasodilation k_F·ΔT (2 mmHg/K × 1.4 K) is a few escalation steps of
    // 0.02 µg/kg/min, not half the dose: cooling adds 4 points (33 % against 29 %), below their 95 % interval (21–46).
    // This assertion fails when the gap closes.
    expect(cooled.share - febrile.share, 'the gap closed: the difference reaches Schortgen’s 95 % CI (21–46 points)').toBeLessThan(0.21);
  });
});
