/**
 * Acid–base in the engine (acidBase.ts): one state, the buffer base (bicarbonate, the non-bicarbonate buffers' share
 * and lactate) in the bicarbonate space, moved only by the filter. It derives Z (the bicarbonate at pH 7.4), then
 * bicarbonate and the pH the norepinephrine response reads (hemodynamics, next in model order) at the held PaCO2. PaCO2 needs the circuit's solution, which gas exchange solves only for checks and outputs, so the
 * derived pH uses the PaCO2 held from the last time the circuit settled (the start, every setting change, a filter
 * stopping or starting: what moves sweep or flow), starting at the patient's own without a circuit; the pH output
 * uses the PaCO2 solved for that sample.
 */
import type { ModelDefinition } from '../../model/part.js';
import { fixedScale } from '../../model/part.js';
import type { SettleMove } from '../../model/events.js';
import { convectiveClearance_mL_h } from '../../filter/filterNow.js';
import { seriesClearance_mL_h } from '../../filter/circuitBlood.js';
import { SOLUTE } from '../solutes/registry.js';
import {
  acidBaseOnLine,
  arterialPh,
  type AcidBaseReading,
  bicarbonateAtNormalPh_mmol_L,
  bicarbonateAtNormalPhFromBase_mmol_L,
  bufferBaseRate_mmol_h,
} from './acidBase.js';
import { preTreatmentPaco2_mmHg } from '../gasExchange/preTreatment.js';
import { SettleAccelerator } from '../../model/settleAccelerator.js';

/**
 * The held PaCO2 has settled when a pass moves it by less than this, relative [E: two orders below the solver's
 * relative tolerance, 1e-7 (engine/simulation.ts); 1e-12 until issue 12's tenth session, one more pass a settle].
 */
const SETTLED = 1e-9;

/** An output sample's reading (one record, rewritten at each sample; observe copies it out). */
const SAMPLE: AcidBaseReading = { bicarbonate_mmol_L: NaN, ph: NaN };

/** Bicarbonate passes the membrane freely [S2: small ion, SC ≈ 1]. */
const FREE = { clean: 1, fouled: 1 } as const;

export const acidBaseModel: ModelDefinition = {
  name: 'acid–base',
  states: [{ name: 'bufferBase_mmol', scale: fixedScale(1000) }],
  series: {
    ph: ['1', 'Arterial pH (Henderson–Hasselbalch from bicarbonate and PaCO2)'],
    bicarbonate_mmol_L: ['mmol/L', 'Plasma bicarbonate'],
  },
  create(m, slot) {
    const X = slot('bufferBase_mmol');
    const ab0 = m.scenario.patient.acidBase;
    const held = { paco2_mmHg: preTreatmentPaco2_mmHg(m.scenario) };
    /** The settle loop's passes towards the held PaCO2's fixed point, extrapolated (settleAccelerator.ts). */
    const accelerator = new SettleAccelerator();
    /** What settleHeld reports when the held PaCO2 moved (one object, reused). */
    const move: SettleMove = { what: "acid-base's held PaCO2", by: 0, unit: 'mmHg' };
    return {
      derive(now) {
        const a = now.acidBase;
        const z = bicarbonateAtNormalPhFromBase_mmol_L(now.y[X], m.current.patient.acidBase.bicarbonateSpace, now.concentration[SOLUTE.lactate]);
        a.bicarbonateAtNormalPh_mmol_L = z;
        a.heldPaco2_mmHg = held.paco2_mmHg;
        acidBaseOnLine(z, held.paco2_mmHg, a); // its bicarbonate and pH
      },
      afterEvents(_t, _y, now) {
        held.paco2_mmHg = now.paco2_mmHg;
        accelerator.reset();
      },
      settleHeld(now) {
        move.by = now.paco2_mmHg - held.paco2_mmHg;
        const moved = Math.abs(move.by) > SETTLED * Math.abs(held.paco2_mmHg);
        held.paco2_mmHg = moved ? accelerator.next(held.paco2_mmHg, now.paco2_mmHg) : now.paco2_mmHg;
        if (!moved) accelerator.reset();
        return moved ? move : null;
      },
      initial(y) {
        // the starting bicarbonate at the starting PaCO2 puts the state on its Van Slyke line; a native lung that removes
        // no CO2 before treatment (conductance 0) has no starting PaCO2, and its bicarbonate is taken as Z
        const paco2 = held.paco2_mmHg;
        const z0 = Number.isFinite(paco2) ? bicarbonateAtNormalPh_mmol_L(ab0.bicarbonate, arterialPh(ab0.bicarbonate, paco2)) : ab0.bicarbonate;
        y[X] = ((z0 + m.scenario.patient.baseline.lactate) * ab0.bicarbonateSpace) / 1000;
      },
      derivatives(now, dy) {
        const fn = now.filter;
        // the filter exchanges with the patient only through a flowing circuit (sim/filter/circuitBlood.ts)
        if (!fn || m.filter.circuitIsolated) {
          dy[X] = 0;
          return;
        }
        const kFilter = convectiveClearance_mL_h(fn, FREE, 'plasma');
        const k = kFilter > 0 ? seriesClearance_mL_h(kFilter, m.filter.circuitFlow_mL_min) : 0;
        const lactate = now.concentration[SOLUTE.lactate];
        dy[X] = bufferBaseRate_mmol_h(k, m.current.prescription.replacementFluid.bicarbonate, now.acidBase.bicarbonate_mmol_L, lactate);
      },
      observe(now, out) {
        // the sample's own PaCO2 moves bicarbonate along the line (the CO2 titration curve)
        const reading = acidBaseOnLine(now.acidBase.bicarbonateAtNormalPh_mmol_L, now.paco2_mmHg, SAMPLE);
        out.ph = reading.ph;
        out.bicarbonate_mmol_L = reading.bicarbonate_mmol_L;
      },
    };
  },
};
