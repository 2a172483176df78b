/**
 * Where everything is drawn, in a logical space of VIEW_W × VIEW_H that the view scales to its canvas. Layout
 * lives here, never in scenarios. Lines are listed in the direction blood (or fluid, or gas) flows in them.
 *
 * The femoro-jugular VV circuit: blood is drained from the IVC through the 23 Fr femoral cannula, pulled by the
 * centrifugal pump through the PMP oxygenator and returned through the 19 Fr jugular cannula. Post-oxygenator a
 * take-off feeds the hemofilter limb (CRRT blood pump, pre-filter replacement, filter, effluent to a bag), whose
 * return joins the drainage line before the pump.
 */
import type { Pt } from './paths';

export const VIEW_W = 1100;
export const VIEW_H = 560;

/** What a line carries and how wide it is drawn (its bore, roughly to scale between kinds). */
export type LineKind = 'ecmo' | 'cannula' | 'limb' | 'fluid' | 'gas';

export type LineId =
  | 'drainageCannula'
  | 'drainageLine'
  | 'prePump'
  | 'pumpToOxygenator'
  | 'postOxygenator'
  | 'returnLine'
  | 'returnCannula'
  | 'limbAccess'
  | 'limbToFilter'
  | 'limbReturn'
  | 'predilution'
  | 'postdilution'
  | 'effluent'
  | 'sweepIn'
  | 'sweepOut';

export interface LineLayout {
  id: LineId;
  kind: LineKind;
  /** 'filter': part of the hemofilter limb, hidden when the scenario has no filter. */
  part: 'circuit' | 'filter';
  points: Pt[];
}

export const PATIENT = {
  head: { x: 140, y: 56, r: 30 },
  torso: { x: 82, y: 98, w: 116, h: 232, r: 34 },
  armL: { x: 54, y: 112, w: 26, h: 196, r: 12 },
  armR: { x: 200, y: 112, w: 26, h: 196, r: 12 },
  legL: { x: 88, y: 322, w: 46, h: 226, r: 18 },
  legR: { x: 146, y: 322, w: 46, h: 226, r: 18 },
  heart: { x: 152, y: 170 },
  /** Right internal jugular vein: return cannula insertion. */
  jugular: { x: 152, y: 104 } as const,
  /** Right femoral vein: drainage cannula insertion. */
  femoral: { x: 112, y: 336 } as const,
};

export const PUMP = { x: 485, y: 470, r: 40 };
export const OXYGENATOR = { x: 590, y: 275, w: 100, h: 113 };
export const BLENDER = { x: 470, y: 285, w: 78, h: 46 };
export const CRRT_PUMP = { x: 835, y: 165, r: 26 };
export const FILTER = { x: 908, y: 205, w: 44, h: 190 };
export const REPLACEMENT_BAG = { x: 885, y: 12, w: 62, h: 80 };
export const EFFLUENT_BAG = { x: 815, y: 412, w: 84, h: 104 };

/** Where the drainage cannula's tip (IVC) and the return cannula's tip (SVC/RA) lie: recirculation is read here. */
export const DRAINAGE_TIP: Pt = [146, 222];
export const RETURN_TIP: Pt = [152, 172];

export const JUNCTION_PRE_PUMP: Pt = [390, 470];
export const JUNCTION_POST_OXY: Pt = [640, 165];

export const LINES: readonly LineLayout[] = [
  { id: 'drainageCannula', kind: 'cannula', part: 'circuit', points: [DRAINAGE_TIP, [132, 280], [PATIENT.femoral.x, PATIENT.femoral.y]] },
  { id: 'drainageLine', kind: 'ecmo', part: 'circuit', points: [[PATIENT.femoral.x, PATIENT.femoral.y], [260, 336], [260, 470], JUNCTION_PRE_PUMP] },
  { id: 'prePump', kind: 'ecmo', part: 'circuit', points: [JUNCTION_PRE_PUMP, [PUMP.x - PUMP.r, PUMP.y]] },
  {
    id: 'pumpToOxygenator',
    kind: 'ecmo',
    part: 'circuit',
    points: [
      [PUMP.x + PUMP.r, PUMP.y],
      [640, 470],
      [640, OXYGENATOR.y + OXYGENATOR.h],
    ],
  },
  { id: 'postOxygenator', kind: 'ecmo', part: 'circuit', points: [[640, OXYGENATOR.y], JUNCTION_POST_OXY] },
  { id: 'returnLine', kind: 'ecmo', part: 'circuit', points: [JUNCTION_POST_OXY, [640, 62], [214, 62], [214, 104], [PATIENT.jugular.x, PATIENT.jugular.y]] },
  { id: 'returnCannula', kind: 'cannula', part: 'circuit', points: [[PATIENT.jugular.x, PATIENT.jugular.y], RETURN_TIP] },
  { id: 'limbAccess', kind: 'limb', part: 'filter', points: [JUNCTION_POST_OXY, [CRRT_PUMP.x - CRRT_PUMP.r, CRRT_PUMP.y]] },
  {
    id: 'limbToFilter',
    kind: 'limb',
    part: 'filter',
    points: [
      [CRRT_PUMP.x + CRRT_PUMP.r, CRRT_PUMP.y],
      [930, 165],
      [930, FILTER.y],
    ],
  },
  { id: 'limbReturn', kind: 'limb', part: 'filter', points: [[930, FILTER.y + FILTER.h], [930, 535], [390, 535], JUNCTION_PRE_PUMP] },
  {
    id: 'predilution',
    kind: 'fluid',
    part: 'filter',
    points: [
      [900, REPLACEMENT_BAG.y + REPLACEMENT_BAG.h],
      [900, 165],
    ],
  },
  {
    id: 'postdilution',
    kind: 'fluid',
    part: 'filter',
    points: [
      [935, REPLACEMENT_BAG.y + REPLACEMENT_BAG.h],
      [935, 112],
      [978, 112],
      [978, 480],
      [930, 480],
    ],
  },
  {
    id: 'effluent',
    kind: 'fluid',
    part: 'filter',
    points: [
      [FILTER.x, 360],
      [857, 360],
      [857, EFFLUENT_BAG.y],
    ],
  },
  {
    id: 'sweepIn',
    kind: 'gas',
    part: 'circuit',
    points: [
      [BLENDER.x + BLENDER.w, 308],
      [OXYGENATOR.x, 308],
    ],
  },
  {
    id: 'sweepOut',
    kind: 'gas',
    part: 'circuit',
    points: [
      [OXYGENATOR.x + OXYGENATOR.w, 372],
      [708, 372],
      [708, 404],
    ],
  },
];

