/**
 * The shared read cache: one entry per route + params + query, tagged with what it shows
 * (`customer:cus_1`, `notes:cus_1`, `search`…), so that writes can update or drop exactly what
 * they affect and tell every subscribed component to re-read.
 *
 * - Concurrent identical reads share one request; the request is aborted only when every waiter
 *   has aborted, and an aborting waiter is rejected at once with its own abort reason.
 * - A resolved read stays fresh for `staleTime`; `cache: 'reload'` bypasses it.
 * - Errors are never cached.
 */

export type CacheMode = 'default' | 'reload';

export interface ReadOptions {
  signal?: AbortSignal;
  /** `'reload'` skips a fresh cached value and fetches again (the result is cached). */
  cache?: CacheMode;
}

interface Inflight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

interface Entry {
  key: string;
  routeId: string;
  tags: readonly string[];
  hasValue: boolean;
  value: unknown;
  fetchedAt: number;
  inflight?: Inflight;
}

interface Subscription {
  tags: ReadonlySet<string>;
  listener: () => void;
}

/** A stable key for a read: route id, path params and the defined query fields, in key order. */
function sortedEntries(record: object): [string, unknown][] {
  const entries = Object.entries(record).filter(([, value]) => value !== undefined);
  // A fresh array from filter(), so sorting in place is safe (toSorted is ES2023; we target ES2022).
  // oxlint-disable-next-line unicorn/no-array-sort
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function cacheKey(routeId: string, params: Record<string, string> = {}, query: object = {}): string {
  const sorted = sortedEntries;
  return `${routeId} ${JSON.stringify(sorted(params))} ${JSON.stringify(sorted(query))}`;
}

export class QueryCache {
  readonly #entries = new Map<string, Entry>();
  readonly #subscriptions = new Set<Subscription>();
  readonly #staleTime: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { staleTime?: number; maxEntries?: number; now?: () => number } = {}) {
    this.#staleTime = options.staleTime ?? 30_000;
    this.#maxEntries = options.maxEntries ?? 500;
    this.#now = options.now ?? (() => Date.now());
  }

  /** Number of entries held (values and reads in flight). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Keep the cache bounded on a long-lived page (a search box caches a page per query): drop the
   * least recently stored values first, never a read in flight.
   */
  #trim(): void {
    if (this.#entries.size <= this.#maxEntries) return;
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries) break;
      if (!entry.inflight) this.#entries.delete(key);
    }
  }

  /** Move an entry to the young end of the eviction order. */
  #touch(entry: Entry): void {
    this.#entries.delete(entry.key);
    this.#entries.set(entry.key, entry);
    this.#trim();
  }

  /**
   * Read through the cache. `fetcher` receives a signal owned by the cache (aborted only when
   * every waiter has gone); the caller's own signal only detaches that caller.
   */
  read<T>(
    key: string,
    routeId: string,
    tags: readonly string[],
    fetcher: (signal: AbortSignal) => Promise<T>,
    options: ReadOptions = {},
  ): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    let entry = this.#entries.get(key);
    if (
      options.cache !== 'reload' &&
      entry?.hasValue &&
      this.#now() - entry.fetchedAt < this.#staleTime
    ) {
      return Promise.resolve(entry.value as T);
    }
    if (!entry) {
      entry = { key, routeId, tags, hasValue: false, value: undefined, fetchedAt: 0 };
      this.#entries.set(key, entry);
    }
    const inflight = options.cache === 'reload' || !entry.inflight ? this.#start(entry, fetcher) : entry.inflight;
    return this.#join(entry, inflight, signal) as Promise<T>;
  }

  #start(entry: Entry, fetcher: (signal: AbortSignal) => Promise<unknown>): Inflight {
    const controller = new AbortController();
    const inflight: Inflight = { controller, waiters: 0, settled: false, promise: Promise.resolve() };
    inflight.promise = fetcher(controller.signal).then(
      (value) => {
        inflight.settled = true;
        // Store only if nothing superseded this request meanwhile: an invalidation (the entry is
        // gone), a write that put a newer value, or a reload (another request owns the entry).
        if (entry.inflight === inflight && this.#entries.get(entry.key) === entry) {
          entry.inflight = undefined;
          entry.value = value;
          entry.hasValue = true;
          entry.fetchedAt = this.#now();
          this.#touch(entry);
        }
        return value;
      },
      (error: unknown) => {
        inflight.settled = true;
        if (entry.inflight === inflight) {
          entry.inflight = undefined;
          if (!entry.hasValue && this.#entries.get(entry.key) === entry) this.#entries.delete(entry.key);
        }
        throw error;
      },
    );
    // Every waiter attaches its own handlers; this keeps a request whose waiters all left from
    // reporting an unhandled rejection.
    inflight.promise.catch(() => undefined);
    entry.inflight = inflight;
    return inflight;
  }

  #join(entry: Entry, inflight: Inflight, signal: AbortSignal | undefined): Promise<unknown> {
    inflight.waiters++;
    if (!signal) return inflight.promise;
    return new Promise((resolve, reject) => {
      let left = false;
      const onAbort = () => {
        left = true;
        reject(signal.reason);
        inflight.waiters--;
        if (inflight.waiters === 0 && !inflight.settled) {
          // Nobody wants the answer any more: stop the request, and let the next read start anew.
          if (entry.inflight === inflight) entry.inflight = undefined;
          if (!entry.hasValue && this.#entries.get(entry.key) === entry && !entry.inflight) this.#entries.delete(entry.key);
          inflight.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      inflight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          if (!left) resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          if (!left) reject(error);
        },
      );
    });
  }

  /** The cached value of a read, fresh or not, if there is one. */
  peek<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    return entry?.hasValue ? (entry.value as T) : undefined;
  }

  /** Store a value the server returned from a write, as a fresh read. Supersedes a read in flight. */
  put(key: string, routeId: string, tags: readonly string[], value: unknown): void {
    const entry = this.#entries.get(key);
    if (entry) {
      entry.inflight = undefined;
      entry.value = value;
      entry.hasValue = true;
      entry.fetchedAt = this.#now();
      entry.tags = tags;
      this.#touch(entry);
    } else {
      this.#entries.set(key, { key, routeId, tags, hasValue: true, value, fetchedAt: this.#now() });
      this.#trim();
    }
  }

  /**
   * Replace cached values of one route in place (keeping their freshness), e.g. flip
   * `watchListed` in every cached search page. `update` returns the new value, or the same value
   * to leave it alone.
   */
  update(routeId: string, update: (value: unknown) => unknown, options: { stale?: boolean } = {}): void {
    for (const entry of this.#entries.values()) {
      if (entry.routeId !== routeId || !entry.hasValue) continue;
      const next = update(entry.value);
      if (next === entry.value) continue;
      entry.value = next;
      // A patched value that is known to lag behind the server (e.g. its version) is shown at once
      // but refetched by the next read.
      if (options.stale) entry.fetchedAt = Number.NEGATIVE_INFINITY;
    }
  }

  /** Cached values of one route (for writes that must find what they affect). */
  values(routeId: string): unknown[] {
    const out: unknown[] = [];
    for (const entry of this.#entries.values()) if (entry.routeId === routeId && entry.hasValue) out.push(entry.value);
    return out;
  }

  /** Drop every entry carrying one of `tags` (a request in flight for it is not stored). */
  invalidate(tags: readonly string[]): void {
    const wanted = new Set(tags);
    for (const [key, entry] of this.#entries) {
      if (entry.tags.some((tag) => wanted.has(tag) || matchesPrefix(wanted, tag))) this.#entries.delete(key);
    }
  }

  /** Call, once each, the listeners subscribed to any of `tags`. */
  notify(tags: readonly string[]): void {
    const touched = new Set(tags);
    for (const subscription of Array.from(this.#subscriptions)) {
      let hit = false;
      for (const tag of subscription.tags) {
        if (touched.has(tag) || matchesPrefix(touched, tag)) {
          hit = true;
          break;
        }
      }
      if (hit) callSafely(subscription.listener);
    }
  }

  /**
   * Listen for writes and invalidations touching any of `tags`. Returns the unsubscribe function.
   * A tag ending in `:*` (e.g. `attachments:*`) matches that family.
   */
  subscribe(tags: readonly string[], listener: () => void): () => void {
    const subscription: Subscription = { tags: new Set(tags), listener };
    this.#subscriptions.add(subscription);
    return () => {
      this.#subscriptions.delete(subscription);
    };
  }

  /** Forget everything (e.g. on sign-out) and tell every subscriber to re-read. */
  clear(): void {
    this.#entries.clear();
    for (const subscription of Array.from(this.#subscriptions)) callSafely(subscription.listener);
  }
}

/** `family:*` in `set` matches `family:anything`, and `tag` `family:*` matches any `family:x` in `set`. */
function matchesPrefix(set: ReadonlySet<string>, tag: string): boolean {
  const at = tag.indexOf(':');
  if (at < 0) return false;
  if (set.has(`${tag.slice(0, at)}:*`)) return true;
  if (tag.endsWith(':*')) {
    const family = tag.slice(0, at + 1);
    for (const candidate of set) if (candidate.startsWith(family)) return true;
  }
  return false;
}

function callSafely(listener: () => void): void {
  try {
    listener();
  } catch (error) {
    // One broken listener must not stop the others, nor fail the write that notified it.
    queueMicrotask(() => {
      throw error;
    });
  }
}
