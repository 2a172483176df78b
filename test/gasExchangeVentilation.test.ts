/**
 * The native lung on the ventilator (sim/patient/gasExchange/ventilation.ts): the alveolar gas equation and the V/Q
 * drop, the bedside FiO2 protocol, and the lung's recovery with the sepsis drive, which lets respiratory SOFA move.
 */
import { describe, expect, it } from 'vitest';
import {
  alveolarPo2_mmHg,
  endCapillarySaturation,
  FailedWean,
  lungImpairmentRate_per_h,
  nextFio2,
  type Fio2Rule,
} from '../sim/patient/gasExchange/ventilation.js';
import { saturationFromPo2 } from '../sim/patient/gasExchange/gasExchange.js';
import { respiratorySofa } from '../sim/patient/sofa/sofa.js';
import { at, DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

const RULE: Fio2Rule = { targetLow: 0.88, targetHigh: 0.95, step: 0.05, minFio2: 0.21, maxFio2: 1, restFio2OnEcmo: 0.3 };

describe('end-capillary oxygen: alveolar gas equation less the V/Q drop', () => {
  it('PAO2 = FiO2·713 − PaCO2/0.8 (room air at PaCO2 40: 150 − 50 = 100 mmHg)', () => {
    expect(alveolarPo2_mmHg(0.21, 40)).toBeCloseTo(99.73, 2);
    expect(alveolarPo2_mmHg(1, 40)).toBeCloseTo(663, 6);
  });
  it('a V/Q drop lowers the end-capillary saturation, and more FiO2 overcomes it; the ceiling caps it', () => {
    const s = (fio2: number) => endCapillarySaturation(fio2, 40, 100, 1);
    expect(s(0.3)).toBeCloseTo(saturationFromPo2(0.3 * 713 - 50 - 100), 12);
    expect(s(0.25)).toBeLessThan(s(0.3));
    expect(s(0.3)).toBeLessThan(s(0.5));
    expect(endCapillarySaturation(1, 40, 100, 0.98)).toBe(0.98);
    expect(endCapillarySaturation(0.5, 40, 0, 1)).toBeCloseTo(saturationFromPo2(0.5 * 713 - 50), 12);
  });
  it('the impairment relaxes towards the sepsis drive with its time constant', () => {
    expect(lungImpairmentRate_per_h(1, 1, 48)).toBe(0);
    expect(lungImpairmentRate_per_h(1, 0.5, 50)).toBeCloseTo(-0.01, 12);
  });
});

describe('the FiO2 protocol', () => {
  it('FiO2 rises one step below the target and falls one step above it; inside the band it holds', () => {
    expect(nextFio2(RULE, 0.85, 0.5, false)).toBe(0.55);
    expect(nextFio2(RULE, 0.97, 0.5, false)).toBe(0.45);
    expect(nextFio2(RULE, 0.92, 0.5, false)).toBe(0.5);
  });
  it('within the ventilator limits 0.21–1.0', () => {
    expect(nextFio2(RULE, 0.8, 0.98, false)).toBe(1);
    expect(nextFio2(RULE, 0.8, 1, false)).toBe(1);
    expect(nextFio2(RULE, 0.99, 0.23, false)).toBe(0.21);
    expect(nextFio2(RULE, 0.99, 0.21, false)).toBe(0.21);
  });
  it('on ECMO the lung is rested: weaned from the low target down to the rest FiO2, raised only below the target', () => {
    expect(nextFio2(RULE, 0.9, 0.5, true)).toBe(0.45);
    expect(nextFio2(RULE, 0.9, 0.5, false)).toBe(0.5);
    expect(nextFio2(RULE, 0.99, 0.3, true)).toBe(0.3);
    expect(nextFio2(RULE, 0.85, 0.3, true)).toBe(0.35);
  });
  it('a rise that follows a wean is a failed wean: weaning waits the retry time, a rise still goes through (BTS 2017)', () => {
    const memory = new FailedWean();
    expect(memory.changed(1, 0.5, 0.45, 4)).toBe(false); // a wean
    expect(memory.changed(2, 0.45, 0.5, 4)).toBe(true); // undone at the next change
    expect([memory.holds(2), memory.holds(5.5), memory.holds(6)]).toEqual([true, true, false]);
    expect(nextFio2(RULE, 0.9, 0.5, true, true)).toBe(0.5); // on ECMO it would wean at 90 %
    expect(nextFio2(RULE, 0.85, 0.5, true, true)).toBe(0.55);
    // a rise after a rise (the lung worsening) holds nothing
    const worsening = new FailedWean();
    worsening.changed(1, 0.5, 0.55, 4);
    expect(worsening.changed(2, 0.55, 0.6, 4)).toBe(false);
    expect(worsening.holds(2)).toBe(false);
    // a rise from an FiO2 someone else set (the operator, after the protocol's wean) undoes no wean of the protocol's
    const operator = new FailedWean();
    operator.changed(1, 0.5, 0.45, 4);
    expect(operator.changed(2, 0.6, 0.65, 4)).toBe(false);
    expect(operator.holds(2)).toBe(false);
  });
});

describe('FiO2 titration in a run', () => {
  it('standard care below the target: FiO2 climbs one logged step at a time, never past 1.0', () => {
    const r = run(DEFAULT_STANDARD, { duration: '24 h' });
    const steps = r.events.filter((e) => e.type === 'fio2_titration');
    expect(at(r, 'sao2_pct', 0)).toBeLessThan(88);
    expect(steps.length).toBe((1 - 0.5) / 0.05);
    expect(steps.every((e) => /→/.test(e.reason) && e.value! < 0.88)).toBe(true);
    expect(Math.max(...r.series.ventilator_fio2_pct)).toBeCloseTo(100, 9);
  });
  it('on ECMO the ventilator FiO2 comes down to the rest FiO2 and the oxygenator’s sweep FiO2 is untouched', () => {
    const r = run(DEFAULT_ECMO, { duration: '12 h' });
    expect(at(r, 'ventilator_fio2_pct', 12)).toBeCloseTo(30, 9);
    expect(at(r, 'sao2_pct', 12)).toBeGreaterThanOrEqual(88);
    expect(r.scenario.circuit!.oxygenator.fio2).toBe(1);
    expect(r.events.some((e) => e.type === 'setting_change')).toBe(false);
  });
  it('a target band or FiO2 limits that contradict each other are refused, naming the field', () => {
    expect(() => run(DEFAULT_STANDARD, { duration: '1 h', 'patient.lung.fio2Titration.targetLow': '0.96' })).toThrow(
      /patient\.lung\.fio2Titration\.targetLow.*got 0\.96; expected less than targetHigh \(0\.95\)/,
    );
    expect(() => run(DEFAULT_STANDARD, { duration: '1 h', 'patient.lung.fio2Titration.minFio2': '0.6', 'patient.lung.fio2Titration.maxFio2': '0.5' })).toThrow(
      /patient\.lung\.fio2Titration\.minFio2.*expected at most maxFio2 \(0\.5\)/,
    );
  });
  it('a lung whose saturation crosses the band in one step (V/Q drop 200 mmHg) is not weaned and raised at every check on ECMO', () => {
    // at FiO2 0.40 the end-capillary PO2 is ~35 mmHg, at 0.45 ~71: the mix reads ~82 and ~95 %
    const lung = { duration: '24 h', 'patient.lung.ventilationPerfusionDrop': '200 mmHg' };
    const changes = (r: ReturnType<typeof run>) => r.events.filter((e) => e.type === 'fio2_titration');
    const hunting = changes(run(DEFAULT_ECMO, { ...lung, 'patient.lung.fio2Titration.weanRetry': '0 h' }));
    expect(hunting.length).toBeGreaterThanOrEqual(20); // without the hold: down and up again every hour
    const r = run(DEFAULT_ECMO, lung);
    const held = changes(r);
    const { weanRetry, interval } = r.scenario.patient.lung.fio2Titration; // 4 h, hourly checks
    const failed = held.filter((e) => /did not hold the target/.test(e.reason));
    expect(failed.length).toBeGreaterThan(0);
    for (const rise of failed) {
      // after each failed wean FiO2 stays up for the retry time: the next change is a wean that long after or later
      const next = held.find((e) => e.t_h > rise.t_h);
      if (next) expect(next.t_h - rise.t_h).toBeGreaterThanOrEqual(weanRetry - 1e-9);
    }
    // the first two weans, then at most a wean and its undoing every retry time and one check
    expect(held.length).toBeLessThanOrEqual(2 + 2 * Math.ceil(24 / (weanRetry + interval)));
  });
  it('with the protocol off FiO2 stays where it was set', () => {
    const r = run(DEFAULT_STANDARD, { duration: '12 h', 'patient.lung.fio2Titration.titrate': 'false' });
    expect(r.events.some((e) => e.type === 'fio2_titration')).toBe(false);
    expect(at(r, 'ventilator_fio2_pct', 12)).toBeCloseTo(50, 9);
  });
});

describe('the lung recovers as the sepsis drive resolves', () => {
  // A moderate lung (shunt 20 %) and a drive that resolves fully within days: the shunt and the V/Q drop fall with it.
  const recovering = {
    duration: '72 h',
    'patient.lung.shuntFraction': '20 %',
    'kinetics.sepsisDrive.residualFraction': '0',
    'kinetics.sepsisDrive.timeConstant': '24 h',
    'patient.lung.recoveryTimeConstant': '24 h',
  };
  it('respiratory SOFA in standard care improves: FiO2 is weaned and PaO2/FiO2 rises', () => {
    const r = run(DEFAULT_STANDARD, recovering);
    const resp = (t: number) => respiratorySofa(at(r, 'pao2_mmHg', t), at(r, 'ventilator_fio2_pct', t) / 100);
    expect(at(r, 'lung_impairment_pct', 72)).toBeLessThan(0.5 * at(r, 'lung_impairment_pct', 0));
    const weaned = r.events.filter((e) => e.type === 'fio2_titration' && e.value! > 0.95);
    expect(weaned.length).toBeGreaterThan(0);
    expect(at(r, 'ventilator_fio2_pct', 72)).toBeLessThan(at(r, 'ventilator_fio2_pct', 0));
    expect(at(r, 'pao2_fio2_mmHg', 72)).toBeGreaterThan(2 * at(r, 'pao2_fio2_mmHg', 0));
    expect(resp(72)).toBeLessThan(resp(0));
    expect(at(r, 'sofa', 72)).toBeLessThan(at(r, 'sofa', 0));
  });
  it('a lung whose drive does not resolve does not recover', () => {
    const r = run(DEFAULT_STANDARD, { ...recovering, 'kinetics.sepsisDrive.residualFraction': '1' });
    expect(at(r, 'lung_impairment_pct', 72)).toBeCloseTo(100, 6);
  });
});
