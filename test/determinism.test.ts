import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resultToCsv, resultToJson } from '../sim/output/formats.js';
import { armJsonSchema } from '../sim/cohort/armSchema.js';
import { scenarioJsonSchema } from '../sim/scenario/jsonSchema.js';
import { DEFAULT_ECMO, run } from './helpers/scenarios.js';

describe('determinism', () => {
  it('the same scenario run twice gives byte-identical JSON and CSV', () => {
    const a = run(DEFAULT_ECMO, { 'prescription.heparin.infusion': '12 U/kg/h' });
    const b = run(DEFAULT_ECMO, { 'prescription.heparin.infusion': '12 U/kg/h' });
    expect(resultToJson(a)).toBe(resultToJson(b));
    expect(resultToCsv(a)).toBe(resultToCsv(b));
    expect(a.events.some((e) => e.type === 'heparin_titration')).toBe(true);
  });
});

describe('scenario JSON Schema', () => {
  it('the committed scenarios/scenario.schema.json is current (regenerate with npm run schema)', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });
  it('the committed scenarios/cohort/cohort-arm.schema.json is current, and the arm files point at it', () => {
    expect(JSON.parse(readFileSync('scenarios/cohort/cohort-arm.schema.json', 'utf8'))).toEqual(armJsonSchema());
    for (const arm of ['ecmo-hvhf', 'standard-care'])
      expect(JSON.parse(readFileSync(`scenarios/cohort/${arm}.json`, 'utf8')).$schema).toBe('./cohort-arm.schema.json');
  });
});
