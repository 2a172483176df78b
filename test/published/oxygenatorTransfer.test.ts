/**
 * The oxygenator's fibre bundle (gas-exchange.md, "The fibre bundle") against published figures it was not fitted to.
 * Fitted: K·A, to one point only, the rated flow's definition (standard venous blood, Hb 12 g/dL at 65 %, leaves at
 * 95 % at `ratedFlow`, 7 L/min for the Quadrox-iD class: PMC5578883 for the definition; FDA 510(k) K150267 for the
 * 0.5–7 L/min range). Nothing below set it.
 *
 * - Lubnow et al., PLoS One 2014;9:e112316 (Regensburg registry, 265 adults on VV-ECMO): the oxygenator was exchanged
 *   for failing gas transfer when the post-membrane PO2 fell below 200 mmHg at FiO2 1.0 (sweep 10–12 L/min). An
 *   intact membrane at usual VV flows must therefore read above 200 mmHg, or every circuit would have been exchanged
 *   on day one; a membrane that has lost most of its surface must read below it.
 * - "The effect of flow and pressure on the intraoxygenator flow path of different contemporary oxygenators: an in
 *   vitro trial" (three contemporary oxygenators, 2 L/min to their maximum flow; its oxygen figures from clinical
 *   data): the oxygen gradient (gas minus outlet PO2) rose from 229 ± 45 to 287 ± 29 mmHg and the oxygen transferred
 *   per 100 mL of blood fell from 2.5 ± 0.4 to 2.4 ± 0.3 mL/dL as flow rose. The FiO2 and inlet blood are not in
 *   what we could read, so only the directions are checked, not the sizes.
 */
import { describe, expect, it } from 'vitest';
import { boundOxygen_mL_per_mL } from '../../sim/blood.js';
import { bundleOutletPo2_mmHg, DISSOLVED_O2_mL_mL_mmHg } from '../../sim/patient/gasExchange/fibreBundle.js';
import { po2FromSaturation, ratedMembraneConductance_mL_min_mmHg, saturationFromPo2 } from '../../sim/patient/gasExchange/gasExchange.js';
import { DEFAULT_ECMO, run } from '../helpers/scenarios.js';

const KA = ratedMembraneConductance_mL_min_mmHg(7000, 0.95);
const outlet = (q: number, inletSat: number, hb: number, fraction = 1) => bundleOutletPo2_mmHg(po2FromSaturation(inletSat), (fraction * KA) / q, 713, hb);
const content = (hb: number, p: number) => boundOxygen_mL_per_mL(hb, saturationFromPo2(p)) + DISSOLVED_O2_mL_mL_mmHg * p;

/** Lubnow 2014's failure criterion: post-membrane PO2 below 200 mmHg at FiO2 1.0. */
const LUBNOW_FAILURE_mmHg = 200;

describe('an intact membrane against Lubnow 2014’s failure criterion (post-membrane PO2 < 200 mmHg at FiO2 1.0)', () => {
  it('reads above it at VV flows of 2–5 L/min for venous inlets of 65–80 % and Hb 8–12 g/dL', () => {
    for (const q of [2000, 3000, 4000, 5000])
      for (const s of [0.65, 0.7, 0.75, 0.8])
        for (const hb of [8, 10, 12]) expect(outlet(q, s, hb), `${q} mL/min, ${s}, Hb ${hb}`).toBeGreaterThan(LUBNOW_FAILURE_mmHg);
  });
  it('a membrane with 90 % of its surface lost (plasma leak) falls below it at the same flows', () => {
    for (const q of [3000, 4000, 5000]) expect(outlet(q, 0.7, 10, 0.1)).toBeLessThan(LUBNOW_FAILURE_mmHg);
  });
  it('in the ECMO default run (FiO2 1.0): above it over 24 h; with a 90 % plasma leak below it', () => {
    const po2 = Array.from(run(DEFAULT_ECMO, { duration: '24 h' }).series.post_oxygenator_po2_mmHg);
    expect(Math.min(...po2)).toBeGreaterThan(LUBNOW_FAILURE_mmHg);
    const leaking = run(DEFAULT_ECMO, { duration: '1 h', 'circuit.oxygenator.plasmaLeak': '90 %' }).series.post_oxygenator_po2_mmHg;
    expect(leaking[leaking.length - 1]).toBeLessThan(LUBNOW_FAILURE_mmHg);
  });
});

describe('the in-vitro flow-path trial: with more flow the gradient widens and each 100 mL takes up less', () => {
  const flows = [2000, 3000, 4000, 5000, 6000, 7000];
  it('the oxygen gradient (gas − outlet PO2) rises from 2 L/min to the maximum flow', () => {
    const gradient = flows.map((q) => 713 - outlet(q, 0.7, 10));
    for (let i = 1; i < gradient.length; i++) expect(gradient[i]).toBeGreaterThan(gradient[i - 1]);
  });
  it('the oxygen taken up per 100 mL of blood falls as the flow rises', () => {
    const pIn = po2FromSaturation(0.7);
    const perDl = flows.map((q) => 100 * (content(10, outlet(q, 0.7, 10)) - content(10, pIn)));
    for (let i = 1; i < perDl.length; i++) expect(perDl[i]).toBeLessThan(perDl[i - 1]);
  });
});
