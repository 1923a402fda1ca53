/**
 * Checks any running server against the contract, with plain `fetch` and the response validator:
 * every response is validated against the OpenAPI document, and the behaviour the document cannot
 * express (search finds what it should, pages do not repeat, sorting and filters hold, stale writes
 * are refused) is checked on data discovered from the server itself — nothing here knows the
 * mocks' seeded fixtures.
 *
 * Writes happen only with `allowWrites`, and even then are chosen to change nothing when the server
 * behaves: a PATCH with a stale or missing `If-Match` that resends the current name, and a note with
 * empty text.
 */
import { readFileSync } from 'node:fs';
import { fillPath, routes, type RouteDef, type RouteId } from '../src/sdk/contract.js';
import type { OpenApiDocument } from './openapi-lib.js';
import { createResponseValidator, isJsonMediaType, type ResponseValidator } from './openapi-validate.js';

export interface ConformanceOptions {
  /** The API base URL, e.g. `http://localhost:4010/api`. */
  baseUrl: string;
  /** A bearer token of a user of that server. */
  token: string;
  /** Run the checks that send writes (designed to change nothing on a conforming server). */
  allowWrites?: boolean;
  fetch?: typeof fetch;
  /** The OpenAPI document to check against. Default: the committed `openapi/openapi.json`. */
  document?: OpenApiDocument;
  /** Per-request time limit in ms. Default 15,000. */
  timeoutMs?: number;
  /** Called as each check finishes (the CLI prints from here). */
  onResult?: (result: CheckResult) => void;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  /** A write check not run because writes were not allowed (or the session may not do it). */
  skipped?: boolean;
  detail?: string;
}

export interface ConformanceReport {
  results: CheckResult[];
}

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** `false`: no Authorization header; a string: that token instead. */
  auth?: boolean | string;
}

interface CallResult {
  status: number;
  headers: Headers;
  contentType: string | null;
  body: unknown;
  label: string;
  /** Contract violations of this response (empty when it matches the document). */
  violations: string[];
}

class CheckFailure extends Error {}
class CheckSkipped extends Error {}

const fail = (message: string): never => {
  throw new CheckFailure(message);
};
function assert(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

type Item = Record<string, unknown>;
interface PageBody {
  items: Item[];
  nextCursor: string | null;
  total: number;
}

const asPage = (body: unknown): PageBody => body as PageBody;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function loadDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
}

/** The ids of a reference answer's payment terms, to compare the same lists in two languages. */
const termIds = (body: unknown) => JSON.stringify((body as { paymentTerms: { id: string }[] }).paymentTerms.map((t) => t.id));

