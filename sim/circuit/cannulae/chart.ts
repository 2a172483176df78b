/** A manufacturer's pressure–flow chart: the fluid it was measured in and the drops its traces reach. */

/**
 * The fluid a chart was measured in. Water charts are corrected to blood by viscosity (the viscous term) and density
 * (the inertial term), lookup.ts.
 */
export interface TestFluid {
  readonly kind: 'water';
  readonly temperature_C: number;
}

/** Water at room temperature (20 °C), the fluid of every catalogue chart here. */
export const WATER_ROOM: TestFluid = { kind: 'water', temperature_C: 20 };

/** A trace's points: [flow L/min, pressure drop mmHg] in the chart's fluid. */
export type Trace = readonly (readonly [number, number])[];

/** The largest drop over the traces read off one chart (mmHg): its pressure axis as far as the traces show it. */
export function largestDrop_mmHg(...traces: Trace[]): number {
  return Math.max(...traces.flatMap((points) => points.map((p) => p[1])));
}
