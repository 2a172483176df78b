/** Where gas exchange re-anchors the CO2 stores (co2Stores.ts): wherever it holds its oxygen line. */
import type { Model } from '../../model/context.js';
import type { PeriodicCheck } from '../../model/events.js';
import { circulationCardiacOutput_mL_min, type Now } from '../../model/now.js';
import { co2ProductionNow, lungCo2ConductanceNow } from '../gasExchange/co2Now.js';
import { anchorCo2Stores, scenarioCo2StoreSizes, tissuePco2_mmHg } from './co2Stores.js';

/**
 * The CO2 stores re-anchored where the line is held (its solve, just done, derived the membrane's conductance `gOxy` on
 * the circuit now): PaCO2 stays continuous and relaxes towards the balance at the new conductances (co2Stores.ts).
 */
export function anchorStoresNow(m: Model, now: Now, gOxy: number): void {
  const vco2 = co2ProductionNow(m, now);
  const tissue = tissuePco2_mmHg(m.co2, vco2, now.t_h);
  anchorCo2Stores(m.co2, scenarioCo2StoreSizes(m.scenario.patient.lung), now.t_h, now.paco2_mmHg, tissue, {
    co2Production_mL_min: vco2,
    lungConductance: lungCo2ConductanceNow(m),
    oxygenatorConductance: gOxy,
    cardiacOutput_mL_min: circulationCardiacOutput_mL_min(now),
  });
}

/** The oxygen line's check, re-anchoring the CO2 stores wherever it holds a new line. */
export function anchoringCheck(check: PeriodicCheck, anchor: (now: Now) => void): PeriodicCheck {
  return {
    ...check,
    run(now, log) {
      if (check.run(now, log) === false) return false;
      anchor(now);
    },
  };
}
