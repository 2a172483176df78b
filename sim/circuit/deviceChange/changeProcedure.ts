/**
 * The procedure of a device change (part.ts): its state, its start (the clamps, the counts, the exchange of the old
 * device's blood for the new prime over the downtime) and its end (a clean device or a working drive, the lines
 * unclamped).
 */
import { fmt, type EventLog } from '../../model/events.js';
import { changeUnderway, CIRCUIT_DEVICE_WORDS, deviceRestartAt_h, type CircuitDevice, type Model } from '../../model/context.js';
import { applySetting } from '../../model/settings.js';
import type { Scenario } from '../../scenario/resolve.js';

type Circuit = NonNullable<Scenario['circuit']>;

/**
 * What a change replaces: its event, its device (its words: CIRCUIT_DEVICE_WORDS), its prime (mL; a console or a
 * cannula brings none into the blood) and downtime (min) from the settings now. The old device's blood exchanged for
 * the new prime is said from the prime; what else the change takes out at its start (`takeOut`) and puts in at its end
 * (`putIn`) is its own, each after the clamps, each returning its words for the log (none: the prime says it).
 */
export interface DeviceChange {
  readonly event: 'oxygenator_change' | 'circuit_change' | 'console_change' | 'pump_head_change' | 'recannulation';
  readonly device: CircuitDevice;
  readonly prime_mL: (c: Circuit) => number;
  readonly downtime_min: (c: Circuit) => number;
  readonly takeOut?: (m: Model, c: Circuit) => string | undefined;
  readonly putIn: (m: Model, c: Circuit, y: number[], thrombus: number) => string | undefined;
}

/** The old pump head out with its thrombus (a new head: a circuit's, or the head alone). */
const oldHeadOut = (m: Model): undefined => {
  applySetting(m, { path: 'circuit.hemolysis.pumpHeadThrombus', value: 1 });
  return undefined;
};

/** A clean fibre bundle: no thrombus, no thrombosis, no plasma leak. */
const cleanOxygenator = (_m: Model, c: Circuit, y: number[], thrombus: number): undefined => {
  y[thrombus] = 0;
  c.oxygenator.thrombosis = 0;
  c.oxygenator.plasmaLeak = 0;
  return undefined;
};

export const OXYGENATOR: DeviceChange = {
  event: 'oxygenator_change',
  device: 'oxygenator',
  prime_mL: (c) => c.oxygenatorChange.primeVolume,
  downtime_min: (c) => c.oxygenatorChange.downtime,
  putIn: cleanOxygenator,
};
/** The whole circuit (tubing, pump head, oxygenator): its rupture, kinks, air, the head's thrombus and an open limb port go with it at once. */
export const CIRCUIT: DeviceChange = {
  event: 'circuit_change',
  device: 'circuit',
  prime_mL: (c) => c.primeVolume,
  downtime_min: (c) => c.circuitChange.downtime,
  takeOut: (m) => {
    applySetting(m, { path: 'circuit.rupture', value: 'none' });
    applySetting(m, { path: 'circuit.drainageLine.kink', value: 0 });
    applySetting(m, { path: 'circuit.returnLine.kink', value: 0 });
    // the filter limb's lines are joined to the new circuit's ports: a return line that had come off is on again
    applySetting(m, { path: 'circuit.filterLimb.returnDisconnected', value: false });
    return oldHeadOut(m);
  },
  putIn: cleanOxygenator,
};
/** The console (the drive unit turning the pump head): the head, its blood and the circuit stay. */
export const CONSOLE: DeviceChange = {
  event: 'console_change',
  device: 'console',
  prime_mL: () => 0,
  downtime_min: (c) => c.consoleChange.downtime,
  takeOut: (_m, c) => `the pump head moved from the ${c.pump.handCrank ? 'hand crank' : 'old console'} onto a new console's drive`,
  putIn: (m, c) => {
    applySetting(m, { path: 'circuit.pump.failed', value: false });
    applySetting(m, { path: 'circuit.pump.handCrank', value: false });
    // the new console's own flow probe, seated on the line (flowProbe.ts)
    applySetting(m, { path: 'circuit.flowProbe.signalLost', value: false });
    applySetting(m, { path: 'circuit.flowProbe.reversed', value: false });
    return `the pump head in its drive, set to ${c.pump.mode === 'flow' ? `${fmt(c.pump.targetFlow / 1000, 1)} L/min` : `${fmt(c.pump.speed, 0)} rpm`}`;
  },
};

