import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Client } from '../../sdk/index.js';

/**
 * - `unconfigured`: the host has no client (render the configuration message);
 * - `idle`: nothing to load (`args` returned undefined, e.g. no `customer-id` yet);
 * - `loading`: a run is in flight (`value` may still hold the previous result);
 * - `ready`: `value` holds the latest result;
 * - `error`: the latest run failed; `error` says why.
 */
export type ResourceStatus = 'unconfigured' | 'idle' | 'loading' | 'ready' | 'error';

/** What a resource host must offer: a Lit host that knows its client (a `CeElement`). */
export type ResourceHost = ReactiveControllerHost & { readonly api: Client | undefined };

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /**
   * The inputs of the load, read before each host update. A shallow change (element by element,
   * with `Object.is`) starts a new run and aborts the previous one. `undefined`: nothing to load.
   * Return primitives (ids, strings, numbers): an object or array built inside `args()` is new on
   * every update, so it would start a new run on every render (a warning says so once).
   */
  args: () => A | undefined;
  /** Loads through the SDK. Pass `signal` on: a superseded run is aborted. */
  load: (args: A, signal: AbortSignal, client: Client) => Promise<T>;
  /** SDK cache tags the result depends on; a write that touches one re-runs `load`. */
  tags?: (args: A) => readonly string[];
  /**
   * Data the host already has for these args (e.g. from a parent that fetched it): when this
   * returns a value, it is committed without loading. Cache notifications still re-run `load`.
   */
  initialValue?: (args: A) => T | undefined;
  /**
   * Keep showing the previous args' value while the new args load (e.g. search results while
   * the next query runs). By default a change of args clears `value`: a different customer's
   * data must never show under this one's id. A reload always keeps the value.
   */
  keepValueOnArgsChange?: boolean;
}

/** A changed argument that is a fresh object equal to the previous one: args built per render. */
function rebuiltObjectArg(next: readonly unknown[], prev: readonly unknown[] | undefined): number {
  if (!prev || prev.length !== next.length) return -1;
  return next.findIndex((item, i) => {
    const before = prev[i];
    if (Object.is(item, before) || typeof item !== 'object' || item === null || typeof before !== 'object' || before === null) return false;
    try {
      return JSON.stringify(item) === JSON.stringify(before);
    } catch {
      return false;
    }
  });
}

function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((item, i) => Object.is(item, b[i]));
}

/**
 * Subscribes to the SDK cache's change notifications for some tags; returns the unsubscribe.
 * Kept in one place, so that the components depend on one narrow SDK surface.
 */
export function subscribeToTags(client: Client, tags: readonly string[], listener: () => void): () => void {
  if (tags.length === 0) return () => {};
  return client.cache.subscribe([...tags], listener);
}

/**
 * Loads one piece of data for a component through the SDK, as `@lit/task`'s `Task` does (re-runs
 * when its args change, aborts the run it supersedes, commits only the latest result), plus what a
 * data view needs on top: it reports a missing client, follows the SDK cache (a write anywhere on
 * the page that touches its tags re-runs it), and keeps the last value while re-loading so the view
 * does not flash.
 *
 * ```ts
 * private customer = new ResourceController(this, {
 *   args: () => (this.customerId ? [this.customerId] as const : undefined),
 *   load: ([id], signal, client) => client.customers.get(id, { signal }),
 *   tags: ([id]) => [tags.customer(id)],
 * });
 * ```
 */
