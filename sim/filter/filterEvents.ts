/**
 * The hemofilter's events: a change when TMP reaches its limit (located by the solver on its dense output), when the
 * filter reaches its maximum age, on a manual change or when a clotting fault leaves it unable to pass the
 * prescription; the downtime that follows and the new filter's start; and the check that a changed prescription
 * is one a new filter can run (feasibility.ts). A filter the machine suspended (a blood leak, sim/filter/bloodLeak)
 * is changed by the same rules; the new one's fibres are intact (filter.bloodLeak returns to 0).
 */
import type { Model } from '../model/context.js';
import { EngineError } from '../model/errors.js';
import { fmt, type EventLog, type ModelEvents } from '../model/events.js';
import type { Now } from '../model/now.js';
import { prescriptionProblem } from './feasibility.js';
import { filterTmp_mmHg, type FilterSlots } from './filterNow.js';
import { filterPrescription } from './operatingPoint.js';

const EPS_h = 1e-9;
/** The most a filter's fibres can be clotted in the model: the rest keeps its pressures finite. */
const MAX_CLOTTED_FRACTION = 0.999;

/** A filter in place: running, or suspended by the machine (it is changed as a running one is). */
function filterInPlace(m: Model): boolean {
  return m.filter.status === 'running' || m.filter.status === 'suspended';
}

/** The new filter's membrane: clean, open and intact (ruptured fibres leave with the filter taken out). */
function freshMembrane(m: Model, y: number[], at: FilterSlots): void {
  y[at.coverage] = 0;
  y[at.cakeResistance] = 0;
  y[at.clottedFraction] = 0;
  m.current.filter!.bloodLeak = 0;
}

export function filterEvents(m: Model, at: FilterSlots): ModelEvents {
  const tmpOf = (now: Now) => (now.filter ? filterTmp_mmHg(m, now.filter) : null);
  const limit = () => m.current.prescription.filterChange.tmpLimit;
  const seen = (tmp: number | null) => {
    if (tmp !== null && tmp > m.filter.peakEventTmp_mmHg) m.filter.peakEventTmp_mmHg = tmp;
  };

  const startFilter = (t: number, log: EventLog) => {
    m.filter.status = 'running';
    m.filter.installedAt_h = t;
    m.filter.restartAt_h = Infinity;
    m.filter.filtersUsed++;
    log('filter_start', `filter ${m.filter.filtersUsed} primed and running`);
  };
  const changeFilter = (t: number, y: number[], reason: string, log: EventLog) => {
    log('filter_change', reason);
    m.filter.status = 'changing';
    m.filter.changes++;
    m.filter.restartAt_h = t + m.current.prescription.filterChange.downtime;
    freshMembrane(m, y, at);
    if (m.current.prescription.filterChange.downtime <= 0) startFilter(t, log);
  };

  return {
    nextEventTime() {
      if (filterInPlace(m)) return m.filter.installedAt_h + m.current.prescription.filterChange.maxHours;
      if (m.filter.status === 'changing') return m.filter.restartAt_h;
      return Infinity;
    },
    applyScheduled(t, y, log) {
      if (m.filter.status === 'changing' && t >= m.filter.restartAt_h - EPS_h) startFilter(t, log);
      const maxHours = m.current.prescription.filterChange.maxHours;
      if (filterInPlace(m) && t >= m.filter.installedAt_h + maxHours - EPS_h) changeFilter(t, y, `maximum filter age ${fmt(maxHours)} h reached`, log);
    },
    located: [
      {
        excess: (now) => (tmpOf(now) ?? -Infinity) - limit(),
        reached(t, y, log, now) {
          const tmp = tmpOf(now) ?? NaN;
          seen(tmp);
          if (m.filter.installedAt_h === t) {
            throw new EngineError(
              `at ${fmt(t, 2)} h a new filter already needs a TMP of ${fmt(tmp)} mmHg, at or above the ${fmt(limit())} mmHg limit: it would be changed again at once. ` +
                // the verdict only where the blood is concentrated past the normal ranges (hematocrit 50 %, total protein 85 g/L [S2])
                (now.blood.hematocrit > 0.5 || now.blood.totalProtein_g_L > 85 ? 'The blood is too concentrated for the prescription (' : '(') +
                `hematocrit ${fmt(100 * now.blood.hematocrit, 1)} %, plasma protein ${fmt(now.blood.totalProtein_g_L, 1)} g/L; ` +
                `net ultrafiltration ${fmt(m.current.prescription.netUltrafiltration)} mL/h, patient ${fmt(m.current.patient.weight, 1)} kg)`,
            );
          }
          changeFilter(t, y, `TMP ${fmt(tmp)} mmHg reached the limit of ${fmt(limit())} mmHg`, log);
        },
      },
    ],
    perform(t, y, action, log, now) {
      const clot = action.fault?.filterClot;
      if (clot !== undefined && m.filter.status === 'running') {
        // A filter cannot be more than fully clotted; keep a sliver open so its pressures stay finite.
        y[at.clottedFraction] = Math.min(Math.max(y[at.clottedFraction], clot), MAX_CLOTTED_FRACTION);
        log('fault', `filter clotted: ${fmt(100 * clot, 0)} % of fibres`);
        const tmp = tmpOf(now());
        seen(tmp);
        if (tmp !== null && tmp >= limit()) changeFilter(t, y, `filter clotted (${fmt(100 * clot, 0)} % of fibres)`, log);
      }
      if (action.changeFilter && filterInPlace(m)) changeFilter(t, y, action.note ?? 'manual change (timeline)', log);
    },
    settingsProblem(now) {
      const f = m.current.filter;
      if (!f) return null;
      const rx = m.current.prescription;
      const problem = prescriptionProblem(
        filterPrescription(rx, m.weight_kg),
        now.blood.hematocrit,
        now.blood.totalProtein_g_L,
        f.ultrafiltrationCoefficient,
        rx.filterChange.tmpLimit,
        1 - f.sieving.albumin.clean,
      );
      return problem && `the prescription from ${fmt(now.t_h, 2)} h (effluentDose ${fmt(rx.effluentDose)} mL/kg/h): ${problem}`;
    },
  };
}
