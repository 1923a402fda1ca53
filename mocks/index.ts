/**
 * `customer-elements/mocks`: the reference data model and the MSW handlers of the reference API,
 * for any environment. Browser-safe: no `node:` imports here (see `./node.ts` and `./server.ts`).
 */
export { createDatabase } from './data/index.js';
/** The whole contract: every route with its documentation, request schemas, status and capability. */
export { routes } from '../src/sdk/contract.js';
export type * from './data/database.js';
export { createHandlers, onMockResponse, SCENARIO_HEADER, type CreateHandlersOptions, type MockResponseEvent, type MockResponseListener } from './handlers/index.js';
export { createScenario, type FailureKind, type ScenarioController, type ScenarioSettings } from './scenario.js';

import type { Database } from './data/database.js';

/**
 * The bearer tokens of the demo users in every seeded database (admin: every capability; clerk:
 * notes and addresses but not finances; viewer: read-only). Paste one into the demo or a curl call.
 */
export const DEMO_TOKENS = { admin: 'demo-admin-token', clerk: 'demo-clerk-token', viewer: 'demo-viewer-token' } as const;

/** The bearer tokens of the fixture users (admin: everything; clerk: notes and addresses; viewer: read-only). */
export function demoTokens(db: Database): { admin: string; clerk: string; viewer: string } {
  const { admin, clerk, viewer } = db.fixtures.users;
  return { admin: admin.token, clerk: clerk.token, viewer: viewer.token };
}
