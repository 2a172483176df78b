/**
 * Broken scenarios and bad command lines: each gives one clear message naming the JSON path, the value given and
 * what was expected, exits with code 2, prints no stack trace and writes no output file.
 * The fixtures are in test/fixtures/broken/, each a copy of scenarios/ecmo-hvhf-default.json with one thing broken;
 * expected.json maps each file to the path its message must name and fragments it must contain.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../sim/cli.js';

const FIXTURES = 'test/fixtures/broken';
const VALID = 'scenarios/ecmo-hvhf-default.json';

interface Expectation {
  path: string;
  contains: string[];
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expectation>;
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json') && f !== 'expected.json')
  .sort();

let tmp: string;
let n = 0;
/** A fresh output path in the temporary directory (not created). */
const outPath = (ext = 'json') => join(tmp, `out-${++n}.${ext}`);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'broken-scenarios-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the CLI in-process, capturing what it writes to stderr and stdout. */
async function runCli(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await main(args);
    return {
      code,
      stderr: err.mock.calls.map((c) => String(c[0])).join(''),
      stdout: out.mock.calls.map((c) => String(c[0])).join(''),
    };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+:\d+/);
  expect(text).not.toMatch(/engine failure/);
}

/** Nothing but what the test put there: no output file, no half-written temporary file. */
function expectTmpHolds(files: string[]): void {
  expect(readdirSync(tmp).sort()).toEqual([...files].sort());
}

describe('broken scenario fixtures', () => {
  it('has at least 24 fixtures, each with its expected message', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(24);
    expect(Object.keys(expected).sort()).toEqual(fixtures);
  });

  it.each(fixtures)('%s: exit 2, one message naming the path, no stack trace, no output', async (file) => {
    const exp = expected[file];
    const out = outPath();
    const { code, stderr, stdout } = await runCli(['run', join(FIXTURES, file), '--out', out]);
    expect(code, stderr).toBe(2);
    expect(stderr).toContain(`${file}: 1 problem\n`);
    const lines = stderr.trimEnd().split('\n');
    expect(lines, stderr).toHaveLength(2);
    expect(lines[1].startsWith(`  ${exp.path}: `), stderr).toBe(true);
    for (const fragment of exp.contains) expect(lines[1], `message should contain ${JSON.stringify(fragment)}`).toContain(fragment);
    expectNoStackTrace(stderr);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expectTmpHolds([]);
  });

  it('an expression is refused, never evaluated: "40+5 mL/kg/h" would be a valid 45 mL/kg/h', async () => {
    const { code, stderr } = await runCli(['run', join(FIXTURES, 'dose-expression-would-be-valid.json'), '--out', outPath()]);
    expect(code).toBe(2);
    expect(stderr).not.toContain('45 mL/kg/h');
  });

  it('leaves an existing --out file unchanged, even with --overwrite', async () => {
    const out = outPath();
    const content = '{"keep": "this exact content"}\n';
    writeFileSync(out, content);
    const { code, stderr } = await runCli(['run', join(FIXTURES, 'dose-wrong-dimension-mmHg.json'), '--out', out, '--overwrite']);
    expect(code).toBe(2);
    expect(stderr).toContain('prescription.effluentDose: got "45 mmHg"');
    expect(readFileSync(out, 'utf8')).toBe(content);
    expectTmpHolds([out.slice(tmp.length + 1)]);
    rmSync(out);
  });

  it('the real CLI, as a child process: exit code 2 and the message on stderr', () => {
    const out = outPath();
    const fixture = join(FIXTURES, 'weight-out-of-range.json');
    // the built command line (dist/cli/), which test/helpers/buildCliBundle.ts builds from the current sources
    const r = spawnSync(process.execPath, ['dist/cli/cli.js', 'run', fixture, '--out', out], {
      encoding: 'utf8',
      timeout: 600_000, // a hang, not slowness: the bundle starts in ~0.3 s on a quiet machine
    });
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('patient.weight: got "900 kg": outside the accepted range; expected a quantity in kg, between 20 kg and 300 kg');
    expectNoStackTrace(r.stderr);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad command-line input', () => {
  const cases: { name: string; args: (out: string) => string[]; message: RegExp }[] = [
    {
      name: '--hours -3',
      args: (o) => ['run', VALID, '--hours', '-3', '--out', o],
      message: /--hours: got "-3"; expected a number of hours between 0.01 and 2160/,
    },
    { name: '--hours abc', args: (o) => ['run', VALID, '--hours', 'abc', '--out', o], message: /--hours: got "abc"; expected a number of hours/ },
    {
      name: '--set noequals',
      args: (o) => ['run', VALID, '--set', 'noequals', '--out', o],
      message: /--set: got "noequals": no "=" between the path and the value; expected path=value/,
    },
    {
      name: '--set unknown.path=3 h',
      args: (o) => ['run', VALID, '--set', 'unknown.path=3 h', '--out', o],
      message: /unknown\.path: unknown field for --set; expected the dotted path of a scenario field/,
    },
    {
      name: '--set with a typo suggests the field',
      args: (o) => ['run', VALID, '--set', 'patient.wieght=70 kg', '--out', o],
      message: /patient\.wieght: unknown field for --set \(did you mean "patient\.weight"\?\)/,
    },
    {
      name: '--set "prescription.effluentDose=45 mmHg"',
      args: (o) => ['run', VALID, '--set', 'prescription.effluentDose=45 mmHg', '--out', o],
      message:
        /prescription\.effluentDose: got "45 mmHg": wrong dimension: mmHg cannot be converted to mL\/kg\/h; expected a quantity in mL\/kg\/h.*\(value given on the command line\)/,
    },
    { name: '--format xml', args: (o) => ['run', VALID, '--format', 'xml', '--out', o], message: /argument 'xml' is invalid\. Allowed choices are json, csv/ },
    {
      name: 'a missing scenario file',
      args: (o) => ['run', 'scenarios/no-such-scenario.json', '--out', o],
      message: /no-such-scenario\.json: 1 problem\n {2}\(top level\): cannot read the scenario file: no such file/,
    },
    {
      name: 'a folder as the scenario',
      args: (o) => ['run', 'scenarios', '--out', o],
      message: /scenarios: 1 problem\n {2}\(top level\): cannot read the scenario file: is a folder, not a file/,
    },
  ];

  it.each(cases)('$name: exit 2 with a clear message, no output', async ({ args, message }) => {
    const out = outPath();
    const { code, stderr, stdout } = await runCli(args(out));
    expect(code, stderr).toBe(2);
    expect(stderr).toMatch(message);
    expectNoStackTrace(stderr);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expectTmpHolds([]);
  });
});
