/** Reading a run's output series at a time. */

/**
 * A series' value at `t_h`, linearly interpolated between the samples around it; before the first sample or after
 * the last, the nearest one.
 */
export function interpolatedAt(time_h: ArrayLike<number>, values: ArrayLike<number>, t_h: number): number {
  let i = 0;
  while (i < time_h.length - 1 && time_h[i + 1] <= t_h) i++;
  if (i === time_h.length - 1 || time_h[i] >= t_h) return values[i];
  const w = (t_h - time_h[i]) / (time_h[i + 1] - time_h[i]);
  return values[i] + w * (values[i + 1] - values[i]);
}
