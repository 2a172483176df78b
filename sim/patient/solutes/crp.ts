/**
 * C-reactive protein: hepatic synthesis driven by IL-6 after a delay, first-order elimination.
 *   dL₁/dt = (C_IL6 − L₁)·2/T,  dL₂/dt = (L₁ − L₂)·2/T        two transit compartments, mean delay T [S2/E: 6–12 h]
 *   synthesis = S_max · L₂ⁿ / (EC50ⁿ + L₂ⁿ)                      [E: saturating hepatocyte response; EC50, n calibratable]
 *   elimination = ln2 / t½ · A,  t½ = 19 h                       [S: Pepys group, constant across conditions]
 * S_max is set so that synthesis at the start is a fraction φ of elimination at the start (φ = 1: steady state;
 * φ < 1: CRP past its peak, carrying an excess (1 − φ)·A₀ from the earlier, larger synthesis that it clears with its
 * own half-life [E, hypothesis: CRP peaks 36–50 h after the insult, shock is recognised later]). CRP is not filtered
 * (SC ~0 for the pentamer); its fall under filtration comes from less IL-6, hence less synthesis.
 */
import type { SoluteDefinition } from './solute.js';
import { initialPlasma_mL, plasmaVolume } from './volumes.js';
import { ParameterPower } from '../../model/parameterPower.js';

/** EC50ⁿ: the same through a run, taken once (ParameterPower) rather than at every evaluation. */
const halfEffectPower = new ParameterPower();

export function crpSynthesis(maxSynthesis: number, il6HalfEffect_pg_mL: number, hill: number, laggedIl6_pg_mL: number): number {
  const l = Math.max(laggedIl6_pg_mL, 0) ** hill;
  return (maxSynthesis * l) / (halfEffectPower.of(il6HalfEffect_pg_mL, hill) + l);
}

/**
 * S_max that makes synthesis at the starting IL-6 the fraction φ of elimination at the start:
 *   S_max = φ · (ln 2 / t½) · A₀ · (EC50ⁿ + C_IL6,0ⁿ) / C_IL6,0ⁿ        (φ = 1 balances it: a steady state)
 */
export function crpMaxSynthesis(
  eliminationRate_per_h: number,
  amount0: number,
  il6HalfEffect_pg_mL: number,
  hill: number,
  il6_0_pg_mL: number,
  startingSynthesisFraction: number,
): number {
  if (il6_0_pg_mL <= 0) return 0;
  return (startingSynthesisFraction * eliminationRate_per_h * amount0 * (il6HalfEffect_pg_mL ** hill + il6_0_pg_mL ** hill)) / il6_0_pg_mL ** hill;
}

/** The registry's row: CRP in plasma, synthesised from IL-6 after two transit compartments, not filtered (SC ≈ 0). */
export const crp: SoluteDefinition = {
  name: 'crp',
  amountUnit: 'mg',
  perMl: 1000,
  series: ['crp_mg_L', 'mg/L', 'Plasma CRP'],
  peripheral: false,
  filtration: { sieving: 'crp', dilution: 'plasma' },
  extraStates: [
    { name: 'crpSignal1_pg_mL', scale: (y0, slot) => Math.max(y0[slot('crpSignal1_pg_mL')], 1) },
    { name: 'crpSignal2_pg_mL', scale: (y0, slot) => Math.max(y0[slot('crpSignal2_pg_mL')], 1) },
  ],
  kinetics(m, slot, names, indexOf) {
    const k = m.scenario.kinetics.crp;
    const IL6 = indexOf('il6');
    const p = m.scenario.patient;
    const elimination_per_h = Math.LN2 / k.halfLife;
    const amount0 = (p.baseline.crp * initialPlasma_mL(m)) / 1000;
    const maxSynthesis = crpMaxSynthesis(elimination_per_h, amount0, k.il6HalfEffect, k.hill, p.baseline.il6, k.startingSynthesisFraction);
    const amount = slot(names.central);
    const signal1 = slot('crpSignal1_pg_mL');
    const signal2 = slot('crpSignal2_pg_mL');
    return {
      centralVolume_mL: plasmaVolume,
      initial(y) {
        y[amount] = amount0;
        y[signal1] = p.baseline.il6;
        y[signal2] = p.baseline.il6;
      },
      fluxes(now, _c, out) {
        const kc = m.current.kinetics.crp;
        out.produced = crpSynthesis(maxSynthesis, kc.il6HalfEffect, kc.hill, now.y[signal2]);
        out.eliminated = elimination_per_h * now.y[amount];
        out.exchange = 0;
      },
      extraDerivatives(now, dy) {
        const transit = 2 / m.current.kinetics.crp.synthesisLag;
        dy[signal1] = (now.concentration[IL6] - now.y[signal1]) * transit;
        dy[signal2] = (now.y[signal1] - now.y[signal2]) * transit;
      },
    };
  },
};
