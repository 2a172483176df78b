/** Validation problems of a scenario: each names the JSON path, the value given and what was expected. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** User text as a message shows it: JSON-quoted, cut to 80 characters (a 100 000-character value is not echoed whole). */
export function shownValue(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 60)}... (${s.length} characters)` : s;
}

/** A dotted setting path as a message shows it, cut the same way; an empty one as "". */
export function shownKey(k: string): string {
  if (k === '') return '""';
  return k.length > 80 ? `${k.slice(0, 60)}... (${k.length} characters)` : k;
}

/**
 * An object key appended to a path: `.weight`, or `[""]` / `["a.b"]` / `["wéight"]` for keys that a dotted path
 * would hide (an empty key would otherwise read as the top level).
 */
export function keySegment(parent: string, k: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(k) && k.length <= 80) return parent ? `${parent}.${k}` : k;
  return `${parent}[${JSON.stringify(k.length > 80 ? shownKey(k) : k)}]`;
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
