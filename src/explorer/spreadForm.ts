/**
 * The patient spread's form: a bundled cohort arm, how many of its virtual patients (empty: the arm's n), the run length, and one or two
 * prescriptions typed as a command-line prescription file's JSON with a name each. Reads the form into a plan, or
 * says what is wrong in the page's words (the field, the value, what was expected).
 */
import type { LoadedArm } from '../../sim/cohort/loadArm';
import type { Prescription } from '../../sim/sweep/spread';
import { BUNDLED_ARMS, loadBundledArm } from './spreadArms';
import { readPagePrescription } from './spreadPrescription';

/** More patients than this is a slip of a key on a page; the command line runs any number. */
export const MAX_PAGE_PATIENTS = 500;

const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface SpreadSettings {
  loaded: LoadedArm;
  prescriptions: Prescription[];
  patients: number;
  hours: number;
}

export function fillSpreadForm(): void {
  el<HTMLSelectElement>('spread-arm').replaceChildren(...BUNDLED_ARMS.map((a) => new Option(a.file.replace('scenarios/cohort/', ''), a.id)));
}

function wholeNumber(label: string, id: string, lo: number, hi: number): number {
  const text = el<HTMLInputElement>(id).value.trim();
  const x = Number(text);
  if (text === '' || !Number.isInteger(x) || x < lo || x > hi) throw new Error(`${label}: "${text}"; expected a whole number from ${lo} to ${hi}`);
  return x;
}

/** The form's settings, or an Error whose message names the field, the value and what was expected. */
export function readSpreadForm(): SpreadSettings {
  const arm = BUNDLED_ARMS.find((a) => a.id === el<HTMLSelectElement>('spread-arm').value)!;
  const loaded = loadBundledArm(arm);
  // empty: the arm's own n, as `sim spread` without --patients
  const patients =
    el<HTMLInputElement>('spread-patients').value.trim() === '' ? loaded.arm.n : wholeNumber('Patients', 'spread-patients', 1, MAX_PAGE_PATIENTS);
  const hoursText = el<HTMLInputElement>('spread-hours').value.trim();
  const hours = Number(hoursText);
  if (hoursText === '' || !(hours > 0) || !Number.isFinite(hours)) throw new Error(`Run length: "${hoursText}" h; expected a number of hours above 0`);
  const which = el<HTMLInputElement>('spread-b-on').checked ? (['a', 'b'] as const) : (['a'] as const);
  const prescriptions = which.map((k) =>
    readPagePrescription(el<HTMLInputElement>(`spread-${k}-name`).value, el<HTMLTextAreaElement>(`spread-${k}`).value, loaded.protocol),
  );
  if (prescriptions.length === 2 && prescriptions[0].name === prescriptions[1].name)
    throw new Error(`Both prescriptions are named "${prescriptions[0].name}": give them different names`);
  return { loaded, prescriptions, patients, hours };
}
