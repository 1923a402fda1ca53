/**
 * Order entry through the SDK on the MSW Node handlers: product search, discounts, quotes, placing
 * (allocation, the payment-terms rule, season pre-orders, one order per intent) and editing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../../mocks/data/index.js';
import { catalogueOf } from '../../mocks/data/catalogue.js';
import { setupMockApi, type MockApi } from '../../mocks/node.js';
import { createClient, isConflictError, isForbiddenError, isUncertainError, isValidationError, tags } from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

const db = createDatabase({ size: { customers: 50, orders: 500, bigCustomerOrders: 2000, manyNotes: 200 } });
const f = db.fixtures;
let mock: MockApi;
const client = (token: 'admin' | 'clerk' | 'viewer' = 'clerk') =>
  createClient({ baseUrl: mock.baseUrl, getToken: () => mock.tokens[token], retry: { limit: 2, backoffMs: 1 } });

beforeAll(() => {
  mock = setupMockApi({ db });
  mock.server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => mock.server.close());
beforeEach(() => mock.scenario.reset());

const addressOf = (customerId: string) => db.addressesOf(customerId)[0]!.id;

describe('catalogue', () => {
  it('finds products by SKU, barcode and words of the name', async () => {
    const api = client();
    const bySku = await api.products.search({ q: 'mug-stn-sag' });
    expect(bySku.items[0]!.sku).toBe('MUG-STN-SAG');
    const barcode = bySku.items[0]!.barcode;
    const byBarcode = await api.products.search({ q: barcode });
    expect(byBarcode.items.map((p) => p.sku)).toEqual(['MUG-STN-SAG']);
    const byName = await api.products.search({ q: 'stonew sage', limit: 100 });
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((p) => /stoneware/i.test(p.name) && /sage/i.test(p.name))).toBe(true);
    expect((await api.products.search({ q: 'zzzz-nothing' })).total).toBe(0);
  });

  it('answers a search at the largest catalogue from its indexes: the work is the rarest word\u2019s matches, not 50,000 products', async () => {
    const { searchProducts } = await import('../../mocks/data/catalogue.js');
    const big = createDatabase({ size: { customers: 10_000, orders: 1000, bigCustomerOrders: 10, manyNotes: 10 } });
    const state = catalogueOf(big);
    expect(state.products.length).toBe(50_000);
    const stats = { examined: 0 };
    const hits = searchProducts(state, 'edition stoneware sage 12', undefined, stats);
    expect(hits.map((p) => p.sku)).toContain('MUG-STN-SAG-E12');
    expect(hits.every((p) => /stoneware/i.test(p.name) && /sage/i.test(p.name))).toBe(true);
    expect(stats.examined).toBeLessThan(5_000); // the 3,333 stoneware mugs, a fifteenth of the catalogue
    const bySku = { examined: 0 };
    expect(searchProducts(state, 'MUG-STN-SAG-E12', undefined, bySku).map((p) => p.sku)).toContain('MUG-STN-SAG-E12');
    expect(bySku.examined).toBeLessThan(50);
  }, 120_000); // building a 10,000-customer data set takes a while on a busy machine
});

describe('quotes and orders', () => {
  it('prices a trade customer from the Trade list less their discounts, with VAT and totals from the server', async () => {
    const api = client();
    const quote = await api.orders.quote(f.customers.creditTrade, { lines: [{ sku: 'TT-LIN-SAG', quantity: 2 }, { sku: 'CDL-SOY-SAG', quantity: 1 }] });
    expect(quote.priceList).toBe('Trade');
    const [towel, candle] = quote.lines;
    expect(towel!.listPrice.amountMinor).toBe(425); // 850 retail, Trade list at half
    expect(towel!.discount).toEqual({ kind: 'group', percent: 10 });
    expect(towel!.unitPrice.amountMinor).toBe(383);
    expect(candle!.discount).toEqual({ kind: 'sku', percent: null });
    expect(candle!.unitPrice.amountMinor).toBe(700);
    const t = quote.totals;
    expect(t.subtotal.amountMinor).toBe(383 * 2 + 700);
    expect(t.total.amountMinor).toBe(t.subtotal.amountMinor + t.shipping.amountMinor + t.tax.amountMinor);
    expect(quote.dispatch).toBe('queue');
  });

  it('places a credit customer\u2019s order into the dispatch queue and a full-payment customer\u2019s order to wait', async () => {
    const api = client();
    const trade = f.customers.creditTrade;
    const amazon = f.customers.amazon;
    const listener = vi.fn();
    api.cache.subscribe([tags.orders(trade)], listener);
    const before = await api.orders.list(trade, { limit: 1 });
    const first = await api.orders.place(trade, { lines: [{ sku: 'MUG-STN-OCH', quantity: 1 }], deliveryAddressId: addressOf(trade), billingAddressId: addressOf(trade) });
    expect(first.hold).toBeNull();
    expect(first.lines[0]!.allocatedQuantity).toBe(1);
    expect(listener).toHaveBeenCalled();
    const after = await api.orders.list(trade, { limit: 1 });
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]!.id).toBe(first.id);

    const second = await api.orders.place(amazon, { lines: [{ sku: 'MUG-STN-OCH', quantity: 1 }], deliveryAddressId: addressOf(amazon), billingAddressId: addressOf(amazon) });
    expect(second.hold).toBe('payment');
    const queueTrade = await api.orders.list(trade, { ready: true, limit: 500 });
    const queueAmazon = await api.orders.list(amazon, { ready: true, limit: 500 });
    expect(queueTrade.items.some((o) => o.id === first.id)).toBe(true);
    expect(queueAmazon.items.some((o) => o.id === second.id)).toBe(false);
  });

  it('a season pre-order is priced at the season\u2019s prices and allocates nothing', async () => {
    const api = client();
    const trade = f.customers.creditTrade;
    const season = db.reference.seasons.find((s) => s.id === 'ssn_ss27_preorder')!;
    const stock = (await api.products.get('LMP-BRS-NAV')).stock.reduce((n, s) => n + s.available, 0);
    const order = await api.orders.place(trade, { seasonId: season.id, lines: [{ sku: 'LMP-BRS-NAV', quantity: 2 }], deliveryAddressId: addressOf(trade), billingAddressId: addressOf(trade) });
    expect(order.seasonId).toBe(season.id);
    expect(order.hold).toBe('season');
    expect(order.lines[0]!.listPrice!.amountMinor).toBe(Math.round(7400 * 0.5 * 0.85));
    expect(order.lines[0]!.allocatedQuantity).toBe(0);
    expect((await api.products.get('LMP-BRS-NAV', { cache: 'reload' })).stock.reduce((n, s) => n + s.available, 0)).toBe(stock);
  });

  it('a lost answer to place-order, then Place again, makes exactly one order', async () => {
    const api = client();
    const trade = f.customers.creditTrade;
    const body = { lines: [{ sku: 'BWL-CER-RUS', quantity: 3 }], deliveryAddressId: addressOf(trade), billingAddressId: addressOf(trade) };
    const before = db.countOrders(trade);
    // The SDK retries with the same key (three attempts): every answer is lost, so the clerk sees an uncertain failure.
    mock.scenario.failNext('orders.place', 'lost', 3);
    const lost = await rejection(api.orders.place(trade, body));
    expect(isUncertainError(lost)).toBe(true);
    expect(db.countOrders(trade)).toBe(before + 1);
    // Place again: the same intent, so the server replays the first order.
    const order = await api.orders.place(trade, body);
    expect(db.countOrders(trade)).toBe(before + 1);
    expect(db.getOrder(order.id)!.lines[0]!.sku).toBe('BWL-CER-RUS');
  });

  it('edits an open order: totals and allocation follow; a dispatched order says why not', async () => {
    const api = client();
    const trade = f.customers.creditTrade;
    const order = await api.orders.place(trade, { lines: [{ sku: 'PLT-ENM-SAG', quantity: 1 }], deliveryAddressId: addressOf(trade), billingAddressId: addressOf(trade) });
    const quote = await api.orders.quote(trade, { orderId: order.id, lines: [{ sku: 'PLT-ENM-SAG', quantity: 4 }, { sku: 'NBK-A5-OAT', quantity: 2 }] });
    const edited = await api.orders.update(order.id, { lines: [{ sku: 'PLT-ENM-SAG', quantity: 4 }, { sku: 'NBK-A5-OAT', quantity: 2 }] }, { version: order.version });
    expect(edited.totals.total).toEqual(quote.totals.total);
    expect(edited.version).toBe(order.version + 1);
    const stale = await rejection(api.orders.update(order.id, { lines: [{ sku: 'PLT-ENM-SAG', quantity: 1 }] }, { version: order.version }));
    expect(isConflictError(stale)).toBe(true);
    const dispatched = db.getOrder(f.orders.dispatched)!;
    const closed = await rejection(api.orders.update(dispatched.id, { lines: [{ sku: 'PLT-ENM-SAG', quantity: 1 }] }, { version: dispatched.version }));
    expect(isConflictError(closed)).toBe(true);
    expect((closed as Error).message).toMatch(/dispatched, so it can no longer be changed/);
  });

  it('refuses unknown SKUs by line, and writes without the capability', async () => {
    const unknown = await rejection(client().orders.quote(f.customers.creditTrade, { lines: [{ sku: 'MUG-STN-SAG', quantity: 1 }, { sku: 'NOPE', quantity: 1 }] }));
    expect(isValidationError(unknown)).toBe(true);
    expect((unknown as { fieldErrors?: Array<{ field: string }> }).fieldErrors?.map((e) => e.field) ?? JSON.stringify(unknown)).toContain('lines.1.sku');
    const trade = f.customers.creditTrade;
    const denied = await rejection(client('viewer').orders.place(trade, { lines: [{ sku: 'MUG-STN-SAG', quantity: 1 }], deliveryAddressId: addressOf(trade), billingAddressId: addressOf(trade) }));
    expect(isForbiddenError(denied)).toBe(true);
  });
});

describe('discounts', () => {
  it('reads, replaces with If-Match, and refuses a stale version or a clerk', async () => {
    const admin = client('admin');
    const id = f.customers.amazon;
    const current = await admin.discounts.get(id);
    expect(current).toMatchObject({ groups: [], prices: [] });
    const saved = await admin.discounts.set(id, { groups: [{ groupId: 'grp_lighting', percent: 5 }], prices: [] }, { version: current.version });
    expect(saved.version).toBe(current.version + 1);
    expect(await admin.discounts.get(id)).toEqual(saved);
    expect(isConflictError(await rejection(admin.discounts.set(id, { groups: [], prices: [] }, { version: current.version })))).toBe(true);
    expect(isForbiddenError(await rejection(client('clerk').discounts.set(id, { groups: [], prices: [] }, { version: saved.version })))).toBe(true);
    const quote = await admin.orders.quote(id, { lines: [{ sku: 'LMP-BRS-SAG', quantity: 1 }] });
    expect(quote.lines[0]!.discount).toEqual({ kind: 'group', percent: 5 });
  });
});