/** Drawn bore (logical px) of each kind of line. */
export const LINE_WIDTH: Record<LineKind, number> = { ecmo: 11, cannula: 8, limb: 6, fluid: 4, gas: 4 };

/** Pressure read-outs placed at their transducers: the series shown and where its tag sits. */
export const PRESSURE_TAGS = [
  { series: 'p_drainage_mmHg', label: 'P drain', at: [330, 470] as Pt, tag: [322, 424] as Pt, part: 'circuit' },
  { series: 'p_pre_oxygenator_mmHg', label: 'P pre-oxy', at: [585, 470] as Pt, tag: [586, 503] as Pt, part: 'circuit' },
  { series: 'p_post_oxygenator_mmHg', label: 'P post-oxy', at: [640, 228] as Pt, tag: [566, 228] as Pt, part: 'circuit' },
  { series: 'p_access_mmHg', label: 'P access', at: [745, 165] as Pt, tag: [745, 204] as Pt, part: 'filter' },
  { series: 'p_filter_in_mmHg', label: 'P filter', at: [930, 188] as Pt, tag: [1046, 180] as Pt, part: 'filter' },
  { series: 'p_filter_out_mmHg', label: 'P return', at: [930, 430] as Pt, tag: [1046, 430] as Pt, part: 'filter' },
  { series: 'p_effluent_mmHg', label: 'P effluent', at: [885, 360] as Pt, tag: [786, 362] as Pt, part: 'filter' },
] as const;

/** Where each clamp closes on its line. */
export const CLAMP_SITES = {
  'circuit.clamps.drainageLine': { at: [260, 400] as Pt, vertical: true, part: 'circuit' },
  'circuit.clamps.returnLine': { at: [430, 62] as Pt, vertical: false, part: 'circuit' },
  'circuit.clamps.filterLimb': { at: [690, 165] as Pt, vertical: false, part: 'filter' },
} as const;

/** Where captions and live read-outs sit, with their anchor (0..1 of the text box). */
export const CAPTIONS = {
  patient: { at: [140, 553] as Pt, anchor: [0.5, 1] as [number, number] },
  drainageCannula: { at: [270, 348] as Pt, anchor: [0, 0] as [number, number] },
  returnCannula: { at: [236, 110] as Pt, anchor: [0, 0] as [number, number] },
  recirculation: { at: [236, 196] as Pt, anchor: [0, 0.5] as [number, number] },
  pump: { at: [PUMP.x, PUMP.y - PUMP.r - 10] as Pt, anchor: [0.5, 1] as [number, number] },
  oxygenator: { at: [OXYGENATOR.x + OXYGENATOR.w / 2, OXYGENATOR.y - 6] as Pt, anchor: [0.5, 1] as [number, number] },
  /** Written on the oxygenator while it (or the whole circuit) is being changed, over the new one's clear prime. */
  oxygenatorChange: { at: [OXYGENATOR.x + OXYGENATOR.w / 2, OXYGENATOR.y + OXYGENATOR.h / 2] as Pt, anchor: [0.5, 0.5] as [number, number] },
  blender: { at: [BLENDER.x + BLENDER.w / 2, BLENDER.y + BLENDER.h + 4] as Pt, anchor: [0.5, 0] as [number, number] },
  exhaust: { at: [716, 404] as Pt, anchor: [0, 0.5] as [number, number] },
  takeOff: { at: [633, 160] as Pt, anchor: [1, 1] as [number, number] },
  crrtPump: { at: [822, 134] as Pt, anchor: [0.5, 1] as [number, number] },
  filter: { at: [898, 236] as Pt, anchor: [1, 0] as [number, number] },
  replacement: { at: [877, 18] as Pt, anchor: [1, 0] as [number, number] },
  effluentBag: { at: [806, 464] as Pt, anchor: [1, 0.5] as [number, number] },
  limbReturn: { at: [660, 541] as Pt, anchor: [0.5, 0] as [number, number] },
  noCircuit: { at: [640, 270] as Pt, anchor: [0.5, 0.5] as [number, number] },
};
