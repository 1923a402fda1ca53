/**
 * The shared cache, observed through the client: one request for identical concurrent reads,
 * per-caller aborts, freshness, and writes that update or drop what they affect and notify the
 * subscribers of the tags involved.
 */
import { describe, expect, it, vi } from 'vitest';
import { createClient, tags, type ClientOptions } from '../../src/sdk/index.js';
import { customer, fakeFetch, hang, json, page, problem, summary, until, watchList, type Responder } from './support.js';

const BASE = 'https://api.example.com/v1';

function setup(respond: Responder, options: Partial<ClientOptions> = {}) {
  const fake = fakeFetch(respond);
  return { ...fake, client: createClient({ baseUrl: BASE, fetch: fake.fetch, retry: 0, ...options }) };
}

const path = (url: string) => new URL(url).pathname.replace(/^\/v1/, '');

/** A fetch whose answers the test releases one by one. */
function gated(answer: (request: Request) => Response) {
  const waiting: Array<() => void> = [];
  const respond: Responder = (request) =>
    new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      waiting.push(() => resolve(answer(request)));
    });
  return { respond, release: () => waiting.shift()?.() };
}

describe('de-duplication', () => {
  it('makes one request for identical concurrent reads', async () => {
    const { client, calls } = setup(() => json(customer()));
    const [a, b, c] = await Promise.all([
      client.customers.get('cus_000001'),
      client.customers.get('cus_000001'),
      client.customers.get('cus_000001'),
    ]);
    expect(calls).toHaveLength(1);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
  });

  it('keys reads by params and query, whatever the key order', async () => {
    const { client, calls } = setup(() => json(page([summary()])));
    await Promise.all([
      client.customers.search({ q: 'ada', criterion: 'name' }),
      client.customers.search({ criterion: 'name', q: 'ada', segment: undefined }),
      client.customers.search({ q: 'ada', criterion: 'email' }),
    ]);
    expect(calls).toHaveLength(2);
  });

  it('lets one caller abort at once while the shared request continues for the others', async () => {
    const gate = gated(() => json(customer()));
    const { client, calls } = setup(gate.respond);
    const leaving = new AbortController();
    const first = client.customers.get('cus_000001', { signal: leaving.signal });
    const second = client.customers.get('cus_000001', { signal: new AbortController().signal });
    await until(() => calls.length === 1, 'the shared request');
    leaving.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(false);
    gate.release();
    await expect(second).resolves.toMatchObject({ id: 'cus_000001' });
    expect(calls).toHaveLength(1);
  });

  it('aborts the shared request when every waiter has aborted, and the next read starts afresh', async () => {
    const { client, calls } = setup((request, n) => (n === 1 ? hang(request) : json(customer())));
    const one = new AbortController();
    const two = new AbortController();
    const first = client.customers.get('cus_000001', { signal: one.signal });
    const second = client.customers.get('cus_000001', { signal: two.signal });
    await until(() => calls.length === 1, 'the shared request');
    one.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(false);
    two.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(true);
    await expect(client.customers.get('cus_000001')).resolves.toMatchObject({ id: 'cus_000001' });
    expect(calls).toHaveLength(2);
  });

  it('shares a failure but does not cache it', async () => {
    const { client, calls } = setup((_, n) => (n === 1 ? problem(404) : json(customer())));
    const results = await Promise.allSettled([client.customers.get('cus_000001'), client.customers.get('cus_000001')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(client.customers.get('cus_000001')).resolves.toMatchObject({ id: 'cus_000001' });
    expect(calls).toHaveLength(2);
  });
});

describe('freshness', () => {
  it('serves a resolved read from the cache while fresh; reload fetches again', async () => {
    const { client, calls } = setup((_, n) => json(customer({ version: n })));
    expect((await client.customers.get('cus_000001')).version).toBe(1);
    expect((await client.customers.get('cus_000001')).version).toBe(1);
    expect(calls).toHaveLength(1);
    expect((await client.customers.get('cus_000001', { cache: 'reload' })).version).toBe(2);
    expect((await client.customers.get('cus_000001')).version).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('refetches once staleTime has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { client, calls } = setup((_, n) => json(customer({ version: n })), { staleTime: 1000 });
      await client.customers.get('cus_000001');
      vi.advanceTimersByTime(999);
      await client.customers.get('cus_000001');
      expect(calls).toHaveLength(1);
      vi.advanceTimersByTime(2);
      expect((await client.customers.get('cus_000001')).version).toBe(2);
      expect(calls).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays bounded: the least recently stored reads are dropped first', async () => {
    const { client, calls } = setup((request) => json(page([summary({ name: new URL(request.url).searchParams.get('q') ?? '' })])), { cacheSize: 3 });
    for (const q of ['a', 'b', 'c', 'd']) await client.customers.search({ q });
    expect(calls).toHaveLength(4);
    await client.customers.search({ q: 'd' });
    await client.customers.search({ q: 'b' });
    expect(calls).toHaveLength(4);
    await client.customers.search({ q: 'a' });
    expect(calls).toHaveLength(5);
  });

  it('cache.clear forgets everything and tells every subscriber', async () => {
    const { client, calls } = setup(() => json(customer()));
    await client.customers.get('cus_000001');
    const listener = vi.fn();
    client.cache.subscribe([tags.customer('cus_000001')], listener);
    client.cache.clear();
    expect(listener).toHaveBeenCalledTimes(1);
    await client.customers.get('cus_000001');
    expect(calls).toHaveLength(2);
  });
});

/** A small stateful API of one customer: version bumps on every change, as the server does. */
function api() {
  let version = 1;
  let watched = false;
  return setup(async (request) => {
    const route = `${request.method} ${path(request.url)}`;
    switch (route) {
      case 'GET /customers/cus_000001':
        return json(customer({ version, watchListed: watched }));
      case 'PATCH /customers/cus_000001':
        version++;
        return json(customer({ version, name: ((await request.json()) as { name: string }).name, watchListed: watched }));
      case 'GET /customers':
        return json(page([summary({ watchListed: watched }), summary({ id: 'cus_000002', name: 'Babbage' })]));
      case 'GET /customers/cus_000001/notes':
        return json(page([]));
      case 'PUT /customers/cus_000001/watch-list':
        watched = true;
        version++;
        return json(watchList('cus_000001', 'Returned several items complaining of damage, so beware.'));
      case 'DELETE /customers/cus_000001/watch-list':
        watched = false;
        version++;
        return json(watchList('cus_000001', null));
      case 'POST /customers/cus_000001/notes':
        return json({
          id: 'not_1', customerId: 'cus_000001', source: 'manual', kind: 'call', text: 'Called', pinned: false,
          author: { type: 'user', id: 'usr_admin', name: 'Admin' }, createdAt: '2026-02-01T10:00:00.000Z', changes: [], removed: null,
        }, 201);
      default:
        return problem(404, { detail: `No route ${route} in this test.` });
    }
  });
}

describe('writes update what they affect and notify once', () => {
  it('customers.update puts the new customer, drops search and notes, and notifies each subscriber once', async () => {
    const { client, calls } = api();
    await client.customers.get('cus_000001');
    await client.customers.search({ q: 'a' });
    await client.notes.list('cus_000001');
    const card = vi.fn();
    const notes = vi.fn();
    const everything = vi.fn();
    const orders = vi.fn();
    client.cache.subscribe([tags.customer('cus_000001')], card);
    client.cache.subscribe([tags.notes('cus_000001')], notes);
    client.cache.subscribe([tags.customer('cus_000001'), tags.search(), tags.notes('cus_000001')], everything);
    client.cache.subscribe([tags.orders('cus_000001')], orders);
    const before = calls.length;

    await client.customers.update('cus_000001', { name: 'Ada Byron' }, { version: 1 });
    expect([card.mock.calls.length, notes.mock.calls.length, everything.mock.calls.length, orders.mock.calls.length]).toEqual([1, 1, 1, 0]);

    // The card sees the new value without a request; search and notes refetch.
    expect(await client.customers.get('cus_000001')).toMatchObject({ name: 'Ada Byron', version: 2 });
    expect(calls.length).toBe(before + 1);
    await client.customers.search({ q: 'a' });
    await client.notes.list('cus_000001');
    expect(calls.slice(before + 1).map((call) => path(call.url))).toEqual(['/customers', '/customers/cus_000001/notes']);
  });

  it('watchList.set patches the cached search page and customer in place, so badges update at once', async () => {
    const { client, calls } = api();
    const found = await client.customers.search({ q: 'a' });
    expect(found.items[0]?.watchListed).toBe(false);
    await client.customers.get('cus_000001');
    const badge = vi.fn();
    const results = vi.fn();
    client.cache.subscribe([tags.customer('cus_000001')], badge);
    client.cache.subscribe([tags.search()], results);
    const before = calls.length;

    const set = await client.watchList.set('cus_000001', 'Returned several items complaining of damage, so beware.', { version: 0 });
    expect(set.active).toBe(true);
    expect(badge).toHaveBeenCalledTimes(1);
    expect(results).toHaveBeenCalledTimes(1);

    const again = await client.customers.search({ q: 'a' });
    expect(again.items.map((item) => [item.id, item.watchListed])).toEqual([['cus_000001', true], ['cus_000002', false]]);
    expect(await client.watchList.get('cus_000001')).toEqual(set);
    expect(calls.length).toBe(before + 1); // only the PUT
    // The server bumped the customer's version: the next read of the customer fetches it afresh.
    expect(await client.customers.get('cus_000001')).toMatchObject({ watchListed: true, version: 2 });
    expect(calls.length).toBe(before + 2);

    await client.watchList.clear('cus_000001', { version: set.version });
    expect((await client.customers.search({ q: 'a' })).items[0]?.watchListed).toBe(false);
  });

  it('a note added drops the notes list only', async () => {
    const { client, calls } = api();
    await client.customers.get('cus_000001');
    await client.notes.list('cus_000001');
    const card = vi.fn();
    const notes = vi.fn();
    client.cache.subscribe([tags.customer('cus_000001')], card);
    const unsubscribe = client.cache.subscribe([tags.notes('cus_000001')], notes);
    await client.notes.create('cus_000001', { text: 'Called', kind: 'call' });
    expect([card.mock.calls.length, notes.mock.calls.length]).toEqual([0, 1]);
    const before = calls.length;
    await client.customers.get('cus_000001');
    await client.notes.list('cus_000001');
    expect(calls.slice(before).map((call) => path(call.url))).toEqual(['/customers/cus_000001/notes']);
    unsubscribe();
    await client.notes.create('cus_000001', { text: 'Called again' });
    expect(notes).toHaveBeenCalledTimes(1);
  });

  it('does not store a read that was in flight when its data was invalidated', async () => {
    const gate = gated(() => json(page([])));
    const { client, calls } = setup(async (request) =>
      request.method === 'POST'
        ? json({
            id: 'not_1', customerId: 'cus_000001', source: 'manual', kind: null, text: 'x', pinned: false,
            author: { type: 'user', id: 'usr_admin', name: 'Admin' }, createdAt: '2026-02-01T10:00:00.000Z', changes: [], removed: null,
          }, 201)
        : gate.respond(request, 0),
    );
    const stale = client.notes.list('cus_000001');
    await until(() => calls.length === 1, 'the read');
    await client.notes.create('cus_000001', { text: 'x' });
    gate.release();
    await stale;
    const fresh = client.notes.list('cus_000001');
    await until(() => calls.length === 3, 'a new read');
    gate.release();
    await fresh;
  });

  it('a throwing listener does not stop the others or fail the write', async () => {
    const { client } = api();
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      const good = vi.fn();
      client.cache.subscribe([tags.notes('cus_000001')], () => {
        throw new Error('listener bug');
      });
      client.cache.subscribe([tags.notes('cus_000001')], good);
      await expect(client.notes.create('cus_000001', { text: 'Called' })).resolves.toMatchObject({ id: 'not_1' });
      expect(good).toHaveBeenCalledTimes(1);
      await until(() => errors.length === 1, 'the listener error to be reported');
      expect(errors[0]).toMatchObject({ message: 'listener bug' });
    } finally {
      process.off('uncaughtException', onError);
    }
  });

  it('cache.invalidate drops and notifies on demand', async () => {
    const { client, calls } = api();
    await client.customers.get('cus_000001');
    const listener = vi.fn();
    client.cache.subscribe([tags.customer('cus_000001')], listener);
    client.cache.invalidate([tags.customer('cus_000001')]);
    expect(listener).toHaveBeenCalledTimes(1);
    await client.customers.get('cus_000001');
    expect(calls).toHaveLength(2);
  });
});

describe('pagination', () => {
  it('visits every item once, following nextCursor until null', async () => {
    const pages: Record<string, { ids: string[]; next: string | null }> = {
      '': { ids: ['cus_1', 'cus_2'], next: 'c2' },
      c2: { ids: ['cus_3', 'cus_4'], next: 'c3' },
      c3: { ids: ['cus_5'], next: null },
    };
    const { client, calls } = setup((request) => {
      const at = pages[new URL(request.url).searchParams.get('cursor') ?? '']!;
      return json({ items: at.ids.map((id) => summary({ id })), nextCursor: at.next, total: 5 });
    });
    const seen: string[] = [];
    for await (const item of client.customers.searchAll({ q: 'a', limit: 2 })) seen.push(item.id);
    expect(seen).toEqual(['cus_1', 'cus_2', 'cus_3', 'cus_4', 'cus_5']);
    expect(calls.map((call) => new URL(call.url).search)).toEqual(['?q=a&limit=2', '?q=a&limit=2&cursor=c2', '?q=a&limit=2&cursor=c3']);
  });

  it('fetches the next page only when it is wanted, and stops on abort', async () => {
    const { client, calls } = setup((request) => {
      const cursor = Number(new URL(request.url).searchParams.get('cursor') ?? '0');
      return json({ items: [summary({ id: `cus_${cursor}` })], nextCursor: String(cursor + 1), total: 1000 });
    });
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const item of client.customers.searchAll({}, { signal: controller.signal })) {
        seen.push(item.id);
        if (seen.length === 3) controller.abort();
      }
    };
    await expect(walk()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['cus_0', 'cus_1', 'cus_2']);
    expect(calls).toHaveLength(3);
  });

  it('refuses to loop forever on a repeated cursor', async () => {
    const { client } = setup(() => json({ items: [summary()], nextCursor: 'same', total: 2 }));
    const walk = async () => {
      for await (const _ of client.customers.searchAll({})) {
        // consume
      }
    };
    await expect(walk()).rejects.toMatchObject({ kind: 'invalid-response', message: expect.stringMatching(/repeated a cursor/) });
  });
});
