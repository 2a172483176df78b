/**
 * The circuit's openings to the air and what the loop's solve at an action makes of them (part.ts holds it until the
 * next action): the pre-pump line's openings (the timeline's airEntry, the settings' faults: the drainage cannula out,
 * a pre-pump rupture; areas add at one pressure) draw air while the line is below atmospheric pressure,
 *   Q_air = C_d · A · √(2 ΔP / ρ_air)                                    (airEntrainment.ts)
 * and the filter limb's return junction opened (timeline limbReturnOpening: a cracked connector or an open port where
 * the CRRT return line joins; the setting circuit.filterLimb.returnDisconnected: the line off its port, open through
 * the port's bore) is one of them when the connection site returns the limb pre-pump (circuitNow.ts
 * limbReturnSegment). On a segment above atmospheric pressure (the pre-oxygenator site, the limb's own catheter; or
 * the pre-pump line with the pump stopped) no air enters and blood leaks out of the timeline's openings,
 *   Q_blood = C_d · A · √(2 P / ρ_blood)                                  (bloodLoss/orifice.ts)
 * which part.ts adds to the patient's bleeding. The faults' own blood losses are sim/circuit/bloodLoss's.
 */
import { fmt, type EventLog } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import type { PumpCurve } from '../centrifugalPump.js';
import { circuitNow, limbReturnSegment, type CircuitNow } from '../circuitNow.js';
import type { LimbTopology } from '../network.js';
import { orificeBloodFlow_mL_h } from '../bloodLoss/orifice.js';
import { openLumenBleed_mL_h } from '../bloodLoss/openLumen.js';
import { catheterLumen } from '../filterLimbPressures.js';
import { loopViscosity } from '../loopTemperature.js';
import { cannulaInnerDiameter_mm } from '../tube.js';
import { airEntrainment_mL_h, equilibriumAir_mL, equivalentOpening_mm, openingPressure_mmHg } from './airEntrainment.js';

/**
 * The pre-pump opening the circuit's settings make (mm): the drainage cannula's open lumen, a pre-pump rupture, or
 * both; 0 without. The cannula's holes lie upstream of the drainage line's clamp: clamped, the pump no longer draws
 * air through them (a rupture is taken on the pump's side of the clamp). Both at once are two openings in parallel at one pressure: their areas add, so the opening is
 * their equivalent diameter √(d_cannula² + d_rupture²) (airEntrainment.ts equivalentOpening_mm), not the larger one.
 */
export function faultOpening_mm(m: Model): number {
  const c = m.current.circuit;
  if (!c) return 0;
  const cannula =
    c.decannulation === 'drainage' && !c.clamps.drainageLine ? cannulaInnerDiameter_mm(c.drainageCannula.size, c.drainageCannula.wallThickness) : 0;
  return equivalentOpening_mm(cannula, c.rupture === 'prePump' ? c.ruptureOpening : 0, 0);
}

/**
 * The port the limb's return line has come off (circuit.filterLimb.returnDisconnected): open through its bore (mm);
 * 0 while the line is on it.
 */
export function disconnectedPort_mm(m: Model): number {
  const limb = m.current.circuit?.filterLimb;
  return limb?.returnDisconnected ? limb.returnPortBore : 0;
}

/** The segment the limb's return junction is on ('none': the limb's own catheter). */
type Segment = LimbTopology['return'];

/** The junction's pressure off the pre-pump line: the limb's return port, else its segment's pressure (no limb now). */
function junctionPressure(cn: CircuitNow, segment: Segment): number {
  if (cn.limb) return cn.limb.returnPort_mmHg;
  return segment === 'preOxygenator' ? cn.solution.preOxygenatorPressure_mmHg : cn.solution.venousPressure_mmHg;
}

/** The return line off its own catheter's hub: the vein bleeds back through the lumen (bloodLoss/openLumen.ts). */
const lumenOpen = (m: Model, segment: Segment) => segment === 'none' && disconnectedPort_mm(m) > 0;

