/** The settings every patient of an arm shares over its protocol scenario (the replay's and the spread's). */
import type { ArmFile } from './armSchema.js';
import type { Override } from '../scenario/load.js';

/**
 * The arm's own settings and the shared calibration: a path the arm sets is its own, not the calibration's, as a
 * scenario's own values win over its calibration file (cohort.md, "Scenarios on the calibration").
 */
export function armSettings(calibration: Override[], arm: Pick<ArmFile, 'set'>): Override[] {
  const own = Object.entries(arm.set ?? {}).map(([path, value]) => ({ path, value: String(value) }));
  const set = new Set(own.map((o) => o.path));
  return [...own, ...calibration.filter((c) => !set.has(c.path))];
}
