/**
 * The instantaneous quantities the models derive from the state at one time, shared between them: one object per
 * run, rewritten in place at each evaluation (no allocation in the right-hand side). Each field is written by one
 * model's `derive` (or `deriveForOutput`) and read by the models after it (sim/engine/models.ts gives the order).
 */
import type { FilterNow } from '../filter/filterNow.js';
import type { CircuitNow } from '../circuit/circuitNow.js';
import type { OxygenState } from '../patient/gasExchange/gasExchange.js';
import type { Metabolism } from '../patient/gasExchange/oxygenConsumption.js';

/** Room for the solute registry's concentrations (sim/patient/solutes/registry.ts). */
export const MAX_SOLUTES = 32;

export interface BloodState {
  intravascular_mL: number;
  plasma_mL: number;
  hematocrit: number;
  albumin_g_L: number;
  /** Albumin plus globulins, g/L: the protein behind oncotic pressure and membrane fouling. */
  totalProtein_g_L: number;
  /** Interstitial fluid volume, mL (fluid balance). */
  interstitial_mL: number;
  /** Interstitial protein, g/L (albumin's extravascular pool in the interstitial fluid, with globulins in plasma's ratio). */
  interstitialProtein_g_L: number;
  /** Albumin being infused now by the replacement rule, g/h (fluid balance; the albumin solute counts it as given). */
  albuminInfusion_g_h: number;
  /** Volume of a platelet unit being transfused now, mL/h (the platelets part's rule; the fluid balance counts it as given). */
  plateletInfusion_mL_h: number;
  /** A new oxygenator's or circuit's crystalloid prime taking the old one's blood's place during its change, mL/h (sim/circuit/deviceChange; fluid balance counts it as given). */
  primeInfusion_mL_h: number;
  /** Intravenous phosphate running now, mmol/h: the steady supplement and a dose of the replacement rule (the phosphate solute counts it as produced). */
  phosphateInfusion_mmol_h: number;
  /**
   * Whole blood leaving the patient now, mL/h: the patient's bleeding (fluid balance's derive) plus what circuit
   * faults lose (their derive adds to it). Fluid balance and the solutes read it in their derivatives.
   */
  bleeding_mL_h: number;
}

export interface Now {
  t_h: number;
  y: ArrayLike<number>;
  /** Fluid balance (volumes, hematocrit) and albumin (protein). */
  readonly blood: BloodState;
  /** Plasma concentration of each solute of the registry, in its display unit, at its registry index (SOLUTE.il6…). */
  readonly concentration: Float64Array;
  /** Heparin: plasma concentration (U/mL), aPTT (s), and how far the aPTT is short of its target (0–1). */
  readonly heparin: { U_mL: number; aptt_s: number; shortfall: number };
  /** The sepsis drive: cytokine production relative to the start. */
  sepsisDrive: number;
  /** Core temperature (temperature), oxygen demand, consumption and delivery (gas exchange, from its held line). */
  readonly metabolism: Metabolism;
  /**
   * Mean arterial pressure, the circulation's output and CVP, and the PaCO2 it has not adapted to (H, held within
   * ±responseRange; hypercapnicResponse.ts) (hemodynamics).
   */
  readonly hemodynamics: { map_mmHg: number; cardiacOutput_L_min: number; centralVenousPressure_mmHg: number; unadaptedPaco2_mmHg: number };
  /** Air trapped in the centrifugal pump head: the factor its head is multiplied by (1 without air). */
  readonly air: { pumpHeadFactor: number };
  /** Acid–base: Z (the bicarbonate at pH 7.4 on the Van Slyke line, acidBase.ts), and bicarbonate and pH at PaCO2. */
  readonly acidBase: { bicarbonateAtNormalPh_mmol_L: number; bicarbonate_mmol_L: number; ph: number };
  /** The kidney: renal perfusion pressure, GFR, GFR relative to the start (renal clearances scale with it), urine. */
  readonly kidney: { perfusionPressure_mmHg: number; gfr_mL_min: number; urine_mL_h: number };
  /** Platelet count, 10⁹/L (= /nL): consumed by sepsis and the circuit's surfaces (platelets part). */
  platelets_per_nL: number;
  /** The hemofilter, or null when it is not filtering. */
  filter: FilterNow | null;
  /** Outputs only: the ECMO circuit's solution, or null without a circuit. */
  circuit: CircuitNow | null;
  /** Outputs only: oxygen exchange. */
  oxygen: OxygenState | null;
  /** Arterial PCO2, the CO2 stores' (their derive, first of the models that read it: sim/patient/co2Stores). */
  paco2_mmHg: number;
  /** Outputs only: the blood gas leaving the oxygenator (gas exchange; NaN without a circuit). */
  readonly postOxygenatorGas: { po2_mmHg: number; pco2_mmHg: number; co2Removal_mL_min: number };
  /** Outputs only: the gas tensions of the blood the filter limb draws at its connection site (NaN without a circuit). */
  readonly limbAccessGas: { po2_mmHg: number; pco2_mmHg: number; n2_mmHg: number };
  /** Which periodic-check pass the engine is in (0: none): the loop's solve is shared within one (circuit/sharedSolve.ts). */
  checkPass: number;
  /** How many derivations this Now has had (the engine's deriveNow counts them): one it noted is current while equal. */
  derivations: number;
}

