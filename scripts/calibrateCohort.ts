/**
 * Calibrates the shared, calibratable parameters to the reference cohort's published 24 h arm means
 * (cohort.md), both arms at once, and writes them with their residuals to scenarios/cohort/calibration.json,
 * which both cohort arm files use. Run: npm run calibrate
 *
 * Both arms share every parameter: a between-arm difference can only come from the patients and the treatment.
 * Only parameters whose spec says `calibratable` may be fitted (the script refuses any other); measured physics
 * (sieving, cannulae, pump, heparin) never is.
 *
 * The fit goes in stages, each fitting a few parameters to the figures they drive, in causal order (the IL-6
 * course first, because CRP, MAP and heart rate all follow it): Levenberg–Marquardt (ml-levenberg-marquardt)
 * over parameters mapped onto [0, 1] between bounds, residuals = (simulated − published) / scale.
 * Deterministic: the cohort is seeded, LM has no randomness.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { leafAt, type QuantitySpec } from '../sim/parameters.js';
import { scenarioSpecs } from '../sim/scenario/scenarioSpecs.js';
import { loadArm, type LoadedArm } from '../sim/cohort/loadArm.js';
import { replayArm, type ArmResult } from '../sim/cohort/replay.js';
import type { MetricName } from '../sim/cohort/metrics.js';
import { percentError } from '../sim/cohort/report.js';
import type { Override } from '../sim/scenario/load.js';

const ARMS = ['scenarios/cohort/ecmo-hvhf.json', 'scenarios/cohort/standard-care.json'];
const OUT = 'scenarios/cohort/calibration.json';

interface Parameter {
  path: string;
  min: number;
  max: number;
  log?: boolean;
  /** Fit the width above another parameter of the stage instead (value = that parameter + width ≥ it). */
  above?: string;
  /** Where the fit starts, when the spec's default is far from the answer (reasoned in the stage's comment). */
  start?: number;
}
interface Stage {
  name: string;
  parameters: Parameter[];
  /** Figures fitted, with the scale a residual is divided by (so figures of different sizes weigh alike). */
  targets: { metric: MetricName; scale: number }[];
  /** Finite-difference step in the unit cube: larger where the model is step-like (the titration). */
  gradientStep?: number;
}

const STAGES: Stage[] = [
  {
    name: 'IL-6 course',
    parameters: [
      { path: 'kinetics.il6.endogenousClearance', min: 1000, max: 8000, log: true },
      { path: 'kinetics.sepsisDrive.residualFraction', min: 0.2, max: 1 },
    ],
    targets: [{ metric: 'il6_change_pct', scale: 10 }],
  },
  {
    name: 'CRP synthesis',
    parameters: [
      { path: 'kinetics.crp.il6HalfEffect', min: 100, max: 50000, log: true },
      { path: 'kinetics.crp.hill', min: 0.5, max: 4 },
      { path: 'kinetics.crp.synthesisLag', min: 6, max: 12 }, // the published 6–12 h (reference-data.md §3), no further
    ],
    targets: [{ metric: 'crp_change_mg_L', scale: 10 }],
  },
  {
    name: 'PCT production',
    parameters: [
      // PCT falls 30–50 % a day in responders: production must fall within hours, not the drive's days.
      { path: 'kinetics.pct.productionResidualFraction', min: 0.05, max: 1, start: 0.3 },
      { path: 'kinetics.pct.productionTimeConstant', min: 2, max: 200, log: true, start: 5 },
    ],
    targets: [{ metric: 'pct_change_ng_mL', scale: 2 }],
  },
  {
    name: 'MAP and norepinephrine',
    parameters: [
      { path: 'hemodynamics.vasoplegia.maxDepression', min: 5, max: 120, log: true, start: 60 },
      { path: 'hemodynamics.vasoplegia.il6HalfEffect', min: 300, max: 10000, log: true },
      { path: 'hemodynamics.vasoplegia.hill', min: 0.5, max: 4, start: 2 },
      // Start from what the published figures imply: standard care ends at 60.5 mmHg with the dose falling
      // (−0.11), so weaning happens above ~58 and escalation only well below (~50); the ECMO arm's −0.39 µg/kg/min
      // is close to the most 24 hourly steps can wean, so the step is ~0.017 and its MAP stays above the
      // threshold all day. The guideline 65/70 start makes standard care escalate and LM stall.
      { path: 'prescription.norepinephrine.escalateBelow', min: 40, max: 66, start: 50 },
      { path: 'prescription.norepinephrine.weanAbove', above: 'prescription.norepinephrine.escalateBelow', min: 0, max: 20, start: 8 },
      { path: 'prescription.norepinephrine.step', min: 0.005, max: 0.05, log: true, start: 0.017 },
    ],
    gradientStep: 0.04,
    targets: [
      { metric: 'map_24h_mmHg', scale: 3 },
      { metric: 'norepinephrine_change_ug_kg_min', scale: 0.1 },
    ],
  },
  {
    name: 'heart rate',
    parameters: [
      { path: 'hemodynamics.heartRate.mapGain', min: 0, max: 3 },
      { path: 'hemodynamics.heartRate.inflammationGain', min: 0, max: 140 },
    ],
    targets: [{ metric: 'hr_change_bpm', scale: 5 }],
  },
];

