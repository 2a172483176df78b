/** The patient's temperature and heat balance: the scenario's `patient.temperature` (heatBalance.ts). */
import { q, type SpecTree } from '../../parameters.js';

export const temperatureSpecs = {
  start: q('degC', 38.4, [25, 43], {
    range: [37.5, 39.5],
    description: 'Core temperature at the start, before any extracorporeal treatment (the fever of the septic insult).',
    source: 'S',
    ref: 'Schortgen, AJRCCM 2012: febrile septic shock without cooling, 38.4 ± 1.1 °C',
  }),
  normalSetPoint: q('degC', 37, [35, 38], {
    range: [36.5, 37.5],
    description: 'Thermoregulatory set point without the septic insult; the fever set point is raised above it with the sepsis drive.',
    source: 'S2',
    ref: 'normal core temperature 36.5–37.5 °C (physiology textbooks)',
  }),
  room: q('degC', 22, [10, 35], {
    range: [20, 25],
    description: 'Room temperature: the body loses heat towards it, and unwarmed replacement fluid enters at it.',
    source: 'E',
    ref: 'ICU room 20–25 °C',
  }),
  specificHeat: q('kJ/kg/K', 3.47, [2.5, 4.2], {
    range: [3.3, 3.6],
    description: 'Mean specific heat of the body: heat per kg per kelvin of core temperature change.',
    source: 'S2',
    ref: 'mean specific heat of human tissue 3.47 kJ/kg/K, the figure heat-balance (hypothermia, calorimetry) studies use',
  }),
  thermoregulatoryGain: q('W/K', 20, [0, 500], {
    range: [5, 60],
    description:
      'Heat the body sheds (or keeps) per kelvin above (below) its set point, by vasomotor tone and shivering, in a sedated ventilated patient: a hypothesis.',
    source: 'E',
    ref: 'no published figure for sedated septic patients: an estimate, large enough that the temperature is stable (above the ~8 W/K by which metabolic heat rises per kelvin)',
  }),
  vo2PerKelvin: q('1/K', 0.1, [0, 0.3], {
    range: [0.07, 0.13],
    description: 'Relative rise of oxygen consumption (and metabolic heat) per kelvin of core temperature.',
    source: 'S2',
    ref: 'metabolic rate +10–13 % per °C of fever (physiology reviews); cooling febrile ventilated patients lowers VO2 (Manthous, AJRCCM 1995)',
  }),
  heartRatePerKelvin: q('bpm/K', 7.24, [0, 20], {
    range: [6.4, 9.5],
    description: 'Rise of heart rate per kelvin of core temperature above the start.',
    source: 'S2',
    ref: 'ICU cohort of 9046 patients (Denmark, 2021, summarised by journalfeed.org): 7.24 bpm/°C in men, 9.46 in women',
  }),
} as const satisfies SpecTree;
