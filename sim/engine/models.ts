/**
 * The models the engine composes, in the order their parts run. First the faults part (it applies, ramps and clears
 * catalogue faults' settings: sim/faults), so every other part's share of an action or a scheduled event sees the
 * settings the fault left (the console's power notices mains lost at the fault's own time). Then each part's `derive`
 * may read what the parts before it derived (fluid balance → solutes (concentrations, protein) → phosphate replacement →
 * heparin (aPTT) →
 * sepsis drive → temperature → CO2 stores (PaCO2) → acid–base (pH) → hemodynamics (MAP) → kidney (GFR, urine) → hemofilter → platelets (the filter's surface) → its bags → the console's power →
 * circuit (outputs: the loop's solve) → a device change (before the air part, which holds the openings the change takes out; bleeding) → its air and blood losses → gas exchange (outputs) → SOFA).
 * The state vector is generated from their declarations in this order.
 */
import { composeLayout } from '../model/layout.js';
import type { ModelDefinition } from '../model/part.js';
import { fluidBalanceModel } from '../patient/fluidBalance/part.js';
import { solutesModel } from '../patient/solutes/part.js';
import { phosphateReplacementModel } from '../patient/solutes/phosphateReplacement.js';
import { heparinModel } from '../patient/heparin/part.js';
import { inflammationModel } from '../patient/inflammation/part.js';
import { temperatureModel } from '../patient/temperature/part.js';
import { hemodynamicsModel } from '../patient/hemodynamics/part.js';
import { kidneyModel } from '../patient/kidney/part.js';
import { filterModel } from '../filter/part.js';
import { plateletsModel } from '../patient/platelets/part.js';
import { bloodLeakModel } from '../filter/bloodLeak/part.js';
import { bagsModel } from '../filter/bags/part.js';
import { powerModel } from '../circuit/power/part.js';
import { circuitModel } from '../circuit/part.js';
import { airModel } from '../circuit/air/part.js';
import { circuitBloodLossModel } from '../circuit/bloodLoss/part.js';
import { deviceChangeModel } from '../circuit/deviceChange/part.js';
import { hemolysisModel } from '../circuit/hemolysis/part.js';
import { gasExchangeModel } from '../patient/gasExchange/part.js';
import { acidBaseModel } from '../patient/acidBase/part.js';
import { co2StoresModel } from '../patient/co2Stores/part.js';
import { sofaModel } from '../patient/sofa/part.js';
import { faultsModel } from '../faults/part.js';

export const MODELS: readonly ModelDefinition[] = [
  faultsModel,
  fluidBalanceModel,
  solutesModel,
  phosphateReplacementModel,
  heparinModel,
  inflammationModel,
  temperatureModel,
  co2StoresModel,
  acidBaseModel,
  hemodynamicsModel,
  kidneyModel,
  filterModel,
  plateletsModel,
  bloodLeakModel,
  bagsModel,
  circuitModel,
  deviceChangeModel,
  powerModel,
  airModel,
  circuitBloodLossModel,
  hemolysisModel,
  gasExchangeModel,
  sofaModel,
];

/** The state vector: every model's states, in model order. */
export const LAYOUT = composeLayout(MODELS);
