/** The objectives as the session judges them now: met, missed or pending, with the session's reason. */
import { el } from '../consoles/panel';
import type { ObjectiveView, TrainingInfo } from './trainingProtocol';

const MARK = { met: '✓ met', missed: '✗ missed', pending: '… pending' } as const;

export class ObjectivesPanel {
  private readonly list: HTMLOListElement;
  private shown = '';

  constructor(host: HTMLElement) {
    const box = el('section', 'objectives-panel');
    box.setAttribute('aria-label', 'Objectives');
    box.append(el('h2', undefined, 'Objectives'));
    this.list = el('ol', 'objectives');
    this.list.dataset.testid = 'objectives';
    box.append(this.list);
    host.append(box);
  }

  loaded(info: TrainingInfo): void {
    this.draw(info.objectives.map((o) => ({ ...o, met: false, why: '', state: 'pending' as const })));
  }

  update(objectives: readonly ObjectiveView[]): void {
    this.draw(objectives);
  }

  private draw(objectives: readonly Pick<ObjectiveView, 'id' | 'text' | 'state' | 'why'>[]): void {
    const key = objectives.map((o) => `${o.id}:${o.state}:${o.state === 'pending' ? '' : o.why}`).join('|');
    if (key === this.shown) return;
    this.shown = key;
    this.list.replaceChildren(
      ...objectives.map((o) => {
        const li = el('li', `objective ${o.state}`);
        li.dataset.testid = `objective-${o.id}`;
        li.dataset.state = o.state;
        li.append(el('span', 'objective-state', MARK[o.state]), el('span', 'objective-text', o.text));
        if (o.state !== 'pending' && o.why) li.append(el('span', 'objective-why', o.why));
        return li;
      }),
    );
  }
}
