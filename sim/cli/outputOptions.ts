/** The output options every command shares — `--out`, `--overwrite`, `--quiet` — defined once. */
import { Option, type Command } from 'commander';

export interface OutputOptionsSpec {
  /** what --out is, e.g. 'results CSV' (default: write to this file instead of standard output) */
  out?: string;
  /** --out must be given (sweep, merge, plot); else standard output is the default */
  required?: boolean;
  /** what --overwrite does (default: replace --out if it already exists) */
  overwrite?: string;
  /** the command writes a summary line on standard error that --quiet silences */
  quiet?: boolean;
}

export function addOutputOptions(command: Command, spec: OutputOptionsSpec = {}): Command {
  const out = new Option('--out <file>', spec.out ? `${spec.out} ("-": standard output)` : 'write to this file instead of standard output');
  command.addOption(spec.required ? out.makeOptionMandatory() : out);
  command.option('--overwrite', spec.overwrite ?? 'replace --out if it already exists', false);
  if (spec.quiet) command.option('--quiet', 'no summary line on standard error', false);
  return command;
}
