import type { Core } from '../core.js';
import type { Customer, CustomerSummary, Page, WatchList } from '../schemas.js';
import { tags } from '../tags.js';
import type { ReadOptions, VersionedWriteOptions } from './types.js';

function patchPage(value: unknown, customerId: string, watchListed: boolean): unknown {
  const page = value as Page<CustomerSummary>;
  if (!page.items.some((item) => item.id === customerId && item.watchListed !== watchListed)) return value;
  return { ...page, items: page.items.map((item) => (item.id === customerId ? { ...item, watchListed } : item)) };
}

export function watchListResource(core: Core) {
  const changed = (watchList: WatchList) => {
    const { customerId, active } = watchList;
    // The flag shows beside the customer everywhere: patch the cached customer and every cached
    // summary in place, so every badge updates without a refetch.
    // The server bumps the customer's version when the flag changes, so the patched customer is
    // also marked stale: a later edit must not be sent with the old version.
    core.cache.update(
      'customers.get',
      (value) => {
        const customer = value as Customer;
        return customer.id === customerId && customer.watchListed !== active ? { ...customer, watchListed: active } : value;
      },
      { stale: true },
    );
    core.cache.update('customers.search', (value) => patchPage(value, customerId, active));
    core.cache.update('customers.subCustomers', (value) => patchPage(value, customerId, active));
    core.commit({
      put: [{ route: 'watchList.get', params: { customerId }, tags: [tags.watchList(customerId)], value: watchList }],
      invalidate: [tags.notes(customerId)],
      touch: [tags.customer(customerId), tags.search()],
    });
  };

  return {
    /** The watch-list note of a customer (`active: false` when none). */
    get(customerId: string, opts?: ReadOptions): Promise<WatchList> {
      return core.read('watchList.get', { customerId }, undefined, [tags.watchList(customerId)], opts);
    },
    /**
     * Set or edit the watch-list note. `version` is the watch list's version as read: when someone
     * else changed it meanwhile the call rejects with a ConflictError.
     */
    async set(customerId: string, note: string, opts: VersionedWriteOptions): Promise<WatchList> {
      const watchList = await core.call('watchList.set', { customerId }, { body: { note }, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      changed(watchList);
      return watchList;
    },
    /** Clear the watch-list note (`version` as for `set`). */
    async clear(customerId: string, opts: VersionedWriteOptions): Promise<WatchList> {
      const watchList = await core.call('watchList.clear', { customerId }, { version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      changed(watchList);
      return watchList;
    },
  };
}
