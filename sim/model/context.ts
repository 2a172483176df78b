/**
 * What every part of a run shares: the scenario, the settings in force now (timeline changes and titration write
 * into `current`), the patient's body at the start, the hemofilter's status, and the pre-treatment constants
 * that several models read. Each model's own constants live in its part (part.ts), not here.
 */
import type { Scenario } from '../scenario/resolve.js';
import type { Sofa } from '../patient/sofa/sofa.js';
import { cloneSettings } from './cloneSettings.js';

/** Why the hemofilter is not filtering right now, or that it is. */
/**
 * The hemofilter's status: running; being changed (the downtime); suspended (the CRRT machine stopped its blood and
 * fluid pumps on a blood-leak alarm and waits for the operator: sim/filter/bloodLeak); absent (no filter).
 */
export type FilterStatus = 'running' | 'changing' | 'suspended' | 'absent';

/**
 * A device of the ECMO circuit that can be changed: the oxygenator, the whole circuit (tubing, pump head, oxygenator),
 * the console that drives the pump head, or a cannula (a vessel recannulated).
 */
export type CircuitDevice = 'oxygenator' | 'circuit' | 'console' | 'pumpHead' | 'drainageCannula' | 'returnCannula';

/**
 * Each device in words, one table for every reader: its name (the event log's "new … in"), its change (a change's
 * default reason and the run line's count, "1 drainage recannulation") and what ends a fault of it (the faults part:
 * "ended with the oxygenator taken out …").
 */
export const CIRCUIT_DEVICE_WORDS: Readonly<Record<CircuitDevice, { name: string; change: string; faultEnded: string }>> = {
  oxygenator: { name: 'oxygenator', change: 'oxygenator change', faultEnded: 'the oxygenator taken out (the new oxygenator has none)' },
  circuit: { name: 'circuit', change: 'circuit change', faultEnded: 'the circuit taken out (the new circuit has none)' },
  console: { name: 'console', change: 'console change', faultEnded: 'the console taken out (the new console has none)' },
  pumpHead: { name: 'pump head', change: 'pump-head change', faultEnded: 'the pump head taken out (the new head has none)' },
  drainageCannula: { name: 'drainage cannula', change: 'drainage recannulation', faultEnded: 'the drainage vessel recannulated' },
  returnCannula: { name: 'return cannula', change: 'return recannulation', faultEnded: 'the return vessel recannulated' },
};

/** A change of the ECMO circuit's devices: when it began, the device (a circuit change brings a new oxygenator too), why, and when the new device went in (the flow restarted). */
export interface DeviceChangeRecord {
  t_h: number;
  device: CircuitDevice;
  reason: string;
  restart_h: number;
}

/** Whether changing `changed` brings a new `device`: a circuit change brings a new oxygenator and a new pump head too. */
export function changeBrings(changed: CircuitDevice, device: CircuitDevice): boolean {
  return changed === device || (changed === 'circuit' && (device === 'oxygenator' || device === 'pumpHead'));
}

/** Changes begun that brought a new `device` (a console change brings neither an oxygenator nor a head). */
export function devicesChanged(m: Model, device: CircuitDevice): number {
  let n = 0;
  for (const d of m.devices.started) if (changeBrings(d.device, device)) n++;
  return n;
}

/** The change under way (the last one begun, while its new device is not yet in), or null. */
export function changeUnderway(m: Model): DeviceChangeRecord | null {
  return m.devices.underway ? (m.devices.started.at(-1) ?? null) : null;
}

/** When the new device of the change under way goes in (h), Infinity when none is under way. */
export function deviceRestartAt_h(m: Model): number {
  return changeUnderway(m)?.restart_h ?? Infinity;
}