/** The pump head alone (a thrombus or air in it): the oxygenator, the tubing and the console stay. */
export const PUMP_HEAD: DeviceChange = {
  event: 'pump_head_change',
  device: 'pumpHead',
  prime_mL: (c) => c.air.headVolume,
  downtime_min: (c) => c.pumpHeadChange.downtime,
  takeOut: oldHeadOut,
  putIn: () => undefined,
};

/**
 * A new cannula in a vessel (the cannulating team's procedure), the circuit kept: a cannula out of its vessel
 * (circuit.decannulation) is back in at the end, its site's compression released; one in place is replaced (a
 * repositioning). Its few tens of mL of saline, connected wet-to-wet, are left out.
 */
function recannulation(side: 'drainage' | 'return'): DeviceChange {
  const device = side === 'drainage' ? 'drainageCannula' : 'returnCannula';
  const name = CIRCUIT_DEVICE_WORDS[device].name;
  return {
    event: 'recannulation',
    device,
    prime_mL: () => 0,
    downtime_min: (c) => c.recannulation.downtime,
    takeOut: (_m, c) =>
      c.decannulation === side
        ? `the cannulating team places a new ${name} in the vessel${c.siteCompression ? ' (the site compressed until it is in)' : ''}`
        : `the ${name} taken out and a new one placed`,
    putIn: (m, c) => {
      if (c.decannulation !== side) return 'connected wet-to-wet';
      applySetting(m, { path: 'circuit.decannulation', value: 'none' });
      applySetting(m, { path: 'circuit.siteCompression', value: false });
      return 'the vessel recannulated, the site no longer bleeding';
    },
  };
}
export const DRAINAGE_CANNULA = recannulation('drainage');
export const RETURN_CANNULA = recannulation('return');

const CHANGES: Record<CircuitDevice, DeviceChange> = {
  oxygenator: OXYGENATOR,
  circuit: CIRCUIT,
  console: CONSOLE,
  pumpHead: PUMP_HEAD,
  drainageCannula: DRAINAGE_CANNULA,
  returnCannula: RETURN_CANNULA,
};

/** A run's change procedure; `thrombus` is the slot of the oxygenator's thrombus load. */
export function changeProcedure(m: Model, thrombus: number) {
  /** The change under way (the last one begun, Model.devices), or null. */
  const underway = (): DeviceChange | null => {
    const d = changeUnderway(m);
    return d ? CHANGES[d.device] : null;
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

  /** The new device in (DeviceChange.putIn, or its prime's words); the lines unclamped, the procedure's last step. */
  const newDevice = (y: number[], log: EventLog) => {
    const c = m.current.circuit!;
    const change = underway()!;
    const what = change.putIn(m, c, y, thrombus) ?? `its ${fmt(change.prime_mL(c), 0)} mL crystalloid prime mixing with the blood`;
    clamp(false);
    log(change.event, `new ${CIRCUIT_DEVICE_WORDS[change.device].name} in, ${what}; lines unclamped, ECMO flow restarts`);
    m.devices.underway = false;
    exchange_mL_h = 0;
  };

  /** Begins a change (or says one is under way): the clamps, the counts, the exchange over the downtime. */
  const begin = (t: number, change: DeviceChange, reason: string, log: EventLog) => {
    const c = m.current.circuit!;
    const current = underway();
    if (current) {
      const words = CIRCUIT_DEVICE_WORDS[current.device];
      log(
        change.event,
        `${/^[aeiou]/.test(words.change) ? 'an' : 'a'} ${words.change} is under way: the new ${words.name} goes in at ${fmt(deviceRestartAt_h(m), 2)} h`,
      );
      return;
    }
    limbClampedBefore = c.clamps.filterLimb;
    const downtime = change.downtime_min(c);
    const prime = change.prime_mL(c);
    exchange_mL_h = (prime * 60) / downtime;
    m.devices.started.push({ t_h: t, device: change.device, reason, restart_h: t + downtime / 60 });
    m.devices.underway = true;
    const name = CIRCUIT_DEVICE_WORDS[change.device].name;
    const what = change.takeOut?.(m, c) ?? `the old ${name} and its ${fmt(prime, 0)} mL of blood discarded, the new one's prime in its place`;
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
