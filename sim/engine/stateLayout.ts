/**
 * The slow state vector integrated by odex (time in hours). Each entry: index, unit, and a typical magnitude
 * that scales its absolute tolerance. The ledger entries integrate fluxes so mass and volume balances can be checked.
 */
export const STATE = {
  intravascularVolume_mL: 0,
  interstitialVolume_mL: 1,
  il6Central_pg: 2,
  il6Peripheral_pg: 3,
  pctCentral_ng: 4,
  pctPeripheral_ng: 5,
  pctDriveLag: 6,
  crp_mg: 7,
  crpSignal1_pg_mL: 8,
  crpSignal2_pg_mL: 9,
  albuminIntravascular_g: 10,
  albuminExtravascular_g: 11,
  heparin_U: 12,
  proteinLayerCoverage: 13,
  cakeResistance: 14,
  clottedFraction: 15,
  oxygenatorThrombus: 16,
  // ledger: cumulative fluxes
  il6Produced_pg: 17,
  il6Eliminated_pg: 18,
  il6Removed_pg: 19,
  il6Adsorbed_pg: 20,
  pctProduced_ng: 21,
  pctEliminated_ng: 22,
  pctRemoved_ng: 23,
  pctAdsorbed_ng: 24,
  crpProduced_mg: 25,
  crpEliminated_mg: 26,
  crpRemoved_mg: 27,
  albuminProduced_g: 28,
  albuminEliminated_g: 29,
  albuminRemoved_g: 30,
  heparinInfused_U: 31,
  heparinEliminated_U: 32,
  fluidInfused_mL: 33,
  urine_mL: 34,
  replacement_mL: 35,
  effluent_mL: 36,
  creatinine_mg: 37,
  creatinineProduced_mg: 38,
  creatinineEliminated_mg: 39,
  creatinineRemoved_mg: 40,
} as const;

export const STATE_SIZE = 41;

/** Where a two-compartment solute keeps its amounts and its ledger. */
export interface SoluteSlots {
  central: number;
  peripheral: number;
  produced: number;
  eliminated: number;
  removed: number;
  adsorbed: number;
}
export const IL6_SLOTS: SoluteSlots = {
  central: STATE.il6Central_pg,
  peripheral: STATE.il6Peripheral_pg,
  produced: STATE.il6Produced_pg,
  eliminated: STATE.il6Eliminated_pg,
  removed: STATE.il6Removed_pg,
  adsorbed: STATE.il6Adsorbed_pg,
};
export const PCT_SLOTS: SoluteSlots = {
  central: STATE.pctCentral_ng,
  peripheral: STATE.pctPeripheral_ng,
  produced: STATE.pctProduced_ng,
  eliminated: STATE.pctEliminated_ng,
  removed: STATE.pctRemoved_ng,
  adsorbed: STATE.pctAdsorbed_ng,
};
export type StateName = keyof typeof STATE;

/**
 * A typical magnitude of each state, for absolute tolerances: amounts by their starting value, ledger entries by
 * the amount they account for (they start at zero), fractions by 1.
 */
export function typicalMagnitudes(y0: number[]): number[] {
  const S = STATE;
  const il6 = y0[S.il6Central_pg] + y0[S.il6Peripheral_pg];
  const pct = y0[S.pctCentral_ng] + y0[S.pctPeripheral_ng];
  const crp = y0[S.crp_mg];
  const albumin = y0[S.albuminIntravascular_g] + y0[S.albuminExtravascular_g];
  const heparin = Math.max(y0[S.heparin_U], 1000);
  const blood = y0[S.intravascularVolume_mL];
  const scale: Record<StateName, number> = {
    intravascularVolume_mL: blood,
    interstitialVolume_mL: y0[S.interstitialVolume_mL],
    il6Central_pg: il6,
    il6Peripheral_pg: il6,
    pctCentral_ng: pct,
    pctPeripheral_ng: pct,
    pctDriveLag: 1,
    crp_mg: crp,
    crpSignal1_pg_mL: Math.max(y0[S.crpSignal1_pg_mL], 1),
    crpSignal2_pg_mL: Math.max(y0[S.crpSignal2_pg_mL], 1),
    albuminIntravascular_g: albumin,
    albuminExtravascular_g: albumin,
    heparin_U: heparin,
    proteinLayerCoverage: 1,
    cakeResistance: 1,
    clottedFraction: 1,
    oxygenatorThrombus: 1,
    il6Produced_pg: il6,
    il6Eliminated_pg: il6,
    il6Removed_pg: il6,
    il6Adsorbed_pg: il6,
    pctProduced_ng: pct,
    pctEliminated_ng: pct,
    pctRemoved_ng: pct,
    pctAdsorbed_ng: pct,
    crpProduced_mg: crp,
    crpEliminated_mg: crp,
    crpRemoved_mg: crp,
    albuminProduced_g: albumin,
    albuminEliminated_g: albumin,
    albuminRemoved_g: albumin,
    heparinInfused_U: heparin,
    heparinEliminated_U: heparin,
    fluidInfused_mL: blood,
    urine_mL: blood,
    replacement_mL: blood,
    effluent_mL: blood,
    creatinine_mg: y0[S.creatinine_mg],
    creatinineProduced_mg: y0[S.creatinine_mg],
    creatinineEliminated_mg: y0[S.creatinine_mg],
    creatinineRemoved_mg: y0[S.creatinine_mg],
  };
  const out = new Array<number>(STATE_SIZE);
  for (const k of Object.keys(S) as StateName[]) out[S[k]] = Math.max(scale[k], 1e-12);
  return out;
}
