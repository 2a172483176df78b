/** The ECMO circuit section of a scenario: devices, settings and hydraulic model parameters. */
import { q, type ChoiceSpec, type FlagSpec, type SpecTree } from '../parameters.js';
import { catalogueIds, type CannulaRole } from './cannulae/catalogue.js';
import { DUAL_LUMEN_IDS } from './cannulae/dualLumen.js';
import { CONFIGURATIONS, type CannulationConfiguration } from './recirculation.js';
import { airSpecs } from './air/airSpecs.js';
import { hemolysisSpecs } from './hemolysis/hemolysisSpecs.js';
import { bloodLossSpecs } from './bloodLoss/bloodLossSpecs.js';
import { powerSpecs } from './power/powerSpecs.js';
import { filterLimbSpecs } from './filterLimbSpecs.js';
import { oxygenatorSpecs } from './oxygenatorSpecs.js';
import { circuitChangeSpecs, consoleChangeSpecs, oxygenatorChangeSpecs, pumpHeadChangeSpecs, recannulationSpecs } from './deviceChange/deviceChangeSpecs.js';

const pumpFailed: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description: 'Motor or console failure: the motor stops turning the pump head whatever the power (the hand crank can still turn it).',
  source: 'S',
  ref: 'training-reference.md: catastrophic ECMO emergencies, pump failure (console, motor, pump-head decoupling)',
};

const handCrank: FlagSpec = {
  kind: 'flag',
  default: false,
  adjustable: true,
  description: 'The pump head is moved to the emergency hand crank: it turns at handCrankSpeed, whatever the motor and the power do.',
  source: 'S',
  ref: 'ELSO emergency algorithm (power failure): a partially magnetically levitated pump head goes into the hand crank',
};

const probeFault = (description: string): FlagSpec => ({
  kind: 'flag',
  default: false,
  adjustable: true,
  description,
  source: 'S2',
  ref: 'training-reference.md, ECMO console: Rotaflow "SIG" (flow signal lost, the sensor needs gel; the pump keeps running) and a flow sensor clipped on backwards reads negative flow (course and hospital guideline); sim/circuit/flowProbe.ts',
});

/** A kink in a line as an orifice (kink.ts): the fraction of its lumen occluded. */
const kink = (line: string, where: string) =>
  q('1', 0, [0, 0.99], {
    adjustable: true,
    description: `Fraction of the ${line}'s lumen a kink occludes, ${where}: an orifice loss ζ = (1/(C_c·β) − 1)², β = 1 − fraction, C_c = 0.63 + 0.37·β³, added to the tubing's inertial loss.`,
    source: 'S2',
    ref: "Borda–Carnot loss behind a vena contracta (Encyclopaedia Britannica 1911, 'Hydromechanics': ζ = (ω/(c_c·ω₁) − 1)², Weisbach's c_c ≈ 0.6 for small openings); C_c(β) interpolation to 1 at no obstruction an estimate",
  });

const clamp = (line: string): FlagSpec => ({
  kind: 'flag',
  default: false,
  adjustable: true,
  description: `A tubing clamp on the ${line}: it stops flow in that line (modelled as a very large resistance).`,
  source: 'E',
  ref: 'operator action',
});

const heaterOn: FlagSpec = {
  kind: 'flag',
  default: true,
  adjustable: true,
  description: "The heater-cooler on the oxygenator's heat exchanger: on, the exchanger's water is held at the set point.",
  source: 'E',
  ref: 'bedside setting (ELSO: temperature managed through the oxygenator heat exchanger)',
};

const cannulaWall = (fr: string) =>
  q('mm', 0.45, [0.1, 2], {
    description: `Wall thickness of the ${fr} cannula (inner diameter = outer − 2 × wall).`,
    source: 'E',
    ref: 'thin-wall wire-reinforced cannulae ~0.4–0.5 mm',
  });

