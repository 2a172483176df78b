/**
 * A deep copy of plain settings (objects, arrays, numbers, strings, booleans, null): what `structuredClone` does
 * for a scenario, at a fraction of its cost (it was 8 % of a simulated day: each run copies its settings once).
 */
export function cloneSettings<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneSettings) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = cloneSettings((value as Record<string, unknown>)[key]);
  return out as T;
}
