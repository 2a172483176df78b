/**
 * A blood leak in the hemofilter (docs/models/hemofilter.md, "Blood leak"): whole blood Q_leak crosses ruptured
 * fibres into the effluent while the filter runs. It is lost to the patient (added to now.blood.bleeding_mL_h,
 * which fluid balance and the solutes read), and colours the effluent:
 *   Hb_effluent = Q_leak · Hb_blood / (Q_effluent + Q_leak)        [mass balance of hemoglobin in the effluent line]
 * The CRRT machine's optical detector alarms when Hb_effluent reaches its threshold (blood_leak_detected 0/1), and
 * with filter.stopOnBloodLeak the machine suspends the treatment there (an event located on the solver's dense
 * output): its blood and fluid pumps stop, so the leak stops, and the detector's line keeps the coloured effluent
 * until the filter is changed (the new filter's fibres are intact: filterEvents.ts), or until the operator overrides
 * the stop (filter.stopOnBloodLeak set false while suspended: the treatment resumes, the leak with it).
 * Assumption [E]: the leak adds to the effluent the machine collects; its pumps' balance is not re-solved.
 */
import { fmt, type EventLog } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import type { ModelDefinition } from '../../model/part.js';
import { hemoglobin_g_dL } from '../../blood.js';

/** Hemoglobin in the effluent (g/dL) from a leak of whole blood into it (both mL/h). */
export function effluentHemoglobin_g_dL(leak_mL_h: number, effluent_mL_h: number, bloodHemoglobin_g_dL: number): number {
  if (!(leak_mL_h > 0)) return 0;
  return (leak_mL_h * bloodHemoglobin_g_dL) / (effluent_mL_h + leak_mL_h);
}

export const bloodLeakModel: ModelDefinition = {
  name: 'filter blood leak',
  states: [],
  series: {
    effluent_hemoglobin_g_dL: [
      'g/dL',
      'Hemoglobin in the effluent: blood leaking through ruptured fibres (0 with an intact membrane; held in the stopped line while the machine is suspended)',
    ],
    blood_leak_detected: ['1', "The CRRT machine's blood-leak detector: 1 when effluent hemoglobin reaches its threshold, else 0"],
    crrt_suspended: [
      '1',
      'The CRRT machine suspended the treatment on its blood-leak alarm (blood and fluid pumps stopped until the filter is changed): 1, else 0',
    ],
  },
  create(m) {
    const suspended = () => m.filter.status === 'suspended';
    /** The leak now (mL/h): only while the filter runs. */
    const leak = (now: Now) => {
      const f = m.current.filter;
      return f && now.filter ? 60 * f.bloodLeak : 0;
    };
    /** Effluent hemoglobin at the suspension (mg/dL): what the stopped line shows. */
    let held_mg_dL = 0;
    const effluentHb_mg_dL = (now: Now) =>
      suspended() ? held_mg_dL : now.filter ? 1000 * effluentHemoglobin_g_dL(leak(now), now.filter.op.effluent_mL_h, hemoglobin_g_dL(now.blood.hematocrit)) : 0;
    const threshold = () => m.current.filter?.bloodLeakDetectorThreshold ?? Infinity;
    const detected = (now: Now) => {
      const hb = effluentHb_mg_dL(now);
      return hb > 0 && hb >= threshold();
    };
    let alarmed = false;
    const logDetection = (now: Now, log: EventLog) => {
      alarmed = true;
      const hb = effluentHb_mg_dL(now);
      log('blood_leak', `blood leak detected: effluent hemoglobin ${fmt(hb)} mg/dL (${fmt(leak(now) / 60, 2)} mL/min of blood)`, hb);
    };
    return {
      located: [
        {
          // the machine stops where the detector sees the threshold (a leak that grows, blood that concentrates)
          excess: (now) => (m.current.filter?.stopOnBloodLeak && now.filter && leak(now) > 0 ? effluentHb_mg_dL(now) - threshold() : -Infinity),
          reached(_t, _y, log, now) {
            if (!alarmed) logDetection(now, log);
            held_mg_dL = effluentHb_mg_dL(now);
            m.filter.status = 'suspended';
            log(
              'blood_leak',
              'the CRRT machine suspended the treatment on the blood-leak alarm: blood and fluid pumps stopped, the leak with them; change the filter',
              held_mg_dL,
            );
          },
        },
      ],
      perform(_t, _y, _action, log) {
        // the operator overrode the stop (judged the alarm false): the pumps restart; the events' settle re-solves the limb
        if (!suspended() || m.current.filter?.stopOnBloodLeak !== false) return;
        m.filter.status = 'running';
        log('blood_leak', 'the operator overrode the blood-leak stop: the CRRT machine restarts its blood and fluid pumps', held_mg_dL);
      },
      derive(now) {
        now.blood.bleeding_mL_h += leak(now);
      },
      afterEvents(_t, _y, now, log) {
        const on = detected(now);
        if (on === alarmed) return;
        if (on) return logDetection(now, log);
        alarmed = false;
        log('blood_leak', 'blood leak cleared', 0);
      },
      observe(now, out) {
        const hasFilter = m.current.filter !== null;
        out.effluent_hemoglobin_g_dL = hasFilter ? effluentHb_mg_dL(now) / 1000 : NaN;
        out.blood_leak_detected = hasFilter ? (detected(now) ? 1 : 0) : NaN;
        out.crrt_suspended = hasFilter ? (suspended() ? 1 : 0) : NaN;
      },
    };
  },
};
