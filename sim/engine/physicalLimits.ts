/**
 * The edge of the state space where the model's physiology still describes a living patient. The fluid model is
 * linear (compliances, refill), so with enough fluid removed or given it would go on to report a hematocrit of
 * 97 %, albumin at 1400 g/L, a negative interstitial volume or a venous pressure of 600 mmHg, and only later stall
 * the solver. The engine stops instead, with a message naming what left the range and why [E: limits chosen
 * beyond any survivable value, not fitted]:
 *   hematocrit above 80 %      blood that is four-fifths cells no longer flows (the highest values in survivors, in
 *                              polycythaemia, are about 70 %); reached by removing more fluid than the body holds
 *   hematocrit below 5 %       hemoglobin ~1.7 g/dL, below any survivable anaemia; reached by dilution
 *   interstitial volume ≤ 0    the interstitium is empty: the refill model has nothing left to give
 *   blood volume < 40 % of     exsanguination, once blood has been lost (bleeding, decannulation, a circuit rupture):
 *   its start                  beyond ATLS class IV haemorrhage (> 40 % lost, immediately life-threatening)
 *   venous pressure > 50 mmHg  no heart fills against it; it would match or exceed the arterial pressure of a patient
 *                              in septic shock; reached by fluid given faster than it leaves
 *   plasma albumin > 100 g/L   the plasma has been filtered away around its protein (twice the top of the normal
 *                              35–50 g/L [S2: laboratory reference range]; the limit itself [E], like the others):
 *                              reached by removing fluid while a membrane that keeps albumin back concentrates it.
 *                              Counted over the whole plasma (an isolated circuit's share included): far from the
 *                              limit the difference does not matter
 */
import { venousPressure_mmHg } from '../circuit/venousDrainage.js';
import { DRY_GAS_mmHg, saturationFromPo2 } from '../patient/gasExchange/gasExchange.js';
import { lungCo2ConductanceNow } from '../patient/gasExchange/co2Now.js';
import { alveolarGasEquation_mmHg, RESPIRATORY_QUOTIENT } from '../patient/gasExchange/ventilation.js';
import type { Model } from '../model/context.js';
import { LAYOUT } from './models.js';

const BLOOD = LAYOUT.slot('intravascularVolume_mL');
const INTERSTITIUM = LAYOUT.slot('interstitialVolume_mL');
const RED_CELLS = LAYOUT.slot('redCellVolume_mL');
const LOST = LAYOUT.slot('bloodLost_mL');
const ALBUMIN = LAYOUT.slot('albuminCentral_g');

export const MAX_HEMATOCRIT = 0.8;
export const MIN_HEMATOCRIT = 0.05;
export const MAX_VENOUS_PRESSURE_mmHg = 50;
export const MIN_BLOOD_VOLUME_FRACTION = 0.4;
export const MAX_ALBUMIN_g_L = 100;

const fmt = (v: number, d = 0) => v.toFixed(d);

