/**
 * The right-hand side of the slow system, dy/dt in units per hour. No circuit solve is needed here: the filter
 * limb's flow is set by its own pump and no slow state depends on the ECMO loop's pressures, so the network is
 * solved only where its outputs are read (observe.ts). Every flux that changes an amount is also written to the
 * ledger, so the mass balances close by construction of the model, not of the test.
 */
import { activatedPartialThromboplastinTime_s, heparinElimination_U_h } from '../patient/heparin.js';
import { sepsisDrive } from '../patient/sepsisDrive.js';
import { twoCompartmentFluxes, type SoluteFluxes } from '../patient/twoCompartmentSolute.js';
import { crpSynthesis } from '../patient/crp.js';
import { plasmaRefill_mL_h } from '../patient/fluidBalance.js';
import { anticoagulationShortfall, cakeGrowthRate_per_h, clottingHazard_per_h, proteinLayerRate_per_h } from '../filter/membrane.js';
import { bloodState } from './bloodState.js';
import { filterNow } from './filterNow.js';
import type { Model } from './model.js';
import { IL6_SLOTS as IL6_EXPORT, PCT_SLOTS as PCT_EXPORT, STATE as STATE_EXPORT, STATE_SIZE as SIZE_EXPORT, type SoluteSlots } from './stateLayout.js';
/** Bound once: where modules are compiled to CommonJS (tsx), every use of an imported binding is a getter call. */
const S = STATE_EXPORT;
const STATE_SIZE = SIZE_EXPORT;
const IL6_SLOTS = IL6_EXPORT;
const PCT_SLOTS = PCT_EXPORT;

/** One derivative array per model, reused: odex copies the values out at once (odex.js, its wrapper F). */
const scratch = new WeakMap<Model, number[]>();

