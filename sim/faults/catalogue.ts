/**
 * The training faults (issue 13): one row per fault. A fault is data, a physical change the models read: either a
 * setting (its path, and the value a severity gives) that the faults part applies, ramps and restores
 * (sim/faults/part.ts), or a model action (a legacy timeline `fault` key a model performs). Nothing here scripts a
 * reading: every number a console shows follows from the physics. docs/training/faults.md lists the rows.
 *
 * A new row is a few lines: id, title, console, change, severity (or null for an on/off fault), gradual, hidden.
 */
import type { CircuitDevice } from '../model/context.js';
import type { ModelFaultAction } from './modelFaultKeys.js';

/** The console a fault first shows on (where a trainee would see it). */
export type FaultConsole = 'ECMO' | 'CRRT' | 'heparin pump' | 'patient monitor';

/** The legacy model actions (modelFaultKeys.ts): a model performs them once. */
export type { ModelFaultAction } from './modelFaultKeys.js';

export type FaultChange =
  /** A setting: `value(severity)` is what it is set to (numbers ramp to it from the value before the fault). */
  | { readonly setting: string; readonly value: (severity: number) => number | boolean | string }
  /** A model action, performed once with the severity (cannot ramp, cannot be cleared by `clear`). */
  | { readonly action: ModelFaultAction; readonly undo: string };

/** A device a perfusionist or nurse changes (sim/filter/filterEvents.ts, sim/circuit/deviceChange); a circuit change brings a new oxygenator. */
export type ChangedDevice = 'filter' | CircuitDevice;

/** A fault's severity: its unit, default and accepted range. */
export interface FaultSeverity {
  readonly unit: string;
  readonly default: number;
  readonly limits: readonly [number, number];
  readonly description: string;
}

export interface FaultRow {
  readonly id: string;
  readonly title: string;
  readonly console: FaultConsole;
  readonly change: FaultChange;
  /** null: an on/off fault (a clamp, a disconnection). */
  readonly severity: FaultSeverity | null;
  /** Whether the fault may develop gradually (`onset: "gradual"`). */
  readonly gradual: boolean;
  /** Whether the fault is hidden from the trainee's log unless the scenario says otherwise. */
  readonly hidden: boolean;
  /** Where the physics of the change is described and sourced. */
  readonly source: string;
  /** The section the fault acts on, when not its setting's own (net UF needs a hemofilter). */
  readonly needs?: 'circuit' | 'filter';
  /** A fault of the device in place: changing that device takes it out, and the fault ends (its ramp with it). */
  readonly endsWithChangeOf?: ChangedDevice;
}

/** The scenario section a fault needs: the row's `needs`, else its setting's section, else the circuit. */
export function sectionNeeded(row: FaultRow): string {
  return row.needs ?? ('setting' in row.change ? row.change.setting.split('.')[0] : 'circuit');
}

/** A fault in a timeline entry or a live command, resolved against its row. */
export interface FaultInjection {
  readonly kind: string;
  readonly severity: number;
  readonly onset: 'sudden' | 'gradual';
  /** Time over which a gradual fault reaches its severity (h). */
  readonly over_h: number;
  /** Clear the fault: its setting returns to the value it had before. */
  readonly clear: boolean;
}

/** A conditional trigger: a series below or above a value. */
export interface FaultCondition {
  readonly series: string;
  readonly below?: number;
  readonly above?: number;
}

const fraction = (def: number, max: number, description: string): FaultSeverity => ({ unit: '1', default: def, limits: [0, max], description });
const itself = (s: number) => s;
const on = () => true;
const off = () => false;
const choice = (value: string) => () => value;

