/**
 * The calibration the bundled scenarios refer to ("calibration": "cohort/calibration.json"), bundled with the
 * page: the browser has no file system, so a scenario's reference is resolved against this copy only.
 */
import calibrationFile from '../../scenarios/cohort/calibration.json';
import { parseCalibration, type Calibration, type CalibrationResolver } from '../../sim/scenario/calibration';
import { ScenarioError } from '../../sim/scenario/errors';

const BUNDLED = 'cohort/calibration.json';
let parsed: Calibration | undefined;

export const bundledCalibration: CalibrationResolver = (reference, source) => {
  if (reference.replace(/^\.\//, '') !== BUNDLED)
    throw new ScenarioError(source, [
      {
        path: 'calibration',
        message: `got "${reference}"; expected "${BUNDLED}", the only calibration the page bundles (run other files from the command line)`,
      },
    ]);
  parsed ??= parseCalibration(calibrationFile, BUNDLED);
  return parsed;
};
