/**
 * Fluid balance in the engine: blood (intravascular) and interstitial volumes, plasma refill between them, and
 * the ledger of fluid given (infusion, the circuit's prime, albumin doses, platelet units, replacement) and removed (urine,
 * effluent) (fluidBalance.ts):
 *   dV_iv/dt = infusion + albumin dose + platelet unit − urine + replacement − effluent − bleeding + refill        dV_is/dt = −refill
 *   dV_rc/dt = −Hct·bleeding      hematocrit = V_rc / V_iv        (whole blood leaves: red cells with their share)
 *   refill = K·[(ΔP_is − ΔP_v) + σ·(Δπ_p − Δπ_is)]      Starling, hydrostatic and oncotic, relative to the start
 * The ECMO circuit's crystalloid prime joins the blood at cannulation (t = 0): it dilutes red cells and proteins,
 * while the circuit holds its volume, so the starting pressures are the patient's (context.ts: intravascular0_mL).
 */
import { massBalance } from '../../model/now.js';
import type { Model } from '../../model/context.js';
import { fixedScale, scaleBy, type ModelDefinition } from '../../model/part.js';
import { oncoticPressure_mmHg } from '../../filter/transmembranePressure.js';
import { g_L } from '../../quantities.js';
import { oncoticRefill_mL_h, plasmaRefill_mL_h, refillConductance_mL_h_mmHg } from './fluidBalance.js';
import { albuminReplacement } from './albuminReplacement.js';
import { dosingRuleEvents } from '../dosingRule.js';
import { startingInterstitialProtein_g_L } from '../solutes/albumin.js';
import { hemoglobin_g_dL } from '../../blood.js';
import { fmt, type Action, type EventLog } from '../../model/events.js';

const byBlood = scaleBy('intravascularVolume_mL');
/** Albumin given is counted in grams: one dose of 20 g is its typical magnitude. */
const byAlbuminDose = fixedScale(20);

/**
 * Net refill of plasma from the interstitium (mL/h), Starling: the hydrostatic part from the two volumes' distension
 * and the oncotic part from plasma and interstitial protein, both measured from the balanced start.
 */
function starlingRefill(m: Model, conductance: number, blood: number, interstitium: number) {
  const p = m.scenario.patient;
  const plasmaOncotic0 = oncoticPressure_mmHg(g_L(p.baseline.albumin + p.baseline.globulin));
  const interstitialOncotic0 = oncoticPressure_mmHg(g_L(startingInterstitialProtein_g_L(m)));
  return (y: ArrayLike<number>, plasmaProtein_g_L: number, interstitialProtein_g_L: number) => {
    const pc = m.current.patient;
    const hydrostatic = plasmaRefill_mL_h(
      conductance,
      y[blood],
      m.intravascular0_mL,
      pc.venousCompliance,
      y[interstitium],
      m.interstitial0_mL,
      pc.fluids.interstitialCompliance,
    );
    const plasmaOncotic = oncoticPressure_mmHg(g_L(plasmaProtein_g_L));
    const interstitialOncotic = oncoticPressure_mmHg(g_L(interstitialProtein_g_L));
    return hydrostatic + oncoticRefill_mL_h(conductance, pc.fluids.proteinReflection, plasmaOncotic, plasmaOncotic0, interstitialOncotic, interstitialOncotic0);
  };
}

/**
 * A fluid bolus: the volume enters the blood at once and is counted as fluid given. A transfusion: packed cells
 * (hematocrit Hct_u) likewise, their red cells Hct_u·V joining the red-cell volume. Platelet units: their volume
 * likewise (the platelets part adds their platelets and logs them).
 */
function giveFluids(m: Model, at: { blood: number; infused: number; redCells: number }, y: number[], action: Action, log: EventLog): void {
  const v = action.fluidBolus_mL;
  if (v !== undefined) {
    y[at.blood] += v;
    y[at.infused] += v;
    log('fluid_bolus', `${fmt(v, 0)} mL into the blood volume`);
  }
  const units = action.plateletUnits;
  if (units !== undefined) {
    const volume = units * m.current.prescription.plateletTransfusion.volume;
    y[at.blood] += volume;
    y[at.infused] += volume;
  }
  const u = action.transfusion_mL;
  if (u === undefined) return;
  const hct = m.current.patient.bleeding.transfusionHematocrit;
  y[at.blood] += u;
  y[at.redCells] += hct * u;
  y[at.infused] += u;
  log('transfusion', `${fmt(u, 0)} mL of packed red cells (hematocrit ${fmt(100 * hct, 0)} %) into the blood volume`);
}

