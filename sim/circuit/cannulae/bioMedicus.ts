/**
 * Medtronic Bio-Medicus NextGen single-lumen cannulae: the femoral bi-caval venous cannula (multistage femoral
 * drainage, 15–29 Fr) and the jugular venous cannula (single-stage, 31.8 cm, used as the jugular return cannula of
 * femoro-jugular VV ECMO, 17–25 Fr).
 *
 * Source [S2]: the pressure-loss charts of Medtronic's Cannula Catalog 2020 (US product catalog, "Bio-Medicus NextGen
 * Femoral Bi-caval Venous Cannula and Kits" and "…Femoral Arterial or Jugular Venous Cannulae and Kits"; test fluid
 * water), digitized manually and rounded to 1 mmHg at every 0.5 L/min in the perfusiontools.com cannula dataset
 * (github.com/IMhongkeun/perfusion-tools, data/cannula-pressure-drop.json at 30af89d660cfef3e57103945859df4197a6a307a),
 * with order codes, overall and tip lengths from the same tables. The water's temperature is not given: taken as room
 * temperature like the other manufacturers' charts [E].
 *
 * One chart per family [E, inferred from the points]: every size's trace ends either at the chart's 6 L/min edge or
 * between 150 and 193 mmHg, where it leaves a common pressure axis, so the sizes were read off one graph and each
 * size's reading resolution is the family chart's (its largest stored drop), as for the two lumens of a dual-lumen
 * chart (catalogue.ts, `sourceScatter_mmHg`).
 *
 * Left out of the same dataset, and why (circuit-hydraulics.md, "Cannula catalogue"): the 15 Fr jugular cannula, whose
 * trace steepens faster than Q² over its top points (the two-term fit misses 178 mmHg at 4 L/min by 4.4 mmHg, past its
 * 3.4 mmHg scatter); the femoral arterial family, whose 15 Fr chart has a reading slip (45 → 88 → 99 mmHg at 2–3 L/min)
 * and whose 25 Fr low-flow readings (3–4 mmHg at 0.5–1.5 L/min) give a viscous term that in blood takes 24 % off its top
 * flow, past the 21 % Broman et al. (Perfusion 2019) measured for return cannulae (a femoro-femoral return is the HLS
 * PAS family's); the older Bio-Medicus multi-stage femoral venous cannulae, whose 19 and 21 Fr points are identical (a
 * copy in the dataset).
 */
import type { CatalogueCannula } from './catalogue.js';
import { largestDrop_mmHg, WATER_ROOM } from './chart.js';

const CATALOG = 'Medtronic Cannula Catalog 2020, pressure-loss chart (water)';
const DIGITIZED = 'digitized to 1 mmHg (perfusiontools.com dataset) [S2]; water taken at room temperature [E]';

/** The charts' flows: every 0.5 L/min from 0.5. */
const grid = (...dp: number[]): [number, number][] => dp.map((p, i) => [0.5 * (i + 1), p]);

interface Size {
  size: number;
  overall_cm: number;
  tip_cm: number;
  points: [number, number][];
}

/** What a family's sizes share: its id and order-code stems, its use, its role and stages, its chart. */
interface Family {
  id: string;
  name: string;
  orderStem: string;
  use: string;
  role: CatalogueCannula['role'];
  stages: CatalogueCannula['stages'];
}

const FEMORAL: Family = {
  id: 'femoral',
  name: 'femoral bi-caval venous',
  orderStem: '96670-1',
  use: 'multistage femoral drainage',
  role: 'drainage',
  stages: 'multi',
};
const JUGULAR: Family = {
  id: 'jugular',
  name: 'jugular venous',
  orderStem: '96570-1',
  use: 'single-stage, the jugular return cannula in VV ECMO',
  role: 'return',
  stages: 'single',
};

/** One family's catalogue entries, read off one chart: each size's scatter is the chart's (its largest stored drop). */
function family(f: Family, sizes: Size[]): CatalogueCannula[] {
  const chartMaximum_mmHg = largestDrop_mmHg(...sizes.map((s) => s.points));
  return sizes.map((s) => ({
    id: `biomedicus-${f.id}-${s.size}`,
    manufacturer: 'Medtronic',
    model: `Bio-Medicus NextGen ${f.name} cannula ${s.size} Fr (${s.overall_cm} cm overall, ${s.tip_cm} cm tip; ${f.use})`,
    orderCode: `${f.orderStem}${s.size}`,
    size_Fr: s.size,
    // the catalog gives the overall and the tip length, not an insertion length
    length_mm: null,
    stages: f.stages,
    role: f.role,
    dualLumen: false,
    fluid: WATER_ROOM,
    source: `${CATALOG}, Bio-Medicus NextGen ${f.name} cannulae; ${DIGITIZED}`,
    points: s.points,
    chartMaximum_mmHg,
  }));
}

// prettier-ignore
export const BIO_MEDICUS_CATALOGUE: readonly CatalogueCannula[] = [
  ...family(FEMORAL, [
    { size: 15, overall_cm: 64.8, tip_cm: 48.9, points: grid(7, 22, 45, 76, 115, 159) },
    { size: 17, overall_cm: 64.8, tip_cm: 48.9, points: grid(5, 14, 27, 43, 65, 88, 117, 150, 185) },
    { size: 19, overall_cm: 69.9, tip_cm: 54, points: grid(4, 9, 16, 26, 38, 51, 67, 86, 106, 128, 153, 179) },
    { size: 21, overall_cm: 69.9, tip_cm: 54, points: grid(4, 7, 11, 17, 25, 32, 42, 53, 64, 78, 93, 110) },
    { size: 23, overall_cm: 76.2, tip_cm: 60, points: grid(4, 6, 10, 14, 18, 24, 31, 38, 47, 57, 68, 80) },
    { size: 25, overall_cm: 76.2, tip_cm: 60, points: grid(4, 5, 7, 9, 13, 17, 21, 26, 32, 40, 46, 53) },
    { size: 27, overall_cm: 76.2, tip_cm: 60, points: grid(4, 5, 6, 8, 11, 14, 18, 21, 26, 31, 35, 42) },
    { size: 29, overall_cm: 76.2, tip_cm: 60, points: grid(3, 4, 5, 6, 8, 11, 13, 15, 18, 23, 27, 31) },
  ]),
  ...family(JUGULAR, [
    { size: 17, overall_cm: 31.8, tip_cm: 18, points: grid(1, 6, 15, 27, 42, 60, 80, 104, 131, 160, 193) },
    { size: 19, overall_cm: 31.8, tip_cm: 18, points: grid(1, 4, 9, 16, 24, 34, 45, 59, 73, 90, 109, 130) },
    { size: 21, overall_cm: 31.8, tip_cm: 18, points: grid(0, 2, 6, 10, 17, 23, 31, 40, 50, 61, 73, 86) },
    { size: 23, overall_cm: 31.8, tip_cm: 18, points: grid(1, 2, 5, 8, 12, 16, 21, 26, 33, 40, 48, 57) },
    { size: 25, overall_cm: 31.8, tip_cm: 18, points: grid(0, 2, 3, 5, 8, 11, 15, 19, 24, 29, 34, 41) },
  ]),
];
