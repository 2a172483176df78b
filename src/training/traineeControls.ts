/**
 * The trainee's controls: the live page's (settings, clamps, change filter, heparin bolus; its fault buttons are the
 * instructor's and are not shown) with their commands turned into training commands, and the bedside actions a
 * training scenario asks for: hang new bags, a new heparin syringe, de-air the circuit, press on a decannulated site,
 * recannulate, transfuse, give fluid, chest compressions in an arrest, note.
 */
import { Controls } from '../controls';
import { el } from '../consoles/panel';
import type { Command } from '../protocol';
import type { TraineeAction, TrainingCommand } from './trainingProtocol';

/** A live-page command as the training engine's (faults and steps are not the trainee's). */
export function trainingCommand(c: Command): TrainingCommand | undefined {
  switch (c.type) {
    case 'set':
      return { type: 'set', path: c.path, value: c.value };
    case 'changeFilter':
      return { type: 'action', action: { changeFilter: true } };
    case 'changeOxygenator':
      return { type: 'action', action: { changeOxygenator: true } };
    case 'changeCircuit':
      return { type: 'action', action: { changeCircuit: true } };
    case 'changeConsole':
      return { type: 'action', action: { changeConsole: true } };
    case 'changePumpHead':
      return { type: 'action', action: { changePumpHead: true } };
    case 'heparinBolus':
      return { type: 'action', action: { heparinBolus: `${c.units} U` } };
    case 'acknowledge':
    case 'silence':
    case 'run':
    case 'pause':
      return c;
    default:
      return undefined;
  }
}

/** What a person does at the bedside: consumables, de-airing, a decannulated vessel, blood and fluid. */
export const BEDSIDE: readonly [string, string, TraineeAction][] = [
  ['New bags (both)', 'change-bags', { changeBags: 'both' }],
  ['New replacement bag', 'change-replacement-bag', { changeBags: 'replacement' }],
  ['New effluent bag', 'change-effluent-bag', { changeBags: 'effluent' }],
  ['New heparin syringe', 'change-syringe', { changeSyringe: true }],
  ['De-air the circuit', 'de-air', { deAir: true }],
  ['Pressure on the cannulation site', 'site-compression', { set: { 'circuit.siteCompression': true } }],
  ['Recannulate (drainage)', 'recannulate-drainage', { recannulate: 'drainage' }],
  ['Recannulate (return)', 'recannulate-return', { recannulate: 'return' }],
  ['Transfuse 1 unit (300 mL)', 'transfusion', { transfusion: '300 mL' }],
  ['Platelets 1 unit', 'platelets', { platelets: 1 }],
  ['Fluid bolus 500 mL', 'fluid-bolus', { fluidBolus: '500 mL' }],
  ['Start chest compressions', 'start-compressions', { set: { 'patient.hemodynamics.chestCompressions': true } }],
  ['Stop chest compressions', 'stop-compressions', { set: { 'patient.hemodynamics.chestCompressions': false } }],
];

/**
 * The remedies a person finds by checking the lines and devices (each a setting the fault catalogue's faults change,
 * sim/faults/catalogue.ts): all of them offered in every scenario, so finding the one that matters is the trainee's.
 */
export const CHECKS: readonly [string, string, TraineeAction][] = [
  ['Free a kinked drainage line', 'free-kink', { set: { 'circuit.drainageLine.kink': '0 %' } }],
  ['Free a kinked return line', 'free-return-kink', { set: { 'circuit.returnLine.kink': '0 %' } }],
  ['Reconnect the sweep gas line', 'reconnect-sweep', { set: { 'circuit.oxygenator.sweepDisconnected': false } }],
  ['Oxygen supply back (outlet, hose or a cylinder)', 'oxygen-supply', { set: { 'circuit.oxygenator.oxygenSupplyLost': false } }],
  ['Plug the console into mains', 'mains', { set: { 'circuit.power.mains': true } }],
  ['Pump head on the hand crank (3000 rpm)', 'hand-crank', { set: { 'circuit.pump.handCrank': true, 'circuit.pump.handCrankSpeed': '3000 rpm' } }],
  ['Free the heparin line', 'free-heparin-line', { set: { 'prescription.heparin.lineOccluded': false } }],
  ['Reconnect the filter limb’s return line', 'reconnect-limb-return', { set: { 'circuit.filterLimb.returnDisconnected': false } }],
  [
    'Reseat the flow probe (gel, arrow with the flow)',
    'reseat-flow-probe',
    { set: { 'circuit.flowProbe.signalLost': false, 'circuit.flowProbe.reversed': false } },
  ],
];

function buttonRow(label: string, cls: string, rows: readonly [string, string, TraineeAction][], send: (c: TrainingCommand) => void): HTMLElement {
  const row = el('div', `button-row ${cls}`);
  row.append(el('span', 'row-label', label));
  for (const [text, testId, action] of rows) {
    const b = el('button', undefined, text);
    b.type = 'button';
    b.dataset.testid = testId;
    b.addEventListener('click', () => send({ type: 'action', action }));
    row.append(b);
  }
  return row;
}

export function traineeControls(host: HTMLElement, send: (c: TrainingCommand) => void): Controls {
  const controls = new Controls(host, (c) => {
    const t = trainingCommand(c);
    if (t) send(t);
  });
  host.querySelectorAll<HTMLElement>('.faults').forEach((row) => (row.hidden = true));
  const bedside = buttonRow('Bedside', 'bedside', BEDSIDE, send);
  const checks = buttonRow('Checks', 'bedside checks', CHECKS, send);
  const note = el('form', 'note-form');
  const input = el('input');
  input.type = 'text';
  input.maxLength = 500;
  input.placeholder = 'A note for the log…';
  input.setAttribute('aria-label', 'Note for the session log');
  input.dataset.testid = 'note-text';
  const add = el('button', undefined, 'Add note');
  add.type = 'submit';
  note.append(input, add);
  note.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.value.trim()) send({ type: 'note', text: input.value.trim(), by: 'trainee' });
    input.value = '';
  });
  host.append(bedside, checks, note);
  return controls;
}
