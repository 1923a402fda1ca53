// Component tests in real Chromium (Debian's, never a downloaded one), against the MSW worker.
// Run one file: npx web-test-runner "test/components/watch-list-badge.test.ts"
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const workerFile = fileURLToPath(new URL('./public/mockServiceWorker.js', import.meta.url));

/**
 * Serves MSW's worker at the root, so that its scope covers the test pages (a worker served from
 * /public/ could only control /public/*).
 */
function mockServiceWorker() {
  return async (context, next) => {
    if (context.path !== '/mockServiceWorker.js') return next();
    context.type = 'application/javascript';
    context.set('Cache-Control', 'no-store');
    context.body = await readFile(workerFile, 'utf8');
  };
}

/**
 * `executeServerCommand('wheel', { deltaX, deltaY })`: a real mouse-wheel step at the pointer's
 * position (Playwright's mouse.wheel), which @web/test-runner-commands does not offer.
 */
function wheelCommand() {
  return {
    name: 'wheel-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'wheel') return undefined;
      const page = session.browser.getPage(session.id);
      await page.mouse.wheel(Number(payload?.deltaX ?? 0), Number(payload?.deltaY ?? 0));
      return true;
    },
  };
}

/**
 * Records every console.error of the page from its first script on; `test/components/helpers.ts`
 * fails the test that caused one (unless the test declared it expected), because an error in the
 * console is a bug a user's page would carry too.
 */
const recordConsoleErrors = `
  window.ceConsoleErrors = [];
  const original = console.error.bind(console);
  console.error = (...args) => {
    window.ceConsoleErrors.push(args.map((a) => (a instanceof Error ? a.stack || a.message : String(a))).join(' '));
    original(...args);
  };
`;

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }), wheelCommand()],
  middleware: [mockServiceWorker()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
  // Two cores: one browser page at a time keeps timings honest.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 480_000,
  testFramework: { config: { timeout: 10_000, ui: 'bdd' } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /></head>
  <body>
    <script>${recordConsoleErrors}</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  // Debian's chromium wrapper and Lit's dev-mode notice are noise, not findings.
  filterBrowserLogs: ({ args }) => !args.some((a) => typeof a === 'string' && a.includes('Lit is in dev mode')),
};
