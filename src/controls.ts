/**
 * The operator's controls: every live setting with its unit (pump speed, sweep gas, FiO2, filter blood flow,
 * dose, predilution, net ultrafiltration, heparin rate), the protocols switched on or off (the sweep titration), the
 * clamps, change filter now, a heparin bolus and the training faults. Values are sent as text with their unit; the
 * engine checks them and says why it refuses one.
 */
import { CLAMPS, FLAGS, SETTINGS, type ClampPath, type Command, type FlagPath, type ScenarioInfo, type SettingPath, type Snapshot } from './protocol';
import { el } from './consoles/panel';

interface SettingRow {
  path: SettingPath;
  form: HTMLFormElement;
  input: HTMLInputElement;
}

export class Controls {
  private readonly rows: SettingRow[] = [];
  private readonly clampButtons = new Map<ClampPath, HTMLButtonElement>();
  private readonly flagButtons = new Map<FlagPath, HTMLButtonElement>();
  private flagState: Record<FlagPath, boolean> | undefined;
  private readonly changeFilter: HTMLButtonElement;
  private readonly changeOxygenator: HTMLButtonElement;
  private readonly changeCircuit: HTMLButtonElement;
  private readonly changeConsole: HTMLButtonElement;
  private readonly changePumpHead: HTMLButtonElement;
  private readonly faultButtons: HTMLButtonElement[] = [];
  private readonly lastShown = new Map<SettingPath, string>();
  private clampState: Record<ClampPath, boolean> | undefined;

