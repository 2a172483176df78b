/**
 * The virtual cohort (issue: replay the reference cohort). Draws are seeded and match their distributions;
 * the replay compares with the published table; the prescription changes the outcome the way physics says.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArm, readCalibration } from '../sim/cohort/loadArm.js';
import { replayArm } from '../sim/cohort/replay.js';
import { drawPatients, optionsByShare } from '../sim/cohort/virtualPatients.js';
import { meanSd, type MetricName } from '../sim/cohort/metrics.js';
import { acceptedDeviation, percentError, rating } from '../sim/cohort/report.js';

const ecmo = loadArm('scenarios/cohort/ecmo-hvhf.json');
const standard = loadArm('scenarios/cohort/standard-care.json');

describe('virtual patients', () => {
  it('the same arm file always gives the same patients; another seed gives others', () => {
    const means = ecmo.calibratedMeans;
    expect(drawPatients(ecmo.arm, 'a', means)).toEqual(drawPatients(ecmo.arm, 'a', means));
    expect(drawPatients({ ...ecmo.arm, seed: ecmo.arm.seed + 1 }, 'a', means)).not.toEqual(drawPatients(ecmo.arm, 'a', means));
  });
  it('a large draw reproduces the distributions written in the arm file (draws without mean-matching)', () => {
    const many = drawPatients({ ...ecmo.arm, n: 20000 }, 'many', ecmo.calibratedMeans);
    const values = (path: string) => many.map((p) => Number(p.drawn[path]));
    const written = (path: string) => {
      const d = ecmo.arm.draws.find((x) => x.path === path)!;
      if (d.distribution === 'choice' || d.distribution === 'factor' || d.matchMean) throw new Error(`${path} is not a free draw`);
      return { mean: parseFloat(d.mean), sd: parseFloat(d.sd) };
    };
    // (the shunt's draw is cut at 30 %, 1.7 SD above its mean, so its drawn mean sits below the written one)
    for (const path of ['patient.weight', 'patient.hemodynamics.heartRate', 'patient.hematocrit']) {
      const w = written(path);
      const got = meanSd(values(path));
      // bounds several SDs out shift the mean little; 20 000 draws give a standard error of sd/141
      expect(Math.abs(got.mean - w.mean), path).toBeLessThan(0.05 * w.sd);
      expect(Math.abs(got.sd / w.sd - 1), path).toBeLessThan(0.1);
    }
    const logNormal = written('patient.baseline.pct'.replace('pct', 'creatinine'));
    expect(Math.abs(meanSd(values('patient.baseline.creatinine')).mean / logNormal.mean - 1)).toBeLessThan(0.03); // log-normal arithmetic mean
    const male = many.filter((p) => p.drawn['patient.sex'] === 'male').length / many.length;
    expect(male).toBeCloseTo(30 / 44, 1);
    for (const p of many.slice(0, 200)) expect(Number(p.drawn['patient.hemodynamics.norepinephrine'])).toBeGreaterThanOrEqual(0.2); // inclusion
  });
  it('a choice with matchShares gives each option its share of the arm exactly (largest remainder), to patients picked by their own draw; the other draws are untouched', () => {
    // 34 % of 44 is 14.96: 15 patients; of 92, 31.28: 31 (cohort.md, the unit's hydrocortisone practice)
    expect(
      optionsByShare(
        [
          ['true', 34],
          ['false', 66],
        ],
        [0.9, 0.1, 0.5],
      ).filter((o) => o === 'true'),
    ).toHaveLength(1);
    expect(
      optionsByShare(
        [
          ['a', 1],
          ['b', 1],
          ['c', 1],
        ],
        [0.3, 0.1, 0.2, 0.9],
      ),
    ).toEqual(['b', 'a', 'a', 'c']);
    const path = 'prescription.hydrocortisone.give';
    for (const [arm, given] of [
      [ecmo, 15],
      [standard, 31],
    ] as const) {
      const patients = drawPatients(arm.arm, 'arm', arm.calibratedMeans);
      expect(
        patients.filter((p) => p.drawn[path] === 'true'),
        arm.arm.name,
      ).toHaveLength(given);
      expect(
        patients.filter((p) => p.drawn[path] === 'false'),
        arm.arm.name,
      ).toHaveLength(arm.arm.n - given);
      // without the exact shares the same stream gives its own count, and every other draw is the same
      const free = drawPatients(
        { ...arm.arm, draws: arm.arm.draws.map((d) => (d.path === path ? { ...d, matchShares: false } : d)) },
        'arm',
        arm.calibratedMeans,
      );
      const others = (ps: typeof patients) => ps.map((p) => Object.entries(p.drawn).filter(([k]) => k !== path));
      expect(others(free)).toEqual(others(patients));
    }
  });
  it('an unpublished baseline marked calibrated takes the fitted mean, its SD scaled with it (same CV)', () => {
    const prior = ecmo.arm.draws.find((d) => d.path === 'patient.baseline.pct')!;
    if (prior.distribution === 'choice' || prior.distribution === 'factor' || !prior.calibrated)
      throw new Error('the PCT baseline draw is expected to be calibrated');
    const free = { ...ecmo.arm, n: 20000, draws: ecmo.arm.draws.map((d) => (d === prior ? { ...prior, matchMean: false } : d)) };
    const pct = (means: Record<string, string>) => meanSd(drawPatients(free, 'many', means).map((p) => Number(p.drawn['patient.baseline.pct'])));
    const half = pct({ 'patient.baseline.pct': `${parseFloat(prior.mean) / 2} ng/mL` });
    const whole = pct({ 'patient.baseline.pct': prior.mean });
    // a log-normal scaled by ½ keeps its CV: every drawn value halves (bounds aside)
    expect(half.mean / whole.mean).toBeCloseTo(0.5, 1);
    expect(half.sd / half.mean).toBeCloseTo(whole.sd / whole.mean, 1);
  });
  it("the replay uses the committed calibration's PCT baseline, and says so when a calibrated mean is missing", () => {
    expect(ecmo.calibratedMeans['patient.baseline.pct']).toMatch(/ng\/mL$/);
    expect(() => drawPatients(ecmo.arm, 'arm.json', {})).toThrow(
      /draws\[\d+\]\.calibrated: patient\.baseline\.pct is marked calibrated but the calibration file has no draws\["patient\.baseline\.pct"\]/,
    );
    expect(() => drawPatients(ecmo.arm, 'arm.json', { 'patient.baseline.pct': '8 mg/L' })).toThrow(/expected the same unit as the mean/);
  });
  it('a calibration file with a value that is not a quantity text is refused, naming the path and the value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calibration-'));
    const file = join(dir, 'calibration.json');
    const entry = (value: unknown) => ({ value, bounds: [0, 10], plausible: [1, 2] });
    writeFileSync(file, JSON.stringify({ fitted: { 'kinetics.crp.hill': entry(3) }, draws: { 'patient.baseline.pct': entry(['8 ng/mL']) } }));
    expect(() => readCalibration(file)).toThrow(/fitted\.kinetics\.crp\.hill\.value: got 3[^\n]*\n\s*draws\.patient\.baseline\.pct\.value: got \["8 ng\/mL"\]/);
  });
  it('every patient is a valid scenario: the arm replays without a validation error', () => {
    const r = replayArm(standard, { hours: 1 });
    expect(r.patients).toHaveLength(standard.arm.n);
  });
});

describe('validation report', () => {
  it('rates errors as the issue says: ≤ 10 % good, 10–30 % fair, beyond poor', () => {
    expect(percentError(-35, -37.6)).toBeCloseTo(6.91, 2);
    expect(rating(10)).toBe('good');
    expect(rating(10.1)).toBe('fair');
    expect(rating(30.1)).toBe('poor');
  });
});

describe('the prescription moves the ECMO arm the way the physics says', () => {
  const base = replayArm(ecmo, { hours: 24 });
  it('30 instead of 45 mL/kg/h removes less IL-6', () => {
    const low = replayArm(ecmo, { hours: 24, overrides: [{ path: 'prescription.effluentDose', value: '30 mL/kg/h' }] });
    expect(low.metrics.il6_change_pct.mean).toBeGreaterThan(base.metrics.il6_change_pct.mean);
  });
  it('post-dilution instead of predilution clears more IL-6 per litre (no dilution of the blood)', () => {
    const post = replayArm(ecmo, { hours: 24, overrides: [{ path: 'prescription.predilutionFraction', value: '0 %' }] });
    expect(post.metrics.il6_change_pct.mean).toBeLessThan(base.metrics.il6_change_pct.mean);
  });
});

/**
 * Figures the mechanisms do not reach with every fitted value inside its plausible range (npm run calibrate
 * writes them, with their size, to calibration.json's `gaps`). Each is named here with the reason, instead of a
 * parameter pinned to a bound to hide it; when a mechanism closes one, its test fails and it leaves this list.
 */
