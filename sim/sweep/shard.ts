/** `--shard k/N`: shard k of N takes every run whose id ≡ k − 1 (mod N). */
import { ScenarioError } from '../scenario/errors.js';

export interface Shard {
  index: number; // 1-based k
  count: number; // N
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1) || !(k >= 1 && k <= n)) {
    throw new ScenarioError('--shard', [
      {
        path: '--shard',
        message: `got ${JSON.stringify(text)}; expected k/N with 1 ≤ k ≤ N, e.g. --shard 3/8 (SLURM: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT with --array=1-N)`,
      },
    ]);
  }
  return { index: k, count: n };
}

export function inShard(id: number, shard: Shard | undefined): boolean {
  return shard === undefined || id % shard.count === shard.index - 1;
}
