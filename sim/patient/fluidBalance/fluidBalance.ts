/**
 * Fluid balance between the intravascular and interstitial spaces.
 *   dV_iv/dt = infusion − urine + replacement − effluent + Q_refill
 *   dV_is/dt = −Q_refill
 *   Q_refill = K·[(V_is − V_is0)/C_is − (V_iv − V_iv0)/C_v]
 * Each space's volume above its starting value raises its pressure through its compliance; fluid moves down
 * that pressure difference. K is set from the refill time constant: τ = 1 / (K·(1/C_v + 1/C_is)) [E].
 * Red-cell mass is conserved, so hematocrit = red-cell volume / V_iv and plasma volume = V_iv − red-cell volume.
 */
export function refillConductance_mL_h_mmHg(refillTimeConstant_h: number, venousCompliance_mL_mmHg: number, interstitialCompliance_mL_mmHg: number): number {
  return 1 / (refillTimeConstant_h * (1 / venousCompliance_mL_mmHg + 1 / interstitialCompliance_mL_mmHg));
}

export function plasmaRefill_mL_h(
  conductance_mL_h_mmHg: number,
  intravascular_mL: number,
  intravascular0_mL: number,
  venousCompliance_mL_mmHg: number,
  interstitial_mL: number,
  interstitial0_mL: number,
  interstitialCompliance_mL_mmHg: number,
): number {
  return (
    conductance_mL_h_mmHg *
    ((interstitial_mL - interstitial0_mL) / interstitialCompliance_mL_mmHg - (intravascular_mL - intravascular0_mL) / venousCompliance_mL_mmHg)
  );
}

/**
 * The oncotic part of Starling's capillary exchange, as refill into plasma relative to the balanced start:
 *   Q_onc = K·σ·[(π_p − π_p0) − (π_is − π_is0)]                    [S: Starling 1896; J = Kf·[(Pc − Pi) − σ(π_p − π_is)]]
 * with π from protein by Landis–Pappenheimer (transmembranePressure.ts). At the start filtration is balanced by lymph
 * flow, so only departures from the starting pressures move fluid; K is the same conductance as the hydrostatic part.
 */
export function oncoticRefill_mL_h(
  conductance_mL_h_mmHg: number,
  reflection: number,
  plasmaOncotic_mmHg: number,
  plasmaOncotic0_mmHg: number,
  interstitialOncotic_mmHg: number,
  interstitialOncotic0_mmHg: number,
): number {
  return conductance_mL_h_mmHg * reflection * (plasmaOncotic_mmHg - plasmaOncotic0_mmHg - (interstitialOncotic_mmHg - interstitialOncotic0_mmHg));
}
