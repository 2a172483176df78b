/**
 * The solutes' part in the engine, generated from the registry: each solute's amounts (central, and peripheral
 * where it has one), its ledger (produced, eliminated, removed in effluent, adsorbed where the membrane adsorbs
 * it), its own extra states, its concentration series and its mass balance.
 *
 *   dA_c/dt = produced − eliminated − K_conv·c − K_ads·c − exchange        dA_p/dt = exchange
 * with c = A_c / V_central (amount per mL), K_conv = Q_uf·SC·DF and K_ads from the filter now (filterNow.ts).
 */
import { massBalance } from '../../model/now.js';
import type { ModelDefinition, StateDeclaration } from '../../model/part.js';
import { scaleBy } from '../../model/part.js';
import { adsorptiveClearance_mL_h, convectiveClearance_mL_h } from '../../filter/filterNow.js';
import { SOLUTES } from './registry.js';
import { soluteStateNames, type KineticFluxes, type SoluteDefinition } from './solute.js';

function declarations(s: SoluteDefinition): StateDeclaration[] {
  const n = soluteStateNames(s);
  const amounts = s.peripheral ? [n.central, n.peripheral] : [n.central];
  const byAmount = scaleBy(...amounts);
  const ledger = [n.produced, n.eliminated, n.removed, ...(s.filtration?.adsorption ? [n.adsorbed] : [])];
  return [...amounts.map((name) => ({ name, scale: byAmount })), ...(s.extraStates ?? []), ...ledger.map((name) => ({ name, scale: byAmount }))];
}

/** An amount that decays towards zero can dip below it by the solver's absolute tolerance; no flux makes it negative. */
const nonNegative = (v: number) => (v < 0 ? 0 : v);

export const solutesModel: ModelDefinition = {
  name: 'solutes',
  states: SOLUTES.flatMap(declarations),
  series: Object.fromEntries(SOLUTES.map((s) => [s.series[0], [s.series[1], s.series[2]] as const])),
  create(m, slot) {
    const rows = SOLUTES.map((s) => {
      const names = soluteStateNames(s);
      const kinetics = s.kinetics(m, slot, names);
      return {
        s,
        kinetics,
        names,
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
    return {
      initial(y) {
        for (const r of rows) r.kinetics.initial(y);
      },
      derive(now) {
        for (const r of rows) {
          r.c = now.y[r.central] / r.kinetics.centralVolume_mL(now);
          now.concentration[r.s.name] = r.c * r.s.perMl;
        }
        const albumin_g_L = now.concentration.albumin;
        now.blood.albumin_g_L = albumin_g_L;
        now.blood.totalProtein_g_L = albumin_g_L + m.scenario.patient.baseline.globulin;
      },
      derivatives(now, dy) {
        const fn = now.filter;
        const f = m.current.filter;
        for (const r of rows) {
          r.kinetics.fluxes(now, r.c, flux);
          const filtration = r.s.filtration;
          const removed = fn && f && filtration ? convectiveClearance_mL_h(fn, f.sieving[filtration.sieving], filtration.dilution) * r.c : 0;
          const adsorbed =
            fn && f && filtration?.adsorption ? adsorptiveClearance_mL_h(fn, f.adsorption[filtration.adsorption], f.adsorption.timeConstant) * r.c : 0;
          dy[r.central] = flux.produced - flux.eliminated - removed - adsorbed - flux.exchange;
          if (r.peripheral >= 0) dy[r.peripheral] = flux.exchange;
          dy[r.produced] = flux.produced;
          dy[r.eliminated] = flux.eliminated;
          dy[r.removed] = removed;
          if (r.adsorbed >= 0) dy[r.adsorbed] = adsorbed;
          r.kinetics.extraDerivatives?.(now, dy);
        }
      },
      observe(now, out) {
        for (const r of rows) out[r.s.series[0]] = nonNegative(now.concentration[r.s.name]);
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
