/**
 * The filter limb's return line off its port (circuit.filterLimb.returnDisconnected): the CRRT blood pump, occlusive,
 * pumps the limb's return Q_lr = Q_f − net UF onto the floor while it runs, so the patient loses Q_lr, drawn through
 * the circuit, unless the circuit is cut off from the patient (its flow below the isolation threshold,
 * sim/filter/circuitBlood.ts: the pump then empties the circuit's own blood, as a post-pump rupture does, part.ts).
 * The port it came off is the air model's (sim/circuit/air/openings.ts). The lost blood is taken at the patient's
 * concentrations and the filter's clearance of it is counted besides [E: it over-counts each filtered solute's
 * loss by the filter's removal from the limb's blood, K·C, against the blood's Q_f·C]. No state: a rate read from the
 * filter's operating point now, added to the patient's bleeding by the blood-loss part.
 */
import { fmt, type EventLog } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import { limbReturnSegment } from '../circuitNow.js';

/** The limb's return onto the floor (mL/h) now, and its event when it starts, changes or stops. */
export function limbReturnLoss(m: Model) {
  const rate_mL_h = (now: Now): number => {
    const c = m.current.circuit;
    const fn = now.filter;
    if (!c?.filterLimb.returnDisconnected || !fn) return 0;
    const onCircuit = limbReturnSegment(c.filterLimb.connection) !== 'none';
    return onCircuit && m.filter.circuitIsolated ? 0 : 60 * fn.op.limbReturn_mL_min;
  };
  /** The loss last reported (mL/h). */
  let reported_mL_h = 0;
  const report = (now: Now, log: EventLog): void => {
    const lost = rate_mL_h(now);
    if (lost === reported_mL_h) return;
    reported_mL_h = lost;
    if (lost > 0) {
      log('blood_loss', `the filter limb's return line is off its port: the CRRT pump's ${fmt(lost / 60, 0)} mL/min go onto the floor`, lost / 60);
      return;
    }
    const why = !m.current.circuit?.filterLimb.returnDisconnected
      ? "the filter limb's return line is on its port again"
      : !now.filter
        ? "the CRRT blood pump stopped: nothing more goes onto the floor from the limb's return line"
        : 'the circuit is cut off from the patient: the CRRT pump empties its own blood';
    log('blood_loss', `limb return loss stopped: ${why}`, 0);
  };
  return { rate_mL_h, report };
}