function checkCalibratable(p: Parameter, stage: Stage): QuantitySpec {
  const spec = leafAt(scenarioSpecs, p.path);
  if (!spec || spec.kind !== 'quantity') throw new Error(`${p.path} is not a quantity of the scenario`);
  if (!spec.calibratable) throw new Error(`${p.path} is not marked calibratable in its spec; measured physics is never fitted`);
  const base = p.above ? stage.parameters.find((q) => q.path === p.above) : undefined;
  const [lo, hi] = base ? [base.min + p.min, base.max + p.max] : [p.min, p.max];
  if (lo < spec.limits[0] || hi > spec.limits[1]) throw new Error(`${p.path}: fit bounds ${lo}–${hi} leave the spec's limits`);
  return spec;
}
// Every stage is checked before any is fitted.
for (const stage of STAGES) stage.parameters.forEach((p) => checkCalibratable(p, stage));

const toValue = (p: Parameter, u: number) => (p.log ? p.min * (p.max / p.min) ** u : p.min + (p.max - p.min) * u);
const toUnit = (p: Parameter, v: number) => (p.log ? Math.log(v / p.min) / Math.log(p.max / p.min) : (v - p.min) / (p.max - p.min));
/** The stage's parameter values from a point in the unit cube, widths resolved into their absolute values. */
function stageValues(params: Parameter[], u: number[]): number[] {
  const raw = params.map((p, i) => toValue(p, Math.min(Math.max(u[i], 0), 1)));
  return params.map((p, i) => (p.above ? raw[params.findIndex((q) => q.path === p.above)] + raw[i] : raw[i]));
}
const text = (spec: QuantitySpec, v: number) => `${Number(v.toPrecision(5))}${spec.unit === '1' ? '' : ` ${spec.unit}`}`;

const arms: LoadedArm[] = ARMS.map((f) => ({ ...loadArm(f), calibration: [] }));
/** --from "<stage>": refit that stage and the later ones, keeping the committed values of the earlier ones. */
const fromIndex = process.argv.indexOf('--from');
const resumeFrom = fromIndex > 0 ? process.argv[fromIndex + 1] : undefined;
if (resumeFrom && !STAGES.some((s) => s.name === resumeFrom)) throw new Error(`--from: no stage "${resumeFrom}"; stages: ${STAGES.map((s) => s.name).join(', ')}`);
const committed = resumeFrom ? (JSON.parse(readFileSync(OUT, 'utf8')) as { parameters: Record<string, string>; stages: unknown[] }) : undefined;
const previous = committed?.parameters ?? {};
const previousReports = committed?.stages ?? [];
const fitted = new Map<string, string>();
let replays = 0;

function replay(overrides: Override[]): ArmResult[] {
  replays++;
  return arms.map((a) => replayArm(a, { hours: 24, overrides }));
}
const current = (): Override[] => [...fitted].map(([path, value]) => ({ path, value }));

