/**
 * The scenario file's structure as a zod schema, built from the spec tables. Zod checks the shape (unknown keys,
 * types) and the units of every quantity; `resolve.ts` then fills defaults, applies per-kg forms and limits.
 */
import { z } from 'zod';
import { isLeaf, type LeafSpec, type SpecTree } from '../parameters.js';
import { NULLABLE_SECTIONS, scenarioSpecs } from './scenarioSpecs.js';
import { parseQuantityLeaf, perKgUnit } from './quantityLeaf.js';
import { MODEL_FAULT_ACTIONS, MODEL_FAULT_KEYS } from '../faults/modelFaultKeys.js';

/** An example for a field without a default: the geometric mean of its limits to one digit (weight 20–300 kg: 80 kg). */
function typicalValue([lo, hi]: readonly [number, number]): number {
  return lo > 0 ? Number(Math.sqrt(lo * hi).toPrecision(1)) : Number(hi.toPrecision(1)) / 2;
}

function leafSchema(spec: LeafSpec): z.ZodType {
  const meta = { description: `${spec.description} [${spec.source}: ${spec.ref}]` };
  if (spec.kind === 'choice')
    return z
      .enum(spec.values as [string, ...string[]])
      .optional()
      .meta(meta);
  if (spec.kind === 'flag') return z.boolean().optional().meta(meta);
  const example =
    spec.unit === '1'
      ? 'e.g. 0.3 or "30 %"'
      : `e.g. "${spec.default ?? spec.defaultPerKg ?? typicalValue(spec.limits)} ${spec.defaultPerKg !== undefined ? perKgUnit(spec.unit) : spec.unit}"`;
  return z
    .union([z.string(), z.number()])
    .transform((raw, ctx) => parseQuantityLeaf(spec, raw, { addIssue: (message) => ctx.addIssue({ code: 'custom', message }) }))
    .optional()
    .meta({ description: `${meta.description} Unit: ${spec.unit === '1' ? 'dimensionless' : spec.unit}; ${example}.` });
}

export function treeSchema(tree: SpecTree): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(tree)) {
    shape[key] = isLeaf(node) ? leafSchema(node) : treeSchema(node).optional();
  }
  return z.strictObject(shape);
}

/** The legacy fault keys (sim/faults/modelFaultKeys.ts), each a size with its unit. */
function modelFaultFields(): Record<string, z.ZodType> {
  return Object.fromEntries(
    MODEL_FAULT_ACTIONS.map((k) => [k, z.union([z.string(), z.number()]).optional().meta({ description: MODEL_FAULT_KEYS[k].schemaDescription })]),
  );
}

