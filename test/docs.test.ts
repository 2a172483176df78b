/**
 * The methodology pages (docs/models) stay true to the code: their parameter tables are regenerated in memory
 * from the spec tree and must equal the committed text, and every parameter appears in some page's table.
 * Every model page names the test cases that verify it, and each named case exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { leafAt, type QuantitySpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { documentedPaths, leafPaths, ParameterDocsError, readPages, renderParameterDocs } from '../sim/scenario/parameterDocs.js';

const pages = readPages();
const FIX = 'run `npm run docs:params` to regenerate the tables, then commit the pages';

describe('methodology docs (docs/models)', () => {
  it('has the index and one page per model', () => {
    const files = pages.map((p) => p.file);
    const expected = ['README.md', 'circuit-hydraulics.md', 'hemofilter.md', 'heparin.md', 'solutes.md', 'fluid-balance.md', 'gas-exchange.md'];
    for (const f of [...expected, 'hemodynamics.md', 'sofa.md', 'cohort.md', 'engine.md']) {
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

// ---- "Verified by" lines: each model page names the test cases that verify it ----

/**
 * The case titles a test file declares: the first argument of it(), test() and describe() (with .skip, .only, …)
 * and of it.each(…)(), describe.each(…)(). A string title is matched exactly. A title that varies is kept as a
 * pattern matched against the whole name: a template literal's `${…}` and, in an .each title, the `$name` and
 * `%s`-style placeholders stand for any text (at least one character). A title that is not written out (a
 * variable) cannot be named.
 */
function caseTitles(source: string): { exact: Set<string>; patterns: RegExp[] } {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const placeholders = (escaped: string) => escaped.replace(/\\\$[A-Za-z_][\w.]*|%[sdifjoO#]/g, '.+');
  const isCaseFn = (e: ts.Expression): 'plain' | 'each' | null => {
    let base = e;
    let each = false;
    while (ts.isPropertyAccessExpression(base)) {
      if (base.name.text === 'each') each = true;
      base = base.expression;
    }
    return ts.isIdentifier(base) && ['it', 'test', 'describe'].includes(base.text) ? (each ? 'each' : 'plain') : null;
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const kind = ts.isCallExpression(callee) ? (isCaseFn(callee.expression) === 'each' ? 'each' : null) : isCaseFn(callee);
      const title = node.arguments[0];
      if (kind && ts.isStringLiteralLike(title)) {
        const p = placeholders(escape(title.text));
        if (kind === 'each' && p !== escape(title.text)) patterns.push(new RegExp(`^${p}$`));
        else exact.add(title.text);
      } else if (kind && ts.isTemplateExpression(title)) {
        const parts = [title.head.text, ...title.templateSpans.map((s) => s.literal.text)].map((t) => (kind === 'each' ? placeholders(escape(t)) : escape(t)));
        patterns.push(new RegExp(`^${parts.join('.+')}$`));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('test.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return { exact, patterns };
}

const VERIFIED = /^(?:- )?Verified by: (\S+) — "(.+)"$/;

/**
 * What is wrong with a page's "Verified by" lines: none at all, a line not in the form
 * `Verified by: test/<file>.test.ts — "<case name>"`, a file that does not exist, a case the file does not declare.
 * `readTest` gives a test file's text, or undefined when there is none.
 */
function verificationProblems(file: string, page: string, readTest: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  const lines = page
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => /^(?:- )?Verified by:/.test(text));
  if (lines.length === 0) problems.push(`${file}: no line "Verified by: test/<file>.test.ts — "<case name>"" names the tests that verify this model`);
  const titles = new Map<string, ReturnType<typeof caseTitles> | undefined>();
  for (const { text, line } of lines) {
    const m = VERIFIED.exec(text);
    const where = `${file}, line ${line}`;
    if (!m || !/^test\/.+\.test\.ts$/.test(m[1])) {
      problems.push(`${where}: not in the form Verified by: test/<file>.test.ts — "<case name>"`);
      continue;
    }
    const [, testFile, name] = m;
    if (!titles.has(testFile)) {
      const source = readTest(testFile);
      titles.set(testFile, source === undefined ? undefined : caseTitles(source));
    }
    const t = titles.get(testFile);
    if (!t) problems.push(`${where}: ${testFile} does not exist`);
    else if (!t.exact.has(name) && !t.patterns.some((p) => p.test(name))) problems.push(`${where}: ${testFile} has no case "${name}"`);
  }
  return problems;
}

const readTestFile = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

describe('each model page names the tests that verify it', () => {
  const models = pages.filter((p) => p.file !== 'README.md');

  it.each(models)('docs/models/$file: every Verified-by line names an existing test case', ({ file, text }) => {
    expect(verificationProblems(`docs/models/${file}`, text, readTestFile)).toEqual([]);
  });

  describe('the checker can fail', () => {
    const fakeTest = [
      "describe('a model', () => {",
      "  it('obeys a law', () => {});",
      "  it.each(cases)('$name: holds at %s', () => {});",
      '  for (const n of names) it(`${n}: balances close`, () => {});',
      '  it(variableTitle, () => {});',
      '});',
    ].join('\n');
    const read = (path: string) => (path === 'test/fake.test.ts' ? fakeTest : undefined);
    const check = (lines: string) => verificationProblems('page.md', `# Page\n\n${lines}\n`, read);

    it('reads exact titles, describe titles and template/each titles as patterns', () => {
      expect(caseTitles(fakeTest).exact).toEqual(new Set(['a model', 'obeys a law']));
      expect(check('Verified by: test/fake.test.ts — "obeys a law"')).toEqual([]);
      expect(check('- Verified by: test/fake.test.ts — "a model"')).toEqual([]);
      expect(check('Verified by: test/fake.test.ts — "ECMO, 24 h: balances close"')).toEqual([]);
      expect(check('Verified by: test/fake.test.ts — "dose 45: holds at 3 h"')).toEqual([]);
    });

    it('fails a page with no Verified-by line, a missing file, a case that is not there, a malformed line', () => {
      expect(check('Nothing verifies this.')).toEqual([
        'page.md: no line "Verified by: test/<file>.test.ts — "<case name>"" names the tests that verify this model',
      ]);
      expect(check('Verified by: test/missing.test.ts — "obeys a law"')).toEqual(['page.md, line 3: test/missing.test.ts does not exist']);
      expect(check('Verified by: test/fake.test.ts — "obeys a law of nature"')).toEqual([
        'page.md, line 3: test/fake.test.ts has no case "obeys a law of nature"',
      ]);
      expect(check('Verified by: test/fake.test.ts — ": balances close"')).toHaveLength(1);
      expect(check('Verified by: test/fake.test.ts obeys a law')).toEqual([
        'page.md, line 3: not in the form Verified by: test/<file>.test.ts — "<case name>"',
      ]);
      expect(check('Verified by: scripts/fake.ts — "obeys a law"')).toHaveLength(1);
    });
  });
});
