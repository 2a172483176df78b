/**
 * The bundled default scenario resolved at build time, for the engine worker's first load: the source of the module
 * `virtual:pre-resolved-scenario` (served by the plugin in vite.config.ts), holding the file's text and the Scenario
 * it resolves to (packed). The worker starts it without the resolver (zod, mathjs's Unit, the schema's messages), which it
 * imports only for any other text. The module is written by each build (and again by the dev server when a file it
 * read changes), from the file and the resolver of this checkout, so it cannot go stale;
 * test/preResolvedScenario.test.ts checks that it equals resolving the file at run time.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packScenario } from '../../src/engine/packedScenario';
import { resolveScenarioText } from '../../src/engine/scenarioText';

/** The scenario pre-resolved: the live view's first (BUNDLED_SCENARIOS[0], src/scenarios.ts). */
export const PRE_RESOLVED_FILE = 'ecmo-hvhf-default.json';
const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');

/**
 * A value as JavaScript source that evaluates to an equal value (numbers exactly, with -0, NaN and ±Infinity;
 * properties holding undefined kept). Plain data only: anything else (a function, a class instance, a Map) is refused,
 * naming its path, as is a "__proto__" key, which an object literal would read as the prototype.
 */
export function toSource(value: unknown, path = 'scenario'): string {
  if (value === undefined || value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new Error(`${path}[${i}]: a hole in an array; expected plain data`);
      items.push(toSource(value[i], `${path}[${i}]`));
    }
    return `[${items.join(',')}]`;
  }
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    const what = typeof value === 'object' ? (proto?.constructor?.name ?? 'object') : typeof value;
    throw new Error(`${path}: a ${what}; expected plain data (numbers, strings, booleans, null, arrays, plain objects)`);
  }
  const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    if (k === '__proto__') throw new Error(`${path}: a "__proto__" key; expected plain data`);
    return `${JSON.stringify(k)}:${toSource(v, `${path}.${k}`)}`;
  });
  return `{${fields.join(',')}}`;
}

/**
 * The virtual module's source: the file's name and text, and the Scenario it resolves to, packed (its sections'
 * values without their keys: src/engine/packedScenario.ts); a build error if the file does not resolve.
 */
export function preResolvedSource(): string {
  const text = readFileSync(join(SCENARIOS, PRE_RESOLVED_FILE), 'utf8');
  const r = resolveScenarioText(text, PRE_RESOLVED_FILE);
  if (!r.ok) throw new Error(`the bundled default scenario does not resolve: ${r.message}`);
  return [
    `export const source = ${JSON.stringify(PRE_RESOLVED_FILE)};`,
    `export const text = ${JSON.stringify(text)};`,
    `export const packed = ${toSource(packScenario(r.scenario), 'packed')};`,
    '',
  ].join('\n');
}