/** The open lumen's bleeding (mL/h) at the vein's pressure p (mmHg). */
function lumenBleed(m: Model, now: Now, p_mmHg: number): number {
  const c = m.current.circuit!;
  const mu = loopViscosity(c, now.blood.hematocrit, now.metabolism.temperature_C).drainage_mPa_s;
  return openLumenBleed_mL_h(catheterLumen(c), mu, c.flow.bloodDensity, c.bloodDischargeCoefficient, p_mmHg);
}

/**
 * The openings, and what the solve at the last action gave: the pre-pump opening (mm), its pressure, its air rate and
 * where it stops (V*); the blood leaking out of the timeline's pre-pump openings above atmospheric, and out of the
 * limb's return junction off the pre-pump line at its pressure (mL/h).
 */
export function airOpenings(m: Model, pump: PumpCurve | undefined, air: number, thrombus: number, factor: (v: number) => number) {
  const held = { opening_mm: 0, rate_mL_h: 0, equilibrium_mL: 0, pressure_mmHg: 0, prePumpLeak_mL_h: 0, junction_mmHg: 0, junctionLeak_mL_h: 0 };
  /** The timeline's openings until de-aired (mm): airEntry on the pre-pump line, limbReturnOpening at the limb's return junction. */
  const open = { entry_mm: 0, limb_mm: 0 };
  /** The limb's return junction open (mm): the timeline's opening and the port a disconnected line left, in parallel. */
  const limbOpening_mm = () => equivalentOpening_mm(open.limb_mm, disconnectedPort_mm(m), 0);
  /** The segment the open limb return junction is on: null without one (or without an ECMO circuit and a filter limb). */
  const junction = (): Segment | null => {
    const c = m.current.circuit;
    return c && m.current.filter && limbOpening_mm() > 0 ? limbReturnSegment(c.filterLimb.connection) : null;
  };
  /** The loop solved now, with the air in the pump head: each opening's pressure, the air rate and V*, the blood leaking. */
  const hold = (now: Now) => {
    Object.assign(held, { rate_mL_h: 0, equilibrium_mL: 0, pressure_mmHg: 0, prePumpLeak_mL_h: 0, junction_mmHg: 0, junctionLeak_mL_h: 0 });
    const c = m.current.circuit;
    const segment = junction();
    const limbPrePump_mm = segment === 'prePump' ? limbOpening_mm() : 0;
    const limbElsewhere_mm = segment !== null && segment !== 'prePump' ? limbOpening_mm() : 0;
    held.opening_mm = equivalentOpening_mm(open.entry_mm, limbPrePump_mm, faultOpening_mm(m));
    if (!c || !(held.opening_mm > 0 || limbElsewhere_mm > 0)) return;
    const f = factor(now.y[air]);
    const cn = circuitNow(m, pump, now.y[thrombus], now, f);
    if (!cn) return;
    const s = cn.solution;
    const leak = (d_mm: number, p_mmHg: number) => orificeBloodFlow_mL_h(d_mm, c.bloodDischargeCoefficient, p_mmHg, c.flow.bloodDensity);
    if (held.opening_mm > 0) {
      const suction = (s.venousPressure_mmHg - s.drainagePressure_mmHg) / Math.max(f, 1e-3);
      held.pressure_mmHg = openingPressure_mmHg(s.venousPressure_mmHg, suction, f);
      held.rate_mL_h = airEntrainment_mL_h(held.opening_mm, c.air.dischargeCoefficient, held.pressure_mmHg);
      held.equilibrium_mL = equilibriumAir_mL(s.venousPressure_mmHg, suction, c.air.halfHeadVolume, c.air.airlockSteepness, c.air.headVolume);
      held.prePumpLeak_mL_h = leak(equivalentOpening_mm(open.entry_mm, limbPrePump_mm, 0), held.pressure_mmHg);
    }
    if (limbElsewhere_mm > 0) {
      held.junction_mmHg = junctionPressure(cn, segment!);
      held.junctionLeak_mL_h = lumenOpen(m, segment!) ? lumenBleed(m, now, held.junction_mmHg) : leak(limbElsewhere_mm, held.junction_mmHg);
    }
  };
  /** The pre-pump opening's event: air at the bubble detector, blood leaking out, or nothing. */
  const reportPrePump = (log: EventLog, atJunction: boolean) => {
    const site = !atJunction ? '' : disconnectedPort_mm(m) > 0 ? " (the port the filter limb's return line came off)" : " (the filter limb's return junction)";
    const where = `a ${fmt(held.opening_mm)} mm opening on the pre-pump line${site} at ${fmt(held.pressure_mmHg)} mmHg`;
    const q = held.rate_mL_h / 60;
    const leak = held.prePumpLeak_mL_h / 60;
    if (q > 0) log('air_detected', `bubble detector: air entering through ${where}, ${fmt(q, 0)} mL/min`, q);
    else if (leak > 0) log('blood_loss', `${where}: no suction there, no air enters; blood leaks out at ${fmt(leak, 0)} mL/min`, leak);
    else log('fault', `${where}: no suction there, no air enters (the fault's blood loss: circuit/bloodLoss)`);
  };
  /** The limb's return junction opened off the pre-pump line (or with nothing to open): blood out, or nothing. */
  const reportJunction = (log: EventLog, segment: Segment | null) => {
    if (segment === null) {
      const why = !m.current.circuit ? 'no ECMO circuit' : !m.current.filter ? 'no hemofilter limb' : 'a 0 mm opening';
      return log('fault', `the filter limb's return junction opened: ${why}, nothing happens`);
    }
    const site = segment === 'preOxygenator' ? 'pre-oxygenator' : 'on its own catheter';
    const opening = lumenOpen(m, segment) ? "the catheter's lumen, its line off the hub," : `${fmt(limbOpening_mm())} mm`;
    const where = `the filter limb's return junction (${site}) open through ${opening} at ${fmt(held.junction_mmHg)} mmHg`;
    const q = held.junctionLeak_mL_h / 60;
    if (q > 0) return log('blood_loss', `${where}: no air enters; blood leaks out at ${fmt(q, 0)} mL/min`, q);
    const into = segment === 'preOxygenator' ? 'the post-pump segment (the oxygenator traps it)' : 'the patient’s vein';
    log('fault', `${where}: air would enter ${into}: not modelled`);
  };
  /** The events for what an action opened: the pre-pump line's opening, the limb's return junction, or both. */
  const report = (log: EventLog, entryOrFaultOpened: boolean, limbOpened: boolean) => {
    const segment = junction();
    const limbPrePump = limbOpened && segment === 'prePump';
    if (entryOrFaultOpened || limbPrePump) reportPrePump(log, limbPrePump);
    if (limbOpened && !limbPrePump) reportJunction(log, segment);
  };
  return { held, open, hold, report, ...settingsWatch(m, open) };
}

/** The settings' openings as last seen, and what a held solve depends on besides the state (air/part.ts). */
function settingsWatch(m: Model, open: { limb_mm: number }) {
  /** The settings' openings last seen: the fault opening and the port a disconnected limb return line left open (mm). */
  const before = { fault_mm: 0, port_mm: 0 };
  /** Which of the settings' openings are new since last seen (and remember them). */
  const settingsOpened = () => {
    const fault = faultOpening_mm(m);
    const port = disconnectedPort_mm(m);
    const opened = { fault: fault > 0 && fault !== before.fault_mm, port: port > 0 && port !== before.port_mm };
    Object.assign(before, { fault_mm: fault, port_mm: port });
    return opened;
  };
  /** Any opening as last seen: the settings' or the timeline's junction. */
  const anyOpen = () => before.fault_mm > 0 || before.port_mm > 0 || open.limb_mm > 0;
  /** What the held solve depends on besides the state: the settings' openings and the lines' clamps. */
  const seen = () => {
    const c = m.current.circuit;
    return c ? `${faultOpening_mm(m)} ${disconnectedPort_mm(m)} ${c.clamps.drainageLine} ${c.clamps.returnLine}` : '';
  };
  return { settingsOpened, anyOpen, seen };
}
