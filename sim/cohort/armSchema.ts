/**
 * The file that describes one arm of the reference cohort (scenarios/cohort/*.json): its protocol scenario, how
 * its patients are drawn (each draw names the scenario path it sets, its distribution with units, and the reason
 * for it), and the published figures the replay is compared with. A `factor` draw is between-patient variability
 * of a model parameter: a log-normal multiplier (mean 1, the CV written) on the value the patient would otherwise
 * have (the calibrated or default one), so a calibration still fits the mean.
 */
import { z } from 'zod';

const text = z.string().min(1).max(200);
const quantity = z.string().min(1).max(64);
const reason = z.string().min(1).max(1000).meta({ description: 'Why this distribution: the published figure it matches, or the reasoning.' });
/** A scenario field, or a descriptor (descriptors.<name>) that is recorded but feeds no model. */
const path = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/, 'a dotted path such as "patient.age"');

const bounds = {
  min: quantity.optional(),
  max: quantity.optional(),
  calibrated: z.boolean().optional().meta({
    description:
      "The study did not publish this baseline: its mean is fitted by `npm run calibrate` and read from the calibration file's `draws` section (the SD scales with it, keeping the CV). The mean written here is the prior estimate the fit starts from.",
  }),
  matchMean: z.boolean().optional().meta({
    description:
      "Shift (normal) or scale (log-normal) the arm's sample so its mean is the distribution's mean exactly: a published mean is met, not missed by chance.",
  }),
};

export const drawSchema = z.discriminatedUnion('distribution', [
  z.strictObject({ path, distribution: z.literal('normal'), mean: quantity, sd: quantity, ...bounds, reason }),
  z.strictObject({ path, distribution: z.literal('lognormal'), mean: quantity, sd: quantity, ...bounds, reason }),
  z.strictObject({
    path,
    distribution: z.literal('choice'),
    options: z.record(z.string().min(1).max(64), z.number().min(0)),
    matchShares: z.boolean().optional().meta({
      description:
        'Give each option the share of the arm its weight says, exactly (counts rounded by largest remainder), to patients picked at random: a published share is met, not missed by chance.',
    }),
    reason,
  }),
  z.strictObject({
    path,
    distribution: z.literal('factor'),
    cv: z.number().min(0).max(3).meta({ description: 'Coefficient of variation of the log-normal factor (mean 1).' }),
    min: z.number().positive().optional().meta({ description: 'Smallest factor accepted (the draw is truncated there).' }),
    max: z.number().positive().optional().meta({ description: 'Largest factor accepted.' }),
    matchMean: z.boolean().optional().meta({ description: "Scale the arm's factors so their mean is exactly 1." }),
    reason,
  }),
]);

export const publishedFigureSchema = z.strictObject({
  value: z.number(),
  sd: z.number().min(0).optional(),
  source: text,
});

export const armSchema = z.strictObject({
  $schema: z.string().optional(),
  name: text,
  description: z.string().max(5000).optional(),
  n: z.number().int().min(1).max(10000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  protocol: text.meta({ description: 'The protocol scenario every patient starts from, relative to this file.' }),
  calibration: text.optional().meta({ description: 'The committed calibration (shared by all arms), relative to this file.' }),
  set: z
    .record(z.string(), z.union([z.string(), z.boolean()]))
    .optional()
    .meta({ description: 'Settings for every patient of the arm.' }),
  draws: z.array(drawSchema).max(200),
  published: z.record(z.string(), publishedFigureSchema),
});

/** The JSON Schema of cohort arm files (scenarios/cohort/*.json point at it for editors). */
export function armJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(armSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Reference-cohort arm file',
    description: 'One arm of the reference cohort: protocol, seeded draws with units and reasons, published figures.',
  };
}

export type ArmFile = z.infer<typeof armSchema>;
export type Draw = z.infer<typeof drawSchema>;
export type PublishedFigure = z.infer<typeof publishedFigureSchema>;
