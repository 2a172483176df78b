/**
 * A timeline entry's catalogue fault, `fault: { kind, severity, onset, over_min, hidden, clear }`, resolved against
 * its row (sim/faults/catalogue.ts) into the engine's Action fields; and a conditional entry's `when`. Every
 * problem names the field, the value and what was expected (an unknown kind lists the known ones, with the
 * closest as a did-you-mean).
 */
import type { QuantitySpec } from '../parameters.js';
import { FAULT_IDS, faultRow } from '../faults/catalogue.js';
import type { FaultCondition, FaultRow } from '../faults/faultRow.js';
import { buildFaultAction } from '../faults/faultAction.js';
import type { Action } from '../model/events.js';
import { expectedText, parseQuantityLeaf } from './quantityLeaf.js';
import { shownValue } from './errors.js';
import { closest } from './suggest.js';

type AddIssue = (path: string, message: string) => void;

/** Longest onset of a gradual fault: a week. */
const ONSET_SPEC: QuantitySpec = { kind: 'quantity', unit: 'min', default: null, limits: [0, 10080], description: 'onset time', source: 'E', ref: 'fault' };

function quantity(spec: QuantitySpec, raw: unknown, path: string, add: AddIssue): number | undefined {
  const parsed = parseQuantityLeaf(spec, raw, { addIssue: (m) => add(path, m) });
  if (!parsed) return undefined;
  if (!(parsed.value >= spec.limits[0] && parsed.value <= spec.limits[1])) {
    add(path, `got ${JSON.stringify(parsed.text)}: outside the accepted range; expected ${expectedText(spec)}`);
    return undefined;
  }
  return parsed.value;
}

function knownKind(given: unknown, base: string, add: AddIssue): FaultRow | undefined {
  const row = typeof given === 'string' ? faultRow(given) : undefined;
  if (row) return row;
  const guess = typeof given === 'string' ? closest(given, FAULT_IDS) : undefined;
  add(`${base}.kind`, `got ${shownValue(given)}: not a known fault${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of ${FAULT_IDS.join(', ')}`);
  return undefined;
}

function severityOf(row: FaultRow, given: Record<string, unknown>, base: string, add: AddIssue): number | undefined {
  if (!row.severity) {
    if (given.severity !== undefined) add(`${base}.severity`, `got ${shownValue(given.severity)}: ${row.id} is on or off; expected no severity`);
    return 1;
  }
  if (given.severity === undefined) return row.severity.default;
  const s = row.severity;
  const spec: QuantitySpec = {
    kind: 'quantity',
    unit: s.unit,
    default: s.default,
    limits: [s.limits[0], s.limits[1]],
    description: s.description,
    source: 'E',
    ref: 'fault',
  };
  return quantity(spec, given.severity, `${base}.severity`, add);
}

/** The onset: sudden, or gradual over `over_min` (only where the row allows it). */
function onsetOf(row: FaultRow, given: Record<string, unknown>, base: string, add: AddIssue): { onset: 'sudden' | 'gradual'; over_min: number } {
  const onset = given.onset ?? 'sudden';
  if (onset !== 'sudden' && onset !== 'gradual') {
    add(`${base}.onset`, `got ${shownValue(onset)}; expected "sudden" or "gradual"`);
    return { onset: 'sudden', over_min: 0 };
  }
  if (onset === 'gradual' && !row.gradual) add(`${base}.onset`, `got "gradual": ${row.id} happens at once; expected "sudden"`);
  if (onset === 'gradual' && given.over_min === undefined)
    add(`${base}.over_min`, `missing: a gradual fault needs its onset time; expected ${expectedText(ONSET_SPEC)}`);
  if (onset === 'sudden' && given.over_min !== undefined)
    add(`${base}.over_min`, `got ${shownValue(given.over_min)} with a sudden onset; expected "onset": "gradual", or no over_min`);
  const over =
    given.over_min === undefined
      ? 0
      : quantity(ONSET_SPEC, typeof given.over_min === 'number' ? `${given.over_min} min` : given.over_min, `${base}.over_min`, add);
  if (onset === 'gradual' && over === 0)
    add(`${base}.over_min`, `got ${shownValue(given.over_min)}: a gradual fault needs an onset time; expected more than 0 min`);
  return { onset, over_min: over ?? 0 };
}

/** Resolves `fault: { kind, ... }` into the Action it performs, or undefined with issues added. */
export function resolveCatalogueFault(given: Record<string, unknown>, base: string, add: AddIssue): Action | undefined {
  const before = { n: 0 };
  const count: AddIssue = (p, m) => {
    before.n++;
    add(p, m);
  };
  const row = knownKind(given.kind, base, count);
  if (!row) return undefined;
  if (given.hidden !== undefined && typeof given.hidden !== 'boolean') count(`${base}.hidden`, `got ${shownValue(given.hidden)}; expected true or false`);
  const hidden = typeof given.hidden === 'boolean' ? given.hidden : undefined;
  if (given.clear !== undefined) {
    if (given.clear !== true) count(`${base}.clear`, `got ${shownValue(given.clear)}; expected true (or no "clear")`);
    else if ('action' in row.change) count(`${base}.clear`, `got true: ${row.id} cannot be cleared by "clear"; expected the remedy: ${row.change.undo}`);
    for (const k of ['severity', 'onset', 'over_min'])
      if (given[k] !== undefined) count(`${base}.${k}`, `got ${shownValue(given[k])} with "clear": true; expected only "kind" (and "hidden") to clear a fault`);
    return before.n ? undefined : buildFaultAction(row, undefined, { clear: true, hidden });
  }
  const severity = severityOf(row, given, base, count);
  const { onset, over_min } = onsetOf(row, given, base, count);
  if (before.n || severity === undefined) return undefined;
  return buildFaultAction(row, severity, { onset, over_min, hidden });
}

/** Resolves `when: { series, below | above }` (the series name is checked against the outputs when the run starts). */
export function resolveCondition(given: Record<string, unknown>, base: string, add: AddIssue): FaultCondition | undefined {
  const has = (k: 'below' | 'above') => given[k] !== undefined;
  let ok = true;
  if (typeof given.series !== 'string' || given.series === '') {
    add(`${base}.series`, `got ${shownValue(given.series)}; expected the name of an output series, e.g. "sao2_pct"`);
    ok = false;
  }
  if (has('below') === has('above')) {
    add(base, `expected exactly one of "below" and "above"`);
    ok = false;
  }
  for (const k of ['below', 'above'] as const)
    if (has(k) && !Number.isFinite(given[k])) {
      add(`${base}.${k}`, `got ${shownValue(given[k])}; expected a number in the series' unit`);
      ok = false;
    }
  if (!ok) return undefined;
  return { series: given.series as string, ...(has('below') ? { below: given.below as number } : { above: given.above as number }) };
}
