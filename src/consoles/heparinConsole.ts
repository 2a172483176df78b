/** The heparin syringe pump: rate, titration mode and target, and the last aPTT the lab reported (from the events). */
import type { SimEventView, Snapshot } from '../protocol';
import { fmt } from '../format';
import { devicePanel, el, readout } from './panel';

export class HeparinConsole {
  private readonly r: ReturnType<typeof readouts>;
  private readonly mode: HTMLElement;
  private lastAptt?: { t_h: number; aptt_s: number; type: string };

  constructor(host: HTMLElement) {
    const { body } = devicePanel(host, 'Heparin pump', 'heparin', 'heparin-console');
    const grid = el('div', 'grid2');
    this.mode = el('p', 'mode');
    body.append(grid, this.mode);
    this.r = readouts(grid);
  }

  reset(): void {
    this.lastAptt = undefined;
  }

  events(events: SimEventView[]): void {
    for (const e of events) {
      if (e.type !== 'aptt_check' && e.type !== 'heparin_titration') continue;
      if (e.value !== undefined) this.lastAptt = { t_h: e.t_h, aptt_s: e.value, type: e.type };
    }
  }

  update(s: Snapshot): void {
    const o = s.obs;
    const [lo, hi] = s.settings.apttTarget_s;
    this.r.rate.set(o.heparin_infusion_U_h, 0);
    this.r.level.set(o.heparin_U_mL, 2);
    this.r.apttNow.set(o.aptt_s, 0, o.aptt_s < lo || o.aptt_s > hi);
    const last = this.lastAptt;
    this.r.aptt.set(last?.aptt_s, 0, last !== undefined && (last.aptt_s < lo || last.aptt_s > hi));
    this.r.aptt.setNote(last ? `at ${fmt(last.t_h, 1)} h` : 'no check yet');
    this.mode.textContent = s.settings.heparinTitrate ? `Titrating to aPTT ${fmt(lo, 0)}–${fmt(hi, 0)} s` : 'Fixed rate (no titration)';
  }
}

function readouts(grid: HTMLElement) {
  return {
    rate: readout(grid, 'heparin-rate', 'Infusion', 'U/h'),
    aptt: readout(grid, 'heparin-last-aptt', 'Last aPTT', 's'),
    level: readout(grid, 'heparin-level', 'Plasma heparin', 'U/mL'),
    apttNow: readout(grid, 'heparin-aptt-model', 'aPTT now', 's'),
  };
}
