// Preloaded by bench/output.bench.ts (node --import) where /usr/bin/time does not exist: as the process exits,
// writes its own resource usage (maxRSS in kB, CPU times in µs) to the file named by BENCH_RSS_REPORT.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  if (process.env.BENCH_RSS_REPORT) writeFileSync(process.env.BENCH_RSS_REPORT, JSON.stringify(process.resourceUsage()));
});
