/** Validation problems of a scenario: each names the JSON path, the value given and what was expected. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** A user's mistake in a scenario or a command-line setting (the CLI exits with code 2). */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly issues: ScenarioIssue[],
  ) {
    super(formatIssues(source, issues));
    this.name = 'ScenarioError';
  }
}

export function formatIssues(source: string, issues: ScenarioIssue[]): string {
  const head = `${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return [head, ...issues.map((i) => `  ${i.path || '(top level)'}: ${i.message}`)].join('\n');
}
