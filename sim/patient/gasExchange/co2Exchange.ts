/**
 * CO2 exchange of the patient with the native lung and the ECMO oxygenator, at steady state (algebraic): the lung removes
 * g_lung·PaCO2, the oxygenator g_oxy·PvCO2 (it drains venous blood; PvCO2 by Fick):
 *   PaCO2 = VCO2·(1 − g_oxy/(CO·σ)) / (g_lung + g_oxy),  g_oxy = ε(K·A/C_min, C_min/C_max)·C_min   (a counter-current exchanger)
 * between the blood's CO2 capacity rate C_b = Q_effective·σ and the sweep's C_g = sweep/(P_B − P_H2O); K·A from the
 * published pair (sweep 2 → PaCO2 60, sweep 10 → 27 mmHg at 5 L/min) [S2], its one constant (gas-exchange.md,
 * "Carbon dioxide").
 */
import { CO2_CONTENT_SLOPE_mL_mL_mmHg } from './postOxygenator.js';
import { DRY_GAS_mmHg } from './gasExchange.js';

export interface Co2Calibration {
  /** K·A of the membrane for CO2 with its whole surface, mL/min/mmHg (solved from the published pair). */
  membraneConductance_mL_min_mmHg: number;
}

/**
 * Effectiveness of a counter-current exchanger (ε-NTU): the share of the largest possible transfer, C_min·ΔP_in,
 * that a bundle of NTU = K·A/C_min transfer units achieves with the capacity ratio C_r = C_min/C_max
 *   ε = (1 − e^(−NTU·(1 − C_r))) / (1 − C_r·e^(−NTU·(1 − C_r))),   ε = NTU/(1 + NTU) at C_r = 1
 * [S: Kays & London, Compact Heat Exchangers; the same relation serves mass exchange in membrane lungs].
 */
export function counterflowEffectiveness(ntu: number, capacityRatio: number): number {
  if (capacityRatio > 1 - 1e-9) return ntu / (1 + ntu);
  const e = Math.exp(-ntu * (1 - capacityRatio));
  return (1 - e) / (1 - capacityRatio * e);
}

/**
 * The oxygenator's CO2 conductance g_oxy (mL/min/mmHg; removal g_oxy·PvCO2, the drained venous blood's: arterialCo2_mmHg):
 * a counter-current exchanger between
 * the blood, whose CO2 capacity rate is C_b = Q_eff·σ (σ the physiological CO2 dissociation slope,
 * postOxygenator.ts), and the sweep gas, which carries no CO2 in and C_g = sweep/(P_B − P_H2O) out per mmHg:
 *   g_oxy = ε(K·A·φ/C_min, C_min/C_max)·C_min
 * So neither side can carry more than its capacity: at a sweep far above the blood's C_b/… (a low blood flow) more
 * sweep gains little, and at a sweep below it the gas limits the removal [S2: Mendes et al., Intensive Care Med Exp
 * 2016;4:1; Strassmann et al., Intensive Care Med Exp 2019;7:23]. φ the membrane surface left (faults).
 */
export function oxygenatorCo2Conductance(c: Co2Calibration, sweep_L_min: number, effectiveFlow_mL_min: number, surface = 1): number {
  if (sweep_L_min <= 0 || effectiveFlow_mL_min <= 0 || surface <= 0) return 0;
  const { cMin, cMax } = co2CapacityRates(sweep_L_min, effectiveFlow_mL_min);
  return counterflowEffectiveness((c.membraneConductance_mL_min_mmHg * surface) / cMin, cMin / cMax) * cMin;
}

/** The two sides' CO2 capacity rates (mL/min/mmHg): the blood's Q_eff·σ and the sweep's sweep/(P_B − P_H2O), smaller first. */
function co2CapacityRates(sweep_L_min: number, effectiveFlow_mL_min: number): { cMin: number; cMax: number } {
  const blood = effectiveFlow_mL_min * CO2_CONTENT_SLOPE_mL_mL_mmHg;
  const gas = (sweep_L_min * 1000) / DRY_GAS_mmHg;
  return { cMin: Math.min(blood, gas), cMax: Math.max(blood, gas) };
}

