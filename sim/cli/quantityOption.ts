/** A command-line quantity with its unit ("4 L/min", "30 %"), within limits, or a ScenarioError naming the option. */
import { ScenarioError } from '../scenario/errors.js';
import { formatQuantity, parseQuantity, UnitParseError, type InternalUnit } from '../units.js';
import { VISCOSITY_REFERENCE_TEMPERATURE_C } from '../blood.js';
import { patientSpecs } from '../patient/patientSpecs.js';

export function quantityOption(option: string, text: string, unit: InternalUnit, limits: readonly [number, number], example: string): number {
  const fail = (why: string) => new ScenarioError(option, [{ path: option, message: `got ${JSON.stringify(text)}: ${why}` }]);
  let value: number;
  try {
    value = parseQuantity(text, unit);
  } catch (e) {
    // a bare number: the example says the unit meant ("4 L/min"), not the internal one ("4 mL/min")
    const why = e instanceof UnitParseError && /has no unit/.test(e.message) ? `${JSON.stringify(text.trim())} has no unit` : (e as Error).message;
    if (e instanceof UnitParseError) throw fail(`expected a quantity such as "${example}" (${why})`);
    throw e;
  }
  const [lo, hi] = limits;
  // a fraction asked for in % ("30 %") has its limits said in % too
  const shown = (v: number) => (unit === '1' && example.endsWith('%') ? `${+(100 * v).toPrecision(6)} %` : formatQuantity(v, unit));
  if (!(value >= lo && value <= hi)) throw fail(`expected a quantity between ${shown(lo)} and ${shown(hi)}`);
  return value;
}

/**
 * The blood's temperature a command asks for (°C): 37 °C without --temperature, else within the patient's temperature
 * limits (patient.temperature.start), where blood's viscosity follows plasma's (blood.ts). A bare number is in °C.
 */
export function bloodTemperatureOption(text: string | undefined): number {
  if (text === undefined) return VISCOSITY_REFERENCE_TEMPERATURE_C;
  const given = /^\s*-?[\d.]+\s*$/.test(text) ? `${text.trim()} degC` : text;
  return quantityOption('--temperature', given, 'degC', patientSpecs.temperature.start.limits, '33 degC');
}

/** The blood's hematocrit a command asks for (a fraction): the patient's default without --hematocrit, else within its limits. */
export function hematocritOption(text: string | undefined): number {
  return text === undefined ? patientSpecs.hematocrit.default! : quantityOption('--hematocrit', text, '1', patientSpecs.hematocrit.limits, '30 %');
}
