/**
 * A training scenario file: a scenario (every section, its timeline holding the faults' triggers) plus a
 * `training` section with the briefing, the objectives and the labs' turnaround times. And a trainee's actions
 * file (`--actions`): timed actions, checked as strictly as a scenario's timeline, with the same messages.
 */
import { z } from 'zod';
import { ScenarioError, shownValue, type ScenarioIssue } from '../scenario/errors.js';
import { loadScenarioText, parseJsonText, type CalibrationOptions } from '../scenario/load.js';
import { parseQuantityLeaf } from '../scenario/quantityLeaf.js';
import { pathText } from '../scenario/zodIssues.js';
import { closest } from '../scenario/suggest.js';
import { TIMELINE_ACTION_KEYS } from '../scenario/timeline.js';
import type { QuantitySpec } from '../parameters.js';
import type { Scenario } from '../scenario/resolve.js';
import { LAB_NAMES, type LabName } from './labs.js';
import { objectiveProblems, objectiveSchema, type Objective } from './objectives.js';
import type { SessionAction } from './session.js';
import { ALARM_CATALOGUE } from '../alarms/catalogue.js';
import { SERIES_NAMES } from '../engine/observe.js';
import { LEGACY_FAULT_KIND } from '../engine/events.js';
import { FAULT_IDS } from '../faults/catalogue.js';
import { overBase, type BaseResolver } from './trainingBase.js';

const ALARM_IDS = ALARM_CATALOGUE.map((a) => a.id);
/** The fault kinds a session log names: the catalogue's, and the legacy `fault` keys' (engine/events.ts). */
const FAULT_KINDS = [...FAULT_IDS, ...Object.values(LEGACY_FAULT_KIND)];
const LISTED_IN: Record<string, string> = { alarm: 'docs/training/alarms.md', fault: 'docs/training/faults.md', series: 'docs/outputs.md' };

/** A name from a list, or a message naming the nearest. */
function unknownName(what: string, name: string, known: readonly string[]): string | null {
  if (known.includes(name)) return null;
  const near = closest(name, known);
  return `got ${shownValue(name)}: no such ${what}${near ? ` (did you mean "${near}"?)` : ''}; expected one of the ${what}s in ${LISTED_IN[what]}`;
}

