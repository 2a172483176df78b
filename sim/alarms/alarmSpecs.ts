/**
 * The alarm limits as scenario settings: `alarms.<id>.limit` and `alarms.<id>.enabled`, one pair per catalogue
 * row (catalogue.ts), each adjustable during a run (timeline `set`, the live view) as a console's limits are.
 */
import type { FlagSpec, QuantitySpec, SpecTree } from '../parameters.js';
import { ALARM_CATALOGUE, type AlarmRow } from './catalogue.js';

export interface AlarmSettingSpecs extends SpecTree {
  limit: QuantitySpec;
  enabled: FlagSpec;
}

function rowSpecs(row: AlarmRow): AlarmSettingSpecs {
  const l = row.limit;
  return {
    limit: {
      kind: 'quantity',
      unit: l.unit,
      default: l.default,
      limits: l.limits,
      description: `${row.title} (${row.console}, ${row.priority} priority): ${row.about}`,
      source: l.source,
      ref: l.ref,
      adjustable: true,
    },
    enabled: {
      kind: 'flag',
      default: !row.offByDefault,
      description: `Whether the "${row.title}" alarm is on.`,
      source: 'E',
      ref: 'operator setting',
      adjustable: true,
    },
  };
}

export const alarmSpecs: Record<string, AlarmSettingSpecs> = Object.fromEntries(ALARM_CATALOGUE.map((r) => [r.id, rowSpecs(r)]));

/** The resolved settings: limit in the row's unit, on or off. */
export type AlarmSettings = Record<string, { limit: number; enabled: boolean }>;