export const FAULTS: readonly FaultRow[] = [
  {
    id: 'drainage-kink',
    title: 'Drainage-line kink',
    console: 'ECMO',
    change: { setting: 'circuit.drainageLine.kink', value: itself },
    severity: fraction(0.85, 0.99, 'fraction of the lumen occluded'),
    gradual: true,
    hidden: true,
    source: 'circuit-hydraulics: kink as an orifice (sim/circuit/kink.ts)',
    endsWithChangeOf: 'circuit',
  },
  {
    id: 'drainage-clamp',
    title: 'Drainage line clamped',
    console: 'ECMO',
    change: { setting: 'circuit.clamps.drainageLine', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'clamp (circuitNow.ts)',
  },
  {
    id: 'return-clamp',
    title: 'Return line clamped',
    console: 'ECMO',
    change: { setting: 'circuit.clamps.returnLine', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'clamp (circuitNow.ts)',
  },
  {
    id: 'return-kink',
    title: 'Return-line kink',
    console: 'ECMO',
    change: { setting: 'circuit.returnLine.kink', value: itself },
    severity: fraction(0.85, 0.99, 'fraction of the lumen occluded'),
    gradual: true,
    hidden: true,
    source: 'circuit-hydraulics: kink as an orifice (sim/circuit/kink.ts), on the positive-pressure side',
    endsWithChangeOf: 'circuit',
  },
  {
    id: 'cough',
    title: 'Cough (abdominal pressure spike)',
    console: 'ECMO',
    change: { setting: 'circuit.venousDrainage.surroundingPressure', value: itself },
    severity: { unit: 'mmHg', default: 40, limits: [-20, 60], description: 'pressure around the drained vein' },
    gradual: false,
    hidden: true,
    source: 'venous drainage: collapse when the pressure inside falls below the surrounding pressure',
  },
  {
    id: 'abdominal-hypertension',
    title: 'Raised intra-abdominal pressure',
    console: 'ECMO',
    change: { setting: 'circuit.venousDrainage.surroundingPressure', value: itself },
    severity: { unit: 'mmHg', default: 25, limits: [-20, 60], description: 'intra-abdominal pressure (IAH ≥ 12 mmHg, WSACS 2013)' },
    gradual: true,
    hidden: true,
    source: 'venous drainage (surroundingPressure, WSACS 2013)',
  },
  {
    id: 'drainage-malposition',
    title: 'Drainage cannula malposition',
    console: 'ECMO',
    change: { setting: 'circuit.venousDrainage.accessibleFraction', value: itself },
    severity: { unit: '1', default: 0.5, limits: [0.05, 1], description: "fraction of the venous return the cannula's holes still reach" },
    gradual: true,
    hidden: true,
    source: 'venous drainage (accessibleFraction; hypothesis)',
  },
  {
    id: 'return-malposition',
    title: 'Return cannula malposition (recirculation)',
    console: 'ECMO',
    change: { setting: 'circuit.recirculation.tipDistance', value: itself },
    severity: { unit: 'mm', default: 30, limits: [0, 500], description: 'distance between the cannula tips' },
    gradual: true,
    hidden: true,
    source: 'recirculation (tipDistance)',
  },
  {
    id: 'oxygenator-thrombosis',
    title: 'Oxygenator thrombosis',
    console: 'ECMO',
    change: { setting: 'circuit.oxygenator.thrombosis', value: itself },
    severity: fraction(0.5, 0.95, 'fraction of the fibre bundle occluded'),
    gradual: true,
    hidden: true,
    source: 'oxygenator resistance × 1/(1 − f), exchange surface × (1 − f) (hypothesis; Lubnow 2014 thresholds)',
    endsWithChangeOf: 'oxygenator',
  },
  {
    id: 'plasma-leak',
    title: 'Oxygenator gas-exchange failure (plasma leak)',
    console: 'ECMO',
    change: { setting: 'circuit.oxygenator.plasmaLeak', value: itself },
    severity: fraction(0.8, 0.95, "fraction of the membrane's gas-transfer capacity lost"),
    gradual: true,
    hidden: true,
    source: 'membrane capacity × (1 − f) (hypothesis; Lubnow 2014 thresholds)',
    endsWithChangeOf: 'oxygenator',
  },
  {
    id: 'sweep-disconnection',
    title: 'Sweep-gas disconnection',
    console: 'ECMO',
    change: { setting: 'circuit.oxygenator.sweepDisconnected', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'no gas at the membrane; the flowmeter still reads the set sweep',
  },
  {
    id: 'oxygen-supply-failure',
    title: 'Oxygen supply to the blender lost',
    console: 'ECMO',
    change: { setting: 'circuit.oxygenator.oxygenSupplyLost', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'air at the membrane at the set sweep: oxygenation falls, CO2 removal goes on; the blender alarms (sim/patient/gasExchange/membrane.ts)',
  },
  {
    id: 'heater-failure',
    title: 'Heater failure',
    console: 'ECMO',
    change: { setting: 'circuit.heater.failed', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'no heat at the exchanger; the console shows the set point',
  },
  {
    id: 'over-ultrafiltration',
    title: 'Over-ultrafiltration (net UF too high)',
    console: 'CRRT',
    change: { setting: 'prescription.netUltrafiltration', value: itself },
    severity: { unit: 'mL/h', default: 800, limits: [0, 1000], description: 'net ultrafiltration rate' },
    gradual: true,
    hidden: true,
    source: 'fluid balance: hypovolaemia → venous-return limit → chatter',
    needs: 'filter',
  },
  {
    id: 'air-entry',
    title: 'Air entry at the pre-pump line',
    console: 'ECMO',
    change: { action: 'airEntry', undo: 'de-air the circuit ("deAir": true)' },
    severity: { unit: 'mm', default: 1.5, limits: [0, 10], description: 'diameter of the opening on the pre-pump line' },
    gradual: false,
    hidden: true,
    source: 'air model (sim/circuit/air)',
  },
  {
    id: 'limb-return-open',
    title: 'Filter limb return junction open (cracked connector, open port)',
    console: 'ECMO',
    change: { action: 'limbReturnOpening', undo: 'tighten the connector and de-air the circuit ("deAir": true)' },
    severity: { unit: 'mm', default: 3, limits: [0, 10], description: "diameter of the opening at the filter limb's return junction" },
    gradual: false,
    hidden: true,
    source: 'air model (sim/circuit/air): air in below atmospheric pressure, blood out above it',
    needs: 'filter',
  },
  {
    id: 'filter-clot',
    title: 'Filter clotting',
    console: 'CRRT',
    change: { action: 'filterClot', undo: 'change the filter ("changeFilter": true)' },
    severity: fraction(0.6, 1, 'fraction of the fibres clotted'),
    gradual: false,
    hidden: true,
    source: 'filter clotting (sim/filter)',
    needs: 'filter',
  },
  {
    id: 'power-loss',
    title: 'Mains power lost',
    console: 'ECMO',
    change: { setting: 'circuit.power.mains', value: off },
    severity: null,
    gradual: false,
    hidden: false,
    source: 'console battery (sim/circuit/power)',
  },
  {
    id: 'pump-failure',
    title: 'Pump motor or console failure',
    console: 'ECMO',
    change: { setting: 'circuit.pump.failed', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'pump failure, hand crank (sim/circuit/power, centrifugalPump.ts)',
    endsWithChangeOf: 'console',
  },
  {
    id: 'flow-signal-lost',
    title: 'Flow probe: signal lost (SIG)',
    console: 'ECMO',
    change: { setting: 'circuit.flowProbe.signalLost', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'the console shows no flow; the pump keeps running; flow mode holds its speed (sim/circuit/flowProbe.ts)',
    endsWithChangeOf: 'console',
  },
  {
    id: 'flow-probe-reversed',
    title: 'Flow probe clipped on backwards',
    console: 'ECMO',
    change: { setting: 'circuit.flowProbe.reversed', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'the console reads a negative flow; flow mode drives the pump to its maximum speed (sim/circuit/flowProbe.ts)',
    endsWithChangeOf: 'console',
  },
  {
    id: 'cardiac-arrest',
    title: 'Cardiac arrest',
    console: 'patient monitor',
    change: { setting: 'patient.hemodynamics.cardiacArrest', value: on },
    severity: null,
    gradual: false,
    hidden: false,
    source:
      'hemodynamics.md, "Cardiac arrest": the heart pumps nothing, compressions pump a fraction of its curve; clearing it is the return of spontaneous circulation',
  },
  {
    id: 'pump-head-thrombus',
    title: 'Pump-head thrombus',
    console: 'ECMO',
    change: { setting: 'circuit.hemolysis.pumpHeadThrombus', value: itself },
    severity: { unit: '1', default: 20, limits: [1, 200], description: "the pump's hemolysis multiplied (1: a clean head)" },
    gradual: true,
    hidden: true,
    source: "the pump's hemolysis × factor at unchanged rpm and flow (hypothesis; Neal 2015: free Hb past 100 mg/dL; hemolysis-and-air.md)",
    endsWithChangeOf: 'pumpHead',
  },
  {
    id: 'heparin-occlusion',
    title: 'Heparin line occluded',
    console: 'heparin pump',
    change: { setting: 'prescription.heparin.lineOccluded', value: on },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'syringe pump (sim/patient/heparin/syringePump.ts)',
  },
  {
    id: 'consumables-unattended',
    title: 'Bags and syringe left to run out',
    console: 'CRRT',
    change: { setting: 'prescription.consumables.autoChange', value: off },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'bags and syringe run out when they do (sim/filter/bags, sim/patient/heparin/syringe.ts)',
  },
  {
    id: 'bleeding',
    title: 'Bleeding',
    console: 'patient monitor',
    change: { setting: 'patient.bleeding.rate', value: itself },
    severity: { unit: 'mL/h', default: 500, limits: [0, 5000], description: 'whole blood lost per hour' },
    gradual: true,
    hidden: true,
    source: 'fluid balance: bleeding (sim/patient/fluidBalance)',
  },
  {
    id: 'drainage-decannulation',
    title: 'Drainage cannula out of the vessel',
    console: 'ECMO',
    change: { setting: 'circuit.decannulation', value: choice('drainage') },
    endsWithChangeOf: 'drainageCannula',
    severity: null,
    gradual: false,
    hidden: true,
    source: 'decannulation: air through the open lumen, bleeding at the site (sim/circuit/bloodLoss)',
  },
  {
    id: 'return-decannulation',
    title: 'Return cannula out of the vessel',
    console: 'ECMO',
    change: { setting: 'circuit.decannulation', value: choice('return') },
    endsWithChangeOf: 'returnCannula',
    severity: null,
    gradual: false,
    hidden: true,
    source: 'decannulation: the loop discharges outside the patient (network.ts, sim/circuit/bloodLoss)',
  },
  {
    id: 'rupture-pre-pump',
    title: 'Circuit rupture before the pump',
    console: 'ECMO',
    change: { setting: 'circuit.rupture', value: choice('prePump') },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'rupture: air entrained on the negative-pressure segment (sim/circuit/bloodLoss, sim/circuit/air)',
    endsWithChangeOf: 'circuit',
  },
  {
    id: 'rupture-post-pump',
    title: 'Circuit rupture after the pump',
    console: 'ECMO',
    change: { setting: 'circuit.rupture', value: choice('postPump') },
    severity: null,
    gradual: false,
    hidden: true,
    source: 'rupture: orifice blood loss on the positive-pressure segment (sim/circuit/bloodLoss/orifice.ts)',
    endsWithChangeOf: 'circuit',
  },
  {
    id: 'filter-blood-leak',
    title: 'Blood leak in the hemofilter',
    console: 'CRRT',
    change: { setting: 'filter.bloodLeak', value: itself },
    severity: { unit: 'mL/min', default: 2, limits: [0, 200], description: 'whole blood crossing ruptured fibres' },
    gradual: true,
    hidden: true,
    source: 'blood leak (sim/filter/bloodLeak)',
    endsWithChangeOf: 'filter',
  },
];

/** Every fault id, in catalogue order. */
export const FAULT_IDS: readonly string[] = FAULTS.map((f) => f.id);

/** The row of a fault id, or undefined. */
export function faultRow(id: string): FaultRow | undefined {
  return FAULTS.find((f) => f.id === id);
}
