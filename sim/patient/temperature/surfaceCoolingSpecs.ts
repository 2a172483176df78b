/**
 * A servo-controlled surface temperature device (water-circulating pads or blankets): the scenario's
 * `prescription.surfaceCooling` (heatBalance.ts, surfaceDeviceHeat_kJ_h).
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const give: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description:
    'A servo-controlled surface device (water-circulating pads or blankets) on the patient: it removes heat while the core is above its target and gives heat below it, up to its power.',
  source: 'S',
  ref: 'Schortgen, AJRCCM 2012: external cooling of febrile septic shock to 36.5–37 °C for 48 h; Hoedemaekers, Crit Care 2007: water-circulating blankets and gel pads in ICU patients',
};

export const surfaceCoolingSpecs = {
  give,
  target: q('degC', 37, [30, 40], {
    adjustable: true,
    range: [36.5, 37.5],
    description: 'Core temperature the device servo-controls to.',
    source: 'S',
    ref: 'Schortgen, AJRCCM 2012: febrile septic shock cooled to 36.5–37 °C',
  }),
  maxPower: q('W', 90, [0, 1000], {
    range: [60, 140],
    description: 'Most heat the device removes (or gives) at full output.',
    source: 'S2',
    ref: 'derived from Hoedemaekers et al., Crit Care 2007 (50 ICU patients, induction): core temperature fell 1.33 ± 0.63 °C/h on water-circulating blankets and 1.04 ± 0.14 on gel pads; × the body heat capacity 3.47 kJ/kg/K × 75 kg [E: their weight] gives 96 and 75 W; the SD spans 50–140 W',
  }),
  proportionalBand: q('K', 0.5, [0.01, 5], {
    range: [0.2, 1],
    description: 'Distance from the target at which the device reaches full output; within it the output is proportional to the distance.',
    source: 'E',
    ref: 'servo devices hold the core near target but not on it: in Hoedemaekers 2007 the surface devices spent much of the maintenance time more than 0.2 °C from target (the intravascular one 11 %); an estimate',
  }),
} as const satisfies SpecTree;
