/**
 * The engine's input, the resolved Scenario, and the cross-field rules its settings obey during a run; a live
 * setting read against its spec (parseSetting, leaf.ts). Resolving a scenario file into it is resolveScenario.ts's
 * (apart from this module, so that the engine, which needs only these, does not bring the file's resolution along:
 * the page's engine worker loads that on demand).
 */
import type { Resolved } from '../parameters.js';
import type { scenarioSpecs } from './scenarioSpecs.js';
import type { ScenarioIssue } from './errors.js';
import { physicalConsistencyIssues } from './physicalConsistency.js';
import { Issues } from './leaf.js';
import type { TimelineEntry } from './timeline.js';

export { parseSetting } from './leaf.js';
export type { TimelineChange, TimelineEntry } from './timeline.js';

export type ScenarioValues = Resolved<typeof scenarioSpecs>;

export interface Scenario {
  /** Timeline entries with a condition instead of a time (`when`), checked each simulated minute. */
  conditional?: TimelineEntry[];
  name: string;
  description: string;
  seed: number;
  duration_h: number;
  outputInterval_h: number;
  patient: ScenarioValues['patient'];
  circuit: ScenarioValues['circuit'] | null;
  filter: ScenarioValues['filter'] | null;
  prescription: ScenarioValues['prescription'];
  kinetics: ScenarioValues['kinetics'];
  hemodynamics: ScenarioValues['hemodynamics'];
  /** The consoles' alarm limits (sim/alarms). */
  alarms: ScenarioValues['alarms'];
  timeline: TimelineEntry[];
}

/**
 * The cross-field rules, for settings changed during a run (timeline, live view). The engine judges whether a new
 * filter can run the prescription itself, with the blood as it is then, so that rule is left out here.
 */
export function settingsConsistencyIssues(s: Scenario): ScenarioIssue[] {
  const issues = new Issues();
  checkConsistency(s, issues);
  return issues.list;
}

/** The cross-field rules a scenario's settings obey at all times (resolveScenario.ts adds those of its start). */
export function checkConsistency(s: Scenario, issues: Issues): void {
  if (s.filter && !s.circuit) {
    issues.add(
      'filter',
      'got a hemofilter while "circuit" is null: the hemofilter sits inside the ECMO circuit; expected a "circuit" section too, or "filter": null',
    );
  }
  const ne = s.prescription.norepinephrine;
  if (ne.weanAbove < ne.targetMap) {
    issues.add(
      'prescription.norepinephrine.weanAbove',
      `got ${ne.weanAbove} mmHg; expected at least targetMap (${ne.targetMap} mmHg): a MAP cannot call for both more and less norepinephrine`,
    );
  }
  const h = s.prescription.heparin;
  if (h.targetLow >= h.targetHigh) issues.add('prescription.heparin.targetLow', `got ${h.targetLow} s; expected less than targetHigh (${h.targetHigh} s)`);
  if (s.filter) {
    const effluent_mL_h = s.prescription.effluentDose * s.patient.weight;
    if (s.prescription.netUltrafiltration > effluent_mL_h) {
      issues.add(
        'prescription.netUltrafiltration',
        `got ${s.prescription.netUltrafiltration} mL/h; expected at most the effluent rate (${+effluent_mL_h.toFixed(1)} mL/h = effluentDose × weight): replacement fluid cannot be negative`,
      );
    }
  }
  for (const i of physicalConsistencyIssues(s)) issues.add(i.path, i.message);
}
