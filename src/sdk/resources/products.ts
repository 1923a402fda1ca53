import type { Core } from '../core.js';
import type { Page } from '../schemas.js';
import type { TradeDiscounts, DiscountsInput, Product, ProductCatalogue, ProductSearchQuery } from '../schemas-catalogue.js';
import { tags } from '../tags.js';
import type { ReadOptions, VersionedWriteOptions } from './types.js';

/** The product catalogue: groups, warehouses and price lists, and product search. */
export function productsResource(core: Core) {
  return {
    /** Product groups, warehouses and price lists. */
    catalogue(opts?: ReadOptions): Promise<ProductCatalogue> {
      return core.read('catalogue.get', {}, undefined, [tags.products()], opts);
    },
    /** Find products by SKU or barcode (prefix) or words of the name; paged (`limit` ≤ 100). */
    search(query: ProductSearchQuery = {}, opts?: ReadOptions): Promise<Page<Product>> {
      return core.read('products.search', {}, query, [tags.products()], opts);
    },
    /** One product with stock per warehouse and its prices per price list and season. */
    get(sku: string, opts?: ReadOptions): Promise<Product> {
      return core.read('products.get', { sku }, undefined, [tags.products()], opts);
    },
  };
}

/** A customer's trade discounts: a percentage per product group, a fixed price per SKU. */
export function discountsResource(core: Core) {
  return {
    get(customerId: string, opts?: ReadOptions): Promise<TradeDiscounts> {
      return core.read('discounts.get', { customerId }, undefined, [tags.discounts(customerId)], opts);
    },
    /** Replace the discounts; `version` is the one read (a stale one gives a ConflictError). */
    async set(customerId: string, body: DiscountsInput, opts: VersionedWriteOptions): Promise<TradeDiscounts> {
      const saved = await core.call('discounts.set', { customerId }, { body, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      core.commit({
        put: [{ route: 'discounts.get', params: { customerId }, tags: [tags.discounts(customerId)], value: saved }],
        invalidate: [tags.notes(customerId)],
      });
      return saved;
    },
  };
}
