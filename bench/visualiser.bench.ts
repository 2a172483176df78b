/**
 * Visualiser benchmark: frame times at 3600× in headless chromium and the bytes of the first load gzipped, for this
 * checkout and a "before" commit built from a temporary git worktree, measured in one run, alternating. Prints
 * figures; asserts nothing. Targets (issue 14): 95th percentile frame interval ≤ 16.7 ms; first load ≤ 250 KB gzipped.
 *
 *   npm run bench:view                                  # this checkout against c542753, 3 repeats each
 *   npm run bench:view -- before=<commit> repeats=5     # another "before", more repeats
 *   npm run bench:view -- renderer=webgl                # any other argument is a query parameter for the page
 *   npm run bench:view -- first-load                    # the first load only (no frames measured), one run each
 *
 * Frame interval: requestAnimationFrame timestamps collected in the page over MEASURE_ms at 3600×, after WARMUP_ms.
 * Frame work: the page's own per-frame work (updates + pixi's render call), from the "frame-work" performance
 * measures the page records when opened with ?perf; this checkout's page also records its parts (circuit, consoles,
 * trends, pixi's render).
 * CPU per frame: thread time of the page's main thread (and the compositor, the engine worker) per frame drawn, from
 * a chromium trace taken after the frame measurement (cpuPerFrame).
 * Canvas 2D calls per frame: the drawing calls on every canvas of the page (circuit and trends) per frame drawn,
 * counted last (COUNT_2D): the drawing's work, independent of how busy the machine is.
 * First load: what the browser fetched from opening the page until the engine's first snapshot was shown (HTML, CSS,
 * JavaScript; the built files gzipped at level 9 with node:zlib). "page" is what the main thread needs to draw its
 * first frame; "+ engine" adds the engine worker's script, which must load before the first simulated frame.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ROOT, buildPages, launchChromium, serveBuild, type Served } from '../tools/browser/harness';

const WARMUP_ms = 3000;
const MEASURE_ms = 10_000;
const TRACE_ms = 4000;
const PARTS = ['frame-work', 'frame-circuit', 'frame-dom', 'frame-trends', 'frame-render'] as const;

interface Run {
  intervals: number[];
  /** CPU time (thread time) per display frame of the page's main thread, the compositor and the engine worker */
  cpu: { main: number; compositor: number; worker: number };
  parts: Record<string, number[]>;
  /** Canvas 2D drawing calls per display frame (fill, stroke, drawImage, fillText...), counted after the rest */
  calls: { perFrame: number; byName: Record<string, number> };
  simulated_h: number;
  /** every how many blood cells one was drawn at the end of the run */
  cellStride: number;
  files: { file: string; gzip: number; engine: boolean }[];
  renderer: string | null;
  errors: string[];
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => quantile(sorted(xs), 0.5);
const p95 = (xs: number[]) => quantile(sorted(xs), 0.95);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A checkout of `ref` in a temporary git worktree, sharing this checkout's node_modules; remove() takes it away. */
function worktreeOf(ref: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ecmo-view-before-'));
  execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', '--force', dir, ref], { stdio: 'ignore' });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return {
    dir,
    remove() {
      execFileSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function buildAndServeAt(root: string): Promise<Served & { remove(): void }> {
  const outDir = mkdtempSync(join(tmpdir(), 'ecmo-view-'));
  await buildPages(outDir, root);
  const served = await serveBuild(outDir, root);
  return { ...served, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** The page's rAF timestamps over MEASURE_ms and its ?perf measures (a string, so the bundler's helpers never reach the page). */
const COLLECT = `new Promise((resolve) => {
  performance.clearMeasures();
  const stamps = [];
  let end = 0;
  const frame = (t) => {
    if (!end) end = t + ${MEASURE_ms};
    stamps.push(t);
    if (t < end) requestAnimationFrame(frame);
    else resolve({ stamps, parts: Object.fromEntries(${JSON.stringify(PARTS)}.map((n) => [n, performance.getEntriesByName(n).map((e) => e.duration)])) });
  };
  requestAnimationFrame(frame);
})`;

/**
 * Canvas 2D drawing calls per display frame over COUNT_ms, counted by wrapping the context's drawing methods (after
 * the frame and CPU measurements, which the wrappers would slow): a measure of the drawing's work that does not move
 * with the machine's load.
 */
const COUNT_ms = 2000;
const COUNT_2D = `new Promise((resolve) => {
  const names = ['fill', 'stroke', 'drawImage', 'fillText', 'strokeText', 'fillRect', 'clearRect', 'putImageData'];
  const counts = Object.fromEntries(names.map((n) => [n, 0]));
  const proto = CanvasRenderingContext2D.prototype;
  const originals = names.map((n) => proto[n]);
  names.forEach((n, i) => (proto[n] = function (...a) { counts[n]++; return originals[i].apply(this, a); }));
  let frames = 0;
  let end = 0;
  const frame = (t) => {
    if (!end) end = t + ${COUNT_ms};
    else frames++;
    if (t < end) requestAnimationFrame(frame);
    else {
      names.forEach((n, i) => (proto[n] = originals[i]));
      const total = names.reduce((s, n) => s + counts[n], 0);
      resolve({ perFrame: total / Math.max(frames, 1), byName: Object.fromEntries(names.map((n) => [n, counts[n] / Math.max(frames, 1)])) });
    }
  };
  requestAnimationFrame(frame);
})`;

interface Loaded {
  page: Page;
  files: Run['files'];
  renderer: string | null;
  errors: string[];
}

/** Opens the page and waits for the engine's first snapshot to be shown: what it fetched until then is the first load. */
async function openPage(browser: Browser, served: Served, query: string): Promise<Loaded> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const fetched = new Set<string>();
  let loading = true;
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (loading && /(\/|\.js|\.css|\.html)$/.test(path)) fetched.add(path);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${served.url}?perf${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="ecmo-flow"] .value')?.textContent !== '—');
  loading = false;
  const renderer = await page.getAttribute('canvas[data-testid="circuit-canvas"]', 'data-renderer');
  const files = [...fetched].map((p) => ({
    file: p,
    gzip: gzipSync(readFileSync(join(served.outDir, p.endsWith('/') ? `${p}index.html` : p)), { level: 9 }).length,
    engine: p.includes('engine.worker'),
  }));
  return { page, files, renderer, errors };
}

async function measure(browser: Browser, served: Served, query: string): Promise<Run> {
  const { page, files, renderer, errors } = await openPage(browser, served, query);
  await page.keyboard.press('5'); // 3600×
  await page.waitForTimeout(WARMUP_ms);
  const hours = () => page.getAttribute('[data-testid="sim-time"]', 'data-hours').then(Number);
  const t0_h = await hours();
  const result = (await page.evaluate(COLLECT)) as { stamps: number[]; parts: Record<string, number[]> };
  const simulated_h = (await hours()) - t0_h;
  // this checkout's page draws every n-th blood cell when frames run long (absent: all of them)
  const cellStride = Number((await page.getAttribute('canvas[data-testid="circuit-canvas"]', 'data-cell-stride')) ?? 1);
  const cpu = await cpuPerFrame(page);
  const calls = (await page.evaluate(COUNT_2D)) as Run['calls'];
  await page.close();
  const intervals = result.stamps.slice(1).map((t, i) => t - result.stamps[i]);
  return { intervals, cpu, calls, cellStride, parts: result.parts, simulated_h, files, renderer, errors };
}

/**
 * CPU time per display frame from a chromium trace over TRACE_ms (after the frame measurement, so tracing does not
 * slow it): the thread time of the tasks on the page's main thread, its compositor thread and the engine worker,
 * divided by the frames drawn. Thread time does not count the time a thread waits for a core, so it moves much
 * less with the machine's load than the frame interval does.
 */
async function cpuPerFrame(page: Page): Promise<Run['cpu']> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  await page.waitForTimeout(TRACE_ms);
  await cdp.send('Tracing.end');
  await complete;
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const frames = events.filter((e) => e.ph === 'X' && e.name === 'FireAnimationFrame').length || NaN;
  const cpu = (thread: string) =>
    events
      .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && (threads.get(`${e.pid}:${e.tid}`) ?? '').startsWith(thread))
      .reduce((t, e) => t + (e.tdur ?? 0) / 1000, 0) / frames;
  return { main: cpu('CrRendererMain'), compositor: cpu('Compositor'), worker: cpu('DedicatedWorker') };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: unknown };
}

