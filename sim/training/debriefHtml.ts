/**
 * The debrief as a printable HTML page: objectives, alarms, the timeline, and each trend channel as a small SVG
 * chart with the faults (red), alarms (amber) and the trainee's actions (blue) marked at their times.
 */
import { clock, type Debrief } from './debrief.js';
import { SERIES } from '../engine/observe.js';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const W = 640;
const H = 110;
const MARK: Record<string, string> = { fault: '#c62828', alarm: '#b26a00', action: '#1565c0' };

function chart(d: Debrief, column: number): string {
  const rows = d.trends.rows.filter((r) => Number.isFinite(r[column]));
  if (rows.length < 2) return '';
  const t1 = Math.max(d.duration_h, rows.at(-1)![0]);
  const values = rows.map((r) => r[column]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1];
  const x = (t: number) => (40 + ((W - 50) * t) / t1).toFixed(1);
  const y = (v: number) => (10 + ((H - 30) * (hi - v)) / (hi - lo)).toFixed(1);
  const line = rows.map((r) => `${x(r[0])},${y(r[column])}`).join(' ');
  const marks = d.timeline
    .filter((e) => MARK[e.kind] && (e.kind !== 'alarm' || e.id.endsWith(':start')))
    .map(
      (e) =>
        `<line x1="${x(e.t_h)}" x2="${x(e.t_h)}" y1="8" y2="${H - 18}" stroke="${MARK[e.kind]}" stroke-width="1" opacity="0.7"><title>${esc(`${clock(e.t_h)} ${e.text}`)}</title></line>`,
    )
    .join('');
  const name = d.trends.channels[column - 1];
  const unit = SERIES[name]?.[0] ?? '';
  return `<figure><figcaption>${esc(SERIES[name]?.[1] ?? name)} (${esc(unit)})</figcaption><svg width="${W}" height="${H}" role="img" aria-label="${esc(name)}">
<text x="2" y="14" font-size="10">${+hi.toPrecision(3)}</text><text x="2" y="${H - 20}" font-size="10">${+lo.toPrecision(3)}</text>
<text x="40" y="${H - 4}" font-size="10">00:00</text><text x="${W - 50}" y="${H - 4}" font-size="10">${clock(t1)}</text>
${marks}<polyline fill="none" stroke="#222" stroke-width="1.5" points="${line}"/></svg></figure>`;
}

export function debriefHtml(d: Debrief): string {
  const objectives = d.objectives
    .map((o) => `<tr class="${o.met ? 'met' : 'missed'}"><td>${o.met ? '✓ met' : '✗ missed'}</td><td>${esc(o.text)}</td><td>${esc(o.why)}</td></tr>`)
    .join('\n');
  const alarms = d.alarms
    .map(
      (a) =>
        `<tr><td>${esc(a.title)}</td><td>${clock(a.first_h)}</td><td>${a.starts}</td><td>${a.acknowledgedAfter_s === undefined ? 'never' : `${a.acknowledgedAfter_s} s`}</td></tr>`,
    )
    .join('\n');
  const timeline = d.timeline
    .map(
      (e) =>
        `<tr class="${e.kind}"><td>${clock(e.t_h)}</td><td>${e.kind}</td><td>${esc(e.text)}${e.hidden ? ' <em>(hidden from the trainee)</em>' : ''}</td></tr>`,
    )
    .join('\n');
  const charts = d.trends.channels.map((_, i) => chart(d, i + 1)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Debrief: ${esc(d.scenario)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
tr.met td:first-child{color:#2e7d32}tr.missed td:first-child{color:#c62828}tr.fault td{color:#c62828}tr.alarm td{color:#8a5300}figure{margin:0.5em 0;break-inside:avoid}figcaption{font-size:12px}
@media print{body{margin:0}}</style></head><body>
<h1>Debrief: ${esc(d.scenario)}</h1>
<p>${esc(d.briefing)}</p>
<h2>Objectives: ${d.met} of ${d.objectives.length} met</h2>
<table><tr><th>Result</th><th>Objective</th><th>Why</th></tr>
${objectives}</table>
<h2>Alarms</h2>
<table><tr><th>Alarm</th><th>First</th><th>Starts</th><th>Acknowledged after</th></tr>
${alarms || '<tr><td colspan="4">none</td></tr>'}</table>
<h2>Trends</h2>
<p>Marks: <span style="color:${MARK.fault}">faults</span>, <span style="color:${MARK.alarm}">alarms</span>, <span style="color:${MARK.action}">actions</span>.</p>
${charts}
<h2>Timeline</h2>
<table><tr><th>Time</th><th>Kind</th><th>What</th></tr>
${timeline}</table>
<p><small>A training tool, not a clinical decision aid.</small></p>
</body></html>
`;
}