const cannulaModel = (role: CannulaRole): ChoiceSpec => ({
  kind: 'choice',
  values: ['custom', ...catalogueIds(role)],
  default: 'custom',
  description: `A catalogue ${role} cannula (its pressure–flow chart, fitted and corrected to blood; size and length are then ignored), or custom: size, length and wall below.`,
  source: 'S2',
  ref: 'sim/circuit/cannulae/catalogue.ts: Getinge HLS and Medtronic Bio-Medicus NextGen charts (digitized)',
});

const configuration: ChoiceSpec<CannulationConfiguration> = {
  kind: 'choice',
  values: CONFIGURATIONS,
  default: 'femoro-jugular',
  description:
    'Cannulation: femoro-jugular (drainage femoral, return jugular), jugulo-femoral (drainage jugular, return femoral), femoro-femoral (both in the femoral veins and IVC) or dual-lumen-bicaval (one jugular dual-lumen cannula draining both cavae, returning into the right atrium; tip distance then ignored); sets the recirculation spread c_cfg.',
  source: 'S',
  ref: 'cohort.md: femoral drainage, jugular return; Fisser 2022 (jugulo-femoral) and Pooth 2025, Artif Organs 49:1012 (femoro-femoral, dual-lumen) for recirculation',
};

const dualLumenCannula: ChoiceSpec = {
  kind: 'choice',
  values: DUAL_LUMEN_IDS,
  default: 'avalon-elite-27',
  description:
    "The dual-lumen bicaval cannula of the dual-lumen-bicaval configuration: its drainage lumen is the circuit's drainage cannula and its infusion lumen the return cannula (drainageCannula and returnCannula are then not used).",
  source: 'S2',
  ref: 'sim/circuit/cannulae/dualLumen.ts: Getinge Avalon Elite flow-characteristics graph (digitized); crescent.ts: Medtronic Crescent charts (digitized and fitted in a published calculator)',
};

