/**
 * The mock API as a client sees it: plain `fetch` against `setupMockApi`, asserting what a user of
 * the API can observe (statuses, problem details, headers, data read back after a write).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_CRITERIA, type Customer, type Note, type Order, type OrderSummary, type Page, type Problem } from '../../src/sdk/schemas.js';
import { isUkPostcode, normalisePostcode, validateAddress } from '../../src/sdk/validation.js';
import { DEMO_TOKENS } from '../../mocks/index.js';
import { onMockResponse, setupMockApi } from '../../mocks/node.js';

const mock = setupMockApi({
  seed: 7,
  size: { customers: 60, orders: 600, bigCustomerOrders: 240, manyNotes: 90 },
});
const { db, scenario, tokens } = mock;
const fx = db.fixtures;

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => scenario.reset());
afterAll(() => mock.server.close());

interface CallInit {
  method?: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function call(path: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? tokens.admin : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  return fetch(`${mock.baseUrl}${path}`, { method: init.method ?? 'GET', headers, body, signal: init.signal });
}

async function json<T>(path: string, init: CallInit = {}, status = 200): Promise<T> {
  const res = await call(path, init);
  const text = await res.text();
  expect(res.status, `${init.method ?? 'GET'} ${path}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

async function problem(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(body.type).toMatch(/^https:\/\/customer-elements\.dev\/problems\//);
  return body;
}

const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}`;

async function loadCustomer(id: string): Promise<{ customer: Customer; etag: string }> {
  const res = await call(customerPath(id));
  expect(res.status).toBe(200);
  const etag = res.headers.get('etag');
  expect(etag).toMatch(/^"\d+"$/);
  return { customer: (await res.json()) as Customer, etag: etag! };
}

/** True when every neighbouring pair satisfies `ok`. */
function inOrder<T>(items: readonly T[], ok: (a: T, b: T) => boolean): boolean {
  return items.every((item, i) => i === 0 || ok(items[i - 1]!, item));
}

async function notesOf(customerId: string, query = 'source=system&limit=100'): Promise<Note[]> {
  return (await json<Page<Note>>(`${customerPath(customerId)}/notes?${query}`)).items;
}

describe('auth and capabilities', () => {
  it('answers 401 with a Bearer challenge without a token and with an unknown one', async () => {
    for (const token of [null, 'not-a-real-token']) {
      const res = await call('/me', { token });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await problem(res, 401);
    }
  });

  it('uses the documented demo tokens', () => {
    expect(tokens).toEqual(DEMO_TOKENS);
  });

  it('tells each user who they are and what they may do', async () => {
    const me = await json<{ user: { id: string }; capabilities: string[] }>('/me', { token: tokens.viewer });
    expect(me.user.id).toBe(fx.users.viewer.id);
    expect(me.capabilities).toEqual(fx.users.viewer.capabilities);
  });

  it('answers 403 naming the missing capability', async () => {
    const res = await call(`${customerPath(fx.customers.oneAddress)}/watch-list`, {
      method: 'PUT', token: tokens.viewer, body: { note: 'Beware' },
    });
    expect((await problem(res, 403)).requiredCapability).toBe('watchlist.edit');
    // Nothing changed.
    const watch = await json<{ active: boolean }>(`${customerPath(fx.customers.oneAddress)}/watch-list`);
    expect(watch.active).toBe(false);
  });

  it('checks the capability of each customer field group a change touches', async () => {
    const id = fx.customers.vatExempt;
    const { customer, etag } = await loadCustomer(id);
    const other = db.reference.paymentTerms.find((t) => t.id !== customer.paymentTermsId)!;
    expect(fx.users.clerk.capabilities).not.toContain('customers.terms.edit');
    const res = await call(customerPath(id), {
      method: 'PATCH', token: tokens.clerk, headers: { 'If-Match': etag }, body: { paymentTermsId: other.id },
    });
    expect((await problem(res, 403)).requiredCapability).toBe('customers.terms.edit');
    expect((await loadCustomer(id)).customer.paymentTermsId).toBe(customer.paymentTermsId);
  });
});

