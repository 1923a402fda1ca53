#!/usr/bin/env node
// Story smoke test: every story of the static Storybook build (storybook-static, made by
// `npm run build-storybook`) renders in Chromium with no console error and no page error, settles
// into the state it shows, and is axe-clean (WCAG 2.2 A/AA and best practices, shadow roots
// included). One line per story, then `N passed, N failed`; exit 1 on any failure.
//
// Docs pages (autodocs and MDX) are opened too: they must render with no error (axe runs on the
// stories, not on Storybook's own docs UI).
//
//   node scripts/test-stories.mjs [--dir storybook-static] [--filter text] [--concurrency 3] [--no-docs]
//                                 [--screenshots folder]
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    filter: { type: 'string', default: '' },
    concurrency: { type: 'string', default: '3' },
    timeout: { type: 'string', default: '20000' },
    // A folder to keep a screenshot of each failing story in (what the page showed when it failed).
    screenshots: { type: 'string', default: '' },
    // Also open every docs page (autodocs and MDX): rendered, settled, no console or page error.
    docs: { type: 'boolean', default: true },
    'no-docs': { type: 'boolean', default: false },
  },
});
const staticDir = resolve(root, options.dir);
if (options['no-docs']) options.docs = false;
const concurrency = Math.max(1, Number(options.concurrency) || 3);
const storyTimeout = Number(options.timeout) || 20_000;

/** Page-level rules that say nothing about a component shown on its own (as test/components/helpers.ts). */
const PAGE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass', 'html-has-lang', 'document-title'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// ---------------------------------------------------------------------------------------------
// A static file server for the build (port 0: the OS picks a free one)
// ---------------------------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function serve(dir) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const info = await stat(file).catch(() => null);
      if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      createReadStream(file).pipe(res);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => resolvePromise(server));
  });
}

// ---------------------------------------------------------------------------------------------
// In the page
// ---------------------------------------------------------------------------------------------

/**
 * Resolves when Storybook has finished the story (render, play function, afterEach) and every
 * element below the root has finished updating and stopped loading: no `aria-busy="true"` and no
 * skeleton anywhere in the composed tree, twice in a row a frame apart (a story that asks for
 * `latency: 'forever'` stays loading by design: its elements having updated is enough).
 */
function settleInPage() {
  // Storybook's own global: the preview and its current story render.
  // oxlint-disable-next-line no-underscore-dangle
  const preview = window.__STORYBOOK_PREVIEW__;
  // Runs in the page (serialised by page.evaluate): it can use nothing from this module's scope.
  // oxlint-disable-next-line consistent-function-scoping
  const deepAll = (rootNode, out = []) => {
    for (const el of rootNode.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) deepAll(el.shadowRoot, out);
    }
    return out;
  };
  // Runs in the page (serialised by page.evaluate): it can use nothing from this module's scope.
  // oxlint-disable-next-line consistent-function-scoping
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
  return (async () => {
    for (;;) {
      const render = preview?.storyRenders?.[0];
      const phase = render?.phase;
      if (phase === 'errored' || phase === 'aborted') {
        const message = document.querySelector('#error-message')?.textContent ?? '';
        const stack = document.querySelector('#error-stack')?.textContent ?? '';
        return { ok: false, reason: `story ${phase}: ${message} ${stack}`.trim().slice(0, 800) };
      }
      if (phase === 'finished') break;
      await nextFrame();
    }
    const story = preview.storyRenders[0].story;
    const forever = story.parameters?.mocks?.latency === 'forever';
    const rootEl = document.querySelector('#storybook-root');
    if (!rootEl || (!rootEl.children.length && !rootEl.textContent?.trim())) return { ok: false, reason: 'the story rendered nothing' };
    let quietFrames = 0;
    for (;;) {
      const all = deepAll(rootEl);
      await Promise.all(all.filter((el) => el.updateComplete instanceof Promise).map((el) => el.updateComplete));
      const busy = all.filter((el) => el.getAttribute('aria-busy') === 'true' || el.matches('[part~="skeleton"]'));
      // A story that never gets its data is done once its elements have updated.
      if (forever) return { ok: true, forever };
      if (busy.length === 0) {
        quietFrames += 1;
        if (quietFrames >= 2) return { ok: true, forever };
      } else quietFrames = 0;
      await nextFrame();
    }
  })();
}

