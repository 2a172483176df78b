/**
 * resolveTree (sim/scenario/leaf.ts) keeps each spec tree's children and their paths from its first resolve. Whatever
 * was resolved before, it must give what a fresh walk of the tree gives (Object.entries, a path per leaf: the walk
 * it replaced), including the paths its issues name when the same tree is resolved under another prefix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLeaf, type SpecTree } from '../sim/parameters.js';
import { Issues, resolveLeaf, resolveTree } from '../sim/scenario/leaf.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { scenarioFileSchema } from '../sim/scenario/schema.js';

/** The walk resolveTree made before it kept its walks: every call lists the tree's children and builds their paths. */
function freshWalk(tree: SpecTree, given: Record<string, unknown> | undefined, prefix: string, weight: number | undefined, issues: Issues) {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const g = given?.[key];
    out[key] = isLeaf(node) ? resolveLeaf(node, g, path, weight, issues) : freshWalk(node, g as Record<string, unknown> | undefined, path, weight, issues);
  }
  return out;
}

const SECTIONS = ['patient', 'circuit', 'filter', 'prescription', 'kinetics', 'hemodynamics', 'alarms'] as const;
const schema = scenarioFileSchema();
const checked = (file: string) => schema.parse(JSON.parse(readFileSync(file, 'utf8'))) as Record<string, Record<string, unknown> | undefined>;

/** Both walks of one section: their values and their issues. */
function both(key: (typeof SECTIONS)[number], given: Record<string, unknown> | undefined, prefix: string, weight: number | undefined) {
  const kept = new Issues();
  const fresh = new Issues();
  const tree = scenarioSpecs[key] as SpecTree;
  return {
    kept: resolveTree(tree, given, prefix, weight, kept),
    fresh: freshWalk(tree, given, prefix, weight, fresh),
    keptIssues: kept.list,
    freshIssues: fresh.list,
  };
}

describe("resolveTree's kept walks (sim/scenario/leaf.ts)", () => {
  it('resolve two scenarios, alternately, as a fresh walk does: values, key order and issues', () => {
    const ecmo = checked('scenarios/ecmo-hvhf-default.json');
    const standard = checked('scenarios/standard-care-default.json');
    for (const s of [ecmo, standard, ecmo, standard]) {
      for (const key of SECTIONS) {
        const r = both(key, s[key] ?? undefined, key, 80);
        expect(JSON.stringify(r.kept), key).toBe(JSON.stringify(r.fresh));
        expect(r.kept).toStrictEqual(r.fresh);
        expect(r.keptIssues).toStrictEqual(r.freshIssues);
      }
    }
  });

  it('name the path under the prefix of the call, not of the walk kept before', () => {
    // no weight: a per-kg default cannot be made, and a value outside its limits names its path
    const given = { effluentDose: { value: 1e9, perKg: false, text: '1e9 mL/kg/h' } };
    for (const prefix of ['prescription', 'elsewhere', 'prescription', '']) {
      const r = both('prescription', given, prefix, undefined);
      expect(r.keptIssues.length, prefix).toBeGreaterThan(0);
      expect(r.keptIssues).toStrictEqual(r.freshIssues);
      expect(r.keptIssues.map((i) => i.path)).toContain(prefix ? `${prefix}.effluentDose` : 'effluentDose');
    }
  });
});