export class ResourceController<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  status: ResourceStatus = 'unconfigured';
  value: T | undefined = undefined;
  error: unknown = undefined;

  private readonly host: ResourceHost;
  private readonly options: ResourceOptions<T, A>;
  private client: Client | undefined;
  private args: A | undefined;
  private warnedRebuiltArgs = false;
  private runId = 0;
  private abortController: AbortController | undefined;
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: { client: Client; key: string } | undefined;
  private connected = false;
  private needsRun = false;
  private pendingNotification = false;
  private settle: Array<() => void> = [];

  constructor(host: ResourceHost, options: ResourceOptions<T, A>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** Runs `load` again with the current args, keeping the current value until it answers. */
  reload(): void {
    if (!this.client || !this.args) return;
    this.run(this.client, this.args);
  }

  /**
   * Commits a value the host obtained itself (e.g. the response of a write), cancelling any run
   * in flight. Does nothing when there is nothing to load.
   */
  set(value: T): void {
    if (this.status === 'unconfigured' || this.status === 'idle') return;
    this.abort();
    this.runId++;
    this.value = value;
    this.error = undefined;
    this.status = 'ready';
    this.resolveSettled();
    this.host.requestUpdate();
  }

  /** Resolves when no run is in flight (for tests and for hosts that must wait). */
  settled(): Promise<void> {
    if (this.status !== 'loading') return Promise.resolve();
    return new Promise((resolve) => this.settle.push(resolve));
  }

  hostConnected(): void {
    this.connected = true;
    // Runs aborted by a disconnect, and the cache subscription, resume on the next update.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.abort();
    // While detached the element hears no cache notifications, so it re-reads when it comes back
    // (keeping its value meanwhile); the SDK cache makes that cheap.
    if (this.status === 'loading' || this.status === 'ready' || this.status === 'error') this.needsRun = true;
    this.dropSubscription();
  }

  hostUpdate(): void {
    const client = this.host.api;
    if (!client) {
      this.reset('unconfigured', undefined);
      return;
    }
    const args = this.options.args();
    if (!args) {
      this.reset('idle', client);
      return;
    }
    const clientChanged = client !== this.client;
    const argsChanged = !sameArgs(args, this.args);
    if (argsChanged && !this.warnedRebuiltArgs) {
      const index = rebuiltObjectArg(args, this.args);
      if (index >= 0) {
        this.warnedRebuiltArgs = true;
        console.warn(
          `customer-elements: a ResourceController's args()[${index}] is a new object equal to the previous one, ` +
            'so every render starts a new load. Return primitives (ids, strings, numbers) from args().',
        );
      }
    }
    this.client = client;
    this.args = args;
    if (this.connected) this.ensureSubscription(client, args);
    if (argsChanged || clientChanged || this.needsRun) {
      this.needsRun = false;
      if (argsChanged && !this.options.keepValueOnArgsChange) this.value = undefined;
      const initial = argsChanged || clientChanged ? this.options.initialValue?.(args) : undefined;
      if (initial !== undefined) {
        this.abort();
        this.runId++;
        this.value = initial;
        this.error = undefined;
        this.status = 'ready';
        this.resolveSettled();
      } else {
        this.run(client, args);
      }
    }
  }

  private run(client: Client, args: A): void {
    this.abort();
    const controller = new AbortController();
    this.abortController = controller;
    const runId = ++this.runId;
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    void (async () => {
      try {
        const value = await this.options.load(args, controller.signal, client);
        if (runId !== this.runId) return;
        this.value = value;
        this.status = 'ready';
      } catch (error) {
        if (runId !== this.runId) return;
        this.error = error;
        this.status = 'error';
      }
      this.abortController = undefined;
      this.resolveSettled();
      this.host.requestUpdate();
    })();
  }

  private reset(status: 'unconfigured' | 'idle', client: Client | undefined): void {
    if (this.status === status && this.client === client && this.args === undefined) return;
    this.abort();
    this.runId++;
    this.dropSubscription();
    this.client = client;
    this.args = undefined;
    this.value = undefined;
    this.error = undefined;
    this.status = status;
    this.resolveSettled();
  }

  private abort(): void {
    this.abortController?.abort();
    this.abortController = undefined;
  }

  private ensureSubscription(client: Client, args: A): void {
    const tags = this.options.tags?.(args) ?? [];
    const key = JSON.stringify(tags);
    if (this.subscribedTo && this.subscribedTo.client === client && this.subscribedTo.key === key) return;
    this.dropSubscription();
    this.subscribedTo = { client, key };
    this.unsubscribe = subscribeToTags(client, tags, () => this.onCacheChange());
  }

  private dropSubscription(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }

  /** Several notifications in one task (a write touching several tags) give one reload. */
  private onCacheChange(): void {
    if (this.pendingNotification) return;
    this.pendingNotification = true;
    queueMicrotask(() => {
      this.pendingNotification = false;
      if (this.connected) this.reload();
    });
  }

  private resolveSettled(): void {
    const waiting = this.settle;
    this.settle = [];
    for (const resolve of waiting) resolve();
  }
}
