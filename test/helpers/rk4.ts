/** A classical fourth-order Runge–Kutta step of dy/dt = rate(y), for tests that check a closed form against it. */
export function rk4Step(rate: (y: number[]) => number[], y: number[], h: number): number[] {
  const add = (u: number[], v: number[], k: number) => u.map((x, i) => x + k * v[i]);
  const k1 = rate(y);
  const k2 = rate(add(y, k1, h / 2));
  const k3 = rate(add(y, k2, h / 2));
  const k4 = rate(add(y, k3, h));
  return y.map((x, i) => x + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
}
