/**
 * The device consoles in the trainee's mode: the live page's ECMO, CRRT, heparin pump and bedside monitor, without
 * the readouts no device has (they would only show "—" from traineeView: the labs panel is where those values come
 * from). The console's SvO₂ reads the drainage-line probe (traineeView gives it).
 */
import { CrrtConsole } from '../consoles/crrtConsole';
import { EcmoConsole } from '../consoles/ecmoConsole';
import { HeparinConsole } from '../consoles/heparinConsole';
import { PatientMonitor } from '../consoles/patientMonitor';
import type { ScenarioInfo, SimEventView, Snapshot } from '../protocol';
import type { SessionEntry } from '../../sim/training/sessionLog';
import type { TrainingInfo } from './trainingProtocol';

/** The live page's readouts of values only a lab (or the model) knows. */
export const LAB_ONLY_READOUTS = [
  'ecmo-effective-flow',
  'ecmo-recirculation',
  'crrt-clotted',
  'heparin-level',
  'heparin-aptt-model',
  'monitor-il6',
  'monitor-pct',
  'monitor-crp',
  'monitor-paco2',
  'monitor-albumin',
  'monitor-hct',
] as const;

export function scenarioInfo(info: TrainingInfo): ScenarioInfo {
  return {
    name: info.name,
    description: info.briefing,
    source: `${info.id}.json`,
    duration_h: info.duration_h,
    weight_kg: info.weight_kg,
    hasCircuit: info.hasCircuit,
    hasFilter: info.hasFilter,
  };
}

export class TraineeConsoles {
  private readonly ecmo: EcmoConsole;
  private readonly crrt: CrrtConsole;
  private readonly heparin: HeparinConsole;
  private readonly monitor: PatientMonitor;

  constructor(host: HTMLElement) {
    this.ecmo = new EcmoConsole(host);
    this.crrt = new CrrtConsole(host);
    this.heparin = new HeparinConsole(host);
    this.monitor = new PatientMonitor(host);
    for (const id of LAB_ONLY_READOUTS) {
      const r = host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (r) r.hidden = true;
    }
  }

  loaded(info: TrainingInfo): void {
    const s = scenarioInfo(info);
    this.ecmo.setScenario(s);
    this.crrt.setScenario(s);
    this.heparin.reset();
  }

  /** Device events of the session log (filter changes, the bedside protocol's aPTT results) as the consoles count them. */
  events(entries: readonly SessionEntry[]): void {
    const events: SimEventView[] = entries.filter((e) => e.kind === 'event').map((e) => ({ t_h: e.t_h, type: e.id, reason: e.text, value: e.value }));
    if (!events.length) return;
    this.crrt.events(events);
    this.heparin.events(events);
  }

  update(s: Snapshot): void {
    this.ecmo.update(s);
    this.crrt.update(s);
    this.heparin.update(s);
    this.monitor.update(s);
  }
}
