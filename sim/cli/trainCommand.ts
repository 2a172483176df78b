/**
 * `sim train <training scenario> [--actions actions.json] [--format text|json|html]`: replays a trainee's actions
 * headless on a training scenario and prints the debrief (objectives met or missed, alarms, timeline), so training
 * scenarios are checked automatically and a session's actions can be judged after the fact.
 */
import { readInputFile, RESOLVE_BESIDE } from '../scenario/loadFile.js';
import { ScenarioError } from '../scenario/errors.js';
import { loadTrainingText, parseActionsText } from '../training/trainingFile.js';
import { replayTraining } from '../training/replay.js';
import { buildDebrief, debriefText } from '../training/debrief.js';
import { debriefHtml } from '../training/debriefHtml.js';
import { refuseExisting, STDOUT, writeOutputFile } from '../output/writeOutput.js';

export interface TrainOptions {
  actions?: string;
  format: string;
  out?: string;
  overwrite: boolean;
  quiet: boolean;
}

const FORMATS = ['text', 'json', 'html'];

export function trainReport(file: string, opts: TrainOptions): { text: string; met: number; total: number } {
  if (!FORMATS.includes(opts.format))
    throw new ScenarioError('--format', [{ path: '--format', message: `got "${opts.format}"; expected one of ${FORMATS.join(', ')}` }]);
  const training = loadTrainingText(readInputFile(file, 'training scenario'), file, RESOLVE_BESIDE);
  const actions = opts.actions ? parseActionsText(readInputFile(opts.actions, 'actions file'), opts.actions, training, RESOLVE_BESIDE) : [];
  const { session, objectives } = replayTraining(training, actions);
  const d = buildDebrief(training.scenario.name, training.briefing, training.scenario.duration_h, objectives, session.log, session.trends);
  const text = opts.format === 'json' ? JSON.stringify(d, null, 2) + '\n' : opts.format === 'html' ? debriefHtml(d) : debriefText(d);
  return { text, met: d.met, total: d.objectives.length };
}

export function trainCommand(file: string, opts: TrainOptions): void {
  // before the replay, not after it: an existing file, an input or a missing folder
  if (opts.out && opts.out !== STDOUT) refuseExisting(opts.out, opts.overwrite, '--out', opts.actions ? [file, opts.actions] : [file]);
  const { text, met, total } = trainReport(file, opts);
  if (opts.out && opts.out !== STDOUT) writeOutputFile(opts.out, text, opts.overwrite);
  else process.stdout.write(text);
  if (!opts.quiet) process.stderr.write(`${met} of ${total} objectives met\n`);
}
