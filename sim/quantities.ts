/**
 * Units in the types (issue 10): flows, pressures and concentrations as branded numbers, so that a flow in mL/min
 * passed where mL/h is expected, or a pressure where a flow is expected, fails to compile.
 *
 * Design:
 * - `Flow<'mL/min'>` is `number & { readonly [flowUnit]: 'mL/min' }`. The brand exists only in the types (the symbol
 *   is declared, never created): at run time a Flow is a plain number, with no wrapper, no allocation and no cost.
 *   A branded number is a number wherever a number is expected (Math, series, formatting); the reverse needs a
 *   constructor.
 * - Constructors (`mL_min(x)`, `mL_h(x)`, `mmHg(x)`, `g_L(x)`) are identity functions that assert the unit. They are
 *   written where a number enters with a known unit: a scenario value (sim/units.ts gives the internal units) or the
 *   result of arithmetic, which TypeScript types as a plain number (`a - b` of two flows is a number: the author
 *   says what it is by re-branding it).
 * - Conversions between units go through the named helpers below, never a hand-written `60 *` or `/ 60`. Each does
 *   the same floating-point operation the hand-written form did (x·60, x/60, x/1000, x/10), so results are
 *   bit-for-bit those of before.
 * - Element parameters (loss coefficients, reference values, a pump curve's constants, derived units such as
 *   mL/h/mmHg) stay plain numbers named with their units: the brands mark the quantities that pass between
 *   functions, where a unit slip is easy and silent.
 */

declare const flowUnit: unique symbol;
declare const pressureUnit: unique symbol;
declare const concentrationUnit: unique symbol;

export type FlowUnit = 'mL/min' | 'mL/h' | 'L/min';
export type PressureUnit = 'mmHg';
export type ConcentrationUnit = 'g/L' | 'g/dL';

/** A volume flow (blood, ultrafiltrate, fluids, clearance) in unit U. */
export type Flow<U extends FlowUnit> = number & { readonly [flowUnit]: U };
/** A pressure in unit U. */
export type Pressure<U extends PressureUnit> = number & { readonly [pressureUnit]: U };
/** A mass concentration in unit U. */
export type Concentration<U extends ConcentrationUnit> = number & { readonly [concentrationUnit]: U };

/** A flow in mL/min (blood flows in the circuit and the filter limb). */
export function mL_min(x: number): Flow<'mL/min'> {
  return x as Flow<'mL/min'>;
}

/** A flow in mL/h (effluent, replacement, net ultrafiltration, clearances). */
export function mL_h(x: number): Flow<'mL/h'> {
  return x as Flow<'mL/h'>;
}

/** A flow in L/min (the console's display of blood flows). */
export function L_min(x: number): Flow<'L/min'> {
  return x as Flow<'L/min'>;
}

/** A pressure in mmHg. */
export function mmHg(x: number): Pressure<'mmHg'> {
  return x as Pressure<'mmHg'>;
}

/** A concentration in g/L (plasma proteins). */
export function g_L(x: number): Concentration<'g/L'> {
  return x as Concentration<'g/L'>;
}

/** mL/min → mL/h (× 60). */
export function perHour(flow: Flow<'mL/min'>): Flow<'mL/h'> {
  return (flow * 60) as Flow<'mL/h'>;
}

/** mL/h → mL/min (÷ 60). */
export function perMinute(flow: Flow<'mL/h'>): Flow<'mL/min'> {
  return (flow / 60) as Flow<'mL/min'>;
}

/** mL/min → L/min (÷ 1000). */
export function litresPerMinute(flow: Flow<'mL/min'>): Flow<'L/min'> {
  return (flow / 1000) as Flow<'L/min'>;
}

/** g/L → g/dL (÷ 10). */
export function gramsPerDecilitre(c: Concentration<'g/L'>): Concentration<'g/dL'> {
  return (c / 10) as Concentration<'g/dL'>;
}
