#!/usr/bin/env node
// The example apps (examples/<name>/), built the way a host builds them and used the way a person
// uses them. For every folder under examples/ with a package.json:
//   1. packs the library once (`npm pack` → examples/customer-elements.tgz, what `file:../customer-elements.tgz` installs);
//   2. `npm install` (all examples at once: it is mostly waiting on the network and disk) and `npm run build`
//      (as many at once as there are cores: a type-checker is mostly one thread), each example's build
//      starting as soon as its install ends;
//   3. serves the example's dist/ with a small static server that proxies /api/* to the reference mock API;
//   4. opens it in Chromium, types a customer's name into the search, clicks the result with the mouse, and
//      checks that the card shows that customer, that `<output id="selected">` says so (the event reached
//      the framework's handler), that the renamed `acme-*` tag rendered, that the order table shows rows,
//      that no element carries the client as an attribute, and that nothing was logged as an error and
//      no page error happened.
// An example that installs msw (react) follows the README's "Run the reference API in your own app": its
// `npm run dev` (the MSW worker in the page) and `npm run preview` (Vite's proxy to the package's
// `customer-elements-mock-api --port 4010`) are driven the same way, each a row of its own.
// It prints a table (example, JS files, JS gzip bytes, install and build seconds, result) and, last,
// "N passed, N failed" for scripts/test.mjs.
//
//   node scripts/examples.mjs                    every example
//   node scripts/examples.mjs react vue          only these
//   node scripts/examples.mjs --no-build         reuse dist/ of the library (test.mjs passes it after its build step)
//   node scripts/examples.mjs --screenshots DIR  also save DIR/<example>-{400,1340}.png
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const examplesDir = join(root, 'examples');
const tarball = join(examplesDir, 'customer-elements.tgz');
/** The reference API's demo clerk token (mocks/index.ts DEMO_TOKENS): what every example sends. */
const TOKEN = 'demo-clerk-token';
const STEP_TIMEOUT = 15_000;

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flags = { build: true, screenshots: undefined };
const wanted = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--no-build') flags.build = false;
  else if (a === '--screenshots') flags.screenshots = resolve(argv[++i] ?? 'examples-screenshots');
  else if (a.startsWith('--screenshots=')) flags.screenshots = resolve(a.slice('--screenshots='.length));
  else if (a.startsWith('-')) {
    console.error(`examples: unknown option ${a}`);
    process.exit(2);
  } else wanted.push(a);
}

const all = existsSync(examplesDir)
  ? readdirSync(examplesDir).filter((d) => existsSync(join(examplesDir, d, 'package.json'))).sort()
  : [];
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`examples: no example named ${unknown.join(', ')} (there are: ${all.join(', ') || 'none'})`);
  process.exit(2);
}
const names = wanted.length ? wanted : all;
if (!names.length) {
  console.log('examples: nothing under examples/ has a package.json; nothing to do.');
  console.log('0 passed, 0 failed');
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const seconds = (ms) => (ms / 1000).toFixed(1);
const since = (t) => performance.now() - t;

/** Runs a command; resolves with its exit code and its output (stdout and stderr interleaved). */
function run(cmd, args, { cwd = root, env = process.env } = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (c) => {
      output += c;
      stdout += c;
    });
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (e) => done({ code: 1, output: `${output}\n${e.message}`, stdout }));
    child.on('close', (code, signal) => done({ code: code ?? 1, signal, output, stdout }));
  });
}

const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');

/** A counting semaphore: `await limit(() => work())` runs at most `n` works at once. */
function limiter(n) {
  let active = 0;
  const queue = [];
  const next = () => {
    if (active >= n || !queue.length) return;
    active++;
    const { work, resolve: ok, reject } = queue.shift();
    work().then(ok, reject).finally(() => {
      active--;
      next();
    });
  };
  return (work) => new Promise((ok, reject) => {
    queue.push({ work, resolve: ok, reject });
    next();
  });
}

