/**
 * Why standard care's norepinephrine falls too far (issue 12; docs/models/cohort.md "Why standard care's dose falls
 * too far"). Replays the standard-care arm (all 92 virtual patients, their draws and factors, the committed
 * calibration) for 72 h once as committed and once per lever: one mechanism switched off, or set to the other end of
 * its plausible range (the spec's `range`), through the same overrides `--set` gives. Nothing is fitted and no
 * default changes. Prints the markdown table the page quotes, negative figures with U+2212, so it is pasted as
 * printed: the arm's mean norepinephrine change at 24 h (published −0.11 µg/kg/min), its mean MAP at 24 h (published
 * 60.5 mmHg) and its mean SOFA change without the respiratory score at 72 h (published −1.1), each with its shift
 * from the committed run.
 *
 * A second table gives the hydrocortisone rule to a share of each arm's patients (both arms; see `mixed` below).
 *
 * Run: npx tsx scripts/standardCareLevers.ts [lever ...]   (no names: every lever; names pick the first table's rows;
 * the committed run is always printed first, the second table always follows; about 30 replays, 7 min on one core.)
 */
import { loadArm, type LoadedArm } from '../sim/cohort/loadArm.js';
import { replayArm, type ArmResult } from '../sim/cohort/replay.js';
import type { Override } from '../sim/scenario/load.js';
import { pageFixed as fixed, pageSigned as signed } from './pageFigures.js';

const ARM = 'scenarios/cohort/standard-care.json';

interface Lever {
  name: string;
  /** what the lever does, in the table's words */
  label: string;
  set: Record<string, string>;
}

