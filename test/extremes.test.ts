/**
 * Extreme but legal settings (issue: hardening). For each, the engine either runs with physically sensible output —
 * the assertions say what sensible means — or stops with a clear message naming the cause; never a silently wrong
 * result. Every run that completes also keeps the general invariants (no Infinity, NaN only where a circuit or
 * filter is absent or stopped, non-negative amounts, every balance closed to 1e-6): tools/fuzz/outputInvariants.ts
 * outputProblem.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';
import { loadScenarioText } from '../sim/scenario/load.js';
import { simulate, type RunResult } from '../sim/engine/simulate.js';
import { EngineError } from '../sim/engine/errors.js';
import { outputProblem } from '../tools/fuzz/outputInvariants.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, FIXED_DEMAND, FIXED_GAS, FIXED_RATE, filterLife_h, FLUID_NEUTRAL, run, sets } from './helpers/scenarios.js';

afterEach(() => vi.restoreAllMocks());

type Doc = Record<string, unknown>;
const bundled = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Doc;

/** A bundled scenario edited as JSON (e.g. a timeline, or a field removed), with --set style overrides. */
function runEdited(file: string, edit: (doc: Doc) => void, values: Record<string, string> = {}): RunResult {
  const doc = bundled(file);
  edit(doc);
  return simulate(loadScenarioText(JSON.stringify(doc), file, sets(values), { uncalibrated: true }));
}

function expectSound(r: RunResult): RunResult {
  expect(outputProblem(r)).toBeNull();
  for (const [what, b] of Object.entries(r.summary.mass_balance)) expect(b.relative_residual, what).toBeLessThan(1e-6);
  return r;
}

/** The CLI, in-process: exit code and what it wrote to stderr. */
async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const code = await main(args);
  return { code, stderr: err.mock.calls.map((c) => String(c[0])).join('') };
}

const clampAt = (line: string, on_h: number, off_h: number) => (doc: Doc) => {
  doc.timeline = [
    { at: `${on_h} h`, set: { [`circuit.clamps.${line}`]: true } },
    { at: `${off_h} h`, set: { [`circuit.clamps.${line}`]: false } },
  ];
};

describe('the pump', () => {
  it('stopped (0 rpm): no effective ECMO flow; SaO2 and PaCO2 fall back to what the native lung gives', () => {
    // the same blood as the native run's: no prime (it dilutes hemoglobin) and no oncotic shift (the filter's albumin
    // loss concentrates the blood), so that only the stopped pump separates the two; the heater and the filter's fluid
    // change the temperature, and VO2 with it (and CO2 production, which follows it): the demand held here
    const heldPatient = { ...FIXED_DEMAND, ...FLUID_NEUTRAL }; // and no fluid in or out: the two patients' volumes alike
    const stopped = expectSound(
      run(DEFAULT_ECMO, {
        duration: '2 h',
        'circuit.pump.speed': '0 rpm',
        'circuit.primeVolume': '0 mL',
        'filter.setVolume': '0 mL',
        'patient.fluids.proteinReflection': '0',
        ...heldPatient,
        ...FIXED_GAS, // the ventilator at its starting rate in both runs: the native lung's own PaCO2
      }),
    );
    const native = expectSound(run(DEFAULT_STANDARD, { duration: '2 h', ...heldPatient, ...FIXED_RATE }));
    for (const t of [0, 1, 2]) {
      expect(at(stopped, 'effective_flow_L_min', t)).toBe(0);
      // only the hemofilter's own pump moves blood, around its limb through the stopped pump
      expect(Math.abs(at(stopped, 'pump_flow_L_min', t))).toBeLessThan(0.5);
      expect(at(stopped, 'sao2_pct', t)).toBeCloseTo(at(native, 'sao2_pct', t), 6);
      expect(at(stopped, 'paco2_mmHg', t)).toBeCloseTo(stopped.scenario.patient.lung.co2Production / stopped.scenario.patient.lung.co2Conductance, 6);
    }
    // no head: the pressures around the pump stay near the venous pressure
    expect(Math.abs(at(stopped, 'p_drainage_mmHg', 1) - at(stopped, 'p_venous_mmHg', 1))).toBeLessThan(5);
    expect(Math.abs(at(stopped, 'p_post_oxygenator_mmHg', 1) - at(stopped, 'p_venous_mmHg', 1))).toBeLessThan(5);
  });
  it('stopped during the run: flow and saturation drop at once and recover when it restarts', () => {
    const r = expectSound(
      runEdited(DEFAULT_ECMO, (d) => {
        d.duration = '6 h';
        d.timeline = [
          { at: '2 h', set: { 'circuit.pump.speed': '0 rpm' } },
          { at: '4 h', set: { 'circuit.pump.speed': '3000 rpm' } },
        ];
      }),
    );
    expect(at(r, 'effective_flow_L_min', 1)).toBeGreaterThan(3);
    expect(at(r, 'effective_flow_L_min', 3)).toBe(0);
    expect(at(r, 'sao2_pct', 3)).toBeLessThan(at(r, 'sao2_pct', 1) - 5);
    expect(at(r, 'effective_flow_L_min', 5)).toBeCloseTo(at(r, 'effective_flow_L_min', 1), 1);
  });
});