export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const validator: ResponseValidator = createResponseValidator(options.document ?? loadDocument());
  const timeoutMs = options.timeoutMs ?? 15_000;
  const allowWrites = options.allowWrites ?? false;
  const results: CheckResult[] = [];

  async function call(routeId: RouteId, init: CallOptions = {}): Promise<CallResult> {
    const route = routes[routeId];
    const url = new URL(baseUrl + fillPath(route.path, init.params ?? {}));
    for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...init.headers };
    const auth = init.auth ?? true;
    if (auth !== false) headers['Authorization'] = `Bearer ${auth === true ? options.token : auth}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['Content-Type'] = 'application/json';
    }
    const label = `${route.method} ${url.pathname}${url.search}`;
    let response: Response;
    try {
      response = await doFetch(url, { method: route.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return fail(`${label}: request failed (${error instanceof Error ? error.message : String(error)})`);
    }
    const contentType = response.headers.get('content-type');
    let parsed: unknown;
    const violations: string[] = [];
    if (isJsonMediaType(contentType) && response.status !== 204) {
      const text = await response.text();
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        violations.push(`${label} ${response.status}: the body is not valid JSON`);
      }
    } else {
      // Not awaited: on a tee'd body (a custom fetch) the cancel settles only when the other branch does.
      void response.body?.cancel().catch(() => undefined);
    }
    if (violations.length === 0) {
      const result = validator.validate({
        method: route.method, url: url.href, basePath, status: response.status, contentType, body: parsed, headers: response.headers,
      });
      if (!result.ok) violations.push(...result.errors);
    }
    return { status: response.status, headers: response.headers, contentType, body: parsed, label, violations };
  }

  /** A response that must have `status` and match the document. */
  async function expectStatus(routeId: RouteId, status: number, init: CallOptions = {}): Promise<CallResult> {
    const res = await call(routeId, init);
    if (res.status !== status) {
      const detail = typeof (res.body as { detail?: unknown } | undefined)?.detail === 'string' ? ` — ${(res.body as { detail: string }).detail}` : '';
      fail(`${res.label}: expected ${status}, got ${res.status}${detail}`);
    }
    if (res.violations.length > 0) fail(res.violations.slice(0, 3).join('; ') + (res.violations.length > 3 ? ` (+${res.violations.length - 3} more)` : ''));
    return res;
  }

  async function expectProblem(routeId: RouteId, status: number, init: CallOptions = {}): Promise<CallResult> {
    const res = await expectStatus(routeId, status, init);
    assert(/^application\/problem\+json/i.test(res.contentType ?? ''), `${res.label}: a ${status} must be application/problem+json, got ${res.contentType ?? 'no Content-Type'}`);
    assert((res.body as { status?: unknown }).status === status, `${res.label}: the problem's status is ${String((res.body as { status?: unknown }).status)}, not ${status}`);
    return res;
  }

  async function check(name: string, run: () => Promise<string | void>, flags: { write?: boolean } = {}): Promise<void> {
    let result: CheckResult;
    if (flags.write && !allowWrites) {
      result = { name, ok: true, skipped: true, detail: 'writes not allowed (pass --allow-writes)' };
    } else {
      try {
        const detail = await run();
        result = detail ? { name, ok: true, detail } : { name, ok: true };
      } catch (error) {
        if (error instanceof CheckSkipped) result = { name, ok: true, skipped: true, detail: error.message };
        else result = { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    }
    results.push(result);
    options.onResult?.(result);
  }

  /** Walks the pages of a search until `predicate` finds an item (at most `maxPages`). */
  async function findInSearch(query: Record<string, string | number>, predicate: (item: Item) => boolean, maxPages = 20): Promise<{ found: boolean; pages: Item[][] }> {
    const pages: Item[][] = [];
    let cursor: string | undefined;
    for (let i = 0; i < maxPages; i++) {
      const res = await expectStatus('customers.search', 200, { query: { ...query, limit: 100, cursor } });
      const page = asPage(res.body);
      pages.push(page.items);
      if (page.items.some(predicate)) return { found: true, pages };
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return { found: false, pages };
  }

  // ---------------------------------------------------------------------------------------------
  // Discovery: what this server has, for the checks that follow.
  // ---------------------------------------------------------------------------------------------
  let me: { capabilities: string[] } | undefined;
  let tradeTypes: Set<string> | undefined;
  let sample: Item[] = [];
  const needCustomer = (): Item => sample[0] ?? fail('the server returned no customers from GET /customers, so there is nothing to check');
  const can = (capability: string) => me?.capabilities.includes(capability) ?? false;

  // ----- auth
  await check('auth: no token → 401 problem with WWW-Authenticate', async () => {
    const res = await expectProblem('me.get', 401, { auth: false });
    assert(res.headers.get('www-authenticate'), `${res.label}: a 401 must say how to authenticate (WWW-Authenticate)`);
  });
  await check('auth: wrong token → 401', async () => {
    await expectProblem('me.get', 401, { auth: `conformance-invalid-${Date.now().toString(36)}` });
  });

  // ----- me and reference
  await check('me: the current user and capabilities', async () => {
    const res = await expectStatus('me.get', 200);
    me = res.body as { capabilities: string[] };
    return `${me.capabilities.length} capabilities`;
  });
  await check('reference: reference lists', async () => {
    const res = await expectStatus('reference.get', 200);
    const reference = res.body as { customerTypes: { id: string; trade: boolean }[] };
    tradeTypes = new Set(reference.customerTypes.filter((t) => t.trade).map((t) => t.id));
    assert(reference.customerTypes.length > 0, 'reference.customerTypes is empty: the segment filter cannot be checked');
  });
  await check('reference: answers in the language asked for (Accept-Language), and says which', async () => {
    const languages = (routes['reference.get'] as RouteDef).languages ?? [];
    const fallback = await expectStatus('reference.get', 200, { headers: { 'Accept-Language': 'x-none' } });
    assert(fallback.headers.get('content-language') === languages[0], `${fallback.label}: an unknown language must get ${languages[0]}, got Content-Language ${String(fallback.headers.get('content-language'))}`);
    for (const language of languages.slice(1)) {
      // The wanted language ranks below one the server lacks: q-values decide, not order.
      const res = await expectStatus('reference.get', 200, { headers: { 'Accept-Language': `x-none, ${language}-XX;q=0.8, ${languages[0]};q=0.5` } });
      assert(res.headers.get('content-language') === language, `${res.label}: asked for ${language}, got Content-Language ${String(res.headers.get('content-language'))}`);
      assert(/accept-language/i.test(res.headers.get('vary') ?? ''), `${res.label}: the answer depends on Accept-Language, so Vary must name it`);
      assert(termIds(res.body) === termIds(fallback.body), `${res.label}: the ids of the payment terms differ between ${language} and ${languages[0]}`);
    }
    return `languages ${languages.join(', ')}`;
  });

  // ----- search
  await check('search: a first page of customers', async () => {
    const res = await expectStatus('customers.search', 200, { query: { limit: 50 } });
    const page = asPage(res.body);
    sample = page.items;
    assert(page.items.length > 0, 'GET /customers returned no customers: the server needs data for the other checks');
    assert(page.items.length <= 50, `asked for 50 customers, got ${page.items.length}`);
    assert(page.total >= page.items.length, `total ${page.total} is less than the ${page.items.length} items on the page`);
    return `${page.items.length} of ${page.total}`;
  });

  await check('search: by a part of the name finds the customer', async () => {
    const target = sample.find((c) => /[\p{L}\p{N}]{3,}/u.test(str(c['name']))) ?? needCustomer();
    const words = str(target['name']).match(/[\p{L}\p{N}]{3,}/gu) ?? [];
    const part = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    assert(part, `customer ${str(target['id'])} has no name to search by`);
    const { found } = await findInSearch({ q: part, criterion: 'name' }, (c) => c['id'] === target['id']);
    assert(found, `searching the name part "${part}" did not return customer ${str(target['id'])} ("${str(target['name'])}")`);
    return `"${part}"`;
  });

  await check('search: by email finds the customer', async () => {
    const target = sample.find((c) => str(c['email']).includes('@'));
    if (!target) throw new CheckSkipped('no customer on the first page has an email');
    const email = str(target['email']);
    const { found } = await findInSearch({ q: email, criterion: 'email' }, (c) => c['id'] === target['id'], 5);
    assert(found, `searching the email "${email}" did not return customer ${str(target['id'])}`);
  });

  await check('search: by postcode (no spaces, lower case) finds the customer', async () => {
    const target = sample.find((c) => str(c['postcode']).trim() !== '');
    if (!target) throw new CheckSkipped('no customer on the first page has a postcode');
    const q = str(target['postcode']).replace(/\s+/g, '').toLowerCase();
    const { found } = await findInSearch({ q, criterion: 'postcode' }, (c) => c['id'] === target['id'], 10);
    assert(found, `searching the postcode "${q}" (from "${str(target['postcode'])}") did not return customer ${str(target['id'])}`);
    return `"${q}"`;
  });

  for (const segment of ['trade', 'retail'] as const) {
    await check(`search: segment ${segment} returns only ${segment} customers`, async () => {
      assert(tradeTypes, 'the reference lists were not available');
      const res = await expectStatus('customers.search', 200, { query: { segment, limit: 100 } });
      const page = asPage(res.body);
      const wrong = page.items.filter((c) => tradeTypes!.has(str(c['type'])) !== (segment === 'trade'));
      assert(wrong.length === 0, `segment=${segment} returned ${wrong.length} customers of another segment, e.g. ${str(wrong[0]?.['id'])} (type ${str(wrong[0]?.['type'])})`);
      const all = asPage((await expectStatus('customers.search', 200, { query: { segment: 'all', limit: 1 } })).body);
      assert(page.total <= all.total, `segment=${segment} has total ${page.total}, more than all customers (${all.total})`);
      return `${page.total} customers`;
    });
  }

  await check('search: initial letter filter', async () => {
    const target = sample.find((c) => /^[a-z]/i.test(fold(str(c['name'])))) ?? needCustomer();
    const initial = fold(str(target['name'])).charAt(0).toUpperCase();
    assert(/^[A-Z]$/.test(initial), `customer ${str(target['id'])} has no name starting with a letter`);
    const { found, pages } = await findInSearch({ initial }, (c) => c['id'] === target['id']);
    const wrong = pages.flat().filter((c) => fold(str(c['name'])).charAt(0).toUpperCase() !== initial);
    assert(wrong.length === 0, `initial=${initial} returned "${str(wrong[0]?.['name'])}"`);
    assert(found, `initial=${initial} did not return customer ${str(target['id'])} ("${str(target['name'])}")`);
    return initial;
  });

  await check('search: invalid query → 400', async () => {
    await expectProblem('customers.search', 400, { query: { limit: 0 } });
  });

  // ----- pagination
  await check('pagination: cursor pages do not repeat and agree on total', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let total: number | undefined;
    let pages = 0;
    for (; pages < 5; pages++) {
      const page = asPage((await expectStatus('customers.search', 200, { query: { limit: 3, cursor } })).body);
      assert(page.items.length <= 3, `limit=3 returned ${page.items.length} items`);
      if (total === undefined) total = page.total;
      assert(page.total === total, `total changed between pages: ${total} then ${page.total}`);
      for (const item of page.items) {
        const id = str(item['id']);
        assert(!seen.has(id), `customer ${id} appears on two pages`);
        seen.add(id);
      }
      if (!page.nextCursor) {
        assert(seen.size === total, `the last page was reached after ${seen.size} customers, but total is ${total}`);
        break;
      }
      assert(page.items.length > 0, 'a page with a next cursor has no items');
      cursor = page.nextCursor;
    }
    assert(seen.size <= (total ?? 0), `${seen.size} customers seen, more than total ${total}`);
    return `${Math.min(pages + 1, 5)} pages, ${seen.size} customers`;
  });

  await check('pagination: unknown cursor → 400', async () => {
    await expectProblem('customers.search', 400, { query: { cursor: 'conformance-not-a-cursor~!' } });
  });

  // ----- one customer
  let customer: Item | undefined;
  await check('customer: get is valid and carries its version as ETag', async () => {
    const id = str(needCustomer()['id']);
    const res = await expectStatus('customers.get', 200, { params: { customerId: id } });
    customer = res.body as Item;
    assert(customer['id'] === id, `asked for ${id}, got ${str(customer['id'])}`);
    const etag = res.headers.get('etag');
    assert(etag, `${res.label}: no ETag header`);
    assert(/^(W\/)?"?(\d+)"?$/.exec(etag)?.[2] === String(customer['version']), `ETag ${etag} does not carry the version ${String(customer['version'])}`);
  });

  await check('customer: unknown id → 404 problem', async () => {
    await expectProblem('customers.get', 404, { params: { customerId: `conformance-unknown-${Date.now().toString(36)}` } });
  });

  const customerId = () => str(customer?.['id']) || str(needCustomer()['id']);
  const subResources: [string, RouteId, CallOptions['query']?][] = [
    ['contacts', 'contacts.list'],
    ['addresses', 'addresses.list', { limit: 5 }],
    ['notes', 'notes.list', { limit: 20 }],
    ['watch list', 'watchList.get'],
    ['account', 'accounts.get'],
    ['loyalty', 'loyalty.get'],
    ['attachments', 'attachments.list'],
  ];
  for (const [label, routeId, query] of subResources) {
    await check(`customer: ${label}`, async () => {
      const res = await expectStatus(routeId, 200, { params: { customerId: customerId() }, query });
      const body = res.body as { items?: unknown[]; customerId?: unknown } | unknown[];
      const owned = Array.isArray(body) ? body : Array.isArray(body.items) ? body.items : [body];
      const foreign = (owned as Item[]).filter((item) => 'customerId' in item && item['customerId'] !== customerId());
      assert(foreign.length === 0, `${res.label} returned a record of another customer (${str(foreign[0]?.['customerId'])})`);
    });
  }

  await check("customer: an agent's sub-customers agree with subCustomerCount", async () => {
    const { found, pages } = await findInSearch({ segment: 'trade' }, (c) => c['type'] === 'agent', 3);
    if (!found) throw new CheckSkipped('no agent among the first trade customers');
    const agentId = str(pages.flat().find((c) => c['type'] === 'agent')?.['id']);
    const agent = (await expectStatus('customers.get', 200, { params: { customerId: agentId } })).body as Item;
    const page = asPage((await expectStatus('customers.subCustomers', 200, { params: { customerId: agentId }, query: { limit: 100 } })).body);
    assert(page.total === agent['subCustomerCount'], `agent ${agentId} says subCustomerCount ${String(agent['subCustomerCount'])}, its sub-customers total ${page.total}`);
    assert(!page.items.some((c) => c['id'] === agentId), `agent ${agentId} is listed as its own sub-customer`);
    return `${agentId}: ${page.total}`;
  });

  await check('customer: account transactions follow the accounts.view capability', async () => {
    if (can('accounts.view')) await expectStatus('accounts.transactions', 200, { params: { customerId: customerId() }, query: { limit: 10 } });
    else await expectProblem('accounts.transactions', 403, { params: { customerId: customerId() } });
  });

  await check('customer: the ledger adds up to the account balance, and a statement reconciles', async () => {
    if (!can('accounts.view')) {
      await expectProblem('accounts.ledger', 403, { params: { customerId: customerId() } });
      return 'no accounts.view: refused as it should be';
    }
    const params = { customerId: customerId() };
    const account = (await expectStatus('accounts.get', 200, { params })).body as Item;
    const balance = (account['balance'] as { amountMinor: number }).amountMinor;
    const newest = asPage((await expectStatus('accounts.ledger', 200, { params, query: { limit: 1 } })).body);
    const after = (newest.items[0]?.['balanceAfter'] as { amountMinor: number } | undefined)?.amountMinor ?? 0;
    assert(newest.total === 0 || after === balance, `the newest ledger entry's running balance ${after} is not the account balance ${balance}`);
    const to = new Date().toISOString().slice(0, 10);
    const statement = (await expectStatus('accounts.statement', 200, { params, query: { from: '2000-01-01', to } })).body as Record<string, { amountMinor: number }>;
    const [opening, debits, credits, closing] = ['openingBalance', 'debits', 'credits', 'closingBalance'].map((k) => statement[k]!.amountMinor) as [number, number, number, number];
    assert(opening + debits - credits === closing, `statement: opening ${opening} + debits ${debits} - credits ${credits} != closing ${closing}`);
    return `${newest.total} entries, balance ${balance}`;
  });

  // ----- orders
  let orders: { customerId: string; items: Item[]; total: number } | undefined;
  await check('orders: a customer with orders', async () => {
    for (const candidate of sample.slice(0, 30)) {
      const id = str(candidate['id']);
      const page = asPage((await expectStatus('orders.list', 200, { params: { customerId: id }, query: { limit: 50 } })).body);
      if (page.total >= 2) {
        orders = { customerId: id, items: page.items, total: page.total };
        return `${id}: ${page.total} orders`;
      }
    }
    throw new CheckSkipped('none of the first customers has two orders or more');
  });

  for (const order of ['asc', 'desc'] as const) {
    await check(`orders: sort by date ${order}`, async () => {
      if (!orders) throw new CheckSkipped('no customer with orders');
      const page = asPage((await expectStatus('orders.list', 200, { params: { customerId: orders.customerId }, query: { sort: 'placedAt', order, limit: 100 } })).body);
      const times = page.items.map((o) => Date.parse(str(o['placedAt'])));
      for (let i = 1; i < times.length; i++) {
        const inOrder = order === 'asc' ? times[i]! >= times[i - 1]! : times[i]! <= times[i - 1]!;
        assert(inOrder, `sort=placedAt&order=${order}: ${str(page.items[i - 1]?.['placedAt'])} comes before ${str(page.items[i]?.['placedAt'])}`);
      }
      assert(page.total === orders.total, `sorting changed total from ${orders.total} to ${page.total}`);
    });
  }

  await check('orders: status filter', async () => {
    if (!orders) throw new CheckSkipped('no customer with orders');
    const status = str(orders.items[0]?.['status']);
    const page = asPage((await expectStatus('orders.list', 200, { params: { customerId: orders.customerId }, query: { status, limit: 100 } })).body);
    const wrong = page.items.filter((o) => o['status'] !== status);
    assert(wrong.length === 0, `status=${status} returned an order with status ${str(wrong[0]?.['status'])}`);
    assert(page.items.some((o) => o['id'] === orders!.items[0]?.['id']) || page.total > page.items.length, `status=${status} did not return order ${str(orders.items[0]?.['id'])}`);
    assert(page.total >= 1 && page.total <= orders.total, `status=${status} has total ${page.total}, outside 1..${orders.total}`);
    return `${status}: ${page.total}`;
  });

  await check('orders: offset paging agrees with the first page', async () => {
    if (!orders) throw new CheckSkipped('no customer with orders');
    const offset = Math.min(2, orders.items.length - 1);
    const page = asPage((await expectStatus('orders.list', 200, { params: { customerId: orders.customerId }, query: { offset, limit: 3 } })).body);
    const expected = orders.items.slice(offset, offset + 3).map((o) => o['id']);
    assert(JSON.stringify(page.items.map((o) => o['id'])) === JSON.stringify(expected), `offset=${offset}&limit=3 returned ${JSON.stringify(page.items.map((o) => o['id']))}, the first page has ${JSON.stringify(expected)} there`);
  });

  await check('orders: an order in detail', async () => {
    if (!orders) throw new CheckSkipped('no customer with orders');
    const summary = orders.items[0]!;
    const res = await expectStatus('orders.get', 200, { params: { orderId: str(summary['id']) } });
    const detail = res.body as Item;
    assert(detail['id'] === summary['id'] && detail['customerId'] === orders.customerId, `order ${str(summary['id'])} came back as ${str(detail['id'])} of ${str(detail['customerId'])}`);
    assert(detail['number'] === summary['number'] && detail['status'] === summary['status'], 'the detail disagrees with the list on number or status');
  });

  // ----- writes that change nothing on a conforming server
  const identityEdit = () => {
    if (!can('customers.identity.edit')) throw new CheckSkipped('this user may not edit customer names (customers.identity.edit)');
    assert(customer, 'no customer was read');
    return customer;
  };

  await check('concurrency: stale If-Match → 412', async () => {
    const current = identityEdit();
    const version = Number(current['version']);
    const stale = version > 1 ? version - 1 : version + 1;
    const res = await expectProblem('customers.update', 412, {
      params: { customerId: customerId() }, headers: { 'If-Match': `"${stale}"` }, body: { name: current['name'] },
    });
    const currentVersion = (res.body as { currentVersion?: unknown }).currentVersion;
    assert(currentVersion === undefined || currentVersion === version, `currentVersion is ${String(currentVersion)}, the customer is at ${version}`);
    const after = (await expectStatus('customers.get', 200, { params: { customerId: customerId() } })).body as Item;
    assert(after['version'] === version, `the refused write still changed the version from ${version} to ${String(after['version'])}`);
  }, { write: true });

  await check('concurrency: no If-Match → 428', async () => {
    const current = identityEdit();
    await expectProblem('customers.update', 428, { params: { customerId: customerId() }, body: { name: current['name'] } });
  }, { write: true });

  await check('validation: invalid body → 422 with field errors', async () => {
    if (!can('notes.add')) throw new CheckSkipped('this user may not add notes (notes.add)');
    const res = await expectProblem('notes.create', 422, { params: { customerId: customerId() }, body: { text: '' } });
    const errors = (res.body as { errors?: { field: string }[] }).errors ?? [];
    assert(errors.some((e) => e.field === 'text'), `the 422 has no field error for "text" (errors: ${JSON.stringify(errors)})`);
  }, { write: true });

  await check('idempotency: a repeat with the same Idempotency-Key is answered as the first; the key with another request → 422', async () => {
    if (!can('notes.pin')) throw new CheckSkipped('this user may not pin notes (notes.pin)');
    const notes = asPage((await expectStatus('notes.list', 200, { params: { customerId: customerId() }, query: { source: 'manual', limit: 1 } })).body);
    const note = notes.items[0];
    if (!note) throw new CheckSkipped('the customer has no manual note to pin');
    const params = { customerId: customerId(), noteId: str(note['id']) };
    const pinned = note['pinned'] === true;
    // Pinning a note to what it already is changes nothing; the other value is refused by the key.
    const key = `conformance-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const headers = { 'Idempotency-Key': key };
    const first = await expectStatus('notes.update', 200, { params, headers, body: { pinned } });
    const again = await expectStatus('notes.update', 200, { params, headers, body: { pinned } });
    assert(JSON.stringify(again.body) === JSON.stringify(first.body), 'the repeat was answered differently from the first request');
    await expectProblem('notes.update', 422, { params, headers, body: { pinned: !pinned } });
    const after = asPage((await expectStatus('notes.list', 200, { params: { customerId: customerId() }, query: { source: 'manual', limit: 50 } })).body);
    const now = after.items.find((item) => item['id'] === note['id']);
    assert(now?.['pinned'] === pinned, 'the request refused for its reused key still changed the note');
  }, { write: true });

  return { results };
}

/** One line per check, then `N passed, N failed`. */
export function formatResult(result: CheckResult): string {
  if (result.skipped) return `SKIP  ${result.name}${result.detail ? ` — ${result.detail}` : ''}`;
  return result.ok ? `PASS  ${result.name}` : `FAIL  ${result.name} — ${result.detail ?? 'failed'}`;
}

export function summarize(results: CheckResult[]): string {
  const passed = results.filter((r) => r.ok && !r.skipped).length;
  const failed = results.filter((r) => !r.ok).length;
  return `${passed} passed, ${failed} failed`;
}
