import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The reference API's own entries, apart from the components' build (vite.config.ts), in two passes:
//   vite build -c vite.mocks.config.ts          the browser: `customer-elements/mocks/browser` (startMockApi)
//   vite build -c vite.mocks.config.ts --ssr    Node: `customer-elements/mocks/node` and the
//                                              `customer-elements-mock-api` bin, run by plain `node`
// msw (a peer the host installs) and our dependencies stay imports, resolved from the host's node_modules.
const external = [/^lit(\/|$)/, /^@lit\//, /^ky(\/|$)/, /^valibot(\/|$)/, /^msw(\/|$)/];

// jsPDF draws the reference API's documents. It is bundled (a chunk loaded on the first PDF), so a
// host that installs the package gets documents without installing it: its ES build everywhere
// (Node too, so no CommonJS), its optional HTML/SVG helpers replaced by a stub it never calls.
export const PDF_ALIASES = [
  { find: /^jspdf$/, replacement: fileURLToPath(new URL('node_modules/jspdf/dist/jspdf.es.min.js', import.meta.url)) },
  { find: /^(html2canvas|dompurify|canvg)$/, replacement: fileURLToPath(new URL('mocks/documents/no-optional.ts', import.meta.url)) },
];
const PDF_BUNDLED = [/^jspdf/, 'fflate', 'fast-png', /^@babel\/runtime/, 'iobuffer', 'pako'];

export default defineConfig(({ isSsrBuild }) => ({
  publicDir: false,
  resolve: { alias: PDF_ALIASES },
  ssr: { noExternal: PDF_BUNDLED },
  build: isSsrBuild
    ? {
        outDir: 'dist/node',
        emptyOutDir: true,
        target: 'node20.19',
        minify: false,
        sourcemap: false,
        ssr: true,
        rollupOptions: {
          input: { cli: r('mocks/cli.ts'), node: r('mocks/node.ts') },
          external,
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
        },
      }
    : {
        // Not dist/mocks: the components' build preserves the mock modules there.
        outDir: 'dist/mocks-browser',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        sourcemap: false,
        lib: { formats: ['es'], entry: { browser: r('mocks/browser.ts') } },
        rollupOptions: { external },
      },
}));
