/** Run and pause, the speed (1× is real time), the simulated clock, and End (the session ends with its debrief). */
import { el } from '../consoles/panel';
import { clock } from '../../sim/training/debrief';
import { SPEEDS } from '../protocol';
import type { TrainingCommand, TrainingSnapshot } from './trainingProtocol';

export class TrainingPlayback {
  private readonly run: HTMLButtonElement;
  private readonly end: HTMLButtonElement;
  private readonly speed: HTMLSelectElement;
  private readonly clockBox: HTMLElement;
  private running = false;

  constructor(host: HTMLElement, send: (c: TrainingCommand) => void) {
    this.run = el('button', undefined, '▶ Run');
    this.run.type = 'button';
    this.run.dataset.testid = 'run-pause';
    this.run.addEventListener('click', () => send({ type: this.running ? 'pause' : 'run' }));
    this.speed = el('select');
    this.speed.dataset.testid = 'speed';
    this.speed.setAttribute('aria-label', 'Simulation speed');
    for (const s of SPEEDS) this.speed.append(new Option(`${s}×`, String(s)));
    this.speed.addEventListener('change', () => send({ type: 'speed', speed: Number(this.speed.value) as (typeof SPEEDS)[number] }));
    this.clockBox = el('span', 'clock');
    this.clockBox.dataset.testid = 'sim-time';
    this.end = el('button', 'danger', 'End session');
    this.end.type = 'button';
    this.end.dataset.testid = 'end-session';
    this.end.addEventListener('click', () => {
      if (window.confirm('End the session now and see the debrief?')) send({ type: 'end' });
    });
    host.append(this.run, this.speed, this.clockBox, this.end);
    this.enable(false);
  }

  enable(on: boolean): void {
    this.run.disabled = this.end.disabled = this.speed.disabled = !on;
  }

  update(s: TrainingSnapshot): void {
    this.running = s.running;
    this.run.textContent = s.running ? '❚❚ Pause' : '▶ Run';
    this.run.setAttribute('aria-pressed', String(s.running));
    if (this.speed.value !== String(s.speed)) this.speed.value = String(s.speed);
    const text = clock(s.t_h);
    if (this.clockBox.textContent !== text) this.clockBox.textContent = text;
    this.clockBox.dataset.hours = s.t_h.toFixed(5);
    if (s.ended) this.enable(false);
  }
}
