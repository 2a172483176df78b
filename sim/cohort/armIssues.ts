/**
 * zod's issues on a cohort arm file, in the arm file's own terms: an unknown field is named against the arm file's
 * fields (not the scenario's), a distribution names the accepted ones, and a scenario file passed as an arm is told
 * so. Other issues are worded as for scenarios (scenario/zodIssues.ts).
 */
import { keySegment, shownValue, type ScenarioIssue } from '../scenario/errors.js';
import { closest } from '../scenario/suggest.js';
import { formatZodIssue, pathText, type ZodLikeIssue } from '../scenario/zodIssues.js';
import { armSchema, drawSchema, publishedFigureSchema } from './armSchema.js';

const ARM_FIELDS = Object.keys(armSchema.shape);
const DISTRIBUTIONS = drawSchema.options.map((o) => o.shape.distribution.value);
const DRAW_FIELDS = [...new Set(drawSchema.options.flatMap((o) => Object.keys(o.shape)))];
const PUBLISHED_FIELDS = Object.keys(publishedFigureSchema.shape);
/** Top-level fields of a scenario file that an arm file never has. */
const SCENARIO_ONLY = ['circuit', 'filter', 'prescription', 'patient', 'kinetics', 'duration', 'outputInterval', 'timeline'];

/** The fields an arm file accepts at a path: the arm's, a draw's (of its distribution), a published figure's. */
function armFields(path: PropertyKey[], raw: unknown): string[] {
  if (path.length === 0) return ARM_FIELDS;
  if (path[0] === 'draws' && path.length === 2) {
    const d = (raw as { draws?: { distribution?: unknown }[] }).draws?.[Number(path[1])];
    const variant = drawSchema.options.find((o) => o.shape.distribution.value === d?.distribution);
    return variant ? Object.keys(variant.shape) : DRAW_FIELDS;
  }
  if (path[0] === 'published' && path.length === 2) return PUBLISHED_FIELDS;
  return [];
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw);
}

export function formatArmIssue(issue: ZodLikeIssue, raw: unknown): ScenarioIssue[] {
  const path = pathText(issue.path);
  if (issue.code === 'unrecognized_keys')
    return (issue.keys ?? []).map((k) => {
      const allowed = armFields(issue.path, raw);
      const near = closest(k, allowed);
      return {
        path: keySegment(path, k),
        message: `unknown field of a cohort arm file${near ? ` (did you mean "${near}"?)` : ''}; expected one of: ${allowed.join(', ')}`,
      };
    });
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'distribution') {
    const given = valueAt(raw, issue.path);
    const got = given === undefined ? 'missing' : `got ${shownValue(given)}`;
    return [{ path, message: `${got}; expected one of ${DISTRIBUTIONS.map((d) => JSON.stringify(d)).join(', ')}` }];
  }
  return formatZodIssue(issue);
}

/** A scenario file given where an arm file was expected: the one message that helps, instead of one per field. */
export function scenarioGivenAsArm(raw: unknown): ScenarioIssue | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const keys = Object.keys(raw);
  if (keys.includes('draws') || keys.includes('protocol') || !keys.some((k) => SCENARIO_ONLY.includes(k))) return undefined;
  return {
    path: '',
    message:
      'this is a scenario file, not a cohort arm file: an arm file has name, n, seed, protocol (the scenario every patient starts from), draws and published (e.g. scenarios/cohort/ecmo-hvhf.json); to replay this scenario as an arm, name it as an arm file\'s "protocol"',
  };
}

/** The same draw path twice: the second would silently overwrite the first's sample. */
export function duplicateDraws(draws: { path: string }[]): ScenarioIssue[] {
  const first = new Map<string, number>();
  const issues: ScenarioIssue[] = [];
  draws.forEach((d, i) => {
    const j = first.get(d.path);
    if (j === undefined) first.set(d.path, i);
    else
      issues.push({ path: `draws[${i}].path`, message: `${JSON.stringify(d.path)} is drawn twice (draws[${j}] and draws[${i}]); expected one draw per path` });
  });
  return issues;
}
