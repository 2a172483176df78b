// ESLint (flat config): typescript-eslint's recommended rules, a ceiling on function length, and the layer order
// of layers.js as restricted imports (test/architecture.test.ts checks the same table by walking every import).
// `npm run lint` runs it with Prettier's check; `npm test` runs lint first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { LAYERS } from './layers.js';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The import specifier of `target` (a folder or file under sim/) as written from a file `depth` folders below sim/. */
const specifierPattern = (target, depth) => {
  const up = depth === 0 ? '\\./' : `(\\.\\./){${depth}}`;
  const name = escape(target.replace(/^sim\//, '').replace(/\.ts$/, ''));
  return `^${up}${name}(/|\\.js$|$)`;
};

/** One config per layer and folder depth: imports of the layers it may not use are errors. */
function layerConfigs() {
  const configs = [];
  for (const layer of LAYERS) {
    const allowed = new Set([layer.name, ...layer.mayImport]);
    const forbidden = LAYERS.filter((l) => !allowed.has(l.name));
    const typesOnly = new Set(layer.typesFrom ?? []);
    for (const path of layer.paths) {
      const isFile = path.endsWith('.ts');
      for (const depth of isFile ? [0] : [1, 2, 3]) {
        const files = isFile
          ? [path]
          : [
              `${path}/${Array(depth - 1)
                .fill('*/')
                .join('')}*.ts`,
            ];
        const patterns = forbidden.flatMap((l) =>
          l.paths.map((target) => ({
            regex: specifierPattern(target, depth),
            message: `layers.js: ${layer.name} may not import ${l.name} (it may import ${[...layer.mayImport].join(', ') || 'nothing below it'})`,
            ...(typesOnly.has(l.name) ? { allowTypeImports: true } : {}),
          })),
        );
        const unique = [...new Map(patterns.map((p) => [p.regex, p])).values()];
        configs.push({ files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: unique }] } });
      }
    }
  }
  return configs;
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // a test file's describe block holds its cases: its length is the number of cases, not one function's
  { files: ['test/**/*.test.ts'], rules: { 'max-lines-per-function': 'off' } },
  ...layerConfigs(),
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)scripts/', message: 'layers.js: nothing imports scripts/' }] }] },
  },
);