describe('clamps', () => {
  it('drainage line clamped: ~0 drainage flow and a very negative pre-pump pressure; no effective flow', () => {
    const r = expectSound(run(DEFAULT_ECMO, { duration: '2 h', 'circuit.clamps.drainageLine': 'true' }));
    expect(Math.abs(at(r, 'drainage_flow_L_min', 1))).toBeLessThan(1e-3);
    expect(at(r, 'p_drainage_mmHg', 1)).toBeLessThan(-300); // the pump pulls against the clamp
    expect(at(r, 'effective_flow_L_min', 1)).toBeLessThan(1e-3);
    // the return side is connected to the patient with no flow: it sits at the venous pressure
    expect(at(r, 'p_post_oxygenator_mmHg', 1)).toBeCloseTo(at(r, 'p_venous_mmHg', 1), 0);
  });
  it('return line clamped: ~0 return flow and the post-oxygenator pressure rises toward the pump shutoff head', () => {
    const open = run(DEFAULT_ECMO, { duration: '2 h' });
    const r = expectSound(run(DEFAULT_ECMO, { duration: '2 h', 'circuit.clamps.returnLine': 'true' }));
    expect(Math.abs(at(r, 'return_flow_L_min', 1))).toBeLessThan(1e-3);
    expect(at(r, 'effective_flow_L_min', 1)).toBeLessThan(1e-3);
    expect(at(r, 'p_post_oxygenator_mmHg', 1)).toBeGreaterThan(350);
    expect(at(r, 'p_post_oxygenator_mmHg', 1)).toBeGreaterThan(at(open, 'p_post_oxygenator_mmHg', 1) + 200);
    // the pump now only feeds the hemofilter limb
    expect(at(r, 'pump_flow_L_min', 1)).toBeCloseTo(at(r, 'filter_blood_flow_mL_min', 1) / 1000, 2);
  });
  it('filter limb clamped: the hemofilter stops (no effluent, its pressures absent) and the ECMO flow is unaffected', () => {
    const open = run(DEFAULT_ECMO, { duration: '2 h' });
    const r = expectSound(run(DEFAULT_ECMO, { duration: '2 h', 'circuit.clamps.filterLimb': 'true' }));
    expect(at(r, 'filter_blood_flow_mL_min', 1)).toBe(0);
    expect(at(r, 'effluent_rate_mL_h', 1)).toBe(0);
    expect(Number.isNaN(at(r, 'tmp_mmHg', 1))).toBe(true);
    expect(r.summary.mass_balance.il6.removed_in_effluent).toBe(0);
    // no shunt through the limb: return flow = pump flow, a little more effective flow
    expect(at(r, 'return_flow_L_min', 1)).toBeCloseTo(at(r, 'pump_flow_L_min', 1), 9);
    expect(at(r, 'effective_flow_L_min', 1)).toBeGreaterThan(at(open, 'effective_flow_L_min', 1));
  });
  it.each([
    ['drainageLine', 'drainage_flow_L_min'],
    ['returnLine', 'return_flow_L_min'],
    ['filterLimb', 'filter_blood_flow_mL_min'],
  ] as const)('%s clamped from 2 h to 4 h by the timeline: its flow stops while clamped and returns after', (line, flow) => {
    // without a prime: its dilution of plasma protein shifts fluid out over the first hours, which moves drainage
    const r = expectSound(runEdited(DEFAULT_ECMO, clampAt(line, 2, 4), { duration: '6 h', 'circuit.primeVolume': '0 mL' }));
    expect(Math.abs(at(r, flow, 1))).toBeGreaterThan(0.3);
    expect(Math.abs(at(r, flow, 3))).toBeLessThan(1e-3);
    expect(at(r, flow, 5)).toBeCloseTo(at(r, flow, 1), line === 'filterLimb' ? 9 : 1);
    expect(r.events.filter((e) => e.type === 'setting_change').map((e) => e.t_h)).toEqual([2, 4]);
  });
});

