// Component tests in real Chromium (Debian's, never a downloaded one), against the MSW worker.
// Run one file: npx web-test-runner "test/components/watch-list-badge.test.ts"
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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
 * React ships CommonJS only, which the dev server cannot serve as modules. Bundles React and
 * react-dom/client once (development build, one copy of React for both) and serves each as an ES
 * module with React's own named exports, as a host's bundler would (test/components/react.test.ts).
 */
function reactAsModules() {
  // Each specifier and the development file its CommonJS entry loads.
  const specifiers = { react: ['react', 'cjs/react.development.js'], 'react-dom/client': ['react-dom', 'cjs/react-dom-client.development.js'] };
  const names = Object.keys(specifiers);
  const url = (specifier) => `/__react/${specifier}.js`;
  /**
   * The named exports of a CommonJS file, read as Node's own CJS interop reads them (by its
   * `exports.x =` assignments; requiring React here would patch the runner's console).
   */
  const exportsOf = async ([pkg, file]) => {
    const folder = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
    const source = await readFile(join(folder, file), 'utf8');
    return [...new Set([...source.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)].map((m) => m[1]))].filter((n) => n !== 'default');
  };
  let bundle;
  return {
    name: 'react-as-modules',
    resolveImport({ source }) {
      return names.includes(source) ? url(source) : undefined;
    },
    async serve(context) {
      if (context.path === '/__react/bundle.js') {
        bundle ??= build({
          stdin: {
            contents: names.map((s, i) => `export * as m${i} from '${s}';`).join('\n'),
            resolveDir: fileURLToPath(new URL('.', import.meta.url)),
          },
          bundle: true,
          format: 'esm',
          write: false,
          logLevel: 'silent',
          define: { 'process.env.NODE_ENV': '"development"' },
        }).then((result) => result.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      const index = names.findIndex((s) => context.path === url(s));
      if (index < 0) return undefined;
      const exported = await exportsOf(specifiers[names[index]]);
      return {
        body: `import { m${index} as m } from '/__react/bundle.js';\nconst d = m.default ?? m;\nexport default d;\nexport const { ${exported.join(', ')} } = d;\n`,
        type: 'js',
      };
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
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }), wheelCommand(), reactAsModules()],
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
  // One test file at a time. Two at a time took 356 s instead of about 510 s and passed three runs
  // here, one with a core kept busy, but in a fresh-clone CI run one customer-screen test then kept
  // an alert after Try again, which 8 runs of that file alone under heavy load never showed. The
  // pages share one MSW service worker; until that is understood, CI runs the configuration that
  // has passed every time.
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
