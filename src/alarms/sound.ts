/**
 * The alarm sound: one Web Audio pattern per IEC 60601-1-8 priority, repeated while an alarm of that priority is
 * audible (shown, not acknowledged, not silenced). High: a burst of 10 pulses (3 + 2, 3 + 2); medium: 3 pulses;
 * low: 2 pulses. Only the highest audible priority sounds. Silent while the run is paused or ended, and when muted
 * (the mute is kept in localStorage). The pitches and repeat intervals are within IEC 60601-1-8's ranges (pulse
 * frequency 150–1000 Hz; burst repeat 2.5–15 s high, 2.5–30 s medium, > 15 s low) — chosen, not measured.
 */
import { el } from '../consoles/panel';
import type { AlarmPriorityName, AlarmView, Snapshot } from '../protocol';

interface Pattern {
  /** Pulse onsets within the burst (s). */
  pulses: readonly number[];
  pulse_s: number;
  hz: number;
  repeat_s: number;
}

export const PATTERNS: Record<AlarmPriorityName, Pattern> = {
  high: { pulses: [0, 0.2, 0.4, 0.8, 1.0, 1.6, 1.8, 2.0, 2.4, 2.6], pulse_s: 0.15, hz: 880, repeat_s: 6 },
  medium: { pulses: [0, 0.25, 0.5], pulse_s: 0.2, hz: 660, repeat_s: 10 },
  low: { pulses: [0, 0.3], pulse_s: 0.25, hz: 520, repeat_s: 20 },
};

const MUTE_KEY = 'ecmo-sim.alarm-mute';

/** The priority that sounds now: the highest audible one, none while paused, ended or muted. */
export function soundingPriority(alarms: readonly AlarmView[], running: boolean, muted: boolean): AlarmPriorityName | null {
  if (!running || muted) return null;
  return alarms.find((a) => a.audible)?.priority ?? null;
}

export class AlarmSound {
  private muted: boolean;
  private sounding: AlarmPriorityName | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private ctx: AudioContext | undefined;
  private readonly toggle: HTMLButtonElement;
  private last: Snapshot | undefined;

  constructor(host: HTMLElement) {
    this.muted = readMute();
    this.toggle = el('button', 'alarm-mute');
    this.toggle.type = 'button';
    this.toggle.dataset.testid = 'alarm-mute';
    this.toggle.addEventListener('click', () => this.setMuted(!this.muted));
    host.append(this.toggle);
    this.label();
    // browsers start audio only after a gesture on the page
    document.addEventListener('pointerdown', () => void this.ctx?.resume().catch(() => undefined));
  }

  update(s: Snapshot): void {
    this.last = s;
    const p = soundingPriority(s.alarms, s.running && !s.ended, this.muted);
    this.toggle.dataset.sounding = p ?? 'none';
    if (p === this.sounding) return;
    this.sounding = p;
    clearInterval(this.timer);
    this.timer = undefined;
    if (!p) return;
    this.burst(PATTERNS[p]);
    this.timer = setInterval(() => this.burst(PATTERNS[p]), PATTERNS[p].repeat_s * 1000);
  }

  private setMuted(muted: boolean): void {
    this.muted = muted;
    try {
      localStorage.setItem(MUTE_KEY, String(muted));
    } catch {
      // storage refused (private mode): the mute holds for this page only
    }
    this.label();
    if (this.last) this.update(this.last);
  }

  private label(): void {
    this.toggle.textContent = this.muted ? 'Alarm sound: off' : 'Alarm sound: on';
    this.toggle.setAttribute('aria-pressed', String(this.muted));
    this.toggle.setAttribute('aria-label', 'Mute alarm sound');
  }

  /** One burst of the pattern's pulses, scheduled on the audio clock. */
  private burst(p: Pattern): void {
    const ctx = this.audio();
    if (!ctx) return;
    const t0 = ctx.currentTime + 0.02;
    for (const onset of p.pulses) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'triangle';
      osc.frequency.value = p.hz;
      const a = t0 + onset;
      gain.gain.setValueAtTime(0, a);
      gain.gain.linearRampToValueAtTime(0.2, a + 0.015);
      gain.gain.setValueAtTime(0.2, a + p.pulse_s - 0.02);
      gain.gain.linearRampToValueAtTime(0, a + p.pulse_s);
      osc.connect(gain).connect(ctx.destination);
      osc.start(a);
      osc.stop(a + p.pulse_s + 0.01);
    }
  }

  private audio(): AudioContext | undefined {
    if (!this.ctx && typeof AudioContext !== 'undefined') {
      try {
        this.ctx = new AudioContext();
      } catch {
        return undefined; // no audio device: the banner and lights still show the alarm
      }
    }
    return this.ctx;
  }
}

function readMute(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === 'true';
  } catch {
    return false;
  }
}
