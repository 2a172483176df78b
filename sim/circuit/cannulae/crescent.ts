/**
 * Medtronic Crescent jugular dual-lumen catheters, 24–32 Fr (dualLumen.ts's other family).
 *
 * Source [S2]: N. Mark's ECMO cannula calculator (github.com/nickmmark/ecmo-calculations, cannula_flow_v4.html), which
 * digitized Medtronic's Crescent flow charts with WebPlotDigitizer and fitted each lumen with ΔP = a·Q² + b·Q through
 * the origin (R² > 0.99 for every curve, its README); the original points were not published, only the fits. The
 * points stored here are that fit read at every 0.5 L/min up to 7 L/min (the calculator's flow axis) while the drop
 * stays on its chart (infusion up to 300 mmHg, drainage down to −150 mmHg: its axis limits): a chart read back from
 * its source's curve. The same page's Avalon Elite fits agree with the independent perfusiontools.com digitization
 * of Getinge's chart that dualLumen.ts stores within 2–11 mmHg (test/cannulae.test.ts), which is how far the
 * digitizer can be trusted. The test fluid of Medtronic's charts is not given in this source: taken as water at
 * room temperature like the other manufacturers' charts [E], and corrected to blood as they are (lookup.ts). The
 * insertion length and order codes are not in the source (the catalogue shows the length as not given).
 */
import type { CatalogueCannula } from './catalogue.js';
import { dualLumenEntry, type DualLumenCannula } from './dualLumenEntry.js';

const CRESCENT_SOURCE =
  'Medtronic Crescent jugular dual-lumen catheter flow chart, digitized and fitted (ΔP = a·Q² + b·Q) in N. Mark’s ECMO cannula calculator (github.com/nickmmark/ecmo-calculations) [S2]; test fluid not given, taken as water at room temperature [E]';

/** The calculator's axis: flows to 7 L/min, drops to +300 and −150 mmHg. */
const FLOW_STEP_L_min = 0.5;
const FLOW_TOP_L_min = 7;
const AXIS_mmHg = { infusion: 300, drainage: 150 } as const;

/** The source's curve read back at its chart's flows: [Q, ΔP] while ΔP stays on the chart. */
function readBack(q2: number, q1: number, top_mmHg: number): CatalogueCannula['points'] {
  const points: [number, number][] = [];
  for (let i = 1; i * FLOW_STEP_L_min <= FLOW_TOP_L_min; i++) {
    const q = i * FLOW_STEP_L_min;
    const dp = Math.round((q2 * q * q + q1 * q) * 10) / 10;
    if (dp > top_mmHg) break;
    points.push([q, dp]);
  }
  return points;
}

/** One size: each lumen's fit as the source gives it (a for Q², b for Q; the drainage fit's signs turned into a loss). */
function crescent(size: number, infusion: [number, number], drainage: [number, number]): DualLumenCannula {
  return dualLumenEntry({
    id: `crescent-${size}`,
    manufacturer: 'Medtronic',
    model: `Crescent Jugular Dual Lumen Catheter ${size} Fr`,
    orderCode: '',
    size_Fr: size,
    length_mm: null,
    source: CRESCENT_SOURCE,
    points: { infusion: readBack(...infusion, AXIS_mmHg.infusion), drainage: readBack(...drainage, AXIS_mmHg.drainage) },
  });
}

/** The calculator's coefficients: infusion [a, b], drainage [−a, −b] of its negative drainage curves. */
export const CRESCENT_CATALOGUE: readonly DualLumenCannula[] = [
  crescent(24, [18.65, 6.7335], [4.0878, 4.4519]),
  crescent(26, [11.215, 6.0422], [2.6488, 3.7688]),
  crescent(28, [7.9396, 5.5664], [1.9888, 2.4497]),
  crescent(30, [5.6205, 3.5476], [1.058, 4.1433]),
  crescent(32, [4.3856, 1.5097], [1.4009, 0.4532]),
];
