/**
 * The hemofilter's flows at one moment: what the prescription asks for turned into plasma and ultrafiltrate flows.
 *
 *   Q_uf (ultrafiltrate = effluent)  = dose × weight
 *   Q_rep = Q_uf − net UF;  Q_pre = f_pre·Q_rep, Q_post = (1 − f_pre)·Q_rep
 *   Qp = Q_b·(1 − Hct)                                              plasma flow into the limb
 *   FF = Q_uf / (Qp + Q_pre)                                        [S: reference-data.md §1, predilution form]
 *   DF = Qp / (Qp + Q_pre)                                          predilution dilution factor for plasma solutes [S]
 *   Hct_out = Hct·Q_b / (Q_b + Q_pre − Q_uf)                        red cells are conserved along the fibres
 *   protein at the membrane: plasma protein diluted by Q_pre, concentrated by Q_uf (mean of inlet and outlet)
 * Flows in mL/min here (the blood side's unit); the effluent rate is also given in mL/h.
 */
import { g_L, mL_h, mL_min, perMinute, type Concentration, type Flow } from '../quantities.js';

export interface FilterPrescription {
  effluent_mL_h: Flow<'mL/h'>;
  netUltrafiltration_mL_h: Flow<'mL/h'>;
  predilutionFraction: number;
  bloodFlow_mL_min: Flow<'mL/min'>;
}

export interface FilterOperatingPoint {
  bloodFlow_mL_min: Flow<'mL/min'>;
  plasmaFlow_mL_min: Flow<'mL/min'>;
  ultrafiltrate_mL_min: Flow<'mL/min'>;
  effluent_mL_h: Flow<'mL/h'>;
  predilution_mL_min: Flow<'mL/min'>;
  postdilution_mL_min: Flow<'mL/min'>;
  filtrationFraction: number;
  dilutionFactor: number;
  hematocritIn: number;
  hematocritOut: number;
  /** Mean blood flow along the fibres (inlet after predilution, outlet after filtration). */
  meanFiberFlow_mL_min: Flow<'mL/min'>;
  meanHematocrit: number;
  /** Mean total protein along the fibres. */
  membraneProtein_g_L: Concentration<'g/L'>;
  /** Blood returned to the ECMO circuit by the limb (after post-dilution). */
  limbReturn_mL_min: Flow<'mL/min'>;
}

export class FilterOperatingError extends Error {}

/**
 * The filter's flows as the scenario prescribes them: the effluent dose (mL/kg/h) times body weight, and the rest.
 * The scenario's values are plain numbers in the internal units (sim/units.ts): their units are asserted here.
 */
export function filterPrescription(
  rx: { effluentDose: number; netUltrafiltration: number; predilutionFraction: number; filterBloodFlow: number },
  weight_kg: number,
  out: Partial<FilterPrescription> = {},
): FilterPrescription {
  out.effluent_mL_h = mL_h(rx.effluentDose * weight_kg);
  out.netUltrafiltration_mL_h = mL_h(rx.netUltrafiltration);
  out.predilutionFraction = rx.predilutionFraction;
  out.bloodFlow_mL_min = mL_min(rx.filterBloodFlow);
  return out as FilterPrescription;
}

/** The operating point; `out`, when given, is filled instead of a new object (the right-hand side allocates nothing). */
export function filterOperatingPoint(
  p: FilterPrescription,
  hematocrit: number,
  plasmaProtein_g_L: Concentration<'g/L'>,
  out: Partial<FilterOperatingPoint> = {},
): FilterOperatingPoint {
  const qb = p.bloodFlow_mL_min;
  const quf = perMinute(p.effluent_mL_h);
  const qrep = quf - perMinute(p.netUltrafiltration_mL_h);
  const qpre = p.predilutionFraction * qrep;
  const qpost = qrep - qpre;
  const qp = qb * (1 - hematocrit);
  const plasmaIn = qp + qpre;
  const plasmaOut = plasmaIn - quf;
  if (!(plasmaOut > 0.05 * plasmaIn)) {
    throw new FilterOperatingError(
      `the ultrafiltrate (${quf.toFixed(1)} mL/min) would take ${((100 * quf) / plasmaIn).toFixed(0)} % of the plasma reaching the membrane (${plasmaIn.toFixed(1)} mL/min${qpre > 0 ? `, predilution included` : ''}): raise prescription.filterBloodFlow or lower prescription.effluentDose`,
    );
  }
  const hctIn = (hematocrit * qb) / (qb + qpre);
  const hctOut = (hematocrit * qb) / (qb + qpre - quf);
  const proteinIn = (plasmaProtein_g_L * qp) / plasmaIn;
  const proteinOut = (plasmaProtein_g_L * qp) / plasmaOut;
  out.bloodFlow_mL_min = qb;
  out.plasmaFlow_mL_min = mL_min(qp);
  out.ultrafiltrate_mL_min = quf;
  out.effluent_mL_h = p.effluent_mL_h;
  out.predilution_mL_min = mL_min(qpre);
  out.postdilution_mL_min = mL_min(qpost);
  out.filtrationFraction = quf / plasmaIn;
  out.dilutionFactor = qp / plasmaIn;
  out.hematocritIn = hctIn;
  out.hematocritOut = hctOut;
  out.meanFiberFlow_mL_min = mL_min(qb + qpre - quf / 2);
  out.meanHematocrit = 0.5 * (hctIn + hctOut);
  out.membraneProtein_g_L = g_L(0.5 * (proteinIn + proteinOut));
  out.limbReturn_mL_min = mL_min(qb + qpre - quf + qpost);
  return out as FilterOperatingPoint;
}
