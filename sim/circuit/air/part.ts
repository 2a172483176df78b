/**
 * Air in the ECMO circuit: the volume trapped in the centrifugal pump head as its one state, fed through an opening
 * on the negative-pressure (pre-pump) segment (a timeline fault: an open port, a cracked connector, the filter limb's
 * return junction opened) and cleared by de-airing (airEntrainment.ts). Trapped air multiplies the pump's head by
 * f(V) = 1/(1 + (V/V½)^n) (circuitNow.ts); the suction that draws air in fades with it, P(V) = P_v − S·f(V), so an
 * opening fills the head until the pre-pump line reaches atmospheric pressure (V*), which airlocks the pump when
 * f(V*) < ½.
 *
 * Entrainment takes seconds, the rest of the model hours: integrated with its falling rate it makes the system stiff
 * for an explicit solver. So when an action reaches the circuit (the fault, de-airing, a setting change) the loop
 * is solved once and held: the rate Q_air at the opening's suction then, and V*. The state grows at that rate until
 * it reaches V* (a located event), then stays: dV/dt = Q_air while V < V*, 0 after. Holding the first rate
 * shortens the filling (seconds to minutes) but not where it ends. The right-hand side never solves the loop.
 * The openings (openings.ts): the timeline's airEntry, two circuit faults that open the pre-pump line as settings
 * (sim/circuit/bloodLoss: the drainage cannula out, a pre-pump rupture), and the filter limb's return junction opened
 * (timeline limbReturnOpening, or the port a disconnected return line leaves: circuit.filterLimb.returnDisconnected),
 * which draws air where the connection site returns the limb pre-pump and leaks blood (added to the patient's bleeding
 * here) where it returns above atmospheric pressure. De-airing closes the timeline's openings, not a fault still set.
 */
import { fixedScale, type ModelDefinition } from '../../model/part.js';
import { changeBrings, changeUnderway, type CircuitDevice, type Model } from '../../model/context.js';
import { fmt, type LocatedEvent } from '../../model/events.js';
import { pumpCurve } from '../centrifugalPump.js';
import { pumpHeadFactor } from './airEntrainment.js';
import { airOpenings } from './openings.js';

/** Below this share of its head the pump is reported airlocked [E: a console's flow has collapsed by then]. */
export const AIRLOCK_HEAD_FACTOR = 0.5;

/** The airlock's event: logged as the head factor crosses ½, while air may still be entering towards its equilibrium. */
function airlockMessage(air_mL: number, headFactor: number, equilibrium_mL: number, factorAtEquilibrium: number): string {
  const still =
    equilibrium_mL > air_mL
      ? ` and still entering (head × ${fmt(headFactor, 2)}, falling to × ${fmt(factorAtEquilibrium, 2)} at ${fmt(equilibrium_mL)} mL)`
      : ` (head × ${fmt(headFactor, 2)})`;
  return `pump airlocked: ${fmt(air_mL)} mL of air in the pump head${still}; flow collapses; de-air the circuit`;
}

/**
 * The device whose change the action at t began, if it brings a new pump head (a circuit's, or the head alone): not a
 * change asked while another is under way, which the device-change part refuses (it runs before this part).
 */
function newHeadBegun(m: Model, t: number): CircuitDevice | null {
  const begun = changeUnderway(m);
  return begun && begun.t_h === t && changeBrings(begun.device, 'pumpHead') ? begun.device : null;
}

