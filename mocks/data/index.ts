/**
 * The reference data model: `createDatabase()` builds a complete, deterministic data set (same seed
 * and size, same data, ids included) behind the `Database` interface the mock handlers use.
 */
import type { Database, DatabaseOptions } from './database.js';
import { generate } from './generate.js';

export type * from './database.js';
export { DEFAULT_NOW, DEFAULT_SIZE, HOSTILE, SIZE_LIMITS, clampSize } from './generate.js';

export function createDatabase(options: DatabaseOptions = {}): Database {
  return generate(options);
}

/** How much of the lazily built data exists yet (for tests that check laziness). */
export function materialisation(db: Database): { orderDetails: number; bigCustomerSummaries: number } {
  const store = db as Partial<{ materialisedOrders: number; materialisedBigSummaries: number }>;
  return { orderDetails: store.materialisedOrders ?? 0, bigCustomerSummaries: store.materialisedBigSummaries ?? 0 };
}
