/** The trainees in the session: connected or gone, and what each did (their own commands, latest first). */
import type { TraineeCommand } from './wire';
import type { InstructorHub } from './hub';
import { el, section } from './dom';

export function traineesPanel(host: HTMLElement): (hub: InstructorHub) => void {
  const list = el('ul', 'trainees');
  list.dataset.testid = 'trainees';
  section(host, 'Trainees', 'trainees-panel').append(list);
  return (hub) => {
    list.replaceChildren(
      ...[...hub.trainees.values()].map((t) => {
        const li = el('li', t.connected ? 'connected' : 'gone');
        li.dataset.testid = `trainee-${t.number}`;
        li.dataset.connected = String(t.connected);
        li.append(el('strong', undefined, `${t.name ?? `Trainee ${t.number}`} ${t.connected ? '(connected)' : '(left)'}`));
        const done = el('ol', 'trainee-commands');
        done.append(...[...t.commands].reverse().map((c) => el('li', undefined, commandText(c))));
        li.append(done);
        if (t.refused) li.append(el('span', 'refused', ` ${t.refused} refused`));
        return li;
      }),
    );
  };
}

export function commandText(c: TraineeCommand): string {
  switch (c.type) {
    case 'acknowledge':
      return `acknowledged ${c.id}`;
    case 'silence':
      return `silenced ${c.id} for ${c.minutes} min`;
    case 'orderLab':
      return `ordered ${c.lab}`;
    case 'set':
      return `set ${c.path} → ${String(c.value)}`;
    case 'action':
      return `did ${Object.keys(c.action).join(', ')}`;
    case 'note':
      return `noted "${c.text}"`;
  }
}
