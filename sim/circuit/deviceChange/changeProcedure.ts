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

/**
 * What a change replaces: its event, its words, its prime (mL; a console or a cannula brings none into the blood) and
 * downtime (min) from the settings now; what it takes out at its start and what it puts in at its end (each after
 * the clamps, each returning its words for the log).
 */
export interface DeviceChange {
  readonly event: 'oxygenator_change' | 'circuit_change' | 'console_change' | 'recannulation';
  readonly device: CircuitDevice;
  /** The device in words: "oxygenator", "drainage cannula". */
  readonly name: string;
  /** The change in words, its default reason: "oxygenator change", "drainage recannulation". */
  readonly title: string;
  readonly prime_mL: (c: Circuit) => number;
  readonly downtime_min: (c: Circuit) => number;
  readonly takeOut: (m: Model, c: Circuit) => string;
  readonly putIn: (m: Model, c: Circuit, y: number[], thrombus: number) => string;
}

/** The old device's blood out with it, the new one's prime in its place (an oxygenator, a circuit). */
const exchanged = (prime_mL: number, name: string) => `the old ${name} and its ${fmt(prime_mL, 0)} mL of blood discarded, the new one's prime in its place`;
/** A clean fibre bundle: no thrombus, no thrombosis, no plasma leak. */
const cleanOxygenator = (c: Circuit, y: number[], thrombus: number, prime_mL: number) => {
  y[thrombus] = 0;
  c.oxygenator.thrombosis = 0;
  c.oxygenator.plasmaLeak = 0;
  return `its ${fmt(prime_mL, 0)} mL crystalloid prime mixing with the blood`;
};

export const OXYGENATOR: DeviceChange = {
  event: 'oxygenator_change',
  device: 'oxygenator',
  name: 'oxygenator',
  title: 'oxygenator change',
  prime_mL: (c) => c.oxygenatorChange.primeVolume,
  downtime_min: (c) => c.oxygenatorChange.downtime,
  takeOut: (_m, c) => exchanged(c.oxygenatorChange.primeVolume, 'oxygenator'),
  putIn: (_m, c, y, thrombus) => cleanOxygenator(c, y, thrombus, c.oxygenatorChange.primeVolume),
};
/** The whole circuit (tubing, pump head, oxygenator): its rupture, kink and air go with it at once. */
export const CIRCUIT: DeviceChange = {
  event: 'circuit_change',
  device: 'circuit',
  name: 'circuit',
  title: 'circuit change',
  prime_mL: (c) => c.primeVolume,
  downtime_min: (c) => c.circuitChange.downtime,
  takeOut: (m, c) => {
    applySetting(m, { path: 'circuit.rupture', value: 'none' });
    applySetting(m, { path: 'circuit.drainageLine.kink', value: 0 });
    return exchanged(c.primeVolume, 'circuit');
  },
  putIn: (_m, c, y, thrombus) => cleanOxygenator(c, y, thrombus, c.primeVolume),
};
/** The console (the drive unit turning the pump head): the head, its blood and the circuit stay. */
export const CONSOLE: DeviceChange = {
  event: 'console_change',
  device: 'console',
  name: 'console',
  title: 'console change',
  prime_mL: () => 0,
  downtime_min: (c) => c.consoleChange.downtime,
  takeOut: (_m, c) => `the pump head moved from the ${c.pump.handCrank ? 'hand crank' : 'old console'} onto a new console's drive`,
  putIn: (m, c) => {
    applySetting(m, { path: 'circuit.pump.failed', value: false });
    applySetting(m, { path: 'circuit.pump.handCrank', value: false });
    return `the pump head in its drive, set to ${c.pump.mode === 'flow' ? `${fmt(c.pump.targetFlow / 1000, 1)} L/min` : `${fmt(c.pump.speed, 0)} rpm`}`;
  },
};

/**
 * A new cannula in a vessel (the cannulating team's procedure), the circuit kept: a cannula out of its vessel
 * (circuit.decannulation) is back in at the end, its site's compression released; one in place is replaced (a
 * repositioning). Its few tens of mL of saline, connected wet-to-wet, are left out.
 */
function recannulation(side: 'drainage' | 'return'): DeviceChange {
  const name = `${side} cannula`;
  return {
    event: 'recannulation',
    device: side === 'drainage' ? 'drainageCannula' : 'returnCannula',
    name,
    title: `${side} recannulation`,
    prime_mL: () => 0,
    downtime_min: (c) => c.recannulation.downtime,
    takeOut: (_m, c) =>
      c.decannulation === side
        ? `the cannulating team places a new ${name} in the vessel${c.siteCompression ? ' (the site compressed until it is in)' : ''}`
        : `the ${name} taken out and a new one placed`,
    putIn: (m, c) => {
      const wasOut = c.decannulation === side;
      if (wasOut) applySetting(m, { path: 'circuit.decannulation', value: 'none' });
      if (wasOut) applySetting(m, { path: 'circuit.siteCompression', value: false });
      return wasOut ? 'the vessel recannulated, the site no longer bleeding' : 'connected wet-to-wet';
    },
  };
}
export const DRAINAGE_CANNULA = recannulation('drainage');
export const RETURN_CANNULA = recannulation('return');

const CHANGES: Record<CircuitDevice, DeviceChange> = {
  oxygenator: OXYGENATOR,
  circuit: CIRCUIT,
  console: CONSOLE,
  drainageCannula: DRAINAGE_CANNULA,
  returnCannula: RETURN_CANNULA,
};

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

  /** The new device in (DeviceChange.putIn); the lines unclamped, the procedure's last step. */
  const newDevice = (y: number[], log: EventLog) => {
    const c = m.current.circuit!;
    const change = underway()!;
    const what = change.putIn(m, c, y, thrombus);
    clamp(false);
    log(change.event, `new ${change.name} in, ${what}; lines unclamped, ECMO flow restarts`);
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
        `${/^[aeiou]/.test(current.title) ? 'an' : 'a'} ${current.title} is under way: the new ${current.name} goes in at ${fmt(deviceRestartAt_h(m), 2)} h`,
      );
      return;
    }
    limbClampedBefore = c.clamps.filterLimb;
    const downtime = change.downtime_min(c);
    exchange_mL_h = (change.prime_mL(c) * 60) / downtime;
    m.devices.started.push({ t_h: t, device: change.device, reason, restart_h: t + downtime / 60 });
    m.devices.underway = true;
    const what = change.takeOut(m, c);
    clamp(true);
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
