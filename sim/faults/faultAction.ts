/**
 * A catalogue fault as an action (sim/faults/catalogue.ts rows): whether its severity and onset are ones its row
 * accepts (the live command's check; the loader names file paths), and the engine Action that performs it.
 */
import type { Action } from '../model/events.js';
import { SettingError } from '../model/errors.js';
import type { FaultInjection, FaultRow } from './faultRow.js';

/** Why a fault cannot be performed with these options (a live command's check; the loader names file paths), or null. */
export function faultProblem(row: FaultRow, severity: number, options: { onset?: 'sudden' | 'gradual'; over_min?: number; clear?: boolean }): string | null {
  const s = row.severity;
  const u = s && s.unit !== '1' ? ` ${s.unit}` : '';
  if (s && !(severity >= s.limits[0] && severity <= s.limits[1]))
    return `severity ${severity}${u}: outside the accepted range; expected ${s.description} between ${s.limits[0]}${u} and ${s.limits[1]}${u}`;
  if (options.onset === 'gradual' && !row.gradual) return `onset "gradual": ${row.id} happens at once; expected "sudden"`;
  if (options.onset === 'gradual' && !((options.over_min ?? 0) > 0))
    return `over_min ${options.over_min}: a gradual fault needs its onset time; expected more than 0 min`;
  if (options.clear && 'action' in row.change) return `clear: ${row.id} cannot be cleared this way; expected the remedy: ${row.change.undo}`;
  return null;
}

/**
 * The engine Action a fault performs: a setting row's injection for the faults part to apply (it remembers the
 * value before, for clear), or a model row's legacy key for the model that owns it. `hidden` marks its events.
 */
export function buildFaultAction(
  row: FaultRow,
  severity: number = row.severity?.default ?? 1,
  options: { onset?: 'sudden' | 'gradual'; over_min?: number; hidden?: boolean; clear?: boolean } = {},
): Action {
  const problem = faultProblem(row, severity, options);
  if (problem) throw new SettingError(`fault ${row.id}`, problem);
  const hidden = options.hidden ?? row.hidden;
  if ('action' in row.change) return { set: [], fault: { [row.change.action]: severity }, hidden };
  const injectFault: FaultInjection = {
    kind: row.id,
    severity,
    onset: options.onset ?? 'sudden',
    over_h: (options.over_min ?? 0) / 60,
    clear: options.clear ?? false,
  };
  return { set: [], injectFault, hidden };
}
