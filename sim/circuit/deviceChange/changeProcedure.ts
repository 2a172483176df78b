/**
 * The procedure of a device change (part.ts): its state, its start (the clamps, the counts, the exchange of the old
 * device's blood for the new prime over the downtime) and its end (a clean device or a working drive, the lines
 * unclamped).
 */
import { fmt, type EventLog } from '../../model/events.js';
import { deviceRestartAt_h, type CircuitDevice, type Model } from '../../model/context.js';
import { applySetting } from '../../model/settings.js';
import type { Scenario } from '../../scenario/resolve.js';

type Circuit = NonNullable<Scenario['circuit']>;

/** What a change replaces: its event, its words, its prime (mL; a console holds no blood) and downtime (min) from the settings now. */
export interface DeviceChange {
  readonly event: 'oxygenator_change' | 'circuit_change' | 'console_change';
  readonly device: CircuitDevice;
  readonly prime_mL: (c: Circuit) => number;
  readonly downtime_min: (c: Circuit) => number;
}

export const OXYGENATOR: DeviceChange = {
  event: 'oxygenator_change',
  device: 'oxygenator',
  prime_mL: (c) => c.oxygenatorChange.primeVolume,
  downtime_min: (c) => c.oxygenatorChange.downtime,
};
export const CIRCUIT: DeviceChange = {
  event: 'circuit_change',
  device: 'circuit',
  prime_mL: (c) => c.primeVolume,
  downtime_min: (c) => c.circuitChange.downtime,
};
/** The console (the drive unit turning the pump head): the head, its blood and the circuit stay. */
export const CONSOLE: DeviceChange = {
  event: 'console_change',
  device: 'console',
  prime_mL: () => 0,
  downtime_min: (c) => c.consoleChange.downtime,
};

const CHANGES: Record<CircuitDevice, DeviceChange> = { oxygenator: OXYGENATOR, circuit: CIRCUIT, console: CONSOLE };

/** A run's change procedure; `thrombus` is the slot of the oxygenator's thrombus load. */
export function changeProcedure(m: Model, thrombus: number) {
  /** The change under way (the last one begun, Model.devices), or null. */
  const underway = (): DeviceChange | null => {
    const d = m.devices;
    return d.underway ? CHANGES[d.started[d.started.length - 1].device] : null;
  };
  /** Whether the filter limb was clamped before the change (the change pauses the CRRT machine, then leaves it so). */
  let limbClampedBefore = false;
  /** The old device's blood discarded, and the new one's prime given in its place, over the downtime (mL/h); 0 outside it. */
  let exchange_mL_h = 0;

  /** Both lines, and the filter limb: the CRRT machine paused while the circuit is opened, as it was before after. */
  const clamp = (on: boolean) => {
    applySetting(m, { path: 'circuit.clamps.drainageLine', value: on });
    applySetting(m, { path: 'circuit.clamps.returnLine', value: on });
    applySetting(m, { path: 'circuit.clamps.filterLimb', value: on || limbClampedBefore });
  };

  /** The new device in: a clean fibre bundle, or a working drive (the head off the hand crank); the lines unclamped. */
  const newDevice = (y: number[], log: EventLog) => {
    const c = m.current.circuit!;
    const change = underway()!;
    if (change === CONSOLE) {
      applySetting(m, { path: 'circuit.pump.failed', value: false });
      applySetting(m, { path: 'circuit.pump.handCrank', value: false });
    } else {
      y[thrombus] = 0;
      c.oxygenator.thrombosis = 0;
      c.oxygenator.plasmaLeak = 0;
    }
    clamp(false);
    const what =
      change === CONSOLE
        ? `the pump head in its drive, set to ${c.pump.mode === 'flow' ? `${fmt(c.pump.targetFlow / 1000, 1)} L/min` : `${fmt(c.pump.speed, 0)} rpm`}`
        : `its ${fmt(change.prime_mL(c), 0)} mL crystalloid prime mixing with the blood`;
    log(change.event, `new ${change.device} in, ${what}; lines unclamped, ECMO flow restarts`);
    m.devices.underway = false;
    exchange_mL_h = 0;
  };

  /** Begins a change (or says one is under way): the clamps, the counts, the exchange over the downtime. */
  const begin = (t: number, change: DeviceChange, reason: string, log: EventLog) => {
    const c = m.current.circuit!;
    const current = underway();
    if (current) {
      log(
        change.event,
        `${current.device === 'circuit' ? 'a circuit' : 'an oxygenator'} change is under way: the new ${current.device} goes in at ${fmt(deviceRestartAt_h(m), 2)} h`,
      );
      return;
    }
    limbClampedBefore = c.clamps.filterLimb;
    const downtime = change.downtime_min(c);
    const prime = change.prime_mL(c);
    exchange_mL_h = (prime * 60) / downtime;
    m.devices.started.push({ t_h: t, device: change.device, reason, restart_h: t + downtime / 60 });
    m.devices.underway = true;
    if (change === CIRCUIT) {
      applySetting(m, { path: 'circuit.rupture', value: 'none' });
      applySetting(m, { path: 'circuit.drainageLine.kink', value: 0 });
    }
    clamp(true);
    const what =
      change === CONSOLE
        ? `the pump head moved from the ${c.pump.handCrank ? 'hand crank' : 'old console'} onto a new console's drive`
        : `the old ${change.device} and its ${fmt(prime, 0)} mL of blood discarded, the new one's prime in its place`;
    log(change.event, `${reason}: both lines clamped, ECMO flow stopped for ${fmt(downtime, 1)} min; ${what}`);
  };

  return {
    begin,
    finish: newDevice,
    /** The change under way, or null. */
    underway,
    /** The old device's blood out and the new prime in over the downtime (mL/h); 0 outside it. */
    exchange_mL_h: () => exchange_mL_h,
  };
}
