/**
 * Cohort arm files and the cohort CSV (issue 15): messages in the arm file's own terms (a scenario given as an arm,
 * a misspelt field, an unknown distribution, a mean without its unit), a draw path given twice and an arm given
 * twice refused, exit 2 and nothing written; and the 24 h CSV has no column named for 72 h.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';
import { loadArm } from '../sim/cohort/loadArm.js';
import { replayArm, withFactors } from '../sim/cohort/replay.js';
import { armSettings } from '../sim/cohort/armSettings.js';
import { drawPatients } from '../sim/cohort/virtualPatients.js';
import { meanSd } from '../sim/cohort/metrics.js';
import { applyOverrides, scenarioFromObject, type Override } from '../sim/scenario/load.js';
import { checkedProtocol, patientScenario } from '../sim/cohort/patientScenarios.js';
import { leafAt, type QuantitySpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-cohort-arms-'));
const ARM = 'scenarios/cohort/standard-care.json';
const output = (stream: NodeJS.WriteStream) =>
  vi
    .mocked(stream.write)
    .mock.calls.map((c) => String(c[0]))
    .join('');
afterEach(() => vi.restoreAllMocks());

async function sim(args: string[]): Promise<number> {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return main(args);
}

/** The standard-care arm, changed, written to the temporary directory (its protocol and calibration still found). */
function arm(name: string, change: (a: Record<string, unknown> & { draws: Record<string, unknown>[] }) => void): string {
  const a = JSON.parse(readFileSync(ARM, 'utf8'));
  a.protocol = resolve('scenarios/standard-care-default.json');
  a.calibration = resolve('scenarios/cohort/calibration.json');
  delete a.$schema;
  change(a);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(a));
  return file;
}

describe('cohort arm files: messages in the arm file’s terms, exit 2', () => {
  const cases: [string, () => string[], RegExp, RegExp?][] = [
    [
      'a scenario given as an arm says it is not an arm file',
      () => ['scenarios/ecmo-hvhf-default.json'],
      /1 problem\n {2}\(top level\): this is a scenario file, not a cohort arm file: an arm file has name, n, seed, protocol/,
      /unknown field/,
    ],
    [
      'a misspelt n lists the arm file’s fields, not the scenario’s',
      () => [arm('nn.json', (a) => ((a.nn = a.n), delete a.n))],
      /nn: unknown field of a cohort arm file \(did you mean "n"\?\); expected one of: \$schema, name, description, n, seed, protocol, calibration, set, draws, published/,
      /circuit|prescription/,
    ],
    [
      'an unknown distribution lists the accepted ones',
      () => [arm('gaussian.json', (a) => (a.draws[0].distribution = 'gaussian'))],
      /draws\[0\]\.distribution: got "gaussian"; expected one of "normal", "lognormal", "choice"/,
      /quantity with its unit/,
    ],
    [
      'a mean without its unit blames the mean',
      () => [arm('no-unit.json', (a) => (a.draws[0].mean = '52.6'))],
      /draws\[0\]\.mean: got "52\.6"; expected a number with its unit, as patient\.age has one/,
      /draws\[0\]\.(sd|min|max)/,
    ],
    [
      'a draw path given twice',
      () => [arm('twice.json', (a) => a.draws.push({ ...a.draws[0], mean: '60 years' }))],
      /draws\[\d+\]\.path: "patient\.age" is drawn twice \(draws\[0\] and draws\[\d+\]\); expected one draw per path/,
    ],
    ['the same arm file given twice', () => [ARM, `./${ARM}`], /arm 2: \.\/scenarios\/cohort\/standard-care\.json is the same arm file as arm 1/],
  ];
  it.each(cases)('%s', async (_, files, message, notSaid) => {
    expect(await sim(['cohort', ...files(), '--out', join(dir, 'never.txt')])).toBe(2);
    expect(output(process.stderr)).toMatch(message);
    if (notSaid) expect(output(process.stderr)).not.toMatch(notSaid);
  });
});