describe('validation', () => {
  it('answers 422 with field errors carrying the schema messages', async () => {
    const res = await call(`${customerPath(fx.customers.oneAddress)}/notes`, { method: 'POST', body: { text: '   ', kind: 'letter' } });
    const body = await problem(res, 422);
    expect(body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'text', message: 'Write something in the note.', code: 'required' }),
      expect.objectContaining({ field: 'kind' }),
    ]));
  });

  it('validates addresses by country and normalises UK postcodes', async () => {
    const path = `${customerPath(fx.customers.noAddresses)}/addresses`;
    const bad = await call(path, { method: 'POST', body: { line1: '1 High Street', city: 'Leeds', postcode: 'LS1 XXX', country: 'GB' } });
    expect((await problem(bad, 422)).errors).toEqual([
      { field: 'postcode', message: 'Enter a real UK postcode, like SW1A 1AA.', code: 'invalid_format' },
    ]);
    const created = await json<{ id: string; postcode: string }>(path, {
      method: 'POST', body: { line1: '1 High Street', city: 'Leeds', postcode: 'ls14ap', country: 'GB', roles: ['billing'] },
    }, 201);
    expect(created.postcode).toBe('LS1 4AP');
    const list = await json<Page<{ id: string }>>(path);
    expect(list.items.map((a) => a.id)).toContain(created.id);
    expect((await notesOf(fx.customers.noAddresses)).some((n) => n.text.startsWith('Address added'))).toBe(true);
  });

  it('answers 400 for invalid JSON and for invalid query parameters', async () => {
    const res = await fetch(`${mock.baseUrl}${customerPath(fx.customers.oneAddress)}/notes`, {
      method: 'POST', headers: { Authorization: `Bearer ${tokens.admin}`, 'Content-Type': 'application/json' }, body: '{"text": ',
    });
    await problem(res, 400);
    const query = await call('/customers?limit=1000&segment=wholesale');
    const fields = (await problem(query, 400)).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['limit', 'segment']));
  });

  it('answers 404 for unknown ids', async () => {
    await problem(await call('/customers/cus_does_not_exist'), 404);
    await problem(await call('/orders/ord_does_not_exist'), 404);
    await problem(await call('/attachments/att_nope/content'), 404);
  });

  it('shares its address rules with the components', () => {
    expect(isUkPostcode('SW1A 1AA')).toBe(true);
    expect(isUkPostcode('sw1a1aa')).toBe(true);
    expect(isUkPostcode('SW1A 1A')).toBe(false);
    expect(normalisePostcode(' ec1a  1bb ')).toBe('EC1A 1BB');
    expect(validateAddress({ line1: 'x', city: 'Dublin', country: 'IE', postcode: 'D02X285' })).toEqual([]);
    expect(validateAddress({ line1: 'x', city: 'Berlin', country: 'DE', postcode: '1011' })[0]?.field).toBe('postcode');
    expect(validateAddress({ line1: '', city: 'Paris', country: 'FR' }).map((e) => e.field)).toEqual(['line1', 'postcode']);
    expect(validateAddress({ line1: 'x', city: 'Amsterdam', country: 'NL', postcode: '1012 ab' })).toEqual([]);
    expect(validateAddress({ line1: 'x', city: 'Boston', country: 'US', postcode: '02134-1234' })).toEqual([]);
  });
});

