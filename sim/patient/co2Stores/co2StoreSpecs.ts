/** The body's CO2 stores: the scenario's `patient.lung.co2StoreCapacitance` (spread into the lung's specs). */
import { q, type SpecTree } from '../../parameters.js';

export const co2StoreSpecs = {
  co2StoreCapacitance: q('mL/mmHg', null, [5, 500], {
    defaultPerKg: 1.5,
    range: [95, 300],
    description:
      "The body's CO2 stores as one compartment: the CO2 they take up or give up per mmHg of PaCO2 (default 1.5 mL/kg/mmHg). PaCO2 moves towards the lung's and the membrane's balance with the time constant capacitance/(g_lung + g_oxy) (co2Stores.ts).",
    source: 'S2',
    ref: 'whole-body CO2 stores over minutes to an hour: 1.5 mL/kg/mmHg in dogs, half of a ventilation change in 4 min (Farhi & Rahn, "Gas stores of the body and the unsteady state", J Appl Physiol 1955); 3.73 mL/kg/mmHg in hyperventilated dogs with a slow compartment of 16 min, bone and fat excluded ("Tissue carbon dioxide stores: magnitude of acute change in the dog"); 1.19–1.83 mL/kg/mmHg in exercising humans. Plausible 1.2–3.7 /kg. The first minutes of apnoea see less (PaCO2 rises 3.4–4.4 mmHg/min in anaesthetised adults, Kobayashi & Yokoyama, Masui 1994): a faster compartment this one leaves out',
  }),
} as const satisfies SpecTree;
