// `npm run lint`: ESLint and Prettier's check run side by side (each ~20 s on the 2-core project machine; one after the
// other they took ~40 s), each with its cache in node_modules/.cache keyed on the files' contents, so a second run
// reads only what changed. Prints both reports, ESLint's first, and fails when either fails.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = `${root}node_modules/.cache/`;

/** One tool's run: its exit code and everything it printed. */
function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}${script}`, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const [eslint, prettier] = await Promise.all([
  run('node_modules/eslint/bin/eslint.js', ['.', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache}eslint/`]),
  run('node_modules/prettier/bin/prettier.cjs', [
    '--check',
    '.',
    '--cache',
    '--cache-strategy',
    'content',
    '--cache-location',
    `${cache}prettier/.prettier-cache`,
  ]),
]);
process.stdout.write(eslint.out + prettier.out);
process.exitCode = eslint.code || prettier.code;