export const fluidBalanceModel: ModelDefinition = {
  name: 'fluid balance',
  states: [
    { name: 'intravascularVolume_mL', scale: byBlood },
    { name: 'interstitialVolume_mL', scale: scaleBy('interstitialVolume_mL') },
    { name: 'fluidInfused_mL', scale: byBlood, ledger: true },
    { name: 'urine_mL', scale: byBlood, ledger: true },
    { name: 'replacement_mL', scale: byBlood },
    { name: 'effluent_mL', scale: byBlood },
    { name: 'albuminGiven_g', scale: byAlbuminDose },
    { name: 'redCellVolume_mL', scale: scaleBy('redCellVolume_mL') },
    { name: 'bloodLost_mL', scale: byBlood },
  ],
  series: {
    intravascular_volume_mL: ['mL', 'Blood volume'],
    interstitial_volume_mL: ['mL', 'Interstitial fluid volume'],
    hematocrit_pct: ['%', 'Hematocrit'],
    hemoglobin_g_dL: ['g/dL', 'Hemoglobin (hematocrit × MCHC 33 g/dL)'],
    effluent_volume_mL: ['mL', 'Effluent collected since the start'],
    replacement_volume_mL: ['mL', 'Replacement fluid given since the start'],
    plasma_refill_mL_h: ['mL/h', 'Net fluid moving from the interstitium into plasma (Starling: hydrostatic and oncotic)'],
    plasma_oncotic_pressure_mmHg: ['mmHg', 'Plasma colloid osmotic pressure (Landis–Pappenheimer, from total protein)'],
    albumin_given_g: ['g', 'Albumin given by the replacement rule since the start'],
    blood_loss_mL: [
      'mL',
      "Whole blood lost since the start: bleeding, decannulation, circuit rupture, a filter blood leak, an oxygenator change's discarded device",
    ],
    bleeding_rate_mL_h: ['mL/h', 'Whole blood leaving the patient now (every source)'],
  },
  create(m, slot) {
    const p = m.scenario.patient;
    const conductance = refillConductance_mL_h_mmHg(p.fluids.refillTimeConstant, p.venousCompliance, p.fluids.interstitialCompliance);
    const [blood, interstitium, infused, urine, replacement, effluent, albuminGiven, redCells, lost] = this.states.map((s) => slot(s.name));
    const albuminRule = albuminReplacement(m);
    const refill = starlingRefill(m, conductance, blood, interstitium);
    return {
      perform(_t, y, action, log) {
        giveFluids(m, { blood, infused, redCells }, y, action, log);
      },
      initial(y) {
        y[blood] = m.intravascular0_mL; // the patient's blood and the circuit's prime
        y[interstitium] = p.fluids.interstitialVolume;
        y[infused] = m.prime_mL;
        y[redCells] = m.redCellVolume_mL;
      },
      ...dosingRuleEvents(albuminRule),
      derive(now) {
        const v = now.y[blood];
        now.blood.intravascular_mL = v;
        now.blood.plasma_mL = v - now.y[redCells];
        now.blood.hematocrit = now.y[redCells] / v;
        now.blood.bleeding_mL_h = m.current.patient.bleeding.rate;
        now.blood.interstitial_mL = now.y[interstitium];
        now.blood.albuminInfusion_g_h = albuminRule.rate_g_h;
      },
      derivatives(now, dy) {
        const sc = m.current;
        const fn = now.filter;
        const effluentRate = fn ? fn.op.effluent_mL_h : 0;
        // With the ECMO flow stopped the filter's net ultrafiltration cannot come from the patient: the CRRT machine
        // balances replacement against effluent in the isolated circuit (sim/filter/circuitBlood.ts); with its fluid
        // pumps stopped (a bag empty or full, sim/filter/bags) there is neither.
        const netUltrafiltration = m.filter.circuitIsolated || m.filter.fluidPumpsStopped ? 0 : sc.prescription.netUltrafiltration;
        const replacementRate = fn ? effluentRate - netUltrafiltration : 0;
        const fluids = sc.patient.fluids;
        const given = fluids.infusion + albuminRule.rate_mL_h + now.blood.plateletInfusion_mL_h + now.blood.primeInfusion_mL_h;
        const q = refill(now.y, now.blood.totalProtein_g_L, now.blood.interstitialProtein_g_L);
        const bleeding = now.blood.bleeding_mL_h;
        dy[blood] = given - now.kidney.urine_mL_h + replacementRate - effluentRate - bleeding + q;
        dy[interstitium] = -q;
        dy[infused] = given;
        dy[urine] = now.kidney.urine_mL_h;
        dy[replacement] = replacementRate;
        dy[effluent] = effluentRate;
        dy[albuminGiven] = albuminRule.rate_g_h;
        dy[redCells] = -bleeding * now.blood.hematocrit;
        dy[lost] = bleeding;
      },
      observe(now, out) {
        const hasFilter = m.current.filter !== null;
        out.intravascular_volume_mL = now.blood.intravascular_mL;
        out.interstitial_volume_mL = now.y[interstitium];
        out.hematocrit_pct = 100 * now.blood.hematocrit;
        out.hemoglobin_g_dL = hemoglobin_g_dL(now.blood.hematocrit);
        out.effluent_volume_mL = hasFilter ? now.y[effluent] : NaN;
        out.replacement_volume_mL = hasFilter ? now.y[replacement] : NaN;
        out.plasma_refill_mL_h = refill(now.y, now.blood.totalProtein_g_L, now.blood.interstitialProtein_g_L);
        out.plasma_oncotic_pressure_mmHg = oncoticPressure_mmHg(g_L(now.blood.totalProtein_g_L));
        out.albumin_given_g = now.y[albuminGiven];
        out.blood_loss_mL = now.y[lost];
        out.bleeding_rate_mL_h = now.blood.bleeding_mL_h;
      },
      massBalances(y0, y, out) {
        // the prime is in the starting blood volume and in the ledger of fluid given: count it once, as given
        const body = (v: ArrayLike<number>) => v[blood] + v[interstitium];
        out.fluid = massBalance('mL', body(y0) - y0[infused], y[infused] + y[replacement], y[urine], y[effluent], 0, body(y), y[lost]);
      },
    };
  },
};
