/**
 * Cross-field rules of physics that no single field's limits can express. Each value below is legal on its own;
 * together they describe something that cannot exist, and the engine would otherwise run it and report
 * nonsense (a pump whose head rises with flow gave −7000 mmHg pre-pump) or fail with an obscure message
 * (a cannula without a lumen, heparin that is never eliminated). Found by fuzzing (docs/reliability.md).
 */
import { cannulaInnerDiameter_mm } from '../circuit/tube.js';
import { co2CalibrationFromPublishedPair } from '../patient/gasExchange/co2Exchange.js';
import { mL_min, perHour } from '../quantities.js';
import type { ScenarioIssue } from './errors.js';
import type { Scenario } from './resolve.js';

const n = (v: number) => +v.toPrecision(6);

export function physicalConsistencyIssues(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const c = s.circuit;
  if (c) {
    for (const key of ['drainageCannula', 'returnCannula'] as const) {
      const cannula = c[key];
      const inner = cannulaInnerDiameter_mm(cannula.size, cannula.wallThickness);
      if (!(inner > 0)) {
        issues.push({
          path: `circuit.${key}.wallThickness`,
          message:
            `got ${n(cannula.wallThickness)} mm: the ${n(cannula.size)} Fr cannula (outer diameter ${n(cannulaInnerDiameter_mm(cannula.size, 0))} mm) with this wall has no lumen; ` +
            `expected a wall thinner than half the outer diameter (${n(cannulaInnerDiameter_mm(cannula.size, 0) / 2)} mm)`,
        });
      }
    }
    const pump = c.pump;
    if (!(pump.shutoffHead > pump.calibrationHead)) {
      issues.push({
        path: 'circuit.pump.shutoffHead',
        message:
          `got ${n(pump.shutoffHead)} mmHg; expected more than circuit.pump.calibrationHead (${n(pump.calibrationHead)} mmHg): ` +
          `a centrifugal pump's head falls as its flow rises, so the head at zero flow exceeds the head at the calibration point`,
      });
    }
    try {
      co2CalibrationFromPublishedPair(c.oxygenator.co2);
    } catch (e) {
      issues.push({ path: 'circuit.oxygenator.co2', message: (e as Error).message.replace(/^circuit\.oxygenator\.co2: /, '') });
    }
  }
  issues.push(...co2Issues(s));
  const k = s.kinetics.heparin;
  const infusion = s.prescription.heparin.infusion;
  if (k.linearClearance <= 0 && infusion >= k.saturableVmax && infusion > 0) {
    issues.push({
      path: 'prescription.heparin.infusion',
      message:
        `got ${n(infusion)} U/h: with kinetics.heparin.linearClearance 0 mL/h the body eliminates at most kinetics.heparin.saturableVmax (${n(k.saturableVmax)} U/h), ` +
        `so heparin would accumulate without limit and has no starting steady state; expected an infusion below ${n(k.saturableVmax)} U/h or a linearClearance above 0`,
    });
  }
  // Clearance cannot exceed the blood flow through the organs that clear: the whole cardiac output at most.
  const clearance_mL_h = (k.saturableKm > 0 ? k.saturableVmax / k.saturableKm : 0) + k.linearClearance;
  const cardiacOutput_mL_h = perHour(mL_min(s.patient.cardiacOutput));
  if (clearance_mL_h > cardiacOutput_mL_h) {
    issues.push({
      path: 'kinetics.heparin.saturableKm',
      message:
        `got ${n(k.saturableKm)} U/mL: the heparin clearance at low concentration (saturableVmax / saturableKm + linearClearance = ${n(clearance_mL_h)} mL/h) ` +
        `would exceed the cardiac output (${n(cardiacOutput_mL_h)} mL/h), and no organ clears more blood than flows through it; ` +
        `expected a larger saturableKm, a smaller saturableVmax or a smaller linearClearance`,
    });
  }
  // aPTT targets changed by the timeline must stay a range (titration reads them at every check).
  let low = s.prescription.heparin.targetLow;
  let high = s.prescription.heparin.targetHigh;
  for (const e of s.timeline) {
    for (const ch of e.set) {
      if (ch.path === 'prescription.heparin.targetLow') low = ch.value as number;
      else if (ch.path === 'prescription.heparin.targetHigh') high = ch.value as number;
      else continue;
      if (!(low < high)) {
        issues.push({
          path: `timeline[${e.index}].set.${ch.path}`,
          message: `got ${n(ch.value as number)} s: from ${n(e.at_h)} h the aPTT target would be ${n(low)} s to ${n(high)} s; expected targetLow below targetHigh`,
        });
      }
    }
  }
  return issues;
}

/** The lung's CO2 settings the body's CO2 stores cannot start from (co2Stores.ts), each naming its field. */
function co2Issues(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const lung = s.patient.lung;
  if (!(lung.co2FastStoreCapacitance < lung.co2StoreCapacitance)) {
    issues.push({
      path: 'patient.lung.co2FastStoreCapacitance',
      message: `got ${n(lung.co2FastStoreCapacitance)} mL/mmHg; expected less than patient.lung.co2StoreCapacitance (${n(lung.co2StoreCapacitance)} mL/mmHg), of which the fast store is a part: the tissues hold the rest`,
    });
  }
  if (lung.co2Conductance <= 0) {
    issues.push({
      path: 'patient.lung.co2Conductance',
      message: s.circuit
        ? `got 0 mL/min/mmHg: a run starts from the patient before treatment (the native lung alone), whose PaCO2 the body's CO2 stores start at, and a lung that removes no CO2 has none; expected a native-lung CO2 conductance above 0 (a near-apnoeic lung's is ~0.5)`
        : `got 0 mL/min/mmHg with no ECMO circuit: nothing would remove CO2, so PaCO2 would have no steady state; expected a native-lung CO2 conductance above 0`,
    });
  }
  return issues;
}
