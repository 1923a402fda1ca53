/**
 * The huge customer: orders computed by index (mocks/data/virtual-orders.ts), paged through the
 * real handler, checked against a brute-force oracle on a small count and by arithmetic at
 * 2,000,000, and never held whole in memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderSummary, Page, Problem } from '../../src/sdk/schemas.js';
import { createDatabase } from '../../mocks/data/index.js';
import { setupMockApi } from '../../mocks/node.js';

const HUGE = 2_000_000;
const SMALL = { customers: 40, orders: 300, bigCustomerOrders: 150, manyNotes: 20 };

const mock = setupMockApi({ seed: 5, size: { ...SMALL, hugeCustomerOrders: HUGE } });
const { db, tokens } = mock;
const huge = db.fixtures.hugeOrders!;

beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.scenario.reset());
afterAll(() => mock.server.close());

async function call(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${mock.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${tokens.admin}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function page(query: string): Promise<Page<OrderSummary>> {
  const res = await call(`/customers/${huge}/orders?${query}`);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as Page<OrderSummary>;
}

const numberOf = (o: OrderSummary) => Number(o.number.slice(3));
/** The store's comparators for ordinary customers: by number (shorter first), by date then number. */
const byNumber = (a: OrderSummary, b: OrderSummary) => a.number.length - b.number.length || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
const byDate = (a: OrderSummary, b: OrderSummary) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0) || byNumber(a, b);

describe('the huge customer', () => {
  let first: number; // the number of the oldest order, as an integer

  beforeAll(async () => {
    first = numberOf((await page('sort=number&order=asc&limit=1')).items[0]!);
  });

  it('exists only when asked for, with the count asked for', () => {
    expect(huge).toMatch(/^cus_/);
    expect(db.countOrders(huge)).toBe(HUGE);
    expect(db.getCustomer(huge)?.name).toBe('Colossus Distribution Ltd');
    expect(createDatabase({ seed: 5, size: SMALL }).fixtures.hugeOrders).toBeNull();
  });

  it('pages the first, middle and last orders, newest first by default', async () => {
    const head = await page('limit=3');
    expect(head.total).toBe(HUGE);
    expect(head.items.map(numberOf)).toEqual([first + HUGE - 1, first + HUGE - 2, first + HUGE - 3]);

    const middle = await page(`offset=${HUGE / 2}&limit=4`);
    expect(middle.items.map(numberOf)).toEqual([0, 1, 2, 3].map((k) => first + HUGE - 1 - HUGE / 2 - k));

    const tail = await page(`offset=${HUGE - 2}&limit=10`);
    expect(tail.items.map(numberOf)).toEqual([first + 1, first]);
    expect(tail.nextCursor).toBeNull();

    // Dates fall as numbers do, across pages far apart.
    const dates = [head.items[0]!, middle.items[0]!, middle.items[3]!, tail.items[1]!].map((o) => o.placedAt);
    for (let i = 1; i < dates.length; i++) expect(dates[i]! <= dates[i - 1]!).toBe(true);
    // Each row is the order itself (the detail agrees with the summary).
    const detail = (await (await call(`/orders/${middle.items[1]!.id}`)).json()) as Order;
    expect([detail.number, detail.placedAt, detail.customerId]).toEqual([middle.items[1]!.number, middle.items[1]!.placedAt, huge]);
  });

  it('sorts by date and by number both ways, the one the mirror of the other', async () => {
    for (const sort of ['placedAt', 'number']) {
      const asc = await page(`sort=${sort}&order=asc&offset=1234567&limit=5`);
      expect(asc.items.map(numberOf)).toEqual([0, 1, 2, 3, 4].map((k) => first + 1234567 + k));
      const desc = await page(`sort=${sort}&order=desc&offset=${HUGE - 1234567 - 5}&limit=5`);
      expect(desc.items.map((o) => o.id)).toEqual(asc.items.map((_, k) => asc.items[asc.items.length - 1 - k]!.id));
      for (let i = 1; i < asc.items.length; i++) expect(asc.items[i]!.placedAt >= asc.items[i - 1]!.placedAt).toBe(true);
    }
  });

  it('follows cursors from deep in the list', async () => {
    const a = await page(`sort=number&order=asc&offset=1999990&limit=4`);
    const b = await page(`sort=number&order=asc&limit=4&cursor=${encodeURIComponent(a.nextCursor!)}`);
    expect(b.items.map(numberOf)).toEqual([first + 1999994, first + 1999995, first + 1999996, first + 1999997]);
  });

  it('finds by order-number prefix by arithmetic', async () => {
    const target = first + 1_500_000; // a seven-digit number
    const prefix = String(target).slice(0, 4);
    const found = await page(`q=so-${prefix}&sort=number&order=asc&limit=2`);
    const lo = Math.max(first, Number(prefix) * 1000);
    const hi = Math.min(first + HUGE, (Number(prefix) + 1) * 1000);
    expect(found.total).toBe(hi - lo);
    expect(found.items.map(numberOf)).toEqual([lo, lo + 1]);
    expect((await page(`q=SO-${target}`)).items.map(numberOf)).toEqual([target]);
    expect((await page('q=so-0')).total).toBe(0);
    expect((await page('q=nonsense')).total).toBe(0);
    expect((await page('q=so')).total).toBe(HUGE);
  });

  it('refuses the filters and sorts it cannot answer with a 400 naming the field, never a wrong page', async () => {
    for (const [query, field] of [['status=cancelled', 'status'], ['salesChannelId=chn_trade', 'salesChannelId'], ['sort=total', 'sort'], ['sort=quantity&order=asc', 'sort'], ['sort=status', 'sort']] as const) {
      const res = await call(`/customers/${huge}/orders?${query}`);
      expect(res.status, query).toBe(400);
      const problem = (await res.json()) as Problem;
      expect(problem.type).toMatch(/unsupported-query$/);
      expect(problem.errors?.[0]?.field).toBe(field);
      expect(problem.detail).toMatch(/generated on demand/);
    }
  });

  it('keeps an order the user changed, in its place', async () => {
    const target = (await page(`sort=number&order=asc&offset=1700000&limit=1`)).items[0]!;
    const before = target.status;
    const res = await call(`/orders/${target.id}/cancel`, { method: 'POST', body: { reason: 'Test' } });
    const after = (await page(`sort=number&order=asc&offset=1700000&limit=1`)).items[0]!;
    expect(after.id).toBe(target.id);
    if (before === 'unallocated' || before === 'allocated') {
      expect(res.status).toBe(200);
      expect(after.status).toBe('cancelled');
      expect(after.version).toBe(target.version + 1);
    } else {
      expect(res.status).toBe(409);
      expect(after.status).toBe(before);
    }
    expect(db.virtualOrders(huge)!.changedCount).toBeLessThanOrEqual(1);
  });

  it('is found by customer search on one of its order numbers', () => {
    const number = `SO-${first + 1_999_999}`;
    expect(db.searchCustomers({ q: number, criterion: 'orderNumber' }).map((c) => c.id)).toEqual([huge]);
  });
});

