/**
 * Per-kg fields in the sweep form: a quantity whose spec accepts a per-kg form (the heparin infusion, urine output,
 * lactate clearance: `perKg` in its specs) is shown and entered per kg of body weight, in the unit the command line's
 * per-kg sweeps take (U/h → U/kg/h), so the page's sweep and results file are the command line's. The accepted
 * limits, plausible range and default (kept in the spec's own unit) are shown per kg of the scenario's patient.
 */
import type { QuantitySpec } from '../../sim/parameters.js';
import { loadScenarioText } from '../../sim/scenario/load.js';
import { perKgUnit } from '../../sim/scenario/quantityLeaf.js';
import { bundledCalibration } from '../engine/bundledCalibration.js';
import type { BundledScenario } from '../scenarios.js';

const weights = new Map<string, number>();

/** The bundled scenario's patient weight (kg), as the loader resolves it. */
export function patientWeight(scenario: BundledScenario): number {
  let w = weights.get(scenario.id);
  if (w === undefined) {
    w = loadScenarioText(scenario.text, scenario.file, [], { resolveCalibration: bundledCalibration }).patient.weight;
    weights.set(scenario.id, w);
  }
  return w;
}

/** The unit the form shows and reads a quantity in: its per-kg form when the spec accepts one. */
export function formUnit(spec: QuantitySpec): string {
  return spec.perKg ? perKgUnit(spec.unit) : spec.unit;
}

/** A value of the spec's unit in the form's unit (per kg: divided by the weight), to 3 significant digits when per kg. */
function inForm(spec: QuantitySpec, value: number, weight: number): number {
  return spec.perKg ? Number((value / weight).toPrecision(3)) : value;
}

export interface FormBounds {
  unit: string;
  /** the values the simulator accepts, in the form's unit */
  limits: [number, number];
  range?: [number, number];
  default?: number;
}

/** The spec's limits, plausible range and default in the form's unit, for a patient of `weight` kg. */
export function formBounds(spec: QuantitySpec, weight: number): FormBounds {
  const f = (v: number) => inForm(spec, v, weight);
  // the accepted limits exactly (not rounded), so a value the form accepts is one the loader accepts
  const limits: [number, number] = spec.perKg ? [spec.limits[0] / weight, spec.limits[1] / weight] : [spec.limits[0], spec.limits[1]];
  const dflt = spec.default !== null ? f(spec.default) : spec.defaultPerKg;
  return { unit: formUnit(spec), limits, range: spec.range && [f(spec.range[0]), f(spec.range[1])], default: dflt ?? undefined };
}

/** How the per-kg form is read, for the spec's line: "per kg of the patient's 80 kg (18 U/kg/h = 1440 U/h)". */
export function perKgNote(spec: QuantitySpec, weight: number, example: number): string {
  if (!spec.perKg) return '';
  const total = Number((example * weight).toPrecision(6));
  return `; entered per kg of the patient's ${weight} kg (${example} ${perKgUnit(spec.unit)} = ${total} ${spec.unit})`;
}
