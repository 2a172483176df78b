/**
 * Can the hemofilter run this prescription at all? Three rules, judged as the engine judges them:
 * 0. the net ultrafiltration cannot exceed the effluent (the replacement fluid would be negative),
 * 1. the ultrafiltrate must leave plasma in the fibres (the operating point's own rule), and
 * 2. a new, clean filter must need a TMP below the filter-change limit; otherwise every filter would be
 *    changed the moment it starts and nothing would be filtered.
 * Returns a sentence naming the cause, or null. Used by the loader (starting prescription) and by the engine
 * (timeline changes), so both refuse the same things. The scalars come straight from the scenario or the blood's
 * state (plain numbers in the internal units, sim/units.ts); the prescription carries its flows' units.
 */
import { g_L } from '../quantities.js';
import { FilterOperatingError, filterOperatingPoint, type FilterPrescription } from './operatingPoint.js';
import { transmembranePressure_mmHg } from './transmembranePressure.js';

export function prescriptionProblem(
  rx: FilterPrescription,
  hematocrit: number,
  plasmaProtein_g_L: number,
  ultrafiltrationCoefficient_mL_h_mmHg: number,
  tmpLimit_mmHg: number,
  /** 1 − albumin's sieving on a clean membrane: the share of the protein's oncotic pressure the membrane holds. */
  oncoticReflection = 1,
): string | null {
  if (rx.netUltrafiltration_mL_h > rx.effluent_mL_h) {
    // found by fuzzing: a timeline that lowered the dose below the net UF gave a negative replacement rate
    return (
      `the net ultrafiltration (${+rx.netUltrafiltration_mL_h.toPrecision(6)} mL/h) exceeds the effluent (${+rx.effluent_mL_h.toPrecision(6)} mL/h): ` +
      `replacement fluid cannot be negative; expected prescription.netUltrafiltration at most effluentDose × weight`
    );
  }
  if (rx.bloodFlow_mL_min <= 0) return null; // the filter's blood pump is stopped: nothing to filter
  let op;
  try {
    op = filterOperatingPoint(rx, hematocrit, g_L(plasmaProtein_g_L));
  } catch (e) {
    if (e instanceof FilterOperatingError) return `with filterBloodFlow ${rx.bloodFlow_mL_min} mL/min: ${e.message}`;
    throw e;
  }
  const tmp = transmembranePressure_mmHg(rx.effluent_mL_h, ultrafiltrationCoefficient_mL_h_mmHg, op.membraneProtein_g_L, oncoticReflection);
  if (tmp < tmpLimit_mmHg) return null;
  return (
    `a new filter (ultrafiltrationCoefficient ${ultrafiltrationCoefficient_mL_h_mmHg} mL/h/mmHg) needs a TMP of ${tmp.toFixed(0)} mmHg to pass it, ` +
    `at or above prescription.filterChange.tmpLimit (${tmpLimit_mmHg} mmHg), so every filter would be changed as soon as it starts; ` +
    `expected a lower effluentDose, a filter with a higher ultrafiltrationCoefficient, or a higher tmpLimit`
  );
}