const LEVERS: Lever[] = [
  { name: 'drive-held', label: 'sepsis drive does not resolve (residual fraction 1)', set: { 'kinetics.sepsisDrive.residualFraction': '1' } },
  {
    name: 'drive-slow',
    label: 'sepsis drive resolves slowly (slow time constant 240 h, fast share 0.05)',
    set: { 'kinetics.sepsisDrive.timeConstant': '240 h', 'kinetics.sepsisDrive.fastFraction': '0.05' },
  },
  { name: 'il6-vasoplegia-off', label: 'IL-6 part of vasoplegia off (Dmax 0)', set: { 'hemodynamics.vasoplegia.maxDepression': '0 mmHg' } },
  { name: 'drive-vasoplegia-off', label: 'drive part of vasoplegia off (V_D 0)', set: { 'hemodynamics.vasoplegia.driveDepression': '0 mmHg' } },
  { name: 'il6-clearance-low', label: 'IL-6 falls less (endogenous clearance 1000 mL/h)', set: { 'kinetics.il6.endogenousClearance': '1000 mL/h' } },
  { name: 'hydrocortisone-off', label: 'hydrocortisone off', set: { 'prescription.hydrocortisone.give': 'false' } },
  {
    name: 'hydrocortisone-weak',
    label: 'hydrocortisone weak (Emax ratio 1.5, tone rise 0)',
    set: { 'hemodynamics.hydrocortisone.maxEffectRatio': '1.5', 'hemodynamics.hydrocortisone.toneRise': '0 mmHg' },
  },
  { name: 'hydrocortisone-emax-low', label: 'hydrocortisone’s Emax ratio 1.5 (not 1.97)', set: { 'hemodynamics.hydrocortisone.maxEffectRatio': '1.5' } },
  { name: 'hydrocortisone-tone-off', label: 'hydrocortisone raises no tone (ΔE0 0, not 6 mmHg)', set: { 'hemodynamics.hydrocortisone.toneRise': '0 mmHg' } },
  { name: 'hydrocortisone-slow', label: 'hydrocortisone onset 1 h (τ)', set: { 'hemodynamics.hydrocortisone.onsetTime': '1 h' } },
  { name: 'hydrocortisone-late', label: 'hydrocortisone after 24 h at ≥ 0.25 (not 4 h)', set: { 'prescription.hydrocortisone.startDelay': '24 h' } },
  { name: 'hydrocortisone-high-threshold', label: 'hydrocortisone only at ≥ 0.5 µg/kg/min', set: { 'prescription.hydrocortisone.startDose': '0.5 ug/kg/min' } },
  { name: 'vasopressin-off', label: 'vasopressin off', set: { 'prescription.vasopressin.give': 'false' } },
  { name: 'wean-slow', label: 'weaning 5 % per check (not 25 %)', set: { 'prescription.norepinephrine.weanFraction': '0.05' } },
  { name: 'wean-band-wide', label: 'weaning only above 75 mmHg (not 70)', set: { 'prescription.norepinephrine.weanAbove': '75 mmHg' } },
  { name: 'wean-2h', label: 'checks every 2 h (not 1 h)', set: { 'prescription.norepinephrine.interval': '2 h' } },
  { name: 'step-small', label: 'escalation step 0.01 µg/kg/min (not 0.02)', set: { 'prescription.norepinephrine.step': '0.01 ug/kg/min' } },
  {
    name: 'wean-slow-wide',
    label: 'weaning 5 % per 2 h, only above 75 mmHg',
    set: {
      'prescription.norepinephrine.weanFraction': '0.05',
      'prescription.norepinephrine.weanAbove': '75 mmHg',
      'prescription.norepinephrine.interval': '2 h',
    },
  },
  {
    name: 'target-60',
    label: 'a unit that tolerates 60–65 mmHg (target 60, wean above 65)',
    set: { 'prescription.norepinephrine.targetMap': '60 mmHg', 'prescription.norepinephrine.weanAbove': '65 mmHg' },
  },
  { name: 'fluids-off', label: 'no ICU fluid intake (infusion 0, not 1 mL/kg/h)', set: { 'patient.fluids.infusion': '0 mL/kg/h' } },
  { name: 'fever-off', label: 'fever costs no tone (0 mmHg/K)', set: { 'hemodynamics.fever.depressionPerKelvin': '0 mmHg/K' } },
  { name: 'fever-strong', label: 'fever costs 5 mmHg/K (not 2)', set: { 'hemodynamics.fever.depressionPerKelvin': '5 mmHg/K' } },
  { name: 'rv-off', label: 'right ventricle’s afterload off (0 /mmHg)', set: { 'hemodynamics.rightHeart.afterloadSensitivity': '0 1/mmHg' } },
  { name: 'rv-strong', label: 'right ventricle’s afterload 0.02 /mmHg (not 0.01)', set: { 'hemodynamics.rightHeart.afterloadSensitivity': '0.02 1/mmHg' } },
  { name: 'acidaemia-off', label: 'acidaemia blunts no pressor response (min response 1)', set: { 'hemodynamics.acidaemia.minResponse': '1' } },
  { name: 'acidaemia-strong', label: 'acidaemia blunts more (min response 0.3)', set: { 'hemodynamics.acidaemia.minResponse': '0.3' } },
  {
    name: 'hydrocortisone-off-wean-slow',
    label: 'hydrocortisone off and weaning 5 % per check',
    set: { 'prescription.hydrocortisone.give': 'false', 'prescription.norepinephrine.weanFraction': '0.05' },
  },
  {
    name: 'hydrocortisone-off-drive-held',
    label: 'hydrocortisone off and the drive held',
    set: { 'prescription.hydrocortisone.give': 'false', 'kinetics.sepsisDrive.residualFraction': '1' },
  },
];

const STANDARD = loadArm(ARM);
const ECMO = loadArm('scenarios/cohort/ecmo-hvhf.json');
const HYDROCORTISONE_OFF = { 'prescription.hydrocortisone.give': 'false' };
const HYDROCORTISONE_ON = { 'prescription.hydrocortisone.give': 'true' };

/** An arm's published figure (its file's `published` section, from cohort.md). */
const published = (arm: LoadedArm, figure: 'norepinephrine_change_ug_kg_min' | 'map_24h_mmHg' | 'sofa_change_nonrespiratory') => {
  const f = arm.arm.published[figure];
  if (!f) throw new Error(`${arm.file}: no published ${figure}`);
  return f.value;
};
const PUBLISHED = {
  standard: {
    dose: published(STANDARD, 'norepinephrine_change_ug_kg_min'),
    map: published(STANDARD, 'map_24h_mmHg'),
    sofa: published(STANDARD, 'sofa_change_nonrespiratory'),
  },
  ecmo: { dose: published(ECMO, 'norepinephrine_change_ug_kg_min'), map: published(ECMO, 'map_24h_mmHg'), sofa: published(ECMO, 'sofa_change_nonrespiratory') },
};

