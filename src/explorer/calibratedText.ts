/** A bundled scenario's text with the fitted values of its calibration reference written in, as the command line does. */
import { applyOverrides, parseJsonText } from '../../sim/scenario/load';
import { calibrationReferenceOverrides } from '../../sim/scenario/calibration';
import { bundledCalibration } from '../engine/bundledCalibration';

export function calibratedPageText(text: string, source: string): string {
  const raw = parseJsonText(text, source);
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'calibration')) return text;
  applyOverrides(raw, calibrationReferenceOverrides(raw, source, bundledCalibration, false));
  return JSON.stringify(raw, null, 2);
}
