/**
 * Changing the circuit's devices (docs/models/circuit-hydraulics.md, "Changing the oxygenator or the circuit"): the
 * remedies for a thrombosed or leaking membrane (`changeOxygenator`) and for a ruptured, kinked or clotted circuit
 * (`changeCircuit`: tubing, pump head and oxygenator, the cannulae left in place), what ELSO drills as the emergency
 * circuit change. On the action, for the device's prime V (circuit.oxygenatorChange.primeVolume, or the whole
 * circuit's circuit.primeVolume) and its downtime T:
 *   t₀:      both lines clamped (the ECMO flow stops: the patient has the native lung alone), and the filter limb (the
 *            CRRT machine paused while the circuit is opened); the old device cut out
 *            and discarded with its blood, its place taken by the new one's crystalloid prime: over the downtime a
 *            whole-blood loss at V / T (fluid balance, the solutes and the platelets read it as bleeding) and the
 *            prime given at V / T (now.blood.primeInfusion_mL_h, counted as fluid given). The model's blood volume
 *            holds the circuit's contents (Model.intravascular0_mL), so the exchange is volume-neutral for the
 *            patient's pressures and dilutes what the circuit's blood carries. A circuit change takes the old
 *            circuit's faults with it at once: no rupture, no kink, no air in the pump head (the air part).
 *   t₀ + T:  the new device in, its fibres clean (the thrombus load 0, circuit.oxygenator.thrombosis and plasmaLeak
 *            0); both lines unclamped, the procedure's last step, and the filter limb as it was before. A fault of the device taken out ends (sim/faults:
 *            endsWithChangeOf).
 * No state of its own: the loss is integrated in fluid balance's blood-lost ledger, the prime in its fluid given.
 */
import { fmt, type Action, type EventLog } from '../../model/events.js';
import type { ModelDefinition } from '../../model/part.js';
import { applySetting } from '../../model/settings.js';
import type { Scenario } from '../../scenario/resolve.js';

type Circuit = NonNullable<Scenario['circuit']>;

/** What a change replaces: its event, its words, its prime (mL) and downtime (min) from the settings now. */
interface DeviceChange {
  readonly event: 'oxygenator_change' | 'circuit_change';
  readonly device: 'oxygenator' | 'circuit';
  readonly prime_mL: (c: Circuit) => number;
  readonly downtime_min: (c: Circuit) => number;
}

const OXYGENATOR: DeviceChange = {
  event: 'oxygenator_change',
  device: 'oxygenator',
  prime_mL: (c) => c.oxygenatorChange.primeVolume,
  downtime_min: (c) => c.oxygenatorChange.downtime,
};
const CIRCUIT: DeviceChange = {
  event: 'circuit_change',
  device: 'circuit',
  prime_mL: (c) => c.primeVolume,
  downtime_min: (c) => c.circuitChange.downtime,
};

/** The oxygenator's blood-side resistance over the clean device's, less 1: its ΔP's rise at the same flow and viscosity (circuitNow.ts). */
export function resistanceRise(thrombusLoad: number, thrombosis: number): number {
  return (1 + thrombusLoad) / (1 - thrombosis) - 1;
}

/** The change an action asks for (a circuit change includes the oxygenator), or null. */
function deviceChangeOf(action: Action): DeviceChange | null {
  return action.changeCircuit ? CIRCUIT : action.changeOxygenator ? OXYGENATOR : null;
}

