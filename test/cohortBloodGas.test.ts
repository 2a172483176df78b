/**
 * The blood gas and the MAP target in the cohort table (sim/cohort/bloodGasFigures.ts): both arms run the unit's
 * blood-gas protocols (the ARDS Network pH protocol on the ventilator's rate; on ECMO the sweep titration), and the
 * table shows the pH and PaCO2 they run at and the share of patients below the norepinephrine protocol's MAP target.
 */
import { describe, expect, it } from 'vitest';
import { loadArm } from '../sim/cohort/loadArm.js';
import { armOverrides, replayArm } from '../sim/cohort/replay.js';
import { cohortCsv, cohortTable } from '../sim/cohort/report.js';
import { METRICS } from '../sim/cohort/metrics.js';
import { seriesAt } from '../sim/cohort/bloodGasFigures.js';
import { checkedProtocol, patientScenario } from '../sim/cohort/patientScenarios.js';
import { runFigures } from '../sim/cohort/runFigures.js';
import { DEFAULT_ECMO, DEFAULT_STANDARD, run } from './helpers/scenarios.js';

const NEW_ROWS = ['ph_baseline', 'ph_24h', 'paco2_baseline_mmHg', 'paco2_24h_mmHg', 'below_map_target_24h_pct'] as const;
const loaded = [loadArm('scenarios/cohort/ecmo-hvhf.json'), loadArm('scenarios/cohort/standard-care.json')];
const arms = loaded.map((a) => replayArm(a, { hours: 24 }));
/** Each arm's protocol scenario with what every patient shares (the arm's settings, the calibration, the 24 h). */
const protocols = loaded.map((a) => patientScenario(checkedProtocol(a.protocol, armOverrides(a, { hours: 24 }), a.arm.name), [], a.arm.name));

describe('the blood gas and the MAP target in the cohort table', () => {
  it('the pH, PaCO2 and below-the-MAP-target rows are in the table and the CSV, unpublished ("—"), and finite for every patient of both arms', () => {
    const table = cohortTable(arms, 24);
    const header = cohortCsv(arms, 24).split('\n')[0].split(',');
    for (const k of NEW_ROWS) {
      const rows = table.split('\n').filter((l) => l.trimStart().startsWith(`${METRICS[k].label} `));
      expect(rows, k).toHaveLength(2);
      for (const row of rows) expect(row.trim().split(/\s{2,}/)[1], k).toBe('—');
      expect(header, k).toContain(k);
      for (const a of arms) {
        expect(a.patients, a.name).toHaveLength(a.n);
        for (const p of a.patients) expect(Number.isFinite(p[k]), `${a.name}, patient ${p.id}: ${k} = ${p[k]}`).toBe(true);
        expect(Number.isFinite(a.metrics[k].mean), `${a.name}: ${k}`).toBe(true);
      }
    }
  });

  it("with the blood-gas protocols on in both arms, each arm's mean pH at 24 h lies in 7.25–7.50, and standard care's PaCO2 at 24 h is below its patients' own at baseline (the rate went up)", () => {
    const [ecmo, standard] = protocols;
    expect(ecmo.patient.lung.rateTitration.titrate && ecmo.circuit?.oxygenator.sweepTitration.titrate).toBe(true);
    expect(standard.patient.lung.rateTitration.titrate).toBe(true);
    for (const a of arms) {
      expect(a.metrics.ph_24h.mean, a.name).toBeGreaterThan(7.25);
      expect(a.metrics.ph_24h.mean, a.name).toBeLessThan(7.5);
    }
    const s = arms[1];
    expect(s.metrics.paco2_24h_mmHg.mean).toBeLessThan(s.metrics.paco2_baseline_mmHg.mean);
    for (const p of s.patients) expect(p.paco2_24h_mmHg, `patient ${p.id}`).toBeLessThan(p.paco2_baseline_mmHg);
  });

  it('Cavayas et al., Am J Respir Crit Care Med 2020 (ELSO Registry, 11 972 adults on ECMO for respiratory failure, 88 % VV): the relative change in PaCO2 over the first 24 h, (24 h − before)/before, had a median of −31 % (IQR −46 to −12 %); the ECMO arm’s mean lies inside that range', () => {
    const e = arms[0];
    const relative = e.patients.map((p) => (p.paco2_24h_mmHg - p.paco2_baseline_mmHg) / p.paco2_baseline_mmHg);
    const mean = relative.reduce((s, x) => s + x, 0) / relative.length;
    expect(mean).toBeGreaterThan(-0.46);
    expect(mean).toBeLessThan(-0.12);
  });

  it('the share below the MAP target equals a count by hand of the patients whose MAP at 24 h is below the target their scenario prescribes', () => {
    for (const [i, a] of arms.entries()) {
      const target = protocols[i].prescription.norepinephrine.targetMap;
      const below = a.patients.filter((p) => p.map_24h_mmHg < target).length;
      expect(a.metrics.below_map_target_24h_pct.mean, a.name).toBeCloseTo((100 * below) / a.patients.length, 12);
      for (const p of a.patients) expect(p.below_map_target_24h_pct, `${a.name}, patient ${p.id}`).toBe(p.map_24h_mmHg < target ? 100 : 0);
    }
  });

  it("the baseline blood gas is the patient's before treatment: the run's first sample, with or without a circuit, though the rate protocol's first step has acted; a run's value at 24 h is its sample there", () => {
    const r = run(DEFAULT_STANDARD, { duration: '24 h', outputInterval: '1 h' });
    expect(r.scenario.circuit).toBeNull();
    const f = runFigures(r);
    // the protocol's check at 0 h has already moved the rate, but the body's CO2 stores have not moved yet (co2Stores.ts)
    expect(r.series.ventilator_rate_per_min[0]).not.toBe(r.scenario.patient.lung.ventilatorRate);
    expect(f.paco2_baseline_mmHg).toBe(r.series.paco2_mmHg[0]);
    expect(f.ph_baseline).toBeCloseTo(r.series.ph[0], 9);
    const ecmo = run(DEFAULT_ECMO, { duration: '1 h' });
    expect(runFigures(ecmo).paco2_baseline_mmHg).toBe(ecmo.series.paco2_mmHg[0]);
    expect(ecmo.series.paco2_mmHg.at(-1)!).toBeLessThan(ecmo.series.paco2_mmHg[0] - 10);
    const n = r.series.time_h.length;
    expect(r.series.time_h[n - 1]).toBe(24);
    expect(f.ph_24h).toBe(r.series.ph[n - 1]);
    expect(f.paco2_24h_mmHg).toBe(r.series.paco2_mmHg[n - 1]);
  });

  it('a value between samples is read on the straight line between them; a time outside the samples is refused', () => {
    const t = [0, 1, 2];
    const v = [10, 20, 40];
    expect(seriesAt(t, v, 1)).toBe(20);
    expect(seriesAt(t, v, 1.25)).toBeCloseTo(25, 12);
    expect(() => seriesAt(t, v, 3)).toThrow(/no sample of the run at 3 h: its samples run from 0 to 2 h/);
  });
});