  constructor(
    host: HTMLElement,
    private readonly send: (c: Command) => void,
  ) {
    const settings = el('div', 'settings');
    for (const path of Object.keys(SETTINGS) as SettingPath[]) settings.append(this.settingRow(path));
    const flags = el('div', 'button-row flags');
    flags.append(el('span', 'row-label', 'Titrate'));
    for (const [path, spec] of Object.entries(FLAGS) as [FlagPath, (typeof FLAGS)[FlagPath]][]) {
      const b = el('button', 'flag', spec.label);
      b.type = 'button';
      b.title = spec.title;
      b.dataset.testid = `flag-${path.split('.').at(-2)}`;
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => this.send({ type: 'set', path, value: !(this.flagState?.[path] ?? false) }));
      this.flagButtons.set(path, b);
      flags.append(b);
    }
    const clamps = el('div', 'button-row clamps');
    clamps.append(el('span', 'row-label', 'Clamps'));
    for (const [path, label] of Object.entries(CLAMPS) as [ClampPath, string][]) {
      const b = el('button', 'clamp', label);
      b.type = 'button';
      b.dataset.testid = `clamp-${path.split('.')[2]}`;
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => this.send({ type: 'set', path, value: !(this.clampState?.[path] ?? false) }));
      this.clampButtons.set(path, b);
      clamps.append(b);
    }
    const actions = el('div', 'button-row actions');
    /** A device change's button: "Change filter now" sends changeFilter, its test id change-filter. */
    const change = (
      device: 'filter' | 'oxygenator' | 'circuit' | 'console' | 'pump head',
      type: 'changeFilter' | 'changeOxygenator' | 'changeCircuit' | 'changeConsole' | 'changePumpHead',
    ) => {
      const b = el('button', 'danger', `Change ${device} now`);
      b.type = 'button';
      b.dataset.testid = `change-${device.replace(' ', '-')}`;
      b.addEventListener('click', () => this.send({ type }));
      return b;
    };
    this.changeFilter = change('filter', 'changeFilter');
    this.changeOxygenator = change('oxygenator', 'changeOxygenator');
    this.changeCircuit = change('circuit', 'changeCircuit');
    this.changeConsole = change('console', 'changeConsole');
    this.changePumpHead = change('pump head', 'changePumpHead');
    const bolus = el('form', 'bolus');
    bolus.noValidate = true;
    const bolusInput = el('input');
    bolusInput.type = 'number';
    bolusInput.min = '0';
    bolusInput.step = '500';
    bolusInput.value = '4000';
    bolusInput.setAttribute('aria-label', 'Heparin bolus (U)');
    bolusInput.dataset.testid = 'heparin-bolus-units';
    const bolusButton = el('button', undefined, 'Heparin bolus');
    bolusButton.type = 'submit';
    bolusButton.dataset.testid = 'heparin-bolus';
    bolus.append(bolusButton, bolusInput, el('span', 'unit', 'U'));
    bolus.addEventListener('submit', (e) => {
      e.preventDefault();
      const u = Number(bolusInput.value);
      if (Number.isFinite(u) && u > 0) this.send({ type: 'heparinBolus', units: u });
    });
    actions.append(this.changeFilter, this.changeOxygenator, this.changeCircuit, this.changeConsole, this.changePumpHead, bolus);
    const faults = el('div', 'button-row faults');
    faults.append(el('span', 'row-label', 'Faults'));
    const fault = (label: string, testId: string, f: { filterClot?: number; oxygenatorThrombus?: number }) => {
      const b = el('button', undefined, label);
      b.type = 'button';
      b.dataset.testid = testId;
      b.addEventListener('click', () => this.send({ type: 'fault', fault: f }));
      this.faultButtons.push(b);
      faults.append(b);
    };
    fault('Clot 60 % of filter', 'fault-filter-clot', { filterClot: 0.6 });
    fault('Oxygenator thrombus +100 %', 'fault-oxygenator', { oxygenatorThrombus: 1 });
    host.append(settings, flags, clamps, actions, faults);
  }

  setScenario(info: ScenarioInfo): void {
    for (const r of this.rows) {
      const section = SETTINGS[r.path].section;
      const off = (section === 'circuit' && !info.hasCircuit) || (section === 'filter' && !info.hasFilter);
      r.form.classList.toggle('disabled', off);
      r.form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button').forEach((c) => (c.disabled = off));
    }
    for (const [path, b] of this.flagButtons) b.disabled = FLAGS[path].section === 'circuit' && !info.hasCircuit;
    for (const [path, b] of this.clampButtons) b.disabled = !info.hasCircuit || (path === 'circuit.clamps.filterLimb' && !info.hasFilter);
    this.changeFilter.disabled = !info.hasFilter;
    this.changeOxygenator.disabled = !info.hasCircuit;
    this.changeCircuit.disabled = !info.hasCircuit;
    this.changeConsole.disabled = !info.hasCircuit;
    this.changePumpHead.disabled = !info.hasCircuit;
    this.faultButtons[0].disabled = !info.hasFilter;
    this.faultButtons[1].disabled = !info.hasCircuit;
    this.lastShown.clear();
  }

  /** Shows the settings in force, except in a field the operator is editing. */
  update(s: Snapshot): void {
    for (const r of this.rows) {
      const v = s.settings.values[r.path];
      const text = Number.isFinite(v) ? String(+v.toFixed(2)) : '';
      if (document.activeElement !== r.input && this.lastShown.get(r.path) !== text) {
        r.input.value = text;
        this.lastShown.set(r.path, text);
      }
    }
    this.flagState = s.settings.flags;
    for (const [path, b] of this.flagButtons) {
      const on = s.settings.flags[path];
      b.setAttribute('aria-pressed', String(on));
      const label = `${FLAGS[path].label}: ${on ? 'on' : 'off'}`;
      if (b.textContent !== label) b.textContent = label;
    }
    this.clampState = s.settings.clamps;
    for (const [path, b] of this.clampButtons) {
      const closed = s.settings.clamps[path];
      b.setAttribute('aria-pressed', String(closed));
      const label = `${CLAMPS[path]}: ${closed ? 'CLAMPED' : 'open'}`;
      if (b.textContent !== label) b.textContent = label;
    }
  }

  private settingRow(path: SettingPath): HTMLFormElement {
    const spec = SETTINGS[path];
    const key = path.split('.').pop()!;
    const form = el('form', 'setting');
    form.noValidate = true;
    form.dataset.testid = `setting-${key}`;
    const id = `setting-${key}`;
    const label = el('label', undefined, spec.label);
    label.htmlFor = id;
    label.title = spec.title;
    form.title = spec.title;
    const input = el('input');
    input.id = id;
    input.type = 'number';
    input.step = String(spec.step);
    input.inputMode = 'decimal';
    const button = el('button', undefined, 'Set');
    button.type = 'submit';
    form.append(label, input, el('span', 'unit', spec.unit), button);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const raw = input.value.trim();
      if (raw === '') return;
      this.send({ type: 'set', path, value: `${raw} ${spec.unit}` });
      this.lastShown.delete(path);
      input.blur();
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.lastShown.delete(path);
        input.blur();
      }
    });
    this.rows.push({ path, form, input });
    return form;
  }
}