describe('virtual orders against a brute-force oracle', () => {
  const small = createDatabase({ seed: 9, size: { ...SMALL, hugeCustomerOrders: 2_345 } });
  const id = small.fixtures.hugeOrders!;
  const virtual = small.virtualOrders(id)!;
  // Every order, read one by one, sorted and filtered the way the store sorts ordinary customers.
  const all: OrderSummary[] = [];
  for (let n = virtual.start; n < virtual.start + virtual.count; n++) all.push(small.getOrderSummary(`ord_${String(n + 1).padStart(7, '0')}`)!);

  it('gives every page of every supported query', () => {
    const lastNumber = Number(all.at(-1)!.number.slice(3));
    const prefixes = [undefined, 'so-', `so-${String(lastNumber).slice(0, 5)}`, `SO-${String(lastNumber).slice(0, 6)}`, ` so-${lastNumber} `, 'so-9', 'x'];
    for (const sort of ['placedAt', 'number'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const q of prefixes) {
          const needle = q?.trim().toLowerCase() ?? '';
          const expected = all
            .filter((o) => o.number.toLowerCase().startsWith(needle))
            .sort((a, b) => (order === 'asc' ? 1 : -1) * (sort === 'number' ? byNumber(a, b) : byDate(a, b)));
          const rows = virtual.rows({ sort, order, ...(q === undefined ? {} : { q }) });
          expect(rows.length, `${sort} ${order} ${q}`).toBe(expected.length);
          for (const [start, end] of [[0, 7], [100, 350], [expected.length - 3, expected.length + 5], [expected.length, expected.length + 1]] as const) {
            expect(rows.slice(start, end).map((o) => o.id), `${sort} ${order} ${q} ${start}`).toEqual(expected.slice(start, end).map((o) => o.id));
          }
        }
      }
    }
  });

  it('leaves every other record of the data set as it was without it', () => {
    const without = createDatabase({ seed: 9, size: SMALL });
    const strip = (base: typeof small) => base.searchCustomers({}).filter((c) => c.id !== id).map((c) => base.toCustomer(c));
    expect(strip(small)).toEqual(strip(without));
    for (const c of without.searchCustomers({}).slice(0, 25)) {
      expect(small.ordersOf(c.id, {}), c.id).toEqual(without.ordersOf(c.id, {}));
      expect(small.addressesOf(c.id)).toEqual(without.addressesOf(c.id));
      expect(small.notesOf(c.id)).toEqual(without.notesOf(c.id));
    }
    const big = without.fixtures.customers.bigOrders;
    expect(small.ordersOf(big, { sort: 'total', order: 'desc' }).slice(0, 50)).toEqual(without.ordersOf(big, { sort: 'total', order: 'desc' }).slice(0, 50));
  });
});

describe('memory', () => {
  it('pages 2,000,000 orders from start to end without holding them (heap grows by far less than one array of that size)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    // Warm up the code paths (and their one-time allocations) on a separate database first.
    const warm = createDatabase({ seed: 2, size: { ...SMALL, hugeCustomerOrders: 1_000 } });
    warm.virtualOrders(warm.fixtures.hugeOrders!)!.rows({}).slice(0, 10);
    const before = heap();
    const fresh = createDatabase({ seed: 2, size: { ...SMALL, hugeCustomerOrders: HUGE } });
    const virtual = fresh.virtualOrders(fresh.fixtures.hugeOrders!)!;
    let seen = 0;
    for (const query of [{}, { sort: 'number', order: 'asc' as const }, { sort: 'placedAt', order: 'asc' as const }, { q: 'so-2' }]) {
      const rows = virtual.rows(query);
      // 200 pages of 100 spread over the whole list, first and last included.
      for (let p = 0; p <= 200; p++) {
        const offset = Math.min(rows.length - 100, Math.floor((p / 200) * rows.length));
        seen += rows.slice(Math.max(0, offset), Math.max(0, offset) + 100).length;
      }
    }
    expect(seen).toBeGreaterThan(60_000);
    expect(fresh.countOrders(fresh.fixtures.hugeOrders!)).toBe(HUGE);
    const grown = heap() - before;
    // One slot per order (an empty Array(2_000_000)) alone is 16 MB; the orders themselves, hundreds.
    expect(grown, `heap grew by ${(grown / 1e6).toFixed(1)} MB`).toBeLessThan(8_000_000);
  });
});
