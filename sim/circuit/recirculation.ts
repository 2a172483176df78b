/**
 * Recirculation in veno-venous ECMO: the fraction of returned blood drained again before it reaches the patient.
 *   R = Q_ret / (Q_ret + c_cfg · k · CO · exp((d − d_ref)/λ))
 * CO is the circulation's native cardiac output now (circuitNow.ts reads it from the hemodynamics part), so a bleed that
 * lowers the output raises R. R rises with ECMO flow and falls with cardiac output and with the distance between the cannula tips
 * [S: reference-data.md §6 and Fisser 2022's regression for the directions; E for the form and k, which gives ~15 %
 * at 4 L/min with CO 7 L/min]. c_cfg is the configuration's share of that spread, 1 for femoro-jugular (the
 * default, unchanged); for the others it is derived from a study that measured that configuration beside
 * femoro-jugular (configurationSpread): Fisser 2022 for jugulo-femoral, Pooth 2025 for femoro-femoral and the
 * dual-lumen bicaval cannula. A dual-lumen cannula's drainage and return ports sit a fixed distance apart on the
 * one cannula, so the scenario's tip distance does not apply to it (d = d_ref).
 */
import type { Flow } from '../quantities.js';

export type CannulationConfiguration = 'femoro-jugular' | 'jugulo-femoral' | 'femoro-femoral' | 'dual-lumen-bicaval';
export const CONFIGURATIONS: readonly CannulationConfiguration[] = ['femoro-jugular', 'jugulo-femoral', 'femoro-femoral', 'dual-lumen-bicaval'];

export interface RecirculationParams {
  flowCoefficient: number;
  tipDistance_mm: number;
  referenceDistance_mm: number;
  distanceScale_mm: number;
  /** c_cfg: the configuration's spread relative to femoro-jugular (configurationSpread). */
  configurationSpread: number;
  /** σ: returned blood a malpositioned dual-lumen cannula sends straight to its drainage ports, whatever the flow (0 placed well). */
  malpositionShunt?: number;
}

/** A group's recirculation at its flow (flow absent where the source does not give it). */
export interface RecirculationGroup {
  recirculation: number;
  flow_mL_min?: number;
  measurements?: number;
}

/**
 * Recirculation by configuration, ultrasound dilution, 826 measurements in a non-randomized prospective study at
 * Regensburg (femoro-jugular) and ECMO Centre Karolinska (jugulo-femoral) [S]: median Rf and median ECMO flow of
 * each group, as its abstract gives them (https://discovery.researcher.life/topic/ultrasound-dilution/3781697).
 * Cited as Fisser et al. 2022 (authors and year as recalled, not read off the abstract page).
 */
export const FISSER_2022 = {
  'femoro-jugular': { recirculation: 0.05, flow_mL_min: 3010, measurements: 595 },
  'jugulo-femoral': { recirculation: 0.19, flow_mL_min: 3570, measurements: 231 },
} as const;

/**
 * Recirculation by configuration at one centre, ultrasonic indicator dilution, 215 measurements in 47 patients
 * (Freiburg, 2021–2023) [S]: Pooth J-S et al., Impact of cannulation strategy and extracorporeal blood flow on
 * recirculation during veno-venous ECMO, Artif Organs 2025;49(6):1012–1020, doi 10.1111/aor.14961 (abstract:
 * https://perfusfind.com/impact-of-cannulation-strategy-and-extracorporeal-blood-flow-on-recirculation-during-veno-venous-extracorporeal-membrane-oxygenation).
 * Dual-lumen single-site 8.7 % (median, IQR 0.0–12.0), femoro-jugular 17.6 % (median, IQR 0.0–25.8), bifemoral
 * 27.9 % ± 13.4 % (mean ± SD, as the abstract reports it); recirculation rose linearly with ECMO flow in every
 * group. The abstract gives no group flows.
 */
export const POOTH_2025 = {
  'femoro-jugular': { recirculation: 0.176 },
  'femoro-femoral': { recirculation: 0.279 },
  'dual-lumen-bicaval': { recirculation: 0.087 },
} as const;

/** R/(1 − R): in the form, Q / spread. */
const odds = (g: RecirculationGroup) => g.recirculation / (1 - g.recirculation);

/** R/(1 − R) per mL/min of flow: 1 / (the spread term), the quantity the form makes independent of flow. */
const oddsPerFlow = (g: RecirculationGroup & { flow_mL_min: number }) => odds(g) / g.flow_mL_min;

/**
 * c_cfg. In the form, R/(1 − R) = Q / spread, so the spreads of two configurations stand in the inverse ratio of
 * their odds per unit flow; each configuration against femoro-jugular in the same study [E: a hypothesis that the
 * groups had like cardiac outputs and tip distances]:
 *   c_jugulo-femoral = (odds/Q)_FJ / (odds/Q)_JF ≈ 0.27          Fisser 2022's medians and flows
 *   c_femoro-femoral = odds_FJ / odds_FF ≈ 0.55                  Pooth 2025 (like flows assumed: none reported)
 *   c_dual-lumen     = odds_FJ / odds_DL ≈ 2.2                   Pooth 2025 (like flows assumed: none reported)
 */
