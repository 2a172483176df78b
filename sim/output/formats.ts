/**
 * Run results as JSON and CSV. Missing values (NaN) become null in JSON and empty cells in CSV.
 *
 * A run's document is produced piece by piece (resultJsonPieces, resultCsvPieces) and written as it comes
 * (output/writeOutput.ts): the series, nearly all of a long run's output (30 days at 1 min: 43,201 samples × 57
 * series), a block of samples at a time, the events a few hundred at a time, the rest (scenario, summary) each as one
 * small JSON.stringify. The
 * text is the same, byte for byte, as `JSON.stringify(doc, nullForNaN, 2)` of the whole document with the series as
 * plain arrays (test/outputStream.test.ts), but never held in memory whole: building it whole, a 30-day run at
 * 1-min output peaked at 385 MB as JSON and 329 MB as CSV, streamed at 115 MB (npm run bench:output).
 */
import type { RunResult, SeriesValues } from '../engine/simulate.js';
import { SERIES, SERIES_NAMES } from '../engine/observe.js';

export function seriesUnits(): Record<string, string> {
  return Object.fromEntries(SERIES_NAMES.map((n) => [n, SERIES[n][0]]));
}

const nullForNaN = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

/** JSON text of a document whose missing values are NaN: written as null (JSON has no NaN), 2-space indent. */
export function toJsonText(doc: unknown): string {
  return JSON.stringify(doc, nullForNaN, 2) + '\n';
}

/** The text `toJsonText` gives `value` as a member of an object or array nested `depth` levels deep. */
function nestedJson(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, nullForNaN, 2) as string | undefined; // undefined for undefined and functions
  return text === undefined || depth === 0 ? text : text.replace(/\n/g, '\n' + '  '.repeat(depth)); // strings hold no raw newline
}

/**
 * Samples formatted per JSON.stringify call. Numbers are formatted by JSON.stringify, a block at a time, not one by
 * one with String(): V8 allocates each String() of a number in the old generation (its number-string cache), so a
 * 30-day run's 2.5 million numbers would pile up as ~80 MB of garbage before the next full collection, while
 * JSON.stringify writes the digits straight into its result. Its digits are the same (ToString of a finite
 * number) and it writes NaN and ±Infinity as null.
 */
const BLOCK = 1024;
const JSON_ITEM = ',\n      '; // an array's element separator two levels deep (document → series → array)

/** One series as a JSON array nested two levels deep, as JSON.stringify indents it. */
function* seriesJson(values: ArrayLike<number>): Generator<string> {
  const n = values.length;
  if (n === 0) return yield '[]';
  yield '[\n      ';
  const block: number[] = [];
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    block.length = 0;
    for (let i = start; i < end; i++) block.push(values[i]);
    const compact = JSON.stringify(block); // "[a,b,c]": numbers and null only, so every comma separates elements
    yield (start === 0 ? '' : JSON_ITEM) + compact.slice(1, -1).replaceAll(',', JSON_ITEM);
  }
  yield '\n    ]';
}

/** The series object nested one level deep: each series streamed, in the recorder's order (SERIES_NAMES). */
function* seriesObjectJson(series: Record<string, SeriesValues | readonly number[]>): Generator<string> {
  const names = Object.keys(series);
  if (names.length === 0) return yield '{}';
  yield '{';
  for (const [k, name] of names.entries()) {
    yield `${k === 0 ? '' : ','}\n    ${JSON.stringify(name)}: `;
    yield* seriesJson(series[name]);
  }
  yield '\n  }';
}

/** Events per piece: a long run logs thousands (the nurse's bag changes every 1.4 h), each ~150 characters. */
const EVENTS_PER_PIECE = 200;

/** An array nested one level deep, as JSON.stringify indents it, a few hundred elements per piece. */
function* arrayJson(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) return yield '[]';
  yield '[';
  for (let start = 0; start < items.length; start += EVENTS_PER_PIECE) {
    const part = items.slice(start, start + EVENTS_PER_PIECE).map((e) => nestedJson(e, 2) ?? 'null');
    yield (start === 0 ? '\n    ' : ',\n    ') + part.join(',\n    ');
  }
  yield '\n  ]';
}

/** Which parameters a run used (the command line knows; the engine's result does not). */
export type CalibrationRecord = { source: 'file'; reference: string; path: string; sha256: string } | { source: 'spec defaults'; reason: string };

/**
 * The run's JSON document (scenario, calibration when the caller knows it, units, series, events, summary, solver),
 * piece by piece.
 */
export function* resultJsonPieces(r: RunResult, about: { calibration?: CalibrationRecord } = {}): Generator<string> {
  const doc: [string, unknown][] = [
    ['scenario', r.scenario],
    ['calibration', about.calibration], // left out when undefined, as JSON.stringify leaves it
    ['units', seriesUnits()],
    ['series', r.series],
    ['events', r.events],
    ['summary', r.summary],
    ['solver', r.solver],
  ];
  let first = true;
  yield '{';
  for (const [key, value] of doc) {
    const streamed = key === 'series' || (key === 'events' && Array.isArray(value));
    const text = streamed ? '' : nestedJson(value, 1);
    if (text === undefined) continue; // JSON.stringify leaves out a member whose value it cannot write
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key === 'series') yield* seriesObjectJson(r.series);
    else if (key === 'events') yield* arrayJson(value as unknown[]);
    else yield text;
  }
  yield '\n}\n';
}

/**
 * Cells formatted per JSON.stringify call (see BLOCK), as whole rows: a block stays near 2048 cells (~45 kB at ~22
 * characters a cell) however many series there are.
 */
const CSV_BLOCK_CELLS = 2048;

/**
 * The run's series as CSV (a header of series names, then one row per sample; a missing value is an empty cell),
 * a block of rows at a time. The cells are JSON.stringify's numbers (see BLOCK): the same digits
 * as String(), and null, which becomes the empty cell, where String() gives NaN or Infinity.
 */
export function* resultCsvPieces(r: RunResult): Generator<string> {
  const columns = SERIES_NAMES.map((s) => r.series[s]);
  yield SERIES_NAMES.join(',') + '\n';
  const n = r.series.time_h.length;
  const rows: number[][] = [];
  const rowsPerBlock = Math.max(1, Math.floor(CSV_BLOCK_CELLS / columns.length));
  for (let start = 0; start < n; start += rowsPerBlock) {
    const end = Math.min(n, start + rowsPerBlock);
    rows.length = end - start;
    for (let i = start; i < end; i++) {
      const row = (rows[i - start] ??= []);
      row.length = 0;
      for (const column of columns) row.push(column[i]);
    }
    // "[[a,b],[c,null]]": numbers and null only, so "],[" is always a row break and "null" always a missing value
    yield JSON.stringify(rows).slice(2, -2).replaceAll('],[', '\n').replaceAll('null', '') + '\n';
  }
}

/** The whole text: for the small documents tests compare whole. */
export function resultToJson(r: RunResult): string {
  return [...resultJsonPieces(r)].join('');
}

export function resultToCsv(r: RunResult): string {
  return [...resultCsvPieces(r)].join('');
}