/**
 * A docs page (autodocs or MDX) is done when its content is there, every story block in it has
 * rendered something, and every element below has finished updating and loading (the scenario is
 * not applied in docs, so nothing hangs on purpose there).
 */
function settleDocsInPage() {
  // Runs in the page (serialised by page.evaluate): it can use nothing from this module's scope.
  // oxlint-disable-next-line consistent-function-scoping
  const deepAll = (rootNode, out = []) => {
    for (const el of rootNode.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) deepAll(el.shadowRoot, out);
    }
    return out;
  };
  // Runs in the page (serialised by page.evaluate): it can use nothing from this module's scope.
  // oxlint-disable-next-line consistent-function-scoping
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
  return (async () => {
    let quietFrames = 0;
    for (;;) {
      const docs = document.querySelector('#storybook-docs');
      const errorShown = document.querySelector('.sb-show-errordisplay #error-message');
      if (errorShown) return { ok: false, reason: `docs errored: ${errorShown.textContent}`.slice(0, 800) };
      const blocks = docs ? [...docs.querySelectorAll('.docs-story')] : [];
      // Each block shows a placeholder until its story renders: wait for the story's element.
      const blocksRendered = blocks.every((b) => [...b.querySelectorAll('[id^="story--"] *')].some((el) => el.localName.includes('-')));
      if (docs?.textContent?.trim() && blocksRendered) {
        const all = deepAll(docs);
        await Promise.all(all.filter((el) => el.updateComplete instanceof Promise).map((el) => el.updateComplete));
        const busy = all.some((el) => el.getAttribute('aria-busy') === 'true' || el.matches('[part~="skeleton"]'));
        quietFrames = busy ? 0 : quietFrames + 1;
        if (quietFrames >= 2) return { ok: true, blocks: blocks.length };
      }
      await nextFrame();
    }
  })();
}

async function axeInPage({ pageRules, tags }) {
  const rootEl = document.querySelector('#storybook-root');
  const results = await window.axe.run(rootEl, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
    rules: Object.fromEntries(pageRules.map((id) => [id, { enabled: false }])),
  });
  return {
    rules: results.passes.length + results.violations.length,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    })),
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * Console messages that are not findings: Chromium reports every non-2xx fetch as "Failed to
 * load resource", and the stories answer 4xx/5xx on purpose (error, conflict, read-only states);
 * what the component makes of the answer is what this test checks. Lit's dev-mode notice is a
 * warning, not an error, and not filtered here.
 */
const EXPECTED_CONSOLE = [/^Failed to load resource: the server responded with a status of (4\d\d|5\d\d)/];
/**
 * A story tagged `network-fault` loses answers on purpose (the mocks answer with a network error
 * after doing the work), which Chromium reports as a failed load. Only those stories may log it.
 */
const NETWORK_FAULT_CONSOLE = [/^Failed to load resource: net::ERR_FAILED$/];