export const airModel: ModelDefinition = {
  name: 'air',
  states: [{ name: 'airPumpHead_mL', scale: fixedScale(10) }],
  series: {
    air_pump_head_mL: ['mL', 'Air trapped in the centrifugal pump head'],
    air_entrainment_mL_min: ['mL/min', 'Air drawn into the pre-pump line through an opening (what the bubble detector sees)'],
    pump_head_factor: ['1', 'What trapped air leaves of the pump head (1 without air; airlocked below 0.5)'],
  },
  create(m, slot) {
    const air = slot('airPumpHead_mL');
    const thrombus = slot('oxygenatorThrombus');
    const pump = m.scenario.circuit ? pumpCurve(m.scenario.circuit.pump) : undefined;
    const factor = (v: number) => {
      const a = m.current.circuit?.air;
      return a ? pumpHeadFactor(v, a.halfHeadVolume, a.airlockSteepness) : 1;
    };
    const openings = airOpenings(m, pump, air, thrombus, factor);
    const { held } = openings;
    const filling = (v: number) => held.rate_mL_h > 0 && v < held.equilibrium_mL;
    const filled: LocatedEvent = {
      excess: (now) => (held.rate_mL_h > 0 ? now.y[air] - held.equilibrium_mL : -1),
      reached(_t, y) {
        y[air] = Math.max(y[air], held.equilibrium_mL);
        held.rate_mL_h = 0; // the pre-pump line is at atmospheric pressure at the opening: no more air enters
      },
    };
    /** Reported once per airlock: a located event must fall below zero again once it has happened. */
    let airlocked = false;
    let seenAtHold = '';
    const airlock: LocatedEvent = {
      excess: (now) => (airlocked ? -1 : AIRLOCK_HEAD_FACTOR - now.air.pumpHeadFactor),
      reached(_t, y, log, now) {
        airlocked = true;
        log('pump_airlock', airlockMessage(y[air], now.air.pumpHeadFactor, held.equilibrium_mL, factor(held.equilibrium_mL)));
      },
    };
    return {
      located: [filled, airlock],
      perform(t, y, action, log, at) {
        const opening = action.fault?.airEntry;
        const limbOpening = action.fault?.limbReturnOpening;
        // de-aired, a new circuit (changeCircuit: its pump head and connectors new, sim/circuit/deviceChange), or a new
        // pump head alone (changePumpHead: the old one's air goes with it, an opening upstream stays open)
        const newHead = newHeadBegun(m, t);
        if ((action.deAir || newHead) && m.current.circuit) {
          const limb = openings.open.limb_mm > 0 ? " (the filter limb's return junction tightened)" : '';
          if (action.deAir) log('de_air', `opening closed${limb}, ${fmt(y[air])} mL of air removed from the pump head`);
          y[air] = 0;
          if (action.deAir || newHead === 'circuit') Object.assign(openings.open, { entry_mm: 0, limb_mm: 0 });
          airlocked = false;
        }
        if (opening !== undefined) {
          if (!m.current.circuit) return log('fault', 'an opening on the pre-pump line: no ECMO circuit, nothing happens');
          openings.open.entry_mm = opening;
        }
        if (limbOpening !== undefined) openings.open.limb_mm = limbOpening;
        const opened = openings.settingsOpened();
        seenAtHold = openings.seen();
        openings.hold(at());
        openings.report(log, opening !== undefined || opened.fault, limbOpening !== undefined || opened.port);
      },
      /**
       * After a scheduled change of what the openings see (a device change's or recannulation's end: the lines
       * unclamped, a recannulated vessel's opening closed) they are solved again as at an action; otherwise held.
       */
      afterEvents(_t, _y, now) {
        const seen = openings.seen();
        if (seen === seenAtHold) return;
        seenAtHold = seen;
        openings.settingsOpened();
        if (held.opening_mm > 0 || openings.anyOpen()) openings.hold(now);
      },
      derive(now) {
        now.air.pumpHeadFactor = factor(now.y[air]);
        now.blood.bleeding_mL_h += held.prePumpLeak_mL_h + held.junctionLeak_mL_h;
      },
      derivatives(now, dy) {
        dy[air] = filling(now.y[air]) ? held.rate_mL_h : 0;
      },
      observe(now, out) {
        const c = m.current.circuit;
        out.air_pump_head_mL = c ? now.y[air] : NaN;
        out.air_entrainment_mL_min = c ? (filling(now.y[air]) ? held.rate_mL_h / 60 : 0) : NaN;
        out.pump_head_factor = c ? now.air.pumpHeadFactor : NaN;
      },
    };
  },
};
