/**
 * Test support for the SDK's unit tests: a recording fake `fetch`, response builders, and
 * schema-valid records built (and checked) from the SDK's own schemas.
 */
import * as v from 'valibot';
import { Customer, CustomerSummary, WatchList, type Page } from '../../src/sdk/schemas.js';

export interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  signal: AbortSignal;
}

export type Responder = (request: Request, call: number) => Response | Promise<Response>;

/** A fetch that records every request it receives and answers with `respond`. */
export function fakeFetch(respond: Responder) {
  const calls: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.body ? await request.clone().text() : '';
    calls.push({ method: request.method, url: request.url, headers: request.headers, body, signal: request.signal });
    return respond(request, calls.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function problem(status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ title: `Problem ${status}`, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** A response that never comes: the promise settles only when the request is aborted. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

/** A customer that satisfies the schema (checked, so a schema change cannot leave it stale). */
export function customer(overrides: Partial<Customer> = {}): Customer {
  return v.parse(Customer, {
    id: 'cus_000001',
    version: 1,
    name: 'Ada Lovelace Ltd',
    tradingName: null,
    salesChannelId: 'chn_web',
    origin: 'website',
    type: 'retailer',
    agentId: null,
    subCustomerCount: 0,
    bankAccountId: null,
    accountsReference: null,
    vatExempt: false,
    onHold: false,
    eori: null,
    creditLimit: { amountMinor: 100000, currency: 'GBP' },
    paymentTermsId: 'pt_30',
    username: null,
    hasPassword: false,
    email: 'ada@example.com',
    telephone: null,
    mobile: null,
    fax: null,
    ebayUserId: null,
    watchListed: false,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    ...overrides,
  });
}

export function summary(overrides: Partial<CustomerSummary> = {}): CustomerSummary {
  return v.parse(CustomerSummary, {
    id: 'cus_000001',
    name: 'Ada Lovelace Ltd',
    tradingName: null,
    type: 'retailer',
    postcode: 'SW1A 1AA',
    email: 'ada@example.com',
    salesChannelId: 'chn_web',
    balance: { amountMinor: 0, currency: 'GBP' },
    watchListed: false,
    onHold: false,
    ...overrides,
  });
}

export function page<T>(items: T[], nextCursor: string | null = null): Page<T> {
  return { items, nextCursor, total: items.length };
}

export function watchList(customerId: string, note: string | null): WatchList {
  return v.parse(WatchList, {
    customerId,
    version: note === null ? 0 : 1,
    active: note !== null,
    note,
    updatedAt: note === null ? null : '2026-02-01T10:00:00.000Z',
    updatedBy: note === null ? null : { type: 'user', id: 'usr_admin', name: 'Admin' },
  });
}

/** Resolve when `predicate` holds, checking after each macrotask (no fixed sleeps). */
export async function until(predicate: () => boolean, what = 'condition', limit = 2000): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (predicate()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
