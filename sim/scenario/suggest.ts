/** "Did you mean ...?" for misspelt field names and setting paths. */
import { forEachLeaf, isLeaf, type LeafSpec, type SpecTree } from '../parameters.js';
import { scenarioSpecs } from './scenarioSpecs.js';

/** Fields a scenario could once set, with where their meaning went: a scenario that still sets one is told. */
const RETIRED_FIELDS: Readonly<Record<string, string>> = {
  'kinetics.creatinine.renalClearance':
    "no longer a setting: the kidney's start is its injury, patient.kidney.startingInjury (a fraction 0–1), and creatinine's renal clearance is the GFR it gives at the starting MAP − CVP (docs/models/kidney.md)",
  'prescription.vasopressin.stopBelow':
    'unknown field (renamed: it is a norepinephrine dose, µg/kg/min, at or below which vasopressin stops, not the dose below which norepinephrine stops, prescription.norepinephrine.stopBelow); expected prescription.vasopressin.stopAtNorepinephrine',
  'kinetics.urea.renalClearance': "no longer a setting: urea's renal clearance is a fraction of the GFR, kinetics.urea.fractionOfGfr (docs/models/kidney.md)",
};

/** Why a dotted path that was once a field no longer is, or undefined. */
export function retiredField(path: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RETIRED_FIELDS, path) ? RETIRED_FIELDS[path] : undefined;
}

/** Edit distance with adjacent transpositions (optimal string alignment), so "wieght" is one edit from "weight". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate closest to `word` (case-insensitive), when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const accepted = Math.max(1, Math.min(3, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // the distance is at least the difference in length: skip hopeless candidates (a 100 000-character key took 86 s)
    if (Math.abs(c.length - w.length) > accepted) continue;
    const dist = distance(w, c.toLowerCase());
    if (dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  return bestD <= accepted ? best : undefined;
}

/** Every leaf's dotted path in the scenario spec tree. */
export function allSettingPaths(filter: (spec: LeafSpec) => boolean = () => true): string[] {
  const out: string[] = [];
  forEachLeaf(scenarioSpecs as SpecTree, (path, spec) => {
    if (filter(spec)) out.push(path);
  });
  return out;
}

/** Why a dotted path names no setting: a section rather than a field, a likely typo, or simply unknown. */
export function unknownSettingMessage(path: string, what: string): string {
  const retired = retiredField(path);
  if (retired) return retired;
  let node: LeafSpec | SpecTree | undefined = scenarioSpecs as SpecTree;
  for (const key of path.split('.')) {
    node = node && !isLeaf(node) && Object.prototype.hasOwnProperty.call(node, key) ? (node as SpecTree)[key] : undefined;
  }
  if (node && !isLeaf(node)) {
    const fields = allSettingPaths().filter((p) => p.startsWith(`${path}.`));
    const shown = fields.length > 8 ? `${fields.slice(0, 8).join(', ')}, ...` : fields.join(', ');
    return `"${path}" is a section, not a single setting; expected one of its fields, e.g. ${shown}`;
  }
  const near = closest(path, allSettingPaths());
  return `unknown ${what}${near ? ` (did you mean "${near}"?)` : ''}; expected the dotted path of a scenario field, e.g. "prescription.effluentDose"`;
}