export const circuitSpecs = {
  configuration,
  dualLumenCannula,
  primeVolume: q('mL', 550, [0, 2000], {
    range: [400, 800],
    description:
      'Crystalloid prime of the ECMO circuit (tubing, pump head, oxygenator), added to the blood volume at cannulation: it dilutes hematocrit and plasma proteins.',
    source: 'E',
    ref: 'adult clear-primed VV-ECMO circuits with a PMP oxygenator hold about 0.5–0.7 L (ELSO: adults > 35 kg need no blood prime); value an estimate',
  }),
  drainageCannula: {
    model: cannulaModel('drainage'),
    size: q('Fr', 23, [8, 32], {
      description: 'Outer size of the femoral drainage cannula (1 Fr = 1/3 mm).',
      source: 'S',
      ref: 'cohort.md: 23 Fr femoral drainage',
    }),
    length: q('mm', 550, [100, 1000], {
      range: [380, 700],
      description: 'Length of the drainage cannula (multistage femoral).',
      source: 'E',
      ref: 'femoral multistage cannulae 38–70 cm',
    }),
    wallThickness: cannulaWall('drainage'),
  },
  returnCannula: {
    model: cannulaModel('return'),
    size: q('Fr', 19, [8, 32], {
      description: 'Outer size of the jugular return cannula.',
      source: 'S',
      ref: 'cohort.md: 19 Fr jugular return',
    }),
    length: q('mm', 150, [50, 700], {
      range: [120, 230],
      description: 'Length of the return cannula.',
      source: 'E',
      ref: 'jugular return cannulae 15–23 cm',
    }),
    wallThickness: cannulaWall('return'),
  },
  tubing: {
    innerDiameter: q('mm', 9.525, [4, 15], {
      description: 'Inner diameter of the circuit tubing (3/8 inch).',
      source: 'S2',
      ref: 'standard adult ECMO tubing 3/8"',
    }),
    drainageLength: q('mm', 1500, [100, 5000], { description: 'Tubing from drainage cannula to pump.', source: 'E', ref: 'typical bedside circuit' }),
    returnLength: q('mm', 1500, [100, 5000], { description: 'Tubing from oxygenator to return cannula.', source: 'E', ref: 'typical bedside circuit' }),
  },
  flow: {
    bloodDensity: q('kg/m^3', 1060, [1000, 1100], { description: 'Blood density.', source: 'S2', ref: 'physiology textbooks: whole blood 1050–1060 kg/m³' }),
    plasmaViscosity: q('mPa s', 1.2, [0.8, 3], {
      range: [1.1, 1.4],
      description: 'Plasma viscosity at 37 °C; blood viscosity = plasma × μ_water(T)/μ_water(37 °C) × exp(k·Hct) (blood.ts).',
      source: 'S2',
      ref: 'physiology textbooks: normal plasma 1.1–1.3 mPa·s',
    }),
    hematocritViscosityFactor: q('1', 2.3, [0.5, 5], {
      description: 'k in μ = μ_plasma·exp(k·Hct): gives ~3 mPa·s at Hct 40 %.',
      source: 'E',
      ref: 'reference-data.md §6: ~3 mPa·s at Hct 40 %',
    }),
    inertialLossCoefficient: q('1', 1.0, [0, 10], {
      range: [0.5, 2],
      description: 'Entry/exit and side-hole loss coefficient K of a cannula (ΔP_inertial = K·ρv²/2).',
      source: 'E',
      ref: 'sudden contraction + expansion ~1',
    }),
    turbulentFrictionFactor: q('1', 0.035, [0, 0.2], {
      range: [0.02, 0.05],
      description: 'Darcy friction factor added for the transitional/turbulent flow in cannulae and tubing (ΔP = λ·L/d·ρv²/2).',
      source: 'E',
      ref: 'Blasius λ = 0.316·Re^−0.25 at Re 3000–6000',
    }),
  },
  pump: {
    speed: q('rpm', 3000, [0, 5000], {
      adjustable: true,
      description: 'Centrifugal pump speed.',
      source: 'E',
      ref: 'typical VV ECMO 2500–3500 rpm',
    }),
    mode: {
      kind: 'choice',
      values: ['speed', 'flow'],
      default: 'speed',
      adjustable: true,
      description: "The console's mode: 'speed' holds the set rpm; 'flow' adjusts rpm to hold targetFlow, up to maxSpeed.",
      source: 'S2',
      ref: 'Cardiohelp, Rotaflow II, CentriMag consoles: RPM and flow (LPM) modes',
    } satisfies ChoiceSpec<'speed' | 'flow'>,
    targetFlow: q('mL/min', 4500, [0, 10000], {
      adjustable: true,
      description: 'Pump flow the console holds in flow mode.',
      source: 'E',
      ref: 'bedside setting',
    }),
    maxSpeed: q('rpm', 5000, [500, 10000], {
      description: 'Highest speed the console drives the pump to in flow mode.',
      source: 'S2',
      ref: 'Rotaflow and Cardiohelp drives: up to 5000 rpm',
    }),
    calibrationSpeed: q('rpm', 3000, [500, 6000], { description: 'Speed of the published calibration point.', source: 'S', ref: 'reference-data.md §6' }),
    calibrationFlow: q('mL/min', 4200, [500, 10000], {
      description: 'Flow at the calibration point (4.2 L/min against 250 mmHg at ~3000 rpm).',
      source: 'S',
      ref: 'reference-data.md §6: Rotaflow-class pump',
    }),
    calibrationHead: q('mmHg', 250, [50, 1000], { description: 'Head at the calibration point.', source: 'S', ref: 'reference-data.md §6' }),
    failed: pumpFailed,
    handCrank,
    handCrankSpeed: q('rpm', 2000, [0, 5000], {
      adjustable: true,
      range: [1000, 3000],
      description: 'Speed the operator holds on the hand crank (read on the crank’s tachometer).',
      source: 'E',
      ref: 'estimate: an operator can hold about 1500–3000 rpm on a centrifugal pump’s hand crank',
    }),
    shutoffHead: q('mmHg', 400, [100, 1500], {
      range: [350, 500],
      description: 'Head at zero flow at the calibration speed (sets a in ΔP = a·N² − b·Q²).',
      source: 'E',
      ref: 'Rotaflow-class head–flow charts',
    }),
  },
  flowProbe: {
    signalLost: probeFault(
      "The console's flow probe has lost its signal (no acoustic coupling: it needs gel): the console shows no flow and its flow alarms cannot see the flow; in flow mode the console holds the speed it had. The pump keeps running.",
    ),
    reversed: probeFault(
      "The console's flow probe is clipped on backwards: it reads the flow with its sign reversed (a negative flow), and in flow mode the console drives the pump to its maximum speed.",
    ),
  },
  oxygenator: oxygenatorSpecs,
  oxygenatorChange: oxygenatorChangeSpecs,
  circuitChange: circuitChangeSpecs,
  consoleChange: consoleChangeSpecs,
  pumpHeadChange: pumpHeadChangeSpecs,
  recannulation: recannulationSpecs,
  heater: {
    on: heaterOn,
    failed: {
      kind: 'flag',
      default: false,
      adjustable: true,
      description:
        'The heater-cooler has failed: no heat reaches the exchanger while the console still shows the set point (the blood runs as with the heater off).',
      source: 'E',
      ref: 'fault (issue 13: heater failure, temperature falls)',
    } satisfies FlagSpec,
    setPoint: q('degC', 37, [30, 40], {
      adjustable: true,
      range: [36, 37.5],
      description: 'Water temperature of the heater-cooler: the blood leaving the oxygenator is drawn towards it.',
      source: 'S2',
      ref: 'normothermia 36–37 °C on ECMO (ELSO guidelines; Schortgen 2012 cooled to 36.5–37 °C)',
    }),
    performanceFactor: q('1', 0.5, [0.05, 1], {
      range: [0.3, 0.7],
      description: 'Heat exchanger performance factor (ISO 7199): (blood out − blood in)/(water in − blood in) at the running blood flow.',
      source: 'E',
      ref: 'adult oxygenator heat exchangers, manufacturer data sheets 0.4–0.7 at 4–5 L/min: an estimate (no datasheet in the reference set)',
    }),
  },
  recirculation: {
    tipDistance: q('mm', 150, [0, 500], {
      range: [100, 250],
      description: 'Distance between drainage and return cannula tips (not used for a dual-lumen cannula, whose ports are fixed).',
      source: 'E',
      ref: 'femoro-jugular configuration',
    }),
    flowCoefficient: q('1', 3.24, [0.1, 100], {
      description: 'k in R = Q_ret / (Q_ret + k·CO·exp((d − d_ref)/λ)); 3.24 gives 15 % at 4 L/min with CO 7 L/min.',
      source: 'E',
      ref: 'recirculation 10–20 % femoro-jugular (reference-data.md §6)',
    }),
    referenceDistance: q('mm', 150, [0, 500], { description: 'd_ref in the recirculation formula.', source: 'E', ref: 'as above' }),
    distanceScale: q('mm', 100, [10, 1000], { description: 'λ: distance over which recirculation falls e-fold.', source: 'E', ref: 'as above' }),
    dualLumenWithdrawal: q('mm', 0, [0, 40], {
      adjustable: true,
      description:
        'How far a dual-lumen bicaval cannula sits short of its place (withdrawn towards the neck): its infusion jet reaches the drainage ports and a share σ recirculates at every flow (σ = 0.31 at 4 cm, in proportion below; a cannula too deep is not modelled). Used by the dual-lumen-bicaval configuration only.',
      source: 'S',
      ref: 'Parker et al., dual-lumen cannula CFD (27 Fr): > 31 % recirculation at every flow 4 cm too shallow, < 7 % well placed; linear between: a hypothesis',
    }),
  },
  venousDrainage: {
    venousReturnGradient: q('mmHg', 18, [0.5, 50], {
      range: [10, 26],
      description:
        'Mean systemic filling pressure less CVP at the start: the pressure that drives venous return (Guyton: VR = (Pmsf − CVP)/R_vr). With the cardiac output it sets the resistance to venous return; Pmsf then moves with blood volume as CVP does.',
      source: 'S',
      ref: 'Guérin et al., Crit Care 2015 (PMC4657233): Psm 25 ± 13 and CVP 7 ± 3 mmHg in fluid-responsive acute circulatory failure',
    }),
    surroundingPressure: q('mmHg', 7, [-20, 60], {
      adjustable: true,
      range: [5, 20],
      description:
        "Pressure around the drained vein (intra-abdominal for the femoral cannula's vena cava): the vein collapses when the pressure inside falls below it. Raised by intra-abdominal hypertension, or briefly by a cough.",
      source: 'S',
      ref: 'WSACS 2013 (Kirkpatrick, Intensive Care Med): normal IAP ~5–7 mmHg in critically ill adults; IAH ≥ 12 mmHg',
    }),
    collapsePressure: q('mmHg', 2, [0.1, 10], {
      range: [0.5, 5],
      description:
        "P_c: how far below the surrounding pressure a collapsing drained vein's pressure can fall. Below P_ext the vein flattens instead of following the linear venous compliance: P = P_ext − P_c·(1 − exp((P_lin − P_ext)/P_c)), never below P_ext − P_c.",
      source: 'E',
      ref: "hypothesis (circuit-hydraulics.md, Drainage limits): the collapsed branch of a collapsible tube's tube law, p = −K_p·(α^(−3/2) − 1) (Shapiro, J Biomech Eng 1977), holds a vein's transmural pressure within a few K_p of 0; K_p = E·h³/(12(1−ν²)R³) of a vena cava wall is well under 1 mmHg; value an estimate",
    }),
    accessibleFraction: q('1', 1, [0.05, 1], {
      adjustable: true,
      range: [0.5, 1],
      description:
        "Fraction of the venous return the cannula's holes reach: 1 well placed; less when malpositioned (tip against a wall, holes outside the cava).",
      source: 'E',
      ref: 'hypothesis (circuit-hydraulics.md, Drainage limits)',
    }),
    chatterFlowLoss: q('1', 1, [0, 10], {
      range: [0.3, 3],
      description: 'κ: how fast mean drainage falls past the venous-return limit, Q_mean = Q_lim / (1 + κ·(Q_demand/Q_lim − 1)).',
      source: 'E',
      ref: "hypothesis: a collapsible tube's negative effort dependence; Kurusz, Perfusion 1999 for the behaviour",
    }),
    collapsedFlowFraction: q('1', 0.5, [0, 0.95], {
      range: [0.2, 0.8],
      description:
        "Drainage while the vein is collapsed onto the cannula, as a fraction of the venous-return limit: the multistage cannula's holes the collapse leaves open.",
      source: 'E',
      ref: 'hypothesis (circuit-hydraulics.md, Drainage limits)',
    }),
  },
  drainageLine: { kink: kink('drainage line', 'between the drainage cannula and the pump') },
  returnLine: { kink: kink('return line', 'between the oxygenator and the return cannula, after the filter limb takes off') },
  clamps: {
    drainageLine: clamp('drainage line (between drainage cannula and pump)'),
    returnLine: clamp('return line (between oxygenator and return cannula)'),
    filterLimb: clamp('hemofilter limb (its blood pump stops on the pressure alarm)'),
  },
  air: airSpecs,
  hemolysis: hemolysisSpecs,
  ...bloodLossSpecs,
  power: powerSpecs,
  filterLimb: filterLimbSpecs,
} as const satisfies SpecTree;
