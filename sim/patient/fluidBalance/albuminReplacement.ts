/**
 * The albumin replacement rule (a prescription, albuminReplacementSpecs.ts): at each albumin check, when plasma
 * albumin is below the threshold and fewer than the maximum doses were started in the last 24 h, start one dose,
 * infused at a constant rate over the infusion time:
 *   albumin in = dose / t_inf (g/h)        volume in = volume / t_inf (mL/h)
 * The albumin joins the plasma pool (albumin.ts counts it as given), the volume the blood volume (part.ts).
 */
import type { Model } from '../../model/context.js';
import { fmt, type PeriodicCheck } from '../../model/events.js';

const DAY_h = 24;
const EPS_h = 1e-9;

export interface AlbuminRule {
  replace: boolean;
  threshold: number;
  maxDosesPerDay: number;
}

/** Whether the rule starts a dose: albumin below the threshold and room left in the last 24 h. */
export function albuminDoseDue(rule: AlbuminRule, albumin_g_L: number, dosesInLastDay: number): boolean {
  return rule.replace && albumin_g_L < rule.threshold && dosesInLastDay < rule.maxDosesPerDay;
}

/** The rule's running state: the infusion now, if any, and when each dose started. */
export interface AlbuminReplacement {
  readonly check: PeriodicCheck;
  /** g/h and mL/h while a dose runs in, else 0. */
  rate_g_h: number;
  rate_mL_h: number;
  /** When the dose running now ends (h), Infinity when none runs. */
  endsAt_h: number;
  /** Stops a dose that has run in (the scheduler calls it at endsAt_h). */
  stopAt(t_h: number): void;
}

export function albuminReplacement(m: Model): AlbuminReplacement {
  const started: number[] = [];
  const dosesInLastDay = (t: number) => started.filter((s) => s > t - DAY_h + EPS_h).length;
  const state: AlbuminReplacement = {
    rate_g_h: 0,
    rate_mL_h: 0,
    endsAt_h: Infinity,
    stopAt(t) {
      if (t < state.endsAt_h - EPS_h) return;
      state.rate_g_h = 0;
      state.rate_mL_h = 0;
      state.endsAt_h = Infinity;
    },
    check: {
      interval: () => m.current.prescription.albumin.checkInterval,
      changesDerivatives: true, // the infusion is a flux of albumin and of blood volume
      wouldAct: (now) => state.endsAt_h === Infinity && albuminDoseDue(m.current.prescription.albumin, now.blood.albumin_g_L, dosesInLastDay(now.t_h)),
      run(now, log) {
        const rule = m.current.prescription.albumin;
        if (!state.check.wouldAct(now)) return;
        started.push(now.t_h);
        state.rate_g_h = rule.dose / rule.infusionTime;
        state.rate_mL_h = rule.volume / rule.infusionTime;
        state.endsAt_h = now.t_h + rule.infusionTime;
        const albumin = now.blood.albumin_g_L;
        log(
          'albumin_dose',
          `albumin ${fmt(albumin)} g/L below ${fmt(rule.threshold)}: ${fmt(rule.dose)} g in ${fmt(rule.volume, 0)} mL over ${fmt(rule.infusionTime, 2)} h`,
          albumin,
        );
      },
    },
  };
  return state;
}
