#!/usr/bin/env node
// The whole test suite, in the order that fails fastest: types, lint, the contract, Node-side tests
// (SDK, mocks, contract), the library build and its package test, the example apps built from the
// packed tarball, the components in real Chromium, the demo end to end, and every Storybook story.
// Each step prints its own report; the last line is the total over every runner: "N passed, N failed".
//
//   npm test                 everything
//   npm test -- node lint    only the steps whose names start with these words
//   npm test -- package      the packed tarball (after `npm run build`)
//   npm test -- contract     the contract: current, and clean under Redocly and Spectral
import { spawn } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['oxlint', '--deny-warnings', 'src', 'mocks', 'test', 'scripts', 'bench', 'demo', 'stories']],
  ['contract is current (openapi.json)', 'npx', ['tsx', 'scripts/openapi.ts', '--check']],
  // Warnings fail too: redocly.yaml extends `recommended-strict` (Redocly's `recommended` with every warning an error).
  ['contract lint: Redocly recommended', 'npx', ['redocly', 'lint', 'openapi/openapi.json'], { env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }],
  ['contract lint: Spectral spectral:oas', 'npx', ['spectral', 'lint', 'openapi/openapi.json', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn']],
  ['node tests (vitest: SDK, mocks, contract)', 'npx', ['vitest', 'run']],
  ['library build', 'npm', ['run', 'build', '--silent']],
  ['built package (vitest: dist through the exports map; the single-file build in Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.package.config.ts'], { needsChromium: true }],
  ['package tarball (npm pack: publint, attw, no file without a use, bin, license)', 'node', ['scripts/check-package.mjs']],
  ['size (the tarball in a host app: bytes per entry, one component costs only itself and its base)', 'node', ['scripts/size.mjs']],
  // After the library build step it reuses dist/; alone (`npm test -- examples`) it builds first.
  ['examples (pack, install and build each app in examples/, drive it in Chromium)', 'node', ['scripts/examples.mjs'], { needsChromium: true, noBuildAfter: 'library build' }],
  ['browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner'], { needsChromium: true }],
  ['demo end to end (Chromium: MSW worker, mock-server, kept changes, the strict-CSP page)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { needsChromium: true }],
  // The bench with tiny sizes: proves it still runs (figures from a CI machine mean nothing).
  ['bench smoke (npm run bench -- --smoke, Chromium)', 'npx', ['tsx', 'bench/bench.ts', '--smoke'], { needsChromium: true }],
  ['storybook (static build, every story and docs page in Chromium with axe)', 'npm', ['run', 'test:stories', '--silent'], { needsChromium: true }],
];

// Counts from each runner's own summary line (ANSI colours stripped).
const COUNTERS = [
  // vitest: "Tests  217 passed (217)" or "Tests  1 failed | 216 passed (217)"
  (line) => {
    const m = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
    if (!m) return undefined;
    const failed = /(\d+) failed/.exec(m[1]);
    const passed = /(\d+) passed/.exec(m[1]);
    return { passed: passed ? +passed[1] : 0, failed: failed ? +failed[1] : 0, final: true };
  },
  // web-test-runner's progress line and the story smoke test: "… 197 passed, 0 failed"
  (line) => {
    const m = /(\d+) passed, (\d+) failed/.exec(line);
    return m ? { passed: +m[1], failed: +m[2], final: false } : undefined;
  },
];
// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let last;
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString();
      const lines = buffer.split(/\r?\n|\r/);
      buffer = lines.pop() ?? '';
      for (const raw of lines) {
        const line = stripAnsi(raw);
        for (const count of COUNTERS) {
          const c = count(line);
          // vitest's summary is final; web-test-runner's progress line repeats with growing counts.
          if (c) last = c;
        }
      }
    });
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, counts: last }));
  });
}

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let broken;
const done = new Set();
/** Seconds each step took, printed at the end: where the run's time goes (CI has a budget). */
const timings = [];
const runStarted = performance.now();
for (const [name, cmd, stepArgs, opts = {}] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n▶ ${name}`);
  const env = { ...process.env, ...opts.env };
  if (opts.needsChromium) {
    const chrome = ensureChromium();
    if (!chrome) { broken = name; break; }
    env.CHROME_PATH = chrome;
  }
  const args = opts.noBuildAfter && done.has(opts.noBuildAfter) ? [...stepArgs, '--no-build'] : stepArgs;
  const stepStarted = performance.now();
  const res = await run(cmd, args, env);
  timings.push([name, (performance.now() - stepStarted) / 1000]);
  if (res.counts) {
    passed += res.counts.passed;
    failed += res.counts.failed;
  }
  if (res.code !== 0) {
    console.error(`✖ ${name} failed (exit ${res.signal ?? res.code})`);
    broken = name;
    if (!res.counts?.failed) failed += 1; // a step that broke without counting a test still counts
    break;
  }
  done.add(name);
}
console.log('\nTime per step:');
for (const [name, seconds] of timings) console.log(`${seconds.toFixed(0).padStart(6)} s  ${name}`);
console.log(`${((performance.now() - runStarted) / 1000).toFixed(0).padStart(6)} s  in all`);
console.log(`\n${broken ? `Stopped at: ${broken}` : 'Every step passed.'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken ? 1 : 0);
