/** The whole scenario's spec tree: run settings plus each section's specs. */
import { q, type SpecTree } from '../parameters.js';
import { patientSpecs } from '../patient/patientSpecs.js';
import { kineticsSpecs } from '../patient/kineticsSpecs.js';
import { circuitSpecs } from '../circuit/circuitSpecs.js';
import { filterSpecs } from '../filter/filterSpecs.js';
import { prescriptionSpecs } from './prescriptionSpecs.js';
import { hemodynamicsSpecs } from '../patient/hemodynamics/hemodynamicsSpecs.js';
import { alarmSpecs } from '../alarms/alarmSpecs.js';

export const runSpecs = {
  duration: q('h', null, [0.01, 2160], { description: 'Simulated time (up to 90 days).', source: 'E', ref: 'scenario input' }),
  outputInterval: q('h', 0.25, [1 / 60, 24], { description: 'Interval between output samples.', source: 'E', ref: 'scenario input' }),
} as const satisfies SpecTree;

export const scenarioSpecs = {
  ...runSpecs,
  patient: patientSpecs,
  circuit: circuitSpecs,
  filter: filterSpecs,
  prescription: prescriptionSpecs,
  kinetics: kineticsSpecs,
  hemodynamics: hemodynamicsSpecs,
  /** The consoles' alarm limits (sim/alarms, docs/training/alarms.md). */
  alarms: alarmSpecs,
} as const satisfies SpecTree;

/** Sections a scenario may set to null: no ECMO circuit, no hemofilter (standard care). */
export const NULLABLE_SECTIONS = ['circuit', 'filter'] as const;
