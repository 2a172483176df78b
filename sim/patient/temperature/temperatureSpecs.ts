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
  thermoregulatoryGain: q('W/K', 50, [0, 500], {
    range: [20, 100],
    description:
      'Heat the body keeps (or sheds) per kelvin below (above) its set point, by vasoconstriction (vasodilation) of the skin: sedated ventilated patients hardly shiver. Proportional, without a ceiling.',
    source: 'E',
    ref: 'an estimate from the median −0.6 °C change of core temperature from 12 h before to 12 h after the start of CRRT (single-centre retrospective study, 1361 ICU patients, 2006–2015) against the ~30 W a CRRT circuit at 200 mL/min loses with its fluid warmed (filterLimbHeatLoss): Σ ≈ 50 W/K, less the passive terms (docs/models/temperature.md); no direct measurement in sedated septic patients',
  }),
  filterLimbHeatLoss: q('W/K', 2.2, [0, 20], {
    range: [1.5, 3],
    description:
      "Wall conductance UA of the filter limb's blood path (lines and filter) to the room: heat lost per kelvin of blood−room difference while blood flows through it (at low flow the line's effectiveness Q·c_b·(1 − e^(−UA/(Q·c_b))) caps it).",
    source: 'S2',
    ref: 'van der Sande et al., Nephrol Dial Transplant 1999: isolated ultrafiltration (blood lines and dialyser, no dialysate) lost −30.8 ± 3.1 W at haemodialysis blood flows; ÷ an estimated 14 K blood−room difference',
  }),
  ecmoCircuitHeatLoss: q('W/K', 5, [0, 40], {
    range: [3, 10],
    description:
      "Wall conductance UA of the ECMO circuit's blood path (tubing, pump head, oxygenator) to the room while its heater is off or failed, at high flow; at the flow by which its blood exchanges with the patient Q the patient loses Q·c_b·(1 − e^(−UA/(Q·c_b))), nothing when the flow stops. With the heater on the exchanger's water holds the oxygenator and this loss is folded into its performance factor.",
    source: 'E',
    ref: 'an estimate: about twice the filter limb (van der Sande 1999, 2.2 W/K) for 3/8-inch tubing of similar length (twice the outer surface) and an oxygenator housing',
  }),
  vo2PerKelvin: q('1/K', 0.1, [0, 0.3], {
    range: [0.07, 0.13],
    description: 'Relative rise of oxygen consumption (and metabolic heat) per kelvin of core temperature.',
    source: 'S2',
    ref: 'metabolic rate +10–13 % per °C of fever (physiology reviews); cooling febrile ventilated patients lowers VO2 (Manthous, AJRCCM 1995)',
  }),
  shivering: {
    thresholdBelowSetPoint: q('K', 2.5, [0, 10], {
      range: [1.5, 4],
      description: 'How far below its set point the core must fall before the patient shivers (sedation lowers the threshold).',
      source: 'S2',
      ref: 'derived: the awake shivering threshold 36.4 ± 0.3 °C, about 1 K under the set point (volunteers, Anesthesiology 1998;88:866); ICU sedation lowers it 1–2 K more (propofol about 0.6–0.7 °C per µg/mL, Matsukawa, Anesthesiology 1995; opioids and dexmedetomidine likewise)',
    }),
    gain: q('mL/min/K', 684, [0, 3000], {
      range: [418, 950],
      description: 'Oxygen consumption shivering adds per kelvin of core temperature below its threshold (0: no shivering, e.g. under neuromuscular blockade).',
      source: 'S',
      ref: 'shivering gain of volunteers on the control day of an isoflurane study (Anesthesiology 1998;88:866): −684 ± 266 mL/min/°C; the range is ± 1 SD',
    }),
    maxIncrease: q('1', 1.5, [0, 5], {
      range: [0.5, 3.9],
      description: 'The most shivering adds to oxygen consumption, as a share of the resting consumption.',
      source: 'E',
      ref: 'below the 3.9 a fit volunteer adds at peak (4.9 × resting, Eyolfson et al., Eur J Appl Physiol 2001) for a sedated critically ill patient; febrile SIRS patients cooled at the surface added 58 % while shivering (J Crit Care 2012, PMC3494806)',
    }),
  },
  heartRatePerKelvin: q('bpm/K', 6.4, [0, 20], {
    range: [5.7, 9.5],
    description:
      'Rise of heart rate per kelvin of core temperature above the start, with MAP and the saturation held: the heart rate has its own baroreflex and hypoxaemia terms (hemodynamics.ts), so fever’s is the coefficient adjusted for them.',
    source: 'S',
    ref: 'Jensen et al., Acute Med 2019 (doi 10.52964/amja.0766), 4493 acutely admitted medical patients: 7.2 ± 0.4 bpm/°C, 6.4 ± 0.4 (5.7–7.1) adjusted for age, oxygen saturation and mean blood pressure, 7.4 ± 0.9 above 38 °C; an ICU cohort of 9046 patients (Denmark 2021, summarised by journalfeed.org): 7.24 in men, 9.46 in women, unadjusted. Both across patients, not within one patient cooled',
  }),
} as const satisfies SpecTree;