describe('the hemofilter', () => {
  it('fully clotted at 2 h (fault 100 %): changed at once, no filtration during the downtime, a clean filter after', () => {
    const r = expectSound(runEdited(DEFAULT_ECMO, (d) => (d.timeline = [{ at: '2 h', fault: { filterClot: '100 %' } }]), { duration: '6 h' }));
    const change = r.events.find((e) => e.type === 'filter_change');
    expect(change?.t_h).toBe(2);
    expect(change?.reason).toMatch(/clotted \(100 % of fibres\)/);
    expect(r.events.find((e) => e.type === 'filter_start')?.t_h).toBeCloseTo(2.5, 9);
    expect(at(r, 'effluent_rate_mL_h', 2.25)).toBe(0);
    expect(Number.isNaN(at(r, 'tmp_mmHg', 2.25))).toBe(true);
    expect(at(r, 'filter_clotted_pct', 3)).toBeLessThan(5);
    expect(at(r, 'tmp_mmHg', 3)).toBeLessThan(at(r, 'tmp_mmHg', 1) + 20);
    expect(r.summary.delivered_dose_mL_kg_h).toBeLessThan(r.summary.prescribed_dose_mL_kg_h!);
  });
  it('dose 0 mL/kg/h: no effluent, nothing removed in it; TMP is the oncotic pressure alone', () => {
    const r = expectSound(run(DEFAULT_ECMO, { duration: '24 h', 'prescription.effluentDose': '0 mL/kg/h' }));
    expect(r.series.effluent_rate_mL_h.every((v) => v === 0)).toBe(true);
    expect(r.summary.delivered_dose_mL_kg_h).toBe(0);
    expect(r.summary.albumin_lost_g).toBe(0);
    for (const b of Object.values(r.summary.mass_balance)) expect(b.removed_in_effluent).toBe(0);
    expect(at(r, 'filtration_fraction', 1)).toBe(0);
    expect(at(r, 'tmp_mmHg', 1)).toBeGreaterThan(10);
    expect(at(r, 'tmp_mmHg', 1)).toBeLessThan(30); // ~20 mmHg of oncotic pressure at 58 g/L protein
    // adsorption still clears some IL-6 on a fresh membrane
    expect(at(r, 'il6_clearance_mL_min', 0)).toBeCloseTo(r.scenario.filter!.adsorption.il6InitialClearance, 9);
  });
  it('dose 200 mL/kg/h with the default filter: refused (exit 2) with the TMP it would need, no stack trace', async () => {
    const { code, stderr } = await cli(['run', DEFAULT_ECMO, '--set', 'prescription.effluentDose=200 mL/kg/h', '--hours', '1']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/prescription\.effluentDose: got 200 mL\/kg\/h \(= 16000 mL\/h for 80 kg\): a new filter .* needs a TMP of \d+ mmHg/);
    expect(stderr).not.toMatch(/\n\s+at |\.(ts|js):\d+:\d+|engine failure/);
  });
  it('dose 200 mL/kg/h with 600 mL/min filter blood flow and a Kuf of 500 mL/h/mmHg: runs; FF high but below 50 %', () => {
    const r = expectSound(
      run(DEFAULT_ECMO, {
        duration: '24 h',
        'prescription.effluentDose': '200 mL/kg/h',
        'prescription.filterBloodFlow': '600 mL/min',
        'filter.ultrafiltrationCoefficient': '500 mL/h/mmHg',
      }),
    );
    expect(at(r, 'effluent_rate_mL_h', 1)).toBe(16000);
    expect(at(r, 'filtration_fraction', 1)).toBeGreaterThan(0.3);
    expect(at(r, 'filtration_fraction', 1)).toBeLessThan(0.5);
    expect(r.summary.delivered_dose_mL_kg_h).toBeGreaterThan(180);
    // four times the standard dose removes more IL-6 than the standard dose does
    expect(r.summary.il6_change_pct).toBeLessThan(run(DEFAULT_ECMO, { duration: '24 h' }).summary.il6_change_pct);
  });
});

