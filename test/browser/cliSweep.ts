/**
 * The command line's results file of a sweep of the default scenario (what a user types at the repository's root:
 * 2 h runs on 2 workers), written into `dir`, its path returned: the page tests compare the page's sweep with it.
 */
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { main } from '../../sim/cli';

export async function cliSweepFile(dir: string, name: string, options: string[]): Promise<string> {
  const out = join(dir, name);
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await main(['sweep', 'scenarios/ecmo-hvhf-default.json', ...options, '--hours', '2', '--workers', '2', '--quiet', '--out', out])).toBe(0);
  } finally {
    quiet.mockRestore();
  }
  return out;
}
