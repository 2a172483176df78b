/**
 * A trainee page that follows an instructor's session (`?join=CODE` or `?channel=NAME`) says so in its top bar:
 * connecting, following the session (its code, the trainee's number), or why not (a wrong code, a lost connection,
 * in words). A page with its own engine shows nothing here.
 */
import type { TransportStatus } from '../instructor/transport';
import type { TrainingLink } from './link';

type WithStatus = TrainingLink & { onStatus(cb: (s: TransportStatus) => void): void };

const hasStatus = (link: TrainingLink): link is WithStatus => typeof (link as Partial<WithStatus>).onStatus === 'function';

function statusText(s: TransportStatus): string {
  switch (s.state) {
    case 'connecting':
      return "Connecting to the instructor's session…";
    case 'joined':
      return `Following the instructor's session ${s.code}${s.trainee ? ` as trainee ${s.trainee}` : ''}`;
    case 'error':
      return s.message;
    case 'closed':
      return "Left the instructor's session";
  }
}

/** Call before anything awaits: a link reports its first status on the next microtask. */
export function classroomStatus(link: TrainingLink, host: HTMLElement): void {
  if (!hasStatus(link)) return;
  const line = document.createElement('p');
  line.className = 'classroom-status';
  line.setAttribute('role', 'status');
  line.dataset.testid = 'classroom-status';
  line.dataset.state = 'connecting';
  line.textContent = statusText({ state: 'connecting' });
  host.append(line);
  link.onStatus((s) => {
    line.dataset.state = s.state;
    line.textContent = statusText(s);
  });
}
