/**
 * Visualiser benchmark: frame times at 3600× in headless chromium, and the page's JavaScript size gzipped for the
 * first load. Prints figures; asserts nothing. Targets (issue 4): 95th percentile ≤ 16.7 ms; ≤ 400 KB gzipped.
 *
 *   npm run bench:view                    # the renderer the page picks (view/rendererChoice.ts)
 *   npm run bench:view -- renderer=webgl  # or force one (extra query parameters for the page)
 *
 * Frame interval: requestAnimationFrame timestamps collected in the page over MEASURE_ms at 3600×.
 * Frame work: the page's own per-frame work (updates + pixi's render call), from the "frame-work" performance
 * measures the page records when opened with ?perf.
 * First load: every .js file the browser fetched while opening the page, gzipped (level 9) with node:zlib.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAndServe, launchChromium } from '../tools/browser/harness';

const WARMUP_ms = 3000;
const MEASURE_ms = 10_000;

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s[s.length - 1] };
};

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const served = await buildAndServe();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const fetched = new Set<string>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) fetched.add(path);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const extra = process.argv
    .slice(2)
    .map((a) => `&${a}`)
    .join('');
  await page.goto(`${served.url}?perf${extra}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="ecmo-flow"] .value')?.textContent !== '—');
  const renderer = await page.getAttribute('canvas[data-testid="circuit-canvas"]', 'data-renderer');
  await page.keyboard.press('5'); // 3600×
  await page.waitForTimeout(WARMUP_ms);
  const t0_h = Number(await page.getAttribute('[data-testid="sim-time"]', 'data-hours'));
  // a string, so the bundler's helpers never reach the page
  const result = (await page.evaluate(`new Promise((resolve) => {
    performance.clearMeasures('frame-work');
    const stamps = [];
    let end = 0;
    const frame = (t) => {
      if (!end) end = t + ${MEASURE_ms};
      stamps.push(t);
      if (t < end) requestAnimationFrame(frame);
      else resolve({ stamps, work: performance.getEntriesByName('frame-work').map((e) => e.duration) });
    };
    requestAnimationFrame(frame);
  })`)) as { stamps: number[]; work: number[] };
  const t1_h = Number(await page.getAttribute('[data-testid="sim-time"]', 'data-hours'));
  const intervals = result.stamps.slice(1).map((t, i) => t - result.stamps[i]);
  const iv = stats(intervals);
  const work = stats(result.work);

  const js = [...fetched].map((p) => {
    const bytes = readFileSync(join(served.outDir, p));
    return { file: p, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const allJs = readdirSync(join(served.outDir, 'assets')).filter((f) => f.endsWith('.js'));
  const allGzip = allJs.reduce((sum, f) => sum + gzipSync(readFileSync(join(served.outDir, 'assets', f)), { level: 9 }).length, 0);
  const firstGzip = js.reduce((s, f) => s + f.gzip, 0);
  const firstRaw = js.reduce((s, f) => s + f.raw, 0);

  console.log(`visualiser benchmark — headless chromium (${CHROMIUM_NAME()}), renderer: ${renderer}, viewport 1280×800`);
  console.log(
    `  simulated ${(t1_h - t0_h).toFixed(2)} h in ${(MEASURE_ms / 1000).toFixed(0)} s of measurement at 3600× (target ${(MEASURE_ms / 1000).toFixed(0)} h)`,
  );
  console.log(
    `  frame interval (rAF): n=${iv.n}  median ${iv.median.toFixed(2)} ms  p95 ${iv.p95.toFixed(2)} ms  p99 ${iv.p99.toFixed(2)} ms  max ${iv.max.toFixed(2)} ms   [target p95 ≤ 16.7 ms]`,
  );
  console.log(
    `  frame work (page):   n=${work.n}  median ${work.median.toFixed(2)} ms  p95 ${work.p95.toFixed(2)} ms  p99 ${work.p99.toFixed(2)} ms  max ${work.max.toFixed(2)} ms`,
  );
  console.log(`  first load JavaScript: ${js.length} files, ${kB(firstRaw)} raw, ${kB(firstGzip)} gzipped   [target ≤ 400 KB]`);
  for (const f of js.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${f.file.padEnd(48)} ${kB(f.raw).padStart(10)} raw ${kB(f.gzip).padStart(10)} gzip`);
  console.log(`  all JavaScript in the build: ${allJs.length} files, ${kB(allGzip)} gzipped`);
  if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  await served.close();
}

function CHROMIUM_NAME(): string {
  return browser.version();
}
