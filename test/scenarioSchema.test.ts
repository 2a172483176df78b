/**
 * QA finding 8: scenarios/scenario.schema.json was looser than the loader (it required only name, circuit and
 * filter, and took a bare number for every quantity), so an editor passed files the CLI refused. ajv is not a
 * dependency: the schema's keywords that decide these cases are read directly (test/helpers/schemaCheck.ts), and its
 * verdict set beside the loader's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromObject } from '../sim/scenario/load.js';
import { ScenarioError } from '../sim/scenario/errors.js';
import { schemaProblems, type SchemaNode } from './helpers/schemaCheck.js';

const SCHEMA = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8')) as SchemaNode;

function loaderAccepts(raw: unknown): boolean {
  try {
    scenarioFromObject(structuredClone(raw), 'schema test');
    return true;
  } catch (e) {
    if (e instanceof ScenarioError) return false;
    throw e;
  }
}

const MINIMAL = { name: 'minimal', duration: '24 h', patient: { weight: '80 kg' }, circuit: {}, filter: {} };
type Tree = { [k: string]: unknown; patient?: Record<string, unknown> };
const without = (drop: (s: Tree) => void) => {
  const s = structuredClone(MINIMAL) as Tree;
  drop(s);
  return s;
};

describe('scenario.schema.json and the loader agree', () => {
  const cases: [string, unknown, boolean][] = [
    ['the README minimal scenario', MINIMAL, true],
    ['no duration', without((s) => delete s.duration), false],
    ['no patient', without((s) => delete s.patient), false],
    ['no patient.weight', without((s) => (s.patient = {})), false],
    ['weight a bare number', without((s) => (s.patient!.weight = 80)), false],
    ['duration a bare number', without((s) => (s.duration = 24)), false],
    ['a dose a bare number', without((s) => (s.prescription = { effluentDose: 45 })), false],
    ['a dimensionless fraction a bare number', without((s) => (s.prescription = { predilutionFraction: 0.5 })), true],
    ['a fraction in %', without((s) => (s.prescription = { predilutionFraction: '50 %' })), true],
    ['no circuit', without((s) => delete s.circuit), false],
    ['no hemofilter (null)', without((s) => (s.filter = null)), true],
    ['an unknown field', without((s) => (s.patient!.wieght = '80 kg')), false],
  ];
  it.each(cases)('%s: schema and loader both say %s', (_, raw, valid) => {
    expect(loaderAccepts(raw)).toBe(valid);
    expect(schemaProblems(SCHEMA, raw).length === 0).toBe(valid);
  });

  it('every bundled scenario passes the schema', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(schemaProblems(SCHEMA, JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))), f).toEqual([]);
  });

  it('the examples of required fields lie within their limits (weight said "e.g. 1 kg", below the 20 kg limit)', () => {
    const weight = SCHEMA.properties!.patient.properties!.weight as { description: string };
    const kg = Number(/e\.g\. "(\d+) kg"/.exec(weight.description)?.[1]);
    expect(kg).toBeGreaterThanOrEqual(20);
    expect(kg).toBeLessThanOrEqual(300);
  });
});
