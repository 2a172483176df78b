/**
 * Streamed output (issue 14): the run's JSON and CSV written piece by piece are byte-identical to the whole-text
 * forms they replace (JSON.stringify of the whole document with NaN as null, 2-space indent; CSV rows joined), for
 * the bundled scenarios and for the corner cases (missing values, no samples); the file is written through a
 * partial file renamed at the end, and a failure leaves neither.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERIES_NAMES } from '../sim/engine/observe.js';
import type { RunResult } from '../sim/engine/simulate.js';
import { resultCsvPieces, resultJsonPieces, resultToCsv, resultToJson, seriesUnits } from '../sim/output/formats.js';
import { OutputError, writeOutput, writeStreaming } from '../sim/output/writeOutput.js';
import { DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

/** The JSON text as it was built before streaming (c542753): the whole document through one JSON.stringify. */
function wholeJson(r: RunResult): string {
  const series = Object.fromEntries(Object.entries(r.series).map(([k, v]) => [k, Array.from(v)]));
  const doc = { scenario: r.scenario, units: seriesUnits(), series, events: r.events, summary: r.summary, solver: r.solver };
  return JSON.stringify(doc, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** The CSV text as it was built before streaming. */
function wholeCsv(r: RunResult): string {
  const cell = (v: number) => (Number.isFinite(v) ? String(v) : '');
  const rows = [SERIES_NAMES.join(',')];
  for (let i = 0; i < r.series.time_h.length; i++) rows.push(SERIES_NAMES.map((s) => cell(r.series[s][i])).join(','));
  return rows.join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'sim-stream-'));
afterEach(() => vi.restoreAllMocks());

describe('streamed JSON and CSV', () => {
  const runs = [
    ['the default ECMO + HVHF scenario, 48 h', run(DEFAULT_ECMO, { duration: '48 h' })],
    ['the standard-care scenario (no circuit: NaN series), 48 h', run(DEFAULT_STANDARD, { duration: '48 h' })],
    ['a 7 h run at 25-min output (the last sample off the grid)', run(DEFAULT_ECMO, { duration: '7 h', outputInterval: '25 min' })],
  ] as const;
  it.each(runs)('%s: byte-identical to the whole-document text', (_name, r) => {
    expect(resultToJson(r)).toBe(wholeJson(r));
    expect(resultToCsv(r)).toBe(wholeCsv(r));
  });
  it('the series are typed arrays, one value per sample, as long as time_h', () => {
    const r = runs[0][1];
    for (const name of SERIES_NAMES) {
      expect(r.series[name], name).toBeInstanceOf(Float64Array);
      expect(r.series[name].length, name).toBe(r.series.time_h.length);
    }
    expect(r.series.time_h.at(-1)).toBe(48);
  });
  it('missing values, infinities, -0, tiny and huge numbers, no samples and left-out members are written as before', () => {
    const r = runs[1][1];
    const odd: RunResult = {
      ...r,
      series: { ...r.series, time_h: new Float64Array([0, -0, Infinity, -Infinity, NaN, 1e21, 5e-7, 0.1 + 0.2]), sofa: new Float64Array(0) },
      summary: { ...r.summary, note: undefined, when: () => 0 } as unknown as RunResult['summary'],
    };
    expect(resultToJson(odd)).toBe(wholeJson(odd));
    expect(resultToCsv(odd)).toBe(wholeCsv(odd));
    const noEvents = { ...r, events: [], scenario: undefined } as unknown as RunResult;
    expect(resultToJson(noEvents)).toBe(wholeJson(noEvents));
  });
  it('the JSON and CSV are written in pieces of at most a block of samples, none holding a whole series', () => {
    const r = run(DEFAULT_ECMO, { duration: '240 h', outputInterval: '5 min' }); // 2,881 samples: three blocks
    for (const produce of [resultJsonPieces, resultCsvPieces]) {
      const pieces = [...produce(r)];
      expect(pieces.length).toBeGreaterThan(produce === resultJsonPieces ? SERIES_NAMES.length * 3 : 2_881 / 64);
      expect(Math.max(...pieces.map((p) => p.length)), produce.name).toBeLessThan(64 * 1024);
    }
  });
});

describe('writeStreaming', () => {
  function* produce(): Generator<string> {
    for (let i = 0; i < 50_000; i++) yield `${i}\n`;
  }
  const expected = Array.from({ length: 50_000 }, (_, i) => `${i}\n`).join('');
  it('writes the pieces, in chunks, to a partial file renamed into place at the end', () => {
    const file = join(dir, 'out.txt');
    let partials: string[] = [];
    writeStreaming(
      file,
      (function* () {
        yield* produce();
        partials = readdirSync(dir).filter((n) => n.startsWith('out.txt.partial-'));
        expect(existsSync(file)).toBe(false);
      })(),
    );
    expect(partials).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(expected);
    expect(readdirSync(dir).filter((n) => n.includes('.partial-'))).toEqual([]);
  });
  it('a failure while producing leaves no partial file and no output, and is not reported as a file-system error', () => {
    const file = join(dir, 'failed.txt');
    const bug = new Error('bug in the producer');
    expect(() =>
      writeStreaming(
        file,
        (function* () {
          yield* produce();
          throw bug;
        })(),
      ),
    ).toThrow(bug);
    expect(readdirSync(dir).filter((n) => n.startsWith('failed.txt'))).toEqual([]);
  });
  it('a file that cannot be written is an OutputError naming --out', () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, '');
    expect(() => writeStreaming(join(blocker, 'x.json'), produce())).toThrow(OutputError);
    expect(() => writeStreaming(join(blocker, 'x.json'), produce())).toThrow(/^--out: cannot write/);
  });
  it('"-" writes to standard output, the same text', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
      chunks.push(String(c));
      return true;
    });
    writeStreaming('-', produce());
    expect(chunks.join('')).toBe(expected);
    chunks.length = 0;
    await writeOutput('-', produce());
    expect(chunks.join('')).toBe(expected);
    expect(chunks.length).toBeGreaterThan(1);
  });
  it('standard output that cannot take more pauses the writing until it drains', async () => {
    const chunks: string[] = [];
    let waiting = 0;
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
      chunks.push(String(c));
      waiting++;
      setImmediate(() => {
        waiting--;
        process.stdout.emit('drain');
      });
      return false;
    });
    let most = 0;
    await writeOutput(
      '-',
      (function* () {
        for (const piece of produce()) {
          most = Math.max(most, waiting);
          yield piece;
        }
      })(),
    );
    expect(chunks.join('')).toBe(expected);
    expect(chunks.length).toBeGreaterThan(1);
    expect(most).toBe(0); // nothing produced while a chunk waits for the reader
    await new Promise((done) => setImmediate(done)); // the last chunk's drain, before the next test
  });
  it('a reader that goes away (EPIPE) ends the writing quietly (last: standard output stays closed)', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
      chunks.push(String(c));
      setImmediate(() => process.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
      return false;
    });
    await writeOutput('-', produce());
    expect(chunks).toHaveLength(1);
  });
});
