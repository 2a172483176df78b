/**
 * Sensitivity analysis (issue 5). The estimators against functions with known indices — Morris on a linear
 * function (μ*_i = |a_i| × range_i, σ_i = 0), Sobol' on the Ishigami function (Ishigami & Homma 1990; analytic
 * indices e.g. in Saltelli et al. 2010) — then a small real run on the default scenario through the CLI.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sim, stderr } from './helpers/cliInProcess.js';
import { morrisDesign, morrisIndices } from '../sim/sensitivity/morris.js';
import { saltelliDesign, sobolIndices } from '../sim/sensitivity/sobol.js';
import { defaultUncertainParameters } from '../sim/sensitivity/uncertainParameters.js';
import type { SensitivityReport } from '../sim/sensitivity/sensitivity.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-sensitivity-'));

describe('Morris elementary effects', () => {
  it('the design: r trajectories of k + 1 points on the p-level grid, each step moving one factor by ±Δ', () => {
    const d = morrisDesign(5, 7, 4, 3);
    expect(d.points).toHaveLength(7 * 6);
    expect(d.delta).toBeCloseTo(2 / 3, 12);
    for (const p of d.points) for (const u of p) expect([0, 1 / 3, 2 / 3, 1].some((l) => Math.abs(u - l) < 1e-12)).toBe(true);
    for (let t = 0; t < 7; t++) {
      for (let s = 0; s < 5; s++) {
        const a = d.points[t * 6 + s];
        const b = d.points[t * 6 + s + 1];
        const moved = a
          .map((v, i) => Math.abs(b[i] - v))
          .map((x, i) => (x > 1e-12 ? i : -1))
          .filter((i) => i >= 0);
        expect(moved).toEqual([d.order[t][s]]);
        expect(Math.abs(b[moved[0]] - a[moved[0]])).toBeCloseTo(d.delta, 12);
      }
      expect([...d.order[t]].sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('a linear function: μ*_i = |a_i| × (hi_i − lo_i), μ_i signed, σ_i = 0', () => {
    const a = [3, -2, 0.5, 0];
    const ranges = [
      [0, 1],
      [10, 20],
      [-5, 5],
      [0, 100],
    ];
    const d = morrisDesign(4, 10, 4, 1);
    const y = d.points.map((u) => u.reduce((s, ui, i) => s + a[i] * (ranges[i][0] + ui * (ranges[i][1] - ranges[i][0])), 0));
    const m = morrisIndices(d, y);
    a.forEach((ai, i) => {
      const span = ranges[i][1] - ranges[i][0];
      expect(m.muStar[i]).toBeCloseTo(Math.abs(ai) * span, 9);
      expect(m.mu[i]).toBeCloseTo(ai * span, 9);
      expect(m.sigma[i]).toBeCloseTo(0, 9);
    });
  });

  it('on the Ishigami function, x3 (which acts only through its interaction with x1) has μ ≈ 0 but a large μ* and σ', () => {
    const d = morrisDesign(3, 50, 4, 2);
    const m = morrisIndices(d, d.points.map(ishigami));
    expect(m.muStar[2]).toBeGreaterThan(1);
    expect(Math.abs(m.mu[2])).toBeLessThan(0.4 * m.muStar[2]);
    expect(m.sigma[2]).toBeGreaterThan(m.muStar[2]);
  });

  it('leaves out the effects a failed run (NaN) spoils, and only those', () => {
    const d = morrisDesign(3, 4, 4, 5);
    const y = d.points.map((u) => u[0] + 2 * u[1]);
    y[1] = NaN; // first trajectory, after its first step
    const m = morrisIndices(d, y);
    expect(m.effects.reduce((s, n) => s + n, 0)).toBe(4 * 3 - 2);
    expect(m.muStar[1]).toBeCloseTo(2, 12);
  });
});

/** Ishigami & Homma (1990) with a = 7, b = 0.1 on [−π, π]^3 (unit-cube coordinates scaled here). */
function ishigami(u: number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

describe("Sobol' indices (Saltelli sampling, Jansen estimators)", () => {
  it('reproduce the analytic Ishigami indices within 0.03', () => {
    const d = saltelliDesign(3, 20_000, 7);
    expect(d.points).toHaveLength(20_000 * 5);
    const s = sobolIndices(d, d.points.map(ishigami));
    // analytic: V = a²/8 + b π⁴/5 + b² π⁸/18 + 1/2; S1 = 0.3139, S2 = 0.4424, S3 = 0; ST1 = 0.5576, ST2 = 0.4424, ST3 = 0.2437
    [0.3139, 0.4424, 0].forEach((v, i) => expect(Math.abs(s.first[i] - v)).toBeLessThan(0.03));
    [0.5576, 0.4424, 0.2437].forEach((v, i) => expect(Math.abs(s.total[i] - v)).toBeLessThan(0.03));
    expect(s.variance).toBeCloseTo(49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5, 0);
  });

  it('an additive function: first-order = total = the share of each term', () => {
    const d = saltelliDesign(2, 5000, 3);
    const s = sobolIndices(
      d,
      d.points.map(([a, b]) => a + 2 * b),
    ); // variances 1/12 and 4/12
    expect(s.first[0]).toBeCloseTo(0.2, 1);
    expect(s.total[1]).toBeCloseTo(0.8, 1);
  });
});

describe('the uncertain parameters', () => {
  it('are the quantities with a plausible range, without operator settings or zero-width ranges', () => {
    const ps = defaultUncertainParameters({ filter: {} }).map((p) => p.path);
    expect(ps).toContain('filter.sieving.il6.fouled');
    expect(ps).toContain('kinetics.il6.endogenousClearance');
    expect(ps).not.toContain('prescription.effluentDose'); // adjustable
    expect(ps).not.toContain('filter.sieving.creatinine.fouled'); // range [1, 1]
    expect(defaultUncertainParameters({ filter: null }).some((p) => p.path.startsWith('filter.'))).toBe(false);
  });
});

describe('sim sensitivity on the default scenario', () => {
  const PARAMS = 'filter.sieving.il6.fouled,kinetics.il6.endogenousClearance,kinetics.crp.synthesisLag,filter.clotting.baselineHazard';

  it('Morris ranks IL-6 sieving and endogenous clearance above an irrelevant parameter, and clotting first for filter life', async () => {
    const out = join(dir, 'morris.json');
    const plot = join(dir, 'morris.svg');
    expect(
      await sim([
        'sensitivity',
        'scenarios/ecmo-hvhf-default.json',
        '--parameters',
        PARAMS,
        '--samples',
        '4',
        '--hours',
        '24',
        '--workers',
        '2',
        '--format',
        'json',
        '--out',
        out,
        '--plot',
        plot,
      ]),
    ).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8')) as SensitivityReport;
    expect(r.runs).toBe(4 * 5);
    expect(r.failed).toBe(0);
    const rank = (outcome: string) => r.rankings.find((x) => x.outcome === outcome)!.parameters.map((p) => p.path);
    const il6 = rank('il6_removal_pct');
    expect(il6.indexOf('filter.sieving.il6.fouled')).toBeLessThan(il6.indexOf('kinetics.crp.synthesisLag'));
    expect(il6.indexOf('kinetics.il6.endogenousClearance')).toBeLessThan(il6.indexOf('kinetics.crp.synthesisLag'));
    expect(rank('filter_life_h')[0]).toBe('filter.clotting.baselineHazard');
    const svg = readFileSync(plot, 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('il6_removal_pct: μ*');
    expect((svg.match(/<g[^>]*aria-label="bar"[^>]*>(.*?)<\/g>/gs) ?? []).join('').match(/<rect\b/g)).toHaveLength(8);
  });

  it("Sobol': a ranked table of total and first-order indices", async () => {
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(
      await sim([
        'sensitivity',
        'scenarios/ecmo-hvhf-default.json',
        '--method',
        'sobol',
        '--parameters',
        'filter.sieving.il6.fouled,kinetics.crp.synthesisLag',
        '--outcome',
        'il6_removal_pct',
        '--samples',
        '8',
        '--hours',
        '12',
        '--workers',
        '2',
      ]),
    ).toBe(0);
    const table = spy.mock.calls.map((c) => String(c[0])).join('');
    expect(table).toMatch(/Sobol' indices.*N = 8.*32 runs, 0 failed/);
    expect(table).toMatch(/rank\s+parameter\s+range\s+total index\s+first order index\n1\s+filter\.sieving\.il6\.fouled/);
  });

  it.each([
    ['an unknown parameter', ['--parameters', 'filter.sieving.il7.fouled'], /--parameters.*filter\.sieving\.il7\.fouled/s],
    ['a parameter without a range', ['--parameters', 'patient.weight'], /patient\.weight has no plausible range/],
    ['an unknown outcome', ['--outcome', 'il6_gone'], /--outcome.*got "il6_gone"; expected one of il6_removal_pct, filter_life_h/s],
    ['odd levels', ['--levels', '3'], /--levels.*expected an even number/s],
  ])('%s: exit 2 with a clear message, nothing written', async (_what, args, message) => {
    const out = join(dir, 'bad.txt');
    expect(await sim(['sensitivity', 'scenarios/ecmo-hvhf-default.json', ...args, '--out', out])).toBe(2);
    expect(stderr()).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
