#!/usr/bin/env node
// What each public entry costs a host app, measured the way a host gets it: the packed tarball is
// installed into a temporary app in /tmp, and that app's bundler (esbuild, from our node_modules)
// builds one minified bundle per entry: each component alone, the SDK alone, everything. Prints
// raw, gzip (-9) and brotli (q11) bytes per entry, then the single-file build (dist/browser) per
// file as a page without a bundler loads it (the file and every chunk it imports).
//
// Checks (each a failure when broken):
// - a component bundle contains only its own component modules and those its class imports
//   (from the bundler's metafile), and none of another component's tag names (a marker that would
//   catch a shared chunk swallowing components if the build stopped preserving modules);
// - every single component is clearly less than everything;
// - importing the class-only entry for nothing costs nothing (it registers nothing), and renaming
//   one class through it costs what that component's own entry costs;
// - the SDK alone bundles no lit;
// - an entry over its gzip budget (BUDGETS below; issue 10 fills them in, "—" until then).
//
//   npm run size              (builds the library first when dist/ is missing)
//   node scripts/size.mjs --keep   keeps the host app in /tmp and prints where
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { COMPONENT_ENTRIES } from './entries.mjs';

const root = new URL('..', import.meta.url).pathname;
const keep = process.argv.includes('--keep');

/** Gzip budgets in bytes per entry, by the name in the table (issue 10 sets them). */
const BUDGETS = {
  // 'customer-card': 30_000,
};

/** The components each entry may contain: itself and what its class imports (by folder under src/components). */
const ALLOWED = {
  'customer-card': ['customer-card', 'watch-list-badge'],
  'customer-search': ['customer-search', 'watch-list-badge'],
  'order-table': ['order-table'],
  'notes-panel': ['notes-panel'],
  'address-book': ['address-book'],
  'customer-attachments': ['customer-attachments'],
  'watch-list-badge': ['watch-list-badge'],
  // The views of its view dialog (views.ts) are dynamic imports: a host bundler splits them into chunks loaded on
  // first use, but this check bundles without splitting, so they count here.
  'customer-screen': ['customer-screen', 'customer-card', 'watch-list-badge', 'order-table', 'notes-panel', 'address-book', 'customer-attachments', 'customer-accounts'],
  'customer-accounts': ['customer-accounts'],
  'customer-create': ['customer-create'],
  provider: [],
};
/** Tag names by component folder: the marker that a component's code is in a bundle. */
const TAGS = {
  'customer-card': ['customer-card'],
  'customer-search': ['customer-search'],
  'order-table': ['order-table', 'order-detail'],
  'notes-panel': ['notes-panel'],
  'address-book': ['address-book'],
  'customer-attachments': ['customer-attachments'],
  'watch-list-badge': ['watch-list-badge'],
  'customer-screen': ['customer-screen'],
  'customer-accounts': ['customer-accounts'],
  'customer-create': ['customer-create'],
};

