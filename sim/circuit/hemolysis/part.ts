/**
 * Plasma free hemoglobin in the engine (hemolysis.ts): one amount (mg, in plasma), produced by the centrifugal
 * pump's shear (more with inlet suction past its threshold, and a thrombus in its head) and endogenously, cleared
 * first order; ledger states for its mass balance. The pump's operating point (speed, flow, inlet pressure) comes
 * from the loop's solve, which the right-hand side never runs: it is solved at the start, when an action reaches the
 * model, after scheduled events that move the pump's settings (a device change's end, a gradual thrombus's steps)
 * and at an hourly check, which stops the solver only when the held generation rate is more than 5 % off
 * (PeriodicCheck).
 */
import { massBalance, type Now } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import { fmt, type LocatedEvent, type PeriodicCheck } from '../../model/events.js';
import { scaleBy, type ModelDefinition } from '../../model/part.js';
import { pumpCurve } from '../centrifugalPump.js';
import { sharedCircuitNow } from '../sharedSolve.js';
import { freeHbElimination_1_h, pumpHemolysis_mg_h, suctionShare, type PumpHemolysis } from './hemolysis.js';

/** ELSO's alert level for plasma free hemoglobin, mg/dL [S: training-reference.md; Omar et al., PLoS One 2015]. */
export const FREE_HB_ALERT_mg_dL = 50;
/** How often the pump's operating point is looked at again between actions, h [E]. */
const CHECK_INTERVAL_h = 1;
/** How far the generation rate may drift before the held one is replaced (relative) [E]. */
const DRIFT = 0.05;
/** The alert is armed again once free Hb is back below this share of it (checked hourly). */
const REARM = 0.9;

/** The pump's hemolysis relation from the scenario's circuit: its index measured at the pump curve's calibration point. */
function pumpHemolysisOf(c: NonNullable<Model['scenario']['circuit']>): PumpHemolysis {
  const h = c.hemolysis;
  return {
    index_mg_L: h.pumpIndex,
    referenceSpeed_rpm: c.pump.calibrationSpeed,
    referenceFlow_mL_min: c.pump.calibrationFlow,
    exposureExponent: h.exposureExponent,
    stressExponent: h.stressExponent,
    suctionThreshold_mmHg: h.suctionThreshold,
    suctionFactor: h.suctionFactor,
  };
}

/** The pump's release as solved, its shares by cause, and the settings it was solved at (`seen`: pumpSettingsSeen). */
const heldRate = () => ({ generation_mg_h: 0, suctionShare: 0, thrombusShare: 0, seen: '' });

/**
 * What of the settings moves the pump's operating point or its damage, which a scheduled event can change (a device
 * change's end unclamps the lines and restarts the drive; a gradual thrombus steps its factor): after events the rate
 * is solved again only when one of them moved, as at an action; otherwise held.
 */
function pumpSettingsSeen(m: Model): string {
  const c = m.current.circuit;
  return c ? `${c.clamps.drainageLine} ${c.clamps.returnLine} ${c.pump.failed} ${c.pump.handCrank} ${c.hemolysis.pumpHeadThrombus}` : '';
}

/** The pump's hemolysis at the loop's solve now (air in the pump head included), into a held or pending rate. */
function releaseSolver(m: Model, params: PumpHemolysis | undefined, pump: ReturnType<typeof pumpCurve> | undefined, thrombus: number) {
  return (now: Now, into: ReturnType<typeof heldRate>): void => {
    const c = m.current.circuit;
    const cn = c && params ? sharedCircuitNow(m, pump, now, now.y[thrombus], now.air.pumpHeadFactor) : null;
    const head = c ? c.hemolysis.pumpHeadThrombus : 1; // a thrombus in the head multiplies its damage [hypothesis]
    into.generation_mg_h =
      cn && c && params ? head * pumpHemolysis_mg_h(params, c.pump.speed, cn.solution.pumpFlow_mL_min, cn.solution.drainagePressure_mmHg) : 0;
    into.suctionShare = cn && params ? suctionShare(params, cn.solution.drainagePressure_mmHg) : 0;
    into.thrombusShare = 1 - 1 / head;
    into.seen = pumpSettingsSeen(m);
  };
}

const byAmount = (y0: ArrayLike<number>, slot: (n: string) => number) => Math.max(scaleBy('plasmaFreeHb_mg')(y0, slot), 10);