export function derivatives(m: Model, t: number, y: number[]): number[] {
  let dy = scratch.get(m);
  if (!dy) scratch.set(m, (dy = new Array<number>(STATE_SIZE)));
  dy.fill(0);
  const sc = m.current;
  const p = sc.patient;
  const k = sc.kinetics;
  const blood = bloodState(m, y);
  const fn = filterNow(m, t, y, blood);

  // Fluids (mL/h)
  const effluent = fn ? fn.op.effluent_mL_h : 0;
  const replacement = fn ? effluent - sc.prescription.netUltrafiltration : 0;
  const refill = plasmaRefill_mL_h(
    m.refillConductance_mL_h_mmHg,
    y[S.intravascularVolume_mL],
    m.intravascular0_mL,
    p.venousCompliance,
    y[S.interstitialVolume_mL],
    m.interstitial0_mL,
    p.fluids.interstitialCompliance,
  );
  dy[S.intravascularVolume_mL] = p.fluids.infusion - p.fluids.urineOutput + replacement - effluent + refill;
  dy[S.interstitialVolume_mL] = -refill;
  dy[S.fluidInfused_mL] = p.fluids.infusion;
  dy[S.urine_mL] = p.fluids.urineOutput;
  dy[S.replacement_mL] = replacement;
  dy[S.effluent_mL] = effluent;

  const drive = sepsisDrive(t, k.sepsisDrive.residualFraction, k.sepsisDrive.timeConstant);

  // IL-6 (pg): plasma + peripheral
  writeSolute(
    dy,
    IL6_SLOTS,
    twoCompartmentFluxes(
      blood.il6_pg_mL,
      y[S.il6Peripheral_pg] / k.il6.peripheralVolume,
      m.il6Production0_pg_h * drive,
      k.il6.endogenousClearance,
      k.il6.interCompartmentClearance,
      fn ? fn.il6Convective_mL_h : 0,
      fn ? fn.il6Adsorptive_mL_h : 0,
    ),
  );

  // Procalcitonin (ng): production follows its own stimulus (bacterial, cut by antibiotics) after a first-order lag
  const pctStimulus = sepsisDrive(t, k.pct.productionResidualFraction, k.pct.productionTimeConstant);
  dy[S.pctDriveLag] = (pctStimulus - y[S.pctDriveLag]) / k.pct.productionLag;
  writeSolute(
    dy,
    PCT_SLOTS,
    twoCompartmentFluxes(
      blood.pct_ng_mL,
      y[S.pctPeripheral_ng] / k.pct.peripheralVolume,
      m.pctProduction0_ng_h * y[S.pctDriveLag],
      m.pctEndogenousClearance_mL_h,
      k.pct.interCompartmentClearance,
      fn ? fn.pctConvective_mL_h : 0,
      fn ? fn.pctAdsorptive_mL_h : 0,
    ),
  );

  // CRP (mg): hepatic synthesis from lagged IL-6
  const transit = 2 / k.crp.synthesisLag;
  dy[S.crpSignal1_pg_mL] = (blood.il6_pg_mL - y[S.crpSignal1_pg_mL]) * transit;
  dy[S.crpSignal2_pg_mL] = (y[S.crpSignal1_pg_mL] - y[S.crpSignal2_pg_mL]) * transit;
  const crpMade = crpSynthesis(m.crpMaxSynthesis_mg_h, k.crp.il6HalfEffect, k.crp.hill, y[S.crpSignal2_pg_mL]);
  const crpGone = m.crpElimination_per_h * y[S.crp_mg];
  const crpFiltered = fn ? (fn.crpConvective_mL_h * blood.crp_mg_L) / 1000 : 0;
  dy[S.crp_mg] = crpMade - crpGone - crpFiltered;
  dy[S.crpProduced_mg] = crpMade;
  dy[S.crpEliminated_mg] = crpGone;
  dy[S.crpRemoved_mg] = crpFiltered;

  // Albumin (g): synthesis, catabolism, transcapillary escape and lymphatic return, loss to effluent
  const escape = k.albumin.transcapillaryEscapeRate * y[S.albuminIntravascular_g];
  const back = m.albuminReturn_per_h * y[S.albuminExtravascular_g];
  const catabolism = m.albuminCatabolism_per_h * y[S.albuminIntravascular_g];
  const albuminLost = fn ? (fn.albuminConvective_mL_h * blood.albumin_g_L) / 1000 : 0;
  dy[S.albuminIntravascular_g] = m.albuminSynthesis_g_h - catabolism - escape + back - albuminLost;
  dy[S.albuminExtravascular_g] = escape - back;
  dy[S.albuminProduced_g] = m.albuminSynthesis_g_h;
  dy[S.albuminEliminated_g] = catabolism;
  dy[S.albuminRemoved_g] = albuminLost;

  // Creatinine (mg): muscle production, renal clearance, filtration
  const creatinineMade = k.creatinine.production;
  const creatinineRenal = (k.creatinine.renalClearance * 60 * blood.creatinine_mg_dL) / 100;
  const creatinineFiltered = fn ? (fn.creatinineConvective_mL_h * blood.creatinine_mg_dL) / 100 : 0;
  dy[S.creatinine_mg] = creatinineMade - creatinineRenal - creatinineFiltered;
  dy[S.creatinineProduced_mg] = creatinineMade;
  dy[S.creatinineEliminated_mg] = creatinineRenal;
  dy[S.creatinineRemoved_mg] = creatinineFiltered;

  // Heparin (U): infusion, saturable + linear elimination; not filtered
  const infusion = sc.prescription.heparin.infusion;
  const heparinGone = heparinElimination_U_h(m.heparin, blood.heparin_U_mL);
  dy[S.heparin_U] = infusion - heparinGone;
  dy[S.heparinInfused_U] = infusion;
  dy[S.heparinEliminated_U] = heparinGone;

  // Membrane and oxygenator
  const aptt = activatedPartialThromboplastinTime_s(k.heparin.apttBaseline, k.heparin.apttSlope, blood.heparin_U_mL);
  const shortfall = anticoagulationShortfall(aptt, sc.prescription.heparin.targetLow, k.heparin.apttBaseline);
  if (fn && sc.filter) {
    const flux = fn.op.effluent_mL_h / sc.filter.area;
    dy[S.proteinLayerCoverage] = proteinLayerRate_per_h(fn.coverage, flux, sc.filter.proteinLayer.referenceFlux, sc.filter.proteinLayer.timeConstant);
    dy[S.cakeResistance] = cakeGrowthRate_per_h(sc.filter.fouling.cakeResistancePerProtein, flux, fn.op.membraneProtein_g_L);
    dy[S.clottedFraction] = clottingHazard_per_h(sc.filter.clotting, fn.op.filtrationFraction, shortfall) * (1 - fn.clottedFraction);
  }
  if (sc.circuit) {
    const o = sc.circuit.oxygenator;
    dy[S.oxygenatorThrombus] = o.thrombusRate * (1 + o.thrombusAnticoagulationFactor * shortfall * shortfall);
  }
  return dy;
}

/** Writes a two-compartment solute's fluxes into its amounts and its ledger. */
function writeSolute(dy: number[], slots: SoluteSlots, f: SoluteFluxes): void {
  dy[slots.central] = f.produced - f.eliminated - f.removedInEffluent - f.adsorbed - f.exchange;
  dy[slots.peripheral] = f.exchange;
  dy[slots.produced] = f.produced;
  dy[slots.eliminated] = f.eliminated;
  dy[slots.removed] = f.removedInEffluent;
  dy[slots.adsorbed] = f.adsorbed;
}