export function configurationSpread(c: CannulationConfiguration): number {
  switch (c) {
    case 'femoro-jugular':
      return 1;
    case 'jugulo-femoral':
      return oddsPerFlow(FISSER_2022['femoro-jugular']) / oddsPerFlow(FISSER_2022['jugulo-femoral']);
    case 'femoro-femoral':
    case 'dual-lumen-bicaval':
      return odds(POOTH_2025['femoro-jugular']) / odds(POOTH_2025[c]);
  }
}

/**
 * A bicaval dual-lumen cannula withdrawn from its place, in a CFD study of two designs scaled to 27 Fr [S]: Parker
 * LP, Svensson Marcial A, Brismar TB, Broman LM, Prahl Wittberg L, "Hemodynamic and recirculation performance of
 * dual lumen cannulas for venovenous ECMO" (abstract, globalauthorid.com): well placed, recirculation below 7 % at
 * 2–6 L/min; 4 cm too shallow, above 31 % at every flow; 4 cm too deep, raised at 6 L/min only (24 %); rotation
 * made no difference.
 */
export const PARKER_DUAL_LUMEN = { withdrawal_mm: 40, recirculationAtEveryFlow: 0.31 } as const;

/**
 * σ for a dual-lumen cannula withdrawn w mm: the infusion jet reaches the drainage ports and that share of it
 * recirculates whatever the flow, R = R_form + (1 − R_form)·σ. σ = 0.31 at Parker's 4 cm, so R ≥ 31 % at every flow
 * as they found; between 0 and 4 cm it grows in proportion [E: a hypothesis, no intermediate positions published].
 */
export function dualLumenWithdrawalShunt(withdrawal_mm: number): number {
  return PARKER_DUAL_LUMEN.recirculationAtEveryFlow * Math.min(Math.max(withdrawal_mm, 0) / PARKER_DUAL_LUMEN.withdrawal_mm, 1);
}

/** The scenario's recirculation settings (circuit.recirculation). */
export interface RecirculationSettings {
  flowCoefficient: number;
  tipDistance: number;
  referenceDistance: number;
  distanceScale: number;
  dualLumenWithdrawal: number;
}

/**
 * The relation's parameters for a configuration: a dual-lumen cannula's ports are a fixed distance apart (d = d_ref)
 * and its withdrawal sets σ; the two-cannula configurations have no σ.
 */
export function recirculationParams(c: CannulationConfiguration, s: RecirculationSettings): RecirculationParams {
  const dual = c === 'dual-lumen-bicaval';
  return {
    flowCoefficient: s.flowCoefficient,
    tipDistance_mm: dual ? s.referenceDistance : s.tipDistance,
    referenceDistance_mm: s.referenceDistance,
    distanceScale_mm: s.distanceScale,
    configurationSpread: configurationSpread(c),
    malpositionShunt: dual ? dualLumenWithdrawalShunt(s.dualLumenWithdrawal) : 0,
  };
}

/**
 * R at a return flow and the circulation's cardiac output, at least 1 − CO/Q_ret: the returned blood that reaches the
 * patient, Q_ret·(1 − R), is part of the heart's inflow, so it cannot exceed what the heart pumps [S: conservation of
 * volume; the venous return is the heart's output]. The relation alone breaks that bound once CO falls below
 * Q_ret·(1 − 1/a), a = c_cfg·k·exp((d − d_ref)/λ) (3.2 in the default: below 2.8 L/min at 4 L/min of return), where a
 * failing heart would otherwise receive more oxygenated blood than it ejects.
 */
export function recirculationFraction(p: RecirculationParams, returnFlow_mL_min: Flow<'mL/min'>, cardiacOutput_mL_min: Flow<'mL/min'>): number {
  if (returnFlow_mL_min <= 0) return 0;
  const spread = p.configurationSpread * p.flowCoefficient * cardiacOutput_mL_min * Math.exp((p.tipDistance_mm - p.referenceDistance_mm) / p.distanceScale_mm);
  const r = returnFlow_mL_min / (returnFlow_mL_min + spread);
  const shunt = p.malpositionShunt ?? 0;
  const related = shunt > 0 ? r + (1 - r) * shunt : r;
  return Math.max(related, 1 - cardiacOutput_mL_min / returnFlow_mL_min);
}

/**
 * Q_eff/CO as the cardiac output falls to 0 at a positive return flow Q: 1 − R = (1 − σ)·spread/(Q + spread) with the
 * spread ∝ CO, so Q·(1 − R)/CO → (1 − σ)·c_cfg·k·exp((d − d_ref)/λ), at most 1 (recirculationFraction's bound: the
 * heart receives no more returned blood than it ejects). At CO 0 itself R = 1 and Q_eff = 0; the gas exchange reads
 * this limit there, so that the pulmonary blood's ECMO share at a stopped heart continues the one just before
 * (patient/gasExchange/gasExchange.ts).
 */
export function returnShareAtZeroOutput(p: RecirculationParams): number {
  const spreadPerOutput = p.configurationSpread * p.flowCoefficient * Math.exp((p.tipDistance_mm - p.referenceDistance_mm) / p.distanceScale_mm);
  return Math.min((1 - (p.malpositionShunt ?? 0)) * spreadPerOutput, 1);
}
