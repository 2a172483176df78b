/**
 * The hemofilter limb on the ECMO circuit (scenario fields circuit.filterLimb): its lines, where it connects, the
 * separate catheter it may run on instead, the CRRT machine's access limits, and its return line off its port.
 */
import { q, type ChoiceSpec, type FlagSpec, type SpecTree } from '../parameters.js';

export const filterLimbSpecs = {
  lineInnerDiameter: q('mm', 4.5, [2, 8], { description: 'Inner diameter of the hemofilter access and return lines.', source: 'E', ref: 'CRRT line sets' }),
  accessLineLength: q('mm', 1500, [100, 5000], { description: 'Line from the post-oxygenator port to the filter.', source: 'E', ref: 'CRRT line sets' }),
  returnLineLength: q('mm', 1500, [100, 5000], { description: 'Line from the filter back to the pre-pump port.', source: 'E', ref: 'CRRT line sets' }),
  connection: {
    kind: 'choice',
    values: ['postOxygenatorToPrePump', 'postPumpToPrePump', 'preOxygenator', 'separateCatheter'],
    default: 'postOxygenatorToPrePump',
    adjustable: true,
    description:
      'Where the filter limb connects: post-oxygenator take-off returning pre-pump (the cohort); access post-pump (pre-oxygenator) returning pre-pump; access and return both pre-oxygenator; or a separate CRRT circuit on its own dialysis catheter (no shunt through the ECMO circuit).',
    source: 'S',
    ref: 'training-reference.md: CRRT on ECMO connection sites (reviews of CRRT on ECMO); cohort.md: post-oxygenator to pre-pump',
  } satisfies ChoiceSpec,
  returnDisconnected: {
    kind: 'flag',
    default: false,
    adjustable: true,
    description:
      "The filter limb's return line has come off its port: the CRRT blood pump pumps the limb's return onto the floor (the patient loses it while the pump runs and the circuit is not clamped off), the CRRT machine's return pressure falls to the open line's own drop, and the port left open (returnPortBore) draws air where the limb returns pre-pump and leaks blood where it returns above atmospheric pressure. Reconnecting closes the port; air already drawn stays until the circuit is de-aired.",
    source: 'E',
    ref: 'training: a CRRT line disconnection (training-reference.md: CRRT on ECMO, air entrainment at a pre-pump return; ELSO emergencies, air in the circuit and haemorrhage)',
  } satisfies FlagSpec,
  returnPortBore: q('mm', 3, [0.5, 8], {
    range: [2, 4],
    description: "Bore of the port the filter limb's return line connects to, open while the line is disconnected (returnDisconnected).",
    source: 'E',
    ref: 'a luer port’s bore is ~2–4 mm (ISO 80369-7), as circuit.ruptureOpening',
  }),
  catheterLumenDiameter: q('mm', 2.3, [1, 5], {
    description: 'Equivalent inner diameter of each lumen of the separate dialysis catheter.',
    source: 'E',
    ref: 'estimate: a 13 Fr double-lumen dialysis catheter, ~33 mmHg per lumen at 300 mL/min by Poiseuille',
  }),
  catheterLength: q('mm', 200, [50, 400], {
    description: 'Length of the separate dialysis catheter.',
    source: 'E',
    ref: 'estimate: 15–24 cm jugular/femoral catheters',
  }),
  accessMinimum: q('mmHg', -250, [-500, 0], {
    description: 'Access pressure below which the CRRT machine alarms ("access extremely negative").',
    source: 'S2',
    ref: 'training-reference.md: PrisMax AW8035 manual (secondary) < −250 mmHg',
  }),
  accessMaximum: q('mmHg', 250, [0, 500], {
    description: 'Access pressure above which the CRRT machine does not accept its inlet (a positive access it was not designed for).',
    source: 'E',
    ref: 'no published positive-access limit found: the negative limit mirrored; training-reference.md: positive access on ECMO trips CRRT alarms',
  }),
} as const satisfies SpecTree;
