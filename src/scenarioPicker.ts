/**
 * Choosing what to simulate: a bundled scenario, or a scenario file from the user's disk. Restart and a scenario
 * change ask first when they would discard a session (simulated time run, or events logged).
 */
import { confirmDiscard } from './confirm';
import type { Command } from './protocol';
import { BUNDLED_SCENARIOS } from './scenarios';
import { el } from './consoles/panel';

export class ScenarioPicker {
  private readonly select: HTMLSelectElement;
  private readonly name: HTMLElement;
  /** the bundled scenario loaded last (the picker goes back to it when a change is cancelled) */
  private current = '';

  constructor(
    host: HTMLElement,
    nameHost: HTMLElement,
    private readonly send: (c: Command) => void,
    /** what the session holds now, e.g. "2 h 10 min and 14 events"; undefined when there is nothing to lose */
    private readonly session: () => string | undefined,
  ) {
    const label = el('label', 'picker');
    label.append('Scenario ');
    this.select = el('select');
    this.select.dataset.testid = 'scenario-picker';
    for (const s of BUNDLED_SCENARIOS) {
      const o = el('option', undefined, s.label);
      o.value = s.id;
      this.select.append(o);
    }
    label.append(this.select);
    this.select.addEventListener('change', () => void this.change('Change scenario?', 'Load it'));
    const restart = el('button', undefined, 'Restart');
    restart.type = 'button';
    restart.dataset.testid = 'restart';
    restart.title = 'Start the selected bundled scenario again from 0 h';
    restart.addEventListener('click', () => void this.change('Restart the scenario?', 'Restart'));
    const file = el('label', 'file-button');
    file.append('Open file…');
    const input = el('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.dataset.testid = 'scenario-file';
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (!f) return;
      const text = await f.text();
      input.value = '';
      // a file that does not load leaves the session as it was, but one that does replaces it
      if (await this.mayDiscard('Open another scenario?', `Open ${f.name}`)) this.send({ type: 'load', text, source: f.name });
    });
    file.append(input);
    this.name = nameHost;
    host.append(label, restart, file);
  }

  loadBundled(): void {
    const s = BUNDLED_SCENARIOS.find((b) => b.id === this.select.value) ?? BUNDLED_SCENARIOS[0];
    this.current = s.id;
    this.send({ type: 'load', text: s.text, source: s.file });
  }

  /** Loads the selected scenario once the user agrees to discard the session; a cancel puts the picker back. */
  private async change(title: string, ok: string): Promise<void> {
    if (await this.mayDiscard(title, ok)) this.loadBundled();
    else this.select.value = this.current;
  }

  private async mayDiscard(title: string, ok: string): Promise<boolean> {
    const held = this.session();
    if (held === undefined) return true;
    return confirmDiscard({ title, ok, detail: `This discards the running session (${held}): its trends, settings and event log.` });
  }

  loaded(name: string, source: string, description: string): void {
    this.name.textContent = `${name} — ${source}`;
    this.name.title = description;
  }
}
