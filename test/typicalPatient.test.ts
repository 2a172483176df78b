/**
 * The cohort's typical patients (scenarios/cohort-typical-*.json) are their arm's patient at the arm's means: the arm's
 * protocol scenario with its settings and each drawn value at its centre (sim/cohort/typicalPatient.ts), so they run
 * the protocols the arm's patients run. Before this test the files were written by hand and had drifted: neither ran
 * the blood-gas protocols its arm runs (the ECMO patient's pH reached 7.65 at 72 h on a fixed sweep and a ventilator
 * left at 20/min), and both started PCT at the prior 10 ng/mL, not the calibrated 7.75.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArm } from '../sim/cohort/loadArm';
import { TYPICAL_PATIENTS, typicalOverrides, typicalPatientScenario } from '../sim/cohort/typicalPatient';
import { loadScenarioFile } from '../sim/scenario/loadFile';
import { simulate } from '../sim/engine/simulate';

describe('the cohort’s typical patients', () => {
  it.each(TYPICAL_PATIENTS)('$file is its arm’s protocol with the arm’s settings and each drawn value at its mean (npm run typical writes it)', (t) => {
    const committed = JSON.parse(readFileSync(`scenarios/${t.file}`, 'utf8'));
    expect(committed).toEqual(typicalPatientScenario(loadArm(`scenarios/cohort/${t.arm}`), t.text));
  });

  it('a draw’s centre: a mean as written, a calibrated mean from the calibration, a factor not written, a choice the protocol’s rule or else the most common option, descriptors left out', () => {
    const arm = loadArm('scenarios/cohort/standard-care.json');
    const at = new Map(typicalOverrides(arm).map((o) => [o.path, o.value]));
    expect(at.get('patient.hemodynamics.map')).toBe('55.6 mmHg');
    expect(at.get('patient.baseline.pct')).toBe(arm.calibratedMeans['patient.baseline.pct']);
    const prior = arm.arm.draws.find((d) => d.path === 'patient.baseline.pct');
    expect(at.get('patient.baseline.pct')).not.toBe(prior && 'mean' in prior ? prior.mean : undefined); // not the arm file's prior
    expect(at.has('kinetics.il6.endogenousClearance')).toBe(false);
    expect(at.get('patient.sex')).toBe('male'); // 63 of 92
    expect(at.get('prescription.hydrocortisone.give')).toBe('true'); // the protocol's rule, though a third of the arm get it
    expect([...at.keys()].some((p) => p.startsWith('descriptors.'))).toBe(false);
    // a changed mean moves the typical patient
    const moved = structuredClone(arm);
    const map = moved.arm.draws.find((d) => d.path === 'patient.hemodynamics.map');
    if (map?.distribution !== 'normal') throw new Error('the arm draws MAP from a normal distribution');
    map.mean = '60 mmHg';
    expect(new Map(typicalOverrides(moved).map((o) => [o.path, o.value])).get('patient.hemodynamics.map')).toBe('60 mmHg');
  });

  it('each runs its arm’s blood-gas protocols: the ECMO patient’s sweep is titrated and the lung rested, the standard-care patient’s rate titrated', () => {
    const ecmo = simulate(loadScenarioFile('scenarios/cohort-typical-ecmo-hvhf.json', [], { duration_h: 24 }));
    const types = new Set(ecmo.events.map((e) => e.type));
    expect(types.has('sweep_titration')).toBe(true);
    expect(ecmo.events.some((e) => e.type === 'ventilator_rate_titration' && /lung rest/.test(e.reason))).toBe(true);
    const sc = simulate(loadScenarioFile('scenarios/cohort-typical-standard-care.json', [], { duration_h: 24 }));
    expect(sc.events.some((e) => e.type === 'ventilator_rate_titration')).toBe(true);
  });
});
