import type { Core } from '../core.js';
import { paginate } from '../paginate.js';
import type { Customer, CustomerCreate, CustomerPatch, CustomerSearchQuery, CustomerSummary, DuplicateQuery, Duplicates, Page } from '../schemas.js';
import { tags } from '../tags.js';
import type { IterateOptions, ReadOptions, VersionedWriteOptions, WriteOptions } from './types.js';

/** Cursor and page size of a plain list. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

const putCustomer = (customer: Customer) => ({
  route: 'customers.get' as const,
  params: { customerId: customer.id },
  tags: [tags.customer(customer.id)],
  value: customer,
});

export function customersResource(core: Core) {
  return {
    /** One page of customers matching a search. Cached and shared under the `search` tag. */
    search(query: CustomerSearchQuery = {}, opts?: ReadOptions): Promise<Page<CustomerSummary>> {
      return core.read('customers.search', {}, query, [tags.search()], opts);
    },

    /** Every customer matching a search, following `nextCursor` (not cached). */
    searchAll(query: Omit<CustomerSearchQuery, 'cursor'> = {}, opts?: IterateOptions): AsyncIterable<CustomerSummary> {
      return paginate(
        (cursor, signal) => core.call('customers.search', {}, { query: { ...query, cursor }, signal }),
        opts?.signal,
      );
    },

    /** A customer. Several components asking for the same customer share one request. */
    get(customerId: string, opts?: ReadOptions): Promise<Customer> {
      return core.read('customers.get', { customerId }, undefined, [tags.customer(customerId)], opts);
    },

    /**
     * Customers that may already be the one about to be added (same email; same postcode and a
     * similar name), each with why. Never cached: it is asked while the user types, with the
     * signal of the latest keystroke.
     */
    duplicates(query: DuplicateQuery, opts?: { signal?: AbortSignal }): Promise<Duplicates> {
      return core.call('customers.duplicates', {}, { query, signal: opts?.signal });
    },

    /**
     * Create a customer, with its first address and contacts in the same write. The write carries
     * an `Idempotency-Key` (give your own, e.g. one per draft, so that a repeat after a lost answer
     * can never make a second customer).
     */
    async create(body: CustomerCreate, opts?: WriteOptions): Promise<Customer> {
      const customer = await core.call('customers.create', {}, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      core.commit({
        put: [putCustomer(customer)],
        invalidate: [
          tags.search(), tags.addresses(customer.id), tags.contacts(customer.id),
          ...(customer.agentId ? [tags.customer(customer.agentId)] : []),
        ],
      });
      return customer;
    },

    /**
     * Change some fields of a customer. `version` is the version the change is based on: when
     * someone else changed the customer meanwhile the call rejects with a ConflictError.
     */
    async update(customerId: string, patch: CustomerPatch, opts: VersionedWriteOptions): Promise<Customer> {
      const customer = await core.call('customers.update', { customerId }, { body: patch, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      core.commit({
        put: [putCustomer(customer)],
        // Summaries show some of these fields, the server writes a system note, and terms or the
        // credit limit change the account.
        invalidate: [tags.search(), tags.notes(customerId), tags.account(customerId)],
      });
      return customer;
    },

    /** One page of an agent's sub-customers. */
    subCustomers(customerId: string, query: PageQuery = {}, opts?: ReadOptions): Promise<Page<CustomerSummary>> {
      return core.read('customers.subCustomers', { customerId }, query, [tags.search(), tags.customer(customerId)], opts);
    },

    /** Every sub-customer of an agent (not cached). */
    subCustomersAll(customerId: string, query: Omit<PageQuery, 'cursor'> = {}, opts?: IterateOptions): AsyncIterable<CustomerSummary> {
      return paginate(
        (cursor, signal) => core.call('customers.subCustomers', { customerId }, { query: { ...query, cursor }, signal }),
        opts?.signal,
      );
    },
  };
}
