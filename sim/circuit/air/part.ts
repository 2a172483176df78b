/**
 * Air in the ECMO circuit: the volume trapped in the centrifugal pump head as its one state, fed through an opening
 * on the negative-pressure (pre-pump) segment (a timeline fault: an open port, a disconnected filter-limb return, a
 * cracked connector) and cleared by de-airing (airEntrainment.ts). Trapped air multiplies the pump's head by
 * f(V) = 1/(1 + (V/V½)^n) (circuitNow.ts); the suction that draws air in fades with it, P(V) = P_v − S·f(V), so an
 * opening fills the head until the pre-pump line reaches atmospheric pressure (V*), which airlocks the pump when
 * f(V*) < ½.
 *
 * Entrainment takes seconds, the rest of the model hours: integrated with its falling rate it makes the system stiff
 * for an explicit solver. So when an action reaches the circuit (the fault, de-airing, a setting change) the loop
 * is solved once and held: the rate Q_air at the opening's suction then, and V*. The state grows at that rate until
 * it reaches V* (a located event), then stays: dV/dt = Q_air while V < V*, 0 after. Holding the first rate
 * shortens the filling (seconds to minutes) but not where it ends. The right-hand side never solves the loop.
 * Two circuit faults open the pre-pump line as settings (sim/circuit/bloodLoss): the drainage cannula out of the vein
 * (its lumen open to the air: an opening of the cannula's inner diameter [E]) and a pre-pump rupture (its opening);
 * the widest of these and a timeline airEntry is the opening. De-airing closes an airEntry, not a fault still set.
 */
import { fixedScale, type ModelDefinition } from '../../model/part.js';
import { fmt, type LocatedEvent } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import { pumpCurve } from '../centrifugalPump.js';
import { circuitNow } from '../circuitNow.js';
import { airEntrainment_mL_h, equilibriumAir_mL, openingPressure_mmHg, pumpHeadFactor } from './airEntrainment.js';
import { cannulaInnerDiameter_mm } from '../tube.js';
import type { Model } from '../../model/context.js';

/** The pre-pump opening the circuit's settings make (mm): the drainage cannula out, or a pre-pump rupture; 0 without. */
export function faultOpening_mm(m: Model): number {
  const c = m.current.circuit;
  if (!c) return 0;
  const cannula = c.decannulation === 'drainage' ? cannulaInnerDiameter_mm(c.drainageCannula.size, c.drainageCannula.wallThickness) : 0;
  return Math.max(cannula, c.rupture === 'prePump' ? c.ruptureOpening : 0);
}

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
    /** The opening's diameter, and what the loop's solve at the last action gave: the fill rate and where it stops. */
    const held = { opening_mm: 0, rate_mL_h: 0, equilibrium_mL: 0, pressure_mmHg: 0 };
    const factor = (v: number) => {
      const a = m.current.circuit?.air;
      return a ? pumpHeadFactor(v, a.halfHeadVolume, a.airlockSteepness) : 1;
    };
    const filling = (v: number) => held.rate_mL_h > 0 && v < held.equilibrium_mL;
    /** The loop solved now, with the air in the pump head: the opening's pressure, its rate, and V*. */
    const holdLoop = (now: Now) => {
      const a = m.current.circuit?.air;
      const v = now.y[air];
      const f = factor(v);
      const cn = a && held.opening_mm > 0 ? circuitNow(m, pump, now.y[thrombus], now, f) : null;
      if (!a || !cn) return Object.assign(held, { rate_mL_h: 0, equilibrium_mL: 0, pressure_mmHg: 0 });
      const venous = cn.solution.venousPressure_mmHg;
      const suction = (venous - cn.solution.drainagePressure_mmHg) / Math.max(f, 1e-3);
      held.pressure_mmHg = openingPressure_mmHg(venous, suction, f);
      held.rate_mL_h = airEntrainment_mL_h(held.opening_mm, a.dischargeCoefficient, held.pressure_mmHg);
      held.equilibrium_mL = equilibriumAir_mL(venous, suction, a.halfHeadVolume, a.airlockSteepness, a.headVolume);
    };
    const filled: LocatedEvent = {
      excess: (now) => (held.rate_mL_h > 0 ? now.y[air] - held.equilibrium_mL : -1),
      reached(_t, y) {
        y[air] = Math.max(y[air], held.equilibrium_mL);
        held.rate_mL_h = 0; // the pre-pump line is at atmospheric pressure at the opening: no more air enters
      },
    };
    /** Reported once per airlock: a located event must fall below zero again once it has happened. */
    let airlocked = false;
    /** The timeline's airEntry opening (mm) until de-aired, and the settings' fault opening last seen. */
    let entry_mm = 0;
    let faultBefore_mm = 0;
    const airlock: LocatedEvent = {
      excess: (now) => (airlocked ? -1 : AIRLOCK_HEAD_FACTOR - now.air.pumpHeadFactor),
      reached(_t, y, log, now) {
        airlocked = true;
        log('pump_airlock', airlockMessage(y[air], now.air.pumpHeadFactor, held.equilibrium_mL, factor(held.equilibrium_mL)));
      },
    };
    return {
      located: [filled, airlock],
      perform(_t, y, action, log, at) {
        const opening = action.fault?.airEntry;
        if (action.deAir) {
          log('de_air', `opening closed, ${fmt(y[air])} mL of air removed from the pump head`);
          y[air] = 0;
          entry_mm = 0;
          airlocked = false;
        }
        if (opening !== undefined) {
          if (!m.current.circuit) return log('fault', 'an opening on the pre-pump line: no ECMO circuit, nothing happens');
          entry_mm = opening;
        }
        const fault = faultOpening_mm(m);
        const faultOpened = fault > 0 && fault !== faultBefore_mm;
        faultBefore_mm = fault;
        held.opening_mm = Math.max(entry_mm, fault);
        holdLoop(at());
        if (opening === undefined && !faultOpened) return;
        const where = `a ${fmt(held.opening_mm)} mm opening on the pre-pump line at ${fmt(held.pressure_mmHg)} mmHg`;
        const q = held.rate_mL_h / 60;
        if (q > 0) log('air_detected', `bubble detector: air entering through ${where}, ${fmt(q, 0)} mL/min`, q);
        else log('fault', `${where}: no suction there, no air enters (blood leaks out: not modelled)`);
      },
      derive(now) {
        now.air.pumpHeadFactor = factor(now.y[air]);
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
