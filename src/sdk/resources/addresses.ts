import type { Core } from '../core.js';
import { paginate } from '../paginate.js';
import type { Address, AddressInput, AddressPatch, Page } from '../schemas.js';
import { tags } from '../tags.js';
import type { IterateOptions, ReadOptions, VersionedWriteOptions, WriteOptions } from './types.js';

/** Search within a customer's addresses, and paging. */
export interface AddressQuery {
  q?: string;
  cursor?: string;
  limit?: number;
}

export function addressesResource(core: Core) {
  // Summaries show the postcode, and the server records address changes as system notes.
  const changed = (customerId: string) =>
    core.commit({ invalidate: [tags.addresses(customerId), tags.search(), tags.notes(customerId)] });

  return {
    /** One page of a customer's addresses (`q` searches them). */
    list(customerId: string, query: AddressQuery = {}, opts?: ReadOptions): Promise<Page<Address>> {
      return core.read('addresses.list', { customerId }, query, [tags.addresses(customerId)], opts);
    },
    /** Every address of a customer (not cached). */
    listAll(customerId: string, query: Omit<AddressQuery, 'cursor'> = {}, opts?: IterateOptions): AsyncIterable<Address> {
      return paginate((cursor, signal) => core.call('addresses.list', { customerId }, { query: { ...query, cursor }, signal }), opts?.signal);
    },
    /**
     * Add an address. Admin and billing are held by one address at most: giving one that another
     * address holds throws a `ConflictError` whose `roleHolders` names that address, unless
     * `body.moveRoles` names it (`{ roles: ['billing'], moveRoles: { billing: holderId } }`), which
     * takes the role from it in the same write. Delivery may be on any number of addresses.
     */
    async create(customerId: string, body: AddressInput, opts?: WriteOptions): Promise<Address> {
      const address = await core.call('addresses.create', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(customerId);
      return address;
    },
    /**
     * Change an address or its roles (with the version read). The role rule is `create`'s: a
     * single-holder role held elsewhere throws a `ConflictError` with `roleHolders` unless
     * `patch.moveRoles` names the holder; the holder then loses it (its version changes too).
     */
    async update(customerId: string, addressId: string, patch: AddressPatch, opts: VersionedWriteOptions): Promise<Address> {
      const address = await core.call('addresses.update', { customerId, addressId }, { body: patch, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      changed(customerId);
      return address;
    },
    async delete(customerId: string, addressId: string, opts?: WriteOptions): Promise<void> {
      await core.call('addresses.delete', { customerId, addressId }, { signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(customerId);
    },
  };
}
