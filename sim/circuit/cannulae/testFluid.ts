/**
 * The fluid a manufacturer's pressure–flow chart was measured in. Water charts are corrected to blood by viscosity
 * (the viscous term) and density (the inertial term), lookup.ts.
 */
export interface TestFluid {
  readonly kind: 'water';
  readonly temperature_C: number;
}

/** Water at room temperature (20 °C), the fluid of every catalogue chart here. */
export const WATER_ROOM: TestFluid = { kind: 'water', temperature_C: 20 };
