/**
 * The SDK against the reference API: every resource, every error type, retries, aborts,
 * pagination, de-duplication and invalidation, as a host page would see them. One suite, run twice:
 * on the MSW Node handlers in process (mock-api.test.ts) and on mock-server over a real socket
 * (mock-api-http.test.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupMockApi, tokensOf } from '../../mocks/node.js';
import { startMockHttpServer } from '../../mocks/server.js';
import { createDatabase } from '../../mocks/data/index.js';
import type { ScenarioController } from '../../mocks/scenario.js';
import {
  createClient,
  isConflictError,
  isForbiddenError,
  isHttpError,
  isInvalidResponseError,
  isNetworkError,
  isNotFoundError,
  isTimeoutError,
  isUnauthorizedError,
  isUncertainError,
  isValidationError,
  SEARCH_CRITERIA,
  tags,
  type ClientOptions,
  type ConflictError,
  type ForbiddenError,
  type InvalidResponseError,
  type ValidationError,
} from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

export function defineReferenceApiSuite(transport: 'msw' | 'http'): void {
  const db = createDatabase({ size: { customers: 50, orders: 500, bigCustomerOrders: 2000, manyNotes: 200 } });
  const tokens = tokensOf(db);
  const fx = db.fixtures;
  let baseUrl = '';
  let scenario: ScenarioController;
  let stop: () => unknown;

  /** Requests the client sent, by path below the base URL (each attempt, retries included). */
  const seen: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    seen.push(`${method} ${new URL(url).pathname.slice(new URL(baseUrl).pathname.replace(/\/$/, '').length)}`);
    return fetch(input, init);
  };

  function sdk(options: Partial<ClientOptions> = {}) {
    return createClient({ baseUrl, getToken: () => tokens.admin, retry: { limit: 2, backoffMs: 1 }, fetch: countingFetch, ...options });
  }

  beforeAll(async () => {
    if (transport === 'msw') {
      const mock = setupMockApi({ db });
      mock.server.listen({ onUnhandledRequest: 'error' });
      ({ baseUrl, scenario } = mock);
      stop = () => mock.server.close();
    } else {
      const server = await startMockHttpServer({ port: 0, db });
      ({ url: baseUrl, scenario } = server);
      stop = () => server.close();
    }
  });
  afterEach(() => {
    scenario.reset();
    seen.length = 0;
  });
  afterAll(() => stop());

  describe('every resource', () => {
    it('me and reference', async () => {
      const api = sdk();
      const me = await api.me.get();
      expect(me.user.id).toBe(fx.users.admin.id);
      expect(me.capabilities).toContain('customers.create');
      const reference = await api.reference.get();
      expect(reference.salesChannels.length).toBeGreaterThan(0);
      expect(reference.countries.some((country) => country.code === 'GB')).toBe(true);
    });

    it('customers: search by every criterion, get, create, update, sub-customers', async () => {
      const api = sdk();
      for (const criterion of SEARCH_CRITERIA) {
        const { q, customerId } = fx.search[criterion];
        const found = await api.customers.search({ q, criterion });
        expect(found.items.map((item) => item.id), `${criterion} "${q}"`).toContain(customerId);
      }
      const amazon = await api.customers.get(fx.customers.amazon);
      expect(amazon.origin).toBe('amazon');

      const reference = await api.reference.get();
      const created = await api.customers.create({ name: 'Grace Hopper Trading', type: 'retailer', salesChannelId: reference.salesChannels[0]!.id });
      expect(created).toMatchObject({ name: 'Grace Hopper Trading', version: 1 });
      const updated = await api.customers.update(created.id, { tradingName: 'Hopper & Co' }, { version: created.version });
      expect(updated).toMatchObject({ tradingName: 'Hopper & Co', version: 2 });

      const subs = await api.customers.subCustomers(fx.customers.agent, { limit: 2 });
      expect(subs.items.map((item) => item.id)).toContain(fx.customers.subCustomer);
      const all: string[] = [];
      for await (const sub of api.customers.subCustomersAll(fx.customers.agent, { limit: 1 })) all.push(sub.id);
      expect(all).toHaveLength(subs.total);
      expect(new Set(all).size).toBe(subs.total);
    });

    it('contacts: list, create, update, delete', async () => {
      const api = sdk();
      const id = fx.customers.creditTrade;
      const before = await api.contacts.list(id);
      const contact = await api.contacts.create(id, { name: 'Mary Jackson', role: 'Buyer', email: 'mary@example.com' });
      const changed = await api.contacts.update(id, contact.id, { role: 'Head buyer' }, { version: contact.version });
      expect(changed.role).toBe('Head buyer');
      expect((await api.contacts.list(id)).length).toBe(before.length + 1);
      await api.contacts.delete(id, contact.id);
      expect((await api.contacts.list(id)).map((c) => c.id)).not.toContain(contact.id);
    });

    it('addresses: list with search and pages, create, update, delete', async () => {
      const api = sdk();
      const id = fx.customers.sixAddresses;
      const first = await api.addresses.list(id, { limit: 5 });
      expect(first.items).toHaveLength(5);
      expect(first.total).toBe(6);
      const all = [];
      for await (const address of api.addresses.listAll(id, { limit: 5 })) all.push(address.id);
      expect(new Set(all).size).toBe(6);
      const created = await api.addresses.create(id, { line1: '1 Test Street', city: 'Leeds', postcode: 'ls1 4ap', country: 'GB', roles: ['delivery'] });
      expect(created.postcode).toBe('LS1 4AP');
      const moved = await api.addresses.update(id, created.id, { city: 'York', postcode: 'YO1 7HH' }, { version: created.version });
      expect(moved.city).toBe('York');
      expect((await api.addresses.list(id, { q: 'York' })).items.map((a) => a.id)).toContain(created.id);
      await api.addresses.delete(id, created.id);
      expect((await api.addresses.list(id)).total).toBe(6);
    });

    it('notes: list, listAll, create, pin, remove', async () => {
      const api = sdk();
      const id = fx.customers.creditTrade;
      const note = await api.notes.create(id, { text: 'Called about the overdue invoice.', kind: 'call' });
      expect(note).toMatchObject({ source: 'manual', kind: 'call', author: { id: fx.users.admin.id } });
      const pinned = await api.notes.pin(id, note.id, true);
      expect(pinned.pinned).toBe(true);
      expect((await api.notes.list(id, { limit: 1 })).items[0]?.id).toBe(note.id);
      const removed = await api.notes.remove(id, note.id);
      expect(removed.removed?.by.id).toBe(fx.users.admin.id);
      const manual = await api.notes.list(id, { source: 'manual' });
      expect(manual.items.every((n) => n.source === 'manual')).toBe(true);
    });

    it('watch list: get, set, clear', async () => {
      const api = sdk();
      const watched = await api.watchList.get(fx.customers.watchListed);
      expect(watched).toMatchObject({ active: true, note: 'Returned several items complaining of damage, so beware.' });
      const id = fx.customers.vatExempt;
      const before = await api.watchList.get(id);
      const set = await api.watchList.set(id, 'Pays late.', { version: before.version });
      expect(set).toMatchObject({ active: true, version: before.version + 1 });
      expect((await api.customers.get(id)).watchListed).toBe(true);
      // A change based on the version before someone else's is refused, not applied over it.
      expect(isConflictError(await rejection(api.watchList.set(id, 'Stale', { version: before.version })))).toBe(true);
      expect(isConflictError(await rejection(api.watchList.clear(id, { version: before.version })))).toBe(true);
      expect((await api.watchList.clear(id, { version: set.version })).active).toBe(false);
      expect((await api.customers.get(id)).watchListed).toBe(false);
    });

    it('accounts: get, transactions, transactionsAll', async () => {
      const api = sdk();
      const id = fx.customers.creditTrade;
      const account = await api.accounts.get(id);
      expect(account.overdue.amountMinor).toBeGreaterThan(0);
      const page = await api.accounts.transactions(id, { limit: 3 });
      const all = [];
      for await (const tx of api.accounts.transactionsAll(id, { limit: 3 })) all.push(tx.id);
      expect(all).toHaveLength(page.total);
      expect(new Set(all).size).toBe(page.total);
    });

    it('loyalty: get, adjust', async () => {
      const api = sdk();
      const id = fx.customers.creditTrade;
      const before = await api.loyalty.get(id);
      const after = await api.loyalty.adjust(id, { delta: 25, reason: 'Goodwill' });
      expect(after.points).toBe(before.points + 25);
      expect(await api.loyalty.get(id)).toEqual(after);
    });

    it('attachments: list, upload, download, delete', async () => {
      const api = sdk();
      const id = fx.customers.creditTrade;
      const before = await api.attachments.list(id);
      const file = new File(['%PDF-1.7 statement'], 'statement.pdf', { type: 'application/pdf' });
      const progress: number[] = [];
      const uploaded = await api.attachments.upload(id, file, { onProgress: (loaded) => progress.push(loaded) });
      expect(uploaded).toMatchObject({ filename: 'statement.pdf', contentType: 'application/pdf', size: file.size });
      expect(progress.at(-1)).toBe(file.size);
      expect((await api.attachments.list(id)).length).toBe(before.length + 1);
      const content = await api.attachments.download(uploaded.id);
      expect(await content.text()).toBe('%PDF-1.7 statement');
      await api.attachments.delete(uploaded.id);
      expect((await api.attachments.list(id)).map((a) => a.id)).not.toContain(uploaded.id);
    });

    it('orders: list, get and every action', async () => {
      const api = sdk();
      const customerId = fx.customers.allStatuses;
      const list = await api.orders.list(customerId, { status: 'dispatched', sort: 'total', order: 'desc', limit: 5 });
      expect(list.items.every((order) => order.status === 'dispatched')).toBe(true);
      const cancellable = await api.orders.get(fx.orders.cancellable);
      expect(cancellable.status).toBe('unallocated');

      expect((await api.orders.prioritise(cancellable.id, true)).priority).toBe(true);
      expect((await api.orders.addTracking(cancellable.id, { carrier: 'Royal Mail', code: 'RM123456789GB' })).tracking.at(-1)).toMatchObject({ code: 'RM123456789GB', source: 'manual' });
      const pending = await api.orders.get(fx.orders.pendingTriggers);
      expect(pending.triggers.some((trigger) => trigger.status === 'pending')).toBe(true);
      expect((await api.orders.runTriggers(pending.id)).triggers.every((trigger) => trigger.status === 'run')).toBe(true);
      const dispatched = await api.orders.get(fx.orders.dispatched);
      const printed = await api.orders.printInvoice(dispatched.id);
      expect(printed.printHistory.length).toBeGreaterThan(dispatched.printHistory.length);
      const line = dispatched.lines[0]!;
      const refunded = await api.orders.refund(dispatched.id, { amount: { amountMinor: 100, currency: line.unitPrice.currency }, reason: 'Damaged box', method: 'manual' });
      expect(refunded.refunds.length).toBeGreaterThan(dispatched.refunds.length);
      const returned = await api.orders.return(dispatched.id, { lines: [{ lineId: line.id, quantity: 1 }], reason: 'Damaged' });
      expect(returned.returns.length).toBeGreaterThan(dispatched.returns.length);
      const attached = await api.orders.attach(dispatched.id, new Blob(['png'], { type: 'image/png' }), { filename: 'damage.png' });
      expect(attached.attachments.map((a) => a.filename)).toContain('damage.png');
      const cancelled = await api.orders.cancel(cancellable.id, { reason: 'Customer asked' });
      expect(cancelled.status).toBe('cancelled');
    });
  });

  describe('every error type', () => {
    it('network: the connection fails (a read is retried first)', async () => {
      scenario.failNext('customers.get', 'network', 3);
      const error = await rejection(sdk().customers.get(fx.customers.amazon));
      expect(isNetworkError(error)).toBe(true);
      expect(seen).toHaveLength(3);
    });

    it('timeout: the server does not answer in time', async () => {
      scenario.failNext('customers.get', 'timeout', 1);
      const error = await rejection(sdk({ timeout: 50 }).customers.get(fx.customers.amazon));
      expect(isTimeoutError(error)).toBe(true);
    });

    it('http: a server error', async () => {
      scenario.failNext('customers.get', 500, 1);
      const error = await rejection(sdk({ retry: 0 }).customers.get(fx.customers.amazon));
      expect(isHttpError(error)).toBe(true);
      expect(error).toMatchObject({ status: 500, problem: { status: 500 } });
    });

    it('validation: the server names the invalid fields', async () => {
      const api = sdk();
      const shape = await rejection(api.addresses.create(fx.customers.oneAddress, { line1: '', city: 'London', country: 'GB' }));
      expect(isValidationError(shape)).toBe(true);
      expect((shape as ValidationError).status).toBe(422);
      expect((shape as ValidationError).fieldError('line1')?.message).toBe('Enter the first line of the address.');
      const postcode = await rejection(api.addresses.create(fx.customers.oneAddress, { line1: '1 High Street', city: 'London', postcode: 'NOT A POSTCODE', country: 'GB' }));
      expect(isValidationError(postcode)).toBe(true);
      expect((postcode as ValidationError).fieldError('postcode')?.message).toMatch(/postcode/i);
      expect((postcode as ValidationError).fieldError('line1')).toBeUndefined();
    });

    it('conflict: a stale update is refused with 412 and the current version', async () => {
      const api = sdk();
      const id = fx.customers.onHold;
      const loaded = await api.customers.get(id);
      await sdk().customers.update(id, { telephone: '0113 496 0000' }, { version: loaded.version }); // someone else
      const error = await rejection(api.customers.update(id, { telephone: '0113 496 0999' }, { version: loaded.version }));
      expect(isConflictError(error)).toBe(true);
      expect((error as ConflictError).status).toBe(412);
      expect((error as ConflictError).currentVersion).toBe(loaded.version + 1);
      expect((await api.customers.get(id, { cache: 'reload' })).telephone).toBe('0113 496 0000');
    });

    it('conflict: a dispatched order cannot be cancelled (409)', async () => {
      const error = await rejection(sdk().orders.cancel(fx.orders.dispatched, {}));
      expect(isConflictError(error)).toBe(true);
      expect((error as ConflictError).status).toBe(409);
    });

    it('unauthorized: a bad token, and onUnauthorized is called', async () => {
      const onUnauthorized = vi.fn();
      const error = await rejection(sdk({ getToken: () => 'expired-token', onUnauthorized }).me.get());
      expect(isUnauthorizedError(error)).toBe(true);
      expect(onUnauthorized).toHaveBeenCalledExactlyOnceWith(error);
      expect(isUnauthorizedError(await rejection(sdk({ getToken: () => null }).me.get()))).toBe(true);
    });

    it('forbidden: the viewer may not edit, and is told which capability is missing', async () => {
      const viewer = sdk({ getToken: () => tokens.viewer });
      const customer = await viewer.customers.get(fx.customers.amazon);
      const error = await rejection(viewer.customers.update(customer.id, { name: 'Nope' }, { version: customer.version }));
      expect(isForbiddenError(error)).toBe(true);
      expect((error as ForbiddenError).requiredCapability).toBe('customers.identity.edit');
    });

    it('not-found', async () => {
      const error = await rejection(sdk().customers.get('cus_does_not_exist'));
      expect(isNotFoundError(error)).toBe(true);
      expect(seen).toHaveLength(1);
    });

    it('invalid-response: a malformed body is never returned', async () => {
      scenario.failNext('customers.get', 'malformed', 2);
      const api = sdk();
      const first = await rejection(api.customers.get(fx.customers.amazon));
      const second = await rejection(api.customers.get(fx.customers.ebay));
      for (const error of [first, second]) {
        expect(isInvalidResponseError(error)).toBe(true);
        expect((error as InvalidResponseError).issues.length).toBeGreaterThan(0);
      }
    });
  });

  describe('retries and aborts', () => {
    it('retries a GET after a 503 and succeeds', async () => {
      scenario.failNext('customers.get', 503, 1);
      await expect(sdk().customers.get(fx.customers.amazon)).resolves.toMatchObject({ id: fx.customers.amazon });
      expect(seen).toEqual([`GET /customers/${fx.customers.amazon}`, `GET /customers/${fx.customers.amazon}`]);
    });

    it('retries a POST after a 503 (it carries an Idempotency-Key) and the note is made once', async () => {
      scenario.failNext('notes.create', 503, 1);
      await sdk().notes.create(fx.customers.creditTrade, { text: 'Once only' });
      expect(seen).toEqual([`POST /customers/${fx.customers.creditTrade}/notes`, `POST /customers/${fx.customers.creditTrade}/notes`]);
      const notes = await sdk().notes.list(fx.customers.creditTrade, { source: 'manual', limit: 5 });
      expect(notes.items.filter((note) => note.text === 'Once only')).toHaveLength(1);
    });

    it('does not retry a POST that the server refused for what it said (422)', async () => {
      const error = await rejection(sdk().notes.create(fx.customers.creditTrade, { text: '' }));
      expect(isValidationError(error)).toBe(true);
      expect(isUncertainError(error)).toBe(false);
      expect(seen).toEqual([`POST /customers/${fx.customers.creditTrade}/notes`]);
    });

    it('an aborted call rejects with AbortError and is not retried', async () => {
      scenario.failNext('customers.get', 'timeout', 1);
      const controller = new AbortController();
      const pending = sdk().customers.get(fx.customers.amazon, { signal: controller.signal });
      await vi.waitUntil(() => seen.length === 1);
      controller.abort();
      expect(await rejection(pending)).toMatchObject({ name: 'AbortError' });
      expect(seen).toHaveLength(1);
    });
  });

  describe('pagination', () => {
    it('visits every order of a big customer once', async () => {
      const ids = new Set<string>();
      let count = 0;
      for await (const order of sdk().orders.listAll(fx.customers.bigOrders, { limit: 500 })) {
        ids.add(order.id);
        count++;
      }
      expect(count).toBe(2000);
      expect(ids.size).toBe(2000);
      expect(seen).toHaveLength(4);
    });

    it('visits every note once', async () => {
      const api = sdk();
      const { total } = await api.notes.list(fx.customers.manyNotes, { limit: 1 });
      const ids = new Set<string>();
      for await (const note of api.notes.listAll(fx.customers.manyNotes, { limit: 100 })) ids.add(note.id);
      expect(ids.size).toBe(total);
    });
  });

  describe('the shared cache', () => {
    it('two concurrent identical reads make one request', async () => {
      const api = sdk();
      const [a, b] = await Promise.all([api.customers.get(fx.customers.ebay), api.customers.get(fx.customers.ebay)]);
      expect(a).toEqual(b);
      expect(seen).toEqual([`GET /customers/${fx.customers.ebay}`]);
    });

    it('a new note notifies the notes subscribers and the next read shows it', async () => {
      const api = sdk();
      const id = fx.customers.oneAddress;
      await api.notes.list(id, { limit: 100 });
      const listener = vi.fn();
      api.cache.subscribe([tags.notes(id)], listener);
      const note = await api.notes.create(id, { text: 'Prefers email.', kind: 'email' });
      expect(listener).toHaveBeenCalledTimes(1);
      const after = await api.notes.list(id, { limit: 100 });
      expect(after.items.map((n) => n.id)).toContain(note.id);
    });

    it('an update shows in the card at once and writes a system note the notes panel refetches', async () => {
      const api = sdk();
      const id = fx.customers.creditTrade;
      const customer = await api.customers.get(id);
      await api.notes.list(id, { source: 'system', limit: 5 });
      seen.length = 0;
      await api.customers.update(id, { accountsReference: 'ACC-42' }, { version: customer.version });
      expect((await api.customers.get(id)).accountsReference).toBe('ACC-42');
      const notes = await api.notes.list(id, { source: 'system', limit: 5 });
      expect(notes.items[0]?.changes).toMatchObject([{ field: 'accountsReference', to: { type: 'text', text: 'ACC-42' } }]);
      expect(seen).toEqual([`PATCH /customers/${id}`, `GET /customers/${id}/notes`]);
    });

    it('watchList.set patches the cached search page without a refetch', async () => {
      const api = sdk();
      const id = fx.customers.ebay;
      const { q, criterion } = { q: fx.search.ebayUserId.q, criterion: 'ebayUserId' as const };
      expect(fx.search.ebayUserId.customerId).toBe(id);
      const before = await api.customers.search({ q, criterion });
      expect(before.items.find((item) => item.id === id)?.watchListed).toBe(false);
      const listener = vi.fn();
      api.cache.subscribe([tags.search()], listener);
      seen.length = 0;
      const { version } = await api.watchList.get(id);
      seen.length = 0;
      const set = await api.watchList.set(id, 'Check the address before dispatch.', { version });
      expect(listener).toHaveBeenCalledTimes(1);
      const after = await api.customers.search({ q, criterion });
      expect(after.items.find((item) => item.id === id)?.watchListed).toBe(true);
      expect(seen).toEqual([`PUT /customers/${id}/watch-list`]);
      await api.watchList.clear(id, { version: set.version });
    });
  });
}
