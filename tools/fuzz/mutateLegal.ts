import { ADJUSTABLE, LEAVES } from './bases.js';
import { describeValue, type Json, type JsonObject } from './json.js';
import { fmt, int, pick, weighted, type Rng } from './random.js';
import { legalText } from './values.js';

/** Legal values across each field's whole accepted range: the engine's turn. */
export function mutateLegal(r: Rng, doc: JsonObject, log: string[]): void {
  for (let i = int(r, 1, 8); i > 0; i--) {
    const { path, spec } = pick(r, LEAVES);
    const keys = path.split('.');
    let node: JsonObject = doc;
    let ok = true;
    for (const k of keys.slice(0, -1)) {
      if (node[k] === null) {
        ok = false;
        break;
      }
      if (typeof node[k] !== 'object' || Array.isArray(node[k])) node[k] = {};
      node = node[k] as JsonObject;
    }
    if (!ok) continue;
    const v = legalText(r, spec);
    node[keys[keys.length - 1]] = v;
    log.push(`legal ${path} = ${describeValue(v)}`);
  }
  if (r() < 0.4) {
    const n = int(r, 1, 5);
    doc.timeline = Array.from({ length: n }, () => {
      const { path, spec } = pick(r, ADJUSTABLE);
      return weighted<() => Json>(r, [
        [5, () => ({ at: `${fmt(r() * 24)} h`, set: { [path]: legalText(r, spec) } })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, heparinBolus: `${fmt(r() * 100)} U/kg` })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, changeFilter: true })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, [pick(r, ['changeOxygenator', 'changeCircuit', 'changeConsole', 'changePumpHead'] as const)]: true })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, recannulate: pick(r, ['drainage', 'return'] as const) })],
        [1, () => ({ at: `${fmt(r() * 24)} h`, fault: { filterClot: `${fmt(r() * 100)} %`, oxygenatorThrombus: `${fmt(r() * 300)} %` } })],
      ])();
    });
    log.push(`legal timeline +${n}`);
  }
}
