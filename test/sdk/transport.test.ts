/**
 * The SDK's transport against a recording fake fetch: URLs and bodies from the route table,
 * response validation, every error type, retries, timeouts, aborts and the token-origin rule.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConflictError,
  CustomerElementsError,
  ForbiddenError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  createClient,
  errorKind,
  isConflictError,
  isCustomerElementsError,
  isForbiddenError,
  isHttpError,
  isInvalidResponseError,
  isNetworkError,
  isNotFoundError,
  isTimeoutError,
  isUnauthorizedError,
  isUncertainError,
  isValidationError,
  isRedirectError,
  type RedirectError,
  type ClientOptions,
} from '../../src/sdk/index.js';
import { MAX_RETRY_AFTER_MS, createHttp, resolveConfig } from '../../src/sdk/http.js';
import { customer, fakeFetch, hang, json, page, problem, summary, until, type Responder } from './support.js';
import { rejection } from '../rejection.js';

const BASE = 'https://api.example.com/v1';

function client(respond: Responder, options: Partial<ClientOptions> = {}) {
  const fake = fakeFetch(respond);
  return { ...fake, client: createClient({ baseUrl: BASE, fetch: fake.fetch, retry: { limit: 2, backoffMs: 1 }, ...options }) };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('requests follow the route table', () => {
  it('builds the URL from the base URL, the path and the defined query fields', async () => {
    const { client: api, calls } = client(() => json(page([summary()])));
    const result = await api.customers.search({ q: 'ada lovelace', criterion: 'name', segment: undefined, limit: 20 });
    expect(result.items[0]?.name).toBe('Ada Lovelace Ltd');
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe(`${BASE}/customers`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'ada lovelace', criterion: 'name', limit: '20' });
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.headers.get('accept')).toContain('application/json');
  });

  it('accepts a base URL with a trailing slash', async () => {
    const { client: api, calls } = client(() => json(customer()), { baseUrl: `${BASE}/` });
    await api.customers.get('cus_000001');
    expect(calls[0]!.url).toBe(`${BASE}/customers/cus_000001`);
  });

  it('encodes path parameters so that an id cannot change the path', async () => {
    const { client: api, calls } = client(() => json(customer()));
    await api.customers.get('../admin?x=1#y');
    expect(calls[0]!.url).toBe(`${BASE}/customers/..%2Fadmin%3Fx%3D1%23y`);
  });

  it('sends a JSON body and If-Match with the version of a versioned write', async () => {
    const { client: api, calls } = client(() => json(customer({ version: 4, name: 'Ada L.' })));
    const updated = await api.customers.update('cus_000001', { name: 'Ada L.' }, { version: 3 });
    expect(updated.version).toBe(4);
    expect(calls[0]!.method).toBe('PATCH');
    expect(calls[0]!.headers.get('if-match')).toBe('"3"');
    expect(calls[0]!.headers.get('content-type')).toContain('application/json');
    expect(JSON.parse(calls[0]!.body)).toEqual({ name: 'Ada L.' });
  });

  it('refuses a versioned write without a version before sending anything', async () => {
    const { client: api, calls } = client(() => json(customer()));
    const error = await rejection(api.customers.update('cus_000001', { name: 'X' }, {} as { version: number }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as Error).message)).toMatch(/version/);
    expect(calls).toHaveLength(0);
  });

  it('resolves 204 to undefined and a binary route to a Blob', async () => {
    const { client: api, calls } = client((request) =>
      request.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : new Response('%PDF-1.7 invoice', { headers: { 'content-type': 'application/pdf' } }),
    );
    await expect(api.contacts.delete('cus_000001', 'con_1')).resolves.toBeUndefined();
    const blob = await api.attachments.download('att_1');
    expect(blob).toBeInstanceOf(Blob);
    expect(await blob.text()).toBe('%PDF-1.7 invoice');
    expect(calls.map((call) => `${call.method} ${new URL(call.url).pathname}`)).toEqual([
      'DELETE /v1/customers/cus_000001/contacts/con_1',
      'GET /v1/attachments/att_1/content',
    ]);
  });

  it('merges the host headers and sends the locale as Accept-Language', async () => {
    const { client: api, calls } = client(() => json(customer()), { headers: { 'X-Tenant': 'acme' }, locale: 'fr-FR' });
    expect(api.locale).toBe('fr-FR');
    expect(api.baseUrl).toBe(BASE);
    await api.customers.get('cus_000001');
    expect(calls[0]!.headers.get('x-tenant')).toBe('acme');
    expect(calls[0]!.headers.get('accept-language')).toBe('fr-FR');
  });

  it('explains a missing or unusable base URL', () => {
    expect(() => createClient({} as ClientOptions)).toThrow(/baseUrl/);
    expect(() => createClient({ baseUrl: 'not a url' })).toThrow(/not a URL/);
  });
});

describe('response validation', () => {
  it('rejects a body that breaks the schema with InvalidResponseError naming the paths', async () => {
    const broken = { ...customer(), version: 'seven', creditLimit: { amountMinor: 1.5, currency: 'GBP' } };
    const { client: api } = client(() => json(broken));
    const error = await rejection(api.customers.get('cus_000001'));
    expect(isInvalidResponseError(error)).toBe(true);
    const issues = (error as InvalidResponseError).issues.map((issue) => issue.path);
    expect(issues).toEqual(expect.arrayContaining(['version', 'creditLimit.amountMinor']));
    expect((error as Error).message).toMatch(/^The server's response to GET \/v1\/customers\/cus_000001 did not match/);
    expect((error as Error).message).not.toContain('[object Object]');
  });

  it('rejects a body that is not JSON', async () => {
    const { client: api } = client(() => new Response('<html>oops</html>', { headers: { 'content-type': 'text/html' } }));
    const error = await rejection(api.me.get());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).issues[0]?.message).toMatch(/not JSON/);
  });
});

describe('typed errors', () => {
  const cases: Array<{
    status: number;
    body: Response;
    type: new (...args: never[]) => CustomerElementsError;
    kind: string;
    guard: (value: unknown) => boolean;
  }> = [
    {
      status: 422,
      body: problem(422, {
        title: 'Some fields are not valid',
        errors: [{ field: 'email', message: 'Enter an email address such as name@example.com.', code: 'invalid_format' }],
      }),
      type: ValidationError,
      kind: 'validation',
      guard: isValidationError,
    },
    { status: 400, body: problem(400, { detail: 'The request body is not valid JSON.' }), type: ValidationError, kind: 'validation', guard: isValidationError },
    { status: 401, body: problem(401), type: UnauthorizedError, kind: 'unauthorized', guard: isUnauthorizedError },
    { status: 403, body: problem(403, { requiredCapability: 'customers.identity.edit' }), type: ForbiddenError, kind: 'forbidden', guard: isForbiddenError },
    { status: 404, body: problem(404, { detail: 'No customer cus_404.' }), type: NotFoundError, kind: 'not-found', guard: isNotFoundError },
    { status: 409, body: problem(409, { detail: 'A dispatched order cannot be cancelled.' }), type: ConflictError, kind: 'conflict', guard: isConflictError },
    { status: 412, body: problem(412, { currentVersion: 9 }), type: ConflictError, kind: 'conflict', guard: isConflictError },
    { status: 500, body: new Response('<h1>Internal error</h1>', { status: 500, headers: { 'content-type': 'text/html' } }), type: HttpError, kind: 'http', guard: isHttpError },
  ];

  for (const { status, body, type, kind, guard } of cases) {
    it(`maps ${status} to ${type.name}`, async () => {
      const onUnauthorized = vi.fn();
      const { client: api } = client(() => body.clone(), { retry: 0, onUnauthorized });
      const error = await rejection(api.customers.update('cus_000001', { email: 'nope' }, { version: 1 }));
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(CustomerElementsError);
      expect(isCustomerElementsError(error)).toBe(true);
      expect(guard(error)).toBe(true);
      const typed = error as CustomerElementsError;
      expect(typed.kind).toBe(kind);
      expect(typed.status).toBe(status);
      expect(typed.problem?.status).toBe(status);
      expect(typed.problem?.title).toEqual(expect.any(String));
      expect(typed.message).toMatch(/^[A-Z].*[.!?]$/);
      expect(typed.message).not.toContain('[object Object]');
      expect(onUnauthorized).toHaveBeenCalledTimes(status === 401 ? 1 : 0);
      if (status === 401) expect(onUnauthorized).toHaveBeenCalledWith(error);
    });
  }

  it('gives field errors by name', async () => {
    const { client: api } = client(() =>
      problem(422, {
        detail: 'Correct the fields listed in errors.',
        errors: [
          { field: 'postcode', message: 'Enter a UK postcode such as SW1A 1AA.', code: 'invalid_format' },
          { field: 'line1', message: 'Enter the first line of the address.', code: 'required' },
        ],
      }),
    );
    const error = await rejection(api.addresses.create('cus_000001', { line1: '', city: 'London', country: 'GB', postcode: 'nope' }));
    expect(isValidationError(error)).toBe(true);
    const validation = error as ValidationError;
    expect(validation.fieldErrors).toHaveLength(2);
    expect(validation.fieldError('postcode')?.message).toBe('Enter a UK postcode such as SW1A 1AA.');
    expect(validation.fieldError('city')).toBeUndefined();
    expect(validation.message).toBe('Correct the fields listed in errors.');
  });

  it('reads the current version of a stale write from the problem, or else from the ETag', async () => {
    const { client: fromProblem } = client(() => problem(412, { currentVersion: 9 }));
    expect(((await rejection(fromProblem.customers.update('c', {}, { version: 1 }))) as ConflictError).currentVersion).toBe(9);
    const { client: fromEtag } = client(() => new Response(null, { status: 412, headers: { etag: '"12"' } }));
    const error = (await rejection(fromEtag.customers.update('c', {}, { version: 1 }))) as ConflictError;
    expect(error.currentVersion).toBe(12);
    expect(error.message).toBe('It was changed by someone else since it was loaded.');
  });

  it('synthesizes a problem when the body is not problem+json', async () => {
    const { client: api } = client(() => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway' }), { retry: 0 });
    const error = (await rejection(api.me.get())) as HttpError;
    expect(error.problem).toEqual({ title: 'The server is unreachable behind its gateway', status: 502 });
    expect(error.message).toBe('The server is unreachable behind its gateway.');
  });

  it('recognises SDK errors from another realm or copy of the SDK by their brand', () => {
    const foreign = runInNewContext('new Error("from an iframe")') as Error;
    Object.defineProperty(foreign, Symbol.for('customer-elements.error'), { value: 'validation' });
    expect(foreign instanceof ValidationError).toBe(false);
    expect(isValidationError(foreign)).toBe(true);
    expect(isCustomerElementsError(foreign)).toBe(true);
    expect(isConflictError(foreign)).toBe(false);
    expect(errorKind(foreign)).toBe('validation');
    for (const value of [null, undefined, 'validation', new Error('plain'), { kind: 'validation' }]) {
      expect(isCustomerElementsError(value)).toBe(false);
      expect(isValidationError(value)).toBe(false);
    }
  });

  it('maps a fetch that throws to NetworkError, after retrying an idempotent read', async () => {
    const { client: api, calls } = client(() => {
      throw new TypeError('fetch failed');
    });
    const error = await rejection(api.customers.get('cus_000001'));
    expect(isNetworkError(error)).toBe(true);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/could not be reached/);
    expect(calls).toHaveLength(3);
  });

  it('maps its own timeout to TimeoutError, distinct from an abort, and does not retry it', async () => {
    const { client: api, calls } = client(hang, { timeout: 30 });
    const error = await rejection(api.customers.get('cus_000001'));
    expect(isTimeoutError(error)).toBe(true);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(30);
    expect((error as Error).name).not.toBe('AbortError');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signal.aborted).toBe(true);
  });
});

describe('aborts', () => {
  it('rejects with an AbortError, unwrapped, and never retries', async () => {
    const { client: api, calls } = client(hang);
    const controller = new AbortController();
    const pending = api.customers.get('cus_000001', { signal: controller.signal });
    await until(() => calls.length === 1, 'the request');
    controller.abort();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(isCustomerElementsError(error)).toBe(false);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("rejects with the signal's own reason", async () => {
    const { client: api } = client(hang);
    const controller = new AbortController();
    const reason = new Error('the user left the page');
    const pending = api.orders.prioritise('ord_1', true, { signal: controller.signal });
    controller.abort(reason);
    expect(await rejection(pending)).toBe(reason);
  });

  it('does not send a request whose signal is already aborted', async () => {
    const { client: api, calls } = client(() => json(customer()));
    const error = await rejection(api.customers.get('cus_000001', { signal: AbortSignal.abort() }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(calls).toHaveLength(0);
  });

  it('stops waiting for a retry when aborted during the backoff', async () => {
    const { client: api, calls } = client(() => problem(503), { retry: { limit: 2, backoffMs: 60_000 } });
    const controller = new AbortController();
    const pending = api.customers.get('cus_000001', { signal: controller.signal });
    await until(() => calls.length === 1, 'the first attempt');
    controller.abort();
    expect(((await rejection(pending)) as Error).name).toBe('AbortError');
    expect(calls).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a GET after a 503 and succeeds', async () => {
    const { client: api, calls } = client((_, n) => (n === 1 ? problem(503) : json(customer())));
    await expect(api.customers.get('cus_000001')).resolves.toMatchObject({ id: 'cus_000001' });
    expect(calls).toHaveLength(2);
  });

  it('retries PUT and DELETE, which are idempotent', async () => {
    const { client: api, calls } = client((request, n) =>
      n % 2 === 1 ? problem(502) : request.method === 'DELETE' ? new Response(null, { status: 204 }) : json({ customerId: 'cus_000001', version: 2, active: true, note: 'Beware', updatedAt: null, updatedBy: null }),
    );
    await api.watchList.set('cus_000001', 'Beware', { version: 1 });
    await api.addresses.delete('cus_000001', 'adr_1');
    expect(calls.map((call) => call.method)).toEqual(['PUT', 'PUT', 'DELETE', 'DELETE']);
  });

  it('retries POST and PATCH too, each with one Idempotency-Key on every attempt', async () => {
    const { client: api, calls } = client(() => problem(503));
    expect(await rejection(api.notes.create('cus_000001', { text: 'Called about the invoice' }))).toBeInstanceOf(HttpError);
    expect(await rejection(api.customers.update('cus_000001', { name: 'X' }, { version: 1 }))).toBeInstanceOf(HttpError);
    expect(calls.map((call) => call.method)).toEqual(['POST', 'POST', 'POST', 'PATCH', 'PATCH', 'PATCH']);
    const keys = calls.map((call) => call.headers.get('idempotency-key'));
    expect(keys.every((key) => typeof key === 'string' && /^[0-9a-f-]{36}$/.test(key))).toBe(true);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys.slice(3)).size).toBe(1);
    expect(keys[0]).not.toBe(keys[3]);
  });

  it('retries a POST after a network error with the same key, and says the outcome is uncertain when every try fails', async () => {
    const { client: api, calls } = client(() => {
      throw new TypeError('socket hang up');
    });
    const error = await rejection(api.orders.cancel('ord_1', {}));
    expect(isNetworkError(error)).toBe(true);
    expect(isUncertainError(error)).toBe(true);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((call) => call.headers.get('idempotency-key'))).size).toBe(1);
  });

  it('does not retry statuses that will not change (404, 422)', async () => {
    const { client: api, calls } = client(() => problem(404));
    await rejection(api.customers.get('cus_404'));
    expect(calls).toHaveLength(1);
  });

  it('stops after the limit, and retry: 0 disables retries', async () => {
    const limited = client(() => problem(500));
    expect(isHttpError(await rejection(limited.client.me.get()))).toBe(true);
    expect(limited.calls).toHaveLength(3);
    const none = client(() => problem(500), { retry: 0 });
    await rejection(none.client.me.get());
    expect(none.calls).toHaveLength(1);
  });

  it('asks for a fresh token on every attempt', async () => {
    let n = 0;
    const getToken = vi.fn(() => `token-${++n}`);
    const { client: api, calls } = client((_, call) => (call === 1 ? problem(503) : json(customer())), { getToken });
    await api.customers.get('cus_000001');
    expect(calls.map((call) => call.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('honours Retry-After, capped so a server cannot park the caller', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client: api, calls } = client((_, n) => (n === 1 ? problem(429, {}, { 'retry-after': '3600' }) : json(customer())));
    const pending = api.customers.get('cus_000001');
    await vi.advanceTimersByTimeAsync(MAX_RETRY_AFTER_MS - 100);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await expect(pending).resolves.toMatchObject({ id: 'cus_000001' });
    expect(calls).toHaveLength(2);
  });
});

describe('the token goes only to the API origin', () => {
  const token = 's3cret-token';

  it('sends Authorization: Bearer to the API, asking getToken per request', async () => {
    const getToken = vi.fn(async () => token);
    const { client: api, calls } = client(() => json(customer()), { getToken });
    await api.customers.get('cus_000001');
    await api.customers.get('cus_000002');
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(calls.map((call) => call.headers.get('authorization'))).toEqual([`Bearer ${token}`, `Bearer ${token}`]);
    for (const call of calls) expect(call.url).not.toContain(token);
  });

  it('sends no Authorization when there is no token', async () => {
    for (const value of [null, undefined, '']) {
      const { client: api, calls } = client(() => json(customer()), { getToken: () => value });
      await api.customers.get('cus_000001');
      expect(calls[0]!.headers.has('authorization')).toBe(false);
    }
  });

  it('lets a failing getToken fail the call as it is, without retrying', async () => {
    const failure = new Error('The session store is locked.');
    const { client: api, calls } = client(() => json(customer()), { getToken: () => Promise.reject(failure) });
    expect(await rejection(api.customers.get('cus_000001'))).toBe(failure);
    const bad = client(() => json(customer()), { getToken: () => 'abc\r\nX-Injected: 1' });
    expect(String(await rejection(bad.client.customers.get('cus_000001')))).toMatch(/cannot be sent as a bearer token/);
    expect(calls).toHaveLength(0);
    expect(bad.calls).toHaveLength(0);
  });

  it('strips credentials from a request to any other origin through the same machinery', async () => {
    const fake = fakeFetch(() => json({}));
    const getToken = vi.fn(() => token);
    const config = resolveConfig({ baseUrl: BASE, fetch: fake.fetch, getToken, headers: { Authorization: 'Bearer host-static' } });
    // The client's own ky instance and hooks, pointed at absolute URLs instead of the prefix.
    const http = createHttp(config).extend({ prefixUrl: '' });
    const others = [
      'https://evil.example.com/v1/customers',
      'https://api.example.com.evil.example/v1/customers',
      'http://api.example.com/v1/customers',
      'https://api.example.com:8443/v1/customers',
    ];
    for (const url of others) await http.get(url);
    await http.get('https://api.example.com/elsewhere-on-the-same-origin');
    expect(fake.calls.map((call) => [call.url, call.headers.get('authorization')])).toEqual([
      ...others.map((url) => [new URL(url).href, null]),
      ['https://api.example.com/elsewhere-on-the-same-origin', `Bearer ${token}`],
    ]);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  describe('across a redirect (fetch spec: Authorization is dropped on a cross-origin redirect)', () => {
    const servers: Server[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
    });

    interface Answer {
      status: number;
      headers?: Record<string, string>;
      body?: string;
    }
    async function listen(handler: (url: string, headers: IncomingHttpHeaders) => Answer) {
      const server = createServer((request, response) => {
        const answer = handler(request.url ?? '', request.headers);
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }

    it('does not carry the token to another origin, and keeps it on the same origin', async () => {
      const seenByOther: Array<string | undefined> = [];
      const seenByApi: Array<[string, string | undefined]> = [];
      const other = await listen((_, headers) => {
        seenByOther.push(headers.authorization);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(customer()) };
      });
      const api = await listen((url, headers): Answer => {
        seenByApi.push([url, headers.authorization]);
        if (url === '/v1/customers/moved') return { status: 307, headers: { location: `${other}/v1/customers/cus_000001` } };
        if (url === '/v1/customers/renamed') return { status: 307, headers: { location: '/v1/customers/cus_000001' } };
        return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(customer()) };
      });
      const sdk = createClient({ baseUrl: `${api}/v1`, getToken: () => token, retry: 0 });
      // Never followed to another origin: the other server hears nothing, and the caller is told.
      const error = await rejection(sdk.customers.get('moved'));
      expect(isRedirectError(error)).toBe(true);
      expect((error as RedirectError).location).toBe(`${other}/v1/customers/cus_000001`);
      expect(seenByApi).toEqual([['/v1/customers/moved', `Bearer ${token}`]]);
      expect(seenByOther).toEqual([]);
      // A read redirected within the API is followed, with the token.
      await sdk.customers.get('renamed');
      expect(seenByApi.slice(1)).toEqual([
        ['/v1/customers/renamed', `Bearer ${token}`],
        ['/v1/customers/cus_000001', `Bearer ${token}`],
      ]);
    });
  });
});

describe('uploads', () => {
  it('sends multipart with the file part in Node, reporting progress at start and end', async () => {
    const { client: api, calls } = client(async (request) => {
      const form = await request.formData();
      const file = form.get('file') as File;
      return json(
        {
          id: 'att_1',
          customerId: 'cus_000001',
          orderId: null,
          filename: file.name,
          contentType: file.type,
          size: file.size,
          uploadedAt: '2026-02-01T10:00:00.000Z',
          uploadedBy: { type: 'user', id: 'usr_admin', name: 'Admin' },
        },
        201,
      );
    });
    const progress: Array<[number, number]> = [];
    const file = new Blob(['hello world'], { type: 'text/plain' });
    const attachment = await api.attachments.upload('cus_000001', file, { filename: 'hello.txt', onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(attachment).toMatchObject({ filename: 'hello.txt', contentType: 'text/plain', size: 11 });
    expect(calls[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(progress).toEqual([[0, 11], [11, 11]]);
  });

  it('uses XMLHttpRequest when there is one and progress is wanted, with the same auth and errors', async () => {
    const sent: Array<{ url: string; headers: Record<string, string>; body: unknown }> = [];
    class FakeXhr {
      static status = 201;
      static body = '';
      upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      ontimeout: (() => void) | null = null;
      onabort: (() => void) | null = null;
      responseType = '';
      timeout = 0;
      status = 0;
      statusText = '';
      response: Blob | null = null;
      #url = '';
      #headers: Record<string, string> = {};
      #contentType = 'application/json';
      open(_method: string, url: string) {
        this.#url = url;
      }
      setRequestHeader(name: string, value: string) {
        this.#headers[name.toLowerCase()] = value;
      }
      getAllResponseHeaders() {
        return `content-type: ${this.#contentType}\r\n`;
      }
      abort() {
        this.onabort?.();
      }
      send(body: unknown) {
        sent.push({ url: this.#url, headers: this.#headers, body });
        queueMicrotask(() => {
          this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 11 } as ProgressEvent);
          this.upload.onprogress?.({ lengthComputable: true, loaded: 11, total: 11 } as ProgressEvent);
          this.status = FakeXhr.status;
          if (FakeXhr.status >= 400) this.#contentType = 'application/problem+json';
          this.response = new Blob([FakeXhr.body]);
          this.onload?.();
        });
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.body = JSON.stringify({
      id: 'att_2',
      customerId: 'cus_000001',
      orderId: null,
      filename: 'scan.png',
      contentType: 'image/png',
      size: 11,
      uploadedAt: '2026-02-01T10:00:00.000Z',
      uploadedBy: { type: 'user', id: 'usr_admin', name: 'Admin' },
    });
    const { client: api, calls } = client(() => json({}), { getToken: () => 'xhr-token' });
    const progress: number[] = [];
    const attachment = await api.attachments.upload('cus_000001', new Blob(['hello world']), { filename: 'scan.png', onProgress: (loaded) => progress.push(loaded) });
    expect(attachment.id).toBe('att_2');
    expect(progress).toEqual([5, 11]);
    expect(calls).toHaveLength(0);
    expect(sent[0]!.url).toBe(`${BASE}/customers/cus_000001/attachments`);
    expect(sent[0]!.headers.authorization).toBe('Bearer xhr-token');
    expect((sent[0]!.body as FormData).get('file')).toBeInstanceOf(Blob);

    FakeXhr.status = 413;
    FakeXhr.body = JSON.stringify({ title: 'The file is too large', status: 413, detail: 'Files can be up to 10 MB.' });
    const error = await rejection(api.attachments.upload('cus_000001', new Blob(['x']), { onProgress: () => undefined }));
    expect(isHttpError(error)).toBe(true);
    expect((error as HttpError).message).toBe('Files can be up to 10 MB.');
  });
});
