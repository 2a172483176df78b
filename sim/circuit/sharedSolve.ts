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
  temperature_C: number;
  intravascular_mL: number;
  cardiacOutput_L_min: number;
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
    e.temperature_C === now.metabolism.temperature_C &&
    e.intravascular_mL === now.blood.intravascular_mL &&
    e.cardiacOutput_L_min === now.hemodynamics.cardiacOutput_L_min &&
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
  if (now.checkPass === 0) return circuitNow(m, pump, thrombus, now, headFactor);
  let list = memos.get(m);
  if (!list) memos.set(m, (list = []));
  for (const e of list) if (matches(e, now, thrombus, headFactor)) return e.result;
  const result = circuitNow(m, pump, thrombus, now, headFactor);
  // entries of earlier passes can never match again: the first is rewritten in place (a pass rarely needs two)
  const stale = list.length > 0 && list[0].pass !== now.checkPass;
  if (stale) list.length = 1;
  const entry = stale ? list[0] : blankMemo();
  record(entry, now, thrombus, headFactor, result);
  if (!stale) list.push(entry);
  return result;
}

function blankMemo(): Memo {
  return {
    pass: 0,
    thrombus: NaN,
    headFactor: NaN,
    hematocrit: NaN,
    temperature_C: NaN,
    intravascular_mL: NaN,
    cardiacOutput_L_min: NaN,
    filter: null,
    filterFlow_mL_min: NaN,
    limbReturn_mL_min: NaN,
    coverage: NaN,
    cakeResistance: NaN,
    clottedFraction: NaN,
    result: null,
  };
}

function record(e: Memo, now: Now, thrombus: number, headFactor: number, result: CircuitNow | null): void {
  const f = now.filter;
  e.pass = now.checkPass;
  e.thrombus = thrombus;
  e.headFactor = headFactor;
  e.hematocrit = now.blood.hematocrit;
  e.temperature_C = now.metabolism.temperature_C;
  e.intravascular_mL = now.blood.intravascular_mL;
  e.cardiacOutput_L_min = now.hemodynamics.cardiacOutput_L_min;
  e.filter = f;
  e.filterFlow_mL_min = f ? f.op.bloodFlow_mL_min : NaN;
  e.limbReturn_mL_min = f ? f.op.limbReturn_mL_min : NaN;
  e.coverage = f ? f.coverage : NaN;
  e.cakeResistance = f ? f.cakeResistance : NaN;
  e.clottedFraction = f ? f.clottedFraction : NaN;
  e.result = result;
}