// Under `npm test`, npm hands its own run's settings down as npm_* variables (this package's prefix,
// lifecycle, package.json): an example's npm must not inherit them. Where and how to fetch (registry,
// proxy, certificates, cache) is the user's and stays.
const KEEP_NPM_CONFIG = /^npm_config_(registry|@.*:registry|.*proxy|noproxy|strict_ssl|cafile|ca|cache|userconfig|globalconfig|fetch_.*|prefer_offline|offline)$/i;
function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || KEEP_NPM_CONFIG.test(k)) env[k] = v;
  // Angular's CLI asks about analytics on first use unless told.
  return { ...env, NG_CLI_ANALYTICS: 'false', NO_UPDATE_NOTIFIER: '1', ...extra };
}

// ---------------------------------------------------------------------------------------------
// 1. Pack the library
// ---------------------------------------------------------------------------------------------

async function pack() {
  const started = performance.now();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // `npm pack` runs prepack/prepare itself when the package has them; otherwise build first.
  const packBuilds = Boolean(pkg.scripts?.prepack || pkg.scripts?.prepare);
  if (flags.build && !packBuilds) {
    console.log('examples: building the library (npm run build)…');
    const res = await run('npm', ['run', 'build', '--silent']);
    if (res.code !== 0) throw new Error(`the library build failed:\n${tail(res.output)}`);
  } else if (!existsSync(join(root, 'dist'))) {
    throw new Error('dist/ is missing: run `npm run build` first, or drop --no-build.');
  }
  await mkdir(examplesDir, { recursive: true });
  const res = await run('npm', ['pack', '--json', '--pack-destination', examplesDir, ...(packBuilds && !flags.build ? ['--ignore-scripts'] : [])]);
  if (res.code !== 0) throw new Error(`npm pack failed:\n${tail(res.output)}`);
  // The JSON report is the last thing on stdout (a prepack script may print its build above it).
  const at = [...res.stdout.matchAll(/^\[$/gm)].at(-1)?.index;
  if (at === undefined) throw new Error(`npm pack printed no JSON report:\n${tail(res.output)}`);
  const [{ filename, size }] = JSON.parse(res.stdout.slice(at));
  renameSync(join(examplesDir, filename), tarball);
  console.log(`examples: packed ${relative(root, tarball)} (${Math.round(size / 1024)} KB) in ${seconds(since(started))} s`);
}

// ---------------------------------------------------------------------------------------------
// 2. Install and build one example
// ---------------------------------------------------------------------------------------------

async function install(name) {
  const dir = join(examplesDir, name);
  // The tarball changes with every pack, under the same name: forget the installed copy and the
  // lock that pins its old checksum (neither is committed), so npm installs this one.
  rmSync(join(dir, 'node_modules', 'customer-elements'), { recursive: true, force: true });
  rmSync(join(dir, 'package-lock.json'), { force: true });
  const started = performance.now();
  const res = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir, env: cleanEnv() });
  if (res.code !== 0) throw new Error(`npm install failed:\n${tail(res.output)}`);
  return since(started);
}

async function build(name) {
  const dir = join(examplesDir, name);
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const started = performance.now();
  const res = await run('npm', ['run', 'build'], { cwd: dir, env: cleanEnv() });
  if (res.code !== 0) throw new Error(`npm run build failed:\n${tail(res.output)}`);
  if (!existsSync(join(dir, 'dist', 'index.html'))) throw new Error('npm run build made no dist/index.html');
  return since(started);
}

async function jsSizes(dir) {
  let files = 0;
  let gzip = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.m?js$/.test(entry.name)) continue;
    files++;
    gzip += gzipSync(await readFile(join(entry.parentPath ?? entry.path, entry.name)), { level: 9 }).length;
  }
  return { files, gzip };
}

// ---------------------------------------------------------------------------------------------
// 3. The reference API, and a static server in front of it
// ---------------------------------------------------------------------------------------------

function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/**
 * Starts the reference mock API on loopback and resolves with its origin once it answers. Uses the
 * package's own `customer-elements-mock-api` bin when an installed example has it and msw (what a
 * host would run), else the repository's command (mocks/cli.ts) through tsx.
 */