/**
 * The box the K·A search spans, mL/min/mmHg [E: a numerical bracket, four decades either side of an adult membrane's
 * ~10], and the golden-section steps that narrow it to round-off (0.618¹²⁰ of its ln-width of 18.4 is 1.5e-24).
 */
const KA_SEARCH = { low: 1e-3, high: 1e5, steps: 120 } as const;

/**
 * K·A from the published pair (sweep lo → PaCO2_lo, hi → PaCO2_hi at the reference blood flow, under an assumed VCO2,
 * native-lung conductance and cardiac output): the one K·A whose two PaCO2 lie closest to the pair's in log terms (golden-section
 * search over ln K·A; a least-squares fit of one physical constant to two published points, not a tuning: the
 * exchanger's shape is the physics). A pair whose lower sweep already asks more removal than its gas can carry (g ≥
 * C_g at K·A → ∞), or whose higher sweep removes no more, is a bad input.
 */
export function co2CalibrationFromPublishedPair(p: PublishedCo2Pair): Co2Calibration {
  // the same pair as the last (every run of a scenario, every patient of a cohort arm, the loader's check): its answer
  if (lastCo2Pair && PAIR_FIELDS.every((k) => lastCo2Pair!.pair[k] === p[k])) return lastCo2Pair.calibration;
  const calibration = Object.freeze(solveCo2Calibration(p));
  lastCo2Pair = { pair: { ...p }, calibration };
  return calibration;
}

/** The oxygenator's published sweep–PaCO2 pair and what it was measured under (circuit.oxygenator.co2). */
export interface PublishedCo2Pair {
  referenceBloodFlow: number;
  lowSweep: number;
  paco2AtLowSweep: number;
  highSweep: number;
  paco2AtHighSweep: number;
  referenceCo2Production: number;
  referenceLungConductance: number;
  referenceCardiacOutput: number;
}
const PAIR_FIELDS: readonly (keyof PublishedCo2Pair)[] = [
  'referenceBloodFlow',
  'lowSweep',
  'paco2AtLowSweep',
  'highSweep',
  'paco2AtHighSweep',
  'referenceCo2Production',
  'referenceLungConductance',
  'referenceCardiacOutput',
];
/** The last pair solved and its K·A (a search of 240 exchanger evaluations, ~5 % of building a run otherwise). */
let lastCo2Pair: { pair: PublishedCo2Pair; calibration: Co2Calibration } | undefined;

function solveCo2Calibration(p: PublishedCo2Pair): Co2Calibration {
  if (!(p.referenceBloodFlow <= p.referenceCardiacOutput)) {
    throw new Error(
      `circuit.oxygenator.co2: referenceBloodFlow (${p.referenceBloodFlow.toFixed(0)} mL/min) exceeds referenceCardiacOutput (${p.referenceCardiacOutput.toFixed(0)} mL/min); ` +
        'a membrane cannot drain more venous blood than the heart returns',
    );
  }
  const needed = (paco2: number) => oxygenatorConductanceFor(paco2, p.referenceCo2Production, p.referenceLungConductance, p.referenceCardiacOutput);
  const gLo = needed(p.paco2AtLowSweep);
  const gHi = needed(p.paco2AtHighSweep);
  // at K·A → ∞ the exchanger moves all the smaller capacity rate allows: ε → 1
  const most = (sweep: number) => co2CapacityRates(sweep, p.referenceBloodFlow).cMin;
  if (!(gLo > 0 && gHi > gLo && gLo < most(p.lowSweep) && p.highSweep > p.lowSweep)) {
    throw new Error(
      `circuit.oxygenator.co2: the published pair cannot be met by a membrane exchanger (oxygenator conductance ${gLo.toFixed(2)} → ${gHi.toFixed(2)} mL/min/mmHg; ` +
        `the lower sweep's gas carries at most ${most(p.lowSweep).toFixed(2)})`,
    );
  }
  const miss = (lnK: number) => {
    const c = { membraneConductance_mL_min_mmHg: Math.exp(lnK) };
    const at = (sweep: number) =>
      arterialCo2_mmHg(
        p.referenceCo2Production,
        p.referenceLungConductance,
        oxygenatorCo2Conductance(c, sweep, p.referenceBloodFlow),
        p.referenceCardiacOutput,
      );
    const lo = at(p.lowSweep);
    const hi = at(p.highSweep);
    return Math.log(lo / p.paco2AtLowSweep) ** 2 + Math.log(hi / p.paco2AtHighSweep) ** 2;
  };
  // the optimum lies between the K·A that meets the lower point and the one that meets the higher (the miss is
  // unimodal there: each term grows away from its own root); the search box is wide enough to hold both
  let a = Math.log(KA_SEARCH.low);
  let b = Math.log(KA_SEARCH.high);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < KA_SEARCH.steps; i++) {
    const x1 = b - r * (b - a);
    const x2 = a + r * (b - a);
    if (miss(x1) <= miss(x2)) b = x2;
    else a = x1;
  }
  return { membraneConductance_mL_min_mmHg: Math.exp(0.5 * (a + b)) };
}

