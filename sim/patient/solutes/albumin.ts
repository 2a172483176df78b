/**
 * Albumin (66 kDa) in plasma and the interstitium, as amounts (g) [S: Fleck, Lancet 1985; E: 40 % intravascular]:
 *   produced = k_cat·A_iv(0)         synthesis balances catabolism at the start
 *   eliminated = k_cat·A_iv          k_cat = ln2/t½ (t½ ≈ 19 days)
 *   exchange = TER·A_iv − k_ret·A_ev  transcapillary escape and lymphatic return, balanced at the start
 * The filter removes it by convection (sieving 0.2 clean, 0.01 fouled).
 */
import type { SoluteDefinition } from './solute.js';
import { initialPlasma_mL, plasmaVolume } from './volumes.js';

export const albumin: SoluteDefinition = {
  name: 'albumin',
  amountUnit: 'g',
  perMl: 1000,
  series: ['albumin_g_L', 'g/L', 'Serum albumin'],
  peripheral: true,
  filtration: { sieving: 'albumin', dilution: 'plasma' },
  kinetics(m, slot, names) {
    const k = m.scenario.kinetics.albumin;
    const catabolism_per_h = Math.LN2 / k.halfLife;
    const synthesis_g_h = (catabolism_per_h * m.scenario.patient.baseline.albumin * initialPlasma_mL(m)) / 1000;
    const return_per_h = (k.transcapillaryEscapeRate * k.intravascularFraction) / (1 - k.intravascularFraction);
    const intravascular = slot(names.central);
    const extravascular = slot(names.peripheral);
    return {
      centralVolume_mL: plasmaVolume,
      initial(y) {
        const a0 = (m.scenario.patient.baseline.albumin * initialPlasma_mL(m)) / 1000;
        y[intravascular] = a0;
        y[extravascular] = (a0 * (1 - k.intravascularFraction)) / k.intravascularFraction;
      },
      fluxes(now, _c, out) {
        const a = now.y[intravascular];
        out.produced = synthesis_g_h;
        out.eliminated = catabolism_per_h * a;
        out.exchange = m.current.kinetics.albumin.transcapillaryEscapeRate * a - return_per_h * now.y[extravascular];
      },
    };
  },
};