async function startApi() {
  const port = await freePort();
  // The bin needs msw, an optional peer: only an example that installed it can run the bin.
  const bin = names
    .filter((n) => existsSync(join(examplesDir, n, 'node_modules', 'msw', 'package.json')))
    .map((n) => join(examplesDir, n, 'node_modules', '.bin', 'customer-elements-mock-api'))
    .find((p) => existsSync(p));
  const [cmd, args, how] = bin
    ? [bin, ['--port', String(port)], 'the package bin customer-elements-mock-api']
    : [join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'mocks', 'cli.ts'), '--port', String(port)], 'the repository (tsx mocks/cli.ts)'];
  const child = spawn(cmd, args, { cwd: root, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  let exited = false;
  child.on('exit', () => (exited = true));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`the mock API exited:\n${tail(output)}`);
    try {
      const res = await fetch(`${origin}/api/customers?limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the mock API did not answer within 60 s:\n${tail(output)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`examples: reference API from ${how} at ${origin}/api`);
  return {
    origin,
    stop: () => new Promise((done) => {
      if (exited) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    }),
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** Serves `dist` at / and proxies /api/* to the API, so the page calls its API at its own origin. */
function serve(dist, apiOrigin) {
  const api = new URL(apiOrigin);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (path === '/api' || path.startsWith('/api/')) {
      const upstream = httpRequest(
        { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    let file = normalize(join(dist, path));
    if (file !== dist && !file.startsWith(dist + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // A client-side route (no extension) gets the app's page, as a host's server would give it.
    if (!existsSync(file) && !extname(path)) file = join(dist, 'index.html');
    // Chromium asks every site for a favicon; a host has one, and an example need not.
    if (!existsSync(file) && path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => done({
      url: `http://127.0.0.1:${server.address().port}/`,
      close: () => new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
    }));
  });
}

/**
 * A customer to search for: an ordinary name (no fixture with hostile text), that the name search
 * finds alone, with at least one order. Asked of the API, so it holds for any seed.
 */
async function pickCustomer(apiOrigin) {
  const get = async (path) => {
    const res = await fetch(`${apiOrigin}/api${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) throw new Error(`GET /api${path}: ${res.status}`);
    return res.json();
  };
  const page = await get('/customers?limit=100');
  for (const c of page.items) {
    if (!/^[A-Za-z][A-Za-z '&.-]{3,40}$/.test(c.name)) continue;
    const found = await get(`/customers?q=${encodeURIComponent(c.name)}&limit=2`);
    if (found.items.length !== 1) continue;
    const orders = await get(`/customers/${encodeURIComponent(c.id)}/orders?limit=1`);
    if (orders.items.length) return { id: c.id, name: c.name };
  }
  throw new Error('the reference API has no ordinary customer with orders to search for');
}

// ---------------------------------------------------------------------------------------------
// 4. The browser check
// ---------------------------------------------------------------------------------------------

/** A CSS selector for a component under its default tag and any `acme-` renamed tag. */
const tag = (name) => `:is(${name}, acme-${name})`;

async function check(browser, url, customer, name) {
  const context = await browser.newContext({ viewport: { width: 1340, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  // Chromium's console names no URL for a failed load: say which one it was.
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
  });
  const step = async (what, fn) => {
    try {
      return await fn();
    } catch (error) {
      const said = problems.length ? `\n    ${problems.join('\n    ')}` : '';
      throw new Error(`${what}: ${String(error?.message ?? error).split('\n')[0]}${said}`, { cause: error });
    }
  };
  // What a framework writes when it binds before the element is defined: client="[object Object]".
  const noClientAttribute = () => step('the client is a property on every component, never a "client" attribute', async () => {
    const withAttribute = await page.evaluate(() =>
      [...document.querySelectorAll('[client]')].map((el) => `<${el.localName} client="${el.getAttribute('client')}">`));
    if (withAttribute.length) throw new Error(withAttribute.join(', '));
  });
  try {
    await step('the page loads', () => page.goto(url, { waitUntil: 'load' }));

    const input = page.locator(`${tag('customer-search')} [part~="input"]`).first();
    await step('the search box appears', () => input.waitFor());
    await noClientAttribute();
    await step('typing the name into the search', async () => {
      const box = await input.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await input.pressSequentially(customer.name, { delay: 10 });
    });
    const option = page.locator(`${tag('customer-search')} [part~="option"]`, { hasText: customer.name }).first();
    await step(`the search offers "${customer.name}"`, () => option.waitFor());
    await step('clicking the result with the mouse', async () => {
      await option.scrollIntoViewIfNeeded();
      const box = await option.boundingBox();
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      // What a person would hit at that point is the option (or something inside it).
      const hit = await option.evaluate((el, [px, py]) => {
        let at = document.elementFromPoint(px, py);
        while (at?.shadowRoot) {
          const inner = at.shadowRoot.elementFromPoint(px, py);
          if (!inner || inner === at) break;
          at = inner;
        }
        return el === at || el.contains(at);
      }, [x, y]);
      if (!hit) throw new Error('something else covers the option at its centre');
      await page.mouse.click(x, y);
    });

    await step(`the card shows "${customer.name}"`, () =>
      page.locator(`${tag('customer-card')} [part~="name"]`, { hasText: customer.name }).first().waitFor());
    await step(`#selected says "Selected: ${customer.name}" (the framework's handler got customer-select)`, () =>
      page.waitForFunction((n) => document.querySelector('output#selected')?.textContent?.trim() === `Selected: ${n}`, customer.name));
    await step('a renamed acme-* tag rendered content', () =>
      page.waitForFunction(() => {
        const renamed = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('acme-'));
        return renamed.length > 0 && renamed.every((el) => customElements.get(el.localName) && el.shadowRoot?.textContent?.trim());
      }));
    await step('the order table shows rows', () =>
      page.locator(`${tag('order-table')} [part~="row"]:not([part~="row-loading"]) [part~="cell-number"]`).first().waitFor());
    await noClientAttribute(); // again: an app may render the card and the table only now
    if (problems.length) throw new Error(`no console error and no page error:\n    ${problems.join('\n    ')}`);

    if (flags.screenshots) {
      await mkdir(flags.screenshots, { recursive: true });
      for (const width of [1340, 400]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(flags.screenshots, `${name}-${width}.png`), fullPage: true });
      }
    }
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5. The README's "Run the reference API in your own app", in an example that installs msw
// ---------------------------------------------------------------------------------------------

