/**
 * The solutes' part in the engine, generated from the registry: each solute's amounts (central, and peripheral
 * where it has one), its ledger (produced, eliminated, removed in effluent, adsorbed where the membrane adsorbs
 * it), its own extra states, its concentration series and its mass balance.
 *
 *   dA_c/dt = produced − eliminated − K_conv·c − K_ads·c − exchange        dA_p/dt = exchange
 * with c = A_c / V_central (amount per mL), K_conv = Q_uf·SC·DF and K_ads from the filter now (filterNow.ts).
 */
import { MAX_SOLUTES, massBalance } from '../../model/now.js';
import type { ModelDefinition, StateDeclaration } from '../../model/part.js';
import { scaleBy } from '../../model/part.js';
import { adsorptiveClearance_mL_h, convectiveClearance_mL_h } from '../../filter/filterNow.js';
import { mL_min } from '../../quantities.js';
import { SOLUTE, SOLUTES } from './registry.js';
import { interstitialGlobulin_g_L, interstitialProtein_g_L } from './albumin.js';
import { soluteStateNames, type KineticFluxes, type SoluteDefinition } from './solute.js';

function declarations(s: SoluteDefinition): StateDeclaration[] {
  const n = soluteStateNames(s);
  const amounts = s.peripheral ? [n.central, n.peripheral] : [n.central];
  const byAmount = scaleBy(...amounts);
  const ledger = [n.produced, n.eliminated, n.removed, ...(s.filtration?.adsorption ? [n.adsorbed] : [])];
  return [...amounts.map((name) => ({ name, scale: byAmount })), ...(s.extraStates ?? []), ...ledger.map((name) => ({ name, scale: byAmount, ledger: true }))];
}

/** An amount that decays towards zero can dip below it by the solver's absolute tolerance; no flux makes it negative. */
const nonNegative = (v: number) => (v < 0 ? 0 : v);

export const solutesModel: ModelDefinition = {
  name: 'solutes',
  states: SOLUTES.flatMap(declarations),
  series: Object.fromEntries(SOLUTES.map((s) => [s.series[0], [s.series[1], s.series[2]] as const])),
  create(m, slot) {
    if (SOLUTES.length > MAX_SOLUTES) throw new Error(`the registry has ${SOLUTES.length} solutes; Now holds ${MAX_SOLUTES}`);
    const filter = m.current.filter;
    const indexOf = (name: string) => {
      const i = SOLUTES.findIndex((s) => s.name === name);
      if (i < 0) throw new Error(`no solute named ${name} in the registry`);
      return i;
    };
    const rows = SOLUTES.map((s) => {
      const names = soluteStateNames(s);
      const kinetics = s.kinetics(m, slot, names, indexOf);
      const filtration = s.filtration;
      return {
        s,
        perMl: s.perMl,
        // the kinetics' functions as fields of one object shape: the loops below stay monomorphic
        volume: kinetics.centralVolume_mL,
        initial: kinetics.initial,
        fluxes: kinetics.fluxes,
        extra: kinetics.extraDerivatives ?? null,
        // the membrane's entries for this solute; settings change their values in place, never the objects
        sieving: filter && filtration ? filter.sieving[filtration.sieving] : null,
        adsorption: filter && filtration?.adsorption ? filtration.adsorption : null,
        wholeBlood: filtration?.dilution === 'wholeBlood',
        central: slot(names.central),
        peripheral: s.peripheral ? slot(names.peripheral) : -1,
        produced: slot(names.produced),
        eliminated: slot(names.eliminated),
        removed: slot(names.removed),
        adsorbed: s.filtration?.adsorption ? slot(names.adsorbed) : -1,
        /** Amount per mL now, set by derive. */
        c: NaN,
      };
    });
    const flux: KineticFluxes = { produced: 0, eliminated: 0, exchange: 0 };
    const albuminRow = rows[SOLUTE.albumin];
    const interstitialGlobulin = interstitialGlobulin_g_L(m);
    return {
      initial(y) {
        for (const r of rows) r.initial(y);
      },
      derive(now) {
        const concentration = now.concentration;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          r.c = now.y[r.central] / r.volume(now);
          concentration[i] = r.c * r.perMl;
        }
        const albumin_g_L = concentration[SOLUTE.albumin];
        now.blood.albumin_g_L = albumin_g_L;
        now.blood.totalProtein_g_L = albumin_g_L + m.scenario.patient.baseline.globulin;
        now.blood.interstitialProtein_g_L = interstitialProtein_g_L(now.y[albuminRow.peripheral], now.blood.interstitial_mL, interstitialGlobulin);
      },
      derivatives(now, dy) {
        const fn = now.filter;
        const adsorption = filter?.adsorption;
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          r.fluxes(now, r.c, flux);
          const removed = fn && r.sieving ? convectiveClearance_mL_h(fn, r.sieving, r.wholeBlood ? 'wholeBlood' : 'plasma') * r.c : 0;
          const adsorbed = fn && adsorption && r.adsorption ? adsorptiveClearance_mL_h(fn, mL_min(adsorption[r.adsorption]), adsorption.timeConstant) * r.c : 0;
          dy[r.central] = flux.produced - flux.eliminated - removed - adsorbed - flux.exchange;
          if (r.peripheral >= 0) dy[r.peripheral] = flux.exchange;
          dy[r.produced] = flux.produced;
          dy[r.eliminated] = flux.eliminated;
          dy[r.removed] = removed;
          if (r.adsorbed >= 0) dy[r.adsorbed] = adsorbed;
          if (r.extra) r.extra(now, dy);
        }
      },
      observe(now, out) {
        rows.forEach((r, i) => (out[r.s.series[0]] = nonNegative(now.concentration[i])));
      },
      massBalances(y0, y, out) {
        for (const r of rows) {
          const amount = (v: ArrayLike<number>) => v[r.central] + (r.peripheral >= 0 ? v[r.peripheral] : 0);
          out[r.s.name] = massBalance(r.s.amountUnit, amount(y0), y[r.produced], y[r.eliminated], y[r.removed], r.adsorbed >= 0 ? y[r.adsorbed] : 0, amount(y));
        }
      },
    };
  },
};
