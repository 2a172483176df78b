/**
 * The scenario picker and the briefing: the twelve training scenarios by name, and for the one loaded its briefing
 * and objectives, shown before the session starts (with Start), kept folded away while it runs.
 */
import { el } from '../consoles/panel';
import { fmtClock } from '../format';
import { TRAINING_SCENARIOS } from './trainingScenarios';
import type { TrainingInfo } from './trainingProtocol';

/** A bundled file's name, read from its text without loading it (the engine loads it). */
function fileName(text: string, id: string): string {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' ? name.replace(/^Training: /, '') : id;
  } catch {
    return id;
  }
}

export class BriefingPanel {
  private readonly select: HTMLSelectElement;
  private readonly details: HTMLDetailsElement;
  private readonly title: HTMLElement;
  private readonly text: HTMLElement;
  private readonly objectives: HTMLOListElement;
  private readonly start: HTMLButtonElement;

  /** the loaded scenario's id ('' before any): where the picker goes back to when a change is cancelled */
  private current = '';

  /** `load` returns false when the change was cancelled (a session in progress kept). */
  constructor(bar: HTMLElement, host: HTMLElement, load: (id: string) => boolean, start: () => void) {
    this.select = el('select');
    this.select.dataset.testid = 'training-picker';
    this.select.setAttribute('aria-label', 'Training scenario');
    this.select.append(new Option('Choose a training scenario…', ''));
    for (const t of TRAINING_SCENARIOS) this.select.append(new Option(fileName(t.text, t.id), t.id));
    this.select.addEventListener('change', () => {
      if (this.select.value && !load(this.select.value)) this.select.value = this.current;
    });
    bar.append(this.select);
    this.details = el('details', 'briefing');
    this.details.dataset.testid = 'briefing';
    const summary = el('summary');
    this.title = el('span', undefined, 'Choose a training scenario to read its briefing.');
    summary.append(this.title);
    this.text = el('p', 'briefing-text');
    this.objectives = el('ol', 'briefing-objectives');
    this.start = el('button', 'start', '▶ Start the session');
    this.start.type = 'button';
    this.start.dataset.testid = 'training-start';
    this.start.hidden = true;
    this.start.addEventListener('click', start);
    this.details.append(summary, this.text, el('h3', undefined, 'Objectives'), this.objectives, this.start);
    this.details.open = true;
    host.append(this.details);
  }

  /** A loaded training: its briefing open, with Start (not for a resumed session, which goes on where it was). */
  loaded(info: TrainingInfo, resumed: boolean): void {
    this.select.value = this.current = info.id;
    this.title.textContent = `Briefing: ${info.name.replace(/^Training: /, '')} (${fmtClock(info.duration_h)})`;
    this.text.textContent = info.briefing;
    this.objectives.replaceChildren(...info.objectives.map((o) => el('li', undefined, o.text)));
    this.start.hidden = resumed;
    this.details.open = !resumed;
  }

  /** The session runs: the briefing folds away (a click opens it again). */
  started(): void {
    if (this.start.hidden) return;
    this.start.hidden = true;
    this.details.open = false;
  }
}
