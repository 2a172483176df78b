/**
 * The fault panel: every row of the fault catalogue (sim/faults/catalogue.ts) with its console, its severity (unit,
 * range, default), sudden or gradual (and over how long), hidden or announced, and Inject / Clear. A fault a model
 * performs once (a clot, a thrombus, air) cannot be cleared from here: its remedy is named instead.
 */
import { FAULTS } from '../../sim/faults/catalogue';
import type { FaultRow } from '../../sim/faults/faultRow';
import { faultProblem } from '../../sim/faults/faultAction';
import type { TrainingCommand } from '../training/trainingProtocol';
import { button, el, section } from './dom';

export function faultPanel(host: HTMLElement, send: (c: TrainingCommand) => void, say: (text: string, error?: boolean) => void): void {
  const panel = section(host, 'Faults', 'fault-panel');
  const list = el('div', 'fault-list');
  panel.append(list);
  for (const row of FAULTS) list.append(faultRowView(row, send, say));
}

function faultRowView(row: FaultRow, send: (c: TrainingCommand) => void, say: (text: string, error?: boolean) => void): HTMLElement {
  const box = el('div', 'fault');
  box.dataset.testid = `fault-${row.id}`;
  const head = el('div', 'fault-head');
  head.append(el('strong', undefined, row.title), el('span', 'fault-meta', ` ${row.id} · ${row.console}`));
  box.append(head);
  const controls = el('div', 'fault-controls');
  let severity: HTMLInputElement | undefined;
  if (row.severity) {
    const s = row.severity;
    severity = el('input');
    Object.assign(severity, { type: 'number', min: String(s.limits[0]), max: String(s.limits[1]), step: 'any', value: String(s.default) });
    severity.title = `${s.description}, ${s.limits[0]}–${s.limits[1]} ${s.unit}`;
    severity.dataset.testid = `fault-${row.id}-severity`;
    controls.append(labelled(`${s.description} (${s.unit})`, severity));
  }
  const onset = el('select');
  onset.dataset.testid = `fault-${row.id}-onset`;
  onset.append(new Option('sudden', 'sudden'), ...(row.gradual ? [new Option('gradual', 'gradual')] : []));
  const over = el('input');
  Object.assign(over, { type: 'number', min: '0', step: 'any', value: '5', disabled: true });
  over.dataset.testid = `fault-${row.id}-over`;
  onset.addEventListener('change', () => (over.disabled = onset.value !== 'gradual'));
  const hidden = el('input');
  Object.assign(hidden, { type: 'checkbox', checked: row.hidden });
  hidden.dataset.testid = `fault-${row.id}-hidden`;
  controls.append(labelled('onset', onset), labelled('over (min)', over), labelled('hidden from the trainee', hidden));
  const inject = (): void => {
    const value = severity ? Number(severity.value) : (row.severity?.default ?? 1);
    const options = {
      // a fault that is on or off has no severity (the engine refuses one)
      ...(row.severity ? { severity: value } : {}),
      onset: onset.value as 'sudden' | 'gradual',
      ...(onset.value === 'gradual' ? { over_min: Number(over.value) } : {}),
      hidden: hidden.checked,
    };
    const problem = faultProblem(row, value, options);
    if (problem) return say(`${row.title}: ${problem}`, true);
    send({ type: 'injectFault', kind: row.id, options });
    say(`Injected: ${row.title}${hidden.checked ? ' (hidden)' : ' (announced)'}`);
  };
  controls.append(button('Inject', `fault-${row.id}-inject`, inject));
  if ('setting' in row.change) {
    controls.append(button('Clear', `fault-${row.id}-clear`, () => (send({ type: 'clearFault', kind: row.id }), say(`Cleared: ${row.title}`))));
  } else controls.append(el('span', 'fault-undo', `remedy: ${row.change.undo}`));
  box.append(controls);
  return box;
}

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const l = el('label', 'field');
  l.append(el('span', undefined, text), control);
  return l;
}