/** Why the state at t is beyond the model's physiology (a sentence), or null when it is within it. */
export function physicalStateProblem(m: Model, y: ArrayLike<number>): string | null {
  const p = m.current.patient;
  const volume = y[BLOOD];
  const interstitial = y[INTERSTITIUM];
  const hematocrit = volume > 0 ? y[RED_CELLS] / volume : Infinity;
  const inOut = () => {
    const rx = m.current.prescription;
    const removal = [
      p.fluids.urineOutput > 0 ? `urine ${fmt(p.fluids.urineOutput)} mL/h` : '',
      m.current.filter && rx.netUltrafiltration > 0 ? `net ultrafiltration ${fmt(rx.netUltrafiltration)} mL/h` : '',
    ].filter(Boolean);
    return `fluid given ${fmt(p.fluids.infusion)} mL/h, removed ${removal.length ? removal.join(' + ') : '0 mL/h'}, for a ${fmt(m.weight_kg, 1)} kg patient`;
  };
  if (y[LOST] > 0 && volume < MIN_BLOOD_VOLUME_FRACTION * m.intravascular0_mL) {
    return (
      `the patient has bled out: blood volume ${fmt(volume)} mL, below ${100 * MIN_BLOOD_VOLUME_FRACTION} % of its starting ${fmt(m.intravascular0_mL)} mL ` +
      `after ${fmt(y[LOST])} mL of blood lost (${inOut()}); expected the bleeding stopped (clamp, pressure on the site, recannulate) or blood given`
    );
  }
  if (hematocrit > MAX_HEMATOCRIT) {
    return (
      `the patient has lost more fluid than the body holds: blood volume ${fmt(volume)} mL (from ${fmt(m.intravascular0_mL)} mL), ` +
      `hematocrit ${fmt(100 * Math.min(hematocrit, 9.99), 1)} %, above ${100 * MAX_HEMATOCRIT} % where the model no longer describes flowing blood ` +
      `(${inOut()}); expected less fluid removal or more fluid given`
    );
  }
  if (interstitial <= 0) {
    return `the interstitial fluid is used up (none left of ${fmt(m.interstitial0_mL)} mL; ${inOut()}); expected less fluid removal or more fluid given`;
  }
  if (hematocrit < MIN_HEMATOCRIT) {
    return (
      `the blood is diluted beyond survival: hematocrit ${fmt(100 * hematocrit, 1)} %, below ${100 * MIN_HEMATOCRIT} % ` +
      `(blood volume ${fmt(volume)} mL from ${fmt(m.intravascular0_mL)} mL; ${inOut()}); expected less fluid given`
    );
  }
  const albumin_g_L = (1000 * y[ALBUMIN]) / (volume * (1 - hematocrit));
  if (albumin_g_L > MAX_ALBUMIN_g_L) {
    return (
      `the plasma has been filtered away around its protein: albumin ${fmt(albumin_g_L, 1)} g/L, above ${MAX_ALBUMIN_g_L} g/L ` +
      `(blood volume ${fmt(volume)} mL from ${fmt(m.intravascular0_mL)} mL, hematocrit ${fmt(100 * hematocrit, 1)} %; ${inOut()}); expected less fluid removal or more fluid given`
    );
  }
  const pv = venousPressure_mmHg(p.centralVenousPressure, volume, m.intravascular0_mL, p.venousCompliance);
  if (pv > MAX_VENOUS_PRESSURE_mmHg) {
    return (
      `the patient is overloaded with fluid: venous pressure ${fmt(pv)} mmHg, above ${MAX_VENOUS_PRESSURE_mmHg} mmHg ` +
      `(blood volume ${fmt(volume)} mL from ${fmt(m.intravascular0_mL)} mL; ${inOut()}); expected less fluid given or more removed`
    );
  }
  return null;
}

/**
 * Gas exchange has a steady state only while something removes CO2 and the oxygen delivered covers what the body
 * consumes. Without either (native lung CO2 conductance 0 and no ECMO CO2 removal; oxygen consumption above
 * delivery), PaCO2 would be infinite or the mixed venous saturation below 0 %: no patient survives that state,
 * and the algebraic gas exchange (gasExchange.ts) has no answer for it.
 *
 * A PaCO2 far above normal takes the oxygen out of the alveoli (PAO2 = FiO2·713 − PaCO2/0.8, ventilation.ts), so a
 * short oxygen supply can be CO2's doing: the stop names CO2 when PaCO2 is above the normal range (45 mmHg [S2:
 * laboratory reference range 35–45]) and the blood leaving ventilated alveoli is less than half saturated (the PO2
 * the alveolar gas equation leaves, less the ventilation/perfusion drop, below hemoglobin's P50) [E: the line
 * between the two causes]; otherwise the oxygen consumed.
 */
export function gasExchangeProblem(
  m: Model,
  t_h: number,
  o: { paco2_mmHg: number; svo2: number; sao2: number; effectiveFlow_mL_min: number; lungImpairment: number },
): string | null {
  const c = m.current.circuit;
  if (Number.isFinite(o.paco2_mmHg) && o.svo2 > 0 && o.sao2 > 0) return null; // every output sample asks: no text built
  const ecmo = c ? `effective ECMO flow ${fmt(o.effectiveFlow_mL_min / 1000, 2)} L/min, sweep gas ${fmt(c.oxygenator.sweepGas, 2)} L/min` : 'no ECMO circuit';
  if (!Number.isFinite(o.paco2_mmHg)) {
    return (
      `at ${fmt(t_h, 2)} h nothing removes CO2 (native lung CO2 conductance ${fmt(lungCo2ConductanceNow(m), 2)} mL/min/mmHg, ${ecmo}): ` +
      `PaCO2 has no steady state and would rise without limit; expected patient.lung.co2Conductance above 0 or oxygenator CO2 removal`
    );
  }
  if (!(o.svo2 > 0) || !(o.sao2 > 0)) {
    return co2DisplacesOxygen(m, t_h, o.paco2_mmHg, o.lungImpairment, ecmo) ?? oxygenShort(m, t_h, ecmo);
  }
  return null;
}

