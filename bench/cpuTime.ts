/** CPU time (user + system) for the bench scripts: measured in the process, not the wall clock. */

/** CPU µs fn takes. */
export function cpuMicros(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return c.user + c.system;
}

/** CPU ms fn takes. */
export const cpuMillis = (fn: () => void): number => cpuMicros(fn) / 1000;

/** The median (the upper one of an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
