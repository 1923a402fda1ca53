import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { COMPONENT_ENTRIES } from './scripts/entries.mjs';
import { PDF_ALIASES } from './vite.mocks.config.js';
import { pureValibot } from './scripts/pure-valibot.mjs';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The library build for hosts with a bundler: ESM only, dependencies (lit, @lit/context, ky,
// valibot, msw) left to the host so that it dedupes them. Modules are preserved one file per source
// module: only the entry files register tags (package.json `sideEffects` lists exactly those), so a
// host bundler drops every module the page does not import, down to the class. One file per entry
// would hide that: a chunk's top-level decorator calls look like side effects to the host.
// `dist/<name>.js` are the entries; the rest sits under `dist/src/` and `dist/mocks/`.
// The single-file build for pages without a bundler is `vite.browser.config.ts`.
export default defineConfig({
  publicDir: false,
  // The `mocks` entry renders PDFs with jsPDF, bundled as in the mocks' own builds (vite.mocks.config.ts).
  resolve: { alias: PDF_ALIASES },
  // Schemas a page does not read are dropped by its bundler (scripts/pure-valibot.mjs).
  plugins: [pureValibot()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      formats: ['es'],
      entry: {
        index: r('src/index.ts'),
        define: r('src/components/define.ts'),
        sdk: r('src/sdk/index.ts'),
        mocks: r('mocks/index.ts'),
        ...Object.fromEntries(COMPONENT_ENTRIES.map((c) => [c, r(`src/components/${c}/define.ts`)])),
        react: r('src/react/index.ts'),
      },
    },
    rollupOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^ky(\/|$)/, /^valibot(\/|$)/, /^msw(\/|$)/, /^react(\/|$)/],
      output: { preserveModules: true, preserveModulesRoot: r('.') },
    },
  },
});
