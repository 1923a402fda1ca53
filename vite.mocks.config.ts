import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The reference API's own entries, apart from the components' build (vite.config.ts), in two passes:
//   vite build -c vite.mocks.config.ts          the browser: `customer-elements/mocks/browser` (startMockApi)
//   vite build -c vite.mocks.config.ts --ssr    Node: `customer-elements/mocks/node` and the
//                                              `customer-elements-mock-api` bin, run by plain `node`
// msw (a peer the host installs) and our dependencies stay imports, resolved from the host's node_modules.
const external = [/^lit(\/|$)/, /^@lit\//, /^ky(\/|$)/, /^valibot(\/|$)/, /^msw(\/|$)/];

export default defineConfig(({ isSsrBuild }) => ({
  publicDir: false,
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
