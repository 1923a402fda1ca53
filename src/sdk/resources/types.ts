import type { ReadOptions } from '../cache.js';

export type { ReadOptions };
/** Options of every write. */
export interface WriteOptions {
  signal?: AbortSignal;
  /**
   * The `Idempotency-Key` to send. By default the SDK makes one per intent and sends the same one
   * on every retry, and again when the identical write is repeated after an uncertain failure.
   * Give your own to tie a write to something you keep (e.g. a draft's id).
   */
  idempotencyKey?: string;
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
