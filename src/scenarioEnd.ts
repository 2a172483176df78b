/** The end of a scenario: a banner once the run has stopped at the scenario's duration (it no longer runs on). */
import type { ScenarioInfo, Snapshot } from './protocol';
import { fmtClock } from './format';

export class ScenarioEndBanner {
  private name = '';

  constructor(private readonly box: HTMLElement) {}

  setScenario(info: ScenarioInfo): void {
    this.name = info.name;
    this.box.hidden = true;
  }

  update(s: Snapshot): void {
    if (s.ended === !this.box.hidden) return;
    this.box.hidden = !s.ended;
    if (s.ended)
      this.box.textContent = `End of scenario: "${this.name}" ran its full ${fmtClock(s.t_h)} and has stopped. Restart it or choose another scenario.`;
  }
}
