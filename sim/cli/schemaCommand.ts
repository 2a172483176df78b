/** `sim schema`: the scenario JSON Schema. */
import { scenarioJsonSchema } from '../scenario/jsonSchema.js';
import { writeOutputFile } from '../output/writeOutput.js';

export function schemaCommand(opts: { out?: string; overwrite: boolean }): void {
  const text = JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
  if (opts.out) writeOutputFile(opts.out, text, opts.overwrite);
  else process.stdout.write(text);
}
