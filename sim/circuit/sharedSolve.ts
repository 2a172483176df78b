/**
 * One loop solve per periodic-check pass, shared by every part that reads it (the circuit's chatter check, the
 * oxygen line's check, hemolysis's operating point): inside a pass the state and the settings the loop reads do not
 * change, so the parts' solves at the same inputs are one solve. Outside a pass (outputs, actions) every call solves.
 * The memo is keyed on the pass and on every input the solve reads from Now, so a changed input solves again.
 */
import type { Model } from '../model/context.js';
import type { Now } from '../model/now.js';
import type { PumpCurve } from './centrifugalPump.js';
import { circuitNow, type CircuitNow } from './circuitNow.js';

interface Memo {
  pass: number;
  thrombus: number;
  headFactor: number;
  hematocrit: number;
  intravascular_mL: number;
  filter: Now['filter'];
  filterFlow_mL_min: number;
  limbReturn_mL_min: number;
  coverage: number;
  cakeResistance: number;
  clottedFraction: number;
  result: CircuitNow | null;
}

const memos = new WeakMap<Model, Memo[]>();

function matches(e: Memo, now: Now, thrombus: number, headFactor: number): boolean {
  const f = now.filter;
  return (
    e.pass === now.checkPass &&
    e.thrombus === thrombus &&
    e.headFactor === headFactor &&
    e.hematocrit === now.blood.hematocrit &&
    e.intravascular_mL === now.blood.intravascular_mL &&
    e.filter === f &&
    (f === null ||
      (e.filterFlow_mL_min === f.op.bloodFlow_mL_min &&
        e.limbReturn_mL_min === f.op.limbReturn_mL_min &&
        e.coverage === f.coverage &&
        e.cakeResistance === f.cakeResistance &&
        e.clottedFraction === f.clottedFraction))
  );
}

/** circuitNow at Now's state, shared within a check pass (per model context: runs never share a memo). */
export function sharedCircuitNow(m: Model, pump: PumpCurve | undefined, now: Now, thrombus: number, headFactor = 1): CircuitNow | null {
  if (now.checkPass === 0) return circuitNow(m, pump, thrombus, now.blood, now.filter, headFactor);
  let list = memos.get(m);
  if (!list) memos.set(m, (list = []));
  for (const e of list) if (matches(e, now, thrombus, headFactor)) return e.result;
  const result = circuitNow(m, pump, thrombus, now.blood, now.filter, headFactor);
  const f = now.filter;
  const entry: Memo = {
    pass: now.checkPass,
    thrombus,
    headFactor,
    hematocrit: now.blood.hematocrit,
    intravascular_mL: now.blood.intravascular_mL,
    filter: f,
    filterFlow_mL_min: f ? f.op.bloodFlow_mL_min : NaN,
    limbReturn_mL_min: f ? f.op.limbReturn_mL_min : NaN,
    coverage: f ? f.coverage : NaN,
    cakeResistance: f ? f.cakeResistance : NaN,
    clottedFraction: f ? f.clottedFraction : NaN,
    result,
  };
  // entries of earlier passes can never match again
  if (list.length && list[0].pass !== now.checkPass) list.length = 0;
  list.push(entry);
  return result;
}