/** Alarm ids and series names the objectives use must exist. */
function objectiveNames(objectives: readonly Objective[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const check = (path: string, what: string, name: string, known: readonly string[]) => {
    const m = unknownName(what, name, known);
    if (m) issues.push({ path, message: m });
  };
  objectives.forEach((o, i) => {
    const base = `training.objectives[${i}]`;
    if ('alarm' in o.after) check(`${base}.after.alarm`, 'alarm', o.after.alarm, ALARM_IDS);
    if ('fault' in o.after) check(`${base}.after.fault`, 'fault', o.after.fault, FAULT_KINDS);
    if (o.kind === 'acknowledge') check(`${base}.alarm`, 'alarm', o.alarm, ALARM_IDS);
    if (o.kind === 'reach' || o.kind === 'keep') check(`${base}.series`, 'series', o.series, SERIES_NAMES);
  });
  return issues;
}

export const trainingSectionSchema = z.strictObject({
  briefing: z.string().min(1).max(5000).meta({ description: 'What the trainee is told before the session starts.' }),
  objectives: z.array(objectiveSchema).min(1).max(50),
  labTurnaround: z
    .partialRecord(z.enum(LAB_NAMES as [LabName, ...LabName[]]), z.string())
    .optional()
    .meta({ description: 'Time from a lab order to its result, per test, e.g. { "aptt": "30 min" } (defaults: sim/training/labs.ts).' }),
});

export interface TrainingScenario {
  scenario: Scenario;
  /** the scenario part of the file (without `training`, merged over its base), for resolving a trainee's actions against it */
  raw: Record<string, unknown>;
  /** the training file (its calibration reference is relative to it) */
  source: string;
  briefing: string;
  objectives: Objective[];
  labTurnaround_min: Partial<Record<LabName, number>>;
}

const TURNAROUND: QuantitySpec = { kind: 'quantity', unit: 'min', default: null, limits: [0, 1440], description: 'lab turnaround', source: 'E', ref: '' };

function zodIssues(prefix: string, error: z.ZodError): ScenarioIssue[] {
  return error.issues.map((i) => {
    const path = pathText([prefix, ...i.path]);
    const got = 'input' in i && i.input !== undefined ? `got ${shownValue(i.input)}: ` : '';
    if (i.code === 'invalid_union' && 'discriminator' in i) return { path, message: `${got}expected "kind" to be one of reach, act, keep, acknowledge` };
    return { path, message: `${got}${i.message}` };
  });
}

function turnarounds(given: Partial<Record<LabName, string>> | undefined, issues: ScenarioIssue[]): Partial<Record<LabName, number>> {
  const out: Partial<Record<LabName, number>> = {};
  for (const [lab, text] of Object.entries(given ?? {}) as [LabName, string][]) {
    const path = `training.labTurnaround.${lab}`;
    const q = parseQuantityLeaf(TURNAROUND, text, { addIssue: (message) => issues.push({ path, message }) });
    if (!q) continue;
    if (q.value < 0 || q.value > 1440) issues.push({ path, message: `got ${shownValue(text)}: expected between 0 min and 24 h` });
    else out[lab] = q.value;
  }
  return out;
}

/** How a training file's references are read: its calibration, and its base scenario (trainingBase.ts). */
export interface TrainingOptions extends CalibrationOptions {
  resolveBase?: BaseResolver;
}

/**
 * Reads a training scenario's text: its scenario as every scenario is read (merged over its base scenario when it
 * names one), and its training section.
 */
export function loadTrainingText(text: string, source: string, options: TrainingOptions = {}): TrainingScenario {
  const all = parseJsonText(text, source);
  if (typeof all !== 'object' || all === null || Array.isArray(all) || !('training' in all)) {
    throw new ScenarioError(source, [{ path: 'training', message: 'missing; expected a training section with "briefing" and "objectives"' }]);
  }
  const { training, ...own } = all as Record<string, unknown>;
  const { raw, explain } = overBase(own, source, options.resolveBase);
  const parsed = trainingSectionSchema.safeParse(training, { reportInput: true });
  const issues: ScenarioIssue[] = parsed.success ? [] : zodIssues('training', parsed.error);
  if (parsed.success) {
    issues.push(...objectiveProblems(parsed.data.objectives).map((p) => ({ ...p, path: `training.${p.path}` })));
    issues.push(...objectiveNames(parsed.data.objectives));
  }
  const labTurnaround_min = parsed.success ? turnarounds(parsed.data.labTurnaround, issues) : {};
  let scenario: Scenario | undefined;
  try {
    scenario = loadScenarioText(JSON.stringify(raw), source, [], options);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    issues.push(...e.issues.map(explain));
  }
  if (issues.length || !scenario || !parsed.success) throw new ScenarioError(source, issues);
  return { scenario, raw, source, briefing: parsed.data.briefing, objectives: parsed.data.objectives, labTurnaround_min };
}

/** What an actions file's fields take, in words, for the messages (zod's own say only "Invalid input"). */
const ACTION_FIELD_EXPECTED: Record<string, string> = {
  '': 'an object { "actions": [...] }',
  actions: 'a list of actions, e.g. [{ "at": "10 min", "acknowledge": "all" }]',
  at: 'a time from the start, e.g. "10 min"',
  acknowledge: 'an alarm id or "all"',
  silence: 'an object { "alarm": an alarm id or "all", "minutes": a duration, e.g. "2 min" }',
  alarm: 'an alarm id or "all"',
  minutes: 'a duration with its unit, e.g. "2 min"',
  order: `a lab test, one of ${LAB_NAMES.join(', ')}`,
  note: 'a text of at most 500 characters',
};

/** A zod issue of an actions file as a message naming the field, the value given and what the field takes. */
function actionFileIssue(i: z.core.$ZodIssue): ScenarioIssue {
  const path = pathText(i.path);
  const field = String([...i.path].reverse().find((k) => typeof k === 'string') ?? '');
  const expected = ACTION_FIELD_EXPECTED[field];
  const input = (i as { input?: unknown }).input;
  if (expected === undefined || (i.code !== 'invalid_type' && i.code !== 'invalid_union' && i.code !== 'invalid_value'))
    return { path, message: `${input !== undefined ? `got ${shownValue(input)}: ` : ''}${i.message}` };
  return { path, message: `${input === undefined ? 'missing' : `got ${shownValue(input)}`}; expected ${expected}` };
}

const SILENCE: QuantitySpec = { kind: 'quantity', unit: 'min', default: null, limits: [0, 60], description: 'silence', source: 'E', ref: '' };

const ENGINE_KEYS: readonly string[] = TIMELINE_ACTION_KEYS;
const ACTION_KEYS = ['at', 'acknowledge', 'silence', 'order', 'note', ...ENGINE_KEYS];
const actionEntrySchema = z.looseObject({
  at: z.union([z.string(), z.number()]),
  acknowledge: z.string().min(1).optional(),
  silence: z.strictObject({ alarm: z.string().min(1), minutes: z.union([z.string(), z.number()]) }).optional(),
  order: z.enum(LAB_NAMES as [LabName, ...LabName[]]).optional(),
  note: z.string().max(500).optional(),
});
export const actionsFileSchema = z.strictObject({ $schema: z.string().optional(), actions: z.array(actionEntrySchema).max(10000) });

export interface TimedAction {
  at_h: number;
  action: SessionAction;
}

/** The id an engine action is matched by in objectives: `set:<path>` per setting, or the action's name. */
export function engineActionIds(entry: Record<string, unknown>): string[] {
  const ids = Object.keys((entry.set as object) ?? {}).map((p) => `set:${p}`);
  for (const k of ENGINE_KEYS) if (k !== 'set' && entry[k] !== undefined) ids.push(k);
  return ids;
}

/**
 * A trainee's actions for a training scenario. Engine actions (settings, boluses, bag changes) are checked by
 * resolving them as the scenario's timeline would be (every message as for a timeline entry, its path
 * `actions[i]`); acknowledge, silence, lab orders and notes are the session's own.
 */
export function parseActionsText(text: string, source: string, training: TrainingScenario, options: CalibrationOptions = {}): TimedAction[] {
  const parsed = actionsFileSchema.safeParse(parseJsonText(text, source), { reportInput: true });
  if (!parsed.success) throw new ScenarioError(source, parsed.error.issues.map(actionFileIssue));
  const entries = parsed.data.actions;
  const unknown = entries.flatMap((e, i) =>
    Object.keys(e)
      .filter((k) => !ACTION_KEYS.includes(k))
      .map((k) => {
        const near = closest(k, ACTION_KEYS);
        return { path: `actions[${i}].${k}`, message: `unknown field${near ? ` (did you mean "${near}"?)` : ''}; expected one of ${ACTION_KEYS.join(', ')}` };
      }),
  );
  if (unknown.length) throw new ScenarioError(source, unknown);
  const engine = entries.map((e, i) => ({ e, i })).filter(({ e }) => engineActionIds(e).length > 0);
  // an engine action's note is the action's (a manual filter change's reason), as in a scenario's timeline
  const timeline = engine.map(({ e }) => Object.fromEntries(Object.entries(e).filter(([k]) => k === 'at' || k === 'note' || ENGINE_KEYS.includes(k))));
  const issues: ScenarioIssue[] = [];
  let resolved: Scenario | undefined;
  try {
    const resolve = options.resolveCalibration;
    const beside = { ...options, resolveCalibration: resolve && ((ref: string) => resolve(ref, training.source)) };
    resolved = loadScenarioText(JSON.stringify({ ...training.raw, timeline }), source, [], beside);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const renamed = (p: string) => p.replace(/^timeline\[(\d+)\]/, (_, k: string) => `actions[${engine[Number(k)].i}]`);
    issues.push(...e.issues.map((iss) => ({ ...iss, path: renamed(iss.path) })));
  }
  const out: TimedAction[] = (resolved?.timeline ?? []).map((t) => {
    const e = engine[t.index].e;
    const ids = engineActionIds(e);
    const { at_h: _, index: __, ...action } = t;
    return { at_h: t.at_h, action: { kind: 'engine', action, id: ids.join('+'), text: actionText(e) } };
  });
  entries.forEach((e, i) => {
    const own = ownActions(e);
    if (own.length === 0 && engineActionIds(e).length === 0) {
      issues.push({ path: `actions[${i}]`, message: 'does nothing; expected a setting or action, or one of "acknowledge", "silence", "order", "note"' });
    }
    if (own.length === 0) return;
    for (const [key, alarm] of [
      ['acknowledge', e.acknowledge],
      ['silence.alarm', e.silence?.alarm],
    ] as const) {
      const m = alarm === undefined || alarm === 'all' ? null : unknownName('alarm', alarm, ALARM_IDS);
      if (m) issues.push({ path: `actions[${i}].${key}`, message: m.replace('expected one of', 'expected "all" or one of') });
    }
    const at = actionTime(e.at, `actions[${i}].at`, training.scenario.duration_h, issues);
    const silenceOk = e.silence === undefined || silenceMinutes(e.silence.minutes, `actions[${i}].silence.minutes`, issues) !== undefined;
    if (at !== undefined && silenceOk) for (const action of own) out.push({ at_h: at, action });
  });
  if (issues.length)
    throw new ScenarioError(
      source,
      issues.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })),
    );
  return out.sort((a, b) => a.at_h - b.at_h);
}

