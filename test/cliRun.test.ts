import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';
import { runOne } from '../sim/sweep/runTask.js';
import { calibratedScenarioText } from '../sim/scenario/loadFile.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
const stderr = () =>
  vi
    .mocked(process.stderr.write)
    .mock.calls.map((c) => String(c[0]))
    .join('');
afterEach(() => vi.restoreAllMocks());

function withTimeline(timeline: unknown[], name: string): string {
  const s = JSON.parse(readFileSync('scenarios/ecmo-hvhf-default.json', 'utf8'));
  s.calibration = resolve('scenarios/cohort/calibration.json'); // the copy sits elsewhere: its reference made absolute
  s.timeline = timeline;
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('sim run', () => {
  it('--hours shorter than the timeline runs that long; later entries are not reached', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const file = withTimeline([{ at: '30 h', set: { 'prescription.effluentDose': '30 mL/kg/h' } }], 'late.json');
    const out = join(dir, 'late-out.json');
    expect(await main(['run', file, '--hours', '2', '--out', out])).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.series.time_h.at(-1)).toBe(2);
    expect(r.events.filter((e: { type: string }) => e.type === 'setting_change')).toHaveLength(0);
  });
  // QA finding 4: the timeline was checked against the file's duration before --hours was applied
  it('--hours longer than the file reaches timeline entries beyond the file duration (run and sweep)', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const file = withTimeline([{ at: '1.5 h', fluidBolus: '500 mL' }], 'beyond.json');
    const s = JSON.parse(readFileSync(file, 'utf8'));
    s.duration = '1 h';
    writeFileSync(file, JSON.stringify(s));
    const out = join(dir, 'beyond-out.json');
    expect(await main(['run', file, '--hours', '2', '--out', out])).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.series.time_h.at(-1)).toBe(2);
    expect(r.events.filter((e: { type: string }) => e.type === 'fluid_bolus').map((e: { t_h: number }) => e.t_h)).toEqual([1.5]);
    // a sweep's run, given the sweep's --hours, is held to the same duration
    const o = runOne({ text: JSON.stringify(s), source: file, hours: 2 }, { id: 0, overrides: [] });
    expect(o).not.toHaveProperty('error');
    // and without it, the entry beyond the file's 1 h is refused, naming the entry
    expect(await main(['run', file, '--out', join(dir, 'beyond-refused.json')])).toBe(2);
    expect(stderr()).toMatch(/timeline\[0\]\.at: got "1\.5 h": expected a time between 0 h and the run's duration \(1 h\)/);
  });
  // QA finding 5: the peak was the largest 15-min sample, below the TMP that changed the filter
  it('peak TMP includes the TMP that reached the limit and changed the filter; the sweep row reads the same', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const file = withTimeline([], 'tmp-limit.json');
    const set = [
      { path: 'prescription.effluentDose', value: '60 mL/kg/h' },
      { path: 'prescription.filterChange.tmpLimit', value: '120 mmHg' },
    ];
    const out = join(dir, 'tmp-limit-out.json');
    expect(await main(['run', file, '--hours', '2', ...set.flatMap((o) => ['--set', `${o.path}=${o.value}`]), '--out', out])).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    const changes = r.events.filter((e: { type: string; reason: string }) => e.type === 'filter_change' && /reached the limit/.test(e.reason));
    expect(changes.length).toBeGreaterThan(0); // the located crossing happened between samples
    const samples = (r.series.tmp_mmHg as (number | null)[]).filter((v): v is number => v !== null);
    expect(Math.max(...samples)).toBeLessThan(120);
    expect(r.summary.peak_tmp_mmHg).toBeCloseTo(120, 3);
    const text = calibratedScenarioText(readFileSync(file, 'utf8'), file); // as the sweep command sends it
    const o = runOne({ text, source: file, hours: 2 }, { id: 0, overrides: set });
    expect('metrics' in o && o.metrics.peak_tmp_mmHg).toBe(r.summary.peak_tmp_mmHg);
  });
  // QA finding 3: the summary's changes are from the scenario's baseline, before cannulation, not from the t = 0 sample
  it('the run line says the IL-6 change is since baseline, before cannulation on ECMO (not said without a circuit)', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['run', 'scenarios/ecmo-hvhf-default.json', '--hours', '0.1', '--out', join(dir, 'since-ecmo.json')])).toBe(0);
    expect(stderr()).toMatch(/IL-6 -?\d+\.\d % since baseline \(before cannulation\) at 0\.1 h/);
    vi.restoreAllMocks();
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['run', 'scenarios/standard-care-default.json', '--hours', '0.1', '--out', join(dir, 'since-care.json')])).toBe(0);
    expect(stderr()).toMatch(/IL-6 -?\d+\.\d % since baseline at 0\.1 h/);
  });
  // QA finding 21: a hand-written scenario ran on the spec defaults without a word (IL-6 −52 % against −37 %)
  it('the run line says which parameters it used: the calibration the scenario names, or the spec defaults', async () => {
    const plain = JSON.parse(readFileSync('scenarios/ecmo-hvhf-default.json', 'utf8'));
    delete plain.calibration;
    const file = join(dir, 'no-calibration.json');
    writeFileSync(file, JSON.stringify(plain));
    const line = async (args: string[]) => {
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      expect(await main(['run', ...args, '--hours', '0.1', '--out', join(dir, `cal-${args.length}-${args[0].length}.json`)])).toBe(0);
      const text = stderr();
      vi.restoreAllMocks();
      return text;
    };
    expect(await line(['scenarios/ecmo-hvhf-default.json'])).toMatch(/; calibration cohort\/calibration\.json\n/);
    expect(await line([file])).toMatch(/; uncalibrated: the scenario names no calibration \(spec defaults\)\n/);
    expect(await line(['scenarios/ecmo-hvhf-default.json', '--uncalibrated'])).toMatch(/; uncalibrated \(--uncalibrated: spec defaults\)\n/);
  });
  // QA findings 15 and 13: a training file through `run` said only "unknown field"; the list of fields left out calibration
  it('a training file given to run points to train; an unknown top-level field lists calibration among the fields', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['run', 'scenarios/training/drainage-clamp.json', '--out', join(dir, 'training-out.json')])).toBe(2);
    expect(stderr()).toMatch(/training: .*this is a training file; run it with "sim train <file>"/);
    const file = withTimeline([], 'typo-top.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), calibraton: 'x.json' }));
    expect(await main(['run', file, '--out', join(dir, 'typo-top-out.json')])).toBe(2);
    expect(stderr()).toMatch(/calibraton: unknown field \(did you mean "calibration"\?\); expected one of: .*calibration/);
  });
  // QA finding 22: --out naming the input scenario with --overwrite replaced the scenario without a word
  it('--out naming the input file is refused, even with --overwrite, and the input is left as it was', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const file = withTimeline([], 'self.json');
    const before = readFileSync(file, 'utf8');
    const same = join(dir, '.', 'self.json'); // the same file by another spelling
    expect(await main(['run', file, '--hours', '0.1', '--out', same, '--overwrite'])).toBe(2);
    expect(stderr()).toMatch(/--out: .*self\.json is the input file .*self\.json of this command; expected another file name/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
  // QA finding 13: "between 0.016666666666666666 h", "expected" said twice, no hint for "RPM"
  it('range limits read to 6 digits; a missing unit says "expected" once; a unit in the wrong case gets a hint', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const file = join(dir, 'cosmetic.json');
    const minimal = { name: 'x', duration: '24 h', patient: { weight: '80 kg' }, circuit: {}, filter: {} };
    writeFileSync(file, JSON.stringify({ ...minimal, duration: '24', circuit: { pump: { speed: '3000 RPM' } } }));
    expect(await main(['run', file, '--out', join(dir, 'cosmetic-out.json')])).toBe(2);
    writeFileSync(file, JSON.stringify({ ...minimal, outputInterval: '2 days' }));
    expect(await main(['run', file, '--out', join(dir, 'cosmetic-out.json')])).toBe(2);
    const err = stderr();
    expect(err).toContain('outputInterval: got "2 days": outside the accepted range; expected a quantity in h, between 0.0166667 h and 24 h');
    expect(err).toContain('duration: got "24": "24" has no unit; write it with its unit, e.g. "24 h"; expected a quantity in h, between 0.01 h');
    expect(err).toMatch(/circuit\.pump\.speed: got "3000 RPM": .*Unit "RPM" not found \(did you mean "rpm"\?\); expected a quantity in rpm/);
  });
  it('a timeline change to a prescription no filter can run stops with exit 2, naming the timeline entry', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const file = withTimeline(
      [
        { at: '1 h', heparinBolus: '1000 U' },
        { at: '3 h', set: { 'prescription.effluentDose': '190 mL/kg/h' } },
      ],
      'raise.json',
    );
    const code = await main(['run', file, '--out', join(dir, 'raise-out.json')]);
    expect(code).toBe(2);
    expect(stderr()).toMatch(/timeline\[1\]\.set: the prescription from 3 h \(effluentDose 190 mL\/kg\/h\): a new filter .* needs a TMP of \d+ mmHg/);
  });
  it('a scheduled setting change is applied at its time and reported as an event', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const file = withTimeline([{ at: '2.5 h', set: { 'circuit.pump.speed': '3500 rpm' } }], 'speed.json');
    const out = join(dir, 'speed-out.json');
    expect(await main(['run', file, '--hours', '4', '--out', out])).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.events).toContainEqual({ t_h: 2.5, type: 'setting_change', reason: 'circuit.pump.speed: 3000 → 3500' });
    const i = r.series.time_h.indexOf(2.5);
    expect(r.series.pump_speed_rpm[i + 1]).toBe(3500);
    expect(r.series.pump_flow_L_min[i + 1]).toBeGreaterThan(r.series.pump_flow_L_min[i - 1]);
  });
});
