/** A value in a unit as the scenario loader reads it: "30 mL/kg/h", or a bare number for a dimensionless one. */
export function formatQuantityValue(value: number, unit: string): string {
  return unit === '1' ? String(value) : `${value} ${unit}`;
}