function runLine(label: string, i: number, r: Run): string {
  const work = r.parts['frame-work'];
  return (
    `  ${label.padEnd(7)} #${i + 1}  frame interval median ${ms(median(r.intervals))}  p95 ${ms(p95(r.intervals))}  max ${ms(Math.max(...r.intervals))}` +
    `  n=${r.intervals.length}   work median ${ms(median(work))} p95 ${ms(p95(work))}   CPU/frame main ${ms(r.cpu.main)} worker ${ms(r.cpu.worker)}   cells 1/${r.cellStride}   simulated ${r.simulated_h.toFixed(2)} h`
  );
}

function summary(label: string, runs: Run[]): void {
  const medians = runs.map((r) => median(r.intervals));
  const p95s = runs.map((r) => p95(r.intervals));
  const pooled = runs.flatMap((r) => r.intervals);
  const spread = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
  console.log(`  ${label} (renderer ${runs[0].renderer}, ${runs.length} runs)`);
  console.log(
    `    frame interval: median ${ms(median(medians))} (runs ${spread(medians)}), p95 ${ms(median(p95s))} (runs ${spread(p95s)}); pooled p95 ${ms(p95(pooled))}, p99 ${ms(quantile(sorted(pooled), 0.99))}   [target p95 ≤ 16.7 ms]`,
  );
  const cpu = (k: keyof Run['cpu']) => runs.map((r) => r.cpu[k]);
  console.log(
    `    CPU per frame (thread time): main ${ms(median(cpu('main')))} (runs ${spread(cpu('main'))}), compositor ${ms(median(cpu('compositor')))}, engine worker ${ms(median(cpu('worker')))}`,
  );
  const calls = runs.map((r) => r.calls.perFrame);
  const byName = Object.keys(runs[0].calls.byName)
    .map((n) => [n, median(runs.map((r) => r.calls.byName[n]))] as const)
    .filter(([, c]) => c >= 0.05)
    .map(([n, c]) => `${n} ${c.toFixed(1)}`)
    .join(', ');
  console.log(
    `    Canvas 2D calls per frame (all canvases): ${median(calls).toFixed(0)} (runs ${Math.min(...calls).toFixed(0)}–${Math.max(...calls).toFixed(0)}): ${byName}`,
  );
  for (const part of PARTS) {
    const xs = runs.flatMap((r) => r.parts[part] ?? []);
    if (xs.length) console.log(`    ${part.padEnd(14)} median ${ms(median(xs))}  p95 ${ms(p95(xs))}  max ${ms(Math.max(...xs))}  (n=${xs.length})`);
  }
  firstLoad(
    runs[0].files,
    runs.flatMap((r) => r.errors),
  );
}