describe('anticoagulation', () => {
  it('no heparin (infusion 0, no titration): aPTT stays at baseline and the filter clots sooner', () => {
    const none = { 'prescription.heparin.infusion': '0 U/h', 'prescription.heparin.titrate': 'false' };
    const r = expectSound(run(DEFAULT_ECMO, { duration: '24 h', ...none }));
    expect(r.series.aptt_s.every((v) => v === r.scenario.kinetics.heparin.apttBaseline)).toBe(true);
    expect(r.series.heparin_U_mL.every((v) => v === 0)).toBe(true);
    expect(r.events.some((e) => e.type === 'heparin_titration')).toBe(false);
    expect(filterLife_h(none)).toBeLessThan(filterLife_h());
    // thrombus in the oxygenator grows faster too: its pressure drop rises more
    const withHeparin = run(DEFAULT_ECMO, { duration: '24 h' });
    const rise = (x: RunResult) =>
      at(x, 'dp_oxygenator_mmHg', 24) / at(x, 'pump_flow_L_min', 24) - at(x, 'dp_oxygenator_mmHg', 0) / at(x, 'pump_flow_L_min', 0);
    expect(rise(r)).toBeGreaterThan(rise(withHeparin));
  });
});

describe('patients at both ends of the weight range', () => {
  /** The bundled file gives 5600 mL of blood (80 kg); without it the default is 70 mL/kg. */
  const patient = (weight: string, hours = '48 h') =>
    expectSound(
      runEdited(DEFAULT_ECMO, (d) => {
        delete (d.patient as Doc).intravascularVolume;
        (d.patient as Doc).weight = weight;
        d.duration = hours;
      }),
    );
  const light = patient('40 kg');
  const heavy = patient('180 kg');
  it('per-kg quantities scale with weight: blood volume 70 mL/kg, effluent 45 mL/kg/h, heparin 18 U/kg/h', () => {
    for (const [r, kg] of [
      [light, 40],
      [heavy, 180],
    ] as const) {
      // the patient's 70 mL/kg and the circuit's prime, mixed at cannulation
      expect(at(r, 'intravascular_volume_mL', 0)).toBeCloseTo(70 * kg + r.scenario.circuit!.primeVolume + r.scenario.filter!.setVolume, 6);
      expect(at(r, 'effluent_rate_mL_h', 0)).toBeCloseTo(45 * kg, 6);
      expect(at(r, 'heparin_infusion_U_h', 0)).toBeCloseTo(18 * kg, 6);
      expect(r.summary.delivered_dose_mL_kg_h!).toBeLessThanOrEqual(45 + 1e-9);
      expect(r.summary.delivered_dose_mL_kg_h!).toBeGreaterThan(35);
    }
  });
  it('the same filter blood flow carries 4.5× the effluent for 180 kg: higher FF and TMP, more filter changes', () => {
    expect(at(heavy, 'filtration_fraction', 0)).toBeGreaterThan(3 * at(light, 'filtration_fraction', 0));
    expect(at(heavy, 'tmp_mmHg', 0)).toBeGreaterThan(at(light, 'tmp_mmHg', 0));
    expect(heavy.summary.filter_changes.length).toBeGreaterThan(light.summary.filter_changes.length);
  });
});

