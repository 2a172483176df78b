/** Messages shown in the page: a scenario that did not load (with the loader's validation message), a refused command, an engine stop. */
import { el } from './consoles/panel';
import type { WorkerMessage } from './protocol';

/** The worker messages every page shows the same way. */
export type EngineReport = Extract<WorkerMessage, { type: 'loadError' | 'commandError' | 'engineError' }>;

export class Messages {
  private readonly scenario: HTMLElement;
  private readonly command: HTMLElement;

  constructor(host: HTMLElement) {
    this.scenario = box(host, 'scenario-error', 'msg-error');
    this.command = box(host, 'command-error', 'msg-warn');
  }

  scenarioError(source: string, message: string): void {
    show(this.scenario, `Could not load ${source}. The running simulation continues unchanged.`, message);
  }

  commandError(message: string): void {
    show(this.command, 'The engine refused the command; nothing was changed.', message);
  }

  engineError(message: string): void {
    show(this.command, 'The engine stopped.', message);
  }

  /** The engine's load, command and stop messages, as both the live and the training page show them. */
  report(m: EngineReport): void {
    if (m.type === 'loadError') this.scenarioError(m.source, m.message);
    else if (m.type === 'commandError') this.commandError(m.message);
    else this.engineError(m.message);
  }

  clearScenario(): void {
    this.scenario.hidden = true;
  }

  clearCommand(): void {
    this.command.hidden = true;
  }
}

function box(host: HTMLElement, testId: string, cls: string): HTMLElement {
  const b = el('div', `message ${cls}`);
  b.dataset.testid = testId;
  b.setAttribute('role', 'alert');
  b.hidden = true;
  host.append(b);
  return b;
}

function show(b: HTMLElement, title: string, detail: string): void {
  const close = el('button', 'msg-close', '×');
  close.type = 'button';
  close.title = 'Dismiss';
  close.setAttribute('aria-label', 'Dismiss message');
  close.addEventListener('click', () => (b.hidden = true));
  const pre = el('pre', 'msg-detail', detail);
  b.replaceChildren(close, el('strong', undefined, title), pre);
  b.hidden = false;
}
