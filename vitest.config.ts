import { defineConfig } from 'vitest/config';

// Node-side tests: the SDK, the mocks, the contract, and the README's snippets against the example
// apps. Components run in real Chromium under web-test-runner (web-test-runner.config.mjs), not here.
export default defineConfig({
  test: {
    include: ['test/{sdk,mocks,contract,docs}/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/contract/validate-mock-responses.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores on CI machines: keep workers to what they can run.
    maxWorkers: 2,
  },
});
