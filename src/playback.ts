/** Run, pause, step and speed, the simulated clock, and the keyboard shortcuts for them. */
import { SPEEDS, STEP_h, type Command, type Snapshot, type Speed } from './protocol';
import { fmtClock } from './format';
import { el } from './consoles/panel';

export const SHORTCUTS: readonly [string, string][] = [
  ['Space', 'run / pause'],
  ['1–5', `speed ${SPEEDS.map((s) => `${s}×`).join(', ')}`],
  ['S', `step ${STEP_h * 60} min`],
];

export class Playback {
  private readonly runButton: HTMLButtonElement;
  private readonly speedButtons = new Map<Speed, HTMLButtonElement>();
  private readonly clock: HTMLElement;
  private running = false;
  private speed: Speed = 60;

  constructor(
    host: HTMLElement,
    private readonly send: (c: Command) => void,
  ) {
    this.runButton = button('▶ Run', 'run-pause', () => this.toggle());
    const step = button(`Step +${STEP_h * 60} min`, 'step', () => this.send({ type: 'step' }));
    const speeds = el('div', 'speeds');
    speeds.setAttribute('role', 'group');
    speeds.setAttribute('aria-label', 'Simulation speed');
    for (const s of SPEEDS) {
      const b = button(`${s}×`, `speed-${s}`, () => this.setSpeed(s));
      b.title = `${s} simulated seconds per real second`;
      this.speedButtons.set(s, b);
      speeds.append(b);
    }
    this.clock = el('div', 'clock');
    this.clock.dataset.testid = 'sim-time';
    host.append(this.runButton, step, speeds, this.clock);
    document.addEventListener('keydown', (e) => this.key(e));
  }

  update(s: Snapshot): void {
    this.running = s.running;
    this.speed = s.speed;
    this.runButton.textContent = s.running ? '❚❚ Pause' : '▶ Run';
    this.runButton.setAttribute('aria-pressed', String(s.running));
    for (const [sp, b] of this.speedButtons) b.setAttribute('aria-pressed', String(sp === s.speed));
    const text = `t = ${fmtClock(s.t_h)}`;
    if (this.clock.textContent !== text) this.clock.textContent = text;
    this.clock.dataset.hours = s.t_h.toFixed(4);
    this.clock.classList.toggle('paused', !s.running);
  }

  private toggle(): void {
    this.send({ type: this.running ? 'pause' : 'run' });
  }

  private setSpeed(s: Speed): void {
    this.send({ type: 'speed', speed: s });
  }

  private key(e: KeyboardEvent): void {
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' || e.code === 'Space') {
      e.preventDefault(); // a focused button must not also be clicked
      this.toggle();
    } else if (e.key >= '1' && e.key <= String(SPEEDS.length)) {
      this.setSpeed(SPEEDS[Number(e.key) - 1]);
    } else if (e.key === 's' || e.key === 'S') {
      this.send({ type: 'step' });
    }
  }
}

function button(text: string, testId: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', undefined, text);
  b.type = 'button';
  b.dataset.testid = testId;
  b.addEventListener('click', onClick);
  return b;
}
