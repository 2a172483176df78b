/**
 * The solutes' part in the engine, generated from the registry: each solute's amounts (central, and peripheral
 * where it has one), its ledger (produced, eliminated, removed in effluent, adsorbed where the membrane adsorbs
 * it), its own extra states, its concentration series and its mass balance.
 *
 *   dA_c/dt = produced − eliminated − (K_conv + K_ads)·Q/(Q + K)·c − exchange        dA_p/dt = exchange
 * with c = A_c / V_central (amount per mL), K_conv = Q_uf·SC·DF and K_ads from the filter now (filterNow.ts), and
 * Q/(Q + K) the filter's series with the ECMO circuit's blood (sim/filter/circuitBlood.ts). While the circuit is
 * isolated (no ECMO flow) its share A_x of each filtered solute is held apart, at concentration A_x / V_x, and the
 * filter clears it alone:  dA_x/dt = −(K_conv + K_ads)·A_x/V_x, the patient's c = A_c / (V_central − V_x).
 * Blood lost (bleeding, circuit faults: now.blood.bleeding_mL_h, whole blood Q_bl) carries each solute out at its
 * concentration in the water that carries it, the same carrier the filter's dilution assumes (solute.ts):
 *   plasma solutes: −c·Q_bl·(1 − Hct)        whole-blood (body-water) solutes: −c·Q_bl
 * into the solute's lost-in-bleeding ledger.
 */
import { MAX_SOLUTES, massBalance } from '../../model/now.js';
import { fmt } from '../../model/events.js';
import type { ModelDefinition, SlotOf, StateDeclaration } from '../../model/part.js';
import type { Model } from '../../model/context.js';
import { scaleBy } from '../../model/part.js';
import { adsorptiveClearance_mL_h, convectiveClearance_mL_h, type FilterNow } from '../../filter/filterNow.js';
import { seriesClearance_mL_h } from '../../filter/circuitBlood.js';
import { mL_min } from '../../quantities.js';
import { SOLUTE, SOLUTES } from './registry.js';
import { interstitialGlobulin_g_L, interstitialProtein_g_L } from './albumin.js';
import { soluteStateNames, type KineticFluxes, type SoluteDefinition } from './solute.js';

function declarations(s: SoluteDefinition): StateDeclaration[] {
  const n = soluteStateNames(s);
  const amounts = s.peripheral ? [n.central, n.peripheral] : [n.central];
  const byAmount = scaleBy(...amounts);
  const ledger = [n.produced, n.eliminated, n.removed, ...(s.filtration?.adsorption ? [n.adsorbed] : []), n.lost];
  const circuit = s.filtration ? [{ name: n.circuit, scale: byAmount }] : [];
  return [
    ...amounts.map((name) => ({ name, scale: byAmount })),
    ...circuit,
    ...(s.extraStates ?? []),
    ...ledger.map((name) => ({ name, scale: byAmount, ledger: true })),
  ];
}

/** An amount that decays towards zero can dip below it by the solver's absolute tolerance; no flux makes it negative. */
const nonNegative = (v: number) => (v < 0 ? 0 : v);

/** One row per solute: its kinetics, its membrane entries and the slots of its states. */
function soluteRows(m: Model, slot: SlotOf) {
  const filter = m.current.filter;
  const indexOf = (name: string) => {
    const i = SOLUTES.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`no solute named ${name} in the registry`);
    return i;
  };
  return SOLUTES.map((s) => {
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
      lost: slot(names.lost),
      central: slot(names.central),
      peripheral: s.peripheral ? slot(names.peripheral) : -1,
      produced: slot(names.produced),
      eliminated: slot(names.eliminated),
      removed: slot(names.removed),
      adsorbed: s.filtration?.adsorption ? slot(names.adsorbed) : -1,
      circuit: s.filtration ? slot(names.circuit) : -1,
      /** The circuit's blood's share of the central volume (mL) while it is isolated, else 0. */
      circuitVolume: 0,
      /** Amount per mL now, set by derive. */
      c: NaN,
    };
  });
}
type Row = ReturnType<typeof soluteRows>[number];

/** Splits the circuit's blood (volume V_x) from the patient at the patient's concentration, or mixes it back: mass exact. */
function splitOrMix(r: Row, y: number[], isolated: boolean, circuitBlood_mL: number, hematocrit: number): void {
  if (r.circuit < 0) return;
  if (isolated) {
    r.circuitVolume = r.wholeBlood ? circuitBlood_mL : circuitBlood_mL * (1 - hematocrit);
    const moved = r.c * r.circuitVolume;
    y[r.central] -= moved;
    y[r.circuit] = moved;
  } else {
    y[r.central] += y[r.circuit];
    y[r.circuit] = 0;
    r.circuitVolume = 0;
  }
}

