/**
 * Changing the circuit's devices (docs/models/circuit-hydraulics.md, "Changing the oxygenator, the circuit or the console"): the
 * remedies for a thrombosed or leaking membrane (`changeOxygenator`), for a ruptured, kinked or clotted circuit
 * (`changeCircuit`: tubing, pump head and oxygenator, the cannulae left in place), what ELSO drills as the emergency
 * circuit change, and for a failed motor or console (`changeConsole`: the pump head moved onto a new drive, ELSO's
 * "new pump" after the hand crank), and for a cannula out of its vessel (`recannulate`: the cannulating team places
 * a new one); and the unit's elective oxygenator change where its resistance has risen by a limit. For the device's prime V (circuit.oxygenatorChange.primeVolume, the whole circuit's circuit.primeVolume, 0
 * for a console or a cannula) and its downtime T (the procedure: changeProcedure.ts):
 *   t₀:      both lines clamped (the ECMO flow stops: the patient has the native lung alone), and the filter limb (the
 *            CRRT machine paused while the circuit is open); the old device cut out and discarded with its blood, its
 *            place taken by the new one's crystalloid prime: over the downtime a whole-blood loss at V / T (fluid
 *            balance, the solutes and the platelets read it as bleeding) and the prime given at V / T
 *            (now.blood.primeInfusion_mL_h, counted as fluid given). The model's blood volume holds the circuit's
 *            contents (Model.intravascular0_mL), so the exchange is volume-neutral for the patient's pressures and
 *            dilutes what the blood carries. A circuit change takes the old circuit's faults with it at once: no
 *            rupture, no kink, no air in the pump head (the air part).
 *   t₀ + T:  the new device in, its fibres clean (the thrombus load 0, circuit.oxygenator.thrombosis and plasmaLeak
 *            0), or the new console's drive turning the head (circuit.pump.failed and handCrank off; its battery
 *            full: sim/circuit/power), or the vessel recannulated (circuit.decannulation none, the site's
 *            compression released); both lines unclamped, the procedure's last step, and the filter limb as it
 *            was before. A fault of the device taken out ends (sim/faults: endsWithChangeOf).
 * No state of its own: the loss is integrated in fluid balance's blood-lost ledger, the prime in its fluid given.
 */
import { fmt, type Action } from '../../model/events.js';
import type { ModelDefinition } from '../../model/part.js';
import { changeProcedure, CIRCUIT, CONSOLE, DRAINAGE_CANNULA, OXYGENATOR, PUMP_HEAD, RETURN_CANNULA, type DeviceChange } from './changeProcedure.js';
import { oxygenatorResistanceFactor } from '../circuitNow.js';
import { CIRCUIT_DEVICE_WORDS, deviceRestartAt_h, devicesChanged } from '../../model/context.js';

/** The change an action asks for (a circuit change includes the oxygenator), or null. */
function deviceChangeOf(action: Action): DeviceChange | null {
  if (action.changeCircuit) return CIRCUIT;
  if (action.changeOxygenator) return OXYGENATOR;
  if (action.changeConsole) return CONSOLE;
  if (action.changePumpHead) return PUMP_HEAD;
  return action.recannulate === 'drainage' ? DRAINAGE_CANNULA : action.recannulate === 'return' ? RETURN_CANNULA : null;
}

export const deviceChangeModel: ModelDefinition = {
  name: 'device change',
  states: [],
  series: {
    oxygenators_used: ['1', 'Oxygenators used since the start: 1, and one more at each oxygenator or circuit change (from the moment the old one is cut out)'],
    circuits_used: ['1', 'ECMO circuits used since the start: 1, and one more at each circuit change'],
    consoles_used: ['1', 'ECMO consoles (drive units) used since the start: 1, and one more at each console change'],
    pump_heads_used: ['1', 'Centrifugal pump heads used since the start: 1, and one more at each pump-head or circuit change'],
  },
  create(m, slot) {
    const thrombus = slot('oxygenatorThrombus');
    const procedure = changeProcedure(m, thrombus);

    return {
      perform(t, _y, action, log) {
        const change = deviceChangeOf(action);
        if (change && m.current.circuit) procedure.begin(t, change, action.note ?? CIRCUIT_DEVICE_WORDS[change.device].change, log);
        // without a circuit: reported when the scenario is read (sim/scenario/absentDeviceActions.ts)
      },
      /** The unit's elective change (circuit.oxygenatorChange.onPressureRise): the resistance's rise reaching its limit. */
      located: [
        {
          excess: (now) => {
            const c = m.current.circuit;
            if (!c || !c.oxygenatorChange.onPressureRise || procedure.underway()) return -Infinity;
            return oxygenatorResistanceFactor(now.y[thrombus], c.oxygenator.thrombosis) - 1 - c.oxygenatorChange.pressureRise;
          },
          reached(t, y, log) {
            const c = m.current.circuit!;
            const rise = oxygenatorResistanceFactor(y[thrombus], c.oxygenator.thrombosis) - 1; // ΔP's rise at the same flow
            procedure.begin(
              t,
              OXYGENATOR,
              `oxygenator resistance up ${fmt(100 * rise, 0)} % (ΔP at the same flow), the unit's limit ${fmt(100 * c.oxygenatorChange.pressureRise, 0)} %`,
              log,
            );
          },
        },
      ],
      nextEventTime: () => deviceRestartAt_h(m),
      applyScheduled(t, y, log) {
        if (!(t >= deviceRestartAt_h(m) - 1e-9)) return false;
        procedure.finish(y, log);
        return true;
      },
      derive(now) {
        const exchange = procedure.exchange_mL_h();
        now.blood.bleeding_mL_h += exchange;
        now.blood.primeInfusion_mL_h = exchange;
      },
      observe(_now, out) {
        const circuit = m.current.circuit;
        out.oxygenators_used = circuit ? 1 + devicesChanged(m, 'oxygenator') : NaN;
        out.circuits_used = circuit ? 1 + devicesChanged(m, 'circuit') : NaN;
        out.consoles_used = circuit ? 1 + devicesChanged(m, 'console') : NaN;
        out.pump_heads_used = circuit ? 1 + devicesChanged(m, 'pumpHead') : NaN;
      },
    };
  },
};
