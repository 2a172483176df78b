/**
 * The faults part: applies a catalogue fault's setting (sim/faults/catalogue.ts) when an action injects it, ramps a
 * gradual one in scheduled steps (ramp.ts), and on `clear` returns the setting to the value it had before the fault.
 * A fault of a device in place (FaultRow.endsWithChangeOf: the filter, the oxygenator, the circuit, the console, a
 * cannula) ends when that device is changed: the change's events reset its setting, and its ramp stops.
 * It integrates nothing and reports nothing: the models that own the settings read them. Its events are hidden
 * when the action is (the log it is handed marks them).
 */
import type { ModelDefinition } from '../model/part.js';
import { CIRCUIT_DEVICE_WORDS, devicesChanged, type Model } from '../model/context.js';
import type { Action, EventLog } from '../model/events.js';
import { fmt } from '../model/events.js';
import { applySetting, currentSetting } from '../model/settings.js';
import { faultRow } from './catalogue.js';
import type { ChangedDevice, FaultInjection, FaultRow } from './faultRow.js';
import { makeRamp, nextStep_h, valueAtStep, type Ramp } from './ramp.js';

/** A fault in force: its setting's value before it, and its ramp while it develops. */
interface ActiveFault {
  readonly row: FaultRow;
  readonly path: string;
  readonly before: number | boolean | string;
  readonly hidden: boolean;
  /** The changes of its device begun when it was injected (deviceChanges); NaN for a fault of no device. */
  readonly changesAtInjection: number;
  ramp: Ramp | null;
}

/** Changes begun of a device (Model.filter.changes; the circuit's devices: devicesChanged). */
function deviceChanges(m: Model, device: ChangedDevice): number {
  return device === 'filter' ? m.filter.changes : devicesChanged(m, device);
}

const shown = (v: unknown) => (typeof v === 'number' ? fmt(v, 3) : String(v));

function inject(m: Model, t: number, f: FaultInjection, row: FaultRow, active: Map<string, ActiveFault>, hidden: boolean, log: EventLog): void {
  if (!('setting' in row.change)) return;
  const path = row.change.setting;
  const target = row.change.value(f.severity);
  const before = active.get(row.id)?.before ?? (currentSetting(m, path) as number | boolean | string);
  const fault: ActiveFault = { row, path, before, hidden, changesAtInjection: row.endsWithChangeOf ? deviceChanges(m, row.endsWithChangeOf) : NaN, ramp: null };
  active.set(row.id, fault);
  if (f.onset === 'gradual' && typeof target === 'number' && typeof before === 'number' && f.over_h > 0) {
    const from = currentSetting(m, path) as number;
    fault.ramp = makeRamp(path, from, target, t, f.over_h);
    log('fault', `${row.title}: developing over ${fmt(f.over_h * 60, 0)} min (${path}: ${shown(from)} → ${shown(target)})`, f.severity, hidden);
    return;
  }
  const { from } = applySetting(m, { path, value: target });
  log('fault', `${row.title} (${path}: ${shown(from)} → ${shown(target)})`, f.severity, hidden);
}

function clear(m: Model, row: FaultRow, active: Map<string, ActiveFault>, hidden: boolean, log: EventLog): void {
  const fault = active.get(row.id);
  if (!fault) {
    log('fault', `${row.title}: clear asked, but the fault is not in force`, undefined, hidden);
    return;
  }
  active.delete(row.id);
  const { from } = applySetting(m, { path: fault.path, value: fault.before });
  log('fault', `${row.title} cleared (${fault.path}: ${shown(from)} → ${shown(fault.before)})`, undefined, hidden);
}

/** What ended a fault of a device: "the filter taken out (the new filter has none)", "the drainage vessel recannulated". */
function endedBy(device: ChangedDevice): string {
  return device === 'filter' ? 'the filter taken out (the new filter has none)' : CIRCUIT_DEVICE_WORDS[device].faultEnded;
}

/**
 * Faults of a device since taken out end (FaultRow.endsWithChangeOf), logged once: before a ramp's step (the device
 * changed earlier in the same pass), at an action, and after the events at a time (a change at the TMP limit).
 */
function endWithDevice(m: Model, active: Map<string, ActiveFault>, log?: EventLog): void {
  for (const [id, a] of active) {
    const device = a.row.endsWithChangeOf;
    if (!device || a.changesAtInjection === deviceChanges(m, device)) continue;
    active.delete(id);
    log?.('fault', `${a.row.title}: ended with ${endedBy(device)}`, undefined, a.hidden);
  }
}

export const faultsModel: ModelDefinition = {
  name: 'faults',
  states: [],
  series: {},
  create(m) {
    const active = new Map<string, ActiveFault>();
    return {
      perform(t: number, _y: number[], action: Action, log: EventLog) {
        endWithDevice(m, active, log);
        const f = action.injectFault;
        const row = f && faultRow(f.kind);
        if (!f || !row) return;
        const hidden = action.hidden ?? row.hidden;
        if (f.clear) clear(m, row, active, hidden, log);
        else inject(m, t, f, row, active, hidden, log);
      },
      nextEventTime() {
        let next = Infinity;
        for (const a of active.values()) if (a.ramp) next = Math.min(next, nextStep_h(a.ramp));
        return next;
      },
      applyScheduled(t: number, _y: number[], log: EventLog) {
        endWithDevice(m, active, log);
        let changed = false;
        for (const a of active.values()) {
          const r = a.ramp;
          while (r && nextStep_h(r) <= t + 1e-9) {
            r.done++;
            applySetting(m, { path: r.path, value: valueAtStep(r, r.done) });
            changed = true;
            if (r.done === r.steps) {
              log('fault', `${a.row.title}: reached its severity (${r.path} = ${shown(r.target)})`, r.target, a.hidden);
              a.ramp = null;
            }
          }
        }
        return changed;
      },
      afterEvents(_t, _y, _now, log) {
        endWithDevice(m, active, log);
      },
    };
  },
};
