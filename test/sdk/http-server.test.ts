/**
 * The SDK over a real socket: Node's own fetch against the mock API served on loopback by
 * `startMockHttpServer`, as a host pointing the SDK at a real backend would use it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMockHttpServer, type MockHttpServer } from '../../mocks/server.js';
import {
  createClient,
  isConflictError,
  isForbiddenError,
  isNetworkError,
  isNotFoundError,
  isTimeoutError,
  isUnauthorizedError,
  type ClientOptions,
  type ConflictError,
} from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

let server: MockHttpServer;

beforeAll(async () => {
  server = await startMockHttpServer({ port: 0, size: { customers: 50, orders: 500, bigCustomerOrders: 2000, manyNotes: 200 } });
});
afterEach(() => server.scenario.reset());
afterAll(() => server.close());

function sdk(options: Partial<ClientOptions> = {}) {
  const { admin } = server.db.fixtures.users;
  return createClient({ baseUrl: server.url, getToken: () => admin.token, retry: { limit: 2, backoffMs: 1 }, ...options });
}

describe('over real HTTP', () => {
  it('reads a customer and a page of search results', async () => {
    const api = sdk();
    const { q, customerId } = server.db.fixtures.search.postcode;
    const found = await api.customers.search({ q, criterion: 'postcode' });
    expect(found.items.map((item) => item.id)).toContain(customerId);
    const customer = await api.customers.get(customerId);
    expect(customer.id).toBe(customerId);
  });

  it('writes: a note, and a multipart upload', async () => {
    const api = sdk();
    const id = server.db.fixtures.customers.creditTrade;
    const note = await api.notes.create(id, { text: 'Sent over a socket.', kind: 'general' });
    expect((await api.notes.list(id, { limit: 100 })).items.map((n) => n.id)).toContain(note.id);
    const file = new File(['a,b\n1,2\n'], 'prices.csv', { type: 'text/csv' });
    const attachment = await api.attachments.upload(id, file);
    expect(attachment).toMatchObject({ filename: 'prices.csv', size: file.size });
    expect(await (await api.attachments.download(attachment.id)).text()).toBe('a,b\n1,2\n');
  });

  it('refuses a stale update with 412 and the current version', async () => {
    const api = sdk();
    const id = server.db.fixtures.customers.vatExempt;
    const loaded = await api.customers.get(id);
    const saved = await api.customers.update(id, { fax: '0113 496 0001' }, { version: loaded.version });
    const error = await rejection(api.customers.update(id, { fax: '0113 496 0002' }, { version: loaded.version }));
    expect(isConflictError(error)).toBe(true);
    expect(error).toMatchObject({ status: 412, currentVersion: saved.version });
    expect((error as ConflictError).message).toMatch(/changed this since you loaded it/);
  });

  it('maps the statuses to typed errors: 401, 403, 404', async () => {
    const onUnauthorized = vi.fn();
    expect(isUnauthorizedError(await rejection(sdk({ getToken: () => 'nope', onUnauthorized }).me.get()))).toBe(true);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    const viewer = sdk({ getToken: () => server.db.fixtures.users.viewer.token });
    const forbidden = await rejection(viewer.notes.create(server.db.fixtures.customers.amazon, { text: 'x' }));
    expect(isForbiddenError(forbidden)).toBe(true);
    expect(forbidden).toMatchObject({ status: 403, requiredCapability: 'notes.add' });
    expect(isNotFoundError(await rejection(sdk().orders.get('ord_missing')))).toBe(true);
  });

  it('a dropped connection is a NetworkError (after the read was retried)', async () => {
    server.scenario.failNext('customers.get', 'network', 3);
    const error = await rejection(sdk().customers.get(server.db.fixtures.customers.amazon));
    expect(isNetworkError(error)).toBe(true);
  });

  it('a server that does not answer is a TimeoutError; a caller abort is an AbortError', async () => {
    server.scenario.failNext('customers.get', 'timeout', 1);
    expect(isTimeoutError(await rejection(sdk({ timeout: 100 }).customers.get(server.db.fixtures.customers.ebay)))).toBe(true);
    server.scenario.failNext('customers.get', 'timeout', 1);
    const controller = new AbortController();
    const pending = sdk().customers.get(server.db.fixtures.customers.ebay, { signal: controller.signal });
    controller.abort();
    expect(await rejection(pending)).toMatchObject({ name: 'AbortError' });
  });
});
