/**
 * The ECMO console's power: mains, and the battery that carries the pump when mains is lost (circuit.power). No
 * plausible ranges: they act only once mains is lost, so a sensitivity analysis of the default runs leaves them out.
 */
import { q, type FlagSpec, type SpecTree } from '../../parameters.js';

const mains: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description: 'The console is on mains power; false is a power loss: the console runs on its battery until the battery is empty, then the pump stops.',
  source: 'S',
  ref: 'training-reference.md: ECMO pump failure from battery or power loss (ELSO courses); Rotaflow switches to battery when the external supply is interrupted (perfusion policy on battery backup)',
};

export const powerSpecs = {
  mains,
  batteryRuntime: q('min', 90, [1, 600], {
    description: "Time the console's charged battery drives the pump at full load (charge falls linearly to zero in this time).",
    source: 'E',
    ref: 'estimate: portable ECMO consoles (Cardiohelp, Rotaflow, CentriMag class) carry about 1–1.5 h of battery; no manual figure found in the reference set',
  }),
  rechargeTime: q('h', 8, [0.5, 48], {
    description: 'Time an empty battery takes to recharge fully on mains (charge rises linearly).',
    source: 'E',
    ref: 'estimate: consoles recharge their batteries over hours on mains; no manual figure found',
  }),
  lowBatteryLevel: q('1', 0.2, [0, 1], {
    description: 'Battery charge (fraction of full) below which the console warns "battery low".',
    source: 'E',
    ref: 'training-reference.md: battery low / no AC power alarm titles (secondary); the threshold an estimate',
  }),
} as const satisfies SpecTree;
