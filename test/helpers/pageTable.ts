/**
 * A docs page's table that a script prints (scripts/*.ts "prints the table the page quotes"): the script run as a
 * process (test/ may not import scripts/, layers.js), its table rows, and the page's table with the same header in
 * the section under a heading, rows compared both ways. A row may be indented on the page (a table inside a list).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * The tables a script prints, each its rows (lines starting with "|"); other lines (a note, a blank) end a table.
 * `notes`: the printed lines that are neither a row nor blank.
 */
export function printedTables(script: string): { tables: string[][]; notes: string[] } {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed (status ${r.status}): ${r.stderr}`);
  const tables: string[][] = [[]];
  const notes: string[] = [];
  for (const l of r.stdout.split('\n')) {
    if (l.startsWith('|')) tables[tables.length - 1].push(l);
    else {
      if (l.trim()) notes.push(l);
      if (tables[tables.length - 1].length) tables.push([]);
    }
  }
  return { tables: tables.filter((t) => t.length > 0), notes };
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

/**
 * The page's tables under `heading` are the `tables` ones `script` prints, row for row, each under its own header;
 * `onlyTables`: the script prints nothing else.
 */
export function quotesAsPrinted(script: string, page: string, heading: string, { tables = 1, onlyTables = false } = {}): void {
  const { tables: printed, notes } = printedTables(script);
  expect(printed.length, `${script}'s tables`).toBe(tables);
  if (onlyTables) expect(notes, `${script}: every printed line is a table row`).toEqual([]);
  const section = pageSection(page, heading);
  for (const table of printed) {
    expect(table.length, 'a header, its separator and rows').toBeGreaterThan(2);
    const { missing, stale } = tableDifferences(table, section);
    expect(missing, `rows ${script} prints that ${page} does not carry verbatim (paste its table)`).toEqual([]);
    expect(stale, `rows of ${page}'s table that ${script} no longer prints`).toEqual([]);
  }
}
