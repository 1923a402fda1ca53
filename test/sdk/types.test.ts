/**
 * The public API's types, as the components and host pages rely on them (checked by `tsc`; the
 * runtime part only proves the module has no side effects at import).
 */
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import * as sdk from '../../src/sdk/index.js';
import type {
  Account,
  Address,
  Attachment,
  Client,
  Contact,
  Customer,
  CustomerSummary,
  Loyalty,
  Me,
  Note,
  Order,
  OrderSummary,
  Page,
  Reference,
  Transaction,
  WatchList,
} from '../../src/sdk/index.js';

describe('public API types', () => {
  it('types every method by its route', () => {
    const client: Client = sdk.createClient({ baseUrl: 'https://api.example.com' });
    expectTypeOf(client.me.get).returns.resolves.toEqualTypeOf<Me>();
    expectTypeOf(client.reference.get).returns.resolves.toEqualTypeOf<Reference>();
    expectTypeOf(client.customers.search).returns.resolves.toEqualTypeOf<Page<CustomerSummary>>();
    expectTypeOf(client.customers.searchAll).returns.toEqualTypeOf<AsyncIterable<CustomerSummary>>();
    expectTypeOf(client.customers.get).returns.resolves.toEqualTypeOf<Customer>();
    expectTypeOf(client.customers.update).parameter(2).toEqualTypeOf<sdk.VersionedWriteOptions>();
    expectTypeOf(client.contacts.list).returns.resolves.toEqualTypeOf<Contact[]>();
    expectTypeOf(client.contacts.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(client.addresses.list).returns.resolves.toEqualTypeOf<Page<Address>>();
    expectTypeOf(client.notes.pin).returns.resolves.toEqualTypeOf<Note>();
    expectTypeOf(client.notes.remove).returns.resolves.toEqualTypeOf<Note>();
    expectTypeOf(client.watchList.set).returns.resolves.toEqualTypeOf<WatchList>();
    expectTypeOf(client.accounts.get).returns.resolves.toEqualTypeOf<Account>();
    expectTypeOf(client.accounts.transactionsAll).returns.toEqualTypeOf<AsyncIterable<Transaction>>();
    expectTypeOf(client.loyalty.adjust).returns.resolves.toEqualTypeOf<Loyalty>();
    expectTypeOf(client.attachments.upload).returns.resolves.toEqualTypeOf<Attachment>();
    expectTypeOf(client.attachments.download).returns.resolves.toEqualTypeOf<Blob>();
    expectTypeOf(client.orders.list).returns.resolves.toEqualTypeOf<Page<OrderSummary>>();
    expectTypeOf(client.orders.return).returns.resolves.toEqualTypeOf<Order>();
    expectTypeOf(client.orders.attach).returns.resolves.toEqualTypeOf<Order>();
    expectTypeOf(client.cache.subscribe).returns.toEqualTypeOf<() => void>();
    expectTypeOf<sdk.ReadOptions['cache']>().toEqualTypeOf<'default' | 'reload' | undefined>();
  });

  it('narrows with the guards', () => {
    const error: unknown = undefined;
    if (sdk.isValidationError(error)) expectTypeOf(error.fieldErrors).toEqualTypeOf<sdk.FieldError[]>();
    if (sdk.isConflictError(error)) expectTypeOf(error.currentVersion).toEqualTypeOf<number | undefined>();
    if (sdk.isForbiddenError(error)) expectTypeOf(error.requiredCapability).toEqualTypeOf<string | undefined>();
    if (sdk.isCustomerElementsError(error)) expectTypeOf(error.kind).toEqualTypeOf<sdk.ErrorKind>();
  });

  it('carries how to call each route, not the contract it is documented by', async () => {
    // A page pays for the SDK: the summaries, descriptions and request schemas are for the
    // reference API and the OpenAPI document, which get them from `customer-elements/mocks`.
    expect(sdk).not.toHaveProperty('routes');
    const { routes } = await import('../../mocks/index.js');
    expect(Object.keys(sdk.routeCalls).sort()).toEqual(Object.keys(routes).sort());
    for (const [id, call] of Object.entries(sdk.routeCalls)) {
      expect(Object.keys(call).filter((k) => !['method', 'path', 'response', 'ifMatch', 'languages'].includes(k)), id).toEqual([]);
      const route = routes[id as sdk.RouteId];
      expect(route.summary, id).not.toBe('');
      expect({ method: route.method, path: route.path, response: route.response }, id).toEqual({ method: call.method, path: call.path, response: call.response });
    }
  });

  it('exports the names the components use, and does nothing at import', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    try {
      for (const name of ['createClient', 'tags', 'routeCalls', 'fillPath', 'paginate', 'CustomerElementsError', 'isCustomerElementsError']) {
        expect(sdk, name).toHaveProperty(name);
      }
      expect(sdk.tags.customer('cus_1')).toBe('customer:cus_1');
      expect(sdk.tags.search()).toBe('search');
      sdk.createClient({ baseUrl: 'https://api.example.com' });
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
