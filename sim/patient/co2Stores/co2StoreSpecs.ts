/** The body's CO2 stores: the scenario's `patient.lung.co2Store*` (spread into the lung's specs). */
import { q, type SpecTree } from '../../parameters.js';

export const co2StoreSpecs = {
  co2StoreCapacitance: q('mL/mmHg', null, [5, 500], {
    defaultPerKg: 1.5,
    range: [95, 300],
    description:
      "The body's CO2 stores, both compartments: the CO2 they take up or give up per mmHg of PaCO2 once they have settled (default 1.5 mL/kg/mmHg; co2Stores.ts).",
    source: 'S2',
    ref: 'whole-body CO2 stores over minutes to an hour: 1.5 mL/kg/mmHg in dogs, half of a ventilation change in 4 min (Farhi & Rahn, "Gas stores of the body and the unsteady state", J Appl Physiol 1955); 3.73 mL/kg/mmHg in hyperventilated dogs with a slow compartment of 16 min, bone and fat excluded ("Tissue carbon dioxide stores: magnitude of acute change in the dog"); 1.19–1.83 mL/kg/mmHg in exercising humans. Plausible 1.2–3.7 /kg',
  }),
  co2FastStoreCapacitance: q('mL/mmHg', null, [1, 400], {
    defaultPerKg: 0.5,
    range: [30, 60],
    description:
      "The fast CO2 store (blood, lungs and the well-perfused organs), part of co2StoreCapacitance: PaCO2 is its PCO2, so after a change PaCO2 first moves at VCO2/C_B (apnoea) before the tissues' slower store follows (default 0.5 mL/kg/mmHg; co2Stores.ts).",
    source: 'S2',
    ref: 'from apnoea, all the production kept: PaCO2 rises 3.4–4.4 mmHg/min after the first minute in anaesthetised adults (Kobayashi & Yokoyama, Masui 1994;43:1130; ~2.0 mL/kg/min of CO2, estimated) and 6 mmHg/min awake at FRC (Stock et al., J Clin Anesth 1988;1:96; ~2.9 mL/kg/min): 0.51 and 0.48 mL/kg/mmHg. Plausible 0.4–0.75 /kg',
  }),
  co2TissueExchangeTime: q('min', 16, [1, 120], {
    range: [8, 30],
    description: "The slow (tissue) CO2 store's own exchange time with the blood, C_T/G: how long the tissues take to follow the blood's PCO2 (co2Stores.ts).",
    source: 'S2',
    ref: 'the slow compartment of CO2 washout in hyperventilated dogs, rate constant 0.062/min (16 min; 98 % of a change in an hour) ("Tissue carbon dioxide stores: magnitude of acute change in the dog"); plausible 8–30 min',
  }),
} as const satisfies SpecTree;
