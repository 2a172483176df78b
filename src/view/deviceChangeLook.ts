/**
 * What the circuit drawing and the ECMO console say while a device of the circuit is being changed
 * (SettingsView.deviceChange; sim/circuit/deviceChange): the device taken out is drawn holding the new one's clear
 * crystalloid prime instead of blood, and a line on it or beside it says when the new one goes in. A circuit change
 * takes out the tubing (drawn primed too) with the pump head and the oxygenator; an oxygenator change the
 * oxygenator; a pump-head change the head; a console change moves the pump head, blood and all, onto a new drive; a
 * recannulation works on one cannula and leaves the circuit as it is. Both lines stay clamped throughout (the clamps
 * are drawn from the settings).
 */
import type { DeviceChangeView } from '../protocol';
import { fmtHours } from '../format';

export interface DeviceChangeLook {
  /** The ECMO console's status line (short: it shares the console's head with its name): the new device and when it goes in. */
  status: string;
  /** What each device taken out or worked on says ('' where nothing is): the oxygenator's is written on it, so it is short. */
  oxygenator: string;
  pump: string;
  drainageCannula: string;
  returnCannula: string;
  /** Drawn holding clear prime instead of blood (the tubing only for a new circuit). */
  primedOxygenator: boolean;
  primedPump: boolean;
  primedTubing: boolean;
  /** The pump head does not turn: taken out (alone or with its circuit) or being moved onto a new drive. */
  headStill: boolean;
}

export function deviceChangeLook(change: DeviceChangeView | null): DeviceChangeLook | null {
  if (!change) return null;
  const t = fmtHours(change.restart_h);
  const none = {
    oxygenator: '',
    pump: '',
    drainageCannula: '',
    returnCannula: '',
    primedOxygenator: false,
    primedPump: false,
    primedTubing: false,
    headStill: false,
  };
  switch (change.device) {
    case 'oxygenator':
      return { ...none, status: `new oxygenator ${t}`, oxygenator: `new one\n${t}`, primedOxygenator: true };
    case 'circuit':
      return {
        ...none,
        status: `new circuit ${t}`,
        oxygenator: `new\ncircuit\n${t}`,
        pump: `new circuit at ${t}`,
        primedOxygenator: true,
        primedPump: true,
        primedTubing: true,
        headStill: true,
      };
    case 'console':
      return { ...none, status: `new console ${t}`, pump: `to a new console at ${t}`, headStill: true };
    case 'pumpHead':
      return { ...none, status: `new pump head ${t}`, pump: `new head at ${t}`, primedPump: true, headStill: true };
    case 'drainageCannula':
      return { ...none, status: `new cannula ${t}`, drainageCannula: `new one at ${t}` };
    case 'returnCannula':
      return { ...none, status: `new cannula ${t}`, returnCannula: `new one at ${t}` };
  }
}
