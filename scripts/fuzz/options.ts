/** The fuzz command's options: npm run fuzz -- [--seed S] [--count N] [--out-dir DIR] [--hours H] [--budget-ms MS] [--workers W] */
import { cpus } from 'node:os';

export interface Options {
  seed: number;
  count: number;
  outDir: string;
  hours: number;
  budgetMs: number;
  workers: number;
}

export function parseArgs(argv: string[]): Options {
  const o: Options = { seed: 1, count: 10_000, outDir: 'test/fixtures/fuzz-regressions', hours: 24, budgetMs: 20_000, workers: Math.max(1, cpus().length) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a}: expected a non-negative number, got ${JSON.stringify(v)}`);
      return n;
    };
    if (a === '--seed') o.seed = Math.floor(num(next()));
    else if (a === '--count') o.count = Math.floor(num(next()));
    else if (a === '--out-dir') o.outDir = next();
    else if (a === '--hours') o.hours = num(next());
    else if (a === '--budget-ms') o.budgetMs = num(next());
    else if (a === '--workers') o.workers = Math.max(1, Math.floor(num(next())));
    else if (a === '--help' || a === '-h') {
      process.stdout.write('npm run fuzz -- [--seed S] [--count N] [--out-dir DIR] [--hours H] [--budget-ms MS] [--workers W]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}; expected --seed, --count, --out-dir, --hours, --budget-ms, --workers`);
  }
  return o;
}