/** Above the normal range of PaCO2, mmHg [S2: laboratory reference range 35–45 mmHg]. */
const NORMAL_PACO2_HIGH_mmHg = 45;

/** The stop's sentence when CO2 has taken the oxygen out of the alveoli (gasExchangeProblem), or null. */
function co2DisplacesOxygen(m: Model, t_h: number, paco2_mmHg: number, impairment: number, ecmo: string): string | null {
  const lung = m.current.patient.lung;
  const alveolar = alveolarGasEquation_mmHg(lung.ventilatorFio2, paco2_mmHg);
  const drop = lung.ventilationPerfusionDrop * impairment;
  const capillary = saturationFromPo2(alveolar - drop);
  if (!(paco2_mmHg > NORMAL_PACO2_HIGH_mmHg && capillary < 0.5)) return null;
  const startRate = m.scenario.patient.lung.ventilatorRate;
  const conductance =
    lung.ventilatorRate === startRate
      ? `patient.lung.co2Conductance ${fmt(lung.co2Conductance, 2)} mL/min/mmHg`
      : `a lung CO2 conductance of ${fmt(lungCo2ConductanceNow(m), 2)} mL/min/mmHg (patient.lung.co2Conductance ${fmt(lung.co2Conductance, 2)} at ` +
        `${Math.round(10 * startRate) / 10} breaths/min, the rate now ${Math.round(10 * lung.ventilatorRate) / 10})`;
  const titrating = lung.rateTitration.titrate ? ` (the rate titration is on, at most ${fmt(lung.rateTitration.maxRate)} breaths/min)` : '';
  return (
    `at ${fmt(t_h, 2)} h CO2 has taken the oxygen out of the lungs: PaCO2 ${fmt(paco2_mmHg)} mmHg (the body's CO2 stores, which move over ` +
    `tens of minutes towards patient.lung.co2Production ${fmt(lung.co2Production)} mL/min over ${conductance}; ${ecmo}) ` +
    `leaves an alveolar PO2 of ${fmt(alveolar)} mmHg (FiO2 ${fmt(lung.ventilatorFio2, 2)} × ${DRY_GAS_mmHg} − PaCO2/${RESPIRATORY_QUOTIENT})` +
    `${alveolar > 0 ? `, ${fmt(alveolar - drop)} mmHg after the ventilation/perfusion drop of ${fmt(drop)} mmHg` : ''}; ` +
    `blood leaving ventilated alveoli is ${fmt(100 * capillary, 1)} % saturated and the mixed venous saturation would fall below 0 %, a state no patient survives${titrating}; ` +
    `expected a PaCO2 nearer its normal 35–45 mmHg (without ECMO PaCO2 = co2Production / co2Conductance): a larger patient.lung.co2Conductance, ` +
    `a smaller co2Production, a faster ventilator (patient.lung.rateTitration.titrate) or ECMO CO2 removal`
  );
}

/** The stop's sentence when the oxygen consumed exceeds what the lungs and the circuit deliver. */
function oxygenShort(m: Model, t_h: number, ecmo: string): string {
  const p = m.current.patient;
  return (
    `at ${fmt(t_h, 2)} h the oxygen consumed (${fmt(p.lung.o2Consumption)} mL/min) exceeds what the lungs and the circuit deliver ` +
    `(cardiac output ${fmt(p.cardiacOutput / 1000, 2)} L/min, shunt ${fmt(100 * p.lung.shuntFraction)} %, ${ecmo}): ` +
    `the mixed venous saturation would fall below 0 %, a state no patient survives; expected a lower o2Consumption, a higher cardiacOutput, a smaller shuntFraction or more ECMO flow`
  );
}
