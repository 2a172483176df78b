/** Mutations of the parsed scenario: replace, delete or add a key, break a section, nest deep, add timeline entries, set top-level fields. */
import { LEAVES } from './bases.js';
import { allPaths, describeValue, nest, parentOf, setOwn, type Json, type JsonObject, type PathKey } from './json.js';
import { int, pick, weighted, type Rng } from './random.js';
import { randomTimelineEntry } from './timelineEntries.js';
import { badValue, KEYS } from './values.js';

const TREE_MUTATIONS = ['replace', 'replace', 'replace', 'delete', 'addKey', 'section', 'nest', 'timeline', 'timeline', 'topLevel'] as const;
type TreeMutation = (typeof TREE_MUTATIONS)[number];

/** Where a mutation acts: the document, all its paths, and one of them picked at random. */
interface Site {
  doc: JsonObject;
  paths: PathKey[][];
  where: PathKey[];
  /** `where` as a dotted path, for the log */
  at: string;
}

/** The weight (kg) the timeline's fluid infusions are scaled to. */
const WEIGHT_kg = 80;

export function mutateTree(r: Rng, doc: JsonObject, log: string[]): void {
  const kind = pick(r, TREE_MUTATIONS);
  const paths = allPaths(doc);
  const where = pick(r, paths) ?? ['name'];
  MUTATE[kind](r, { doc, paths, where, at: where.join('.') }, log);
}

const MUTATE: Record<TreeMutation, (r: Rng, site: Site, log: string[]) => void> = {
  replace: replaceValue,
  delete: deleteKey,
  addKey,
  section: breakSection,
  nest: nestDeep,
  timeline: addTimelineEntries,
  topLevel: setTopLevel,
};

function replaceValue(r: Rng, { doc, where, at }: Site, log: string[]): void {
  const p = parentOf(doc, where);
  if (!p) return;
  const v = badValue(r);
  setOwn(p.parent, p.key, v);
  log.push(`replace ${at} with ${describeValue(v)}`);
}

function deleteKey(_r: Rng, { doc, where, at }: Site, log: string[]): void {
  const p = parentOf(doc, where);
  if (!p) return;
  if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
  else delete p.parent[p.key as string];
  log.push(`delete ${at}`);
}

/** An odd or misplaced key in some object of the document (the top level included). */
function addKey(r: Rng, { doc, paths }: Site, log: string[]): void {
  const objects = [[], ...paths].filter((q) => {
    const node = q.reduce<Json>((n, k) => (n && typeof n === 'object' ? (n as Record<PathKey, Json>)[k] : null), doc);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const target = pick(r, objects);
  const node = target.reduce<Json>((n, k) => (n as Record<PathKey, Json>)[k], doc) as JsonObject;
  const key = r() < 0.7 ? pick(r, KEYS) : pick(r, LEAVES).path.split('.').at(-1)!;
  const value = r() < 0.3 ? { polluted: 1 } : badValue(r);
  setOwn(node, key, value);
  log.push(`add ${JSON.stringify(key)} at ${target.join('.') || '(top)'}`);
}

/** A whole section replaced by a value of the wrong type. */
function breakSection(r: Rng, { doc }: Site, log: string[]): void {
  const key = pick(r, [
    'patient',
    'circuit',
    'filter',
    'prescription',
    'kinetics',
    'hemodynamics',
    'timeline',
    'patient.baseline',
    'circuit.pump',
    'prescription.heparin',
  ]);
  const v = pick(r, [null, 'string', 42, [], {}, true, [{}]] as Json[]);
  const p = parentOf(doc, key.split('.'));
  if (p) setOwn(p.parent, p.key, v);
  log.push(`section ${key} = ${describeValue(v)}`);
}

function nestDeep(r: Rng, { doc, where, at }: Site, log: string[]): void {
  const p = parentOf(doc, where);
  if (!p) return;
  const depth = weighted(r, [
    [3, int(r, 1, 5)],
    [2, int(r, 20, 40)],
    [1, int(r, 50, 200)],
  ] as const);
  setOwn(p.parent, p.key, nest(r, (p.parent as Record<PathKey, Json>)[p.key], depth));
  log.push(`nest ${at} ${depth} deep`);
}

function addTimelineEntries(r: Rng, { doc }: Site, log: string[]): void {
  const n = int(r, 1, 6);
  const entries = Array.from({ length: n }, () => randomTimelineEntry(r, WEIGHT_kg));
  doc.timeline = r() < 0.5 && Array.isArray(doc.timeline) ? [...doc.timeline, ...entries] : entries;
  log.push(`timeline +${n}`);
}

function setTopLevel(r: Rng, { doc }: Site, log: string[]): void {
  const key = pick(r, ['seed', 'duration', 'outputInterval', 'name', 'description', '$schema']);
  const v = pick(r, [-1, 1.5, 2 ** 32, '1', null, '', '0 h', '0.01 h', '1 min', '2160 h', '1e-9 h', 'x'.repeat(6000), 'x'.repeat(201), 5] as Json[]);
  doc[key] = v;
  log.push(`top ${key} = ${describeValue(v)}`);
}