describe('the cohort CSV’s columns are what they say', () => {
  const small = () => arm('small.json', (a) => (a.n = 2));
  const header = () => output(process.stdout).split('\n')[0].split(',');

  it('a 24 h replay has no sofa_72h column (SOFA at 24 h is not SOFA at 72 h)', async () => {
    expect(await sim(['cohort', small(), '--format', 'csv', '--hours', '24'])).toBe(0);
    expect(header()).not.toContain('sofa_72h');
    expect(header()).not.toContain('sofa_change');
    expect(header()).toContain('sofa_baseline');
  });

  it('a 72 h replay has it', async () => {
    expect(await sim(['cohort', small(), '--format', 'csv', '--hours', '72'])).toBe(0);
    expect(header()).toEqual(expect.arrayContaining(['sofa_72h', 'sofa_change']));
  }, 120_000);

  it('the table states each small figure’s allowance in its unit, and only for figures the replay reports', async () => {
    expect(await sim(['cohort', small(), '--hours', '24'])).toBe(0);
    const at24 = output(process.stdout);
    expect(at24).toMatch(/PCT change at 24 h is small: it matches within 1 ng\/mL as well/);
    expect(at24).not.toMatch(/SOFA at 72 h/);
    vi.restoreAllMocks();
    expect(await sim(['cohort', small(), '--hours', '72'])).toBe(0);
    const at72 = output(process.stdout);
    expect(at72).toMatch(/SOFA at 72 h \(end of the replay\) is small: it matches within 1 point as well/);
    expect(at72).not.toMatch(/undefined/);
  }, 120_000);
});

describe('between-patient variability: factor draws on the calibrated mean (issue 12)', () => {
  const loaded = loadArm(ARM);
  const factorDraws = loaded.arm.draws.filter((d) => d.distribution === 'factor');
  it('each factor draw is log-normal with mean 1 and the CV its arm file writes (20 000 free draws)', () => {
    const free = {
      ...loaded.arm,
      n: 20000,
      draws: loaded.arm.draws.map((d) => (d.distribution === 'factor' ? { ...d, matchMean: false, min: 1e-6, max: 1e6 } : d)),
    };
    const many = drawPatients(free, 'many', loaded.calibratedMeans);
    expect(factorDraws.length).toBeGreaterThan(0);
    for (const d of factorDraws) {
      if (d.distribution !== 'factor') continue;
      const f = meanSd(many.map((p) => p.factors.find((x) => x.path === d.path)!.factor));
      expect(Math.abs(f.mean - 1), d.path).toBeLessThan(0.02);
      expect(Math.abs(f.sd / d.cv - 1), d.path).toBeLessThan(0.1);
    }
  });
  it('with matchMean the arm’s factors average 1 (to the clipping at their bounds, 2 %), within their bounds', () => {
    const patients = drawPatients(loaded.arm, 'arm', loaded.calibratedMeans);
    for (const d of factorDraws) {
      const f = patients.map((p) => p.factors.find((x) => x.path === d.path)!.factor);
      expect(Math.abs(meanSd(f).mean - 1), d.path).toBeLessThan(0.02);
      if (d.distribution === 'factor') expect(Math.min(...f)).toBeGreaterThanOrEqual(d.min ?? 0);
    }
  });
  it('a factor multiplies the value the patient has without it: the calibrated one, a per-kg setting at their weight', () => {
    const raw = structuredClone(loaded.protocol);
    applyOverrides(raw, [...loaded.calibration, { path: 'patient.weight', value: '100 kg' }, { path: 'patient.fluids.urineOutput', value: '0.2 mL/kg/h' }]);
    const base = scenarioFromObject(structuredClone(raw), 'base');
    const s = withFactors(
      raw,
      [
        { path: 'kinetics.il6.endogenousClearance', factor: 2 },
        { path: 'patient.fluids.urineOutput', factor: 0.5 },
      ],
      'scaled',
    );
    const calibrated = loaded.calibration.find((o) => o.path === 'kinetics.il6.endogenousClearance')!;
    expect(base.kinetics.il6.endogenousClearance).toBeCloseTo(parseFloat(calibrated.value), 9);
    expect(s.kinetics.il6.endogenousClearance).toBeCloseTo(2 * base.kinetics.il6.endogenousClearance, 9);
    expect(s.patient.fluids.urineOutput).toBeCloseTo(0.5 * 0.2 * 100, 9); // 0.2 mL/kg/h at 100 kg, halved
  });
  it('a factored value is checked like a file’s own: outside its accepted range it is refused naming the field and the value', () => {
    const raw = structuredClone(loaded.protocol);
    applyOverrides(raw, loaded.calibration);
    // the recovery time constant's accepted range is 1–2000 h; its 48 h default × 100 lies beyond it
    const refused = () => withFactors(raw, [{ path: 'patient.kidney.recoveryTimeConstant', factor: 100 }], 'patient 001');
    expect(refused).toThrow(/patient 001: 1 problem\n\s+patient\.kidney\.recoveryTimeConstant: got "4800 h": outside the accepted range/);
  });
  it('a factor on a field of a section set to null is refused naming the field', () => {
    const raw = structuredClone(loaded.protocol);
    applyOverrides(raw, loaded.calibration);
    raw.filter = null;
    expect(() => withFactors(raw, [{ path: 'filter.ultrafiltrationCoefficient', factor: 1.2 }], 'p')).toThrow(
      /filter\.ultrafiltrationCoefficient: the scenario sets filter to null \(none\); expected a number/,
    );
  });
  it('a factor on a field that is not a number, or bounds without 1 between them, is refused naming the draw', () => {
    const bad = (d: Record<string, unknown>) => () => drawPatients({ ...loaded.arm, draws: [d as never] }, 'bad');
    expect(bad({ path: 'patient.sex', distribution: 'factor', cv: 0.3, reason: 'r' })).toThrow(/draws\[0\]\.path.*numeric scenario field/);
    expect(bad({ path: 'patient.age', distribution: 'factor', cv: 0.3, min: 1.2, max: 2, reason: 'r' })).toThrow(/draws\[0\].*1 between them/);
  });
  it('each patient’s own physiology spreads the 24 h IL-6 change (it was −12.56 ± 0.02 % with baselines alone)', () => {
    const r = replayArm({ ...loaded, arm: { ...loaded.arm, n: 24 } }, { hours: 24 });
    expect(r.metrics.il6_change_pct.sd).toBeGreaterThan(0.5);
  });
});

