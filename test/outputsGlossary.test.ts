/**
 * docs/outputs.md (issue 15): every output series, event type and summary field has an entry with its meaning, the
 * committed page is what `npm run docs:outputs` writes, and a real run emits no field or event the glossary lacks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERIES_NAMES } from '../sim/engine/observe.js';
import { EVENT_TYPES, MASS_BALANCE_FIELDS, SUMMARY_FIELDS } from '../sim/engine/glossary.js';
import { simulate } from '../sim/engine/simulate.js';
import { outputsGlossary } from '../sim/output/glossary.js';
import { loadScenarioFile } from '../sim/scenario/loadFile.js';

const page = readFileSync('docs/outputs.md', 'utf8');
/** The meaning given in the page's row for a name (the row's last cell). */
const meaning = (name: string) =>
  page
    .split('\n')
    .find((l) => l.startsWith(`| \`${name}\` |`))
    ?.split(' | ')
    .at(-1)
    ?.replace(/\s*\|$/, '');

describe('docs/outputs.md', () => {
  it('is what npm run docs:outputs writes (run it after changing a series, event or summary field)', () => {
    expect(page).toBe(outputsGlossary());
  });

  it.each([
    ['series', SERIES_NAMES as readonly string[]],
    ['event type', Object.keys(EVENT_TYPES)],
    ['summary field', Object.keys(SUMMARY_FIELDS)],
    ['mass balance field', Object.keys(MASS_BALANCE_FIELDS)],
  ])('has a row with a meaning for every %s', (_, names) => {
    for (const n of names) expect(meaning(n), n).toMatch(/\w{3}/);
  });

  it('a run emits only the series, summary fields and event types the glossary describes', () => {
    const scenario = loadScenarioFile('scenarios/ecmo-hvhf-default.json', []);
    scenario.duration_h = 2;
    scenario.outputInterval_h = Math.min(scenario.outputInterval_h, 2);
    const r = simulate(scenario);
    expect(Object.keys(r.summary).sort()).toEqual(Object.keys(SUMMARY_FIELDS).sort());
    // lost_in_bleeding appears only when blood was lost (sim/model/now.ts massBalance): none in this run
    const always = Object.keys(MASS_BALANCE_FIELDS).filter((k) => k !== 'lost_in_bleeding');
    for (const b of Object.values(r.summary.mass_balance)) expect(Object.keys(b).sort()).toEqual(always.sort());
    for (const e of r.events) expect(Object.keys(EVENT_TYPES)).toContain(e.type);
    expect(Object.keys(r.series).sort()).toEqual([...SERIES_NAMES].sort());
  });
});
