/**
 * The live view's address settings (src/urlSettings.ts, issue 16): `?scenario=<id>&set=<path>=<value>` is checked
 * with the scenario's own resolution, so what the live view loads is what the command line's `run --set` would run,
 * and every mistake is named in the page's words (the field, the value, what was expected; no command-line flag).
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../sim/scenario/load';
import { bundledCalibration } from '../src/engine/bundledCalibration';
import { BUNDLED_SCENARIOS } from '../src/scenarios';
import { liveViewAddress, settingsFromAddress } from '../src/urlSettings';
import { asksForSettings } from '../src/openAddress';
import { parameterOf, runAddress, runOrigin } from '../src/explorer/runLink';

const resolved = (text: string) => loadScenarioText(text, 'test', [], { resolveCalibration: bundledCalibration });

/** The message of the error an address gives. */
function mistake(search: string): string {
  try {
    settingsFromAddress(search);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${search}: no error`);
}

describe('the live view opened with settings in its address', () => {
  it('asks for nothing when the address names no scenario and no setting', () => {
    expect(settingsFromAddress('')).toBeUndefined();
    expect(settingsFromAddress('?renderer=canvas&perf')).toBeUndefined();
  });

  it('is checked (urlSettings.ts imported) exactly when it holds more than the page switches renderer and perf', () => {
    const asks = (search: string) => {
      try {
        return settingsFromAddress(search) !== undefined;
      } catch {
        return true; // a mistake to show
      }
    };
    const addresses = ['', '?perf', '?renderer=canvas&perf', '?scenario=ecmo-hvhf-default', '?set=circuit.pump.speed=3200%20rpm', '?sett=x', '?perf&zoom=2'];
    for (const search of addresses) expect(asksForSettings(search), search).toBe(asks(search));
    expect(addresses.filter(asksForSettings)).toHaveLength(4);
  });

  it('loads the bundled scenario with the set values in force, as `run --set` writes them in', () => {
    const s = settingsFromAddress('?scenario=ecmo-hvhf-default&set=prescription.effluentDose=60%20mL/kg/h&set=prescription.predilutionFraction=0.5')!;
    expect(s.scenario.id).toBe('ecmo-hvhf-default');
    expect(s.source).toBe('ecmo-hvhf-default.json with 2 settings from the address');
    const base = resolved(BUNDLED_SCENARIOS[0].text);
    const set = resolved(s.text);
    expect(base.prescription.effluentDose).toBe(45);
    expect(set.prescription.effluentDose).toBe(60);
    expect(set.prescription.predilutionFraction).toBe(0.5);
    // everything else as the bundled scenario resolves it, its calibration included
    expect({ ...set, prescription: base.prescription }).toEqual(base);
  });

  it('takes a per-kg value for a field that accepts one, multiplied by the patient’s weight', () => {
    const s = settingsFromAddress('?scenario=ecmo-hvhf-default&set=prescription.heparin.infusion=20%20U/kg/h')!;
    const scenario = resolved(s.text);
    expect(scenario.patient.weight).toBe(80);
    expect(scenario.prescription.heparin.infusion).toBeCloseTo(20 * 80, 9);
  });

  it('builds the address the explorer’s points open, which reads back to the same settings', () => {
    const overrides = [
      { path: 'prescription.effluentDose', value: '52.5 mL/kg/h' },
      { path: 'prescription.filterBloodFlow', value: '0.3 L/min' },
    ];
    const address = liveViewAddress('standard-care-default', overrides);
    expect(address).toMatch(/^\.\/\?scenario=standard-care-default&set=/);
    const back = settingsFromAddress(address.slice(2));
    expect(back?.scenario.id).toBe('standard-care-default');
    expect(back?.overrides).toEqual(overrides);
  });

  it('names an unknown scenario with the ones the page bundles', () => {
    expect(mistake('?scenario=ecmo-default')).toBe(
      'the page address: 1 problem\n  scenario: got "ecmo-default"; expected one of the bundled scenarios: ecmo-hvhf-default, standard-care-default',
    );
  });

  it('names an unknown field with the nearest one, and a malformed or repeated setting', () => {
    expect(mistake('?set=prescription.efluentDose=40%20mL/kg/h')).toMatch(
      /set=prescription\.efluentDose=40 mL\/kg\/h: unknown scenario field \(did you mean "prescription\.effluentDose"\?\)/,
    );
    expect(mistake('?set=prescription.effluentDose')).toMatch(/no "=" between the field and its value; expected set=<field>=<value>/);
    expect(mistake('?set=prescription.effluentDose=')).toMatch(/prescription\.effluentDose: no value/);
    expect(mistake('?set=prescription.effluentDose=40%20mL/kg/h&set=prescription.effluentDose=50%20mL/kg/h')).toMatch(/prescription\.effluentDose: set twice/);
    expect(mistake('?sett=prescription.effluentDose=40')).toMatch(/sett: unknown parameter of the address; expected scenario, set, renderer, perf/);
  });

  it('refuses a value outside its limits or in the wrong unit, naming the field, the value and what was expected', () => {
    const limits = mistake('?scenario=ecmo-hvhf-default&set=prescription.effluentDose=500%20mL/kg/h');
    expect(limits).toMatch(/^ecmo-hvhf-default\.json with 1 setting from the address: 1 problem/);
    expect(limits).toMatch(/prescription\.effluentDose: .*500.*0.*200/);
    const unit = mistake('?set=prescription.effluentDose=40%20mmHg');
    expect(unit).toMatch(/prescription\.effluentDose: .*mmHg.*mL\/kg\/h/);
    const flag = mistake('?set=prescription.heparin.titrate=yes');
    expect(flag).toMatch(/^the page address: 1 problem\n {2}prescription\.heparin\.titrate: got "yes"; expected true or false/);
  });

  it('speaks the page’s language: no command-line option in any message', () => {
    for (const search of ['?scenario=x', '?set=a.b=1', '?set=prescription.effluentDose=500%20mL/kg/h', '?set=prescription.heparin.titrate=yes', '?x=1']) {
      expect(mistake(search)).not.toMatch(/--[a-z]/);
    }
  });
});

describe('a sweep’s run as the live view’s address (src/explorer/runLink.ts)', () => {
  it('reads a parameter column back to its field and unit, per kg included', () => {
    expect(parameterOf('prescription.effluentDose_mL_kg_h')).toEqual({ path: 'prescription.effluentDose', unit: 'mL/kg/h' });
    expect(parameterOf('prescription.predilutionFraction_fraction')).toEqual({ path: 'prescription.predilutionFraction', unit: '1' });
    expect(parameterOf('prescription.heparin.infusion_U_kg_h')).toEqual({ path: 'prescription.heparin.infusion', unit: 'U/kg/h' });
    expect(parameterOf('prescription.heparin.infusion_U_h')).toEqual({ path: 'prescription.heparin.infusion', unit: 'U/h' });
    expect(parameterOf('prescription.effluentDose_mmHg')).toBeUndefined();
    expect(parameterOf('il6_change_pct')).toBeUndefined();
  });

  it('opens a run of a bundled scenario’s sweep with its values, and says why another file’s cannot be opened', () => {
    const identity = (file: string) => `# sweep ${JSON.stringify({ simulator: '0.1.0', scenario: { file, sha256: 'x' } })}\nrun_id\n`;
    const parameters = ['prescription.effluentDose_mL_kg_h', 'prescription.heparin.infusion_U_kg_h'];
    const row = { run_id: 3, 'prescription.effluentDose_mL_kg_h': 52.5, 'prescription.heparin.infusion_U_kg_h': 20 };
    const address = runAddress(runOrigin(identity('ecmo-hvhf-default.json')), row, parameters)!;
    const settings = settingsFromAddress(address.slice(2))!;
    expect(settings.overrides).toEqual([
      { path: 'prescription.effluentDose', value: '52.5 mL/kg/h' },
      { path: 'prescription.heparin.infusion', value: '20 U/kg/h' },
    ]);
    expect(resolved(settings.text).prescription.heparin.infusion).toBeCloseTo(1600, 9);
    expect(runOrigin(identity('my-patient.json'))).toEqual({ why: 'the sweep ran my-patient.json, which the live view does not bundle' });
    expect(runOrigin('run_id,error\n')).toEqual({ why: 'the results file does not say which scenario it ran (no "# sweep" line)' });
  });
});