export const deviceChangeModel: ModelDefinition = {
  name: 'device change',
  states: [],
  series: {
    oxygenators_used: ['1', 'Oxygenators used since the start: 1, and one more at each oxygenator or circuit change (from the moment the old one is cut out)'],
    circuits_used: ['1', 'ECMO circuits used since the start: 1, and one more at each circuit change'],
  },
  create(m, slot) {
    const thrombus = slot('oxygenatorThrombus');
    /** The change under way (its end: Model.devices.restartAt_h); null when none is. */
    let underway: DeviceChange | null = null;
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

    const newDevice = (y: number[], log: EventLog) => {
      const c = m.current.circuit!;
      y[thrombus] = 0;
      c.oxygenator.thrombosis = 0;
      c.oxygenator.plasmaLeak = 0;
      clamp(false);
      log(
        underway!.event,
        `new ${underway!.device} in, its ${fmt(underway!.prime_mL(c), 0)} mL crystalloid prime mixing with the blood; lines unclamped, ECMO flow restarts`,
      );
      underway = null;
      exchange_mL_h = 0;
      m.devices.restartAt_h = Infinity;
    };

    /** Begins a change (or says one is under way): the clamps, the counts, the exchange over the downtime. */
    const begin = (t: number, change: DeviceChange, reason: string, log: EventLog) => {
      const c = m.current.circuit!;
      if (underway) {
        log(
          change.event,
          `${underway.device === 'circuit' ? 'a circuit' : 'an oxygenator'} change is under way: the new ${underway.device} goes in at ${fmt(m.devices.restartAt_h, 2)} h`,
        );
        return;
      }
      underway = change;
      limbClampedBefore = c.clamps.filterLimb;
      const downtime = change.downtime_min(c);
      const prime = change.prime_mL(c);
      m.devices.restartAt_h = t + downtime / 60;
      exchange_mL_h = (prime * 60) / downtime;
      m.devices.started.push({ t_h: t, device: change.device, reason });
      m.devices.oxygenatorChanges++;
      if (change === CIRCUIT) {
        m.devices.circuitChanges++;
        applySetting(m, { path: 'circuit.rupture', value: 'none' });
        applySetting(m, { path: 'circuit.drainageLine.kink', value: 0 });
      }
      clamp(true);
      log(
        change.event,
        `${reason}: both lines clamped, ECMO flow stopped for ${fmt(downtime, 1)} min; ` +
          `the old ${change.device} and its ${fmt(prime, 0)} mL of blood discarded, the new one's prime in its place`,
      );
    };

    return {
      perform(t, _y, action, log) {
        const change = deviceChangeOf(action);
        if (change && m.current.circuit) begin(t, change, action.note ?? `${change.device} change`, log);
        // without a circuit: reported when the scenario is read (sim/scenario/absentDeviceActions.ts)
      },
      /** The unit's elective change (circuit.oxygenatorChange.onPressureRise): the resistance's rise reaching its limit. */
      located: [
        {
          excess: (now) => {
            const c = m.current.circuit;
            if (!c || !c.oxygenatorChange.onPressureRise || underway) return -Infinity;
            return resistanceRise(now.y[thrombus], c.oxygenator.thrombosis) - c.oxygenatorChange.pressureRise;
          },
          reached(t, y, log) {
            const c = m.current.circuit!;
            const rise = resistanceRise(y[thrombus], c.oxygenator.thrombosis);
            begin(
              t,
              OXYGENATOR,
              `oxygenator resistance up ${fmt(100 * rise, 0)} % (ΔP at the same flow), the unit's limit ${fmt(100 * c.oxygenatorChange.pressureRise, 0)} %`,
              log,
            );
          },
        },
      ],
      nextEventTime() {
        return m.devices.restartAt_h;
      },
      applyScheduled(t, y, log) {
        if (!underway || t < m.devices.restartAt_h - 1e-9) return false;
        newDevice(y, log);
        return true;
      },
      derive(now) {
        now.blood.bleeding_mL_h += exchange_mL_h;
        now.blood.primeInfusion_mL_h = exchange_mL_h;
      },
      observe(_now, out) {
        const circuit = m.current.circuit;
        out.oxygenators_used = circuit ? 1 + m.devices.oxygenatorChanges : NaN;
        out.circuits_used = circuit ? 1 + m.devices.circuitChanges : NaN;
      },
    };
  },
};