/** The replacement fluid's share of the effluent (Q_rep/Q_eff: 1 at zero net ultrafiltration). */
function replacementShare(fn: FilterNow): number {
  const op = fn.op;
  return op.effluent_mL_h > 0 ? (60 * (op.predilution_mL_min + op.postdilution_mL_min)) / op.effluent_mL_h : 0;
}

/** A solute's balance: start + produced − eliminated − removed − adsorbed − lost in bleeding = end. */
function soluteBalance(r: Row, y0: ArrayLike<number>, y: ArrayLike<number>) {
  const amount = (v: ArrayLike<number>) => v[r.central] + (r.peripheral >= 0 ? v[r.peripheral] : 0) + (r.circuit >= 0 ? v[r.circuit] : 0);
  const adsorbed = r.adsorbed >= 0 ? y[r.adsorbed] : 0;
  return massBalance(r.s.amountUnit, amount(y0), y[r.produced], y[r.eliminated], y[r.removed], adsorbed, amount(y), y[r.lost]);
}

export const solutesModel: ModelDefinition = {
  name: 'solutes',
  states: SOLUTES.flatMap(declarations),
  series: Object.fromEntries(SOLUTES.map((s) => [s.series[0], [s.series[1], s.series[2]] as const])),
  create(m, slot) {
    if (SOLUTES.length > MAX_SOLUTES) throw new Error(`the registry has ${SOLUTES.length} solutes; Now holds ${MAX_SOLUTES}`);
    const filter = m.current.filter;
    const rows = soluteRows(m, slot);
    /** The circuit's blood: what its prime (ECMO circuit and filter set) was replaced with at connection. */
    const circuitBloodVolume = filter ? m.prime_mL : 0;
    let split = false;
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
          r.c = now.y[r.central] / (r.volume(now) - r.circuitVolume);
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
        const flow = m.filter.circuitFlow_mL_min;
        const bleeding = now.blood.bleeding_mL_h;
        const plasmaLost = bleeding * (1 - now.blood.hematocrit);
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          r.fluxes(now, r.c, flux);
          const kConv = fn && r.sieving ? convectiveClearance_mL_h(fn, r.sieving, r.wholeBlood ? 'wholeBlood' : 'plasma') : 0;
          const kAds = fn && adsorption && r.adsorption ? adsorptiveClearance_mL_h(fn, mL_min(adsorption[r.adsorption]), adsorption.timeConstant) : 0;
          const isolated = r.circuitVolume > 0;
          // isolated: the filter clears the circuit's blood alone; flowing: the patient, in series with the circuit
          const cleared = isolated ? nonNegative(now.y[r.circuit]) / r.circuitVolume : r.c;
          const series = isolated || kConv + kAds <= 0 ? 1 : seriesClearance_mL_h(kConv + kAds, flow) / (kConv + kAds);
          const removed = kConv * series * cleared;
          const adsorbed = kAds * series * cleared;
          // a replacement fluid that carries the solute gives back K·C_rf (solute.ts `replacement`), into the blood cleared
          const given = r.s.replacement && kConv > 0 ? kConv * series * r.s.replacement(m) * replacementShare(fn!) : 0;
          const lost = r.c * (r.wholeBlood ? bleeding : plasmaLost);
          dy[r.central] = flux.produced - flux.eliminated + (isolated ? 0 : given - removed - adsorbed) - flux.exchange - lost;
          if (r.circuit >= 0) dy[r.circuit] = isolated ? given - removed - adsorbed : 0;
          if (r.peripheral >= 0) dy[r.peripheral] = flux.exchange;
          dy[r.produced] = flux.produced + given;
          dy[r.eliminated] = flux.eliminated;
          dy[r.removed] = removed;
          if (r.adsorbed >= 0) dy[r.adsorbed] = adsorbed;
          dy[r.lost] = lost;
          if (r.extra) r.extra(now, dy);
        }
      },
      afterEvents(_t, y, now, log) {
        const isolated = m.filter.circuitIsolated;
        if (!filter || isolated === split) return;
        split = isolated;
        for (const r of rows) splitOrMix(r, y, isolated, circuitBloodVolume, now.blood.hematocrit);
        log(
          'circuit_blood',
          isolated
            ? `ECMO flow stopped: the circuit's ${fmt(circuitBloodVolume, 0)} mL of blood is isolated from the patient; the filter clears it alone`
            : `ECMO flow restored (${fmt(m.filter.circuitFlow_mL_min / 1000, 2)} L/min effective): the circuit's blood mixes back into the patient's`,
        );
      },
      observe(now, out) {
        rows.forEach((r, i) => (out[r.s.series[0]] = nonNegative(now.concentration[i])));
      },
      massBalances(y0, y, out) {
        for (const r of rows) out[r.s.name] = soluteBalance(r, y0, y);
      },
    };
  },
};
