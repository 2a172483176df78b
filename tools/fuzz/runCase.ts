/** Running one case the CLI's way and judging its outcome: a valid run, a validation error, an accepted engine stop, or a failure. */
import { EngineError } from '../../sim/engine/errors.js';
import { simulate } from '../../sim/engine/simulate.js';
import { ScenarioError } from '../../sim/scenario/errors.js';
import { loadScenarioText } from '../../sim/scenario/load.js';
import { outputProblem } from './outputInvariants.js';
import { BUNDLED_SCENARIO } from './bases.js';
import { calibrationBeside } from '../../sim/scenario/loadFile.js';

export type OutcomeKind = 'valid' | 'validation' | 'engine' | 'failure';
export interface Outcome {
  kind: OutcomeKind;
  /** For failures: what went wrong. For the others: the first message (validation, engine). */
  detail: string;
  ms: number;
  /** For a run: its right-hand-side evaluations and simulated hours, a measure of its work no machine's speed moves. */
  work?: { evaluations: number; hours: number };
}

/** Engine stops allowed: a state no patient survives, or a prescription the filter can no longer run. */
export const ACCEPTED_ENGINE_STOPS = [
  /the patient has lost more fluid than the body holds/,
  /the interstitial fluid is used up/,
  /the blood is diluted beyond survival/,
  /the patient is overloaded with fluid/,
  /nothing removes CO2/,
  /the oxygen consumed .* exceeds what the lungs and the circuit deliver/,
  /CO2 has taken the oxygen out of the lungs/,
  /no oxygen reaches the blood/,
  /the hemofilter can no longer run its prescription/,
  /a new filter already needs a TMP/,
  /the patient has bled out/,
  /the plasma has been filtered away around its protein/,
];
/** Issues about the whole document have no path; everything else names one. */
const WHOLE_DOCUMENT = /^(not valid JSON|the file is empty|nested more than|expected a JSON object|the file is larger than)/;
const STACK_TRACE = /\n\s+at \S|\bat [^\s()]+ \(|\.(ts|js|mjs|cjs):\d+:\d+/;

/** What is wrong with a ScenarioError, or null: every issue names a path (or is about the whole document), no stack trace. */
function issueProblem(e: ScenarioError): string | null {
  if (!Array.isArray(e.issues) || e.issues.length === 0) return 'a ScenarioError without issues';
  for (const i of e.issues) {
    if (typeof i.path !== 'string' || typeof i.message !== 'string' || i.message.length === 0) return `a malformed issue ${JSON.stringify(i)}`;
    if (i.path === '' && !WHOLE_DOCUMENT.test(i.message)) return `an issue without a path: ${i.message.slice(0, 200)}`;
    if (STACK_TRACE.test(i.message)) return `a stack trace in an issue: ${i.message.slice(0, 200)}`;
    if (i.message.length > 2000) return `an issue message of ${i.message.length} characters`;
  }
  if (STACK_TRACE.test(e.message)) return `a stack trace in the message: ${e.message.slice(0, 200)}`;
  return null;
}

/** Runs one scenario text the CLI's way (duration capped at `maxHours`) and judges the outcome. */
export function runCase(text: string, maxHours = 24): Outcome {
  const t0 = performance.now();
  const done = (kind: OutcomeKind, detail: string): Outcome => ({ kind, detail, ms: performance.now() - t0 });
  const polluted = () => ({}) as Record<string, unknown>;
  try {
    // the cases are mutated bundled scenarios: their calibration reference reads beside them
    const scenario = loadScenarioText(text, 'fuzz case', [], { resolveCalibration: calibrationBeside(BUNDLED_SCENARIO) });
    scenario.duration_h = Math.min(scenario.duration_h, maxHours);
    scenario.outputInterval_h = Math.min(scenario.outputInterval_h, scenario.duration_h);
    const result = simulate(scenario);
    if ('polluted' in polluted()) return done('failure', 'prototype pollution: ({}).polluted is set');
    const problem = outputProblem(result);
    if (problem) return done('failure', `silently wrong output: ${problem}`);
    return { ...done('valid', ''), work: { evaluations: result.solver.rhsEvaluations, hours: result.summary.duration_h } };
  } catch (e) {
    if ('polluted' in polluted()) return done('failure', 'prototype pollution: ({}).polluted is set');
    if (e instanceof ScenarioError) {
      const problem = issueProblem(e);
      return problem ? done('failure', `bad ScenarioError: ${problem}`) : done('validation', `${e.issues[0].path}: ${e.issues[0].message}`);
    }
    if (e instanceof EngineError) {
      if (STACK_TRACE.test(e.message)) return done('failure', `a stack trace in an EngineError: ${e.message.slice(0, 200)}`);
      if (/\b(NaN|Infinity|undefined)\b/.test(e.message)) return done('failure', `an EngineError quoting a non-number: ${e.message.slice(0, 300)}`);
      if (ACCEPTED_ENGINE_STOPS.some((re) => re.test(e.message))) return done('engine', e.message);
      return done('failure', `unexpected EngineError: ${e.message.slice(0, 300)}`);
    }
    const err = e as Error;
    return done('failure', `uncaught ${err?.name ?? typeof e}: ${String(err?.message ?? e).slice(0, 300)}`);
  }
}
