/**
 * QA finding 12: an actions file's mistakes were zod's own words ("actions[0].at: Invalid input", "Invalid input:
 * expected object, received string", the field not named), and `silence.minutes` took a bare number against the
 * unit rule. Each message names the field, the value given and what the field takes; minutes take a unit.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, stderr } from './helpers/cliInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-actions-'));
const TRAINING = 'scenarios/training/drainage-clamp.json';
function actionsFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('sim train --actions: mistakes in the actions file', () => {
  it('a missing "at", a silence given as a text, a list without its "actions" object: each names the field and what it takes', async () => {
    const file = actionsFile('bad.json', { actions: [{ at: '1 min', silence: 'heparinOcclusion' }, { set: { 'circuit.clamps.drainageLine': false } }] });
    expect(await sim(['train', TRAINING, '--actions', file])).toBe(2);
    const err = stderr();
    expect(err).toContain('actions[0].silence: got "heparinOcclusion"; expected an object { "alarm": an alarm id or "all", "minutes": a duration');
    expect(err).toContain('actions[1].at: missing; expected a time from the start, e.g. "10 min"');
    expect(err).not.toMatch(/Invalid input/);
    expect(await sim(['train', TRAINING, '--actions', actionsFile('list.json', [{ at: '1 min', acknowledge: 'all' }])])).toBe(2);
    expect(stderr()).toMatch(/\(top level\): got \[.*\]; expected an object \{ "actions": \[\.\.\.\] \}/);
  });

  it('silence.minutes takes a duration with its unit: a bare number is refused, "2 min" silences for 2 min', async () => {
    const bare = actionsFile('bare.json', { actions: [{ at: '1 min', silence: { alarm: 'all', minutes: 2 } }] });
    expect(await sim(['train', TRAINING, '--actions', bare])).toBe(2);
    expect(stderr()).toMatch(/actions\[0\]\.silence\.minutes: got 2: a bare number has no unit; write it with its unit, e\.g\. "2 min"/);
    const out = join(dir, 'debrief.txt');
    const unit = actionsFile('unit.json', { actions: [{ at: '1 min', silence: { alarm: 'all', minutes: '120 s' } }] });
    expect(await sim(['train', TRAINING, '--actions', unit, '--out', out])).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/01:00\s+action\s+silenced all alarms for 2 min/);
  });
});
