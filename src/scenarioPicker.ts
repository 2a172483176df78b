/** Choosing what to simulate: a bundled scenario, or a scenario file from the user's disk. */
import type { Command } from './protocol';
import { BUNDLED_SCENARIOS } from './scenarios';
import { el } from './consoles/panel';

export class ScenarioPicker {
  private readonly select: HTMLSelectElement;
  private readonly name: HTMLElement;

  constructor(
    host: HTMLElement,
    nameHost: HTMLElement,
    private readonly send: (c: Command) => void,
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
    this.select.addEventListener('change', () => this.loadBundled());
    const restart = el('button', undefined, 'Restart');
    restart.type = 'button';
    restart.dataset.testid = 'restart';
    restart.title = 'Start the selected bundled scenario again from 0 h';
    restart.addEventListener('click', () => this.loadBundled());
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
      this.send({ type: 'load', text, source: f.name });
    });
    file.append(input);
    this.name = nameHost;
    host.append(label, restart, file);
  }

  loadBundled(): void {
    const s = BUNDLED_SCENARIOS.find((b) => b.id === this.select.value) ?? BUNDLED_SCENARIOS[0];
    this.send({ type: 'load', text: s.text, source: s.file });
  }

  loaded(name: string, source: string, description: string): void {
    this.name.textContent = `${name} — ${source}`;
    this.name.title = description;
  }
}
