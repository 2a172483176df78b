/**
 * The methodology pages (docs/models) stay true to the code: their parameter tables are regenerated in memory
 * from the spec tree and must equal the committed text, and every parameter appears in some page's table.
 */
import { describe, expect, it } from 'vitest';
import { leafAt, type QuantitySpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { documentedPaths, leafPaths, ParameterDocsError, readPages, renderParameterDocs } from '../sim/scenario/parameterDocs.js';

const pages = readPages();
const FIX = 'run `npm run docs:params` to regenerate the tables, then commit the pages';

describe('methodology docs (docs/models)', () => {
  it('has the index and one page per model', () => {
    const files = pages.map((p) => p.file);
    for (const f of ['README.md', 'circuit-hydraulics.md', 'hemofilter.md', 'heparin.md', 'solutes.md', 'fluid-balance.md', 'gas-exchange.md', 'engine.md']) {
      expect(files, `docs/models/${f} is missing`).toContain(f);
    }
  });

  it.each(pages)('docs/models/$file has parameter tables that match the spec tree', ({ file, text }) => {
    const fresh = renderParameterDocs(text, `docs/models/${file}`);
    if (fresh !== text) {
      const a = text.split('\n');
      const b = fresh.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(`docs/models/${file} is out of date with the spec tree (first difference at line ${line + 1}: ${JSON.stringify(b[line] ?? '')}); ${FIX}`);
    }
  });

  it('documents every parameter of the spec tree in some page', () => {
    const documented = new Set(pages.flatMap(({ file, text }) => documentedPaths(text, file)));
    const missing = leafPaths().filter((p) => !documented.has(p));
    expect(missing, `parameters in no page's table: add a params marker to the page that explains them, then ${FIX}`).toEqual([]);
  });

  it('refuses a marker that names no parameter, and one left open', () => {
    expect(() => renderParameterDocs('<!-- params:circuit.noSuchThing -->\n<!-- /params -->\n')).toThrow(ParameterDocsError);
    expect(() => renderParameterDocs('<!-- params:circuit.pump -->\n')).toThrow(/no closing/);
  });

  it('renders a leaf with its default, range, limits, unit, tag and reference, and is idempotent', () => {
    const speed = leafAt(scenarioSpecs, 'circuit.pump.speed') as QuantitySpec;
    const vd = leafAt(scenarioSpecs, 'kinetics.heparin.distributionVolume') as QuantitySpec;
    const once = renderParameterDocs('x\n<!-- params:circuit.pump.speed kinetics.heparin.distributionVolume -->\n<!-- /params -->\ny\n');
    expect(once).toContain(
      `| \`circuit.pump.speed\` (adjustable) | ${speed.default} | — | ${speed.limits[0]} to ${speed.limits[1]} | rpm | ${speed.source} | ${speed.ref} |`,
    );
    expect(once).toContain(`| \`kinetics.heparin.distributionVolume\` | ${vd.defaultPerKg} /kg |`);
    expect(once.startsWith('x\n') && once.endsWith('<!-- /params -->\ny\n')).toBe(true);
    expect(renderParameterDocs(once)).toBe(once);
  });
});
