/**
 * The mock API in the browser (dev server, Storybook, demo): MSW's service worker with the
 * contract's handlers. Browser-safe: nothing here may import a `node:` module.
 *
 * `customer-elements/mocks/browser` in the package. The worker script is not ours: it belongs to the
 * msw version the host installed, which writes it into the folder the host serves as its root
 * (`npx msw init public --save` in a Vite app), and the two must match.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createDatabase } from './data/index.js';
import type { Database, DatasetSize } from './data/database.js';
import { createHandlers } from './handlers/index.js';
import { persistDatabase, type PersistentDatabase } from './persist.js';
import { createScenario, type ScenarioController } from './scenario.js';

export interface StartMockApiOptions {
  /** Default `location.origin + '/api'`. */
  baseUrl?: string;
  /** Where `mockServiceWorker.js` (written by `npx msw init <public dir>`) is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  db?: Database;
  seed?: number;
  size?: Partial<DatasetSize>;
  /** Silence MSW's console log of every request. Default true. */
  quiet?: boolean;
  /**
   * Keep the writes made through the API in IndexedDB and replay them at the next start (see
   * `persist.ts`), so that a reload or another page shows them. Off by default (stories and tests
   * start fresh); ignored when `db` is given. A string names the IndexedDB databases.
   */
  persist?: boolean | string;
}

export interface BrowserMockApi {
  worker: SetupWorker;
  db: Database;
  scenario: ScenarioController;
  baseUrl: string;
  tokens: { admin: string; clerk: string; viewer: string };
  /** With `persist`: what was restored, and `reset()` to forget every kept change. */
  persistence: Omit<PersistentDatabase, 'db'> | null;
  stop(): void;
}

export async function startMockApi(options: StartMockApiOptions = {}): Promise<BrowserMockApi> {
  const baseUrl = (options.baseUrl ?? `${location.origin}/api`).replace(/\/+$/, '');
  const kept = !options.db && options.persist
    ? await persistDatabase({ seed: options.seed, size: options.size, name: typeof options.persist === 'string' ? options.persist : undefined })
    : null;
  const db = options.db ?? kept?.db ?? createDatabase({ seed: options.seed, size: options.size });
  const scenario = createScenario();
  const worker = setupWorker(...createHandlers({ db, baseUrl, scenario }));
  const startOptions = {
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    // The page's own files and other hosts' requests pass through untouched. msw 2 reads
    // `onUnhandledRequest`; msw 3 renamed it `onUnhandledFrame` and ignores the old name.
    onUnhandledRequest: 'bypass',
    onUnhandledFrame: 'bypass',
    quiet: options.quiet ?? true,
  } as const;
  await worker.start(startOptions);
  const { admin, clerk, viewer } = db.fixtures.users;
  return {
    worker, db, scenario, baseUrl,
    tokens: { admin: admin.token, clerk: clerk.token, viewer: viewer.token },
    persistence: kept && { storage: kept.storage, restored: kept.restored, flush: kept.flush, reset: kept.reset },
    stop: () => worker.stop(),
  };
}
