import type { ReadOptions } from '../cache.js';

export type { ReadOptions };
/** Options of every write. */
export interface WriteOptions {
  signal?: AbortSignal;
}
/** Options of a write guarded by optimistic concurrency: the version the change is based on. */
export interface VersionedWriteOptions extends WriteOptions {
  /** The `version` of the object as it was read; sent as `If-Match`. A stale one gives a ConflictError. */
  version: number;
}
/** Options of an iterator over every item of a list. */
export interface IterateOptions {
  signal?: AbortSignal;
}