type ActionEntry = z.infer<typeof actionEntrySchema>;

/** A silence's duration in minutes, with its unit ("2 min", "90 s"), above 0 and at most an hour; or an issue. */
function silenceMinutes(given: unknown, path: string, issues: ScenarioIssue[]): number | undefined {
  const q = parseQuantityLeaf(SILENCE, given, { addIssue: (message) => issues.push({ path, message }) });
  if (q && !(q.value > 0 && q.value <= 60)) issues.push({ path, message: `got ${shownValue(given)}: expected more than 0 min and at most 60 min` });
  return q && q.value > 0 && q.value <= 60 ? q.value : undefined;
}

/** The session's own actions in an entry (an engine action's note is the action's, not a separate note). */
function ownActions(e: ActionEntry): SessionAction[] {
  const out: SessionAction[] = [];
  if (e.acknowledge) out.push({ kind: 'acknowledge', alarm: e.acknowledge });
  if (e.silence) out.push({ kind: 'silence', alarm: e.silence.alarm, minutes: silenceMinutes(e.silence.minutes, '', []) ?? NaN });
  if (e.order) out.push({ kind: 'order', lab: e.order });
  if (e.note && engineActionIds(e).length === 0) out.push({ kind: 'note', text: e.note });
  return out;
}

const AT: QuantitySpec = { kind: 'quantity', unit: 'h', default: null, limits: [0, 2160], description: 'time', source: 'E', ref: '' };

function actionTime(raw: unknown, path: string, duration_h: number, issues: ScenarioIssue[]): number | undefined {
  const q = parseQuantityLeaf(AT, raw, { addIssue: (message) => issues.push({ path, message }) });
  if (q && !(q.value >= 0 && q.value <= duration_h)) {
    issues.push({ path, message: `got ${shownValue(raw)}: expected a time between 0 h and the run's duration (${duration_h} h)` });
    return undefined;
  }
  return q?.value;
}

/** An engine action as the log shows it: settings with the values as the trainee wrote them. */
function actionText(e: Record<string, unknown>): string {
  const parts = Object.entries((e.set as Record<string, unknown>) ?? {}).map(([p, v]) => `${p} → ${String(v)}`);
  for (const k of ENGINE_KEYS) if (k !== 'set' && e[k] !== undefined) parts.push(e[k] === true ? k : `${k} ${JSON.stringify(e[k])}`);
  return parts.join('; ');
}
