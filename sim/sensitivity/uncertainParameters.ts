/**
 * The uncertain parameters of a sensitivity analysis: quantity leaves of the scenario specs with a plausible
 * `range` of non-zero width, except settings the operator chooses (`adjustable`: dose, blood flow, ...), and
 * except those of a section the scenario leaves out (no filter: no filter parameters). `--parameters` picks any
 * quantity with a range, adjustable or not.
 */
import { forEachLeaf, leafAt, type QuantitySpec, type SpecTree } from '../parameters.js';
import { ScenarioError } from '../scenario/errors.js';
import { scenarioSpecs } from '../scenario/scenarioSpecs.js';
import { unknownSettingMessage } from '../scenario/suggest.js';

export interface UncertainParameter {
  path: string;
  unit: string;
  lo: number;
  hi: number;
}

const fromSpec = (path: string, s: QuantitySpec): UncertainParameter => ({ path, unit: s.unit, lo: s.range![0], hi: s.range![1] });

function sectionPresent(raw: Record<string, unknown>, path: string): boolean {
  return raw[path.split('.')[0]] !== null;
}

export function defaultUncertainParameters(raw: Record<string, unknown>): UncertainParameter[] {
  const out: UncertainParameter[] = [];
  forEachLeaf(scenarioSpecs as SpecTree, (path, s) => {
    if (s.kind === 'quantity' && s.range && s.range[1] > s.range[0] && !s.adjustable && sectionPresent(raw, path)) out.push(fromSpec(path, s));
  });
  return out;
}

export function chosenUncertainParameters(list: string, raw: Record<string, unknown>): UncertainParameter[] {
  const paths = list
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const fail = (message: string): never => {
    throw new ScenarioError('--parameters', [{ path: '--parameters', message }]);
  };
  if (paths.length === 0) fail('no parameter named; expected paths separated by commas, e.g. filter.sieving.il6.fouled,kinetics.il6.endogenousClearance');
  if (new Set(paths).size !== paths.length) fail('a parameter is named twice');
  return paths.map((path) => {
    const s = leafAt(scenarioSpecs as SpecTree, path);
    if (!s) return fail(`${path}: ${unknownSettingMessage(path, 'parameter for --parameters')}`);
    if (s.kind !== 'quantity' || !s.range || !(s.range[1] > s.range[0]))
      return fail(`${path} has no plausible range to sample (only quantities with a range of non-zero width in docs/models/ can be analysed)`);
    if (!sectionPresent(raw, path)) return fail(`${path}: the scenario has no ${path.split('.')[0]} (it is null)`);
    return fromSpec(path, s);
  });
}
