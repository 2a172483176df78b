/**
 * Scenario mistakes the loader used to accept or misreport (issue 15): an angle where a fraction is expected, a
 * non-breaking space in a quantity, and two timeline entries setting one path at one time — each refused with a
 * message naming the field, the value and what was expected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../sim/scenario/errors.js';
import { loadScenarioText } from '../sim/scenario/load.js';
import { parseVarySpecs } from '../sim/sweep/varySpec.js';

const base = () => JSON.parse(readFileSync('scenarios/ecmo-hvhf-default.json', 'utf8'));

function refusal(change: (s: ReturnType<typeof base>) => void): string {
  const s = base();
  change(s);
  try {
    loadScenarioText(JSON.stringify(s), 'mistake.json', [], { uncalibrated: true });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario quantities', () => {
  it.each([
    ['prescription.predilutionFraction', '0.5 deg', (s: ReturnType<typeof base>, v: string) => (s.prescription.predilutionFraction = v)],
    ['patient.hematocrit', '0.3 rad', (s: ReturnType<typeof base>, v: string) => (s.patient.hematocrit = v)],
  ])('an angle is refused where a fraction is expected: %s = %s', (path, value, set) => {
    const unit = value.split(' ')[1];
    expect(refusal((s) => set(s, value))).toContain(`${path}: got "${value}": ${unit} is an angle, not a fraction; expected a number or a percentage`);
  });

  it('an angle in a --vary range of a fraction is refused', () => {
    expect(() => parseVarySpecs(['prescription.predilutionFraction=0 deg..1 deg:1 deg'], false)).toThrow(/from "0 deg": deg is an angle, not a fraction/);
  });

  it('a non-breaking space is named, with its position', () => {
    expect(refusal((s) => (s.patient.weight = '80\u00A0kg'))).toContain(
      'patient.weight: got "80\u00A0kg": a non-breaking space (U+00A0) at index 2 (write a plain space)',
    );
  });

  it('a plain space, percentages and plain fractions still read', () => {
    const s = base();
    s.prescription.predilutionFraction = 0.5;
    s.patient.hematocrit = '30 %';
    expect(loadScenarioText(JSON.stringify(s), 'fine.json', [], { uncalibrated: true }).prescription.predilutionFraction).toBe(0.5);
  });
});

describe('the timeline', () => {
  it('two entries setting one path at one time are refused, naming both', () => {
    const message = refusal(
      (s) =>
        (s.timeline = [
          { at: '6 h', set: { 'prescription.effluentDose': '30 mL/kg/h' } },
          { at: '2 h', changeFilter: true },
          { at: '360 min', set: { 'prescription.effluentDose': '40 mL/kg/h' } },
        ]),
    );
    expect(message).toContain('timeline[2].set.prescription.effluentDose: sets prescription.effluentDose at 6 h, as timeline[0] does');
  });

  it('the same path at different times, or different paths at one time, are fine', () => {
    const s = base();
    s.timeline = [
      { at: '6 h', set: { 'prescription.effluentDose': '30 mL/kg/h' } },
      { at: '6 h', set: { 'prescription.predilutionFraction': '50 %' } },
      { at: '7 h', set: { 'prescription.effluentDose': '40 mL/kg/h' } },
    ];
    expect(loadScenarioText(JSON.stringify(s), 'fine.json', [], { uncalibrated: true }).timeline).toHaveLength(3);
  });
});
