/** Quantities every part of the engine derives the same way from the slow state. */
import { STATE as STATE_EXPORT } from './stateLayout.js';
/** Bound once: where modules are compiled to CommonJS (tsx), every use of an imported binding is a getter call. */
const STATE = STATE_EXPORT;
import { plasmaVolume_mL, type Model } from './model.js';

export interface BloodState {
  intravascular_mL: number;
  plasma_mL: number;
  hematocrit: number;
  albumin_g_L: number;
  /** Albumin plus globulins, g/L: the protein behind oncotic pressure and membrane fouling. */
  totalProtein_g_L: number;
  il6_pg_mL: number;
  pct_ng_mL: number;
  crp_mg_L: number;
  heparin_U_mL: number;
  creatinine_mg_dL: number;
}

export function bloodState(m: Model, y: ArrayLike<number>): BloodState {
  const v = y[STATE.intravascularVolume_mL];
  const plasma = plasmaVolume_mL(m, v);
  const albumin = (1000 * y[STATE.albuminIntravascular_g]) / plasma;
  return {
    intravascular_mL: v,
    plasma_mL: plasma,
    hematocrit: m.redCellVolume_mL / v,
    albumin_g_L: albumin,
    totalProtein_g_L: albumin + m.scenario.patient.baseline.globulin,
    il6_pg_mL: y[STATE.il6Central_pg] / plasma,
    pct_ng_mL: y[STATE.pctCentral_ng] / plasma,
    crp_mg_L: (1000 * y[STATE.crp_mg]) / plasma,
    heparin_U_mL: y[STATE.heparin_U] / m.heparin.distributionVolume_mL,
    creatinine_mg_dL: (100 * y[STATE.creatinine_mg]) / m.scenario.kinetics.creatinine.distributionVolume,
  };
}
