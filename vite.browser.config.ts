import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { COMPONENT_ENTRIES } from './scripts/entries.mjs';
import { pureValibot } from './scripts/pure-valibot.mjs';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * lit, ky, valibot, the SDK and the components' shared base: one chunk that every entry loads. Not
 * the shared texts' languages (`shared/locales/`): each stays a chunk loaded when a page uses it.
 */
const SHARED = /[\\/]node_modules[\\/]|[\\/]src[\\/]sdk[\\/]|[\\/]src[\\/]components[\\/]shared[\\/](?!locales[\\/])|^\0/;

// The build for pages without a bundler (`dist/browser/`): everything inlined and minified, for
// `<script type="module">` from the package folder or any static host. No code is in two files,
// so a page that loads several of them loads lit and each class once:
// - `<component>.js` registers that component under its default tag and exports its class;
// - `all.js` registers every tag; `index.js` is the same without registering;
// - `core.js` is the SDK, `defineElement` and the provider class, without any component;
// - `classes/<component>.js` is that component's classes, unregistered (to register them under
//   names of your own); every file above imports these, and `chunks/shared.js` (lit, ky, valibot,
//   the SDK and the components' shared base).
// Not a library-mode build: Vite keeps whitespace and comments in library-mode ES output.
export default defineConfig({
  publicDir: false,
  // Schemas a page does not read are dropped by its bundler (scripts/pure-valibot.mjs).
  plugins: [pureValibot()],
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
        core: r('src/browser/core.ts'),
        ...Object.fromEntries(COMPONENT_ENTRIES.map((c) => [c, r(`src/components/${c}/define.ts`)])),
      },
      // An app build drops entry exports by default; these files are modules a page imports from.
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: '[name].js',
        // A component's chunk is named after its first module (`customer-card`): its classes, public.
        // Rolldown's runtime helper (namespace objects for the order detail's `import()`) sits with
        // the shared chunk, which loads it.
        chunkFileNames: (chunk) => (chunk.name === 'shared' || chunk.name === 'rolldown-runtime' ? 'chunks/[name].js' : 'classes/[name].js'),
        // Chunk exports keep their names, so `classes/customer-card.js` exports `CustomerCard`.
        minifyInternalExports: false,
        codeSplitting: { groups: [{ name: 'shared', test: SHARED }] },
      },
    },
  },
});
