/**
 * A training scenario replayed headless with a trainee's actions: the session runs to each action's time, performs
 * it, runs to the scenario's end, and the objectives are judged. What `npm run sim -- train` and the scenario tests
 * call, so every training scenario is checked automatically.
 */
import { judgeObjectives, type ObjectiveResult } from './objectives.js';
import { TrainingSession } from './session.js';
import type { TimedAction, TrainingScenario } from './trainingFile.js';

export interface TrainingReplay {
  session: TrainingSession;
  objectives: ObjectiveResult[];
}

export function replayTraining(t: TrainingScenario, actions: readonly TimedAction[]): TrainingReplay {
  const session = new TrainingSession(t.scenario, { labTurnaround_min: t.labTurnaround_min });
  for (const a of [...actions].sort((x, y) => x.at_h - y.at_h)) {
    session.advanceTo(a.at_h);
    session.perform(a.action);
  }
  session.advanceTo(t.scenario.duration_h);
  return { session, objectives: judgeObjectives(t.objectives, session.log, session.trends) };
}
