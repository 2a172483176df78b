/**
 * Hydrocortisone, the adjunct of septic shock (a protocol, never fitted), and what it does to vascular tone.
 *
 * Start rule [S: Surviving Sepsis Campaign 2021, Evans et al., Intensive Care Med 2021: IV hydrocortisone 200 mg/day
 * for an ongoing norepinephrine requirement ≥ 0.25 µg/kg/min for at least 4 h]: hydrocortisone starts once the
 * norepinephrine dose has stayed at or above NE_start for t_delay without a break; a dose below NE_start restarts
 * the count. Once started it runs to the end of the run (its taper after shock resolves is not modelled).
 *
 * Effect [S: Bellissant & Annane, Clin Pharmacol Ther 2000: phenylephrine–MAP dose–response in 12 septic shock
 * patients before and 1 h after 50 mg hydrocortisone: Emax 39 ± 17 → 77 ± 26 mmHg, ED50 not modified, baseline MAP
 * E0 58 ± 8 → 64 ± 12 mmHg; Annane et al., Br J Clin Pharmacol 1998: the norepinephrine–MAP response improved 60 min
 * after 50 mg, P = 0.032]. With h ∈ [0, 1] the onset of the effect (a state),
 *   Emax' = Emax·(1 + (ρ_Emax − 1)·h)     ED50' = ED50·(1 + (ρ_ED50 − 1)·h)     MAP gains ΔE0·h
 * (ρ_Emax = 77/39, ρ_ED50 = 1, ΔE0 = 6 mmHg: the pressor curve's shift carried over from phenylephrine to
 * norepinephrine, both α1-agonists — an assumption [E]).
 *
 * Onset: first order toward 1 while hydrocortisone runs (toward 0 if it is stopped), time constant τ:
 *   dh/dt = (u − h)/τ,   u = 1 running, 0 not;   after a start at t_s from h = 0: h(t) = 1 − exp(−(t − t_s)/τ)
 * [E: both studies measured the shift once, 60 min after the bolus; τ = 20 min puts 95 % of it there].
 */
export interface HydrocortisoneEffectParams {
  maxEffectRatio: number;
  halfEffectDoseRatio: number;
  toneRise: number;
  onsetTime: number;
}

export interface HydrocortisoneRule {
  give: boolean;
  startDose: number;
  startDelay: number;
}

/** Emax relative to before hydrocortisone at onset h: the norepinephrine responsiveness factor. */
export const maxEffectFactor = (p: HydrocortisoneEffectParams, h: number): number => 1 + (p.maxEffectRatio - 1) * h;

/** ED50 relative to before hydrocortisone at onset h. */
export const halfEffectDoseFactor = (p: HydrocortisoneEffectParams, h: number): number => 1 + (p.halfEffectDoseRatio - 1) * h;

/**
 * h since the last switch, the closed form of dh/dt = (u − h)/τ: h = u + (h_s − u)·e^(−Δt/τ), with h_s the onset at
 * the switch and u the target since (1 while hydrocortisone runs, 0 when it does not).
 */
export function onsetSinceSwitch(hAtSwitch: number, target: number, hoursSince: number, onsetTime_h: number): number {
  return hoursSince <= 0 ? hAtSwitch : target + (hAtSwitch - target) * Math.exp(-hoursSince / onsetTime_h);
}

/** h(t) after a start at t_s from h = 0. */
export function onsetAfterStart(p: HydrocortisoneEffectParams, hoursSinceStart: number): number {
  return onsetSinceSwitch(0, 1, hoursSinceStart, p.onsetTime);
}

const EPS_h = 1e-9;

/** The start rule's running state: since when the dose has been at or above the threshold, and whether it started. */
export interface HydrocortisoneStart {
  /** Records the dose in force from time t (call at the start and whenever the dose or the rule may change). */
  noteDose(t_h: number, dose_ug_kg_min: number, rule: HydrocortisoneRule): void;
  /** When the rule will start hydrocortisone if the dose holds (Infinity when it will not). */
  dueAt(rule: HydrocortisoneRule): number;
  /** Starts hydrocortisone when due at t; true when it started now. */
  startIfDue(t_h: number, rule: HydrocortisoneRule): boolean;
  /** Whether hydrocortisone has been started (it then runs while `give` is on). */
  readonly started: boolean;
}

export function hydrocortisoneStart(): HydrocortisoneStart {
  let aboveSince_h = NaN;
  let started = false;
  const self: HydrocortisoneStart = {
    noteDose(t, dose, rule) {
      if (dose < rule.startDose) aboveSince_h = NaN;
      else if (Number.isNaN(aboveSince_h)) aboveSince_h = t;
    },
    dueAt(rule) {
      return started || !rule.give || Number.isNaN(aboveSince_h) ? Infinity : aboveSince_h + rule.startDelay;
    },
    startIfDue(t, rule) {
      if (t < self.dueAt(rule) - EPS_h) return false;
      started = true;
      return true;
    },
    get started() {
      return started;
    },
  };
  return self;
}