describe('an arm’s patients from its protocol read once (sim/cohort/patientScenarios.ts)', () => {
  const arms = ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json'].map(loadArm);
  it('each patient’s scenario equals the protocol read with the arm’s settings and their draws from the start, value for value', () => {
    for (const loaded of arms) {
      // the settings every patient shares, as the replay builds them (the arm's own over the calibration)
      const common: Override[] = armSettings(loaded.calibration, loaded.arm);
      const protocol = checkedProtocol(loaded.protocol, common, 'protocol');
      const patients = drawPatients(loaded.arm, loaded.file, loaded.calibratedMeans);
      expect(patients.every((p) => p.overrides.length > 3)).toBe(true);
      for (const p of patients) {
        const raw = structuredClone(loaded.protocol);
        applyOverrides(raw, [...common, ...p.overrides]);
        expect(patientScenario(protocol, p.overrides, p.id), `${loaded.arm.name} ${p.id}`).toStrictEqual(scenarioFromObject(raw, p.id));
      }
    }
  });
  it('a patient’s value is checked like a file’s own: its unit, its range, a choice’s values, naming the patient and the field', () => {
    const protocol = checkedProtocol(arms[0].protocol, arms[0].calibration, 'protocol');
    const refused = (path: string, value: string) => () => patientScenario(protocol, [{ path, value }], 'ECMO + HVHF, patient 007');
    expect(refused('patient.weight', '80 mmHg')).toThrow(/patient 007: 1 problem\n\s+patient\.weight: got "80 mmHg": wrong dimension/);
    expect(refused('patient.weight', '900 kg')).toThrow(/patient\.weight: got "900 kg": outside the accepted range/);
    expect(refused('patient.sex', 'other')).toThrow(/patient\.sex: got "other"; expected one of "male", "female"/);
    expect(refused('patient.wieght', '80 kg')).toThrow(/patient\.wieght: /);
  });
});

