#!/usr/bin/env node
// The whole test suite, in the order that fails fastest: types, lint, Node-side tests (SDK, mocks,
// contract), then the components in real Chromium. Each step prints its own summary; the last line
// is the total.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['oxlint', '--deny-warnings', 'src', 'mocks', 'test', 'scripts', 'bench', 'demo', 'stories']],
  ['contract is current (openapi.json)', 'npx', ['tsx', 'scripts/openapi.ts', '--check']],
  ['node tests (vitest: SDK, mocks, contract)', 'npx', ['vitest', 'run']],
  ['library build', 'npm', ['run', 'build', '--silent']],
  ['built package (vitest: dist through the exports map)', 'npx', ['vitest', 'run', '--config', 'vitest.package.config.ts']],
  ['browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner'], { needsChromium: true }],
  ['demo end to end (Chromium: MSW worker and mock-server)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { needsChromium: true }],
];

const only = process.argv.slice(2);
let failed = 0;
for (const [name, cmd, args, opts = {}] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n▶ ${name}`);
  const env = { ...process.env };
  if (opts.needsChromium) {
    const chrome = ensureChromium();
    if (!chrome) { failed++; break; }
    env.CHROME_PATH = chrome;
  }
  const res = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (res.status !== 0) {
    console.error(`✖ ${name} failed (exit ${res.status ?? res.signal})`);
    failed++;
    break;
  }
}
process.exit(failed ? 1 : 0);
