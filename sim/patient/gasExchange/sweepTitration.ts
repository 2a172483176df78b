/**
 * The ECMO sweep gas titrated to a blood gas target: the CO2 the oxygenator removes rises with the sweep
 * (co2Exchange.ts: g_oxy = ε·C_min of the membrane's exchanger, PaCO2 = VCO2·(1 − g_oxy/(CO·σ))/(g_lung + g_oxy)), and on VV ECMO the
 * team sets the sweep, not the ventilator, to the PaCO2 and pH it wants [S2: ELSO VV ECMO guideline, Tonna et al.,
 * ASAIO J 2021;67:601 — the sweep is titrated to the desired PaCO2 and pH; hypercapnia at cannulation corrected
 * gradually]. At each blood gas check, with pH_mid = (acidosisPh + alkalosisPh)/2 (7.40):
 *   raise = (PaCO2 > highPaco2 and pH < pH_mid) or (pH < acidosisPh and PaCO2 > lowPaco2)
 *   lower = (PaCO2 < lowPaco2 and pH > pH_mid) or (pH > alkalosisPh and PaCO2 < highPaco2)
 *   raise → sweep + step (not above maxSweep), lower → sweep − step (not below minSweep), otherwise unchanged.
 * PaCO2 is brought into its band (35–45 mmHg, the normal range) and inside the band the sweep steers the pH to normal
 * (7.35–7.45): a metabolic alkalosis is met by a lower sweep, up to a PaCO2 of 45, not left alkalaemic. A PaCO2 outside
 * the band on the side of pH_mid that compensates a metabolic disorder (low with pH below 7.40, high above it) is
 * the compensation, not the primary disorder, and is left [E: the usual reading of a blood gas, the primary disorder
 * on the side of 7.40 the pH is]; without that a step across the band's edge hunts back and forth.
 * The caution after cannulation [S2: Cavayas et al., Am J Respir Crit Care Med 2020;201:1525 — a fall in PaCO2 of more
 * than 50 % of the pre-ECMO value in the first 24 h went with more neurological complications, 9.8 vs 6.4 %]:
 * within earlyWindow of the first blood gas the sweep is not raised once PaCO2 has fallen by maxEarlyFall of the PaCO2
 * at that first blood gas (the run starts on ECMO: its first blood gas stands for the pre-ECMO one [E]).
 */
export interface SweepRule {
  lowPaco2: number;
  highPaco2: number;
  acidosisPh: number;
  alkalosisPh: number;
  step: number;
  minSweep: number;
  maxSweep: number;
  maxEarlyFall: number;
  earlyWindow: number;
}

/** A gas flowmeter is read to a hundredth of a L/min: round away binary noise from repeated steps. */
const flowmeterSetting = (sweep: number) => Math.round(sweep * 100) / 100;

/** What the rule wants at this blood gas: +1 a higher sweep, −1 a lower one, 0 none. */
export function sweepDirection(rule: SweepRule, ph: number, paco2_mmHg: number): -1 | 0 | 1 {
  const mid = (rule.acidosisPh + rule.alkalosisPh) / 2;
  if ((paco2_mmHg > rule.highPaco2 && ph < mid) || (ph < rule.acidosisPh && paco2_mmHg > rule.lowPaco2)) return 1;
  if ((paco2_mmHg < rule.lowPaco2 && ph > mid) || (ph > rule.alkalosisPh && paco2_mmHg < rule.highPaco2)) return -1;
  return 0;
}

/** Whether PaCO2 (mmHg) has fallen as far as the caution allows below the first blood gas's `firstPaco2_mmHg`, `sinceFirst_h` after it. */
export function earlyFallReached(rule: SweepRule, paco2_mmHg: number, firstPaco2_mmHg: number, sinceFirst_h: number): boolean {
  return sinceFirst_h < rule.earlyWindow && paco2_mmHg <= (1 - rule.maxEarlyFall) * firstPaco2_mmHg;
}

/**
 * The sweep (L/min) the rule sets after a blood gas; unchanged when none is called for or the sweep is at (or beyond)
 * the limit it would step toward. A starting sweep outside minSweep–maxSweep is the operator's: the rule never steps
 * it further out, and steps it back one step at a time.
 */
export function nextSweep(rule: SweepRule, ph: number, paco2_mmHg: number, sweep: number, earlyFall: boolean): number {
  const direction = sweepDirection(rule, ph, paco2_mmHg);
  if (direction > 0 && sweep < rule.maxSweep && !earlyFall) return flowmeterSetting(Math.min(sweep + rule.step, rule.maxSweep));
  if (direction < 0 && sweep > rule.minSweep) return flowmeterSetting(Math.max(sweep - rule.step, rule.minSweep));
  return sweep;
}

/** Why a sweep rule cannot be run (its field and what was expected), or null. */
export function sweepRuleProblem(rule: SweepRule): { field: string; message: string } | null {
  if (rule.lowPaco2 >= rule.highPaco2)
    return { field: 'lowPaco2', message: `got ${rule.lowPaco2} mmHg; expected less than highPaco2 (${rule.highPaco2} mmHg)` };
  if (rule.acidosisPh >= rule.alkalosisPh)
    return {
      field: 'acidosisPh',
      message: `got ${rule.acidosisPh}; expected less than alkalosisPh (${rule.alkalosisPh}): a pH cannot call for both a higher and a lower sweep`,
    };
  if (rule.minSweep > rule.maxSweep) return { field: 'minSweep', message: `got ${rule.minSweep} L/min; expected at most maxSweep (${rule.maxSweep} L/min)` };
  return null;
}
