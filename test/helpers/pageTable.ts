/**
 * A docs page's table that a script prints (scripts/*.ts "prints the table the page quotes"): the script run as a
 * process (test/ may not import scripts/, layers.js), its table rows, and the page's table with the same header in
 * the section under a heading, rows compared both ways. A row may be indented on the page (a table inside a list).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The tables a script prints, each its rows (lines starting with "|"); other lines (a note, a blank) end a table. */
export function printedTables(script: string): string[][] {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed (status ${r.status}): ${r.stderr}`);
  const tables: string[][] = [[]];
  for (const l of r.stdout.split('\n')) {
    if (l.startsWith('|')) tables[tables.length - 1].push(l);
    else if (tables[tables.length - 1].length) tables.push([]);
  }
  return tables.filter((t) => t.length > 0);
}

/** The one table a script prints. */
export function printedTable(script: string): string[] {
  const tables = printedTables(script);
  if (tables.length !== 1) throw new Error(`${script} printed ${tables.length} tables; expected one`);
  return tables[0];
}

/** The lines of a page's section: from its heading to the next heading of the same level, trimmed. */
export function pageSection(page: string, heading: string): string[] {
  const lines = readFileSync(page, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`${page}: no section "${heading}"`);
  const level = /^#+ /.exec(heading)?.[0] ?? '## ';
  const end = lines.findIndex((l, i) => i > start && l.startsWith(level));
  return lines.slice(start + 1, end < 0 ? lines.length : end).map((l) => l.trim());
}

/**
 * What differs between the printed table and the section's first table under the same header (a page may keep an
 * earlier session's table with the same header below it): rows printed that the page
 * lacks, and rows of the page's table the script no longer prints.
 */
export function tableDifferences(printed: string[], section: string[]): { missing: string[]; stale: string[] } {
  const start = section.indexOf(printed[0]);
  const pageRows: string[] = [];
  for (let i = start; start >= 0 && i < section.length && section[i].startsWith('|'); i++) pageRows.push(section[i]);
  return { missing: printed.filter((l) => !pageRows.includes(l)), stale: pageRows.filter((l) => !printed.includes(l)) };
}
