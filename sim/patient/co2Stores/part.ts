/**
 * The body's CO2 stores in the engine (co2Stores.ts): PaCO2, which every model reads (the acid–base pH, hypercapnia's
 * circulation, the alveolar gas, the blood-gas protocols), derived first of them from the stores' anchor (the model's
 * `co2`) and the CO2 production now. Gas exchange re-anchors it where it holds its oxygen line, with the membrane's
 * conductance from the circuit's solve: the right-hand side solves no circuit. No state: the stores' equations are
 * solved between anchors (co2Stores.ts).
 */
import type { ModelDefinition } from '../../model/part.js';
import { co2ProductionNow } from '../gasExchange/co2Now.js';
import { storesPaco2_mmHg, tissuePco2_mmHg } from './co2Stores.js';

export const co2StoresModel: ModelDefinition = {
  name: 'CO2 stores',
  states: [],
  series: {
    co2_tissue_pco2_mmHg: ['mmHg', "PCO2 of the body's slow CO2 store (muscle and the other tissues), which follows PaCO2 over tens of minutes (co2Stores.ts)"],
    co2_store_time_constant_min: [
      'min',
      "Time constant with which PaCO2 settles after a change of the lung's or the membrane's CO2 removal: the CO2 stores' slow mode at the conductances last held (co2Stores.ts)",
    ],
  },
  create(m) {
    return {
      derive(now) {
        now.paco2_mmHg = storesPaco2_mmHg(m.co2, co2ProductionNow(m, now), now.t_h);
      },
      observe(now, out) {
        out.co2_tissue_pco2_mmHg = tissuePco2_mmHg(m.co2, co2ProductionNow(m, now), now.t_h);
        // the slow mode the anchor holds (co2StoreModes at the conductances it was anchored on): −1/λ_slow
        out.co2_store_time_constant_min = -1 / m.co2.slowRate_per_min;
      },
    };
  },
};
