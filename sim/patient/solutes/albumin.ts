/**
 * Albumin (66 kDa) in plasma and the interstitium, as amounts (g) [S: Fleck, Lancet 1985; S2: ~40 % intravascular]:
 *   produced = k_cat·A_iv(0) + given   synthesis balances catabolism at the start; given: the replacement rule's
 *                                      20 % albumin (sim/patient/fluidBalance/albuminReplacement.ts)
 *   eliminated = k_cat·A_iv          k_cat = ln2/(t½·f)
 *   exchange = TER·A_iv − k_ret·A_ev  transcapillary escape and lymphatic return, balanced at the start
 * t½ (≈ 19 days) is labelled albumin's whole-body half-life: the exchangeable pool, plasma and interstitium, turns
 * over at ln2/t½, and catabolism takes it from the plasma or a pool in fast exchange with it [S2: "Studies of
 * I131-albumin catabolism and distribution in normal young male adults": only such models fit plasma and urine],
 * so per gram in plasma it runs at ln2/(t½·f) and synthesis is ln2/t½ × the whole pool (~10 g/day at 80 kg; Levitt
 * & Levitt, Int J Gen Med 2016: ~10.5 g/day). A labelled dose then falls with t½ once it has spread (the slow
 * eigenvalue is within ~1.5 % of ln2/t½ while TER ≫ k_cat).
 * The filter removes it by convection (sieving 0.2 clean, 0.01 fouled).
 * The extravascular pool sits in the interstitial fluid: its concentration, with globulins held at the start's
 * interstitial-to-plasma ratio (as plasma globulins are held constant), is the interstitial protein behind the
 * interstitial oncotic pressure of Starling's exchange (fluidBalance.ts) [E].
 */
import type { Model } from '../../model/context.js';
import type { SoluteDefinition } from './solute.js';
import { initialPlasma_mL, plasmaVolume } from './volumes.js';

/** Interstitial over plasma albumin concentration at the start: ((1 − f)/f)·V_p0/V_is0. */
function interstitialRatio0(m: Model): number {
  const f = m.scenario.kinetics.albumin.intravascularFraction;
  return (((1 - f) / f) * initialPlasma_mL(m)) / m.interstitial0_mL;
}

/** Interstitial globulins, g/L: plasma globulins at the start's interstitial-to-plasma ratio, held constant. */
export function interstitialGlobulin_g_L(m: Model): number {
  return m.scenario.patient.baseline.globulin * interstitialRatio0(m);
}

/** Interstitial protein at the start, g/L (before any treatment). */
export function startingInterstitialProtein_g_L(m: Model): number {
  return m.scenario.patient.baseline.albumin * interstitialRatio0(m) + interstitialGlobulin_g_L(m);
}

/** Interstitial protein now, g/L, from the extravascular albumin (g) in the interstitial fluid (mL). */
export function interstitialProtein_g_L(extravascularAlbumin_g: number, interstitial_mL: number, globulin_g_L: number): number {
  return (1000 * extravascularAlbumin_g) / interstitial_mL + globulin_g_L;
}

export const albumin: SoluteDefinition = {
  name: 'albumin',
  amountUnit: 'g',
  perMl: 1000,
  series: ['albumin_g_L', 'g/L', 'Serum albumin'],
  peripheral: true,
  filtration: { sieving: 'albumin', dilution: 'plasma' },
  kinetics(m, slot, names) {
    const k = m.scenario.kinetics.albumin;
    const catabolism_per_h = Math.LN2 / (k.halfLife * k.intravascularFraction);
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
        out.produced = synthesis_g_h + now.blood.albuminInfusion_g_h;
        out.eliminated = catabolism_per_h * a;
        out.exchange = m.current.kinetics.albumin.transcapillaryEscapeRate * a - return_per_h * now.y[extravascular];
      },
    };
  },
};