if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(root, 'dist/browser/all.js'))) {
  console.info('size: no build in dist/ yet; building the library (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

// 1. Pack, and install the tarball into a host app, as a user would.
const started = Date.now();
const host = mkdtempSync(join(tmpdir(), 'ce-size-'));
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', host], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'size-host', private: true, type: 'module' }));
execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', `./${packed.filename}`], { cwd: host, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`packed ${packed.filename} (${(packed.size / 1024).toFixed(0)} KB) and installed it into ${keep ? host : 'a host app in /tmp'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

// 2. One host bundle per entry.
const cases = [
  ...COMPONENT_ENTRIES.map((name) => ({ name, code: `import 'customer-elements/${name}';`, component: name })),
  { name: 'sdk (createClient)', code: `import { createClient } from 'customer-elements/sdk';\nglobalThis.client = createClient({ baseUrl: '/api' });`, sdk: true },
  { name: 'everything (define)', code: `import 'customer-elements/define';`, everything: true },
  { name: 'class entry, nothing used', code: `import 'customer-elements';`, empty: true },
  { name: 'class entry, card renamed', code: `import { CustomerCard, defineElement } from 'customer-elements';\ndefineElement('acme-customer-card', CustomerCard);`, like: 'customer-card' },
  { name: 'lit alone (reference)', code: `import { LitElement, html, css } from 'lit';\ncustomElements.define('x-ref', class extends LitElement { static styles = css\`:host{display:block}\`; render() { return html\`<p>hi</p>\`; } });`, reference: true },
];

async function bundle(code, name) {
  const entry = join(host, `entry-${name.replace(/\W+/g, '-')}.js`);
  writeFileSync(entry, code);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: host,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0].text;
  const inputs = Object.keys(result.metafile.inputs);
  return { text, inputs, ...sizes(Buffer.from(text)) };
}

const bundling = Date.now();
const results = new Map();
for (const c of cases) results.set(c.name, { ...c, ...(await bundle(c.code, c.name)) });

console.log(`bundled ${cases.length} host apps in ${((Date.now() - bundling) / 1000).toFixed(1)} s\n`);
const failures = [];
let passed = 0;
const check = (ok, message) => (ok ? passed++ : failures.push(message));

/**
 * The card's texts (its catalogue and its languages) are read by the notes panel too: a system note
 * names a changed field with the card's label, so a term has one translation. They count as shared
 * texts, not as the card. (To do: move the field labels into the shared catalogue and drop this.)
 */
const SHARED_TEXTS = /customer-elements\/dist\/src\/components\/customer-card\/(customer-card\.messages|locales\/)/;
/** Component folders whose modules a bundle contains. */
const componentsIn = (inputs) =>
  new Set(
    inputs
      .filter((i) => !SHARED_TEXTS.test(i))
      .map((i) => /customer-elements\/dist\/src\/components\/([^/]+)\//.exec(i)?.[1])
      .filter((c) => c && c !== 'shared'),
  );
/**
 * The card's texts name their catalogue 'customer-card' (minified, the call is not recognisable): in a
 * bundle that has them, that string is the catalogue's name; the module check above still catches the card.
 */
const cardTagIsCatalogueName = (r, tag) => tag === 'customer-card' && r.inputs.some((i) => SHARED_TEXTS.test(i));

const everything = [...results.values()].find((r) => r.everything);
for (const r of results.values()) {
  if (r.component) {
    const allowed = new Set(ALLOWED[r.component]);
    const extra = [...componentsIn(r.inputs)].filter((c) => !allowed.has(c));
    check(extra.length === 0, `${r.name}: bundles other components' modules: ${extra.join(', ')}`);
    const markers = Object.entries(TAGS)
      .filter(([folder]) => !allowed.has(folder))
      .flatMap(([, tags]) => tags)
      .filter((tag) => !cardTagIsCatalogueName(r, tag) && new RegExp(`["'\`]${tag}["'\`]`).test(r.text));
    check(markers.length === 0, `${r.name}: contains other components' tag names: ${markers.join(', ')}`);
    if (r.component !== 'customer-screen') {
      check(r.gzip < 0.75 * everything.gzip, `${r.name}: ${r.gzip} B gzip is not clearly less than everything (${everything.gzip} B)`);
    }
  }
  if (r.empty) check(r.raw === 0, `${r.name}: importing the class entry for nothing costs ${r.raw} B (it should register nothing and be dropped)`);
  if (r.like) {
    const own = results.get(r.like);
    check(r.gzip <= own.gzip * 1.02 + 64, `${r.name}: ${r.gzip} B gzip, more than the ${r.like} entry (${own.gzip} B): the class entry does not tree-shake`);
  }
  if (r.sdk) check(!r.inputs.some((i) => /node_modules\/(lit|lit-html|lit-element|@lit)\//.test(i)), `${r.name}: bundles lit`);
  const budget = BUDGETS[r.name];
  if (budget !== undefined) check(r.gzip <= budget, `${r.name}: ${r.gzip} B gzip is over its budget of ${budget} B`);
}

// 3. The table.
const n = (x) => x.toLocaleString('en-US');
const row = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
const W = [28, 10, 10, 10, 10, 11];
console.log('Host app bundles (esbuild, minified, from the installed tarball), bytes:');
console.log(row(['entry', 'raw', 'gzip', 'brotli', 'budget', 'of all'], W));
for (const r of results.values()) {
  const budget = BUDGETS[r.name];
  const share = r.reference ? '' : `${((100 * r.gzip) / everything.gzip).toFixed(0)} %`;
  console.log(row([r.name, n(r.raw), n(r.gzip), n(r.brotli), budget === undefined ? '—' : n(budget), share], W));
}

// 4. The single-file build, as a page loads it: the file and every chunk it imports, transitively.
const browserDir = join(host, 'node_modules/customer-elements/dist/browser');
const closure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(browserDir, file), 'utf8');
  // Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"` (minified output).
  for (const m of code.matchAll(/(?:^|[;}])\s*(?:import|export)\s*(?:[^'"`;]*?from\s*)?["'`](\.[^"'`]+)["'`]/g)) {
    closure(join(dirname(file), m[1]).replace(/^\.\//, ''), seen);
  }
  return seen;
};
const fileSizes = new Map();
const sizeOf = (f) => fileSizes.get(f) ?? fileSizes.set(f, sizes(readFileSync(join(browserDir, f)))).get(f);
const browserFiles = readdirSync(browserDir).filter((f) => f.endsWith('.js')).sort();
console.log('\nSingle-file build (dist/browser), each file with the chunks it loads, bytes:');
console.log(row(['file', 'raw', 'gzip', 'brotli', 'files', ''], W));
for (const file of browserFiles) {
  const files = [...closure(file)];
  const total = files.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  console.log(row([file, n(total.raw), n(total.gzip), n(total.brotli), files.length, ''], W));
  const name = file.replace(/\.js$/, '');
  if (ALLOWED[name]) {
    const others = files.filter(
      (f) => f !== file && f !== 'chunks/shared.js' && f !== 'classes/customer-card.messages.js' && !ALLOWED[name].some((c) => f === `classes/${c}.js`),
    );
    check(others.length === 0, `dist/browser/${file}: loads other components' code: ${others.join(', ')}`);
  }
}
console.log('(gzip per file summed: a page pays one request per file; shared.js is loaded once however many files a page uses)');

if (!keep) rmSync(host, { recursive: true, force: true });
console.log(`\nsize checks: ${passed} passed, ${failures.length} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
for (const f of failures) console.error(`✖ ${f}`);
process.exit(failures.length ? 1 : 0);
