/**
 * A person's command as the session's action: the trainee's settings and actions checked as a trainee's actions
 * file is (sim/training/trainingFile.ts parseActionsText, every message naming the field), alarms, lab orders and
 * notes as they are, and the instructor's faults built from the fault catalogue (sim/faults) with the checks a
 * scenario's timeline entry gets. A command that cannot be done throws CommandRefused with the message to show.
 */
import { LAB_TESTS } from '../../sim/training/labs';
import { parseActionsText, type TrainingScenario } from '../../sim/training/trainingFile';
import type { SessionAction } from '../../sim/training/session';
import { ScenarioError } from '../../sim/scenario/errors';
import { resolveCatalogueFault } from '../../sim/scenario/faultEntry';
import { faultRow, FAULT_IDS } from '../../sim/faults/catalogue';
import { sectionsNeeded } from '../../sim/faults/faultRow';
import { closest } from '../../sim/scenario/suggest';
import type { CalibrationResolver } from '../../sim/scenario/calibration';
import type { ReplayableCommand } from './trainingProtocol';

export class CommandRefused extends Error {}

export interface PersonAction {
  action: SessionAction;
  by: 'trainee' | 'instructor';
}

/** A trainee's engine action now: the actions file's checks, with `actions[0].` shown as the field it names. */
function traineeAction(entry: Record<string, unknown>, t_h: number, training: TrainingScenario, resolve: CalibrationResolver): SessionAction {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new CommandRefused(`action: got ${JSON.stringify(entry)}; expected an object`);
  if ('at' in entry) throw new CommandRefused('action: "at" is not for a live action; it happens now');
  const text = JSON.stringify({ actions: [{ ...entry, at: `${t_h} h` }] });
  try {
    const [first] = parseActionsText(text, 'action', training, { resolveCalibration: resolve });
    if (!first) throw new CommandRefused('action: does nothing');
    return first.action;
  } catch (e) {
    if (e instanceof ScenarioError) throw new CommandRefused(e.message.replaceAll('actions[0].', '').replaceAll('actions[0]', 'action'));
    throw e;
  }
}

function faultAction(kind: string, given: Record<string, unknown>, training: TrainingScenario): SessionAction {
  const row = faultRow(kind);
  if (!row) {
    const near = closest(kind, FAULT_IDS);
    throw new CommandRefused(
      `fault: got "${kind}": no such fault${near ? ` (did you mean "${near}"?)` : ''}; expected one of the faults in docs/training/faults.md`,
    );
  }
  const section = sectionsNeeded(row).find((n) => (training.scenario as unknown as Record<string, unknown>)[n] === null);
  if (section !== undefined) throw new CommandRefused(`fault ${kind}: this scenario has no ${section}, so the fault has nothing to act on`);
  const problems: string[] = [];
  const action = resolveCatalogueFault({ kind, ...given }, 'fault', (p, m) => problems.push(`${p}: ${m}`));
  if (!action) throw new CommandRefused(problems.join('\n'));
  const clear = given.clear === true;
  return { kind: 'engine', action, id: `${clear ? 'clearFault' : 'injectFault'}:${kind}`, text: `${clear ? 'cleared' : 'injected'} ${row.title}` };
}

/** The session action a replayable command performs, and whose it is. */
export function personAction(c: ReplayableCommand, t_h: number, training: TrainingScenario, resolve: CalibrationResolver): PersonAction {
  switch (c.type) {
    case 'set':
      return { action: traineeAction({ set: { [c.path]: c.value } }, t_h, training, resolve), by: 'trainee' };
    case 'action':
      return { action: traineeAction(c.action, t_h, training, resolve), by: 'trainee' };
    case 'acknowledge':
      return { action: { kind: 'acknowledge', alarm: c.id }, by: 'trainee' };
    case 'silence':
      if (!(c.minutes > 0)) throw new CommandRefused(`silence: got ${c.minutes} min; expected more than 0 min`);
      return { action: { kind: 'silence', alarm: c.id, minutes: c.minutes }, by: 'trainee' };
    case 'orderLab':
      if (!(c.lab in LAB_TESTS)) throw new CommandRefused(`orderLab: got "${c.lab}"; expected one of ${Object.keys(LAB_TESTS).join(', ')}`);
      return { action: { kind: 'order', lab: c.lab }, by: 'trainee' };
    case 'note':
      if (typeof c.text !== 'string' || !c.text.trim()) throw new CommandRefused('note: empty; expected some text');
      return { action: { kind: 'note', text: c.text.slice(0, 500) }, by: c.by === 'instructor' ? 'instructor' : 'trainee' };
    case 'injectFault':
      return { action: faultAction(c.kind, { ...c.options }, training), by: 'instructor' };
    case 'clearFault':
      return { action: faultAction(c.kind, { clear: true }, training), by: 'instructor' };
  }
}
