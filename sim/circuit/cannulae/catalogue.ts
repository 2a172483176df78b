/**
 * A catalogue of real adult ECMO cannulae, each with the pressure–flow points of its source. Points are stored as
 * published (flow L/min, pressure drop mmHg, in the source's test fluid); the two-term relation ΔP = a·Q + b·Q² is
 * fitted from them (fit.ts) and corrected to blood (lookup.ts), never typed in.
 *
 * Source of the entries in this file: the Getinge/Maquet HLS cannula pressure-drop charts (water at room
 * temperature), digitized manually and rounded to 1 mmHg in the perfusiontools.com cannula dataset (a third-party
 * digitization of the manufacturer's charts) [S2]. Geometry (French size, insertion length, side holes) from the same
 * product tables. The Medtronic Bio-Medicus NextGen entries are bioMedicus.ts's, from the same dataset.
 */
import { BIO_MEDICUS_CATALOGUE } from './bioMedicus.js';
import { largestDrop_mmHg, WATER_ROOM, type TestFluid, type Trace } from './chart.js';

export type CannulaRole = 'drainage' | 'return';

/** What names a cannula: the id a scenario uses, the maker's model and code, its size and insertion length. */
export interface CannulaIdentity {
  /** The id a scenario names (`circuit.drainageCannula.model`, `circuit.dualLumenCannula`). */
  readonly id: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly orderCode: string;
  readonly size_Fr: number;
  /** Insertion length; null where the source does not give it. */
  readonly length_mm: number | null;
}

export interface CatalogueCannula extends CannulaIdentity {
  readonly stages: 'single' | 'multi';
  readonly role: CannulaRole;
  readonly dualLumen: boolean;
  readonly fluid: TestFluid;
  readonly source: string;
  /** [flow L/min, pressure drop mmHg] in the test fluid. */
  readonly points: Trace;
  /** Points of the source left out of the fit, each with why (a reading slip of the digitization). */
  readonly excluded?: readonly { readonly point: readonly [number, number]; readonly why: string }[];
  /** The largest drop on the chart the points were read from, when the chart holds more than these points (both lumens of a dual-lumen cannula, the sizes of a Bio-Medicus family). */
  readonly chartMaximum_mmHg?: number;
  /** Why the two-term relation cannot follow this chart within its scatter, where it cannot (the shape test/cannulae.test.ts checks). */
  readonly misfit?: string;
}

/**
 * The source's own scatter: points rounded to 1 mmHg (±0.5) read off a chart whose trace and reading resolution
 * are taken as 1.5 % of the largest drop charted [E] (on a chart that holds more traces than this cannula's, both
 * lumens of a dual-lumen cannula or a family's sizes, the largest of them). A fit reproduces its source when every
 * point lies this close.
 */
export function sourceScatter_mmHg(c: CatalogueCannula): number {
  return 0.5 + 0.015 * (c.chartMaximum_mmHg ?? largestDrop_mmHg(c.points));
}

const HLS_CHART = 'Getinge/Maquet HLS cannula pressure-drop chart, water at room temperature; digitized (perfusiontools.com dataset) [S2]';

const hlsVenous = (size: number, points: CatalogueCannula['points'], excluded?: CatalogueCannula['excluded']): CatalogueCannula => ({
  id: `hls-pvl-${size}55`,
  manufacturer: 'Getinge (Maquet)',
  model: `HLS venous cannula PVL ${size}55 (femoral, multistage)`,
  orderCode: `PVL ${size}55`,
  size_Fr: size,
  length_mm: 550,
  stages: 'multi',
  role: 'drainage',
  dualLumen: false,
  fluid: WATER_ROOM,
  source: HLS_CHART,
  points,
  excluded,
});

const hlsArterial = (size: number, points: CatalogueCannula['points']): CatalogueCannula => ({
  id: `hls-pas-${size}15`,
  manufacturer: 'Getinge (Maquet)',
  model: `HLS arterial cannula PAS ${size}15 (15 cm, used as a jugular or femoral return cannula in VV ECMO)`,
  orderCode: `PAS ${size}15`,
  size_Fr: size,
  length_mm: 150,
  stages: 'single',
  role: 'return',
  dualLumen: false,
  fluid: WATER_ROOM,
  source: HLS_CHART,
  points,
});

const Q = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7];
/** Points at the charts' half-litre grid. */
const grid = (...dp: number[]): [number, number][] => dp.map((p, i) => [Q[i], p]);

export const CANNULA_CATALOGUE: readonly CatalogueCannula[] = [
  hlsVenous(21, grid(2, 6, 10, 17, 25, 35, 47, 60, 74, 90, 108, 126, 146, 169)),
  hlsVenous(
    23,
    [...grid(2, 3, 8, 12, 18, 24, 32, 41, 50, 60, 72, 84), [7, 113]],
    [
      {
        point: [6.5, 90],
        why: 'breaks the smooth rise of its neighbours (84 → 90 → 113 mmHg: steps of 6 then 23, where the steps before grow by ~1 mmHg each): a reading slip of the digitization',
      },
    ],
  ),
  hlsVenous(25, grid(2, 3, 6, 8, 12, 17, 22, 28, 34, 42, 50, 59, 69, 79)),
  hlsVenous(29, grid(1, 2, 3, 5, 8, 10, 13, 16, 21, 26, 31, 36, 41, 47)),
  hlsArterial(17, grid(2, 8, 15, 25, 38, 55, 77, 101, 129, 161, 195)),
  hlsArterial(19, grid(2, 4, 9, 15, 23, 34, 46, 61, 78, 97, 117, 140, 165)),
  hlsArterial(21, grid(2, 4, 7, 11, 16, 22, 29, 39, 50, 62, 75, 89, 104, 121)),
  hlsArterial(23, grid(1, 2, 4, 7, 12, 16, 21, 27, 34, 43, 51, 60, 72, 82)),
  ...BIO_MEDICUS_CATALOGUE,
];

/** The catalogue ids by role, for the scenario's choice of model (`custom` keeps size and length). */
export const catalogueIds = (role: CannulaRole): string[] => CANNULA_CATALOGUE.filter((c) => c.role === role).map((c) => c.id);

export function catalogueCannula(id: string): CatalogueCannula | undefined {
  return CANNULA_CATALOGUE.find((c) => c.id === id);
}
