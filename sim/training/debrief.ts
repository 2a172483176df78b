/**
 * The debrief of a training session: objectives met or missed with response times, the timeline of alarms,
 * faults, actions, labs and notes, each alarm's course, and the trends behind them. As JSON (the export), as text
 * (the command line) and as a printable HTML report (a string: sim/ touches no DOM).
 */
import { alarmRow } from '../alarms/catalogue.js';
import { LAB_TESTS, type LabName } from './labs.js';
import type { ObjectiveResult } from './objectives.js';
import type { SessionEntry, TrendSample } from './sessionLog.js';

/** Channels the debrief's trends show (present ones only). */
export const DEBRIEF_CHANNELS = [
  'effective_flow_L_min',
  'p_drainage_mmHg',
  'p_post_oxygenator_mmHg',
  'dp_oxygenator_mmHg',
  'post_oxygenator_po2_mmHg',
  'sao2_pct',
  'map_mmHg',
  'temperature_C',
  'p_access_mmHg',
  'p_limb_return_port_mmHg',
  'tmp_mmHg',
] as const;

/** Engine events a debrief leaves out: the bedside protocol's routine checks, the circuit's bookkeeping, the nurse's bag and syringe changes. */
const ROUTINE = [
  'norepinephrine_titration',
  'fio2_titration',
  'ventilator_rate_titration',
  'sweep_titration',
  'aptt_check',
  'heparin_titration',
  'circuit_blood',
  'bag_change',
  'syringe_change',
];

export interface AlarmCourse {
  id: string;
  /** As the console shows it (the timeline's label). */
  title: string;
  starts: number;
  first_h: number;
  /** from its first start to its first acknowledgement (s), if acknowledged */
  acknowledgedAfter_s?: number;
}

export interface Debrief {
  scenario: string;
  briefing: string;
  duration_h: number;
  objectives: ObjectiveResult[];
  met: number;
  /** what a person did or saw: alarms, faults, actions, labs, notes (routine engine events left out) */
  timeline: SessionEntry[];
  alarms: AlarmCourse[];
  /** labs ordered whose result had not come back when the session ended: title and order time (h) */
  pendingLabs: { title: string; ordered_h: number }[];
  /** one sample a minute: time (h) then each channel */
  trends: { channels: string[]; rows: number[][] };
}

function alarmCourses(log: readonly SessionEntry[]): AlarmCourse[] {
  const byId = new Map<string, AlarmCourse>();
  for (const e of log) {
    if (e.kind !== 'alarm') continue;
    const [id, kind] = e.id.split(':');
    let c = byId.get(id);
    if (kind === 'start') {
      if (!c) byId.set(id, (c = { id, title: alarmRow(id)?.title ?? id, starts: 0, first_h: e.t_h }));
      c.starts++;
    } else if (kind === 'acknowledged' && c && c.acknowledgedAfter_s === undefined) {
      c.acknowledgedAfter_s = Math.round((e.t_h - c.first_h) * 3600);
    }
  }
  return [...byId.values()];
}

/** Orders without a result by the end (each result answers the earliest open order of its lab). */
function pendingLabs(log: readonly SessionEntry[]): Debrief['pendingLabs'] {
  const open: { lab: string; title: string; ordered_h: number }[] = [];
  for (const e of log) {
    if (e.kind !== 'lab') continue;
    const [kind, lab] = e.id.split(':');
    if (kind === 'order') open.push({ lab, title: LAB_TESTS[lab as LabName]?.title ?? lab, ordered_h: e.t_h });
    else if (kind === 'result') {
      const i = open.findIndex((o) => o.lab === lab);
      if (i >= 0) open.splice(i, 1);
    }
  }
  return open.map(({ title, ordered_h }) => ({ title, ordered_h }));
}

function minuteTrends(trends: readonly TrendSample[]): Debrief['trends'] {
  const channels = DEBRIEF_CHANNELS.filter((c) => trends.some((s) => Number.isFinite(s.values[c])));
  const rows: number[][] = [];
  let next = 0;
  for (const s of trends) {
    if (s.t_h + 1e-9 < next) continue;
    rows.push([+s.t_h.toFixed(4), ...channels.map((c) => +(s.values[c] ?? NaN).toPrecision(4))]);
    next = s.t_h + 1 / 60;
  }
  return { channels: [...channels], rows };
}

export function buildDebrief(
  scenario: string,
  briefing: string,
  duration_h: number,
  objectives: ObjectiveResult[],
  log: readonly SessionEntry[],
  trends: readonly TrendSample[],
): Debrief {
  const timeline = log.filter((e) => e.kind !== 'event' || !ROUTINE.includes(e.id));
  return {
    scenario,
    briefing,
    duration_h,
    objectives,
    met: objectives.filter((o) => o.met).length,
    timeline: [...timeline].sort((a, b) => a.t_h - b.t_h),
    alarms: alarmCourses(log),
    pendingLabs: pendingLabs(log),
    trends: minuteTrends(trends),
  };
}

/** mm:ss from the start. */
export function clock(t_h: number): string {
  const s = Math.round(t_h * 3600);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function debriefText(d: Debrief): string {
  const lines = [`Debrief: ${d.scenario}`, '', `Objectives: ${d.met} of ${d.objectives.length} met`];
  for (const o of d.objectives) lines.push(`  ${o.met ? '✓' : '✗'} ${o.text} — ${o.why}`);
  lines.push('', 'Alarms:');
  if (d.alarms.length === 0) lines.push('  none');
  for (const a of d.alarms) {
    const ack = a.acknowledgedAfter_s === undefined ? 'never acknowledged' : `acknowledged after ${a.acknowledgedAfter_s} s`;
    lines.push(`  ${a.title} (${a.id}): first at ${clock(a.first_h)}, ${a.starts} start${a.starts === 1 ? '' : 's'}, ${ack}`);
  }
  if (d.pendingLabs.length) {
    lines.push('', 'Pending when the session ended:');
    for (const l of d.pendingLabs) lines.push(`  ${l.title}, ordered at ${clock(l.ordered_h)}: no result yet`);
  }
  lines.push('', 'Timeline:');
  for (const e of d.timeline) lines.push(`  ${clock(e.t_h)}  ${e.kind.padEnd(6)} ${e.text}${e.hidden ? ' (hidden from the trainee)' : ''}`);
  return lines.join('\n') + '\n';
}
