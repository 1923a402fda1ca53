import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The strict-CSP test page (test/e2e/csp.test.ts builds and serves it): a production build, because
// Vite's dev client injects inline scripts that no strict policy allows.
export default defineConfig({
  root: here('.'),
  publicDir: false,
  // Production builds of lit and friends whatever NODE_ENV the test runner sets.
  resolve: { conditions: ['module', 'browser', 'production'] },
  logLevel: 'warn',
  build: {
    outDir: here('../../.tmp/csp-page'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
