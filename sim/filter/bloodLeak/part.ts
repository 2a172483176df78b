/**
 * A blood leak in the hemofilter (docs/models/hemofilter.md, "Blood leak"): whole blood Q_leak crosses ruptured
 * fibres into the effluent while the filter runs. It is lost to the patient (added to now.blood.bleeding_mL_h,
 * which fluid balance and the solutes read), and colours the effluent:
 *   Hb_effluent = Q_leak · Hb_blood / (Q_effluent + Q_leak)        [mass balance of hemoglobin in the effluent line]
 * The CRRT machine's optical detector alarms when Hb_effluent reaches its threshold (blood_leak_detected 0/1).
 * Assumption [E]: the leak adds to the effluent the machine collects; its pumps' balance is not re-solved.
 */
import { fmt } from '../../model/events.js';
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
    effluent_hemoglobin_g_dL: ['g/dL', 'Hemoglobin in the effluent: blood leaking through ruptured fibres (0 with an intact membrane)'],
    blood_leak_detected: ['1', "The CRRT machine's blood-leak detector: 1 when effluent hemoglobin reaches its threshold, else 0"],
  },
  create(m) {
    /** The leak now (mL/h): only while the filter runs. */
    const leak = (now: Now) => {
      const f = m.current.filter;
      return f && now.filter ? 60 * f.bloodLeak : 0;
    };
    const effluentHb = (now: Now) => (now.filter ? effluentHemoglobin_g_dL(leak(now), now.filter.op.effluent_mL_h, hemoglobin_g_dL(now.blood.hematocrit)) : 0);
    const detected = (now: Now) => {
      const f = m.current.filter;
      return f !== null && effluentHb(now) * 1000 >= f.bloodLeakDetectorThreshold && effluentHb(now) > 0;
    };
    let alarmed = false;
    return {
      derive(now) {
        now.blood.bleeding_mL_h += leak(now);
      },
      afterEvents(_t, _y, now, log) {
        const on = detected(now);
        if (on === alarmed) return;
        alarmed = on;
        const hb = effluentHb(now) * 1000;
        log(
          'blood_leak',
          on ? `blood leak detected: effluent hemoglobin ${fmt(hb)} mg/dL (${fmt(leak(now) / 60, 2)} mL/min of blood)` : 'blood leak cleared',
          hb,
        );
      },
      observe(now, out) {
        const hasFilter = m.current.filter !== null;
        out.effluent_hemoglobin_g_dL = hasFilter ? effluentHb(now) : NaN;
        out.blood_leak_detected = hasFilter ? (detected(now) ? 1 : 0) : NaN;
      },
    };
  },
};
