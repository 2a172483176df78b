/**
 * A sweep's results file (docs/dose-explorer.md) read as a table for plotting: its identity line (`# sweep {...}`, skipped), then `run_id`, the varied parameters, the
 * outcome columns and `error`. Pure text in, table out (no file system), so the CLI and the explorer page share it.
 * Empty cells are null; rows whose `error` is set are kept apart (they have no outcomes).
 */
import { ScenarioError } from '../scenario/errors.js';
import { METRIC_COLUMNS } from '../sweep/runMetrics.js';

export type Row = Record<string, number | null>;

export interface ResultsTable {
  source: string;
  columns: string[];
  /** the varied parameters, in file order (between run_id and the outcomes) */
  parameters: string[];
  /** the outcome columns (METRIC_COLUMNS) */
  outcomes: string[];
  /** runs that completed */
  rows: Row[];
  /** runs that failed (their error column is set) */
  failed: number;
}

/** Splits one CSV line; fields may be double-quoted with "" for a quote (only the error column ever is). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let text = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') break;
        else text += line[i++];
      }
      fields.push(text);
      i++; // closing quote
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (line[i] !== ',') return fields;
    i++;
  }
}

function notASweep(source: string, why: string): never {
  throw new ScenarioError(source, [{ path: '', message: `not a sweep results file: ${why} (a results file is what a sweep or a merge of its shards writes)` }]);
}

export function parseResultsCsv(text: string, source: string): ResultsTable {
  const all = text.split(/\r?\n/);
  const identityLines = all[0]?.startsWith('#') ? 1 : 0; // the sweep's identity (sim/sweep/sweepIdentity.ts)
  const lines = all.slice(identityLines).filter((l) => l !== '');
  if (lines.length === 0) notASweep(source, 'it is empty');
  const columns = splitCsvLine(lines[0]);
  if (columns[0] !== 'run_id' || columns.at(-1) !== 'error')
    notASweep(source, `its header should start with "run_id" and end with "error"; it is ${JSON.stringify(lines[0].slice(0, 80))}`);
  const firstOutcome = columns.indexOf(METRIC_COLUMNS[0]);
  const outcomes = columns.slice(firstOutcome, -1);
  if (firstOutcome < 1 || outcomes.join() !== METRIC_COLUMNS.join()) notASweep(source, `its outcome columns should be ${METRIC_COLUMNS.join(', ')}`);
  const parameters = columns.slice(1, firstOutcome);
  const rows: Row[] = [];
  let failed = 0;
  lines.slice(1).forEach((line, i) => {
    const fields = splitCsvLine(line);
    if (fields.length !== columns.length) notASweep(source, `line ${i + 2 + identityLines} has ${fields.length} fields, the header ${columns.length}`);
    if (fields.at(-1) !== '') return void failed++;
    const row: Row = {};
    columns.slice(0, -1).forEach((c, j) => {
      const v = fields[j] === '' ? null : Number(fields[j]);
      if (v !== null && !Number.isFinite(v)) notASweep(source, `line ${i + 2 + identityLines}, column ${c}: ${JSON.stringify(fields[j])} is not a number`);
      row[c] = v;
    });
    rows.push(row);
  });
  return { source, columns: columns.slice(0, -1), parameters, outcomes, rows, failed };
}
