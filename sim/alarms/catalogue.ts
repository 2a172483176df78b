/**
 * The alarm catalogue: one row per alarm the consoles raise (ECMO console, CRRT machine, heparin syringe pump,
 * patient monitor). A row names the series it reads (docs/outputs.md), its condition, its default limit with
 * the limit's unit and source, its priority (IEC 60601-1-8: high, medium, low), whether it latches, and the
 * longest audio silence the device allows. The limits become scenario settings (alarmSpecs.ts); the monitor
 * (monitor.ts) evaluates the rows. docs/training/alarms.md tabulates them.
 *
 * Source tags as in sim/parameters.ts: S a published figure, S2 a secondary summary (a device figure quoted in
 * a course or summary, not read in the manual itself), E an estimate from practice (said so in `ref`).
 */
import type { AlarmRow } from './alarmRow.js';
import { ECMO } from './ecmoAlarms.js';
import { CRRT } from './crrtAlarms.js';
import { HEPARIN, MONITOR } from './bedsideAlarms.js';

export { ALARM_CONSOLES, PRIORITY_RANK } from './alarmRow.js';
export type { AlarmCondition, AlarmConsole, AlarmLimit, AlarmPriority, AlarmRow } from './alarmRow.js';

export const ALARM_CATALOGUE: readonly AlarmRow[] = [...ECMO, ...CRRT, ...HEPARIN, ...MONITOR];

/** The catalogue row of an alarm id, or undefined. */
export function alarmRow(id: string): AlarmRow | undefined {
  return ALARM_CATALOGUE.find((r) => r.id === id);
}

/** Every series an alarm reads (its condition's series, and the series it divides by). */
export function seriesRead(row: AlarmRow): string[] {
  const c = row.condition;
  if (c.kind === 'riseSinceStart') return [...c.series];
  return (c.kind === 'below' || c.kind === 'above') && c.per ? [c.series, c.per] : [c.series];
}