const timelineEntrySchema = z.strictObject({
  at: z.union([z.string(), z.number()]).optional().meta({ description: 'When, from the start of the run, e.g. "6 h" (or "when" instead: a condition).' }),
  when: z
    .strictObject({
      series: z.string().meta({ description: 'An output series (docs/outputs.md), e.g. "sao2_pct".' }),
      below: z.number().optional().meta({ description: 'Fires the first simulated minute the series is below this (in its unit).' }),
      above: z.number().optional().meta({ description: 'Fires the first simulated minute the series is above this (in its unit).' }),
    })
    .optional()
    .meta({ description: 'Instead of "at": the entry happens once, the first simulated minute this condition holds.' }),
  set: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .meta({ description: 'Settings to change, by path: { "prescription.effluentDose": "30 mL/kg/h" }.' }),
  heparinBolus: z.union([z.string(), z.number()]).optional().meta({ description: 'A heparin bolus, e.g. "5000 U" or "50 U/kg".' }),
  fluidBolus: z
    .union([z.string(), z.number()])
    .optional()
    .meta({ description: 'A fluid bolus into the blood volume now, e.g. "500 mL" (crystalloid or colloid, given over minutes).' }),
  transfusion: z
    .union([z.string(), z.number()])
    .optional()
    .meta({ description: 'Packed red cells into the blood now, e.g. "300 mL" (one unit), at patient.bleeding.transfusionHematocrit.' }),
  platelets: z.union([z.string(), z.number()]).optional().meta({
    description:
      'Adult platelet units given now, e.g. 1 (each prescription.plateletTransfusion.unitContent platelets in prescription.plateletTransfusion.volume).',
  }),
  changeFilter: z.literal(true).optional().meta({ description: 'Change the hemofilter now.' }),
  changeOxygenator: z.literal(true).optional().meta({
    description:
      "Change the ECMO circuit's oxygenator now: the flow stops for circuit.oxygenatorChange.downtime while the new device's prime takes the old one's blood's place (a thrombosed or leaking membrane's remedy).",
  }),
  changeCircuit: z.literal(true).optional().meta({
    description:
      "Change the whole ECMO circuit now (tubing, pump head, oxygenator; the cannulae stay): the flow stops for circuit.circuitChange.downtime while the new circuit's prime takes the old one's blood's place (a ruptured or clotted circuit's remedy).",
  }),
  changeConsole: z.literal(true).optional().meta({
    description:
      "Move the ECMO pump head onto a new console (drive unit) now: the flow stops for circuit.consoleChange.downtime while the head is seated in the new drive (a failed motor or console's remedy, after the hand crank).",
  }),
  changePumpHead: z.literal(true).optional().meta({
    description:
      "Change the centrifugal pump head alone now (the oxygenator, the tubing and the console stay): the flow stops for circuit.pumpHeadChange.downtime while a new head, primed with circuit.air.headVolume, takes the old one's place (a thrombus or air in the head).",
  }),
  recannulate: z.enum(['drainage', 'return']).optional().meta({
    description:
      'Recannulate a vessel now: the cannulating team places a new drainage or return cannula (a cannula out of its vessel, circuit.decannulation, back in; one in place replaced) while the ECMO flow is stopped for circuit.recannulation.downtime.',
  }),
  deAir: z
    .literal(true)
    .optional()
    .meta({ description: "De-air the circuit: close the timeline's openings (airEntry, limbReturnOpening), remove the air in the pump head." }),
  changeBags: z
    .enum(['replacement', 'effluent', 'both'])
    .optional()
    .meta({ description: 'Change the CRRT bags now: hang a full replacement bag, an empty effluent bag, or both (restarts stopped fluid pumps).' }),
  changeSyringe: z.literal(true).optional().meta({ description: 'Put a full heparin syringe in the syringe pump now.' }),
  fault: z
    .strictObject({
      ...modelFaultFields(),
      kind: z.string().optional().meta({ description: 'A catalogue fault (docs/training/faults.md), e.g. "drainage-kink"; instead of the keys above.' }),
      severity: z
        .union([z.string(), z.number()])
        .optional()
        .meta({ description: 'The fault\'s severity in its unit (its default when left out), e.g. "85 %" for a kink.' }),
      onset: z.enum(['sudden', 'gradual']).optional().meta({ description: 'sudden (default), or gradual: the setting ramps to the severity over over_min.' }),
      over_min: z
        .union([z.string(), z.number()])
        .optional()
        .meta({ description: 'Onset time of a gradual fault, in minutes or with a unit, e.g. 30 or "2 h".' }),
      hidden: z.boolean().optional().meta({ description: "Hidden from the trainee's log (only what a device shows); the catalogue's default when left out." }),
      clear: z.literal(true).optional().meta({ description: 'Clear the fault: its setting returns to the value before it.' }),
    })
    .optional()
    .meta({ description: 'Inject a fault for training: a clotted filter, a thrombosed oxygenator, an opening that entrains air.' }),
  note: z.string().max(500).optional(),
});

/** The top-level schema of a scenario file. */
export function scenarioFileSchema(): z.ZodType {
  const shape: Record<string, z.ZodType> = {
    $schema: z.string().optional(),
    name: z.string().min(1).max(200).meta({ description: 'Name of the scenario.' }),
    description: z.string().max(5000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional()
      .meta({ description: 'Seed of the random-number generator (default 1).' }),
    timeline: z.array(timelineEntrySchema).max(10000).optional(),
    calibration: z.string().min(1).max(500).optional().meta({
      description:
        'A calibration file relative to this one, e.g. "cohort/calibration.json": its fitted values fill every path this file does not set (--uncalibrated: the spec defaults).',
    }),
  };
  for (const [key, node] of Object.entries(scenarioSpecs)) {
    let s = isLeaf(node) ? leafSchema(node) : treeSchema(node);
    if ((NULLABLE_SECTIONS as readonly string[]).includes(key)) {
      s = s.nullable().meta({ description: `The ${key} section, or null for none (standard care).` });
    } else if (!isLeaf(node)) {
      s = s.optional();
    }
    shape[key] = s;
  }
  return z.strictObject(shape);
}
