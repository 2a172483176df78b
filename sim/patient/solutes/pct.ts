/**
 * Procalcitonin (13 kDa) in plasma and a peripheral compartment (distributes like β2-microglobulin):
 *   produced = G₀·L(t),  dL/dt = (P(t) − L)/T_lag    production follows its own stimulus P (bacterial, cut by
 *                                                     antibiotics: a sepsis-drive shape with its own D∞, τ) after
 *                                                     a first-order lag [S: Meisner 2001, 2–3 h]
 *   eliminated = CL·C_c,  CL = ln2·(V_plasma + V_p)/t½   [S: t½ 30 h]
 */
import { fixedScale } from '../../model/part.js';
import { singlePhaseDecline } from '../inflammation/sepsisDrive.js';
import type { SoluteDefinition } from './solute.js';
import { initialPlasma_mL, interCompartmentExchange, plasmaVolume } from './volumes.js';

export const pct: SoluteDefinition = {
  name: 'pct',
  amountUnit: 'ng',
  perMl: 1,
  series: ['pct_ng_mL', 'ng/mL', 'Plasma procalcitonin'],
  peripheral: true,
  filtration: { sieving: 'pct', adsorption: 'pctInitialClearance', dilution: 'plasma' },
  extraStates: [{ name: 'pctDriveLag', scale: fixedScale(1) }],
  kinetics(m, slot, names) {
    const k = m.scenario.kinetics.pct;
    const c0 = m.scenario.patient.baseline.pct;
    const clearance = (Math.LN2 * (initialPlasma_mL(m) + k.peripheralVolume)) / k.halfLife;
    const production0 = clearance * c0;
    const central = slot(names.central);
    const peripheral = slot(names.peripheral);
    const lag = slot('pctDriveLag');
    return {
      centralVolume_mL: plasmaVolume,
      initial(y) {
        y[central] = c0 * initialPlasma_mL(m);
        y[peripheral] = c0 * k.peripheralVolume;
        y[lag] = 1;
      },
      fluxes(now, c, out) {
        const kc = m.current.kinetics.pct;
        out.produced = production0 * now.y[lag];
        out.eliminated = clearance * c;
        out.exchange = interCompartmentExchange(kc.interCompartmentClearance, c, now.y[peripheral], kc.peripheralVolume);
      },
      extraDerivatives(now, dy) {
        const kc = m.current.kinetics.pct;
        const stimulus = singlePhaseDecline(now.t_h, kc.productionResidualFraction, kc.productionTimeConstant);
        dy[lag] = (stimulus - now.y[lag]) / kc.productionLag;
      },
    };
  },
};
