/** Fields a scenario gives that do nothing (scenario/filterOnlyFields.ts), printed as warnings on standard error. */
import type { ScenarioIssue } from '../scenario/errors.js';

/** One line per field: the file, the field and what is ignored. */
export function printScenarioWarnings(file: string, issues: readonly ScenarioIssue[]): void {
  process.stderr.write(issues.map((i) => `warning: ${file}: ${i.path}: ${i.message}\n`).join(''));
}
