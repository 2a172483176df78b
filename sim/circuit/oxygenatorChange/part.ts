/**
 * An oxygenator change (docs/models/circuit-hydraulics.md, "Changing the oxygenator"): the remedy for a thrombosed
 * or leaking membrane, what ELSO drills as the emergency circuit change. On the action `changeOxygenator`:
 *   t₀:            both lines clamped (the ECMO flow stops: the patient has the native lung alone), the old device cut
 *                  out and discarded with its blood, V_ox = circuit.oxygenatorChange.primeVolume, taken as a whole-blood
 *                  loss at V_ox / downtime over the downtime (fluid balance, solutes and platelets read it as bleeding)
 *   t₀ + downtime: the new device in: its crystalloid prime V_ox joins the blood (counted as fluid given), its fibres
 *                  clean (the thrombus load 0, circuit.oxygenator.thrombosis and plasmaLeak 0: a fault of the device
 *                  taken out ends, sim/faults), the clamps back as they were before the change
 * No state of its own: the loss is integrated in fluid balance's blood-lost ledger, the prime in its fluid given.
 */
import { fmt, type EventLog } from '../../model/events.js';
import type { ModelDefinition } from '../../model/part.js';
import { applySetting } from '../../model/settings.js';

export const oxygenatorChangeModel: ModelDefinition = {
  name: 'oxygenator change',
  states: [],
  series: {
    oxygenators_used: ['1', 'Oxygenators used since the start: 1, and one more at each change (from the moment the old one is cut out)'],
  },
  create(m, slot) {
    const thrombus = slot('oxygenatorThrombus');
    const blood = slot('intravascularVolume_mL');
    const infused = slot('fluidInfused_mL');
    /** The clamps before the change under way (its end: Model.oxygenator.restartAt_h); null when none is. */
    let clampsBefore: { drainageLine: boolean; returnLine: boolean } | null = null;
    /** The old device's blood discarded over the downtime (mL/h), 0 outside it. */
    let discard_mL_h = 0;

    const clamp = (drainageLine: boolean, returnLine: boolean) => {
      applySetting(m, { path: 'circuit.clamps.drainageLine', value: drainageLine });
      applySetting(m, { path: 'circuit.clamps.returnLine', value: returnLine });
    };

    const newDevice = (y: number[], log: EventLog) => {
      const c = m.current.circuit!;
      const prime = c.oxygenatorChange.primeVolume;
      y[thrombus] = 0;
      c.oxygenator.thrombosis = 0;
      c.oxygenator.plasmaLeak = 0;
      y[blood] += prime;
      y[infused] += prime;
      clamp(clampsBefore!.drainageLine, clampsBefore!.returnLine);
      clampsBefore = null;
      m.oxygenator.restartAt_h = Infinity;
      discard_mL_h = 0;
      log('oxygenator_change', `new oxygenator in: its ${fmt(prime, 0)} mL crystalloid prime joins the blood; lines unclamped, ECMO flow restarts`);
    };

    return {
      perform(t, _y, action, log) {
        if (!action.changeOxygenator) return;
        const c = m.current.circuit;
        if (!c) return; // without a circuit: reported when the scenario is read (sim/scenario/absentDeviceActions.ts)
        if (clampsBefore) {
          log('oxygenator_change', `an oxygenator change is under way: the new oxygenator goes in at ${fmt(m.oxygenator.restartAt_h, 2)} h`);
          return;
        }
        const o = c.oxygenatorChange;
        clampsBefore = { drainageLine: c.clamps.drainageLine, returnLine: c.clamps.returnLine };
        m.oxygenator.restartAt_h = t + o.downtime / 60;
        discard_mL_h = (o.primeVolume * 60) / o.downtime;
        m.oxygenator.changes++;
        clamp(true, true);
        log(
          'oxygenator_change',
          `${action.note ?? 'oxygenator change'}: both lines clamped, ECMO flow stopped for ${fmt(o.downtime, 1)} min; ` +
            `the old oxygenator and its ${fmt(o.primeVolume, 0)} mL of blood discarded`,
        );
      },
      nextEventTime() {
        return m.oxygenator.restartAt_h;
      },
      applyScheduled(t, y, log) {
        if (!clampsBefore || t < m.oxygenator.restartAt_h - 1e-9) return false;
        newDevice(y, log);
        return true;
      },
      derive(now) {
        now.blood.bleeding_mL_h += discard_mL_h;
      },
      observe(_now, out) {
        out.oxygenators_used = m.current.circuit ? 1 + m.oxygenator.changes : NaN;
      },
    };
  },
};
