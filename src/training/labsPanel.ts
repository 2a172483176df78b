/**
 * The labs the trainee orders (blood gas, aPTT, anti-Xa, IL-6/PCT/CRP, free hemoglobin...): one button per test
 * with its turnaround, and each order pending with the time its result is due, then the result.
 */
import { el } from '../consoles/panel';
import { clock } from '../../sim/training/debrief';
import type { LabName } from '../../sim/training/labs';
import type { LabView, TrainingInfo } from './trainingProtocol';

export class LabsPanel {
  private readonly buttons: HTMLElement;
  private readonly list: HTMLOListElement;
  private shown = '';

  constructor(
    host: HTMLElement,
    private readonly order: (lab: LabName) => void,
  ) {
    const box = el('section', 'labs-panel');
    box.setAttribute('aria-label', 'Laboratory');
    box.append(el('h2', undefined, 'Labs'));
    this.buttons = el('div', 'button-row lab-orders');
    this.list = el('ol', 'lab-results');
    this.list.dataset.testid = 'lab-results';
    this.list.setAttribute('aria-live', 'polite');
    box.append(this.buttons, this.list);
    host.append(box);
  }

  loaded(info: TrainingInfo): void {
    this.buttons.replaceChildren(
      ...info.labs.map((l) => {
        const b = el('button', 'lab-order', l.title);
        b.type = 'button';
        b.dataset.testid = `order-${l.lab}`;
        b.title = `Order ${l.title}: result after ${l.turnaround_min} min`;
        b.addEventListener('click', () => this.order(l.lab));
        return b;
      }),
    );
    this.shown = '';
    this.update([]);
  }

  update(labs: readonly LabView[]): void {
    const key = labs.map((l) => `${l.lab}${l.ordered_h}${l.result ?? ''}`).join('|');
    if (key === this.shown) return;
    this.shown = key;
    const rows = [...labs].reverse().map((l) => {
      const li = el('li', `lab ${l.result ? 'arrived' : 'pending'}`);
      li.dataset.testid = `lab-${l.lab}`;
      li.dataset.state = l.result ? 'arrived' : 'pending';
      li.append(el('span', 'lab-time', clock(l.result ? l.due_h : l.ordered_h)));
      li.append(el('span', 'lab-text', l.result ?? `${l.title}: ordered, due at ${clock(l.due_h)}`));
      return li;
    });
    this.list.replaceChildren(...(rows.length ? rows : [el('li', 'lab none', 'No labs ordered.')]));
  }
}
