/**
 * Dual-lumen bicaval cannulae: one jugular cannula whose drainage lumen drains both venae cavae and whose infusion
 * lumen returns blood into the right atrium. Each lumen is a catalogue entry (its chart points, fitted and corrected
 * to blood as any single-lumen cannula, lookup.ts); the circuit uses the drainage lumen as its drainage cannula and
 * the infusion lumen as its return cannula when `circuit.configuration` is `dual-lumen-bicaval`.
 *
 * Sources: the Medtronic Crescent entries are crescent.ts's; the source of every Avalon entry is the Getinge (Maquet) Avalon Elite Bi-Caval Dual-Lumen Catheter flow-characteristics
 * graph (water at ambient temperature; both lumens on one graph, the drainage lumen drawn negative), digitized with
 * WebPlotDigitizer in the perfusiontools.com cannula dataset (github.com/IMhongkeun/perfusion-tools,
 * data/cannula-pressure-drop.json at 30af89d660cfef3e57103945859df4197a6a307a) [S2]; flows rounded here to 0.001 L/min
 * and drops to 0.1 mmHg (both well inside the chart's resolution), drainage drops stored as positive losses. Product
 * codes, outer diameter and insertable length (31 cm for 20–31 Fr) from the same product table.
 */
import type { CatalogueCannula } from './catalogue.js';
import { dualLumenEntry, type DualLumenCannula } from './dualLumenEntry.js';
import { CRESCENT_CATALOGUE } from './crescent.js';

export type { DualLumenCannula };

const AVALON_CHART =
  'Getinge Avalon Elite flow-characteristics graph, water at ambient temperature; digitized (perfusiontools.com dataset, WebPlotDigitizer) [S2]';

/**
 * Each infusion lumen's chart rises faster than Q² at low flow and then bends over: the two-term fit lies above
 * it at about 1 L/min and at its top flow and below it between, by more than the chart's scatter.
 */
const INFUSION_MISFIT =
  'the infusion trace rises faster than Q² below about 2 L/min and then bends over (S-shaped): ΔP = a·Q + b·Q² with a, b ≥ 0 lies above it at ~1 L/min and at its top flow and below it between; no steady flow through a fixed lumen loses faster than Q², so the low-flow part of the trace is suspect';

type Points = CatalogueCannula['points'];

function avalon(size: number, orderCode: string, points: { drainage: Points; infusion: Points }): DualLumenCannula {
  return dualLumenEntry({
    id: `avalon-elite-${size}`,
    manufacturer: 'Getinge (Maquet)',
    model: `Avalon Elite Bi-Caval Dual-Lumen Catheter ${size} Fr`,
    orderCode,
    size_Fr: size,
    length_mm: 310,
    source: AVALON_CHART,
    points,
    infusionMisfit: INFUSION_MISFIT,
  });
}

