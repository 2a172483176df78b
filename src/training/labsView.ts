/**
 * The trainee's lab orders as the labs panel shows them, read from the session log: each order ("order:aptt") is
 * pending until its turnaround has passed, then carries the result the session logged ("result:aptt"), matched to
 * the orders of that test first in, first out.
 */
import { LAB_TESTS, type LabName } from '../../sim/training/labs';
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { LabView } from './trainingProtocol';

export function labViews(log: readonly SessionEntry[], turnaround_min: Partial<Record<LabName, number>>): LabView[] {
  const out: LabView[] = [];
  for (const e of log) {
    if (e.kind !== 'lab') continue;
    const [what, name] = e.id.split(':') as [string, LabName];
    if (!(name in LAB_TESTS)) continue;
    if (what === 'order') {
      const due_h = e.t_h + (turnaround_min[name] ?? LAB_TESTS[name].turnaround_min) / 60;
      out.push({ lab: name, title: LAB_TESTS[name].title, ordered_h: e.t_h, due_h });
    } else if (what === 'result') {
      const order = out.find((o) => o.lab === name && o.result === undefined);
      if (order) order.result = e.text;
    }
  }
  return out;
}
