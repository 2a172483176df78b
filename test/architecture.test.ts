import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYERS, OUTSIDE, type Layer, type OutsideRule } from '../layers.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture (design.md): the engine is headless and scenario text is never evaluated', () => {
  it('sim/ never touches the DOM, pixi or the visualiser', () => {
    for (const f of files('sim')) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\b(document|window|navigator)\./);
      expect(text, f).not.toMatch(/from ['"](pixi\.js|\.\.\/src|\.\.\/\.\.\/src)/);
    }
  });
  it('no expression evaluator is called anywhere in sim/ or src/', () => {
    const roots = ['sim', ...(statSync('src', { throwIfNoEntry: false })?.isDirectory() ? ['src'] : [])];
    for (const f of roots.flatMap(files)) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\b(evaluate|compile)\(|math\.parse\(|\beval\(|new Function\(/);
    }
  });
});

// ---- the layer order (layers.js), checked by walking every import ----

interface ImportRef {
  specifier: string;
  /** `import type …`, `import { type A, type B } …`, `export type … from`, or a `typeof import('…')` type. */
  typeOnly: boolean;
  line: number;
}

/** Every module specifier a file imports or re-exports: static imports, export-from, dynamic import('…'), import types. */
function importsOf(file: string, text: string): ImportRef[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: ImportRef[] = [];
  const add = (spec: ts.Node, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(spec)) return; // a computed dynamic import names no fixed module
    out.push({ specifier: spec.text, typeOnly, line: source.getLineAndCharacterOfPosition(spec.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const c = node.importClause;
      const named = c?.namedBindings;
      const allNamedAreTypes = !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!c && (c.isTypeOnly || (!c.name && allNamedAreTypes)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const named = node.exportClause;
      const allNamedAreTypes = !!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allNamedAreTypes);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const within = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The repository path a relative specifier names (a `.js` specifier names its `.ts` source when there is one); null for a package. */
function resolveSpecifier(from: string, specifier: string, isFile: (p: string) => boolean): string | null {
  if (!specifier.startsWith('.')) return null;
  const p = posix.normalize(posix.join(posix.dirname(from), specifier.replace(/\?.*$/, '')));
  const candidates = p.endsWith('.js') ? [p.replace(/\.js$/, '.ts'), p] : [p, `${p}.ts`, `${p}/index.ts`];
  return candidates.find(isFile) ?? p;
}

function layersOf(path: string, layers: Layer[]): Layer[] {
  return layers.filter((l) => l.paths.some((p) => within(path, p)));
}

/** Files under sim/ that belong to no layer or to more than one. */
function misplacedFiles(paths: string[], layers: Layer[] = LAYERS): string[] {
  return paths
    .filter((p) => within(p, 'sim'))
    .flatMap((p) => {
      const owners = layersOf(p, layers).map((l) => l.name);
      return owners.length === 1 ? [] : [`${p} belongs to ${owners.length ? owners.join(' and ') : 'no layer'}: place it in exactly one layer of layers.js`];
    });
}

function simViolation(file: string, from: Layer, target: string, ref: ImportRef, layers: Layer[]): string | null {
  const where = `${file}:${ref.line} imports '${ref.specifier}'`;
  if (!within(target, 'sim')) return `${where}: sim/ imports nothing outside sim/ but packages`;
  const to = layersOf(target, layers)[0];
  if (!to) return `${where} (${target}), which is in no layer`;
  if (to.name === from.name || from.mayImport.includes(to.name)) return null;
  if (ref.typeOnly && from.typesFrom?.includes(to.name)) return null;
  const typesNote = from.typesFrom?.includes(to.name) ? ` (only its types, with \`import type\`)` : '';
  return `${where}: layer ${from.name} may not import layer ${to.name}${typesNote}; it may import ${from.mayImport.join(', ') || 'nothing below it'}`;
}

/**
 * Every import that breaks the layer order: under sim/, a runtime import of a layer the importer's `mayImport`
 * does not list (a type-only import may also reach its `typesFrom`); outside sim/, any import of what its
 * OUTSIDE entry forbids. `sources` maps repository paths (posix, from the root) to their text.
 */
function layerViolations(sources: Map<string, string>, layers: Layer[] = LAYERS, outside: OutsideRule[] = OUTSIDE): string[] {
  const out: string[] = [];
  for (const [file, text] of sources) {
    const own = layersOf(file, layers);
    const rule = outside.find((o) => o.paths.some((p) => within(file, p)));
    for (const ref of importsOf(file, text)) {
      const target = resolveSpecifier(file, ref.specifier, (p) => sources.has(p));
      if (target === null) continue;
      if (within(file, 'sim')) {
        const v = own.length === 1 ? simViolation(file, own[0], target, ref, layers) : null;
        if (v) out.push(v);
      } else if (rule) {
        const banned = rule.mayNotImport.find((p) => within(target, p));
        if (banned) out.push(`${file}:${ref.line} imports '${ref.specifier}': ${rule.name}/ may not import ${banned}`);
      }
    }
  }
  return out;
}

describe('the layer order of layers.js, checked on every import', () => {
  const roots = ['sim', 'src', 'test', 'bench', 'scripts'].filter((r) => statSync(r, { throwIfNoEntry: false })?.isDirectory());
  const paths = roots.flatMap(files).map((p) => p.split(/[\\/]/).join('/'));
  const sources = new Map(paths.map((p) => [p, readFileSync(p, 'utf8')]));

  it('every .ts file under sim/ belongs to exactly one layer', () => {
    expect(paths.filter((p) => within(p, 'sim')).length).toBeGreaterThan(0);
    expect(misplacedFiles(paths)).toEqual([]);
  });

  it('every import under sim/, src/, test/, bench/ and scripts/ follows layers.js', () => {
    // the walk must see the imports it checks, or an empty list would prove nothing
    expect([...sources].filter(([f, t]) => within(f, 'sim') && importsOf(f, t).length > 0).length).toBeGreaterThan(50);
    expect(layerViolations(sources)).toEqual([]);
  });

  describe('the checker itself, on an in-memory repository', () => {
    const fake = new Map([
      ['sim/units.ts', 'export const x = 1;'],
      ['sim/engine/errors.ts', 'export class EngineError extends Error {}'],
      ['sim/scenario/resolve.ts', 'export interface Scenario { a: number }\nexport const resolve = 1;'],
      ['sim/cli/progress.ts', 'export const bar = 1;'],
      [
        'sim/filter/good.ts',
        "import { x } from '../units.js';\nimport type { Scenario } from '../scenario/resolve.js';\nimport { type Scenario as S } from '../scenario/resolve.js';\nimport { readFileSync } from 'node:fs';",
      ],
      ['sim/filter/badRuntime.ts', "import { EngineError } from '../engine/errors.js';"],
      ['sim/filter/badMixed.ts', "import { type Scenario, resolve } from '../scenario/resolve.js';"],
      ['sim/filter/badReexport.ts', "export { bar } from '../cli/progress.js';"],
      ['sim/filter/badDynamic.ts', "export const load = () => import('../cli/progress.js');"],
      ['sim/circuit/typeOfImport.ts', "export type T = typeof import('../scenario/resolve.js');"],
      ['sim/engine/badOutside.ts', "import { y } from '../../scripts/tool.js';"],
      ['src/view.ts', "import { bar } from '../sim/cli/progress.js';"],
      ['test/a.test.ts', "import { run } from '../scripts/tool.js';\nimport { resolve } from '../sim/scenario/resolve.js';"],
      ['scripts/tool.ts', "import { x } from '../sim/units.js';"],
    ]);
    const found = layerViolations(fake);

    it('passes runtime imports of lower layers, type-only imports from typesFrom, packages and allowed outside imports', () => {
      for (const ok of ['sim/filter/good.ts', 'sim/circuit/typeOfImport.ts', 'scripts/tool.ts']) expect(found.filter((v) => v.startsWith(ok))).toEqual([]);
      expect(found.filter((v) => v.startsWith('test/a.test.ts:2'))).toEqual([]);
    });

    it('fails a runtime import of a higher layer, a mixed type-and-value import, a re-export and a dynamic import', () => {
      expect(found).toContainEqual(expect.stringMatching(/^sim\/filter\/badRuntime\.ts:1 .*layer filter may not import layer engine/));
      expect(found).toContainEqual(expect.stringMatching(/^sim\/filter\/badMixed\.ts:1 .*layer filter may not import layer scenario \(only its types/));
      expect(found).toContainEqual(expect.stringMatching(/^sim\/filter\/badReexport\.ts:1 .*layer filter may not import layer cli/));
      expect(found).toContainEqual(expect.stringMatching(/^sim\/filter\/badDynamic\.ts:1 .*layer filter may not import layer cli/));
      expect(found).toContainEqual(expect.stringMatching(/^sim\/engine\/badOutside\.ts:1 .*outside sim/));
    });

    it('fails what an OUTSIDE entry forbids: the view reaching the command line, a test importing scripts/', () => {
      expect(found).toContainEqual("src/view.ts:1 imports '../sim/cli/progress.js': src/ may not import sim/cli");
      expect(found).toContainEqual("test/a.test.ts:1 imports '../scripts/tool.js': test/ may not import scripts");
      expect(found).toHaveLength(7);
    });

    it('fails a file under sim/ in no layer, and one in two', () => {
      const twice: Layer[] = [...LAYERS, { name: 'extra', paths: ['sim/filter/membrane.ts'], mayImport: [] }];
      expect(misplacedFiles(['sim/newModel/thing.ts', 'sim/filter/operatingPoint.ts'])).toEqual([
        'sim/newModel/thing.ts belongs to no layer: place it in exactly one layer of layers.js',
      ]);
      expect(misplacedFiles(['sim/filter/membrane.ts'], twice)).toEqual([
        'sim/filter/membrane.ts belongs to filter and extra: place it in exactly one layer of layers.js',
      ]);
    });
  });
});
