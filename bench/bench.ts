/**
 * Speed against the peers, in headless Chromium, in one run: same data, same viewport, the
 * implementations interleaved over several rounds, medians printed with the machine's load, ratios
 * ours ÷ peer, and the whole result written as JSON (bench/results/, git-ignored) to compare runs.
 *
 *   npm run bench                 10,000 and 100,000 orders, 10,000 customers, 3 rounds (minutes)
 *   npm run bench -- --smoke      tiny sizes, 1 round: proves the bench runs (CI, under a minute)
 *   ROUNDS=5 FRAMES=600 npm run bench
 *
 * - order-table against vaadin-grid (a data provider answering from memory; ours answers from
 *   memory too, through the SDK and the mock handlers in the page; also printed: ours through the
 *   mocks' service worker, as the demo runs, whose round trip is the transport's, not the table's): first rows, frame times (mean, p95) while flinging (600 px a
 *   frame) and while reading (40 px a frame), the share of frames with a placeholder row in view,
 *   frames after a fling until orders show, rows in the DOM, JS heap growth after scrolling;
 * - customer-search: keystroke to results p50/p95 (debounce 0) and requests per search;
 * - customer-screen: time until every part shows data, and requests;
 * - each component mounted and unmounted N times (client set directly, and inside a provider):
 *   heap (after forced GC) and DOM nodes before and after.
 * Chromium runs with its frame-rate limit off, so a frame takes as long as its work. No thresholds:
 * figures to read (machines are noisy), so the full run is not in CI.
 */
import { createServer, type Plugin } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { GridRun, MountRun, ScreenRun, SearchRun } from './bench.page.js';

const smoke = process.argv.includes('--smoke');
const ROUNDS = Number(process.env.ROUNDS) || (smoke ? 1 : 3);
const FRAMES = Number(process.env.FRAMES) || (smoke ? 20 : 300);
const FLING = 600;
const READING = 40;
const SIZES = smoke ? [300] : [10_000, 100_000];
const CUSTOMERS = smoke ? 200 : 10_000;
const SEARCHES = smoke ? 3 : 40;
const MOUNTS = Number(process.env.MOUNTS) || (smoke ? 10 : 1_000);
const VIEWPORT = { width: 1100, height: 800 };

const root = fileURLToPath(new URL('..', import.meta.url));
const PAGE = '/bench/bench.html';
const pageHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Customer Elements bench</title>
    <style>
      body { margin: 0; font: 16px system-ui, sans-serif; }
      .stage { inline-size: 1000px; }
      .peer-grid { block-size: 28rem; }
    </style>
  </head>
  <body>
    <script type="module" src="/bench/bench.page.ts"></script>
  </body>
</html>`;

/** Serves the bench page (it exists only here, not as a file). */
const benchPage = (): Plugin => ({
  name: 'bench-page',
  configureServer(server) {
    server.middlewares.use(async (req, res, next) => {
      if (req.url?.split('?')[0] !== PAGE) return next();
      res.setHeader('Content-Type', 'text/html');
      res.end(await server.transformIndexHtml(PAGE, pageHtml));
    });
  },
});

const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');
const loadAtStart = load();
const started = Date.now();

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../.tmp/vite-bench', import.meta.url)),
  server: { host: '127.0.0.1', port: 0, strictPort: false },
  // Lit's production build, as a host app ships it (its dev build adds checks and logging per update).
  resolve: { conditions: ['module', 'browser', 'production'] },
  // Scan the page's imports up front, so that Vite does not discover a dependency mid-run and reload.
  optimizeDeps: { entries: ['bench/bench.page.ts'] },
  plugins: [benchPage()],
});
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
    // gc() before each heap reading, and heap sizes that are not rounded.
    '--js-flags=--expose-gc',
    '--enable-precise-memory-info',
  ],
});

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return xs.length ? xs[0]! : Number.NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : Number.NaN;
};

async function openPage(orders: number): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    try {
      await page.goto(`http://127.0.0.1:${port}${PAGE}?orders=${orders}&customers=${CUSTOMERS}`);
      await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 300_000 });
      await page.evaluate(() => window.bench.ready);
      return page;
    } catch (error) {
      await page.close();
      // Vite reloads the page when it finds a dependency to optimise on a cold cache: start again.
      if (attempt >= 3 || !/context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

interface SizeResult {
  orders: number;
  ours: GridRun[];
  peer: GridRun[];
  /** Ours with the SDK's requests going through the mocks' service worker. */
  oursWorker: GridRun[];
}
const grids: SizeResult[] = [];
let search: SearchRun | undefined;
let screen: ScreenRun[] = [];
let mountsDirect: MountRun[] = [];
let mountsProvided: MountRun[] = [];

try {
  for (const orders of SIZES) {
    const page = await openPage(orders);
    page.setDefaultTimeout(600_000);
    const result: SizeResult = { orders, ours: [], peer: [], oursWorker: [] };
    const ours = () => page.evaluate(([f, a, b]) => window.bench.runOrderTable(f, a, b, 'memory'), [FRAMES, FLING, READING] as const);
    const oursWorker = () => page.evaluate(([f, a, b]) => window.bench.runOrderTable(f, a, b, 'worker'), [FRAMES, FLING, READING] as const);
    const peer = () => page.evaluate(([f, a, b]) => window.bench.runVaadin(f, a, b), [FRAMES, FLING, READING] as const);
    // Warm-ups (module compilation, JIT, the mocks' caches), then rounds that alternate who goes first.
    await ours();
    await peer();
    await oursWorker();
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        result.ours.push(await ours());
        result.peer.push(await peer());
      } else {
        result.peer.push(await peer());
        result.ours.push(await ours());
      }
      result.oursWorker.push(await oursWorker());
    }
    grids.push(result);
    if (orders === SIZES[0]) {
      search = await page.evaluate((n) => window.bench.runSearch(n), SEARCHES);
      await page.evaluate(() => window.bench.runScreen()); // warm-up
      screen = [];
      for (let round = 0; round < ROUNDS; round++) screen.push(await page.evaluate(() => window.bench.runScreen()));
      mountsDirect = await page.evaluate((n) => window.bench.runMounts(n, false), MOUNTS);
      mountsProvided = await page.evaluate((n) => window.bench.runMounts(n, true), MOUNTS);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// -----------------------------------------------------------------------------------------------
// Report
// -----------------------------------------------------------------------------------------------

const out = (line = '') => process.stdout.write(`${line}\n`);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '∞');
const pct = (n: number) => `${Math.round(n * 100)}%`;
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? (a / b).toFixed(2) : b === 0 && a === 0 ? '1.00' : '—');

function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  out(line(rows[0]!));
  out(`|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`);
  for (const r of rows.slice(1)) out(line(r));
}

