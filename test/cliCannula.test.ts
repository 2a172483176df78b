/**
 * `sim cannula` and `sim pump` (issue 11): an engineer checks one cannula or the pump on its own. Numbers are
 * checked against the models they print (the catalogue fit corrected to blood, the pump's affinity-law curve);
 * bad input names the option, the value and what was expected, and exits 2.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';
import { cannulaReport } from '../sim/cli/cannulaCommand.js';
import { pumpReport } from '../sim/cli/pumpCommand.js';
import { CANNULA_CATALOGUE, catalogueCannula, sourceScatter_mmHg } from '../sim/circuit/cannulae/catalogue.js';
import { catalogueFit, catalogueLossCoefficients } from '../sim/circuit/cannulae/lookup.js';
import { DUAL_LUMEN_LUMENS, dualLumenCannula } from '../sim/circuit/cannulae/dualLumen.js';
import { bloodViscosity_mPa_s, plasmaTemperatureFactor } from '../sim/blood.js';
import { pumpCurve, pumpHead_mmHg } from '../sim/circuit/centrifugalPump.js';
import { pressureDrop_mmHg } from '../sim/circuit/tube.js';
import { mL_min } from '../sim/quantities.js';

afterEach(() => vi.restoreAllMocks());
const base = { overwrite: false, quiet: true };
const number = (text: string, pattern: RegExp) => Number(pattern.exec(text)![1]);

describe('sim cannula', () => {
  it('prints the pressure drop of a catalogue cannula in blood at a flow: its fit corrected to blood', () => {
    const text = cannulaReport(['hls-pvl-2355'], { ...base, flow: '4 L/min', hematocrit: '40 %' });
    const k = catalogueLossCoefficients(catalogueCannula('hls-pvl-2355')!, bloodViscosity_mPa_s(0.4, 1.2, 2.3, 37), 1060);
    expect(number(text, /pressure drop ([\d.]+) mmHg/)).toBeCloseTo(pressureDrop_mmHg(k, mL_min(4000)), 1);
  });

  it('--pressure prints the flow whose drop is that pressure (the inverse of --flow)', () => {
    const text = cannulaReport(['hls-pas-1915'], { ...base, pressure: '80 mmHg' });
    const q = number(text, /flow ([\d.]+) L\/min/);
    const back = cannulaReport(['hls-pas-1915'], { ...base, flow: `${q} L/min` });
    expect(number(back, /pressure drop ([\d.]+) mmHg/)).toBeCloseTo(80, 0);
  });

  it('a size and a length use the tube model; a thinner cannula of the same length loses more', () => {
    const drop = (size: string) => number(cannulaReport([size, '55 cm'], { ...base, flow: '4 L/min' }), /pressure drop ([\d.]+) mmHg/);
    expect(drop('19 Fr')).toBeGreaterThan(drop('23 Fr'));
    expect(cannulaReport(['23 Fr, 55 cm'], { ...base, flow: '4 L/min' })).toContain('custom cannula: 23 Fr, 55 cm');
  });

  it('without a cannula, lists the catalogue, the dual-lumen models’ lumens included', () => {
    const text = cannulaReport([], base);
    for (const id of ['hls-pvl-2155', 'hls-pvl-2955', 'hls-pas-1715', 'hls-pas-2315', 'avalon-elite-27:drainage', 'avalon-elite-31:infusion'])
      expect(text).toContain(id);
  });

  it('the listing states each cannula’s fit against its source: the largest miss over its points and the chart’s scatter, marked ! where the two-term fit cannot follow the chart', () => {
    const lines = cannulaReport([], base).split('\n');
    for (const c of [...CANNULA_CATALOGUE, ...DUAL_LUMEN_LUMENS]) {
      const line = lines.find((l) => l.startsWith(`${c.id} `))!;
      const f = catalogueFit(c);
      const worst = Math.max(...c.points.map(([q, dp]) => Math.abs(f.viscous * q + f.inertial * q * q - dp)));
      const fit = `${worst.toFixed(1)}/${sourceScatter_mmHg(c).toFixed(1)}`;
      expect(line, c.id).toContain(c.misfit ? `${fit}!` : `${fit} `);
    }
  });

  it('a dual-lumen model prints the lumen --lumen names, each its own chart fitted and corrected to blood', () => {
    const mu = bloodViscosity_mPa_s(0.4, 1.2, 2.3, 37);
    const d = dualLumenCannula('avalon-elite-27')!;
    for (const [lumen, entry] of [
      ['drainage', d.drainage],
      ['infusion', d.return],
    ] as const) {
      const text = cannulaReport(['avalon-elite-27'], { ...base, flow: '4 L/min', hematocrit: '40 %', lumen });
      expect(text).toContain(`${lumen} lumen`);
      expect(number(text, /pressure drop ([\d.]+) mmHg/)).toBeCloseTo(pressureDrop_mmHg(catalogueLossCoefficients(entry, mu, 1060), mL_min(4000)), 1);
    }
    // the infusion lumen says its fit misses the chart (dualLumen.ts)
    expect(cannulaReport(['avalon-elite-27'], { ...base, flow: '4 L/min', lumen: 'infusion' })).toContain('misses the chart');
  });

  it('--temperature: cooler blood loses more, its viscous term up by water’s ratio (blood.ts); 37 °C is the default', () => {
    const report = (temperature?: string) => cannulaReport(['hls-pvl-2355'], { ...base, flow: '4 L/min', hematocrit: '40 %', temperature });
    const viscous = (text: string) => number(text, /blood:.*ΔP = ([\d.]+)·Q/);
    expect(report()).toBe(report('37 degC'));
    expect(report('33')).toBe(report('33 degC'));
    expect(report('33 degC')).toContain('33 °C');
    expect(viscous(report('33 degC')) / viscous(report())).toBeCloseTo(plasmaTemperatureFactor(33), 2);
    expect(number(report('33 degC'), /pressure drop ([\d.]+) mmHg/)).toBeGreaterThan(number(report(), /pressure drop ([\d.]+) mmHg/));
    // the pump's head does not depend on viscosity: the curve is the same, the temperature shown
    const pump = (temperature?: string) => pumpReport({ ...base, format: 'table', temperature });
    expect(pump('33 degC')).toContain('33 °C');
    expect(pump('33 degC').split('\n').slice(2)).toEqual(pump().split('\n').slice(2));
  });

  // QA finding 11: the listing's "id:lumen" was refused, and a bare --flow 4 was shown as "4 mL/min" (1000× less than meant)
  it('takes a dual-lumen lumen as the listing names it (id:lumen), the same as --lumen; a bare flow is not read as mL/min', async () => {
    const opts = { ...base, flow: '4 L/min', hematocrit: '40 %' };
    for (const lumen of ['drainage', 'infusion'])
      expect(cannulaReport([`avalon-elite-27:${lumen}`], opts)).toBe(cannulaReport(['avalon-elite-27'], { ...opts, lumen }));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['cannula', 'avalon-elite-27:drainage', '--lumen', 'infusion', '--flow', '4 L/min'])).toBe(2);
    expect(await main(['cannula', 'hls-pvl-2355', '--flow', '4'])).toBe(2);
    const err = vi
      .mocked(process.stderr.write)
      .mock.calls.map((c) => String(c[0]))
      .join('');
    expect(err).toMatch(/--lumen: got "infusion" for avalon-elite-27:drainage, which names the drainage lumen/);
    expect(err).toContain('--flow: got "4": expected a quantity such as "4 L/min" ("4" has no unit)');
    expect(err).not.toContain('mL/min');
  });

  it.each([
    [['cannula', 'hls-pvl-2355', '--flow', '4'], '--flow: got "4": expected a quantity such as "4 L/min"'],
    [['cannula', 'hls-pvl-2355', '--flow', '40 L/min'], '--flow: got "40 L/min": expected a quantity between 0 mL/min and 12000 mL/min'],
    [['cannula', 'hls-pvl-2355', '--pressure', '60 mL'], '--pressure: got "60 mL": expected a quantity such as "60 mmHg"'],
    [['cannula', 'hls-pvl-2355', '--flow', '4 L/min', '--hematocrit', '90 %'], '--hematocrit: got "90 %": expected a quantity between 10 % and 65 %'],
    [['cannula', 'hls-pvl-2355'], '--flow: got neither --flow nor --pressure'],
    [['cannula', 'no-such-cannula', '--flow', '4 L/min'], 'cannula: got "no-such-cannula"; expected a catalogue model (hls-pvl-2155'],
    [['cannula', '23 Fr', '55 kg', '--flow', '4 L/min'], 'cannula length: got "55 kg": expected a quantity such as "55 cm"'],
    [['cannula', 'avalon-elite-27', '--flow', '4 L/min'], '--lumen: got none; expected drainage or infusion: avalon-elite-27 is a dual-lumen cannula'],
    [['cannula', 'avalon-elite-27', '--flow', '4 L/min', '--lumen', 'side'], '--lumen: got "side"; expected drainage or infusion'],
    [
      ['cannula', 'hls-pvl-2355', '--flow', '4 L/min', '--lumen', 'drainage'],
      '--lumen: got "drainage"; expected no --lumen: hls-pvl-2355 is a single-lumen cannula',
    ],
    [['pump', '--rpm', 'fast'], '--rpm: got "fast": expected a quantity such as "3000 rpm"'],
    [['pump', '--rpm', '9000'], '--rpm: got "9000 rpm": expected a quantity between 0 rpm and 5000 rpm'],
    [
      ['cannula', 'hls-pvl-2355', '--flow', '4 L/min', '--temperature', '50 degC'],
      '--temperature: got "50 degC": expected a quantity between 25 degC and 43 degC',
    ],
    [['cannula', 'hls-pvl-2355', '--flow', '4 L/min', '--temperature', 'cold'], '--temperature: got "cold": expected a quantity such as "33 degC"'],
    [['pump', '--temperature', '20'], '--temperature: got "20 degC": expected a quantity between 25 degC and 43 degC'],
  ])('%j: exit 2, the message names the option, the value and what was expected', async (argv, message) => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(argv)).toBe(2);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toContain(message);
  });
});

describe('sim pump', () => {
  const p = pumpCurve({ calibrationSpeed: 3000, calibrationFlow: 4200, calibrationHead: 250, shutoffHead: 400 });

  it("prints the model's head–flow curve at the speed asked: the shutoff head at zero flow, falling with flow", () => {
    const rows = pumpReport({ ...base, rpm: '3500', format: 'csv' })
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map(Number));
    expect(rows[0]).toEqual([0, Number(pumpHead_mmHg(p, 3500, mL_min(0)).toFixed(2))]);
    for (const [q, h] of rows) expect(h).toBeCloseTo(pumpHead_mmHg(p, 3500, mL_min(q * 1000)), 2);
    for (let i = 1; i < rows.length; i++) expect(rows[i][1]).toBeLessThan(rows[i - 1][1]);
  });

  it('at the calibration speed the curve passes through the published point (4.2 L/min against 250 mmHg, reference-data.md §6)', () => {
    const text = pumpReport({ ...base, rpm: '3000 rpm', format: 'csv' });
    const row = (q: number) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${q},`))!
          .split(',')[1],
      );
    expect(row(4)).toBeGreaterThan(250);
    expect(row(4.5)).toBeLessThan(250);
  });
});
