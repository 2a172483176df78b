/**
 * The filter limb's connection-site risks (docs/models/hemofilter.md, "Connection sites and the circuit's blood"):
 * a return into a segment below atmospheric pressure (the pre-pump line: air entrains at any open port or loose
 * connector), and an access pressure outside what the CRRT machine accepts (training-reference.md: PrisMax access
 * extremely negative < −250 mmHg; positive access trips CRRT alarms on ECMO).
 */
import type { FilterLimbPressures } from './circuitNow.js';
import { fmt } from '../model/events.js';

export const LIMB_RISK = { returnNegative: 1, accessLow: 2, accessHigh: 4 } as const;

/** Each risk in a few words (the log says when one ends). */
export const LIMB_RISK_LABEL: Readonly<Record<number, string>> = {
  [LIMB_RISK.returnNegative]: 'filter limb return into a negative-pressure segment',
  [LIMB_RISK.accessLow]: 'filter access pressure below the CRRT machine’s limit',
  [LIMB_RISK.accessHigh]: 'filter access pressure above the CRRT machine’s limit',
};

/** The risks present (a bit set of LIMB_RISK) at these pressures. */
export function limbRisks(p: FilterLimbPressures, onCircuit: boolean, accessMinimum_mmHg: number, accessMaximum_mmHg: number): number {
  return (
    (onCircuit && p.returnPort_mmHg < 0 ? LIMB_RISK.returnNegative : 0) |
    (p.access_mmHg < accessMinimum_mmHg ? LIMB_RISK.accessLow : 0) |
    (p.access_mmHg > accessMaximum_mmHg ? LIMB_RISK.accessHigh : 0)
  );
}

/** What each risk means, at these pressures, for the event log. */
export function limbRiskReason(risk: number, p: FilterLimbPressures, limits: { min: number; max: number }): string {
  if (risk === LIMB_RISK.returnNegative)
    return `filter limb returns into a negative-pressure segment (${fmt(p.returnPort_mmHg, 0)} mmHg): air-entrainment risk at any open port or loose connector`;
  if (risk === LIMB_RISK.accessLow) return `filter access pressure ${fmt(p.access_mmHg, 0)} mmHg below the CRRT machine's ${fmt(limits.min, 0)} mmHg`;
  return `filter access pressure ${fmt(p.access_mmHg, 0)} mmHg above the ${fmt(limits.max, 0)} mmHg the CRRT machine accepts`;
}
