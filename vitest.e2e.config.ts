import { defineConfig } from 'vitest/config';

// End-to-end: the built demo portal in real Chromium, on the MSW worker and on mock-server over HTTP,
// and every component on a page served with the README's strict Content Security Policy.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
