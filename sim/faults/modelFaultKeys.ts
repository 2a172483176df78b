/**
 * The legacy timeline `fault` keys: model actions a model performs once, with a size (a clotted filter, a thrombosed
 * oxygenator, an opening that entrains air). The one list of them: the timeline's resolver (sim/scenario/timeline.ts),
 * the scenario schema, the key check of zodIssues, the events' catalogue kinds and the catalogue's model rows read it.
 */
import type { QuantitySpec } from '../parameters.js';

export interface ModelFaultKey {
  /** The size the key takes: unit, accepted range, meaning. */
  readonly spec: QuantitySpec;
  /** Its kind in the fault catalogue, as events name it (the legacy oxygenator thrombus adds resistance only). */
  readonly kind: string;
  /** What the scenario schema says of it (editors show it). */
  readonly schemaDescription: string;
}

const size = (unit: string, hi: number, description: string): QuantitySpec => ({
  kind: 'quantity',
  unit,
  default: null,
  limits: [0, hi],
  description,
  source: 'E',
  ref: 'fault',
});

/** In the order the schema lists them. */
export const MODEL_FAULT_KEYS = {
  filterClot: {
    spec: size('1', 1, 'fraction of fibres clotted'),
    kind: 'filter-clot',
    schemaDescription: 'Clot this fraction of the filter fibres now, e.g. "100 %".',
  },
  oxygenatorThrombus: {
    spec: size('1', 100, 'relative resistance added'),
    kind: 'oxygenator-thrombus',
    schemaDescription: 'Add thrombus to the oxygenator: its resistance rises by this fraction, e.g. "150 %".',
  },
  airEntry: {
    spec: size('mm', 10, 'diameter of an opening on the pre-pump line'),
    kind: 'air-entry',
    schemaDescription: 'Open the pre-pump line to air through an opening of this diameter (an open port, a cracked connector), e.g. "1.5 mm".',
  },
  limbReturnOpening: {
    spec: size('mm', 10, "diameter of an opening at the filter limb's return junction (a cracked connector, an open port)"),
    kind: 'limb-return-open',
    schemaDescription:
      'Open the filter limb\'s return junction through an opening of this diameter (a cracked connector, an open port), e.g. "3 mm": air enters where the junction is below atmospheric pressure (the pre-pump line), blood leaks out where it is above.',
  },
} as const satisfies Record<string, ModelFaultKey>;

export type ModelFaultAction = keyof typeof MODEL_FAULT_KEYS;

/** The keys, in schema order. */
export const MODEL_FAULT_ACTIONS = Object.keys(MODEL_FAULT_KEYS) as ModelFaultAction[];

/** A timeline entry's legacy faults: each key's size in its spec's unit. */
export type ModelFaults = Partial<Record<ModelFaultAction, number>>;

/** Whether a key is one of the legacy fault keys. */
export function isModelFaultAction(key: string): key is ModelFaultAction {
  return Object.hasOwn(MODEL_FAULT_KEYS, key);
}