describe('long runs and exhausted patients', () => {
  it('30 days (720 h): a filter change at least every 24 h, balances closed, IL-6 finite and positive throughout', () => {
    const r = expectSound(run(DEFAULT_ECMO, { duration: '720 h' }));
    expect(r.series.time_h.at(-1)).toBe(720);
    expect(r.summary.filter_changes.length).toBeGreaterThanOrEqual(29);
    expect(r.summary.filters_used).toBe(r.summary.filter_changes.length + 1);
    const lives = r.summary.filter_lives_h;
    expect(Math.max(...lives)).toBeLessThanOrEqual(24 + 1e-6);
    for (const v of r.series.il6_pg_mL) expect(Number.isFinite(v) && v > 0).toBe(true);
    // the dose delivered is the prescription less the downtime of ~30 changes × 30 min
    expect(r.summary.delivered_dose_mL_kg_h!).toBeCloseTo(45 * (1 - r.summary.downtime_h / 720), 6);
  });
  it('90 days (the longest run accepted) sampled every minute (129 601 samples): runs, and the summary reads them all', () => {
    const r = expectSound(run(DEFAULT_ECMO, { duration: '2160 h', outputInterval: '1 min' }));
    expect(r.series.time_h.length).toBe(129_601);
    let peak = -Infinity;
    for (const v of r.series.tmp_mmHg) if (v > peak) peak = v;
    expect(r.summary.peak_tmp_mmHg).toBe(peak);
    expect(peak).toBeGreaterThan(at(r, 'tmp_mmHg', 0) + 50); // the membrane fouls before each 24 h change
    expect(r.summary.max_filtration_fraction).toBeGreaterThan(0);
  }, 60_000);
  it('removing 1000 mL/h from a 40 kg patient stops with the cause (fluid exhausted, or plasma concentrated past survival), never a hematocrit above 80 %', () => {
    const stop = () =>
      runEdited(
        DEFAULT_ECMO,
        (d) => {
          delete (d.patient as Doc).intravascularVolume;
        },
        { 'patient.weight': '40 kg', 'prescription.netUltrafiltration': '1000 mL/h', duration: '72 h' },
      );
    expect(stop).toThrow(EngineError);
    // whichever comes first: the body's fluid runs out, the plasma's albumin passes 100 g/L (the membrane keeps it back
    // while water leaves), or the concentrated blood needs more TMP than a new filter allows
    expect(stop).toThrow(
      /at \d+\.\d+ h (the (patient has lost more fluid than the body holds|interstitial fluid is used up|plasma has been filtered away around its protein).*net ultrafiltration 1000 mL\/h.*40\.0 kg|a new filter already needs a TMP .*too concentrated.*hematocrit ([0-7]?\d(\.\d)?) %.*net ultrafiltration 1000 mL\/h, patient 40 kg)/,
    );
  });
  it('2000 mL/h of fluid into a 40 kg patient stops with the cause (venous pressure above 50 mmHg)', () => {
    expect(() =>
      runEdited(DEFAULT_ECMO, (d) => delete (d.patient as Doc).intravascularVolume, {
        'patient.weight': '40 kg',
        'patient.fluids.infusion': '2000 mL/h',
        duration: '72 h',
      }),
    ).toThrow(/the patient is overloaded with fluid: venous pressure 50 mmHg, above 50 mmHg/);
  });
});
