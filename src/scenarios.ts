/** The bundled scenarios the picker offers (scenario files are data: their text is sent to the engine to load). */
import ecmoHvhf from '../scenarios/ecmo-hvhf-default.json?raw';
import standardCare from '../scenarios/standard-care-default.json?raw';

export interface BundledScenario {
  id: string;
  file: string;
  label: string;
  text: string;
}

export const BUNDLED_SCENARIOS: readonly BundledScenario[] = [
  { id: 'ecmo-hvhf-default', file: 'ecmo-hvhf-default.json', label: 'ECMO + HVHF (cohort protocol)', text: ecmoHvhf },
  { id: 'standard-care-default', file: 'standard-care-default.json', label: 'Standard care (no circuit)', text: standardCare },
];