describe('the spreads the audit left (issue 12, gaps item 6): the hydrocortisone response, the starting renal injury, the pressure relation', () => {
  const ARMS = ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json'];
  const arms = ARMS.map(loadArm);
  const spec = (path: string) => leafAt(scenarioSpecs, path) as QuantitySpec;
  const drawOf = (loaded: (typeof arms)[number], path: string) => loaded.arm.draws.find((d) => d.path === path)!;
  const RHO = 'hemodynamics.hydrocortisone.maxEffectRatio';
  const PFULL = 'patient.kidney.fullFiltrationPressure';
  const I0 = 'patient.kidney.startingInjury';
  it('each is drawn in both arms with the same spread: the same distribution, CV or SD, bounds and reason', () => {
    for (const path of [RHO, PFULL, I0]) {
      expect(drawOf(arms[0], path), path).toBeDefined();
      expect(drawOf(arms[1], path), path).toStrictEqual(drawOf(arms[0], path));
    }
    expect(drawOf(arms[0], RHO).distribution).toBe('factor');
    expect(drawOf(arms[0], PFULL).distribution).toBe('factor');
    expect(drawOf(arms[0], I0).distribution).toBe('normal');
  });
  it('a factor keeps its value inside the field’s limits across its plausible range; ρ_Emax ≥ 1 at its default, Pfull above P0’s plausible top', () => {
    for (const path of [RHO, PFULL]) {
      const d = drawOf(arms[0], path);
      if (d.distribution !== 'factor') throw new Error(path);
      const s = spec(path);
      expect(s.range![0] * d.min!, path).toBeGreaterThanOrEqual(s.limits[0]);
      expect(s.range![1] * d.max!, path).toBeLessThanOrEqual(s.limits[1]);
    }
    const rho = drawOf(arms[0], RHO) as { min: number };
    expect(spec(RHO).default! * rho.min).toBeGreaterThanOrEqual(1); // hydrocortisone never lowers the pressor response
    const pfull = drawOf(arms[0], PFULL) as { min: number };
    expect(spec(PFULL).range![0] * pfull.min).toBeGreaterThan(spec('patient.kidney.zeroFiltrationPressure').range![1]);
  });
  it('the starting injury’s draw is centred on the default I0, bounded inside its plausible range (so inside 0–1), and spreads with its SD (20 000 free draws)', () => {
    const d = drawOf(arms[0], I0);
    if (d.distribution !== 'normal') throw new Error(I0);
    const s = spec(I0);
    expect(Number(d.mean)).toBe(s.default);
    expect(Number(d.min)).toBeGreaterThanOrEqual(s.range![0]);
    expect(Number(d.max)).toBeLessThanOrEqual(s.range![1]);
    const free = { ...arms[0].arm, n: 20000, draws: [{ ...d, matchMean: false, min: '-10', max: '10' }] };
    const f = meanSd(drawPatients(free, 'many').map((p) => Number(p.drawn[I0])));
    expect(Math.abs(f.mean - s.default!)).toBeLessThan(0.005);
    expect(Math.abs(f.sd / Number(d.sd) - 1)).toBeLessThan(0.05);
  });
  it('in each arm every patient’s drawn value lies inside its field’s limits, and the arm spreads within the written CV or SD', () => {
    for (const loaded of arms) {
      const patients = drawPatients(loaded.arm, loaded.file, loaded.calibratedMeans);
      for (const path of [RHO, PFULL]) {
        const d = drawOf(loaded, path) as { cv: number };
        const f = patients.map((p) => p.factors.find((x) => x.path === path)!.factor);
        const values = f.map((x) => x * spec(path).default!);
        expect(Math.min(...values), path).toBeGreaterThanOrEqual(spec(path).limits[0]);
        expect(Math.max(...values), path).toBeLessThanOrEqual(spec(path).limits[1]);
        const { sd } = meanSd(f);
        expect(sd, `${loaded.arm.name} ${path}`).toBeGreaterThan(0.5 * d.cv);
        expect(sd, `${loaded.arm.name} ${path}`).toBeLessThan(1.3 * d.cv);
      }
      const injury = patients.map((p) => Number(p.drawn[I0]));
      expect(Math.min(...injury)).toBeGreaterThanOrEqual(spec(I0).limits[0]);
      expect(Math.max(...injury)).toBeLessThanOrEqual(spec(I0).limits[1]);
      expect(Math.abs(meanSd(injury).mean - spec(I0).default!)).toBeLessThan(1e-4);
      const { sd } = meanSd(injury);
      const written = Number((drawOf(loaded, I0) as { sd: string }).sd);
      expect(sd).toBeGreaterThan(0.5 * written);
      expect(sd).toBeLessThan(1.3 * written);
      // the drawn value reaches the patient's scenario
      const p = patients[0];
      expect(p.overrides.find((o) => o.path === I0)?.value).toBe(String(p.drawn[I0]));
    }
  });
});

describe("an arm's own settings and the shared calibration (sim/cohort/armSettings.ts)", () => {
  const loaded = loadArm('scenarios/cohort/ecmo-hvhf.json');
  const path = 'kinetics.il6.endogenousClearance';
  it('a path the arm sets is its own: the calibration’s value for it is left out, as a scenario’s own values win over its calibration file', () => {
    const calibrated = loaded.calibration.find((c) => c.path === path);
    expect(calibrated, 'the calibration fits it').toBeDefined();
    const settings = armSettings(loaded.calibration, { set: { ...loaded.arm.set, [path]: '9000 mL/h' } });
    expect(settings.filter((o) => o.path === path)).toEqual([{ path, value: '9000 mL/h' }]);
    // every other fitted value is still there
    expect(settings.filter((o) => o.path !== path && loaded.calibration.includes(o))).toHaveLength(loaded.calibration.length - 1);
  });
  // production matches the endogenous clearance at the baseline, so the filter's share of the clearance, and with it
  // the 24 h fall, shrinks as the endogenous clearance grows (9000 against the fitted ~3300 mL/h)
  it('in a replay the arm’s setting moves the patients: a faster endogenous IL-6 clearance leaves the filter a smaller share, a smaller 24 h fall', () => {
    const own = { ...loaded, arm: { ...loaded.arm, n: 4, set: { ...loaded.arm.set, [path]: '9000 mL/h' } } };
    const base = { ...loaded, arm: { ...loaded.arm, n: 4 } };
    const fall = (l: typeof loaded) => replayArm(l, { hours: 24 }).metrics.il6_change_pct.mean;
    expect(fall(own)).toBeGreaterThan(fall(base) + 1);
  });
});
