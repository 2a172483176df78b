/** Shared test helpers: load a bundled scenario with overrides and run it. */
import { readFileSync } from 'node:fs';
import { loadScenarioText, type Override } from '../../sim/scenario/load.js';
import { calibrationBeside, loadScenarioFile } from '../../sim/scenario/loadFile.js';
import { simulate, type RunResult } from '../../sim/engine/simulate.js';
import type { Scenario } from '../../sim/scenario/resolve.js';

export const DEFAULT_ECMO = 'scenarios/ecmo-hvhf-default.json';
export const DEFAULT_STANDARD = 'scenarios/standard-care-default.json';
/**
 * The bundled defaults run the unit's blood-gas protocols (the ventilator's rate, the ECMO sweep: gas-exchange.md);
 * a test whose physics needs the sweep and the rate held where they were set turns both off with FIXED_GAS (FIXED_RATE
 * without a circuit).
 */
export const FIXED_RATE: Record<string, string> = { 'patient.lung.rateTitration.titrate': 'false' };
export const FIXED_GAS: Record<string, string> = { ...FIXED_RATE, 'circuit.oxygenator.sweepTitration.titrate': 'false' };

/**
 * The tissues' oxygen demand held at its start (no fever term, no septic part), and with it CO2 production
 * (gas-exchange.md, "Carbon dioxide": VCO2 follows the demand): for a test of PaCO2's arithmetic at a given VCO2.
 */
export const FIXED_DEMAND: Record<string, string> = {
  'patient.temperature.vo2PerKelvin': '0 1/K',
  'patient.metabolism.sepsisFraction': '0',
};

/**
 * CO2 leaves the heart's curve where it was: the right ventricle's load and hypercapnia's drive both off
 * (rightHeart.ts, hypercapnicResponse.ts), for a test whose physics needs the patient's own cardiac output at t = 0.
 */
export const STILL_HEART: Record<string, string> = {
  'hemodynamics.rightHeart.afterloadSensitivity': '0 1/mmHg',
  'hemodynamics.hypercapnia.cardiacOutputGain': '0 1/mmHg',
};

/**
 * No fluid in or out but what the test sets: the bundled defaults prescribe the cohort arms' urine output (0.2 mL/kg/h,
 * then following GFR) and ICU fluid (1 mL/kg/h); a test whose physics needs the volume to stay where it started (a
 * one-compartment analytic case, a balance that counts only the filter's fluid) states both zero with FLUID_NEUTRAL.
 */
export const FLUID_NEUTRAL: Record<string, string> = { 'patient.fluids.urineOutput': '0 mL/h', 'patient.fluids.infusion': '0 mL/h' };

/** Overrides from a { path: value } object. */
export function sets(values: Record<string, string>): Override[] {
  return Object.entries(values).map(([path, value]) => ({ path, value }));
}

export function scenario(file: string, values: Record<string, string> = {}): Scenario {
  return loadScenarioFile(file, sets(values));
}

export function run(file: string, values: Record<string, string> = {}): RunResult {
  return simulate(scenario(file, values));
}

/** Hours until the first filter change (maximum-age rule lifted), or Infinity. */
export function filterLife_h(values: Record<string, string> = {}): number {
  const r = run(DEFAULT_ECMO, { 'prescription.filterChange.maxHours': '240 h', duration: '72 h', ...values });
  return r.events.find((e) => e.type === 'filter_change')?.t_h ?? Infinity;
}

/** The value of a series at the sample nearest to t (h). */
export function at(r: RunResult, name: keyof RunResult['series'], t_h: number): number {
  const i = r.series.time_h.findIndex((t) => Math.abs(t - t_h) < 1e-9);
  if (i < 0) throw new Error(`no sample at ${t_h} h`);
  return r.series[name][i];
}

/** A bundled scenario with a timeline of its own (entries as a scenario file writes them) and overrides. */
export function scenarioWithTimeline(file: string, timeline: unknown[], values: Record<string, string> = {}): Scenario {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  s.timeline = timeline;
  return loadScenarioText(JSON.stringify(s), `${file} with a timeline`, sets(values), { resolveCalibration: calibrationBeside(file) });
}

/** Runs a bundled scenario with a timeline of its own (entries as a scenario file writes them) and overrides. */
export function runWithTimeline(file: string, timeline: unknown[], values: Record<string, string> = {}): RunResult {
  return simulate(scenarioWithTimeline(file, timeline, values));
}
