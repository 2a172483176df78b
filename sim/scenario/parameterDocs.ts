/**
 * The parameter tables of the methodology pages (docs/models/*.md), generated from the spec tree so the tables
 * can never drift from the code. `scripts/writeParameterDocs.ts` (npm run docs:params) writes them;
 * test/docs.test.ts checks the committed pages against them.
 *
 * A page marks where a table goes with a pair of HTML comments:
 *   <!-- params:circuit.pump -->
 *   (generated table)
 *   <!-- /params -->
 * The opening marker names one or more dotted prefixes of `scenarioSpecs`, separated by spaces; a prefix
 * selects a whole subtree or a single leaf. Everything between the markers is replaced. A prefix that selects
 * nothing, an unclosed or nested marker, is an error: a renamed parameter cannot leave a stale table behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forEachLeaf, type LeafSpec } from '../parameters.js';
import { scenarioSpecs } from './scenarioSpecs.js';
import { perKgUnit } from './quantityLeaf.js';

/** The folder of the methodology pages. */
export const DOCS_DIR = fileURLToPath(new URL('../../docs/models/', import.meta.url));

const OPEN = /<!-- params:([^>]*?) -->/g;
const CLOSE = '<!-- /params -->';

export class ParameterDocsError extends Error {}

interface Leaf {
  path: string;
  spec: LeafSpec;
}

/** Every leaf of the scenario's spec tree, in declaration order. */
export function allLeaves(): Leaf[] {
  const out: Leaf[] = [];
  forEachLeaf(scenarioSpecs, (path, spec) => out.push({ path, spec }));
  return out;
}

/** Dotted paths of every leaf of the spec tree. */
export function leafPaths(): string[] {
  return allLeaves().map((l) => l.path);
}

/** The leaves a marker's prefixes select (a prefix is a subtree or one leaf), without repeats, in tree order. */
function selectLeaves(prefixes: string[], where: string): Leaf[] {
  const leaves = allLeaves();
  const selected = new Set<string>();
  for (const prefix of prefixes) {
    const hits = leaves.filter((l) => l.path === prefix || l.path.startsWith(`${prefix}.`));
    if (hits.length === 0) throw new ParameterDocsError(`${where}: "${prefix}" names no parameter of the spec tree (sim/scenario/scenarioSpecs.ts)`);
    for (const h of hits) selected.add(h.path);
  }
  return leaves.filter((l) => selected.has(l.path));
}

const num = (v: number) => String(Number(v.toPrecision(6)));
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function defaultText(spec: LeafSpec): string {
  if (spec.kind === 'choice') return `\`${spec.default}\``;
  if (spec.kind === 'flag') return `\`${spec.default}\``;
  if (spec.default !== null) return num(spec.default);
  if (spec.defaultPerKg !== undefined) return `${num(spec.defaultPerKg)} /kg`;
  return 'required';
}

function rangeText(spec: LeafSpec): string {
  return spec.kind === 'quantity' && spec.range ? `${num(spec.range[0])} to ${num(spec.range[1])}` : '—';
}

function limitsText(spec: LeafSpec): string {
  if (spec.kind === 'choice') return spec.values.map((v) => `\`${v}\``).join(', ');
  if (spec.kind === 'flag') return '`true`, `false`';
  return `${num(spec.limits[0])} to ${num(spec.limits[1])}`;
}

function unitText(spec: LeafSpec): string {
  if (spec.kind !== 'quantity') return '—';
  return spec.perKg ? `${spec.unit} or ${perKgUnit(spec.unit)}` : spec.unit;
}

/** The markdown table of the given leaves. */
export function parameterTable(leaves: Leaf[]): string {
  const rows = [
    '| path | default | range (plausible) | limits (accepted) | unit | source | reference |',
    '|---|---|---|---|---|---|---|',
    ...leaves.map(({ path, spec }) =>
      [
        `\`${path}\`${spec.adjustable ? ' (adjustable)' : ''}${spec.calibratable ? ' (calibratable)' : ''}`,
        defaultText(spec),
        rangeText(spec),
        limitsText(spec),
        unitText(spec),
        spec.source,
        cell(spec.ref),
      ]
        .map((c) => ` ${c} `)
        .join('|'),
    ),
  ];
  return rows.map((r) => (r.startsWith('|') ? r : `|${r}|`)).join('\n');
}

interface Block {
  /** Start of the opening marker. */
  start: number;
  /** End of the opening marker. */
  bodyStart: number;
  /** Start of the closing marker. */
  bodyEnd: number;
  prefixes: string[];
}

function findBlocks(page: string, name: string): Block[] {
  const blocks: Block[] = [];
  const opens = [...page.matchAll(OPEN)];
  opens.forEach((m, i) => {
    const start = m.index;
    const bodyStart = start + m[0].length;
    const bodyEnd = page.indexOf(CLOSE, bodyStart);
    const line = page.slice(0, start).split('\n').length;
    const where = `${name}, line ${line}`;
    if (bodyEnd < 0) throw new ParameterDocsError(`${where}: "${m[0]}" has no closing "${CLOSE}"`);
    const nextOpen = opens[i + 1]?.index ?? Infinity;
    if (nextOpen < bodyEnd) throw new ParameterDocsError(`${where}: "${m[0]}" is not closed before the next parameter marker`);
    const prefixes = m[1].trim().split(/\s+/).filter(Boolean);
    if (prefixes.length === 0) throw new ParameterDocsError(`${where}: the marker names no parameter prefix`);
    blocks.push({ start, bodyStart, bodyEnd, prefixes });
  });
  const closes = page.split(CLOSE).length - 1;
  if (closes !== opens.length) throw new ParameterDocsError(`${name}: ${closes} "${CLOSE}" markers for ${opens.length} opening markers`);
  return blocks;
}

/**
 * Returns the page with the text between each pair of parameter markers replaced by the current table.
 * Pure: reads nothing but the spec tree, writes nothing. `name` only labels error messages.
 */
export function renderParameterDocs(page: string, name = 'page'): string {
  let out = '';
  let at = 0;
  for (const b of findBlocks(page, name)) {
    const line = page.slice(0, b.start).split('\n').length;
    const table = parameterTable(selectLeaves(b.prefixes, `${name}, line ${line}`));
    out += page.slice(at, b.bodyStart) + `\n\n${table}\n\n`;
    at = b.bodyEnd;
  }
  return out + page.slice(at);
}

/** The parameter paths a page's committed tables list (the first cell of each row between markers). */
export function documentedPaths(page: string, name = 'page'): string[] {
  const paths: string[] = [];
  for (const b of findBlocks(page, name)) {
    for (const m of page.slice(b.bodyStart, b.bodyEnd).matchAll(/^\| `([^`]+)`/gm)) paths.push(m[1]);
  }
  return paths;
}

/** The methodology pages: file name and text. */
export function readPages(dir = DOCS_DIR): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}