describe('optimistic concurrency and history', () => {
  it('answers 428 without If-Match and 412 with a stale version, and changes nothing', async () => {
    const id = fx.customers.sixAddresses;
    const { customer, etag } = await loadCustomer(id);
    await problem(await call(customerPath(id), { method: 'PATCH', body: { tradingName: 'Nope' } }), 428);
    const stale = await call(customerPath(id), {
      method: 'PATCH', headers: { 'If-Match': `"${customer.version - 1 || 999}"` }, body: { tradingName: 'Nope' },
    });
    expect((await problem(stale, 412)).currentVersion).toBe(customer.version);
    const after = await loadCustomer(id);
    expect(after.etag).toBe(etag);
    expect(after.customer.tradingName).toBe(customer.tradingName);
  });

  it('shows a write on the next read and records it as a system note by the acting user', async () => {
    const id = fx.customers.creditTrade;
    const { customer, etag } = await loadCustomer(id);
    const from = db.reference.paymentTerms.find((t) => t.id === customer.paymentTermsId)!;
    const to = db.reference.paymentTerms.find((t) => t.id !== customer.paymentTermsId)!;
    const res = await call(customerPath(id), {
      method: 'PATCH', headers: { 'If-Match': etag }, body: { paymentTermsId: to.id, password: 'correct horse battery' },
    });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as Customer & { password?: unknown; passwordHash?: unknown };
    expect(res.headers.get('etag')).toBe(`"${updated.version}"`);
    expect(updated.version).toBeGreaterThan(customer.version);
    expect(updated.hasPassword).toBe(true);
    expect(updated).not.toHaveProperty('password');
    expect(updated).not.toHaveProperty('passwordHash');

    const reread = await loadCustomer(id);
    expect(reread.customer.paymentTermsId).toBe(to.id);
    expect(JSON.stringify(reread.customer)).not.toContain('correct horse');

    const notes = await notesOf(id);
    const termsNote = notes.find((n) => n.changes[0]?.field === 'paymentTermsId');
    expect(termsNote?.text).toBe(`Payment terms changed from ${from.name} to ${to.name}`);
    // Typed: the ids with their list, so every reader names them in its own language.
    expect(termsNote?.changes).toEqual([{
      field: 'paymentTermsId',
      from: { type: 'reference', kind: 'paymentTerms', id: from.id },
      to: { type: 'reference', kind: 'paymentTerms', id: to.id },
    }]);
    expect(termsNote?.author).toEqual({ type: 'user', id: fx.users.admin.id, name: fx.users.admin.name });
    const passwordNote = notes.find((n) => n.text === 'Password changed');
    expect(passwordNote).toBeDefined();
    // A secret change carries no value at all: not the password, not even "none".
    expect(passwordNote?.changes).toEqual([{ field: 'password', secret: true }]);
    expect(JSON.stringify(notes)).not.toContain('correct horse');
  });

  it('refuses unknown reference ids as field errors', async () => {
    const id = fx.customers.creditTrade;
    const { etag } = await loadCustomer(id);
    const res = await call(customerPath(id), { method: 'PATCH', headers: { 'If-Match': etag }, body: { salesChannelId: 'chn_nope', bankAccountId: 'bnk_nope' } });
    const fields = (await problem(res, 422)).errors?.map((e) => e.field);
    expect(fields).toHaveLength(2);
    expect(fields).toEqual(expect.arrayContaining(['bankAccountId', 'salesChannelId']));
  });

  it('sets and clears the watch list, flagging the customer and recording both', async () => {
    const id = fx.customers.oneAddress;
    const path = `${customerPath(id)}/watch-list`;
    const before = await json<{ version: number }>(path);
    expect((await call(path, { method: 'PUT', body: { note: 'No version' } })).status).toBe(428);
    const set = await json<{ active: boolean; note: string; version: number }>(path, { method: 'PUT', body: { note: 'Check every parcel' }, headers: { 'If-Match': `"${before.version}"` } });
    expect(set).toMatchObject({ active: true, note: 'Check every parcel', version: before.version + 1 });
    // Someone else's change since: the stale version is refused, never applied over it.
    await problem(await call(path, { method: 'PUT', body: { note: 'Stale' }, headers: { 'If-Match': `"${before.version}"` } }), 412);
    expect((await loadCustomer(id)).customer.watchListed).toBe(true);
    const summary = (await json<Page<{ id: string; watchListed: boolean }>>(`/customers?criterion=email&q=${encodeURIComponent((await loadCustomer(id)).customer.email ?? '')}`)).items.find((c) => c.id === id);
    if (summary) expect(summary.watchListed).toBe(true);
    await json(path, { method: 'DELETE', headers: { 'If-Match': `"${set.version}"` } });
    expect((await loadCustomer(id)).customer.watchListed).toBe(false);
    const texts = (await notesOf(id)).map((n) => n.text);
    expect(texts.some((t) => t.startsWith('Added to the watch list'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Removed from the watch list'))).toBe(true);
  });

  it('lists notes pinned first then newest first, keeps removed notes marked, and never removes system notes', async () => {
    const id = fx.customers.sixAddresses;
    const path = `${customerPath(id)}/notes`;
    const first = await json<Note>(path, { method: 'POST', body: { text: 'Called about the invoice', kind: 'call' } }, 201);
    const second = await json<Note>(path, { method: 'POST', body: { text: 'Prefers email' } }, 201);
    expect(second).toMatchObject({ source: 'manual', kind: 'general', author: { type: 'user', id: fx.users.admin.id } });
    await json(`${path}/${first.id}`, { method: 'PATCH', body: { pinned: true } });
    const page = await json<Page<Note>>(`${path}?limit=100`);
    const pinnedCount = page.items.filter((n) => n.pinned).length;
    expect(page.items.slice(0, pinnedCount).every((n) => n.pinned)).toBe(true);
    expect(page.items[0]?.pinned).toBe(true);
    const unpinned = page.items.slice(pinnedCount).map((n) => n.createdAt);
    expect(inOrder(unpinned, (a, b) => a >= b)).toBe(true);

    const removed = await json<Note>(`${path}/${second.id}`, { method: 'DELETE' });
    expect(removed.removed?.by.id).toBe(fx.users.admin.id);
    const reread = (await json<Page<Note>>(`${path}?limit=100&source=manual`)).items.find((n) => n.id === second.id);
    expect(reread?.removed).not.toBeNull();
    const systemNote = (await notesOf(id))[0]!;
    expect(systemNote.text).toContain('Note removed');
    await problem(await call(`${path}/${systemNote.id}`, { method: 'DELETE' }), 409);
    expect((await json<Page<Note>>(`${path}?source=system&limit=100`)).items.every((n) => n.source === 'system')).toBe(true);
  });

  it('adjusts loyalty points but never below zero', async () => {
    const id = fx.customers.vatExempt;
    const path = `${customerPath(id)}/loyalty`;
    const before = await json<{ points: number }>(path);
    const after = await json<{ points: number }>(`${path}/adjustments`, { method: 'POST', body: { delta: 25, reason: 'Goodwill' } });
    expect(after.points).toBe(before.points + 25);
    const res = await call(`${path}/adjustments`, { method: 'POST', body: { delta: -(after.points + 1), reason: 'Too much' } });
    await problem(res, 409);
    expect((await json<{ points: number }>(path)).points).toBe(after.points);
  });
});

describe('customers, contacts and addresses', () => {
  it('creates a marketplace customer on payment before despatch, findable at once', async () => {
    const amazon = db.reference.salesChannels.find((c) => c.kind === 'amazon')!;
    const res = await call('/customers', { method: 'POST', body: { name: 'Quillon Vasquez-Trent', type: 'public', salesChannelId: amazon.id } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Customer;
    expect(res.headers.get('location')).toBe(`${mock.baseUrl}/customers/${created.id}`);
    expect(db.reference.paymentTerms.find((t) => t.id === created.paymentTermsId)?.kind).toBe('prepay');
    const found = await json<Page<{ id: string }>>('/customers?criterion=name&q=Quillon');
    expect(found.items.map((c) => c.id)).toEqual([created.id]);
    await problem(await call('/customers', { method: 'POST', token: tokens.viewer, body: { name: 'X', type: 'public', salesChannelId: amazon.id } }), 403);
  });

  it("lists an agent's sub-customers", async () => {
    const page = await json<Page<{ id: string }>>(`${customerPath(fx.customers.agent)}/sub-customers?limit=100`);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items.map((c) => c.id)).toContain(fx.customers.subCustomer);
  });

  it('adds, changes (with If-Match) and removes a contact', async () => {
    const path = `${customerPath(fx.customers.vatExempt)}/contacts`;
    const created = await json<{ id: string; version: number }>(path, { method: 'POST', body: { name: 'Ada Byron', role: 'Buyer' } }, 201);
    await problem(await call(`${path}/${created.id}`, { method: 'PATCH', body: { role: 'Head buyer' } }), 428);
    const changed = await json<{ role: string }>(`${path}/${created.id}`, {
      method: 'PATCH', headers: { 'If-Match': `"${created.version}"` }, body: { role: 'Head buyer' },
    });
    expect(changed.role).toBe('Head buyer');
    expect((await json<Array<{ id: string; role: string }>>(path)).find((c) => c.id === created.id)?.role).toBe('Head buyer');
    expect((await call(`${path}/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await json<Array<{ id: string }>>(path)).map((c) => c.id)).not.toContain(created.id);
    const texts = (await notesOf(fx.customers.vatExempt)).map((n) => n.text);
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/^Contact added/), expect.stringMatching(/^Contact removed/)]));
  });

  it('lets several addresses take deliveries and searches addresses', async () => {
    const id = fx.customers.fortyAddresses;
    const path = `${customerPath(id)}/addresses`;
    const created = await json<{ id: string; version: number }>(path, {
      method: 'POST', body: { line1: '9 Quay Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB', roles: ['delivery'] },
    }, 201);
    const all = await json<Page<{ id: string; roles: string[]; version: number }>>(`${path}?limit=100`);
    const deliveries = all.items.filter((a) => a.roles.includes('delivery')).map((a) => a.id);
    expect(deliveries).toContain(created.id);
    expect(deliveries.length).toBeGreaterThan(1);
    // Delivery given by PATCH to another address stays on the others too, and the history says so.
    const other = all.items.find((a) => !a.roles.includes('delivery'))!;
    await json(`${path}/${other.id}`, { method: 'PATCH', headers: { 'If-Match': `"${other.version}"` }, body: { roles: [...other.roles, 'delivery'] } });
    const moved = await json<Page<{ id: string; roles: string[]; version: number }>>(`${path}?limit=100`);
    expect(moved.items.filter((a) => a.roles.includes('delivery')).map((a) => a.id)).toEqual(expect.arrayContaining([...deliveries, other.id]));
    expect((await notesOf(id)).some((n) => /^Address roles changed for .*: from .* to .*Delivery/.test(n.text))).toBe(true);
    created.version = moved.items.find((a) => a.id === created.id)!.version;
    const found = await json<Page<{ id: string }>>(`${path}?q=quay%20street`);
    expect(found.items.map((a) => a.id)).toEqual([created.id]);
    const bad = await call(`${path}/${created.id}`, { method: 'PATCH', headers: { 'If-Match': `"${created.version}"` }, body: { postcode: 'nonsense' } });
    expect((await problem(bad, 422)).errors?.[0]?.field).toBe('postcode');
    expect((await call(`${path}/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await notesOf(id)).some((n) => n.text.startsWith('Address removed'))).toBe(true);
  });
});

describe('search and pagination', () => {
  it.each(SEARCH_CRITERIA)('finds the fixture customer by %s', async (criterion) => {
    const { q, customerId } = fx.search[criterion];
    const page = await json<Page<{ id: string }>>(`/customers?criterion=${criterion}&q=${encodeURIComponent(q)}&limit=100`);
    expect(page.items.map((c) => c.id)).toContain(customerId);
  });

  it('filters by segment and initial', async () => {
    const trade = await json<Page<{ type: string }>>('/customers?segment=trade&limit=100');
    expect(trade.items.length).toBeGreaterThan(0);
    expect(trade.items.every((c) => c.type !== 'public')).toBe(true);
    const retail = await json<Page<{ type: string }>>('/customers?segment=retail&limit=100');
    expect(retail.items.every((c) => c.type === 'public')).toBe(true);
    const initialB = await json<Page<{ name: string }>>('/customers?initial=B&limit=100');
    expect(initialB.items.every((c) => c.name.trim().toUpperCase().startsWith('B'))).toBe(true);
  });

  it('walks every page with the cursor, each customer once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    let pages = 0;
    do {
      const query: string = `segment=all&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: Page<{ id: string }> = await json<Page<{ id: string }>>(`/customers?${query}`);
      total = page.total;
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 1000);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 7));
  });

  it('uses 25 as the default page size', async () => {
    const page = await json<Page<unknown>>('/customers');
    expect(page.items.length).toBe(Math.min(25, page.total));
  });

  it('refuses a made-up cursor and a cursor replayed with another query', async () => {
    await problem(await call('/customers?cursor=not-a-cursor'), 400);
    const page = await json<Page<unknown>>('/customers?segment=trade&limit=2');
    expect(page.nextCursor).not.toBeNull();
    await problem(await call(`/customers?segment=retail&limit=2&cursor=${encodeURIComponent(page.nextCursor!)}`), 400);
    // The same query with another page size is fine.
    const next = await json<Page<unknown>>(`/customers?segment=trade&limit=3&cursor=${encodeURIComponent(page.nextCursor!)}`);
    expect(next.items.length).toBeGreaterThan(0);
  });

  it('pages orders by offset with a total, and sorts them', async () => {
    const path = `${customerPath(fx.customers.bigOrders)}/orders`;
    const head = await json<Page<OrderSummary>>(`${path}?limit=20`);
    expect(head.total).toBe(db.countOrders(fx.customers.bigOrders));
    const window = await json<Page<OrderSummary>>(`${path}?offset=10&limit=5`);
    expect(window.items.map((o) => o.id)).toEqual(head.items.slice(10, 15).map((o) => o.id));
    expect(window.total).toBe(head.total);
    const last = await json<Page<OrderSummary>>(`${path}?offset=${head.total - 3}&limit=10`);
    expect(last.items.length).toBe(3);
    expect(last.nextCursor).toBeNull();

    const byTotal = await json<Page<OrderSummary>>(`${path}?sort=total&order=asc&limit=100`);
    const amounts = byTotal.items.map((o) => o.total.amountMinor);
    expect(inOrder(amounts, (a, b) => a <= b)).toBe(true);
    const byNumberDesc = await json<Page<OrderSummary>>(`${path}?sort=number&order=desc&limit=50`);
    const numbers = byNumberDesc.items.map((o) => o.number);
    expect(inOrder(numbers, (a, b) => a >= b)).toBe(true);
  });

  it('filters orders by status', async () => {
    const page = await json<Page<OrderSummary>>(`${customerPath(fx.customers.allStatuses)}/orders?status=dispatched&limit=100`);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((o) => o.status === 'dispatched')).toBe(true);
  });
});

const orderPath = (id: string) => `/orders/${encodeURIComponent(id)}`;

describe('order actions', () => {
  it('cancels an unallocated order once, and never a dispatched one', async () => {
    const dispatched = await call(`${orderPath(fx.orders.dispatched)}/cancel`, { method: 'POST', body: {} });
    await problem(dispatched, 409);
    expect((await json<Order>(orderPath(fx.orders.dispatched))).status).toBe('dispatched');

    const cancelled = await json<Order>(`${orderPath(fx.orders.cancellable)}/cancel`, { method: 'POST', body: { reason: 'Customer asked' } });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelledAt).not.toBeNull();
    expect((await json<Order>(orderPath(fx.orders.cancellable))).status).toBe('cancelled');
    await problem(await call(`${orderPath(fx.orders.cancellable)}/cancel`, { method: 'POST', body: {} }), 409);
    await problem(await call(`${orderPath(fx.orders.cancellable)}/prioritise`, { method: 'POST', body: { priority: true } }), 409);
    const notes = await notesOf(cancelled.customerId);
    expect(notes.some((n) => n.text.startsWith(`Order ${cancelled.number} cancelled`))).toBe(true);
  });

  it('refunds at most what is left and credits the account', async () => {
    const order = await json<Order>(orderPath(fx.orders.dispatched));
    const left = order.totals.total.amountMinor - order.totals.refunded.amountMinor;
    const currency = order.totals.total.currency;
    const tooMuch = await call(`${orderPath(order.id)}/refunds`, {
      method: 'POST', body: { amount: { amountMinor: left + 1, currency }, reason: 'Damaged' },
    });
    expect((await problem(tooMuch, 422)).errors?.[0]?.field).toBe('amount');
    const txPath = `${customerPath(order.customerId)}/account/transactions?limit=100`;
    const before = await json<Page<{ id: string; kind: string; reference: string }>>(txPath);
    const refunded = await json<Order>(`${orderPath(order.id)}/refunds`, {
      method: 'POST', body: { amount: { amountMinor: 1, currency }, reason: 'Damaged' },
    });
    expect(refunded.totals.refunded.amountMinor).toBe(order.totals.refunded.amountMinor + 1);
    const after = await json<Page<{ id: string; kind: string; reference: string }>>(txPath);
    expect(after.total).toBe(before.total + 1);
    expect(after.items.some((t) => t.kind === 'refund' && t.reference === order.number)).toBe(true);
  });

  it('returns at most what was sold and not yet returned, per line', async () => {
    const order = await json<Order>(orderPath(fx.orders.dispatched));
    const line = order.lines.find((l) => l.quantity > l.returnedQuantity)!;
    const left = line.quantity - line.returnedQuantity;
    const tooMany = await call(`${orderPath(order.id)}/returns`, {
      method: 'POST', body: { lines: [{ lineId: line.id, quantity: left + 1 }], reason: 'Wrong size' },
    });
    expect((await problem(tooMany, 422)).errors?.[0]?.field).toBe('lines.0.quantity');
    const returned = await json<Order>(`${orderPath(order.id)}/returns`, {
      method: 'POST', body: { lines: [{ lineId: line.id, quantity: 1 }], reason: 'Wrong size' },
    });
    expect(returned.lines.find((l) => l.id === line.id)?.returnedQuantity).toBe(line.returnedQuantity + 1);
  });

  it('adds a manual tracking code that search then finds', async () => {
    const order = await json<Order>(orderPath(fx.orders.pendingTriggers));
    const code = 'ZZTRACK0001';
    const updated = await json<Order>(`${orderPath(order.id)}/tracking`, { method: 'POST', body: { carrier: 'Royal Mail', code } });
    expect(updated.tracking.some((t) => t.code === code && t.source === 'manual')).toBe(true);
    const found = await json<Page<{ id: string }>>(`/customers?criterion=trackingNumber&q=${code}`);
    expect(found.items.map((c) => c.id)).toContain(order.customerId);
  });

  it('runs pending triggers and prints the invoice, recording both in the print history', async () => {
    const order = await json<Order>(orderPath(fx.orders.pendingTriggers));
    const pending = order.triggers.filter((t) => t.status === 'pending').length;
    expect(pending).toBeGreaterThan(0);
    const run = await json<Order>(`${orderPath(order.id)}/triggers/run`, { method: 'POST' });
    expect(run.triggers.every((t) => t.status === 'run')).toBe(true);
    expect(run.printHistory.length).toBe(order.printHistory.length + pending);
    const printed = await json<Order>(`${orderPath(order.id)}/invoice/print`, { method: 'POST' });
    expect(printed.invoiceNumber).not.toBeNull();
    expect(printed.printHistory.at(-1)?.document).toBe('invoice');
  });
});

describe('attachments', () => {
  const path = `/customers/CID/attachments`;

  it('uploads, lists, downloads the same bytes with a safe filename, and deletes', async () => {
    const id = fx.customers.oneAddress;
    const bytes = new TextEncoder().encode('Delivery note: left with neighbour at number 12.\n');
    const form = new FormData();
    form.append('file', new File([bytes], '../../etc/réçu "final".txt', { type: 'text/plain' }));
    const created = await json<{ id: string; filename: string; size: number; contentType: string }>(
      path.replace('CID', id), { method: 'POST', body: form }, 201,
    );
    expect(created.filename).not.toContain('/');
    expect(created.filename).not.toContain('"');
    expect(created.filename).toMatch(/réçu.*final.*\.txt$/);
    expect(created.size).toBe(bytes.byteLength);
    const list = await json<Array<{ id: string }>>(path.replace('CID', id));
    expect(list.map((a) => a.id)).toContain(created.id);

    const download = await call(`/attachments/${created.id}/content`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain');
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(created.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    expect((await call(`/attachments/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    await problem(await call(`/attachments/${created.id}/content`), 404);
  });

  it('attaches a document to an order', async () => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'proof of delivery.pdf', { type: 'application/pdf' }));
    const order = await json<Order>(`${orderPath(fx.orders.dispatched)}/attachments`, { method: 'POST', body: form });
    const attached = order.attachments.find((a) => a.filename === 'proof of delivery.pdf');
    expect(attached?.orderId).toBe(order.id);
    expect((await json<Order>(orderPath(order.id))).attachments.map((a) => a.id)).toContain(attached!.id);
    const download = await call(`/attachments/${attached!.id}/content`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    await problem(await call(`${orderPath(order.id)}/attachments`, { method: 'POST', token: tokens.viewer, body: form }), 403);
  });

  it('refuses files over 10 MB (413) and types outside the allow-list (415)', async () => {
    const url = path.replace('CID', fx.customers.oneAddress);
    const big = new FormData();
    big.append('file', new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.pdf', { type: 'application/pdf' }));
    await problem(await call(url, { method: 'POST', body: big }), 413);
    const exe = new FormData();
    exe.append('file', new File([new Uint8Array([0x4d, 0x5a])], 'setup.exe', { type: 'application/x-msdownload' }));
    await problem(await call(url, { method: 'POST', body: exe }), 415);
    const svg = new FormData();
    svg.append('file', new File(['<svg onload="alert(1)"/>'], 'logo.svg', { type: 'image/svg+xml' }));
    await problem(await call(url, { method: 'POST', body: svg }), 415);
  });
});

describe('response hook', () => {
  it('reports every response with its route id', async () => {
    const seen: Array<{ routeId: string; status: number; body: string }> = [];
    const pending: Array<Promise<void>> = [];
    const stop = onMockResponse(({ routeId, response }) => {
      pending.push(response.text().then((body) => {
        seen.push({ routeId, status: response.status, body });
      }));
    });
    try {
      await call('/me');
      await call('/me', { token: null });
      await call(customerPath(fx.customers.oneAddress));
    } finally {
      stop();
    }
    await call('/me');
    await Promise.all(pending);
    expect(seen.map((e) => [e.routeId, e.status])).toEqual([['me.get', 200], ['me.get', 401], ['customers.get', 200]]);
    expect(JSON.parse(seen[0]!.body)).toHaveProperty('user');
  });
});

describe('scenarios', () => {
  it('adds latency', async () => {
    scenario.latency = 150;
    const started = performance.now();
    await json('/me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('fails the next request to a route, then recovers', async () => {
    scenario.failNext('customers.get', 503);
    const failed = await call(customerPath(fx.customers.oneAddress));
    await problem(failed, 503);
    expect(failed.headers.get('retry-after')).not.toBeNull();
    expect((await call(customerPath(fx.customers.oneAddress))).status).toBe(200);
    scenario.failNext('*', 500, 2);
    await problem(await call('/me'), 500);
    await problem(await call('/reference'), 500);
    expect((await call('/me')).status).toBe(200);
  });

  it('answers every request with an error at errorRate 1', async () => {
    scenario.errorRate = 1;
    await problem(await call('/me'), 500);
    scenario.errorRate = 0;
    expect((await call('/me')).status).toBe(200);
  });

  it('flags malformed responses, both schema-violating and invalid JSON', async () => {
    scenario.malformedRate = 1;
    const first = await call(customerPath(fx.customers.oneAddress));
    expect(first.headers.get('x-mock-scenario')).toBe('malformed');
    const wrong = (await first.json()) as Record<string, unknown>;
    expect(wrong.id).toBeNull();
    const second = await call(customerPath(fx.customers.oneAddress));
    expect(second.headers.get('x-mock-scenario')).toBe('malformed');
    const text = await second.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('never answers a timed-out request until the client aborts it', async () => {
    scenario.failNext('me.get', 'timeout');
    const controller = new AbortController();
    const pending = call('/me', { signal: controller.signal });
    let settled = false;
    void pending.then(() => (settled = true), () => (settled = true));
    // A request after it is answered while the first still waits.
    expect((await call('/reference')).status).toBe(200);
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('simulates a network failure', async () => {
    scenario.failNext('me.get', 'network');
    await expect(call('/me')).rejects.toThrow();
  });
});

describe('Idempotency-Key', () => {
  const notesPath = () => `${customerPath(fx.customers.creditTrade)}/notes`;
  const manualNotes = async (text: string) => (await notesOf(fx.customers.creditTrade, 'source=manual&limit=100')).filter((n) => n.text === text);

  it('answers a repeat with the first answer and does the work once', async () => {
    const key = crypto.randomUUID();
    const first = await call(notesPath(), { method: 'POST', body: { text: 'Rang twice' }, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBe(null);
    const again = await call(notesPath(), { method: 'POST', body: { text: 'Rang twice' }, headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await manualNotes('Rang twice')).toHaveLength(1);
  });

  it('refuses the same key for a different request (422), and keys are per user', async () => {
    const key = crypto.randomUUID();
    await json(notesPath(), { method: 'POST', body: { text: 'First use' }, headers: { 'Idempotency-Key': key } }, 201);
    const reused = await problem(await call(notesPath(), { method: 'POST', body: { text: 'Another note' }, headers: { 'Idempotency-Key': key } }), 422);
    expect(reused.detail).toMatch(/different request/);
    expect(await manualNotes('Another note')).toHaveLength(0);
    // Another user's identical key is theirs alone.
    await json(notesPath(), { method: 'POST', body: { text: 'First use' }, headers: { 'Idempotency-Key': key }, token: tokens.clerk }, 201);
    expect(await manualNotes('First use')).toHaveLength(2);
  });

  it('keeps no failed answer: a refused request may be sent again with its key', async () => {
    const key = crypto.randomUUID();
    await problem(await call(notesPath(), { method: 'POST', body: { text: '' }, headers: { 'Idempotency-Key': key } }), 422);
    // The same key with the corrected body is a new fingerprint, but nothing was kept for the key.
    await json(notesPath(), { method: 'POST', body: { text: 'Corrected' }, headers: { 'Idempotency-Key': key } }, 201);
    expect(await manualNotes('Corrected')).toHaveLength(1);
  });

  it('replays a versioned write instead of answering 412 for the writer’s own change', async () => {
    const id = fx.customers.sixAddresses;
    const { customer } = await loadCustomer(id);
    const key = crypto.randomUUID();
    const init = { method: 'PATCH', body: { tradingName: 'Replay Ltd' }, headers: { 'Idempotency-Key': key, 'If-Match': `"${customer.version}"` } };
    const first = await json<{ version: number }>(customerPath(id), init);
    const again = await json<{ version: number }>(customerPath(id), init);
    expect(again.version).toBe(first.version);
    expect((await loadCustomer(id)).customer.version).toBe(first.version);
  });
});
