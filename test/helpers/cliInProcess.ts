/**
 * The command line run in-process, as the tests drive it: `sim(args)` calls `main` with standard error captured
 * (no noise in the test log), `stderr()` reads what it wrote. Mocks are restored after each test.
 */
import { afterEach, vi } from 'vitest';
import { main } from '../../sim/cli.js';

afterEach(() => vi.restoreAllMocks());

/** Everything written to standard error since the capture started. */
export const stderr = (): string =>
  vi
    .mocked(process.stderr.write)
    .mock.calls.map((c) => String(c[0]))
    .join('');

/** Runs the command line with standard error captured; resolves to the exit code. */
export async function sim(args: string[]): Promise<number> {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return main(args);
}
