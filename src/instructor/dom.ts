/** Small DOM helpers of the instructor page. */
export { el } from '../consoles/panel';
import { el } from '../consoles/panel';

/** A button with a test id. */
export function button(text: string, testId: string, onClick: () => void, cls?: string): HTMLButtonElement {
  const b = el('button', cls, text);
  b.type = 'button';
  b.dataset.testid = testId;
  b.addEventListener('click', onClick);
  return b;
}

/** A titled section of the page. */
export function section(host: HTMLElement, title: string, testId: string): HTMLElement {
  const s = el('section', 'panel');
  s.dataset.testid = testId;
  s.append(el('h2', undefined, title));
  host.append(s);
  return s;
}

/** Simulated time as h:mm:ss. */
export function simClock(t_h: number): string {
  const s = Math.round(t_h * 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
