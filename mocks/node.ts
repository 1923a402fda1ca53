/**
 * The mock API in Node (tests, scripts): MSW's `setupServer` with the contract's handlers over a
 * seeded database. The caller owns the lifecycle (`server.listen()` / `server.close()`).
 * `customer-elements/mocks/node` in the package, with `startMockHttpServer` (the same over real HTTP).
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createDatabase } from './data/index.js';
import type { Database, DatasetSize } from './data/database.js';
import { createHandlers } from './handlers/index.js';
import { emitMockResponse } from './handlers/hooks.js';
import { createScenario, type ScenarioController } from './scenario.js';

export { onMockResponse, type MockResponseEvent, type MockResponseListener } from './handlers/hooks.js';

export interface SetupMockApiOptions {
  /** Absolute base URL the handlers answer on. Default `http://api.test/v1`. */
  baseUrl?: string;
  /** An existing database (shared with another mock API, or prepared by the test). */
  db?: Database;
  seed?: number;
  size?: Partial<DatasetSize>;
}

export interface MockApi {
  server: SetupServer;
  db: Database;
  scenario: ScenarioController;
  baseUrl: string;
  /** Bearer tokens of the fixture users. */
  tokens: { admin: string; clerk: string; viewer: string };
}

export function tokensOf(db: Database): MockApi['tokens'] {
  const { admin, clerk, viewer } = db.fixtures.users;
  return { admin: admin.token, clerk: clerk.token, viewer: viewer.token };
}

export function setupMockApi(options: SetupMockApiOptions = {}): MockApi {
  const baseUrl = (options.baseUrl ?? 'http://api.test/v1').replace(/\/+$/, '');
  const db = options.db ?? createDatabase({ seed: options.seed, size: options.size });
  const scenario = createScenario();
  const server = setupServer(...createHandlers({ db, baseUrl, scenario, onResponse: emitMockResponse }));
  return { server, db, scenario, baseUrl, tokens: tokensOf(db) };
}

export { startMockHttpServer, type MockHttpServer, type MockHttpServerOptions } from './server.js';
