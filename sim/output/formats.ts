/**
 * Run results as JSON and CSV. Missing values (NaN) become null in JSON and empty cells in CSV.
 *
 * A run's document is written piece by piece to a sink (writeResultJson, writeResultCsv): the series, which are
 * nearly all of a long run's output (30 days at 1 min: 43,201 samples × 57 series), one number at a time, the rest
 * (scenario, events, summary) each as one small JSON.stringify. The text is the same, byte for byte, as
 * `JSON.stringify(doc, nullForNaN, 2)` of the whole document with the series as plain arrays (test/outputStream.test.ts),
 * but never held in memory whole: a 30-day run at 1-min output peaked at 555 MB building it.
 */
import type { RunResult, SeriesValues } from '../engine/simulate.js';
import { SERIES, SERIES_NAMES } from '../engine/observe.js';

/** Where a document's text goes, in order, a piece at a time. */
export interface TextSink {
  write(text: string): void;
}

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
function writeSeriesJson(values: ArrayLike<number>, sink: TextSink): void {
  const n = values.length;
  if (n === 0) return sink.write('[]');
  sink.write('[\n      ');
  const block: number[] = [];
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    block.length = 0;
    for (let i = start; i < end; i++) block.push(values[i]);
    const compact = JSON.stringify(block); // "[a,b,c]": numbers and null only, so every comma separates elements
    sink.write((start === 0 ? '' : JSON_ITEM) + compact.slice(1, -1).replaceAll(',', JSON_ITEM));
  }
  sink.write('\n    ]');
}

/** The series object nested one level deep: each series streamed, in the recorder's order (SERIES_NAMES). */
function writeSeriesObject(series: Record<string, SeriesValues | readonly number[]>, sink: TextSink): void {
  const names = Object.keys(series);
  if (names.length === 0) return sink.write('{}');
  sink.write('{');
  names.forEach((name, k) => {
    sink.write(`${k === 0 ? '' : ','}\n    ${JSON.stringify(name)}: `);
    writeSeriesJson(series[name], sink);
  });
  sink.write('\n  }');
}

/** The run's JSON document (scenario, units, series, events, summary, solver), written to `sink` piece by piece. */
export function writeResultJson(r: RunResult, sink: TextSink): void {
  const doc: [string, unknown][] = [
    ['scenario', r.scenario],
    ['units', seriesUnits()],
    ['series', r.series],
    ['events', r.events],
    ['summary', r.summary],
    ['solver', r.solver],
  ];
  let first = true;
  sink.write('{');
  for (const [key, value] of doc) {
    const text = key === 'series' ? '' : nestedJson(value, 1);
    if (text === undefined) continue; // JSON.stringify leaves out a member whose value it cannot write
    sink.write(`${first ? '' : ','}\n  ${JSON.stringify(key)}: `);
    first = false;
    if (key === 'series') writeSeriesObject(r.series, sink);
    else sink.write(text);
  }
  sink.write('\n}\n');
}

/** Rows formatted per JSON.stringify call (see BLOCK). */
const CSV_BLOCK = 64;

/**
 * The run's series as CSV (a header of series names, then one row per sample; a missing value is an empty cell),
 * written to `sink` a block of rows at a time. The cells are JSON.stringify's numbers (see BLOCK): the same digits
 * as String(), and null, which becomes the empty cell, where String() gives NaN or Infinity.
 */
export function writeResultCsv(r: RunResult, sink: TextSink): void {
  const columns = SERIES_NAMES.map((s) => r.series[s]);
  sink.write(SERIES_NAMES.join(',') + '\n');
  const n = r.series.time_h.length;
  const rows: number[][] = [];
  for (let start = 0; start < n; start += CSV_BLOCK) {
    const end = Math.min(n, start + CSV_BLOCK);
    rows.length = end - start;
    for (let i = start; i < end; i++) {
      const row = (rows[i - start] ??= []);
      row.length = 0;
      for (const column of columns) row.push(column[i]);
    }
    // "[[a,b],[c,null]]": numbers and null only, so "],[" is always a row break and "null" always a missing value
    sink.write(JSON.stringify(rows).slice(2, -2).replaceAll('],[', '\n').replaceAll('null', '') + '\n');
  }
}

/** A sink that keeps the text: for the small documents tests compare whole. */
function collect(write: (sink: TextSink) => void): string {
  const pieces: string[] = [];
  write({ write: (text) => void pieces.push(text) });
  return pieces.join('');
}

export function resultToJson(r: RunResult): string {
  return collect((sink) => writeResultJson(r, sink));
}

export function resultToCsv(r: RunResult): string {
  return collect((sink) => writeResultCsv(r, sink));
}
