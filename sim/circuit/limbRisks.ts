/**
 * The filter limb's connection-site risks (docs/models/hemofilter.md, "Connection sites and the circuit's blood"):
 * a return into a segment below atmospheric pressure (the pre-pump line: air entrains at any open port or loose
 * connector), an access pressure outside what the CRRT machine accepts (training-reference.md: PrisMax access
 * extremely negative < −250 mmHg; positive access trips CRRT alarms on ECMO), and an effluent pressure low enough
 * for the ultrafiltrate to degas (degassing.ts: the gas tension of the blood the limb draws).
 * The return risk is what the timeline's limbReturnOpening makes real (sim/circuit/air/openings.ts): an opening at a
 * junction below atmospheric pressure draws air into the pump head.
 */
import type { FilterLimbPressures } from './filterLimbPressures.js';
import { fmt } from '../model/events.js';

export const LIMB_RISK = { returnNegative: 1, accessLow: 2, accessHigh: 4, effluentDegassing: 8 } as const;

/** Each risk in a few words (the log says when one ends). */
export const LIMB_RISK_LABEL: Readonly<Record<number, string>> = {
  [LIMB_RISK.returnNegative]: 'filter limb return into a negative-pressure segment',
  [LIMB_RISK.accessLow]: 'filter access pressure below the CRRT machine’s limit',
  [LIMB_RISK.accessHigh]: 'filter access pressure above the CRRT machine’s limit',
  [LIMB_RISK.effluentDegassing]: 'effluent pressure below the gas tension of the ultrafiltrate',
};

/**
 * The limits the limb's pressures are held to (mmHg, gauge): the CRRT machine's access limits, and the pressure
 * below which the ultrafiltrate degasses (degassing.ts, at the tensions of the blood the limb draws from its site).
 */
export interface LimbLimits {
  min: number;
  max: number;
  degassing: number;
}

/** The risks present (a bit set of LIMB_RISK) at these pressures. */
export function limbRisks(p: FilterLimbPressures, onCircuit: boolean, limits: LimbLimits): number {
  return (
    (onCircuit && p.returnPort_mmHg < 0 ? LIMB_RISK.returnNegative : 0) |
    (p.access_mmHg < limits.min ? LIMB_RISK.accessLow : 0) |
    (p.access_mmHg > limits.max ? LIMB_RISK.accessHigh : 0) |
    (p.effluent_mmHg < limits.degassing ? LIMB_RISK.effluentDegassing : 0)
  );
}

/** What each risk means, at these pressures, for the event log. */
export function limbRiskReason(risk: number, p: FilterLimbPressures, limits: LimbLimits): string {
  if (risk === LIMB_RISK.returnNegative)
    return `filter limb returns into a negative-pressure segment (${fmt(p.returnPort_mmHg, 0)} mmHg): air-entrainment risk at any open port or loose connector`;
  if (risk === LIMB_RISK.accessLow) return `filter access pressure ${fmt(p.access_mmHg, 0)} mmHg below the CRRT machine's ${fmt(limits.min, 0)} mmHg`;
  if (risk === LIMB_RISK.effluentDegassing)
    return `effluent pressure ${fmt(p.effluent_mmHg, 0)} mmHg below the ${fmt(limits.degassing, 0)} mmHg gas tension of the ultrafiltrate: it degasses (bubbles in the effluent line, false blood-leak and air alarms)`;
  return `filter access pressure ${fmt(p.access_mmHg, 0)} mmHg above the ${fmt(limits.max, 0)} mmHg the CRRT machine accepts`;
}
