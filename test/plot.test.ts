/**
 * `sim plot` (issue 5): each kind draws a well-formed standalone SVG with its axis labels (units included) and one
 * mark per run (per pair of grid values for the heatmap); bad input exits 2 without writing a file.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, stderr } from './helpers/cliInProcess.js';
import { headerLine, resultRow } from '../sim/sweep/resultsCsv.js';
import { METRIC_COLUMNS, type RunMetrics } from '../sim/sweep/runMetrics.js';
import type { VaryAxis } from '../sim/sweep/varySpec.js';
import { SYNTHETIC_AXES, syntheticResults } from './helpers/syntheticResults.js';
import { parseResultsCsv } from '../sim/plot/resultsTable.js';
import { chartSpec, type ChartChoice } from '../sim/plot/plotKinds.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-plot-'));
const path = (name: string) => join(dir, name);

const AXES = SYNTHETIC_AXES;

writeFileSync(path('results.csv'), syntheticResults(5)); // run 5 failed

/** Every tag closed in order, one root <svg> with the SVG namespace: a well-formed standalone SVG. */
function expectWellFormedSvg(svg: string): void {
  expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const body = svg.replace(/<\?xml[^>]*\?>/, '').replace(/<style>[^<]*<\/style>/g, '');
  const stack: string[] = [];
  for (const [, close, name, selfClose] of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(body.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/&/);
}

/** The marks Plot drew in the group of that mark type. */
function marks(svg: string, mark: 'dot' | 'cell', element: 'circle' | 'rect'): number {
  const group = new RegExp(`<g[^>]*aria-label="${mark}"[^>]*>(.*?)</g>`, 's').exec(svg);
  return group ? (group[1].match(new RegExp(`<${element}\\b`, 'g')) ?? []).length : 0;
}

async function plot(kind: string, out: string, extra: string[] = []): Promise<string> {
  expect(await sim(['plot', path('results.csv'), '--kind', kind, '--out', path(out), ...extra])).toBe(0);
  const svg = readFileSync(path(out), 'utf8');
  expectWellFormedSvg(svg);
  return svg;
}

describe('sim plot', () => {
  it('IL-6 removal against filter life: one dot per completed run, axes with units', async () => {
    const svg = await plot('removal-vs-life', 'life.svg');
    expect(svg).toContain('mean filter life (h)');
    expect(svg).toContain('IL-6 change at 24 h (%; negative = removed)');
    expect(marks(svg, 'dot', 'circle')).toBe(11);
    expect(stderr()).toMatch(/11 runs drawn, 1 left out/);
  });

  it('prescribed against delivered dose, with the identity line', async () => {
    const svg = await plot('dose-vs-delivered', 'dose.svg');
    expect(svg).toContain('prescribed dose (mL/kg/h)');
    expect(svg).toContain('delivered dose (mL/kg/h)');
    expect(marks(svg, 'dot', 'circle')).toBe(11);
    expect(svg).toContain('aria-label="line"');
  });

  it('dose against filtration fraction: a curve per predilution, coloured with its legend', async () => {
    const svg = await plot('dose-vs-ff', 'ff.svg');
    expect(svg).toContain('prescription.effluentDose (mL/kg/h)');
    expect(svg).toContain('mean filtration fraction (fraction)');
    expect(svg).toContain('prescription.predilutionFraction (fraction)'); // the legend
    expect(marks(svg, 'dot', 'circle')).toBe(11);
    const line = /<g[^>]*aria-label="line"[^>]*>(.*?)<\/g>/s.exec(svg)![1];
    expect(line.match(/<path\b/g)).toHaveLength(3);
  });

  it('heatmap of the two varied parameters: one cell per pair of grid values, colour = the chosen outcome', async () => {
    const svg = await plot('heatmap', 'heat.svg', ['--color', 'mean_filtration_fraction']);
    expect(svg).toContain('prescription.effluentDose (mL/kg/h)');
    expect(svg).toContain('prescription.predilutionFraction (fraction)');
    expect(svg).toContain('mean filtration fraction (fraction)');
    expect(marks(svg, 'cell', 'rect')).toBe(11);
  });

  it('--x and --y pick any columns', async () => {
    const svg = await plot('removal-vs-life', 'xy.svg', ['--x', 'prescription.effluentDose_mL_kg_h', '--y', 'il6_change_pct']);
    expect(svg).toContain('prescription.effluentDose (mL/kg/h)');
  });

  it.each([
    ['an unknown kind', ['--kind', 'pie'], /--kind.*got "pie"; expected one of removal-vs-life, dose-vs-delivered, dose-vs-ff, heatmap, front/s],
    ['a missing column', ['--kind', 'heatmap', '--color', 'il6_pct'], /--color.*no column "il6_pct" in .*results\.csv; its columns are/s],
  ])('%s: exit 2, a clear message, no file', async (_what, args, message) => {
    expect(await sim(['plot', path('results.csv'), ...args, '--out', path('bad.svg')])).toBe(2);
    expect(stderr()).toMatch(message);
    expect(existsSync(path('bad.svg'))).toBe(false);
  });

  it("the plotting code's messages name the chart's fields, not command-line flags (the explorer page shows them)", () => {
    const oneAxis = [
      headerLine([SYNTHETIC_AXES[0]]),
      resultRow(0, [30], { metrics: Object.fromEntries(METRIC_COLUMNS.map((c) => [c, 1])) as RunMetrics }),
    ].join('\n');
    const table = parseResultsCsv(oneAxis, 'one.csv');
    const message = (choice: ChartChoice) => {
      try {
        chartSpec(table, choice);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(message({ kind: 'heatmap' })).toMatch(
      /^y: 1 problem\n\s+y: the heatmap needs two varied parameters \(this sweep varied 1\); choose the columns for x and y$/,
    );
    expect(message({ kind: 'pie' })).toMatch(/^kind: /);
    expect(message({ kind: 'front', objectives: 'il6_change_pct:min' })).toMatch(/^objectives: /);
    for (const m of [message({ kind: 'heatmap' }), message({ kind: 'pie' }), message({ kind: 'front' }), message({ kind: 'removal-vs-life', y: 'nope' })])
      expect(m).not.toMatch(/--|npm run/);
    expect(() => parseResultsCsv('a,b\n1,2\n', 'x.csv')).toThrow(/^(?![\s\S]*(--|npm run))/);
  });

  it('a CSV that is not a sweep file: exit 2, no file', async () => {
    writeFileSync(path('series.csv'), 'time_h,il6_pg_mL\n0,2000\n');
    expect(await sim(['plot', path('series.csv'), '--kind', 'dose-vs-ff', '--out', path('bad.svg')])).toBe(2);
    expect(stderr()).toMatch(/series\.csv.*not a sweep results file/s);
    expect(existsSync(path('bad.svg'))).toBe(false);
  });

  it('an existing --out is kept unless --overwrite', async () => {
    writeFileSync(path('kept.svg'), 'mine');
    expect(await sim(['plot', path('results.csv'), '--kind', 'heatmap', '--out', path('kept.svg')])).toBe(2);
    expect(stderr()).toMatch(/kept\.svg already exists.*--overwrite/);
    expect(readFileSync(path('kept.svg'), 'utf8')).toBe('mine');
    expect(await sim(['plot', path('results.csv'), '--kind', 'heatmap', '--out', path('kept.svg'), '--overwrite'])).toBe(0);
    expect(readFileSync(path('kept.svg'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('a heatmap of sampled (not grid) values draws coloured dots, one per run', async () => {
    const axes: VaryAxis[] = [
      { ...AXES[0], step: undefined },
      { ...AXES[1], step: undefined },
    ];
    const m = Object.fromEntries(METRIC_COLUMNS.map((c) => [c, 1])) as RunMetrics;
    const lines = [
      headerLine(axes),
      ...Array.from({ length: 60 }, (_, i) => resultRow(i, [30 + i * 0.5, ((i * 7) % 60) / 60], { metrics: { ...m, il6_change_pct: -i } })),
    ];
    writeFileSync(path('lhs.csv'), lines.join('\n') + '\n');
    expect(await sim(['plot', path('lhs.csv'), '--kind', 'heatmap', '--out', path('lhs.svg')])).toBe(0);
    expect(marks(readFileSync(path('lhs.svg'), 'utf8'), 'dot', 'circle')).toBe(60);
  });
});
