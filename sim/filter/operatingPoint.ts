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
export interface FilterPrescription {
  effluent_mL_h: number;
  netUltrafiltration_mL_h: number;
  predilutionFraction: number;
  bloodFlow_mL_min: number;
}

export interface FilterOperatingPoint {
  bloodFlow_mL_min: number;
  plasmaFlow_mL_min: number;
  ultrafiltrate_mL_min: number;
  effluent_mL_h: number;
  predilution_mL_min: number;
  postdilution_mL_min: number;
  filtrationFraction: number;
  dilutionFactor: number;
  hematocritIn: number;
  hematocritOut: number;
  /** Mean blood flow along the fibres (inlet after predilution, outlet after filtration). */
  meanFiberFlow_mL_min: number;
  meanHematocrit: number;
  /** Mean total protein along the fibres, g/L. */
  membraneProtein_g_L: number;
  /** Blood returned to the ECMO circuit by the limb (after post-dilution), mL/min. */
  limbReturn_mL_min: number;
}

export class FilterOperatingError extends Error {}

/** The filter's flows as the scenario prescribes them: the effluent dose (mL/kg/h) times body weight, and the rest. */
export function filterPrescription(
  rx: { effluentDose: number; netUltrafiltration: number; predilutionFraction: number; filterBloodFlow: number },
  weight_kg: number,
): FilterPrescription {
  return {
    effluent_mL_h: rx.effluentDose * weight_kg,
    netUltrafiltration_mL_h: rx.netUltrafiltration,
    predilutionFraction: rx.predilutionFraction,
    bloodFlow_mL_min: rx.filterBloodFlow,
  };
}

export function filterOperatingPoint(p: FilterPrescription, hematocrit: number, plasmaProtein_g_L: number): FilterOperatingPoint {
  const qb = p.bloodFlow_mL_min;
  const quf = p.effluent_mL_h / 60;
  const qrep = quf - p.netUltrafiltration_mL_h / 60;
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
  return {
    bloodFlow_mL_min: qb,
    plasmaFlow_mL_min: qp,
    ultrafiltrate_mL_min: quf,
    effluent_mL_h: p.effluent_mL_h,
    predilution_mL_min: qpre,
    postdilution_mL_min: qpost,
    filtrationFraction: quf / plasmaIn,
    dilutionFactor: qp / plasmaIn,
    hematocritIn: hctIn,
    hematocritOut: hctOut,
    meanFiberFlow_mL_min: qb + qpre - quf / 2,
    meanHematocrit: 0.5 * (hctIn + hctOut),
    membraneProtein_g_L: 0.5 * (proteinIn + proteinOut),
    limbReturn_mL_min: qb + qpre - quf + qpost,
  };
}