/** The first load's files gzipped, the page's and the engine worker's, largest first; and the page's errors. */
function firstLoad(files: Run['files'], errors: string[]): void {
  const page = files.filter((f) => !f.engine).reduce((s, f) => s + f.gzip, 0);
  const engine = files.filter((f) => f.engine).reduce((s, f) => s + f.gzip, 0);
  console.log(`    first load gzipped: page ${kB(page)} (HTML, CSS, JS for the first paint) + engine ${kB(engine)} = ${kB(page + engine)}   [target ≤ 250 KB]`);
  for (const f of [...files].sort((a, b) => b.gzip - a.gzip))
    console.log(`      ${f.file.padEnd(46)} ${kB(f.gzip).padStart(9)}${f.engine ? '  (engine worker)' : ''}`);
  if (errors.length) console.log(`    page errors: ${errors.join('; ')}`);
}

/** The first load only (the `first-load` argument): each page opened once, no frames measured. */
async function firstLoadOnly(browser: Browser, served: Record<'before' | 'after', Served>, labels: Record<'before' | 'after', string>, query: string) {
  console.log(`first load — headless chromium ${browser.version()}, the built pages gzipped at level 9`);
  for (const label of ['before', 'after'] as const) {
    const { page, files, errors } = await openPage(browser, served[label], query);
    await page.close();
    console.log(`  ${labels[label]}`);
    firstLoad(files, errors);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (k: string) => args.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1);
  const beforeRef = opt('before') ?? 'c542753';
  const repeats = Number(opt('repeats') ?? 3);
  const onlyFirstLoad = args.includes('first-load');
  const query = args
    .filter((a) => !/^(before|repeats)=/.test(a) && a !== 'first-load')
    .map((a) => `&${a}`)
    .join('');
  const head = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const tree = worktreeOf(beforeRef);
  const [after, before] = [await buildAndServeAt(ROOT), await buildAndServeAt(tree.dir)];
  const browser = await launchChromium();
  const runs: Record<'before' | 'after', Run[]> = { before: [], after: [] };
  try {
    if (onlyFirstLoad) return await firstLoadOnly(browser, { before, after }, { before: `before ${beforeRef}`, after: `after ${head}` }, query);
    console.log(
      `visualiser benchmark — headless chromium ${browser.version()}, viewport 1280×800, 3600×, ${MEASURE_ms / 1000} s per run after ${WARMUP_ms / 1000} s`,
    );
    console.log(`  before: ${beforeRef}   after: ${head} (this checkout, with its uncommitted changes)`);
    for (let i = 0; i < repeats; i++) {
      // alternate which goes first, so neither always meets the machine in the same state
      const order = i % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      for (const label of order) {
        const r = await measure(browser, label === 'after' ? after : before, query);
        runs[label].push(r);
        console.log(runLine(label, i, r));
      }
    }
    summary(`before ${beforeRef}`, runs.before);
    summary(`after ${head}`, runs.after);
  } finally {
    await browser.close();
    for (const s of [after, before]) {
      await s.close();
      s.remove();
    }
    tree.remove();
  }
}

await main();
