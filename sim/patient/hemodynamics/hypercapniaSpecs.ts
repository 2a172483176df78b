/**
 * Parameters of hypercapnia's circulatory response (the scenario's `hemodynamics.hypercapnia`, hypercapnicResponse.ts;
 * hemodynamics.md, "Hypercapnia's circulatory response").
 */
import { q, type SpecTree } from '../../parameters.js';

export const hypercapniaSpecs = {
  cardiacOutputGain: q('1/mmHg', 0.018, [0, 0.1], {
    range: [0.008, 0.03],
    description:
      "k_CO: fraction of the starting cardiac output the heart's curve gains per mmHg of PaCO2 above what the patient has adapted to (sympathetic drive of hypercapnia); net of the right ventricle's afterload it must stay positive for cardiac output to rise with PaCO2, as measured.",
    source: 'E',
    ref: "estimate: direction from Carvalho et al., Am J Respir Crit Care Med 1997;156:1458 (ARDS, permissive hypercapnia: cardiac output up at 1 h) and Cullen & Eger, Anesthesiology 1974;41:345 (volunteers, PaCO2 39 → 50 mmHg: cardiac index up); size not in their abstracts: the low end (0.008) is the right ventricle's loss at the defaults (g_CO2·f_RV), so that the net rise is about 1 %/mmHg at the default",
  }),
  heartRateGain: q('bpm/mmHg', 0.4, [0, 5], {
    range: [0, 1],
    description: 'k_HR: heart rate added per mmHg of PaCO2 above what the patient has adapted to.',
    source: 'E',
    ref: 'estimate: direction from Carvalho 1997 (heart rate up at 1 h, p = 0.0002) and Cullen & Eger 1974 (heart rate up with PaCO2 39 → 50 mmHg); about 4 bpm for 10 mmHg',
  }),
  adaptationTime: q('h', 12, [0.1, 200], {
    range: [6, 24],
    description: 'τ_a: time constant with which the circulation adapts to a new PaCO2 (the response fades although the PaCO2 stays).',
    source: 'E',
    ref: 'Carvalho 1997: the hyperdynamic changes were progressively attenuated over the first 36 h despite persisting hypercapnia, none left on days 2–7; 36 h taken as three time constants',
  }),
  responseRange: q('mmHg', 25, [1, 200], {
    range: [15, 40],
    description:
      'H_max: the largest PaCO2 above or below what the circulation has adapted to that it answers; beyond it the response (and the right ventricle’s load) holds at its edge, so a PaCO2 far from any measured change cannot stop the heart or the pulse.',
    source: 'E',
    ref: 'the range the studies measured: Balanos 2003 ±10 mmHg, Cullen & Eger 1974 +11 mmHg, Carvalho 1997 permissive hypercapnia of a few tens of mmHg; beyond it no data, so the response is held, not extrapolated',
  }),
} as const satisfies SpecTree;
