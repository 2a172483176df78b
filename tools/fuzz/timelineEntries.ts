/** Generators of timeline entries for the mutators: times, settings (legal, bad, polluting) and events. */
import { ADJUSTABLE, LEAVES } from './bases.js';
import { setOwn, type Json, type JsonObject } from './json.js';
import { fmt, int, pick, weighted, type Rng } from './random.js';
import { badValue, KEYS, legalText } from './values.js';

function randomAt(r: Rng): Json {
  return weighted<() => Json>(r, [
    [8, () => `${fmt(r() * 24)} h`],
    [1, () => '0 h'],
    [1, () => `${fmt(r() * 1440)} min`],
    [1, () => pick(r, ['-1 h', '1e9 h', '24 h', '2160 h', '6 hours', 'soon', '6', 'NaN h', '', '6 kg'])],
    [1, () => pick(r, [6, -1, null, true, [], {}])],
  ])();
}

/** A setting a timeline entry changes: usually a legal value of an adjustable field, sometimes not. */
function randomSetting(r: Rng, weight: number): [string, Json] {
  return weighted<() => [string, Json]>(r, [
    [
      8,
      () => {
        const { path, spec } = pick(r, ADJUSTABLE);
        return [path, legalText(r, spec)];
      },
    ],
    [3, () => [pick(r, ADJUSTABLE).path, badValue(r)]],
    [
      2,
      () => {
        const { path, spec } = pick(r, LEAVES);
        return [path, legalText(r, spec)]; // often not adjustable
      },
    ],
    [1, () => ['prescription.heparin.infusion', `${fmt(r() * 60)} U/kg/h`]],
    [1, () => ['prescription.effluentDose', `${fmt(r() * 200)} mL/kg/h`]],
    [1, () => ['patient.fluids.infusion', `${fmt(r() * 2000 * Math.min(1, weight / 80))} mL/h`]],
    [
      2,
      () => [
        pick(r, [
          '__proto__.polluted',
          'constructor.prototype.polluted',
          '__proto__',
          'prescription',
          'circuit.pump',
          'prescription.effluentdose',
          'circuit..pump.speed',
          '',
          '.',
          'a'.repeat(500),
          'prescription.effluentDose.value',
          'toString',
        ]),
        pick(r, ['1 kg', 1, true, { polluted: 1 }] as Json[]),
      ],
    ],
  ])();
}

/** One timeline entry of any kind, sometimes malformed; `weight` (kg) scales the fluid infusion. */
export function randomTimelineEntry(r: Rng, weight: number): Json {
  const entry: JsonObject = { at: randomAt(r) };
  const kind = weighted(r, [
    [6, 'set'],
    [2, 'bolus'],
    [2, 'blood'],
    [2, 'changeFilter'],
    [1, 'device'],
    [2, 'fault'],
    [1, 'empty'],
    [1, 'garbage'],
  ] as const);
  if (kind === 'set') {
    const set: JsonObject = {};
    for (let i = int(r, 1, 3); i > 0; i--) {
      const [k, v] = randomSetting(r, weight);
      setOwn(set, k, v);
    }
    entry.set = r() < 0.05 ? pick(r, [null, [], 'x', 1] as Json[]) : set;
  } else if (kind === 'bolus') {
    entry.heparinBolus = r() < 0.7 ? pick(r, [`${fmt(r() * 200)} U/kg`, `${fmt(r() * 50000)} U`, '60000 U', '0 U']) : badValue(r);
  } else if (kind === 'blood') {
    // what a bedside gives: volume, red cells, platelet units (mostly legal, sometimes not)
    const legal = r() < 0.7;
    const which = pick(r, ['fluidBolus', 'transfusion', 'platelets'] as const);
    if (which === 'platelets') entry.platelets = legal ? pick(r, [1, 2, 0.5, '1', 10] as Json[]) : pick(r, [11, -1, 'lots', '1 unit', null, true] as Json[]);
    else entry[which] = legal ? `${fmt(r() * 1000)} mL` : badValue(r);
  } else if (kind === 'changeFilter') {
    entry.changeFilter = r() < 0.8 ? true : pick(r, [false, 'yes', 1, null] as Json[]);
  } else if (kind === 'device') {
    // the circuit's devices changed or de-aired (sim/circuit/deviceChange, air): mostly legal
    if (r() < 0.2) entry.recannulate = r() < 0.8 ? pick(r, ['drainage', 'return'] as Json[]) : pick(r, [true, 'both', 1, null] as Json[]);
    else
      entry[pick(r, ['changeOxygenator', 'changeCircuit', 'changeConsole', 'changePumpHead', 'deAir'] as const)] =
        r() < 0.8 ? true : pick(r, [false, 'yes', 1, null] as Json[]);
  } else if (kind === 'fault') {
    const fault: JsonObject = {};
    if (r() < 0.7) fault.filterClot = r() < 0.8 ? `${fmt(r() * 100)} %` : badValue(r);
    if (r() < 0.5) fault.oxygenatorThrombus = r() < 0.8 ? `${fmt(r() * 500)} %` : badValue(r);
    if (r() < 0.1) setOwn(fault, pick(r, KEYS), 1);
    entry.fault = fault;
  } else if (kind === 'garbage') {
    setOwn(entry, pick(r, [...KEYS, 'sett', 'heparinbolus', 'fault ']), badValue(r));
  }
  if (r() < 0.1) entry.note = r() < 0.8 ? 'a note' : pick(r, ['x'.repeat(501), 5, null] as Json[]);
  return entry;
}
