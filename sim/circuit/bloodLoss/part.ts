/**
 * Blood the ECMO circuit's faults take from the patient (docs/models/circuit-hydraulics.md, "Decannulation and
 * rupture"), added to the patient's bleeding (now.blood.bleeding_mL_h, which fluid balance and the solutes read):
 *   drainage cannula out:  the vein bleeds from the site, Q = C_d·A_site·√(2·(P_v − P_c)/ρ)  (orifice.ts), P_v from
 *                          the blood volume now, so the bleeding slows as the patient empties; P_c the pressure held
 *                          on the site (circuit.siteCompression; 0 without): none while P_v ≤ P_c [hypothesis]; the
 *                          pre-pump line entrains air through the cannula's holes (sim/circuit/air) until the vessel
 *                          is recannulated (sim/circuit/deviceChange)
 *   return cannula out:    the pump's output goes onto the floor: the patient loses the return flow Q_r of the open
 *                          loop (network.ts: the return end at atmospheric pressure), at most what the veins deliver
 *                          to the drainage cannula now (Guyton's plateau, venousDrainage.ts, from the blood volume);
 *                          no ECMO flow reaches the patient; the jugular vein bleeds from its site by the same
 *                          orifice relation at the central venous pressure (the venous return model's, which
 *                          the abdomen's pressure does not reach) [hypothesis]
 *   post-pump rupture:     blood leaves the pump's outlet segment, Q = C_d·A·√(2·P_pre-oxygenator/ρ); with the drainage
 *                          line clamped (the circuit cut off from the patient: the ELSO clamp–clamp; the return line
 *                          clamped alone leaves the pump drawing the patient's blood out through the opening) nothing more
 *                          leaves the patient: the rupture empties the circuit's own blood, which a circuit change
 *                          discards (sim/circuit/deviceChange)
 *   limb return line off:  the CRRT blood pump pumps the limb's return onto the floor (limbReturn.ts)
 * The loop is solved only when an action reaches the circuit (as the air model does), so the return flow and the
 * rupture's pressure are held from that solve until the next action (a clamp, the pump stopped, the fault cleared).
 * No state of its own: the losses are integrated in fluid balance's blood-lost ledger.
 */
import { fmt } from '../../model/events.js';
import type { Now } from '../../model/now.js';
import type { ModelDefinition } from '../../model/part.js';
import { venousReturnResistance } from '../venousDrainage.js';
import { drainedVeinPressure_mmHg, venousSupplyLimit_mL_min } from '../circuitNow.js';
import { orificeBloodFlow_mL_h } from './orifice.js';
import { limbReturnLoss } from './limbReturn.js';

/** Below 1 mL/min (what a closed clamp lets through, circuitNow.ts) the log reports the loss stopped. */
const STOPPED_mL_h = 60;

export const circuitBloodLossModel: ModelDefinition = {
  name: 'circuit blood loss',
  states: [],
  series: {
    circuit_blood_loss_mL_h: [
      'mL/h',
      "Blood lost through circuit faults now: a decannulation site, the return cannula out, a post-pump rupture, the filter limb's return line off its port",
    ],
  },
  create(m) {
    const held = { return_mL_h: 0, rupture_mL_h: 0 };
    /**
     * The vein's bleeding through the decannulated site: the femoral vein at the drained vein's pressure at the blood
     * volume now, collapsing towards the pressure around it (venousDrainage.ts: the abdomen's); the jugular at the
     * central venous pressure where venous return meets the heart (hemodynamics), which the abdomen does not reach.
     */
    const siteBleeding = (now: Now) => {
      const c = m.current.circuit;
      if (!c || c.decannulation === 'none') return 0;
      const pv = c.decannulation === 'return' ? now.hemodynamics.centralVenousPressure_mmHg : drainedVeinPressure_mmHg(m, now.blood.intravascular_mL);
      const onSite = c.siteCompression ? c.siteCompressionPressure : 0; // the pressure held on the site (no bleeding below it)
      return orificeBloodFlow_mL_h(c.decannulationSiteOpening, c.bloodDischargeCoefficient, pv - onSite, c.flow.bloodDensity);
    };
    /** The held return flow, capped by what the veins deliver at the blood volume now (mL/h). */
    const returnLoss = (now: Now) => {
      const c = m.current.circuit;
      if (!c || !(held.return_mL_h > 0)) return 0;
      const resistance = venousReturnResistance(c.venousDrainage.venousReturnGradient, m.scenario.patient.cardiacOutput);
      return Math.min(held.return_mL_h, 60 * venousSupplyLimit_mL_min(m, now.blood.intravascular_mL, resistance));
    };
    const limb = limbReturnLoss(m);
    const lossNow = (now: Now) => siteBleeding(now) + returnLoss(now) + held.rupture_mL_h + limb.rate_mL_h(now);
    return {
      derive(now) {
        now.blood.bleeding_mL_h += lossNow(now);
      },
      /** After an action, with the loop solved: the return flow onto the floor and the rupture's outflow, held. */
      afterEvents(_t, _y, now, log) {
        limb.report(now, log);
        const c = m.current.circuit;
        const s = now.circuit?.solution;
        const returnFlow = c?.decannulation === 'return' && s ? 60 * Math.max(s.returnFlow_mL_min, 0) : 0;
        // the drainage line clamped: nothing drains into the circuit, and the rupture empties its own blood, not the patient's.
        // The clamp itself, not the solve's drainage flow: the solve does not see the opening, so with only the return line
        // clamped it finds no flow where the pump draws the patient's blood out through the rupture.
        const cutOff = c?.clamps.drainageLine === true;
        const ruptureLoss =
          c?.rupture === 'postPump' && s && !cutOff
            ? orificeBloodFlow_mL_h(c.ruptureOpening, c.bloodDischargeCoefficient, s.preOxygenatorPressure_mmHg, c.flow.bloodDensity)
            : 0;
        const before = held.return_mL_h + held.rupture_mL_h;
        held.return_mL_h = returnFlow;
        held.rupture_mL_h = ruptureLoss;
        const site = siteBleeding(now);
        const total = lossNow(now);
        if (returnFlow + ruptureLoss === before) return;
        const parts = [
          returnFlow > 0 ? `return cannula out: the pump's ${fmt(returnFlow / 60000, 2)} L/min goes onto the floor` : '',
          ruptureLoss > 0 ? `post-pump rupture at ${fmt(s!.preOxygenatorPressure_mmHg, 0)} mmHg: ${fmt(ruptureLoss / 60, 0)} mL/min` : '',
          site > 0 ? `the ${c!.decannulation} site bleeds ${fmt(site / 60, 0)} mL/min` : '',
        ].filter(Boolean);
        const why = c?.rupture === 'postPump' && cutOff ? ': the drainage line clamped, the rupture drains only the circuit cut off from the patient' : '';
        log(
          'blood_loss',
          total >= STOPPED_mL_h ? `${parts.join('; ')} (blood lost ${fmt(total / 60, 0)} mL/min)` : `circuit blood loss stopped${why}`,
          total / 60,
        );
      },
      observe(now, out) {
        out.circuit_blood_loss_mL_h = m.current.circuit ? lossNow(now) : NaN;
      },
    };
  },
};