/** One replay of an arm, 72 h, with the overrides every patient gets; replays already run are reused. */
const replays = new Map<string, ArmResult>();
const replay = (arm: LoadedArm, set: Record<string, string>): ArmResult => {
  const key = `${arm.file} ${JSON.stringify(set)}`;
  if (!replays.has(key)) {
    const overrides: Override[] = Object.entries(set).map(([path, value]) => ({ path, value }));
    replays.set(key, replayArm(withDrawsHeld(arm, set), { hours: 72, overrides }));
  }
  return replays.get(key)!;
};

/**
 * A patient's own draws are applied after the overrides every patient shares, so a lever that sets a drawn field
 * holds that draw at the lever's value instead: a `choice` draw (the arms' `prescription.hydrocortisone.give`) keeps
 * its one uniform number per patient with the lever's value as its only option; a `factor` draw (the drive's residual)
 * is left out, so every patient has the lever's value, not a multiple of it. Each draw has its own stream, so every
 * other draw gives each patient what it gave before.
 */
const withDrawsHeld = (arm: LoadedArm, set: Record<string, string>): LoadedArm => {
  const draws = arm.arm.draws.flatMap((d) => {
    if (!(d.path in set)) return [d];
    if (d.distribution === 'choice') return [{ ...d, options: { [set[d.path]]: 1 } }];
    if (d.distribution === 'factor') return [];
    throw new Error(`${arm.file}: a lever sets ${d.path}, which the arm draws (${d.distribution}) as a baseline, not a choice or a factor`);
  });
  return { ...arm, arm: { ...arm.arm, draws } };
};

interface Figures {
  dose: number;
  map: number;
  sofa: number;
  /** share of patients whose 24 h dose is at most half their baseline dose */
  halved: number;
}
const figures = (r: ArmResult): Figures => ({
  dose: r.metrics.norepinephrine_change_ug_kg_min.mean,
  map: r.metrics.map_24h_mmHg.mean,
  sofa: r.metrics.sofa_change_nonrespiratory.mean,
  halved: r.patients.filter((p) => p.norepinephrine_change_ug_kg_min <= -0.5 * p.norepinephrine_baseline_ug_kg_min).length / r.patients.length,
});

const picked = process.argv.slice(2);
const unknown = picked.filter((n) => !LEVERS.some((l) => l.name === n));
if (unknown.length) throw new Error(`unknown lever ${unknown.join(', ')}; expected one of ${LEVERS.map((l) => l.name).join(', ')}`);
const levers = picked.length ? LEVERS.filter((l) => picked.includes(l.name)) : LEVERS;

const committed = figures(replay(STANDARD, {}));
console.log(
  '| lever (standard-care arm, 92 patients, 72 h) | dose change 24 h (µg/kg/min) | shift | MAP 24 h (mmHg) | shift | ΔSOFA without respiratory, 72 h | shift | dose halved by 24 h (% of patients) |',
);
console.log('|---|---|---|---|---|---|---|---|');
console.log(`| published | ${fixed(PUBLISHED.standard.dose, 2)} | | ${fixed(PUBLISHED.standard.map, 1)} | | ${fixed(PUBLISHED.standard.sofa, 1)} | | |`);
const row = (label: string, f: Figures) =>
  `| ${label} | ${fixed(f.dose, 3)} | ${signed(f.dose - committed.dose, 3)} | ${fixed(f.map, 1)} | ${signed(f.map - committed.map, 1)} | ${fixed(f.sofa, 2)} | ${signed(f.sofa - committed.sofa, 2)} | ${fixed(100 * f.halved, 0)} |`;
console.log(row('as committed', committed));
for (const lever of levers) console.log(row(`\`${lever.name}\`: ${lever.label}`, figures(replay(STANDARD, lever.set))));

/**
 * Hydrocortisone for a share of each arm. Every patient is replayed with the protocol's hydrocortisone rule (SSC 2021:
 * ≥ 0.25 µg/kg/min for 4 h) and without it; patients do not interact, so an arm in which a given set of patients
 * has the rule is exactly the mean over patients of the one run or the other. "at random": the expectation over
 * which patients have it (share·with + (1 − share)·without, patient by patient); "the highest baseline dose first":
 * the share with the highest baseline norepinephrine has it (the sicker are given steroids more often: PROGRESS,
 * Beale 2010). The shares are PROGRESS's (Crit Care 2010;14:R102: low-dose corticosteroids in 21.6 % of severe-sepsis
 * patients in Asia, 34.0 % overall, 51.1 % in Europe) and the model's all.
 */
