import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The library build: ESM only, one file per public entry, dependencies left to the host's bundler.
export default defineConfig({
  // mockServiceWorker.js belongs to the demo and Storybook, not to the published library.
  publicDir: false,
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
        react: r('src/react/index.ts'),
      },
    },
    rollupOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^ky(\/|$)/, /^valibot(\/|$)/, /^msw(\/|$)/, /^react(\/|$)/],
    },
  },
});
