/**
 * One row of the solute registry (registry.ts): what a solute is, where it lives, and what the filter does to it.
 * The solutes' part (part.ts) turns the rows into states, ledgers, derivatives, series and mass balances; a
 * solute's own file supplies only its kinetics (production, elimination, exchange) and its parameter specs.
 *
 * Amounts are held in `amountUnit`; a concentration in amount per mL is amount / V_central, and the display
 * concentration is that times `perMl` (pg/mL → 1, mg/mL → mg/L 1000, mg/mL → mg/dL 100, g/mL → g/L 1000).
 * Every flux is also integrated into the solute's ledger, so its mass balance closes by construction:
 *   start + produced − eliminated − removed in effluent − adsorbed = end.
 */
import type { Scenario } from '../../scenario/resolve.js';
import type { Model } from '../../model/context.js';
import type { Now } from '../../model/now.js';
import type { SlotOf, StateDeclaration } from '../../model/part.js';

type FilterSpec = NonNullable<Scenario['filter']>;

/** What the hemofilter does to the solute: its sieving entry, an adsorption entry, and which water it is carried in. */
export interface SoluteFiltration {
  sieving: keyof FilterSpec['sieving'];
  /** The filter's initial adsorptive clearance for it (mL/min), if the membrane adsorbs it. */
  adsorption?: 'il6InitialClearance' | 'pctInitialClearance';
  /**
   * 'plasma': carried in plasma water, diluted by predilution with DF = Qp/(Qp + Q_pre) (proteins, cytokines);
   * 'wholeBlood': small solutes equilibrate with red-cell water, DF = Q_b/(Q_b + Q_pre) [S: reference-data.md §1].
   */
  dilution: 'plasma' | 'wholeBlood';
}

/** Fluxes of one solute now, amount per hour; the part adds the filter's removal and adsorption. */
export interface KineticFluxes {
  produced: number;
  eliminated: number;
  /** Central → peripheral (0 for a one-compartment solute). */
  exchange: number;
}

/** A solute's kinetics for one run, built once with its constants. Nothing here may allocate per call. */
export interface SoluteKinetics {
  /** Central distribution volume now, mL. */
  centralVolume_mL(now: Now): number;
  /** Writes the starting amounts (and any state of its own). */
  initial(y: number[]): void;
  /** Production, endogenous elimination and exchange now (`c` is the central concentration in amount per mL). */
  fluxes(now: Now, c: number, out: KineticFluxes): void;
  /** Derivatives of the solute's own extra states (lags, signals), if any. */
  extraDerivatives?(now: Now, dy: number[]): void;
}

export interface SoluteDefinition {
  /** Key in the registry, in concentrations (now.concentration) and in the mass balance. */
  readonly name: string;
  readonly amountUnit: string;
  /** Display concentration = amount per mL × perMl. */
  readonly perMl: number;
  /** The plasma concentration series: [name, unit, description]. */
  readonly series: readonly [name: string, unit: string, description: string];
  /** A peripheral compartment (interstitium) as a second amount. */
  readonly peripheral: boolean;
  readonly filtration: SoluteFiltration | null;
  /**
   * Its concentration in the replacement fluid now (amount per mL), if the fluid carries it: the filter then gives
   * back K·C_rf beside removing K·C (the net K·(C − C_rf), exact for predilution or postdilution at zero net
   * ultrafiltration), counted as produced.
   */
  readonly replacement?: (m: Model) => number;
  /** States of the solute's own (lags, signals) beyond its amounts and ledger. */
  readonly extraStates?: readonly StateDeclaration[];
  /** `indexOf` gives another solute's index in Now.concentration (CRP reads IL-6). */
  kinetics(m: Model, slot: SlotOf, names: SoluteStateNames, indexOf: (solute: string) => number): SoluteKinetics;
}

/** The names of a solute's generated states. */
export interface SoluteStateNames {
  central: string;
  peripheral: string;
  produced: string;
  eliminated: string;
  removed: string;
  adsorbed: string;
  /** Amount lost with blood (bleeding, circuit faults). */
  lost: string;
  /** The circuit's blood's share while it is isolated from the patient (filtered solutes only). */
  circuit: string;
}

export function soluteStateNames(s: Pick<SoluteDefinition, 'name' | 'amountUnit'>): SoluteStateNames {
  const u = s.amountUnit;
  return {
    central: `${s.name}Central_${u}`,
    peripheral: `${s.name}Peripheral_${u}`,
    produced: `${s.name}Produced_${u}`,
    eliminated: `${s.name}Eliminated_${u}`,
    removed: `${s.name}Removed_${u}`,
    adsorbed: `${s.name}Adsorbed_${u}`,
    lost: `${s.name}LostInBleeding_${u}`,
    circuit: `${s.name}Circuit_${u}`,
  };
}