// prettier-ignore
export const DUAL_LUMEN_CATALOGUE: readonly DualLumenCannula[] = [
  avalon(23, '10023-CE', {
    drainage: [
      [0.233, 0.5], [0.378, 1], [0.517, 3.2], [0.65, 5.9], [0.783, 8], [0.894, 10.7], [1.011, 14], [1.2, 18.8],
      [1.339, 23.7], [1.494, 28.5], [1.628, 32.9], [1.761, 37.7], [1.878, 42.6], [2.017, 48], [2.144, 52.8], [2.261, 58.2],
      [2.378, 63.6], [2.506, 69.6], [2.589, 73.3], [2.678, 77.7], [2.783, 83.1], [2.883, 87.9], [3.006, 93.9], [3.094, 98.7],
      [3.189, 104.7], [3.306, 111.1], [3.417, 118.2], [3.517, 123.5], [3.656, 132.2], [3.783, 140.8], [3.906, 147.3],
    ],
    infusion: [
      [0.278, 2.2], [0.4, 2.8], [0.511, 4.4], [0.594, 7.1], [0.678, 9.2], [0.783, 13.6], [0.894, 19], [1, 24.4],
      [1.15, 33.5], [1.261, 42.7], [1.35, 50.3], [1.433, 56.7], [1.506, 64.3], [1.622, 75.6], [1.711, 83.2], [1.806, 92.9],
      [1.867, 101], [1.939, 107.5], [2.011, 116.7], [2.133, 130.2], [2.217, 139.3], [2.3, 150.1], [2.35, 157.2], [2.433, 166.9],
      [2.517, 177.7], [2.611, 189.5], [2.7, 200.9], [2.806, 215.5], [2.878, 225.2], [2.933, 233.3], [3.011, 244.1],
    ],
  }),
  avalon(27, '10027-CE', {
    drainage: [
      [0.094, 0.1], [0.233, 0.1], [0.361, 0.1], [0.494, 1], [0.633, 1], [0.811, 1.6], [1.006, 3.2], [1.183, 5.9],
      [1.328, 7.5], [1.494, 8.6], [1.672, 11.8], [1.822, 14], [2.006, 17.7], [2.183, 19.9], [2.35, 23.7], [2.517, 27.5],
      [2.644, 29.6], [2.8, 33.9], [3.017, 38.8], [3.172, 43.1], [3.339, 46.4], [3.511, 51.8], [3.678, 55.5], [3.839, 60.4],
      [3.994, 65.8], [4.144, 69.6], [4.328, 74.4], [4.522, 81.4], [4.711, 86.3], [4.861, 91.7], [4.994, 96],
    ],
    infusion: [
      [0.194, 1.1], [0.339, 1.7], [0.461, 1.7], [0.583, 2.2], [0.722, 3.3], [0.883, 4.9], [1.011, 6.5], [1.206, 11.9],
      [1.361, 18.4], [1.5, 24.4], [1.644, 33], [1.772, 39.5], [1.889, 45.4], [2.022, 54.6], [2.117, 60.5], [2.239, 68.1],
      [2.356, 75.6], [2.422, 80], [2.517, 87], [2.611, 92.9], [2.717, 101.6], [2.811, 107], [2.917, 115.6], [3.017, 122.6],
      [3.144, 132.9], [3.261, 141], [3.389, 150.7], [3.511, 160.4], [3.6, 166.9], [3.711, 175.5], [3.806, 183.6], [3.906, 191.7],
      [4.006, 198.7], [4.117, 208.4], [4.228, 216], [4.339, 225.2], [4.417, 232.7], [4.522, 240.8], [4.633, 250],
    ],
  }),
  avalon(31, '10031-CE', {
    drainage: [
      [0.383, 0.5], [0.517, 0.1], [0.656, 0.1], [0.822, 0.5], [0.983, 0.5], [1.161, 1.6], [1.339, 2.6], [1.5, 3.2],
      [1.667, 4.8], [1.822, 6.4], [2.022, 6.4], [2.167, 8], [2.328, 10.2], [2.506, 10.7], [2.694, 12.9], [2.861, 14.5],
      [3.011, 16.7], [3.178, 17.7], [3.322, 19.9], [3.517, 22.1], [3.667, 24.2], [3.833, 26.4], [4.011, 29.6], [4.189, 31.8],
      [4.344, 34.5], [4.517, 37.2], [4.672, 41], [4.856, 43.7], [5.022, 46.9], [5.178, 50.7], [5.35, 55], [5.511, 58.2],
      [5.661, 61.5], [5.844, 66.3], [5.989, 70.6],
    ],
    infusion: [
      [0.178, 0.6], [0.328, 0.6], [0.506, 1.1], [0.694, 1.7], [0.844, 2.8], [1.011, 4.9], [1.167, 6], [1.317, 8.7],
      [1.494, 11.9], [1.672, 15.7], [1.833, 20.6], [2.011, 25.4], [2.194, 30.8], [2.367, 35.7], [2.522, 42.2], [2.622, 44.9],
      [2.756, 50.3], [2.894, 56.2], [3.017, 61.1], [3.194, 68.6], [3.356, 75.6], [3.511, 83.2], [3.694, 91.8], [3.867, 100.5],
      [4.011, 108], [4.161, 115], [4.322, 124.8], [4.406, 129.1], [4.517, 135.6], [4.639, 143.1], [4.761, 150.1], [4.9, 157.7],
      [5.017, 165.2], [5.2, 174.4], [5.322, 183.1], [5.45, 191.7], [5.606, 200.9], [5.728, 209.5], [5.861, 218.2], [5.994, 227.3],
    ],
  }),
  ...CRESCENT_CATALOGUE,
];

export const DUAL_LUMEN_IDS: readonly string[] = DUAL_LUMEN_CATALOGUE.map((c) => c.id);

export function dualLumenCannula(id: string): DualLumenCannula | undefined {
  return DUAL_LUMEN_CATALOGUE.find((c) => c.id === id);
}

/** Every lumen of every dual-lumen cannula, as catalogue entries. */
export const DUAL_LUMEN_LUMENS: readonly CatalogueCannula[] = DUAL_LUMEN_CATALOGUE.flatMap((c) => [c.drainage, c.return]);
