/**
 * The oxygenator's fibre bundle in one dimension (gas-exchange.md, "The fibre bundle"): plug flow against a gas at
 * FiO2·713 mmHg, Q·dC/dx = K·A·(P_gas − P), C = b·S(P) + α·P, solved by separating the variables; K·A from the rated
 * flow's definition; the circuit's mixing solved with the bundle's nonlinear outlet.
 */
import { describe, expect, it } from 'vitest';
import { boundOxygen_mL_per_mL } from '../sim/blood.js';
import {
  bundleOutletPo2_mmHg,
  bundleTransferUnits,
  DISSOLVED_O2_mL_mL_mmHg,
  saturationSlope_per_mmHg,
  severinghausPo2_mmHg,
} from '../sim/patient/gasExchange/fibreBundle.js';
import {
  oxygenExchange,
  po2FromSaturation,
  RATED_TEST,
  ratedMembraneConductance_mL_min_mmHg,
  saturationFromPo2,
} from '../sim/patient/gasExchange/gasExchange.js';

const content = (hb: number, p: number) => boundOxygen_mL_per_mL(hb, saturationFromPo2(p)) + DISSOLVED_O2_mL_mL_mmHg * p;

/** The bundle's ODE marched along x by RK4 in C, P(C) by bisection: an independent solution of the same physics. */
function marchBundle(pIn: number, ka: number, q: number, pGas: number, hb: number): number {
  const pOf = (c: number) => {
    let lo = 0;
    let hi = pGas;
    for (let i = 0; i < 80; i++) {
      const mid = 0.5 * (lo + hi);
      if (content(hb, mid) < c) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  const rate = (c: number) => (ka / q) * (pGas - pOf(c));
  const n = 400;
  const h = 1 / n;
  let c = content(hb, pIn);
  for (let i = 0; i < n; i++) {
    const k1 = rate(c);
    const k2 = rate(c + 0.5 * h * k1);
    const k3 = rate(c + 0.5 * h * k2);
    const k4 = rate(c + h * k3);
    c += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
  }
  return pOf(c);
}

const KA = ratedMembraneConductance_mL_min_mmHg(7000, 0.95);

describe('the bundle’s transfer units ∫ C′(P)/(P_gas − P) dP', () => {
  it('equal a direct midpoint quadrature of the integrand (the table and its closed-form logarithm)', () => {
    for (const [pIn, pOut, pGas, hb] of [
      [30, 80, 713, 12],
      [20, 600, 713, 9],
      [40, 140, 150, 15],
    ]) {
      const b = boundOxygen_mL_per_mL(hb, 1);
      let direct = 0;
      const n = 200000;
      const h = (pOut - pIn) / n;
      for (let i = 0; i < n; i++) {
        const p = pIn + (i + 0.5) * h;
        direct += ((b * saturationSlope_per_mmHg(p) + DISSOLVED_O2_mL_mL_mmHg) / (pGas - p)) * h;
      }
      expect(bundleTransferUnits(pIn, pOut, pGas, hb) / direct).toBeCloseTo(1, 6);
    }
  });
  it('without hemoglobin the outlet is the dissolved-oxygen exponential: P_gas − P_out = (P_gas − P_in)·e^(−K·A/(α·Q))', () => {
    const units = 2 * DISSOLVED_O2_mL_mL_mmHg;
    expect(bundleOutletPo2_mmHg(40, units, 713, 0)).toBeCloseTo(713 - 673 * Math.exp(-2), 8);
  });
  it('the outlet solves the ODE Q·dC/dx = K·A·(P_gas − P) marched along the bundle (RK4)', () => {
    for (const [q, pIn, hb, fio2] of [
      [3000, 35, 10, 1],
      [5000, 34, 12, 1],
      [7000, 40, 9, 1],
      [4500, 38, 10, 0.5],
    ]) {
      const pGas = fio2 * 713;
      const analytic = bundleOutletPo2_mmHg(pIn, KA / q, pGas, hb);
      expect(Math.abs(analytic - marchBundle(pIn, KA, q, pGas, hb))).toBeLessThan(0.05 + 1e-4 * analytic);
    }
  });
  it('the Severinghaus curve inverted in closed form round-trips (0.5 → 26.9 mmHg)', () => {
    for (let p = 1; p < 700; p *= 1.1) expect(severinghausPo2_mmHg(saturationFromPo2(p)) / p).toBeCloseTo(1, 10);
    expect(severinghausPo2_mmHg(0.5)).toBeCloseTo(po2FromSaturation(0.5), 6);
  });
});

describe('K·A from the rated flow’s definition', () => {
  it('standard venous blood (Hb 12 g/dL, 65 %) at the rated flow leaves at the rated outlet saturation', () => {
    const pIn = po2FromSaturation(RATED_TEST.inletSaturation);
    const p = bundleOutletPo2_mmHg(pIn, KA / 7000, 713, RATED_TEST.hemoglobin_g_dL);
    expect(saturationFromPo2(p)).toBeCloseTo(0.95, 9);
  });
  it('below the rated flow the blood saturates and its PO2 climbs towards the gas; above it the outlet falls short', () => {
    const pIn = po2FromSaturation(0.65);
    const out = (q: number) => bundleOutletPo2_mmHg(pIn, KA / q, 713, 12);
    const flows = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000];
    const po2 = flows.map(out);
    for (let i = 1; i < po2.length; i++) expect(po2[i]).toBeLessThan(po2[i - 1]);
    expect(saturationFromPo2(out(5000))).toBeGreaterThan(0.99);
    expect(out(2000)).toBeGreaterThan(700);
    expect(saturationFromPo2(out(8000))).toBeLessThan(0.95);
  });
  it('conserves oxygen: what the blood gains equals the membrane’s flux integrated along the bundle', () => {
    // Q·(C_out − C_in) = K·A·∫₀¹ (P_gas − P(x)) dx, the flux read from the independent march at 11 points
    const q = 4500;
    const pIn = 36;
    const pOut = bundleOutletPo2_mmHg(pIn, KA / q, 713, 10);
    const gained = q * (content(10, pOut) - content(10, pIn));
    let flux = 0;
    const n = 200;
    let pPrev = pIn;
    for (let i = 1; i <= n; i++) {
      const pNext = bundleOutletPo2_mmHg(pIn, (KA * i) / n / q, 713, 10);
      flux += (KA / n) * (713 - 0.5 * (pPrev + pNext));
      pPrev = pNext;
    }
    expect(flux / gained).toBeCloseTo(1, 3);
  });
});

describe('the circuit mixed with the bundle’s nonlinear outlet', () => {
  const base = {
    cardiacOutput_mL_min: 6500,
    pumpFlow_mL_min: 4500,
    drainageFlow_mL_min: 4150,
    effectiveFlow_mL_min: 3500,
    recirculation: 0.16,
    sweep_L_min: 1.5,
    fio2: 1,
    membraneConductance_mL_min_mmHg: KA,
    hemoglobin_g_dL: 10,
    o2Consumption_mL_min: 250,
    shuntFraction: 0.4,
    endCapillarySaturation: 0.98,
  };
  it('the converged state satisfies the linear 2×2 in content with E = (σ_post − σ_pre)/(σ_max − σ_pre) at its own inlet', () => {
    // contents σ = S + (α/b)·P rebuilt from the outputs' saturations and PO2s (the venous PO2 from its saturation)
    for (const flow of [2000, 4500, 7000, 9000]) {
      const o = { ...base, pumpFlow_mL_min: flow, drainageFlow_mL_min: flow - 350 };
      const s = oxygenExchange(o);
      const b = boundOxygen_mL_per_mL(10, 1);
      const sigma = (sat: number, p: number) => sat + (DISSOLVED_O2_mL_mL_mmHg / b) * p;
      const post = sigma(s.postOxygenatorSat, s.postOxygenatorPo2_mmHg);
      const pre = sigma(s.preOxygenatorSat, s.preOxygenatorPo2_mmHg);
      const v = sigma(s.svo2, severinghausPo2_mmHg(s.svo2));
      const max = sigma(saturationFromPo2(713), 713);
      const E = (post - pre) / (max - pre);
      const ad = o.drainageFlow_mL_min / flow;
      const R = o.recirculation;
      // (i) σ_post·[1 − (1−E)(ad·R + 1 − ad)] − (1−E)·ad·(1−R)·σ_v = E·σ_max
      expect(post * (1 - (1 - E) * (ad * R + 1 - ad)) - (1 - E) * ad * (1 - R) * v).toBeCloseTo(E * max, 8);
      // Fick in content: σ_a − σ_v = VO2/(CO·b); the transfer is the content the pump flow gains
      expect(s.arterialContentSat - v).toBeCloseTo(250 / (6500 * b), 8);
      expect(s.oxygenatorO2Transfer_mL_min).toBeCloseTo(flow * b * (post - pre), 6);
      // the arterial saturation an oximeter shows is the bound one at the PO2 of that content
      expect(sigma(s.sao2, s.pao2_mmHg)).toBeCloseTo(s.arterialContentSat, 10);
    }
  });
  it('a mixing met again is taken from the two remembered solves: the same numbers as a fresh solve, bit for bit', () => {
    const [a, b, c] = [250, 180, 320].map((vo2) => ({ ...base, o2Consumption_mL_min: vo2 }));
    const first = oxygenExchange(a);
    oxygenExchange(b);
    const remembered = oxygenExchange(a); // a and b are the two remembered solves
    oxygenExchange(b);
    oxygenExchange(c); // a's record overwritten: solved afresh below
    const fresh = oxygenExchange(a);
    expect(remembered).toEqual(first);
    expect(fresh).toEqual(first);
    // and a solve at other constants is not taken for one remembered
    expect(oxygenExchange(c).arterialContentSat).not.toBe(first.arterialContentSat);
  });
  it('more of the membrane lost (plasma leak, thrombosis: K·A × φ) lowers the post-oxygenator PO2 and SaO2', () => {
    const full = oxygenExchange(base);
    const leak = oxygenExchange({ ...base, membraneConductance_mL_min_mmHg: 0.1 * KA });
    expect(leak.postOxygenatorPo2_mmHg).toBeLessThan(full.postOxygenatorPo2_mmHg);
    expect(leak.sao2).toBeLessThan(full.sao2);
  });
});

describe('the solve over random circuits and patients (seeded)', () => {
  it('is finite, P_in ≤ P_out ≤ P_gas, and the outlet’s transfer units from the inlet are K·A·(sweep share)/Q', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 2000; k++) {
      const qp = 10 + 10000 * rnd();
      const o = {
        cardiacOutput_mL_min: 1000 + 19000 * rnd(),
        pumpFlow_mL_min: qp,
        drainageFlow_mL_min: qp * rnd(),
        effectiveFlow_mL_min: qp * rnd(),
        recirculation: 0.9 * rnd(),
        sweep_L_min: rnd() < 0.1 ? 0 : 15 * rnd(),
        fio2: 0.21 + 0.79 * rnd(),
        membraneConductance_mL_min_mmHg: ratedMembraneConductance_mL_min_mmHg(1000 + 9000 * rnd(), 0.7 + 0.295 * rnd()) * (0.05 + 0.95 * rnd()),
        hemoglobin_g_dL: 3 + 15 * rnd(),
        o2Consumption_mL_min: 50 + 950 * rnd(),
        shuntFraction: 0.99 * rnd(),
        endCapillarySaturation: 0.5 + 0.5 * rnd(),
      };
      const s = oxygenExchange(o);
      const pGas = o.fio2 * 713;
      for (const v of [s.sao2, s.svo2, s.preOxygenatorSat, s.postOxygenatorSat, s.pao2_mmHg]) expect(Number.isFinite(v)).toBe(true);
      expect(s.postOxygenatorPo2_mmHg).toBeGreaterThanOrEqual(s.preOxygenatorPo2_mmHg);
      expect(s.postOxygenatorPo2_mmHg).toBeLessThanOrEqual(pGas);
      const units = (o.membraneConductance_mL_min_mmHg * (1 - Math.exp(-o.sweep_L_min / 0.2))) / qp;
      if (units > 0 && s.preOxygenatorPo2_mmHg > 0 && s.postOxygenatorPo2_mmHg < pGas * (1 - 1e-9)) {
        const back = bundleTransferUnits(s.preOxygenatorPo2_mmHg, s.postOxygenatorPo2_mmHg, pGas, o.hemoglobin_g_dL);
        expect(back / units).toBeCloseTo(1, 6);
      }
    }
  });
});
