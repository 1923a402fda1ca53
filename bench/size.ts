/**
 * Bytes per component: each public entry bundled on its own (minified, dependencies included, as a
 * host app would ship it), gzip -9, printed against lit itself bundled the same way in the same run.
 *
 *   npm run bench:size
 *
 * "adds" is what an entry costs over lit: the figure to keep small.
 *
 * Only what a page loads up front counts: a chunk reached only by `import()` (a language other than
 * English, see src/components/shared/i18n.ts) is left out.
 */
import { build, type Rolldown } from 'vite';
import { gzipSync } from 'node:zlib';
import { readdirSync, existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

async function bundleBytes(code: string, name: string): Promise<{ raw: number; gzip: number }> {
  const dir = (mkdirSync(join(root, '.tmp'), { recursive: true }), mkdtempSync(join(root, '.tmp', 'size-')));
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, code);
  try {
    const out = (await build({
      root,
      logLevel: 'silent',
      configFile: false,
      publicDir: false,
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: name },
        rolldownOptions: { external: [] },
      },
    })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
    const outputs = Array.isArray(out) ? out : [out];
    let raw = 0;
    let gz = 0;
    for (const o of outputs) {
      for (const chunk of o.output) {
        if (chunk.type !== 'chunk' || chunk.isDynamicEntry) continue;
        const bytes = Buffer.from(chunk.code);
        raw += bytes.length;
        gz += gzipSync(bytes, { level: 9 }).length;
      }
    }
    return { raw, gzip: gz };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const peer = await bundleBytes(
  `import { LitElement, html, css } from 'lit';\nexport class X extends LitElement { static styles = css\`:host{display:block}\`; render() { return html\`<p>hi</p>\`; } }\ncustomElements.define('x-peer', X);`,
  'lit-peer',
);

const entries: [string, string][] = [];
const componentsDir = join(root, 'src/components');
for (const dir of readdirSync(componentsDir).sort()) {
  const define = join(componentsDir, dir, 'define.ts');
  if (dir !== 'shared' && existsSync(define)) entries.push([dir, `import ${JSON.stringify(define)};`]);
}
if (existsSync(join(componentsDir, 'define.ts'))) entries.push(['all components', `import ${JSON.stringify(join(componentsDir, 'define.ts'))};`]);
if (existsSync(join(root, 'src/sdk/index.ts'))) {
  entries.push(['sdk (createClient)', `export { createClient } from ${JSON.stringify(join(root, 'src/sdk/index.ts'))};`]);
}

console.log(`peer: lit (LitElement + html + css) = ${kb(peer.gzip)} gzip (${kb(peer.raw)} min)\n`);
console.log('entry, bundled alone'.padEnd(24), 'gzip'.padStart(9), 'min'.padStart(9), 'x lit'.padStart(7), 'over lit'.padStart(10), 'marginal'.padStart(10));

// Marginal cost: what a component adds to a page that already has every other part: the bundle of
// all parts minus the bundle of all parts but this one. The composite imports every part, so the
// parts are measured against each other and the composite against all parts.
const parts = entries.filter(([n]) => n !== 'all components' && n !== 'customer-screen' && !n.startsWith('sdk'));
const bundleOf = (names: string[]) =>
  bundleBytes(names.map((n) => `import ${JSON.stringify(join(componentsDir, n, 'define.ts'))};`).join('\n'), `set-${names.length}-${names.join('-').length}`);
const allParts = await bundleOf(parts.map(([n]) => n));
const marginal = new Map<string, number>();
for (const [name] of parts) marginal.set(name, allParts.gzip - (await bundleOf(parts.map(([n]) => n).filter((n) => n !== name))).gzip);
if (entries.some(([n]) => n === 'customer-screen')) {
  marginal.set('customer-screen', (await bundleOf([...parts.map(([n]) => n), 'customer-screen'])).gzip - allParts.gzip);
}

for (const [name, code] of entries) {
  const size = await bundleBytes(code, name.replace(/\W+/g, '-'));
  const m = marginal.get(name);
  console.log(
    name.padEnd(24),
    kb(size.gzip).padStart(9),
    kb(size.raw).padStart(9),
    (size.gzip / peer.gzip).toFixed(2).padStart(7),
    kb(size.gzip - peer.gzip).padStart(10),
    (m === undefined ? '' : kb(m)).padStart(10),
  );
}
console.log('\n"over lit": the component bundled alone (its shared base included) less lit.');
console.log('"marginal": what it adds to a page that already has every other component (gzip, whole-bundle difference).');
console.log('The SDK is created once by the host page, not per component.');