export interface Model {
  readonly scenario: Scenario;
  /** Settings in force now: a copy of the scenario that timeline changes and titration write into. */
  readonly current: Scenario;
  readonly weight_kg: number;
  readonly redCellVolume_mL: number;
  /**
   * Blood volume at the start, the ECMO circuit's contents included: the patient's own blood plus the circuit's
   * crystalloid prime, mixed at cannulation. The patient's pressures are their starting ones at this volume (the
   * circuit holds the prime's volume outside the vessels), while plasma and red cells are diluted by it.
   */
  readonly intravascular0_mL: number;
  /** The ECMO circuit's prime (mL), 0 without a circuit. */
  readonly prime_mL: number;
  readonly interstitial0_mL: number;
  /** The patient's intrinsic vascular tone and heart rate (hemodynamics), from the pre-treatment start. */
  intrinsic: { tone_mmHg: number; rate_bpm: number };
  /** SOFA and its sub-scores at baseline, before any extracorporeal treatment (native lung alone), as the cohort measured it. */
  baselineSofa: Sofa;
  filter: {
    status: FilterStatus;
    installedAt_h: number;
    restartAt_h: number;
    filtersUsed: number;
    /** Filter changes begun (at the change, before the downtime): what ends a fault of the filter taken out. */
    changes: number;
    /**
     * The flow (mL/min) by which the ECMO circuit's blood, which the filter clears, exchanges with the patient:
     * return flow net of recirculation, held from the last event (sim/filter/circuitBlood.ts); Infinity when the
     * filter is not on an ECMO circuit.
     */
    circuitFlow_mL_min: number;
    /** Whether that flow has stopped: the circuit's blood is then its own compartment, split from the patient's. */
    circuitIsolated: boolean;
    /**
     * Effluent (mL) collected while the circuit was isolated, over the isolations that have ended, and the effluent
     * volume when the one under way began (NaN when none is): what cleared only the circuit's own blood.
     */
    isolatedEffluent_mL: number;
    effluentAtIsolation_mL: number;
    /** The CRRT machine stopped its fluid pumps (replacement bag empty, effluent bag full): its blood pump runs on. */
    fluidPumpsStopped: boolean;
    /**
     * The highest TMP (mmHg) the filter's events saw: the located crossing of the TMP limit, a clot fault's TMP. The
     * summary's peak TMP takes it with the samples, which fall between events and so below the limit that changed a filter.
     */
    peakEventTmp_mmHg: number;
  };
  /**
   * The ECMO circuit's devices changed (sim/circuit/deviceChange): each change begun, in order, and whether the last is
   * still under way (its new device not yet in). The counts that end a fault of a device taken out and the time the
   * live page names follow from them (devicesChanged, deviceRestartAt_h).
   */
  devices: { started: DeviceChangeRecord[]; underway: boolean };
  /** The ECMO console's battery is empty while off mains: the motor cannot turn the pump (sim/circuit/power). */
  batteryEmpty: boolean;
  /**
   * The body's CO2 stores' anchor (sim/patient/co2Stores/co2Stores.ts): PaCO2 is the CO2 balance at these held
   * conductances (mL/min/mmHg) and cardiac output with the CO2 production now, plus the two modes' deviations left at
   * t0_h (amplitudes in mmHg of the fast store, rates per min, each mode's tissue-to-blood ratio). Gas exchange
   * re-anchors it wherever it holds its oxygen line (after events, at the line's check).
   */
  co2: {
    t0_h: number;
    slowAmplitude_mmHg: number;
    fastAmplitude_mmHg: number;
    slowRate_per_min: number;
    fastRate_per_min: number;
    slowTissueRatio: number;
    fastTissueRatio: number;
    lungConductance: number;
    oxygenatorConductance: number;
    cardiacOutput_mL_min: number;
    /** The CO2 production the anchor was made at (mL/min): the deviations scale with the production's ratio to it (co2Stores.ts). */
    co2Production_mL_min: number;
  };
  /** The last circuit solution's drainage flow: the next solve starts there. */
  circuitGuess_mL_min: number;
}

export function plasmaVolume_mL(m: Model, intravascular_mL: number): number {
  return intravascular_mL - m.redCellVolume_mL;
}

/** The shared part of a run's model; the parts fill in the pre-treatment constants when they are created. */
export function modelContext(scenario: Scenario): Model {
  const p = scenario.patient;
  // The ECMO circuit's prime and the filter set's, both mixed in at connection: together they are the circuit's blood.
  const prime_mL = scenario.circuit ? scenario.circuit.primeVolume + (scenario.filter ? scenario.filter.setVolume : 0) : 0;
  return {
    scenario,
    current: cloneSettings(scenario),
    weight_kg: p.weight,
    redCellVolume_mL: p.intravascularVolume * p.hematocrit,
    intravascular0_mL: p.intravascularVolume + prime_mL,
    prime_mL,
    interstitial0_mL: p.fluids.interstitialVolume,
    intrinsic: { tone_mmHg: NaN, rate_bpm: NaN },
    baselineSofa: { cardiovascular: NaN, respiratory: NaN, renal: NaN, coagulation: NaN, other: NaN, total: NaN },
    filter: {
      status: scenario.filter ? 'running' : 'absent',
      installedAt_h: 0,
      restartAt_h: Infinity,
      filtersUsed: scenario.filter ? 1 : 0,
      changes: 0,
      circuitFlow_mL_min: Infinity,
      circuitIsolated: false,
      isolatedEffluent_mL: 0,
      effluentAtIsolation_mL: NaN,
      fluidPumpsStopped: false,
      peakEventTmp_mmHg: -Infinity,
    },
    devices: { started: [], underway: false },
    batteryEmpty: false,
    co2: {
      t0_h: 0,
      slowAmplitude_mmHg: 0,
      fastAmplitude_mmHg: 0,
      slowRate_per_min: 0,
      fastRate_per_min: 0,
      slowTissueRatio: 1,
      fastTissueRatio: 1,
      lungConductance: p.lung.co2Conductance,
      oxygenatorConductance: 0,
      cardiacOutput_mL_min: p.cardiacOutput,
      co2Production_mL_min: NaN,
    },
    circuitGuess_mL_min: 0,
  };
}
