/**
 * The filter limb's connection sites (sim/circuit/network.ts, circuitNow.ts; docs/models/hemofilter.md,
 * "Connection sites and the circuit's blood"): the limb is a branch of the circuit with the CRRT blood pump as an
 * occlusive flow source, so its ports sit at the pressures of the segments it joins, set by the ECMO pump's operating
 * point; its shunt passes through the elements between its ports. The site's risks fire where they should only.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ECMO, run, runWithTimeline } from './helpers/scenarios.js';
import type { RunResult } from '../sim/engine/simulate.js';
import { plasmaTemperatureFactor } from '../sim/blood.js';
import { BAROMETRIC_mmHg, degassingPressure_mmHg, WATER_VAPOUR_37C_mmHg } from '../sim/circuit/degassing.js';
import { accessBloodGas, nitrogenAtEquilibrium_mmHg, venousNitrogen_mmHg, type AccessBloodInputs } from '../sim/patient/gasExchange/accessBloodGas.js';
import { po2FromSaturation } from '../sim/patient/gasExchange/gasExchange.js';

const SITES = ['postOxygenatorToPrePump', 'postPumpToPrePump', 'preOxygenator', 'separateCatheter'] as const;
type Site = (typeof SITES)[number];
const atSite = (site: Site, extra: Record<string, string> = {}) => run(DEFAULT_ECMO, { duration: '1 h', 'circuit.filterLimb.connection': site, ...extra });
const runs = Object.fromEntries(SITES.map((s) => [s, atSite(s)])) as Record<Site, RunResult>;
const first = (r: RunResult, name: string) => r.series[name][0];
const alarms = (r: RunResult) => r.events.filter((e) => e.type === 'limb_alarm').map((e) => e.reason);

describe('each site puts the limb’s ports at the pressures of the segments it joins', () => {
  it('the return port is the pre-pump line for the pre-pump returns, the pre-oxygenator line for the pre-oxygenator loop', () => {
    for (const s of ['postOxygenatorToPrePump', 'postPumpToPrePump'] as const)
      expect(first(runs[s], 'p_limb_return_port_mmHg'), s).toBe(first(runs[s], 'p_drainage_mmHg'));
    expect(first(runs.preOxygenator, 'p_limb_return_port_mmHg')).toBe(first(runs.preOxygenator, 'p_pre_oxygenator_mmHg'));
  });
  it('access = access port − the access line’s drop, the same at every circuit site but for the blood’s temperature there (same filter blood flow)', () => {
    const drop = (s: Site, port: string) => first(runs[s], port) - first(runs[s], 'p_access_mmHg');
    const postOxy = drop('postOxygenatorToPrePump', 'p_post_oxygenator_mmHg');
    expect(postOxy).toBeGreaterThan(0);
    // pre-oxygenator the blood is at the core temperature; post-oxygenator the heater has drawn it towards its set
    // point (loopTemperature.ts), and the line's viscous drop scales with the blood's viscosity (blood.ts)
    const s = runs.postOxygenatorToPrePump.scenario;
    const core = first(runs.postOxygenatorToPrePump, 'temperature_C');
    const outlet = core + s.circuit!.heater.performanceFactor * (s.circuit!.heater.setPoint - core);
    const preOxy = (postOxy * plasmaTemperatureFactor(core)) / plasmaTemperatureFactor(outlet);
    expect(drop('postPumpToPrePump', 'p_pre_oxygenator_mmHg')).toBeCloseTo(preOxy, 9);
    expect(drop('preOxygenator', 'p_pre_oxygenator_mmHg')).toBeCloseTo(preOxy, 9);
  });
  it('taking off post-pump rather than post-oxygenator raises the access pressure by about the oxygenator’s drop', () => {
    const rise = first(runs.postPumpToPrePump, 'p_access_mmHg') - first(runs.postOxygenatorToPrePump, 'p_access_mmHg');
    expect(rise).toBeGreaterThan(0.9 * first(runs.postPumpToPrePump, 'dp_oxygenator_mmHg'));
    expect(rise).toBeLessThan(1.1 * first(runs.postPumpToPrePump, 'dp_oxygenator_mmHg'));
  });
  it('a separate catheter draws below and returns above the central venous pressure, and both ports are the catheter’s', () => {
    const r = runs.separateCatheter;
    expect(first(r, 'p_access_mmHg')).toBeLessThan(first(r, 'p_venous_mmHg'));
    expect(first(r, 'p_limb_return_port_mmHg')).toBeGreaterThan(first(r, 'p_venous_mmHg'));
  });
  it('the filter’s inlet, outlet and effluent follow the return port: positive on the pre-oxygenator loop, negative pre-pump', () => {
    expect(first(runs.preOxygenator, 'p_filter_out_mmHg')).toBeGreaterThan(first(runs.preOxygenator, 'p_limb_return_port_mmHg'));
    expect(first(runs.postOxygenatorToPrePump, 'p_filter_out_mmHg')).toBeLessThan(0);
    expect(first(runs.preOxygenator, 'p_effluent_mmHg')).toBeGreaterThan(first(runs.postOxygenatorToPrePump, 'p_effluent_mmHg'));
  });
});

describe('the limb’s shunt passes through the elements between its ports', () => {
  const limbReturn = (r: RunResult) =>
    first(r, 'filter_blood_flow_mL_min') / 1000 -
    first(r, 'effluent_rate_mL_h') / 60_000 +
    first(r, 'postdilution_rate_mL_h') / 60_000 +
    first(r, 'predilution_rate_mL_h') / 60_000;
  it('returning pre-pump, the pump carries the drainage plus the limb’s return; otherwise the drainage alone', () => {
    for (const s of ['postOxygenatorToPrePump', 'postPumpToPrePump'] as const)
      expect(first(runs[s], 'pump_flow_L_min') - first(runs[s], 'drainage_flow_L_min'), s).toBeCloseTo(limbReturn(runs[s]), 9);
    for (const s of ['preOxygenator', 'separateCatheter'] as const)
      expect(first(runs[s], 'pump_flow_L_min'), s).toBeCloseTo(first(runs[s], 'drainage_flow_L_min'), 9);
  });
  it('a shunt through the pump lowers the flow returned to the patient', () => {
    expect(first(runs.postOxygenatorToPrePump, 'return_flow_L_min')).toBeLessThan(first(runs.preOxygenator, 'return_flow_L_min'));
    expect(first(runs.postPumpToPrePump, 'return_flow_L_min')).toBeLessThan(first(runs.preOxygenator, 'return_flow_L_min'));
  });
});

describe('the site’s risks fire where they should and nowhere else', () => {
  it('a return into the negative-pressure pre-pump line (air entrainment) for the pre-pump returns only', () => {
    for (const s of SITES) {
      const fired = alarms(runs[s]).some((a) => a.includes('negative-pressure segment'));
      expect(fired, s).toBe(s === 'postOxygenatorToPrePump' || s === 'postPumpToPrePump');
    }
  });
  it('an access above the CRRT machine’s limit where the access pressure exceeds it, only there', () => {
    // a 110 mmHg limit lies between the post-oxygenator access (~101 mmHg) and the post-pump ones (~124–132 mmHg)
    for (const s of SITES) {
      const r = atSite(s, { 'circuit.filterLimb.accessMaximum': '110 mmHg' });
      const fired = alarms(r).some((a) => a.includes('above the 110 mmHg'));
      expect(fired, s).toBe(first(r, 'p_access_mmHg') > 110);
      expect(fired, s).toBe(s === 'postPumpToPrePump' || s === 'preOxygenator');
    }
  });
  it('an access below the machine’s negative limit on the separate catheter only', () => {
    for (const s of SITES) {
      const r = atSite(s, { 'circuit.filterLimb.accessMinimum': '-30 mmHg' });
      expect(
        alarms(r).some((a) => a.includes('below the CRRT machine')),
        s,
      ).toBe(s === 'separateCatheter');
    }
  });
  it('no risk while the limb is clamped (it does not flow); one that ends when it is clamped is logged as cleared', () => {
    expect(alarms(atSite('postOxygenatorToPrePump', { 'circuit.clamps.filterLimb': 'true' }))).toEqual([]);
    const r = runWithTimeline(DEFAULT_ECMO, [{ at: '0.5 h', set: { 'circuit.clamps.filterLimb': true } }], { duration: '1 h' });
    expect(alarms(r)).toEqual([
      expect.stringContaining('negative-pressure segment'),
      expect.stringContaining('gas tension of the ultrafiltrate'),
      'cleared: filter limb return into a negative-pressure segment',
      'cleared: effluent pressure below the gas tension of the ultrafiltrate',
    ]);
  });

  // docs/models/hemofilter.md, "Effluent degassing": T = PO2 + PCO2 + PN2 + 47 against 760 mmHg, at the tensions
  // of the blood the limb draws from its site
  it('effluent degassing wherever the effluent pressure lies below the gas tension of the blood the limb draws, nowhere else', () => {
    for (const fio2 of ['1', '0.5']) {
      for (const s of SITES) {
        const r = atSite(s, { 'circuit.oxygenator.fio2': fio2 });
        const below = first(r, 'p_effluent_mmHg') < first(r, 'p_effluent_degassing_mmHg');
        const fired = alarms(r).some((a) => a.includes('gas tension of the ultrafiltrate'));
        expect(fired, `${s} at FiO2 ${fio2}`).toBe(below);
        // at the cohort's sweep FiO2 1.0 its pre-pump return degasses; at 0.5 the bundle's outlet PO2 (72 mmHg at the
        // start) is far below the sweep's and the blood holds less gas than the effluent's pressure would release
        if (s === 'postOxygenatorToPrePump') expect(fired, `the cohort’s site at FiO2 ${fio2}`).toBe(fio2 === '1');
      }
    }
  });
  it('post-oxygenator ultrafiltrate carries the post-oxygenator PO2 and PCO2 and the sweep’s N2', () => {
    const r = atSite('postOxygenatorToPrePump', { 'circuit.oxygenator.fio2': '0.5' });
    const expected = degassingPressure_mmHg({
      po2_mmHg: first(r, 'post_oxygenator_po2_mmHg'),
      pco2_mmHg: first(r, 'post_oxygenator_pco2_mmHg'),
      n2_mmHg: nitrogenAtEquilibrium_mmHg(0.5),
    });
    expect(first(r, 'p_effluent_degassing_mmHg')).toBeCloseTo(expected, 9);
  });
  it('venous and drained blood hold less gas than post-oxygenator blood (the oxygen window): it degasses only at a lower pressure', () => {
    for (const fio2 of ['1', '0.5']) {
      const post = first(atSite('postOxygenatorToPrePump', { 'circuit.oxygenator.fio2': fio2 }), 'p_effluent_degassing_mmHg');
      for (const s of ['postPumpToPrePump', 'preOxygenator', 'separateCatheter'] as const)
        // at FiO2 0.5 the window is small (the bundle's outlet PO2 72 mmHg at the start against a venous ~40): tens of mmHg
        expect(first(atSite(s, { 'circuit.oxygenator.fio2': fio2 }), 'p_effluent_degassing_mmHg'), `${s} at FiO2 ${fio2}`).toBeLessThan(post - 25);
    }
  });
});

describe('the gas tension of ultrafiltrate (sim/circuit/degassing.ts)', () => {
  it('blood at equilibrium with the sweep holds exactly one atmosphere of gas whatever the FiO2: degassing below 0 mmHg gauge', () => {
    // O2 and N2 share the sweep's dry gas, P_b − P_H2O, at FiO2 and 1 − FiO2 (no CO2 left in the blood)
    for (const fio2 of [0.21, 0.5, 1])
      expect(
        degassingPressure_mmHg({ po2_mmHg: fio2 * (BAROMETRIC_mmHg - WATER_VAPOUR_37C_mmHg), pco2_mmHg: 0, n2_mmHg: nitrogenAtEquilibrium_mmHg(fio2) }),
      ).toBeCloseTo(0, 9);
  });
  it('less oxygen, CO2 or N2 in the blood lowers the pressure it degasses at, mmHg for mmHg', () => {
    const at = (po2: number, pco2: number, n2: number) => degassingPressure_mmHg({ po2_mmHg: po2, pco2_mmHg: pco2, n2_mmHg: n2 });
    expect(at(500, 40, 0) - at(600, 40, 0)).toBeCloseTo(-100, 9);
    expect(at(600, 30, 0) - at(600, 40, 0)).toBeCloseTo(-10, 9);
    expect(at(300, 40, 200) - at(300, 40, 250)).toBeCloseTo(-50, 9);
  });
});

describe('venous nitrogen and the tensions of the blood each site draws (sim/patient/gasExchange/accessBloodGas.ts)', () => {
  it('without circuit flow venous N2 is the alveolar N2; with all the cardiac output through the circuit and a full shunt, the sweep’s', () => {
    expect(venousNitrogen_mmHg({ ventilatorFio2: 0.4, sweepFio2: 1, shuntFraction: 0.5, returnShare: 0 })).toBeCloseTo(0.6 * 713, 9);
    expect(venousNitrogen_mmHg({ ventilatorFio2: 0.4, sweepFio2: 0.6, shuntFraction: 1, returnShare: 1 })).toBeCloseTo(0.4 * 713, 9);
  });
  it('hand-computed mixing: sh 0.4, β 0.7, ventilator FiO2 0.3, sweep 1 → N_v = 0.6·499.1 / (1 − 0.4·0.3) = 340.3 mmHg', () => {
    expect(venousNitrogen_mmHg({ ventilatorFio2: 0.3, sweepFio2: 1, shuntFraction: 0.4, returnShare: 0.7 })).toBeCloseTo((0.6 * 0.7 * 713) / 0.88, 9);
  });
  it('drained blood mixes the recirculated share R of post-oxygenator blood with venous blood, linear in PCO2 and N2', () => {
    const i: AccessBloodInputs = {
      postOxygenator: { po2_mmHg: 450, pco2_mmHg: 30 },
      drainedSat: 0.75,
      svo2: 0.65,
      recirculation: 0.2,
      pvco2_mmHg: 50,
      sweepFio2: 0.8,
      venousN2_mmHg: 400,
    };
    const out = { po2_mmHg: NaN, pco2_mmHg: NaN, n2_mmHg: NaN };
    accessBloodGas('drained', i, out);
    expect(out.po2_mmHg).toBeCloseTo(po2FromSaturation(0.75), 9);
    expect(out.pco2_mmHg).toBeCloseTo(0.2 * 30 + 0.8 * 50, 9);
    expect(out.n2_mmHg).toBeCloseTo(0.2 * 0.2 * 713 + 0.8 * 400, 9);
    accessBloodGas('venous', i, out);
    expect(out).toEqual({ po2_mmHg: po2FromSaturation(0.65), pco2_mmHg: 50, n2_mmHg: 400 });
  });
});

describe('a filter on its own catheter is not in series with the ECMO circuit', () => {
  it('its IL-6 clearance is the filter’s whole K, more than through a circuit exchanging at Q (K·Q/(Q + K))', () => {
    const removed = (r: RunResult) => r.series.il6_pg_mL[0] - r.series.il6_pg_mL.at(-1)!;
    expect(removed(runs.separateCatheter)).toBeGreaterThan(removed(runs.preOxygenator));
  });
  it('clamping both ECMO lines leaves it clearing the patient', () => {
    const clamped = atSite('separateCatheter', { 'circuit.clamps.drainageLine': 'true', 'circuit.clamps.returnLine': 'true' });
    expect(clamped.events.some((e) => e.type === 'circuit_blood')).toBe(false);
    const removed = (r: RunResult) => r.summary.mass_balance.il6.removed_in_effluent;
    expect(Math.abs(removed(clamped) / removed(runs.separateCatheter) - 1)).toBeLessThan(1e-4);
  });
});