/**
 * PaCO2 at the CO2 balance (mmHg). The tissues' VCO2 leaves through the native lung, g_lung·PaCO2 (alveolar gas at
 * the arterial tension), and through the membrane, which drains venous blood: g_oxy·PvCO2, with PvCO2 = PaCO2 +
 * VCO2/(CO·σ) (Fick, postOxygenator.ts; the recirculated part of the drained blood is the effective flow's loss,
 * oxygenatorCo2Conductance). VCO2 = g_lung·PaCO2 + g_oxy·(PaCO2 + VCO2/(CO·σ)) gives
 *   PaCO2 = VCO2·(1 − g_oxy/(CO·σ)) / (g_lung + g_oxy)
 * so at a given membrane a larger cardiac output (a smaller arteriovenous difference) leaves PaCO2 higher [S2: Park et
 * al., Rev Bras Ter Intensiva 2016, apnoeic pigs on VV ECMO: +3.6 mmHg per L/min]. The bracket is > 0 since the
 * membrane's blood flow is at most the cardiac output (the venous return: recirculation.ts) and ε < 1, so g_oxy < CO·σ (taken
 * as 0 should it not be); with no cardiac output the venous blood is taken at the arterial tension
 * (mixedVenousPco2_mmHg's assumption): the bracket is 1.
 */
export function arterialCo2_mmHg(co2Production_mL_min: number, lungConductance: number, oxygenatorConductance: number, cardiacOutput_mL_min: number): number {
  const g = lungConductance + oxygenatorConductance;
  if (!(g > 0)) return Infinity;
  return (co2Production_mL_min * venousDriveBracket(oxygenatorConductance, cardiacOutput_mL_min)) / g;
}

/** 1 − g_oxy/(CO·σ), at least 0; 1 with no membrane or no cardiac output (arterialCo2_mmHg). */
function venousDriveBracket(oxygenatorConductance: number, cardiacOutput_mL_min: number): number {
  if (!(oxygenatorConductance > 0 && cardiacOutput_mL_min > 0)) return 1;
  return Math.max(0, 1 - oxygenatorConductance / (cardiacOutput_mL_min * CO2_CONTENT_SLOPE_mL_mL_mmHg));
}

/**
 * The oxygenator conductance that leaves PaCO2 at `paco2_mmHg` (arterialCo2_mmHg inverted): g_oxy =
 * (VCO2 − PaCO2·g_lung)/(PaCO2 + VCO2/(CO·σ)).
 */
function oxygenatorConductanceFor(paco2_mmHg: number, co2Production_mL_min: number, lungConductance: number, cardiacOutput_mL_min: number): number {
  return (co2Production_mL_min - paco2_mmHg * lungConductance) / (paco2_mmHg + co2Production_mL_min / (cardiacOutput_mL_min * CO2_CONTENT_SLOPE_mL_mL_mmHg));
}
