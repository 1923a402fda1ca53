import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { COMPONENT_ENTRIES } from './scripts/entries.mjs';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** lit, ky, valibot, the SDK and the components' shared base: one chunk that every entry loads. */
const SHARED = /[\\/]node_modules[\\/]|[\\/]src[\\/]sdk[\\/]|[\\/]src[\\/]components[\\/]shared[\\/]|^\0/;

// The build for pages without a bundler (`dist/browser/`): everything inlined and minified, one
// entry per component (`customer-card.js` registers the card) plus `all.js` (registers every tag)
// and `index.js` (classes, helpers and the SDK, registering nothing). Code is never duplicated
// between files, so a page that loads several of them loads lit and each class once: every entry
// imports `chunks/shared.js` and the chunk of each component class it uses (`chunks/customer-card.js`).
// Not a library-mode build: Vite keeps whitespace and comments in library-mode ES output.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/browser',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    modulePreload: false,
    rollupOptions: {
      input: {
        all: r('src/browser/all.ts'),
        index: r('src/browser/index.ts'),
        ...Object.fromEntries(COMPONENT_ENTRIES.map((c) => [c, r(`src/components/${c}/define.ts`)])),
      },
      // An app build drops entry exports by default; these files are modules a page imports from.
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name].js',
        codeSplitting: { groups: [{ name: 'shared', test: SHARED }] },
      },
    },
  },
});