const stageReports: unknown[] = [];
for (const stage of STAGES) {
  const specs = stage.parameters.map((p) => checkCalibratable(p, stage));
  if (resumeFrom && STAGES.indexOf(stage) < STAGES.findIndex((s) => s.name === resumeFrom)) {
    // --from: keep this earlier stage's committed values
    for (const p of stage.parameters) fitted.set(p.path, previous[p.path]);
    stageReports.push(previousReports.find((r) => (r as { stage: string }).stage === stage.name));
    continue;
  }
  const points = arms.flatMap((_, ai) => stage.targets.map((t) => ({ arm: ai, ...t })));
  const cache = new Map<string, number[]>();
  const residuals = (u: number[]): number[] => {
    const key = u.map((x) => x.toFixed(9)).join(',');
    let r = cache.get(key);
    if (!r) {
      const values = stageValues(stage.parameters, u);
      const trial = stage.parameters.map((p, i) => ({ path: p.path, value: text(specs[i], values[i]) }));
      const results = replay([...current(), ...trial]);
      r = points.map((pt) => {
        const published = results[pt.arm].published[pt.metric]?.value;
        if (published === undefined) throw new Error(`${arms[pt.arm].arm.name} has no published ${pt.metric}`);
        return (results[pt.arm].metrics[pt.metric].mean - published) / pt.scale;
      });
      cache.set(key, r);
    }
    return r;
  };
  const defaults = stage.parameters.map((p, i) => specs[i].default ?? (p.min + p.max) / 2);
  const start = stage.parameters.map((p, i) => {
    const v = p.start ?? (p.above ? defaults[i] - defaults[stage.parameters.findIndex((q) => q.path === p.above)] : defaults[i]);
    return Math.min(Math.max(toUnit(p, v), 0.02), 0.98);
  });
  const t0 = performance.now();
  const fit = levenbergMarquardt(
    { x: points.map((_, i) => i), y: points.map(() => 0) },
    (u) => (i) => residuals(u)[i],
    {
      initialValues: start,
      minValues: stage.parameters.map(() => 0),
      maxValues: stage.parameters.map(() => 1),
      damping: 0.5,
      gradientDifference: stage.gradientStep ?? 0.02,
      centralDifference: false,
      maxIterations: 25,
      errorTolerance: 1e-4,
    },
  );
  const best = stageValues(stage.parameters, fit.parameterValues);
  stage.parameters.forEach((p, i) => fitted.set(p.path, text(specs[i], best[i])));
  const final = replay(current());
  const report = {
    stage: stage.name,
    parameters: Object.fromEntries(stage.parameters.map((p) => [p.path, fitted.get(p.path)])),
    iterations: fit.iterations,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    fitted_figures: Object.fromEntries(
      points.map((pt) => {
        const pub = final[pt.arm].published[pt.metric].value;
        const sim = final[pt.arm].metrics[pt.metric].mean;
        return [`${final[pt.arm].name}: ${pt.metric}`, { published: pub, simulated: Number(sim.toPrecision(4)), error_pct: Number(percentError(sim, pub).toFixed(1)) }];
      }),
    ),
  };
  stageReports.push(report);
  console.log(JSON.stringify(report));
}

const final = replay(current());
const residualTable = Object.fromEntries(
  final.map((a) => [
    a.name,
    Object.fromEntries(
      Object.entries(a.published)
        .filter(([k]) => k in a.metrics)
        .map(([k, p]) => {
          const sim = a.metrics[k as MetricName].mean;
          return [k, { published: p.value, simulated: Number(sim.toPrecision(4)), error_pct: Number(percentError(sim, p.value).toFixed(1)) }];
        }),
    ),
  ]),
);
const out = {
  note: 'Generated by scripts/calibrateCohort.ts (npm run calibrate). Do not edit by hand. Shared by both arms.',
  parameters: Object.fromEntries(fitted),
  stages: stageReports,
  residuals_24h: residualTable,
  replays,
};
writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${OUT} after ${replays} cohort replays`);
