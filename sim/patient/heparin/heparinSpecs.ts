/**
 * Parameters of unfractionated heparin (the scenario's `kinetics.heparin`): its elimination, fitted by
 * scripts/fitHeparinElimination.ts, and its effect: antithrombin, the aPTT reagent and the patient's aPTT without
 * heparin (docs/models/heparin.md).
 */
import { q, type SpecTree } from '../../parameters.js';
import heparinFit from './heparinElimination.calibrated.json' with { type: 'json' };

const FIT =
  'scripts/fitHeparinElimination.ts: t½ 30/60/150 min at 25/100/400 U/kg (Hirsh/ACCP, de Swart 1982) and 16 U/kg/h holding anti-Xa 0.46 U/mL (Raschke 1996; Hirsh/ACCP 0.3–0.7), with the binding sites (bindingCapacity)';

export const heparinSpecs = {
  distributionVolume: q('mL', null, [500, 50000], {
    defaultPerKg: heparinFit.distributionVolume_mL_kg, // the volume the elimination was fitted with
    description: 'Distribution volume of unfractionated heparin (default 0.07 L/kg).',
    source: 'S2',
    ref: 'Hirsh/ACCP: Vd ≈ 0.07 L/kg',
  }),
  saturableVmax: q('U/h', null, [0, 1e6], {
    defaultPerKg: heparinFit.saturableVmax_U_kg_h,
    description: 'Maximal rate of the saturable (cellular) elimination pathway: the binding sites internalising what they hold.',
    source: 'calibrated',
    ref: FIT,
  }),
  saturableKm: q('U/mL', heparinFit.saturableKm_U_mL, [1e-4, 100], {
    description: 'Plasma concentration at which the binding sites are half occupied and the saturable elimination half its maximum.',
    source: 'calibrated',
    ref: FIT,
  }),
  linearClearance: q('mL/h', null, [0, 1e5], {
    defaultPerKg: heparinFit.linearClearance_mL_kg_h,
    description: 'Linear (renal) clearance.',
    source: 'calibrated',
    ref: FIT,
  }),
  bindingCapacity: q('U', null, [0, 1e6], {
    defaultPerKg: heparinFit.bindingCapacity_U_kg,
    description:
      'Capacity of the saturable binding sites (endothelial cells, macrophages) that hold heparin in rapid equilibrium with plasma, half-occupied at saturableKm, and clear it at saturableVmax: the "heparin sink" that takes its share of a bolus at once (a hypothesis; no published capacity found). 0: one compartment.',
    source: 'calibrated',
    ref: `${FIT}; binding to endothelial cells and macrophages, saturable (Hirsh/ACCP; Glimelius, Thromb Res 1978: saturable, reversible binding to cultured endothelium); rapid initial loss after a bolus (de Swart, Blood 1982)`,
  }),
  antithrombin: q('1', 0.59, [0.05, 1.5], {
    range: [0.44, 0.75],
    description:
      "Antithrombin activity (fraction of normal). Heparin's anti-Xa activity measured without added antithrombin falls in proportion; the aPTT's effective heparin is taken to fall likewise (a hypothesis).",
    source: 'S',
    ref: 'PROWESS, 1558 patients with severe sepsis at entry: median 59 % (IQR 44–75 %) (Kinasewitz, Crit Care 2004); anti-Xa recovery linear in antithrombin below 100 % (Croles, Thromb Res 2019)',
  }),
  apttBaseline: q('s', 42.6, [15, 120], {
    range: [36.3, 50.4],
    description: "The patient's aPTT without heparin (prolonged in sepsis); heparin multiplies it along the reagent's curve.",
    source: 'S',
    ref: 'PROWESS, 1561 patients with severe sepsis at entry: median 42.6 s (IQR 36.3–50.4 s; normal 21–39 s) (Kinasewitz, Crit Care 2004)',
  }),
  apttSensitivity: q('mL/U', heparinFit.apttReagent.sensitivity_mL_U, [0.1, 20], {
    description: "The aPTT reagent's heparin response: ln(aPTT / aPTT₀) per U/mL of effective heparin (log-linear curve).",
    source: 'calibrated',
    ref: 'scripts/fitHeparinElimination.ts: log-linear fit to one reagent 0.1→38, 0.2→55, 0.3→75, 0.4→99 s (S2, reference-data.md §5)',
  }),
  apttMeasuringLimit: q('s', 250, [60, 1000], {
    description:
      'Longest clotting time the analyzer measures: an aPTT beyond it is reported at this limit ("no clot detected"), as the exponential reagent curve would otherwise run to any number.',
    source: 'E',
    ref: 'estimate: coagulometers stop at a maximal clot-detection time and report "> limit"; no analyzer-specific figure found',
  }),
} as const satisfies SpecTree;
