/**
 * A pressure tag in the circuit drawing takes the colour of the most urgent alarm shown on its series (IEC 60601-1-8
 * colours, as the alarm banner: high red, medium yellow, low cyan); without one it keeps the read-out colour.
 */
import type { AlarmPriorityName, AlarmView } from '../protocol';

export const ALARM_COLOUR: Record<AlarmPriorityName, number> = { high: 0xff3b3b, medium: 0xffd400, low: 0x35d6ff };
const RANK: Record<AlarmPriorityName, number> = { high: 0, medium: 1, low: 2 };

/** The most urgent priority among the shown alarms (active or latched) that read `series`, or null. */
export function tagAlarm(alarms: readonly AlarmView[], series: string): AlarmPriorityName | null {
  let best: AlarmPriorityName | null = null;
  for (const a of alarms) {
    if (!a.series.includes(series)) continue;
    if (best === null || RANK[a.priority] < RANK[best]) best = a.priority;
  }
  return best;
}