const CRP_GAP =
  "CRP synthesis saturating in IL-6 and one starting course φ for both arms meet standard care's fall but leave the ECMO arm's short of the published −62.4 mg/L: the filter's extra IL-6 fall buys too little CRP (solutes.md)";
/** The seventh session's refit, after the pressor response's acidaemia moved below pH 7.2 (Cooper 1990, Kimmoun 2015). */
const STANDARD_MAP_GAP =
  'the protocol titrates to 65 mmHg and weans above 70; the published standard-care mean (60.5 mmHg at 24 h, on a falling dose) sits below that target, so its rise from 55.6 mmHg (+4.9) is twice as large in the replay';
const NONRESPIRATORY_SOFA_GAP =
  "its cardiovascular score (norepinephrine's thresholds) and renal score fall further than the published −2.4 ± 1.6, as the arm's dose and creatinine do (sofa.md)";
const NAMED_GAPS: Record<string, string> = {
  'ECMO + HVHF: crp_change_mg_L': CRP_GAP,
  'Standard care: map_change_mmHg': STANDARD_MAP_GAP,
};
/** The between-arm differences (ECMO + HVHF less standard care) the arms' gaps carry into the comparison. */
const BETWEEN_GAPS: Record<string, string> = {
  crp_change_mg_L: `the ECMO arm's CRP gap (${CRP_GAP})`,
  map_24h_mmHg: 'both arms are titrated to one target, so the published +7.3 mmHg cannot show as pressure',
  map_change_mmHg: 'the same titration to one target',
};

