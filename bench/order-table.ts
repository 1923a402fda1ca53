/**
 * How `<order-table>` behaves on 100,000 orders, in real Chromium, against a peer measured in the
 * same run: a plain, non-virtualised `<table>` of the same customer's first 2,000 orders (same SDK,
 * same formatters, rendered with Lit). The figures to watch are the ratios.
 *
 *   npm run bench:order-table            (CHROME_PATH=/path/to/chromium to use another browser)
 *   FRAMES=600 STEP=800 npm run bench:order-table
 *
 * Each subject: time from creating it to its first order rows, order rows in the DOM, and the
 * frame time (ms between animation frames) while it is scrolled by STEP px per frame for FRAMES
 * frames. The mocks run in the page with no latency. Chromium runs with its frame-rate limit off, so
 * a frame takes as long as its work rather than a fixed 16.7 ms. No thresholds: figures to read.
 */
import { createServer, type Plugin } from 'vite';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './order-table.page.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const FRAMES = Number(process.env.FRAMES) || 300;
const STEP = Number(process.env.STEP) || 600;
const PAGE = '/bench/order-table.html';

const pageHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>order-table bench</title>
    <style>
      body { margin: 0; font: 16px system-ui, sans-serif; }
      .stage { inline-size: 1000px; }
      .plain-scroller { block-size: 28rem; overflow: auto; }
      table { border-collapse: collapse; inline-size: 100%; }
      td, th { padding: 0.5rem; white-space: nowrap; text-align: start; }
    </style>
  </head>
  <body>
    <script type="module" src="/bench/order-table.page.ts"></script>
  </body>
</html>`;

/** Serves the bench page (it exists only here, not as a file). */
const benchPage = (): Plugin => ({
  name: 'order-table-bench-page',
  configureServer(server) {
    server.middlewares.use(async (req, res, next) => {
      if (req.url?.split('?')[0] !== PAGE) return next();
      res.setHeader('Content-Type', 'text/html');
      res.end(await server.transformIndexHtml(PAGE, pageHtml));
    });
  },
});

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../.tmp/vite-bench-order-table', import.meta.url)),
  server: { host: '127.0.0.1', port: 0, strictPort: false },
  // Lit's production build, as a host app ships it (its dev build adds checks and logging per update).
  resolve: { conditions: ['module', 'browser', 'production'] },
  // Scan the page's imports up front, so that Vite does not discover a dependency mid-run and reload.
  optimizeDeps: { entries: ['bench/order-table.page.ts'] },
  plugins: [benchPage()],
});
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;
const url = `http://127.0.0.1:${port}${PAGE}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Frames as fast as the work allows, so the frame time measures the work, not vsync.
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
  ],
});

const f = (n: number) => n.toFixed(1);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const run = (which: 'runTable' | 'runPlain') =>
    page.evaluate(([w, frames, step]) => window.orderTableBench[w](frames, step), [which, FRAMES, STEP] as const) as Promise<BenchResult>;

  /** Loads the page and runs both subjects: a warm-up of each, then the measured runs. */
  async function measure(): Promise<[BenchResult, BenchResult]> {
    await page.goto(url);
    await page.waitForFunction(() => 'orderTableBench' in window, undefined, { timeout: 120_000 });
    await page.evaluate(() => window.orderTableBench.ready);
    // Warm-ups: module compilation, JIT, the mock data's sort caches.
    await run('runPlain');
    await run('runTable');
    const plain = await run('runPlain');
    const table = await run('runTable');
    return [table, plain];
  }

  let results: [BenchResult, BenchResult] | undefined;
  for (let attempt = 1; !results; attempt++) {
    try {
      results = await measure();
    } catch (error) {
      // Vite reloads the page when it finds a dependency to optimise on a cold cache: start again.
      if (attempt >= 3 || !/context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
  const [table, plain] = results;

  const rows = [table, plain].map((r) => ({
    name: r.name,
    first: r.firstRowsMs,
    dom: r.domRows,
    p50: quantile(r.frames, 0.5),
    p95: quantile(r.frames, 0.95),
    requests: r.requests,
    rowsScrolled: r.scrolled,
  }));
  console.log(`order-table bench: ${FRAMES} frames scrolled by ${STEP} px each; mocks in the page, no latency; Chromium ${browser.version()}`);
  console.log(`peer: a plain, non-virtualised <table> of the same customer's first 2,000 orders (same SDK and formatters)\n`);
  console.log('subject'.padEnd(44), 'first rows'.padStart(11), 'DOM rows'.padStart(9), 'frame p50'.padStart(10), 'frame p95'.padStart(10), 'list req.'.padStart(10), 'px scrolled'.padStart(12));
  for (const r of rows) {
    console.log(
      r.name.padEnd(44),
      `${f(r.first)} ms`.padStart(11),
      String(r.dom).padStart(9),
      `${f(r.p50)} ms`.padStart(10),
      `${f(r.p95)} ms`.padStart(10),
      String(r.requests).padStart(10),
      String(Math.round(r.rowsScrolled)).padStart(12),
    );
  }
  const [t, p] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log('\nratios, order-table ÷ plain table (below 1: order-table is faster / smaller):');
  console.log(`  time to first rows  ${(t.first / p.first).toFixed(2)}   (order-table loads 1 page of 100 from 100,000; the peer loads 2,000)`);
  console.log(`  DOM rows            ${(t.dom / p.dom).toFixed(3)}`);
  console.log(`  frame time p50      ${(t.p50 / p.p50).toFixed(2)}`);
  console.log(`  frame time p95      ${(t.p95 / p.p95).toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
}