async function runStory(page, base, entry, axeSource) {
  const errors = [];
  const expected = entry.tags?.includes('network-fault') ? [...EXPECTED_CONSOLE, ...NETWORK_FAULT_CONSOLE] : EXPECTED_CONSOLE;
  const onConsole = (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (expected.some((re) => re.test(text))) return;
    errors.push(`console.error: ${text.slice(0, 500)}`);
  };
  const onPageError = (error) => errors.push(`page error: ${error.message.slice(0, 500)}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  const started = performance.now();
  try {
    const docs = entry.type === 'docs';
    const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${docs ? 'docs' : 'story'}&globals=a11y.manual:!true`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: storyTimeout }).catch(async (error) => {
      // A navigation cut short as the service worker first takes control of the page: load again.
      if (!/ERR_ABORTED/.test(error.message)) throw error;
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: storyTimeout });
    });
    const settle = () => page.evaluate(docs ? settleDocsInPage : settleInPage);
    const settled = await settle().catch(async (error) => {
      // The page navigated under the check (MSW's worker taking control reloads it once): the new
      // document is the story; settle that one.
      if (!/Execution context was destroyed/.test(error.message)) return { ok: false, reason: error.message };
      await page.waitForLoadState('domcontentloaded', { timeout: storyTimeout });
      return settle().catch((again) => ({ ok: false, reason: again.message }));
    });
    // Docs pages hold Storybook's own UI (args tables, code blocks): axe runs on the stories alone.
    if (docs) return { entry, errors, rules: 0, ms: performance.now() - started, blocks: settled.blocks };
    if (!settled.ok) errors.push(settled.reason);
    let rules = 0;
    if (settled.ok) {
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
      const axe = await page.evaluate(axeInPage, { pageRules: PAGE_RULES, tags: AXE_TAGS });
      rules = axe.rules;
      for (const v of axe.violations) errors.push(`axe [${v.impact}] ${v.id}: ${v.help}\n      ${v.nodes.join('\n      ')}`);
    }
    return { entry, errors, rules, ms: performance.now() - started, forever: settled.forever };
  } catch (error) {
    errors.push(error.message.split('\n')[0]);
    return { entry, errors, rules: 0, ms: performance.now() - started };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
}

/** Runs `fn` on one page with a deadline, so a story that hangs fails instead of stalling the run. */
function withDeadline(promise, ms, entry) {
  let timer;
  const deadline = new Promise((resolvePromise) => {
    timer = setTimeout(() => resolvePromise({ entry, errors: [`did not settle within ${ms} ms`], rules: 0, ms, timedOut: true }), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function main() {
  const t0 = performance.now();
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8').catch(() => {
    console.error(`No ${options.dir}/index.json: run \`npm run build-storybook\` first.`);
    process.exit(2);
  }));
  const stories = Object.values(index.entries)
    .filter((e) => e.type === 'story' || (options.docs && e.type === 'docs'))
    .filter((e) => !options.filter || e.id.includes(options.filter));
  const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  const server = await serve(staticDir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Storybook recognises its test runner by this user-agent token and then pauses CSS animations
  // instead of waiting for them to end (the watch-list pulse would cost seconds per story).
  const probe = await browser.newPage();
  const userAgent = `${await probe.evaluate(() => navigator.userAgent)} StorybookTestRunner`;
  await probe.close();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent });
  const results = [];
  let next = 0;
  let failed = 0;

  async function worker() {
    let page = await context.newPage();
    while (next < stories.length) {
      const entry = stories[next++];
      const result = await withDeadline(runStory(page, base, entry, axeSource), storyTimeout + 10_000, entry);
      if (result.timedOut) {
        // The page may be wedged: start the next story on a fresh one.
        await page.close().catch(() => {});
        page = await context.newPage();
      }
      results.push(result);
      const ok = result.errors.length === 0;
      if (!ok) failed += 1;
      if (!ok && options.screenshots && !result.timedOut) {
        await mkdir(options.screenshots, { recursive: true });
        await page.screenshot({ path: join(options.screenshots, `${entry.id}.png`), fullPage: true }).catch(() => {});
      }
      const time = `${(result.ms / 1000).toFixed(1)}s`.padStart(6);
      const note = result.rules ? `  (axe: ${result.rules} rules)` : result.blocks !== undefined ? `  (docs: ${result.blocks} stories)` : '';
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${time}  ${entry.id}${note}`);
      for (const error of result.errors) console.log(`      ${error}`);
    }
    await page.close().catch(() => {});
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, stories.length) }, worker));
  } finally {
    await browser.close();
    server.close();
  }
  const passed = results.length - failed;
  const axeRuns = results.filter((r) => r.rules > 0).length;
  const axeRules = results.reduce((sum, r) => sum + r.rules, 0);
  console.log(`${passed} passed, ${failed} failed`);
  const docsPages = stories.filter((e) => e.type === 'docs').length;
  console.log(
    `axe: ${axeRuns} stories checked, ${axeRules} rule checks; ${stories.length - docsPages} stories and ${docsPages} docs pages in ${((performance.now() - t0) / 1000).toFixed(1)} s with ${concurrency} pages`,
  );
  if (failed > 0 || stories.length === 0) process.exit(1);
}

await main();
