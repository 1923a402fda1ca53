import { defineConfig } from 'vitest/config';

// Tests against the built output (dist/), through the package's own exports map, and the
// single-file build (dist/browser/) in Chromium.
export default defineConfig({
  test: { include: ['test/package/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 60_000 },
});