/** The README's command for the reference API over HTTP (`npx customer-elements-mock-api --port 4010`), which the README's Vite proxy expects. */
const README_API_COMMAND = ['customer-elements-mock-api', ['--port', '4010']];

/** Starts a long-running command in its own process group; `stop()` ends that group (and only it). */
function startProcess(cmd, args, cwd) {
  const child = spawn(cmd, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  let exited = false;
  child.on('exit', () => (exited = true));
  return {
    output: () => output,
    exited: () => exited,
    stop: () => new Promise((done) => {
      if (exited) return done();
      child.once('exit', () => done());
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        done();
      }
    }),
  };
}

/** Waits until `url` answers (any status) or the process behind it exits. */
async function answering(url, proc, what, headers = {}) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exited()) throw new Error(`${what} exited:\n${tail(proc.output())}`);
    try {
      const res = await fetch(url, { headers });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer ${url} within 90 s:\n${tail(proc.output())}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * For an example that installs msw, what the README's section does, as written in the example:
 * `npm run dev` (its predev runs `msw init public --save`; the page starts the MSW worker, no server)
 * and `npm run preview` (the production build, Vite's proxy passing /api to the package's bin on
 * port 4010). Each is driven like the build. Returns [mode, error | undefined] per mode.
 */
async function readmeApiModes(name, browser, customer) {
  const dir = join(examplesDir, name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!pkg.devDependencies?.msw && !pkg.dependencies?.msw) return [];
  const out = [];
  const drive = async (mode, fn) => {
    try {
      await fn();
      out.push([mode, undefined]);
    } catch (error) {
      out.push([mode, error?.message ?? String(error)]);
    }
  };
  await drive('npm run dev (MSW worker in the page)', async () => {
    const port = await freePort();
    const dev = startProcess('npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], dir);
    try {
      const url = `http://127.0.0.1:${port}/`;
      await answering(url, dev, 'npm run dev');
      await check(browser, url, customer, `${name}-dev`);
    } finally {
      await dev.stop();
    }
  });
  await drive('npm run preview (proxy to the mock-API bin on 4010)', async () => {
    const [bin, args] = README_API_COMMAND;
    const taken = await fetch('http://127.0.0.1:4010/').then(() => true, () => false);
    if (taken) throw new Error('port 4010 is taken on this machine (the README runs the mock API there): free it and run again');
    const api = startProcess(join(dir, 'node_modules', '.bin', bin), args, dir);
    const port = await freePort();
    const preview = startProcess('npm', ['run', 'preview', '--', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], dir);
    try {
      await answering('http://127.0.0.1:4010/api/customers?limit=1', api, `npx ${bin} ${args.join(' ')}`, { authorization: `Bearer ${TOKEN}` });
      const url = `http://127.0.0.1:${port}/`;
      await answering(url, preview, 'npm run preview');
      await check(browser, url, customer, `${name}-preview`);
    } finally {
      await preview.stop();
      await api.stop();
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const started = performance.now();
const results = new Map(names.map((n) => [n, { name: n, files: '', gzip: '', install: '', build: '', result: 'not run' }]));
let apiReady;
let browser;
let failed = 0;
try {
  const chrome = ensureChromium();
  if (!chrome) throw new Error('no Chromium');
  await pack();

  // Every install starts now; the API starts when they have all ended (so that it can be the
  // installed package's bin), the browser at once. Both are ready before the first build ends.
  const installs = new Map(names.map((name) => [name, install(name)]));
  apiReady = Promise.allSettled(installs.values()).then(startApi);
  apiReady.catch(() => {});
  const { chromium } = await import('playwright-core');
  const browserReady = chromium.launch({
    executablePath: chrome,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  browserReady.catch(() => {});
  let customer;

  const builds = limiter(Math.min(4, availableParallelism()));
  const checks = limiter(1);
  await Promise.all(names.map(async (name) => {
    const row = results.get(name);
    try {
      row.result = 'install failed';
      row.install = seconds(await installs.get(name));
      console.log(`examples: ${name}: installed in ${row.install} s`);
      row.result = 'build failed';
      row.build = seconds(await builds(() => build(name)));
      const sizes = await jsSizes(join(examplesDir, name, 'dist'));
      Object.assign(row, sizes);
      console.log(`examples: ${name}: built in ${row.build} s (${sizes.files} JS files, ${sizes.gzip} B gzip)`);
      row.result = 'check failed';
      await checks(async () => {
        const api = await apiReady;
        browser = await browserReady;
        customer ??= await pickCustomer(api.origin);
        const site = await serve(join(examplesDir, name, 'dist'), api.origin);
        try {
          await check(browser, site.url, customer, name);
        } finally {
          await site.close();
        }
      });
      row.result = 'passed';
      console.log(`examples: ${name}: passed`);
      await checks(async () => {
        for (const [mode, error] of await readmeApiModes(name, browser, customer)) {
          const extra = { name: `${name}: ${mode}`, files: '', gzip: '', install: '', build: '', result: error ? 'check failed' : 'passed', error };
          results.set(extra.name, extra);
          if (error) {
            failed++;
            console.error(`examples: ${extra.name}: check failed: ${error}`);
          } else console.log(`examples: ${extra.name}: passed`);
        }
      });
    } catch (error) {
      failed++;
      row.error = error?.message ?? String(error);
      console.error(`examples: ${name}: ${row.result}: ${row.error}`);
    }
  }));
} catch (error) {
  console.error(`examples: ${error?.message ?? error}`);
  failed = Math.max(failed, 1);
  for (const row of results.values()) if (row.result === 'not run') row.result = 'not run (setup failed)';
} finally {
  await browser?.close().catch(() => {});
  await (await apiReady?.catch(() => undefined))?.stop();
}

const rows = [...results.values()];
const header = ['example', 'JS files', 'JS gzip bytes', 'install s', 'build s', 'result'];
const cells = rows.map((r) => [r.name, String(r.files), String(r.gzip), r.install, r.build, r.result]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => `| ${c.map((v, i) => (i > 0 && i < 5 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} |`;
console.log(`\n${line(header)}\n|${widths.map((w, i) => (i > 0 && i < 5 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
for (const c of cells) console.log(line(c));
console.log(`\nexamples: ${seconds(since(started))} s in all`);
const passed = rows.filter((r) => r.result === 'passed').length;
console.log(`${passed} passed, ${rows.length - passed} failed`);
process.exit(failed || passed !== rows.length ? 1 : 0);
