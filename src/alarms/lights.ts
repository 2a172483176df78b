/**
 * Each console's status light (red with a high-priority alarm shown, yellow with any other, green without, as
 * PrisMax shows it) and the readouts whose alarm is shown, in that alarm's colour.
 */
import { el } from '../consoles/panel';
import { ALARM_CONSOLES, type AlarmConsoleName, type AlarmPriorityName, type AlarmView, type Snapshot, type StatusLight } from '../protocol';
import { CONSOLE_NAME } from './banner';

/** Each console's panel (its data-testid in src/consoles). */
const PANEL: Record<AlarmConsoleName, string> = { ecmo: 'ecmo-console', crrt: 'crrt-console', heparin: 'heparin-console', monitor: 'patient-monitor' };

/** The readout (data-testid) that shows the value each alarm watches. */
export const ALARM_READOUT: Readonly<Record<string, string>> = {
  drainagePressureLow: 'ecmo-p-drainage',
  flowLow: 'ecmo-flow',
  flowHigh: 'ecmo-flow',
  flowFluctuating: 'ecmo-flow',
  flowSignalLost: 'ecmo-flow',
  postOxygenatorPressureHigh: 'ecmo-p-post-oxygenator',
  oxygenatorDpHigh: 'ecmo-dp-oxygenator',
  oxygenatorDpRising: 'ecmo-dp-oxygenator',
  postOxygenatorSatLow: 'ecmo-post-sat',
  oxygenSupplyLow: 'ecmo-fio2',
  accessPressureLow: 'crrt-p-access',
  accessPressureHigh: 'crrt-p-access',
  returnPressureHigh: 'crrt-p-return',
  returnPressureLow: 'crrt-p-return',
  filterPressureHigh: 'crrt-p-filter',
  tmpHigh: 'crrt-tmp',
  bloodPumpStopped: 'crrt-blood-flow',
  mapLow: 'monitor-map',
  sao2Low: 'monitor-sao2',
  spo2NoPulse: 'monitor-sao2',
  heartRateLow: 'monitor-hr',
  heartRateHigh: 'monitor-hr',
};

/** Each readout in alarm and the highest priority of its shown alarms (the first listed: the worker sorts them). */
export function readoutPriorities(alarms: readonly AlarmView[]): Map<string, AlarmPriorityName> {
  const out = new Map<string, AlarmPriorityName>();
  for (const a of alarms) {
    const r = ALARM_READOUT[a.id];
    if (r && a.status === 'active' && !out.has(r)) out.set(r, a.priority);
  }
  return out;
}

export class StatusLights {
  private readonly lights = new Map<AlarmConsoleName, HTMLElement>();
  private marked = new Map<string, AlarmPriorityName>();
  private readonly shown = new Map<AlarmConsoleName, StatusLight>();

  /** Adds a light to each console's header (the consoles are built before). */
  constructor(private readonly consoles: HTMLElement) {
    for (const c of ALARM_CONSOLES) {
      const head = consoles.querySelector(`[data-testid="${PANEL[c]}"] .device-head h2`);
      if (!head) throw new Error(`no console title in panel "${PANEL[c]}" for its status light`);
      const light = el('span', 'status-light');
      light.dataset.testid = `light-${c}`;
      light.setAttribute('role', 'img');
      head.prepend(light);
      this.lights.set(c, light);
      this.paint(c, 'green');
    }
  }

  update(s: Snapshot): void {
    for (const c of ALARM_CONSOLES) if (this.shown.get(c) !== s.consoleStatus[c]) this.paint(c, s.consoleStatus[c]);
    const now = readoutPriorities(s.alarms);
    for (const [id, p] of this.marked) if (now.get(id) !== p) this.readout(id)?.classList.remove('alarmed', `alarmed-${p}`);
    for (const [id, p] of now) if (this.marked.get(id) !== p) this.readout(id)?.classList.add('alarmed', `alarmed-${p}`);
    this.marked = now;
  }

  private paint(c: AlarmConsoleName, status: StatusLight): void {
    const light = this.lights.get(c)!;
    light.dataset.status = status;
    light.setAttribute('aria-label', `${CONSOLE_NAME[c]} status: ${status}`);
    light.title = light.getAttribute('aria-label')!;
    this.shown.set(c, status);
  }

  private readout(testId: string): HTMLElement | null {
    return this.consoles.querySelector(`[data-testid="${testId}"]`);
  }
}
