/** Building blocks of the device consoles: a device panel with a title and labelled read-outs with units. */
import { fmt } from '../format';

export interface Readout {
  /** Shows v with `digits` decimals ("—" when it does not exist now); `warn` marks it as out of range. */
  set(v: number | undefined, digits: number, warn?: boolean): void;
  setText(s: string): void;
  setNote(s: string): void;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function devicePanel(host: HTMLElement, title: string, cls: string, testId: string): { body: HTMLElement; status: HTMLElement } {
  const panel = el('section', `device ${cls}`);
  panel.dataset.testid = testId;
  const head = el('header', 'device-head');
  head.append(el('h2', undefined, title));
  const status = el('span', 'device-status');
  head.append(status);
  const body = el('div', 'device-body');
  panel.append(head, body);
  host.append(panel);
  return { body, status };
}

export function readout(parent: HTMLElement, testId: string, label: string, unit: string, size: 'big' | 'small' = 'small'): Readout {
  const box = el('div', `readout ${size}`);
  box.dataset.testid = testId;
  const lab = el('span', 'label', label);
  const value = el('span', 'value', '—');
  const u = el('span', 'unit', unit);
  const note = el('span', 'note');
  box.append(lab, value, u, note);
  parent.append(box);
  let last = '';
  let lastWarn = false;
  return {
    set(v, digits, warn = false) {
      const s = fmt(v, digits);
      if (s !== last) value.textContent = last = s;
      if (warn !== lastWarn) box.classList.toggle('warn', (lastWarn = warn));
    },
    setText(s) {
      if (s !== last) value.textContent = last = s;
    },
    setNote(s) {
      if (note.textContent !== s) note.textContent = s;
    },
  };
}