/**
 * The circulation's cardiac output now (mL/min): venous return meets the heart at this blood volume
 * (hemodynamics/venousReturn.ts, derived by the hemodynamics part before the circuit and gas exchange:
 * sim/engine/models.ts). At the starting volume it is the scenario's `patient.cardiacOutput` (moved by the right
 * ventricle's CO2 afterload); after a bleed or a decannulation it falls.
 */
export const circulationCardiacOutput_mL_min = (now: Pick<Now, 'hemodynamics'>): number => 1000 * now.hemodynamics.cardiacOutput_L_min;

export function createNow(): Now {
  return {
    t_h: 0,
    y: [],
    blood: {
      intravascular_mL: NaN,
      plasma_mL: NaN,
      hematocrit: NaN,
      albumin_g_L: NaN,
      totalProtein_g_L: NaN,
      interstitial_mL: NaN,
      interstitialProtein_g_L: NaN,
      albuminInfusion_g_h: 0,
      plateletInfusion_mL_h: 0,
      primeInfusion_mL_h: 0,
      phosphateInfusion_mmol_h: 0,
      bleeding_mL_h: 0,
    },
    concentration: new Float64Array(MAX_SOLUTES).fill(NaN),
    heparin: { U_mL: NaN, aptt_s: NaN, shortfall: NaN },
    sepsisDrive: NaN,
    metabolism: {
      temperature_C: NaN,
      setPoint_C: NaN,
      vo2Demand_mL_min: NaN,
      shiveringDemand_mL_min: NaN,
      vo2_mL_min: NaN,
      do2_mL_min: NaN,
      heaterEffectiveFlow_mL_min: NaN,
    },
    hemodynamics: { map_mmHg: NaN, cardiacOutput_L_min: NaN, centralVenousPressure_mmHg: NaN, unadaptedPaco2_mmHg: NaN },
    air: { pumpHeadFactor: 1 },
    acidBase: { bicarbonateAtNormalPh_mmol_L: NaN, bicarbonate_mmol_L: NaN, ph: NaN },
    kidney: { perfusionPressure_mmHg: NaN, gfr_mL_min: NaN, urine_mL_h: NaN },
    platelets_per_nL: NaN,
    filter: null,
    circuit: null,
    oxygen: null,
    paco2_mmHg: NaN,
    postOxygenatorGas: { po2_mmHg: NaN, pco2_mmHg: NaN, co2Removal_mL_min: NaN },
    limbAccessGas: { po2_mmHg: NaN, pco2_mmHg: NaN, n2_mmHg: NaN },
    checkPass: 0,
    derivations: 0,
  };
}

export interface MassBalance {
  unit: string;
  start: number;
  produced: number;
  eliminated: number;
  removed_in_effluent: number;
  adsorbed: number;
  end: number;
  /** start + produced − eliminated − removed − adsorbed − lost in bleeding − end */
  residual: number;
  /** Amount lost with blood (bleeding, a circuit fault, a filter blood leak): present only when some was lost. */
  lost_in_bleeding?: number;
  /** |residual| / max(start, end, produced) */
  relative_residual: number;
}

/**
 * A balance start + produced − eliminated − removed − adsorbed − lost = end. `lost` (with blood: bleeding, a circuit
 * fault, a filter blood leak) appears as `lost_in_bleeding` only when something was lost, so a run without bleeding
 * reports the same fields as before.
 */
export function massBalance(
  unit: string,
  start: number,
  produced: number,
  eliminated: number,
  removed: number,
  adsorbed: number,
  end: number,
  lost = 0,
): MassBalance {
  const residual = start + produced - eliminated - removed - adsorbed - lost - end;
  return {
    unit,
    start,
    produced,
    eliminated,
    removed_in_effluent: removed,
    adsorbed,
    end,
    ...(lost !== 0 ? { lost_in_bleeding: lost } : {}),
    residual,
    relative_residual: Math.abs(residual) / Math.max(Math.abs(start), Math.abs(end), Math.abs(produced), 1e-300),
  };
}
