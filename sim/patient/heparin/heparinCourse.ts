/**
 * A heparin regimen off the engine, for the fit and the checks against published courses: a body without heparin
 * receives piecewise-constant infusions, and dA/dt = I(t) − elimination(C(A)) (heparin.ts) is integrated by
 * classical Runge–Kutta at a fixed step (1/3600 h, far below the kinetics' hours).
 */
import { heparinElimination_U_h, plasmaHeparin_U_mL, type HeparinKinetics } from './heparin.js';

export interface InfusionStep {
  /** The step runs until this time (h) from the start; after the last step nothing is infused. */
  until_h: number;
  rate_U_kg_h: number;
}

/** Plasma heparin (U/mL) at each sample time (h, ascending), per kg: k per kg of body weight, rates in U/kg/h. */
export function heparinCourse_U_mL(k: HeparinKinetics, steps: readonly InfusionStep[], samples_h: readonly number[]): number[] {
  const dt = 1 / 3600;
  const rate = (t: number) => steps.find((s) => t < s.until_h)?.rate_U_kg_h ?? 0;
  const dA = (t: number, a: number) => rate(t) - heparinElimination_U_h(k, plasmaHeparin_U_mL(k, a));
  let a = 0;
  let t = 0;
  return samples_h.map((sample) => {
    while (t < sample - dt / 2) {
      const h = Math.min(dt, sample - t);
      const k1 = dA(t, a);
      const k2 = dA(t + h / 2, a + (h / 2) * k1);
      const k3 = dA(t + h / 2, a + (h / 2) * k2);
      const k4 = dA(t + h, a + h * k3);
      a += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      t += h;
    }
    return plasmaHeparin_U_mL(k, a);
  });
}
