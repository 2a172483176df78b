/**
 * SOFA's sub-scores in the cohort replay, read like the study (cohort.md, 72 h): "Cardiovascular, respiratory,
 * renal, coagulation and CNS sub-scores fell more with ECMO + HVHF; hepatic did not differ." The model scores four
 * of them (cardiovascular, respiratory, renal, coagulation); liver and CNS are carried from baseline, so neither
 * the CNS finding nor the hepatic one can be checked. Directions the model does not reproduce are named gaps
 * (docs/models/sofa.md), each asserted as it stands so that its test fails when a mechanism closes it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArm } from '../sim/cohort/loadArm.js';
import { replayArm, type ArmResult } from '../sim/cohort/replay.js';
import { cohortTable } from '../sim/cohort/report.js';
import { baselineSofa } from '../sim/patient/sofa/baseline.js';
import { simulate } from '../sim/engine/simulate.js';
import { scenario } from './helpers/scenarios.js';

const TYPICAL = ['scenarios/cohort-typical-ecmo-hvhf.json', 'scenarios/cohort-typical-standard-care.json'];
const SUB_SCORES = ['sofa_cardiovascular', 'sofa_respiratory', 'sofa_renal', 'sofa_coagulation'] as const;
const CHANGES = ['sofa_cardiovascular_change', 'sofa_respiratory_change', 'sofa_renal_change', 'sofa_coagulation_change'] as const;

describe('the sub-scores add up to SOFA', () => {
  it('sofa = cardiovascular + respiratory + renal + coagulation + the carried liver + CNS points at every sample of each arm’s typical patient, and at baseline', () => {
    for (const file of TYPICAL) {
      const s = scenario(file);
      const r = simulate(s);
      const carried = s.patient.baseline.otherSofa;
      const n = r.series.time_h.length;
      expect(n, file).toBeGreaterThan(72);
      for (let i = 0; i < n; i++) {
        const parts = SUB_SCORES.reduce((sum, k) => sum + r.series[k][i], carried);
        expect(parts, `${file}, t = ${r.series.time_h[i]} h`).toBeCloseTo(r.series.sofa[i], 9);
        for (const k of SUB_SCORES) expect(Number.isInteger(r.series[k][i]) && r.series[k][i] >= 0 && r.series[k][i] <= 4, `${file} ${k}`).toBe(true);
      }
      const b = baselineSofa(s);
      expect(b.cardiovascular + b.respiratory + b.renal + b.coagulation + b.other, file).toBeCloseTo(r.summary.sofa_baseline, 9);
      expect(b.other, file).toBe(carried);
    }
  });
});

describe('the sub-scores over the 72 h cohort replay, both arms with their published n', () => {
  let ecmo: ArmResult;
  let standard: ArmResult;
  // both arms' 136 patients at 72 h: ~8 s measured under vitest on a shared 2-core machine; three times that allowed
  beforeAll(() => {
    ecmo = replayArm(loadArm('scenarios/cohort/ecmo-hvhf.json'), { hours: 72 });
    standard = replayArm(loadArm('scenarios/cohort/standard-care.json'), { hours: 72 });
  }, 30_000);
  // the carried points are not whole (3.4 in the arm files), so sums of scores agree to rounding, not bit for bit
  const mean = (a: ArmResult, k: (typeof CHANGES)[number]) => a.metrics[k].mean;

  it('in every patient the four sub-score changes add up to the SOFA change (the carried points do not move), and all but the respiratory one to the change without it', () => {
    for (const a of [ecmo, standard]) {
      for (const p of a.patients) {
        const sum = CHANGES.reduce((s, k) => s + p[k], 0);
        expect(sum, `${a.name} ${p.id}`).toBeCloseTo(p.sofa_change, 9);
        expect(sum - p.sofa_respiratory_change, `${a.name} ${p.id}`).toBeCloseTo(p.sofa_change_nonrespiratory, 9);
      }
    }
  });
  it('respiratory and renal sub-scores fall in both arms, more with ECMO + HVHF, as published', () => {
    for (const k of ['sofa_respiratory_change', 'sofa_renal_change'] as const) {
      expect(mean(ecmo, k), k).toBeLessThan(0);
      expect(mean(standard, k), k).toBeLessThanOrEqual(0);
      expect(mean(ecmo, k), k).toBeLessThan(mean(standard, k));
    }
  });
  it('the cardiovascular sub-score falls in both arms, more with ECMO + HVHF, as published (a named gap until the seventh session: the arms weaned alike while the pH lever dominated)', () => {
    expect(mean(ecmo, 'sofa_cardiovascular_change')).toBeLessThan(0);
    expect(mean(standard, 'sofa_cardiovascular_change')).toBeLessThan(0);
    expect(mean(ecmo, 'sofa_cardiovascular_change')).toBeLessThan(mean(standard, 'sofa_cardiovascular_change'));
    // the patients who stay on norepinephrine (3 points at 72 h) are those who started lowest; weaned: 0 points at 72 h
    for (const a of [ecmo, standard]) {
      const at72 = (p: (typeof a.patients)[number]) => p.sofa_cardiovascular_baseline + p.sofa_cardiovascular_change;
      const stayed = a.patients.filter((p) => at72(p) === 3);
      const weaned = a.patients.filter((p) => at72(p) === 0);
      const map0 = (ps: typeof stayed) => ps.reduce((s, p) => s + p.map_baseline_mmHg, 0) / ps.length;
      expect(stayed.length, a.name).toBeGreaterThan(0);
      expect(weaned.length, a.name).toBeGreaterThan(0);
      expect(map0(stayed), a.name).toBeLessThan(map0(weaned));
    }
  });
  it('that the coagulation sub-score falls more with ECMO + HVHF is not reproduced (a named gap: the circuit consumes platelets and it rises more in that arm)', () => {
    expect(mean(ecmo, 'sofa_coagulation_change'), 'the gap closed').toBeGreaterThan(mean(standard, 'sofa_coagulation_change'));
  });
  it('the cohort table lists each sub-score’s change with “—” as published (the study gave directions, not figures); a 24 h table leaves them out', () => {
    const table = cohortTable([ecmo, standard], 72);
    for (const label of ['cardiovascular', 'respiratory', 'renal', 'coagulation']) {
      const rows = table.split('\n').filter((l) => l.trimStart().startsWith(`${label} SOFA change over the replay`));
      expect(rows, label).toHaveLength(2);
      for (const row of rows) expect(row.trim().split(/\s{2,}/)[1], label).toBe('—');
    }
    expect(cohortTable([ecmo, standard], 24)).not.toContain('SOFA change over the replay');
  });
});
