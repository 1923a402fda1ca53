/**
 * Bytes per component: each public entry bundled on its own (minified, dependencies included, as a
 * host app would ship it), gzip -9, printed against lit itself bundled the same way in the same run.
 *
 *   npm run bench:size
 *
 * "adds" is what an entry costs over lit: the figure to keep small.
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
        if (chunk.type !== 'chunk') continue;
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
console.log('entry'.padEnd(24), 'gzip'.padStart(9), 'min'.padStart(9), 'x lit'.padStart(7), 'adds (gzip)'.padStart(12));
for (const [name, code] of entries) {
  const size = await bundleBytes(code, name.replace(/\W+/g, '-'));
  console.log(
    name.padEnd(24),
    kb(size.gzip).padStart(9),
    kb(size.raw).padStart(9),
    (size.gzip / peer.gzip).toFixed(2).padStart(7),
    kb(size.gzip - peer.gzip).padStart(12),
  );
}