type Pick = (patients: ArmResult['patients'], share: number) => number[];
const atRandom: Pick = (patients, share) => patients.map(() => share);
const highestDoseFirst: Pick = (patients, share) => {
  const order = patients.map((p, i) => ({ i, dose: p.norepinephrine_baseline_ug_kg_min })).sort((a, b) => b.dose - a.dose || a.i - b.i);
  const chosen = new Set(order.slice(0, Math.round(share * patients.length)).map((o) => o.i));
  return patients.map((_, i) => (chosen.has(i) ? 1 : 0));
};
const mixed = (arm: LoadedArm, share: number, pick: Pick) => {
  const withIt = replay(arm, HYDROCORTISONE_ON).patients;
  const without = replay(arm, HYDROCORTISONE_OFF).patients;
  if (withIt.some((p, i) => p.id !== without[i].id)) throw new Error(`${arm.arm.name}: the two replays hold different patients`);
  const weights = pick(without, share);
  const mean = (k: 'norepinephrine_change_ug_kg_min' | 'map_24h_mmHg' | 'sofa_change_nonrespiratory') =>
    withIt.reduce((a, p, i) => a + weights[i] * p[k] + (1 - weights[i]) * without[i][k], 0) / withIt.length;
  return { dose: mean('norepinephrine_change_ug_kg_min'), map: mean('map_24h_mmHg'), sofa: mean('sofa_change_nonrespiratory') };
};
console.log('');
console.log(
  '| hydrocortisone rule for | which patients | standard care: dose change / MAP 24 h / ΔSOFA without respiratory | ECMO + HVHF: dose change / MAP 24 h / ΔSOFA without respiratory | between arms: dose / MAP |',
);
console.log('|---|---|---|---|---|');
{
  const [s, e] = [PUBLISHED.standard, PUBLISHED.ecmo];
  const arm = (f: typeof s) => `${fixed(f.dose, 2)} / ${fixed(f.map, 1)} / ${fixed(f.sofa, 1)}`;
  console.log(`| published | | ${arm(s)} | ${arm(e)} | ${fixed(e.dose - s.dose, 2)} / ${signed(e.map - s.map, 1)} |`);
}
const SHARES: [number, string][] = [
  [0, 'none'],
  [0.216, '21.6 % (PROGRESS, Asia)'],
  [0.34, '34.0 % (PROGRESS, all)'],
  [0.511, '51.1 % (PROGRESS, Europe)'],
  [1, 'all'],
];
for (const [share, label] of SHARES)
  for (const [pick, who] of [
    [atRandom, 'at random'],
    [highestDoseFirst, 'the highest baseline dose first'],
  ] as [Pick, string][]) {
    if ((share === 0 || share === 1) && pick !== atRandom) continue;
    const s = mixed(STANDARD, share, pick);
    const e = mixed(ECMO, share, pick);
    console.log(
      `| ${label} | ${share === 0 || share === 1 ? '' : who} | ${fixed(s.dose, 3)} / ${fixed(s.map, 1)} / ${fixed(s.sofa, 2)} | ${fixed(e.dose, 3)} / ${fixed(e.map, 1)} / ${fixed(e.sofa, 2)} | ${fixed(e.dose - s.dose, 3)} / ${signed(e.map - s.map, 1)} |`,
    );
  }
{
  // the arms as committed: each patient's seeded `choice` draw of prescription.hydrocortisone.give
  const s = committed;
  const e = figures(replay(ECMO, {}));
  const drawn = (arm: LoadedArm) => {
    const d = arm.arm.draws.find((x) => x.path === 'prescription.hydrocortisone.give');
    if (!d || d.distribution !== 'choice') return 'not drawn';
    const total = Object.values(d.options).reduce((a, w) => a + w, 0);
    return `${fixed((100 * (d.options.true ?? 0)) / total, 1)} %`;
  };
  console.log(
    `| as committed: the arms’ draw (${drawn(STANDARD)}, ${drawn(ECMO)}) | each patient’s seeded draw | ${fixed(s.dose, 3)} / ${fixed(s.map, 1)} / ${fixed(s.sofa, 2)} | ${fixed(e.dose, 3)} / ${fixed(e.map, 1)} / ${fixed(e.sofa, 2)} | ${fixed(e.dose - s.dose, 3)} / ${signed(e.map - s.map, 1)} |`,
  );
}