const loadAtEnd = load();
out(`Customer Elements bench${smoke ? ' (SMOKE: tiny sizes, figures mean nothing)' : ''} — Chromium ${browser.version()}, ${availableParallelism()} cores`);
out(`Load average (1/5/15 min): ${loadAtStart} at the start, ${loadAtEnd} at the end; ${Math.round((Date.now() - started) / 1000)} s`);
out(`Viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${ROUNDS} round(s), interleaved, medians; ${FRAMES} frames per scroll (fling ${FLING} px/frame, reading ${READING} px/frame)`);
out();

const metricRows: [string, (g: GridRun) => number, (n: number) => string][] = [
  ['first rows (ms)', (g) => g.firstRowsMs, f1],
  ['fling frame mean (ms)', (g) => g.fling.mean, f1],
  ['fling frame p95 (ms)', (g) => g.fling.p95, f1],
  ['fling frames with placeholders', (g) => g.fling.placeholderShare, pct],
  ['frames to orders after a fling', (g) => g.settleFrames, (n) => String(n)],
  ['reading frame mean (ms)', (g) => g.reading.mean, f1],
  ['reading frame p95 (ms)', (g) => g.reading.p95, f1],
  ['reading frames with placeholders', (g) => g.reading.placeholderShare, pct],
  ['rows in the DOM', (g) => g.domRows, (n) => String(n)],
  ['JS heap growth after scrolling (MB)', (g) => g.heapMB, f1],
];
for (const g of grids) {
  out(`Order table, ${g.orders.toLocaleString('en-GB')} orders: order-table (SDK, mock handlers in the page) vs vaadin-grid (data provider from memory)`);
  const rows = [['metric', 'order-table', 'vaadin-grid', 'ours ÷ peer', 'order-table via service worker']];
  for (const [label, pick, fmt] of metricRows) {
    const a = median(g.ours.map(pick));
    const b = median(g.peer.map(pick));
    rows.push([label, fmt(a), fmt(b), ratio(a, b), fmt(median(g.oursWorker.map(pick)))]);
  }
  table(rows);
  out();
}

if (search) {
  out(`Customer search, ${CUSTOMERS.toLocaleString('en-GB')} customers, ${search.searches} searches (3-letter name prefixes, debounce 0)`);
  table([
    ['metric', 'value'],
    ['keystroke to results p50 (ms)', f1(quantile(search.latencies, 0.5))],
    ['keystroke to results p95 (ms)', f1(quantile(search.latencies, 0.95))],
    ['search requests per search', (search.searchRequests / search.searches).toFixed(2)],
    ['watch-list requests per search', (search.watchListRequests / search.searches).toFixed(2)],
  ]);
  out();
}
if (screen.length) {
  out('Customer screen (one customer): until every part shows data');
  table([
    ['metric', 'value'],
    ['time (ms, median)', f1(median(screen.map((s) => s.ms)))],
    ['requests', String(median(screen.map((s) => s.requests)))],
  ]);
  out();
}
for (const [label, runs] of [['client set directly', mountsDirect], ['inside a provider', mountsProvided]] as const) {
  if (!runs.length) continue;
  out(`Mounted and unmounted ${MOUNTS.toLocaleString('en-GB')} times, ${label} (heap after forced GC)`);
  table([
    ['component', 'heap before (MB)', 'heap after (MB)', 'growth (MB)', 'DOM nodes before', 'after'],
    ...runs.map((r) => [
      r.tag,
      r.heapBeforeMB.toFixed(2),
      r.heapAfterMB.toFixed(2),
      (r.heapAfterMB - r.heapBeforeMB).toFixed(2),
      String(r.nodesBefore),
      String(r.nodesAfter),
    ]),
  ]);
  out();
}

const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}${new Date().toISOString().replace(/[:.]/g, '-')}${smoke ? '-smoke' : ''}.json`;
writeFileSync(
  file,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      smoke,
      chromium: browser.version(),
      cores: availableParallelism(),
      load: { start: loadAtStart, end: loadAtEnd },
      settings: { rounds: ROUNDS, frames: FRAMES, fling: FLING, reading: READING, customers: CUSTOMERS, searches: SEARCHES, mounts: MOUNTS, viewport: VIEWPORT },
      grids,
      search,
      screen,
      mounts: { direct: mountsDirect, provider: mountsProvided },
    },
    null,
    2,
  )}\n`,
);
out(`JSON: ${file.slice(root.length)}`);
