/**
 * The SDK's defences for writes and URLs: one Idempotency-Key per intent, timeouts that cover the
 * body, ids that cannot climb to another resource, and redirects that are never trusted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  fillPath,
  isInvalidIdError,
  isRedirectError,
  isTimeoutError,
  isUncertainError,
  type ClientOptions,
  type RedirectError,
} from '../../src/sdk/index.js';
import { customer, fakeFetch, json, problem, type Responder } from './support.js';
import { rejection } from '../rejection.js';

const BASE = 'https://api.example.com/v1';

function client(respond: Responder, options: Partial<ClientOptions> = {}) {
  const fake = fakeFetch(respond);
  return { ...fake, api: createClient({ baseUrl: BASE, fetch: fake.fetch, retry: { limit: 2, backoffMs: 1 }, ...options }) };
}

const note = (text: string) => ({
  id: 'not_1', customerId: 'cus_000001', source: 'manual', kind: 'general', text, pinned: false,
  author: { type: 'user', id: 'usr_1', name: 'Admin' }, createdAt: '2026-01-01T09:00:00.000Z', changes: [], removed: null,
});

describe('one Idempotency-Key per intent', () => {
  it('Save again of the same draft after an uncertain failure reuses the key; a changed draft or a settled write gets a new one', async () => {
    let fail = true;
    const { api, calls } = client((request) => {
      if (fail) throw new TypeError('socket hang up');
      return request.method === 'POST' ? json(note('x'), 201) : json({});
    }, { retry: 0 });
    const first = await rejection(api.notes.create('cus_000001', { text: 'Called back' }));
    expect(isUncertainError(first)).toBe(true);
    await rejection(api.notes.create('cus_000001', { text: 'Called back' }));
    await rejection(api.notes.create('cus_000001', { text: 'Called back, twice' }));
    fail = false;
    await api.notes.create('cus_000001', { text: 'Called back' });
    await api.notes.create('cus_000001', { text: 'Called back' });
    const keys = calls.map((call) => call.headers.get('idempotency-key'));
    expect(keys[1]).toBe(keys[0]); // Save again, same draft: same intent
    expect(keys[2]).not.toBe(keys[0]); // another draft: another intent
    expect(keys[3]).toBe(keys[0]); // the network is back: still the first intent, so the server can replay
    expect(keys[4]).not.toBe(keys[0]); // that intent is settled: the same text again is a new note
  });

  it('a refusal that says what happened (422) settles the intent', async () => {
    let n = 0;
    const { api, calls } = client(() => (++n === 1 ? problem(422, { errors: [{ field: 'text', message: 'Too long', code: 'too_long' }] }) : json(note('x'), 201)));
    await rejection(api.notes.create('cus_000001', { text: 'Hello' }));
    await api.notes.create('cus_000001', { text: 'Hello' });
    expect(calls[1]!.headers.get('idempotency-key')).not.toBe(calls[0]!.headers.get('idempotency-key'));
  });

  it('takes the host’s own key', async () => {
    const { api, calls } = client(() => json(note('x'), 201));
    await api.notes.create('cus_000001', { text: 'Hello' }, { idempotencyKey: 'draft-42' });
    expect(calls[0]!.headers.get('idempotency-key')).toBe('draft-42');
  });

  it('reads carry no key', async () => {
    const { api, calls } = client(() => json(customer()));
    await api.customers.get('cus_000001');
    expect(calls[0]!.headers.has('idempotency-key')).toBe(false);
  });
});

describe('ids in paths', () => {
  for (const bad of ['', ' ', '.', '..']) {
    it(`refuses ${JSON.stringify(bad)} with an InvalidIdError before sending anything`, async () => {
      const { api, calls } = client(() => new Response(null, { status: 204 }));
      const error = await rejection(api.contacts.delete('cus_000001', bad));
      expect(isInvalidIdError(error)).toBe(true);
      expect(error).toMatchObject({ param: 'contactId' });
      const update = await rejection(api.contacts.update('cus_000001', bad, { name: 'X' }, { version: 1 }));
      expect(isInvalidIdError(update)).toBe(true);
      expect(calls).toHaveLength(0);
    });
  }

  it('encodes every other id as one segment, so none reaches another resource', () => {
    for (const id of ['../x', '%2e%2e', '.%2e', 'a/b', '?q', '#h', '...', 'a b']) {
      const path = fillPath('/customers/{customerId}/contacts/{contactId}', { customerId: 'c', contactId: id });
      const url = new URL(path.slice(1), `${BASE}/`);
      expect(url.pathname.startsWith('/v1/customers/c/contacts/'), `${id} → ${url.pathname}`).toBe(true);
      expect(url.pathname.split('/')).toHaveLength(6);
      expect(url.search + url.hash).toBe('');
    }
  });
});

describe('timeouts cover the whole answer', () => {
  it('a server that sends its headers and then stalls times out with the usual message', async () => {
    const { api } = client((request) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id": "cus_'));
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason), { once: true });
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    }, { timeout: 80, retry: 0 });
    const started = Date.now();
    const error = await rejection(api.customers.get('cus_000001'));
    expect(isTimeoutError(error), String(error)).toBe(true);
    expect((error as Error).message).toBe('The server did not answer within 0.1 seconds. Try again.');
    expect(isUncertainError(error)).toBe(false); // a read: nothing to be uncertain about
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('redirects', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  async function listen(handler: (url: string, method: string) => { status: number; headers?: Record<string, string>; body?: string }) {
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      const answer = handler(request.url ?? '', request.method ?? 'GET');
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
  }

  it('a redirected DELETE is never followed and never reported as done', async () => {
    const other = await listen(() => ({ status: 204 }));
    const api = await listen(() => ({ status: 307, headers: { location: `${other.origin}/v1/customers/c/contacts/k` } }));
    const sdk = createClient({ baseUrl: `${api.origin}/v1`, getToken: () => 'secret', retry: 0 });
    const error = await rejection(sdk.contacts.delete('c', 'k'));
    expect(isRedirectError(error)).toBe(true);
    expect((error as RedirectError).message).toContain(other.origin);
    expect(other.seen).toEqual([]);
  });

  it('a download comes only from the API’s origin, or from an origin the host allowed', async () => {
    const files = await listen(() => ({ status: 200, headers: { 'content-type': 'application/pdf' }, body: '%PDF-other' }));
    const api = await listen((url): { status: number; headers: Record<string, string>; body?: string } => {
      if (url.startsWith('/v1/files/')) return { status: 200, headers: { 'content-type': 'application/pdf' }, body: '%PDF-ours' };
      if (url.includes('att_local')) return { status: 302, headers: { location: '/v1/files/att_local' } };
      return { status: 302, headers: { location: `${files.origin}/blob/1` } };
    });
    const strict = createClient({ baseUrl: `${api.origin}/v1`, getToken: () => 'secret', retry: 0 });
    const error = await rejection(strict.attachments.download('att_remote'));
    expect(isRedirectError(error)).toBe(true);
    expect(await (await strict.attachments.download('att_local')).text()).toBe('%PDF-ours');
    const allowing = createClient({ baseUrl: `${api.origin}/v1`, getToken: () => 'secret', retry: 0, downloadOrigins: [files.origin] });
    expect(await (await allowing.attachments.download('att_remote')).text()).toBe('%PDF-other');
    expect(() => createClient({ baseUrl: BASE, downloadOrigins: ['not an origin'] })).toThrow(/downloadOrigins/);
  });
});