export const hemolysisModel: ModelDefinition = {
  name: 'hemolysis',
  states: [
    { name: 'plasmaFreeHb_mg', scale: byAmount },
    { name: 'freeHbProduced_mg', scale: byAmount, ledger: true },
    { name: 'freeHbEliminated_mg', scale: byAmount, ledger: true },
  ],
  series: {
    plasma_free_hb_mg_dL: ['mg/dL', 'Plasma free hemoglobin (ELSO alert at 50 mg/dL)'],
    pump_hemolysis_mg_h: ['mg/h', 'Free hemoglobin released by the centrifugal pump (shear, inlet suction), as held for the solver'],
  },
  create(m, slot) {
    const [amount, produced, eliminated] = this.states.map((s) => slot(s.name));
    const thrombus = slot('oxygenatorThrombus');
    const c0 = m.scenario.circuit;
    const h = c0?.hemolysis;
    const pump = c0 ? pumpCurve(c0.pump) : undefined;
    const plasma0_dL = (m.intravascular0_mL - m.redCellVolume_mL) / 100;
    const k = h ? freeHbElimination_1_h(h.halfLife) : 0;
    const endogenous_mg_h = h ? k * h.baseline * plasma0_dL : 0;
    const params = c0 ? pumpHemolysisOf(c0) : undefined;
    const held = heldRate(); // what the derivatives read
    const pending = heldRate(); // what the last hourly look found
    const solve = releaseSolver(m, params, pump, thrombus);
    const concentration = (now: Now) => now.y[amount] / (now.blood.plasma_mL / 100);
    /** Whether the rate at the last check has drifted from the held one by more than DRIFT (then the solver stops). */
    const drifted = () => Math.abs(pending.generation_mg_h - held.generation_mg_h) > DRIFT * Math.max(held.generation_mg_h, 1);
    let started = false;
    /** Reported once until free Hb falls back below 90 % of the alert (a located event must fall below zero again). */
    let alerted = false;
    const operatingPoint: PeriodicCheck = {
      /** Due at the start (the first solve), then hourly. */
      interval: () => (started ? CHECK_INTERVAL_h : ((started = true), 0)),
      changesDerivatives: true, // the generation rate is a flux of the right-hand side
      wouldAct: drifted,
      run(now) {
        if (alerted && concentration(now) < REARM * FREE_HB_ALERT_mg_dL) alerted = false;
        // A rate within its drift stays held: the check runs inside a solver step without stopping it, and a rate
        // replaced there would reach the right-hand side at the step's end, wherever the steps happen to fall.
        if (drifted()) Object.assign(held, pending);
        return false; // the held rate is read by the right-hand side's derivatives, not by a derivation
      },
    };
    const alert: LocatedEvent = {
      excess: (now) => (params && !alerted ? concentration(now) - FREE_HB_ALERT_mg_dL : -1),
      reached(_t, _y, log, now) {
        alerted = true;
        const source =
          held.thrombusShare > 0.5 ? 'a thrombus in the pump head' : held.suctionShare > 0.5 ? 'drainage suction past the threshold' : 'pump shear';
        log(
          'hemolysis',
          `plasma free Hb ${fmt(concentration(now))} mg/dL past ${FREE_HB_ALERT_mg_dL} (ELSO): pump releasing ${fmt(held.generation_mg_h)} mg/h, mostly from ${source}`,
          concentration(now),
        );
      },
    };
    return {
      checks: params ? [operatingPoint] : [],
      located: params ? [alert] : [],
      initial(y) {
        y[amount] = h ? h.baseline * plasma0_dL : 0;
      },
      perform(_t, _y, _action, _log, at) {
        if (params) solve(at(), held);
      },
      afterEvents(_t, _y, now) {
        if (params && pumpSettingsSeen(m) !== held.seen) solve(now, held);
      },
      deriveForChecks(now) {
        if (params) solve(now, pending);
      },
      derivatives(now, dy) {
        if (!params) return;
        const gone = k * now.y[amount];
        const made = held.generation_mg_h + endogenous_mg_h;
        dy[amount] = made - gone;
        dy[produced] = made;
        dy[eliminated] = gone;
      },
      observe(now, out) {
        out.plasma_free_hb_mg_dL = params ? concentration(now) : NaN;
        out.pump_hemolysis_mg_h = params ? held.generation_mg_h : NaN;
      },
      massBalances(y0, y, out) {
        if (params) out.plasma_free_hb = massBalance('mg', y0[amount], y[produced], y[eliminated], 0, 0, y[amount]);
      },
    };
  },
};