describe('the committed calibration reproduces the published 24 h and 72 h figures (cohort.md), or names the gap', () => {
  const arms = [replayArm(ecmo, { hours: 72 }), replayArm(standard, { hours: 72 })];
  const recordedGaps = (JSON.parse(readFileSync('scenarios/cohort/calibration.json', 'utf8')) as { gaps: { arm: string; figure: string }[] }).gaps;
  // Within 10 % of the published figure; PCT within 1 ng/mL, SOFA within 1 point (acceptedDeviation, the rule).
  const close = (sim: number, pub: number, figure: MetricName) => Math.abs(sim - pub) <= acceptedDeviation(figure, pub);
  const figures = [
    'il6_change_pct',
    'crp_change_mg_L',
    'pct_change_ng_mL',
    'map_24h_mmHg',
    'map_change_mmHg',
    'hr_change_bpm',
    'norepinephrine_change_ug_kg_min',
    'sofa_72h',
  ] as const;
  for (const arm of arms) {
    for (const f of figures) {
      const key = `${arm.name}: ${f}`;
      const gap = NAMED_GAPS[key];
      if (gap)
        it(`${key} is a named gap (${gap}), recorded by the calibration`, () => {
          expect(close(arm.metrics[f].mean, arm.published[f].value, f), `simulated ${arm.metrics[f].mean}: the gap closed`).toBe(false);
          expect(recordedGaps.some((g) => g.arm === arm.name && g.figure === f)).toBe(true);
        });
      else
        it(`${key} within 10 % (PCT 1 ng/mL, SOFA 1 point) of the published ${arm.published[f].value}`, () => {
          expect(close(arm.metrics[f].mean, arm.published[f].value, f), `simulated ${arm.metrics[f].mean}`).toBe(true);
        });
    }
  }
  {
    const [e, s] = arms;
    const between = `${e.name} − ${s.name}`;
    for (const f of [...figures, 'il6_change_pg_mL', 'sofa_change_nonrespiratory'] as const) {
      const published = e.published[f].value - s.published[f].value;
      const simulated = () => e.metrics[f].mean - s.metrics[f].mean;
      const gap = BETWEEN_GAPS[f];
      if (gap)
        it(`${between}: ${f} is a named gap (${gap}), recorded by the calibration`, () => {
          expect(close(simulated(), published, f), `simulated ${simulated()}: the gap closed`).toBe(false);
          expect(recordedGaps.some((g) => g.arm === between && g.figure === f)).toBe(true);
        });
      else
        it(`${between}: ${f} within 10 % (PCT 1 ng/mL, SOFA 1 point) of the published ${published.toFixed(2)}`, () => {
          expect(close(simulated(), published, f), `simulated ${simulated()}`).toBe(true);
        });
    }
  }
  it('the between-arm differences in IL-6, heart rate and SOFA come out of the treatment', () => {
    const [e, s] = arms;
    expect(e.metrics.il6_change_pct.mean - s.metrics.il6_change_pct.mean).toBeLessThan(-20);
    expect(e.metrics.hr_change_bpm.mean).toBeLessThan(s.metrics.hr_change_bpm.mean);
    expect(e.metrics.sofa_change.mean).toBeLessThan(s.metrics.sofa_change.mean);
  });
  it("the ECMO arm's dose falls further than standard care's: the between-arm difference comes out of the treatment", () => {
    const [e, s] = arms;
    expect(e.metrics.norepinephrine_change_ug_kg_min.mean).toBeLessThan(s.metrics.norepinephrine_change_ug_kg_min.mean);
  });
  it('SOFA falls over 72 h in both arms, more with ECMO + HVHF; that the fall is more than twice as large (cohort.md) is a named gap: standard care falls too far (its cardiovascular score, its dose gap)', () => {
    const [e, s] = arms;
    expect(e.metrics.sofa_change.mean).toBeLessThan(0);
    expect(s.metrics.sofa_change.mean).toBeLessThan(0);
    expect(e.metrics.sofa_change.mean / s.metrics.sofa_change.mean, 'the gap closed').toBeLessThan(2);
  });
  it('the between-arm MAP difference at 24 h is a named gap: both arms are titrated to one target, so the published +7.3 mmHg shows as dose, not pressure', () => {
    const [e, s] = arms;
    const published = e.published.map_24h_mmHg.value - s.published.map_24h_mmHg.value;
    expect(e.metrics.map_24h_mmHg.mean - s.metrics.map_24h_mmHg.mean, 'the gap closed').toBeLessThan(published / 2);
  });
  it(`SOFA without its respiratory score falls in both arms, more with ECMO + HVHF (the difference within a point of the published −1.3); each arm's fall is a named gap, further than published (ECMO + HVHF: ${NONRESPIRATORY_SOFA_GAP}; standard care: its cardiovascular score, norepinephrine weaned off in about half of the arm by 72 h), recorded by the calibration`, () => {
    const [e, s] = arms;
    const change = (a: (typeof arms)[number]) => a.metrics.sofa_change_nonrespiratory.mean;
    expect(change(e)).toBeLessThan(change(s));
    for (const a of arms) {
      expect(change(a), a.name).toBeLessThan(0);
      expect(change(a) - a.published.sofa_change_nonrespiratory.value, `${a.name}: the gap closed`).toBeLessThan(-1);
      expect(recordedGaps.some((g) => g.arm === a.name && g.figure === 'sofa_change_nonrespiratory')).toBe(true);
    }
  });
  it("the protocol keeps MAP near its target: no arm's mean MAP at 24 h below 65 − 5 mmHg", () => {
    for (const a of arms) expect(a.metrics.map_24h_mmHg.mean, a.name).toBeGreaterThan(60);
  });
});
