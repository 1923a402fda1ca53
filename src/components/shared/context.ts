/**
 * The contexts through which `<customer-elements-provider>` hands its client and locale to every
 * component below it. The keys are global symbols, so that two copies of the library on one page
 * still find each other's provider.
 */
import { type Context, ContextEvent as ContextRequestEvent, createContext } from '@lit/context';
import type { Client } from '../../sdk/index.js';

/** The SDK client components fetch through; undefined when nothing is configured. */
export const clientContext = createContext<Client | undefined>(Symbol.for('customer-elements.client'));
/** The BCP 47 locale for text, numbers and dates; '' when the provider sets none. */
export const localeContext = createContext<string>(Symbol.for('customer-elements.locale'));

const ROOT_KEY = Symbol.for('customer-elements.context-root');

type Callback = (value: unknown, unsubscribe?: () => void) => void;
interface Pending {
  element: WeakRef<Element>;
  callback: WeakRef<Callback>;
}

/**
 * Holds the context requests no provider answered, and replays them when a provider appears (as
 * @lit/context's `ContextRoot` does), but forgets a request once its element has left the page.
 *
 * Lit's root keeps every unanswered request for good: a component given its `client` directly, with
 * no provider, leaves two entries behind per mount, forever (about 0.23 MB per 1,000 mounts). A
 * component that comes back re-sends its requests when it reconnects, so nothing is lost by
 * dropping those of disconnected elements.
 */
export class PendingContextRequests {
  private readonly pending = new Map<unknown, Pending[]>();
  /** Entries held before the next sweep (doubles with what stays, so sweeping is amortised O(1)). */
  private sweepAt = 64;

  /** Requests held now, over every context (for tests). */
  get size(): number {
    let n = 0;
    for (const list of this.pending.values()) n += list.length;
    return n;
  }

  attach(element: Element): void {
    element.addEventListener('context-request', this.onRequest);
    element.addEventListener('context-provider', this.onProvider);
  }

  private readonly onRequest = (event: Event): void => {
    const request = event as ContextRequestEvent<Context<unknown, unknown>>;
    if (request.subscribe !== true) return; // one-off requests are not replayed
    const element = request.contextTarget ?? (request.composedPath()[0] as Element);
    const callback = request.callback as Callback;
    let list = this.pending.get(request.context);
    if (!list) this.pending.set(request.context, (list = []));
    if (list.some((p) => p.element.deref() === element && p.callback.deref() === callback)) return;
    list.push({ element: new WeakRef(element), callback: new WeakRef(callback) });
    if (this.size >= this.sweepAt) this.sweep();
  };

  private readonly onProvider = (event: Event): void => {
    const context = (event as Event & { context: unknown }).context;
    const list = this.pending.get(context);
    if (!list) return;
    // Requests still unanswered after the replay add themselves again.
    this.pending.delete(context);
    for (const p of list) {
      const element = p.element.deref();
      const callback = p.callback.deref();
      if (element?.isConnected && callback) {
        element.dispatchEvent(new ContextRequestEvent(context as Context<unknown, unknown>, element, callback, true));
      }
    }
  };

  /** Drops the requests of elements that were collected or are no longer in a document. */
  private sweep(): void {
    for (const [context, list] of this.pending) {
      const kept = list.filter((p) => !!p.callback.deref() && !!p.element.deref()?.isConnected);
      if (kept.length) this.pending.set(context, kept);
      else this.pending.delete(context);
    }
    this.sweepAt = Math.max(64, this.size * 2);
  }
}

/**
 * Attaches one root for unanswered context requests to the document (once per page, whichever copy
 * of the library gets there first). It replays a component's context request when a provider is
 * upgraded after the component, as happens when the provider's tag is defined last or its module
 * loads lazily. Called by `defineElement`, i.e. only by registration modules.
 */
export function ensureContextRoot(): void {
  const doc = globalThis.document as (Document & { [ROOT_KEY]?: PendingContextRequests }) | undefined;
  if (!doc || doc[ROOT_KEY]) return;
  const root = new PendingContextRequests();
  root.attach(doc.documentElement);
  Object.defineProperty(doc, ROOT_KEY, { value: root });
}

/** The page's root for unanswered context requests, if a registration module attached one. */
export function contextRoot(): PendingContextRequests | undefined {
  return (globalThis.document as (Document & { [ROOT_KEY]?: PendingContextRequests }) | undefined)?.[ROOT_KEY];
}
