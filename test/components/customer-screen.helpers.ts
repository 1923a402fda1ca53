/**
 * Looking into a composed customer screen the way its tests need: through every shadow root, per
 * section, and counting the requests it makes.
 */
import type { Mocks } from './helpers.js';

/** Every element matching `selector` under `root`, looking through shadow roots at any depth. */
export function deepQueryAll(root: Element | ShadowRoot, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element | ShadowRoot) => {
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.querySelectorAll<HTMLElement>('*')) {
      if (child.matches(selector)) found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** The first element matching `selector` under `root`, through shadow roots; null if none. */
export function deepQuery(root: Element | ShadowRoot, selector: string): HTMLElement | null {
  return deepQueryAll(root, selector)[0] ?? null;
}

/** The component a screen section holds (`details` → the card, `orders` → the order table…). */
export function sectionHost(screen: Element, section: string): HTMLElement | null {
  return screen.shadowRoot?.querySelector<HTMLElement>(`[part~="section-${section}"] .child`) ?? null;
}

const inside = (host: Element | null, selector: string) => host?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** True when the screen's header and every section have loaded and nothing is loading. */
export function screenLoaded(screen: Element): boolean {
  const root = screen.shadowRoot;
  if (!root?.querySelector('[part~="name"]')) return false;
  const card = inside(sectionHost(screen, 'details'), '[part~="card"]');
  if (!card || card.getAttribute('aria-busy') !== 'false') return false;
  const orders = sectionHost(screen, 'orders');
  const grid = inside(orders, '[part~="grid"]');
  const ordersReady =
    !!inside(orders, '[part~="empty"]') ||
    (!!grid && grid.getAttribute('aria-busy') === 'false' && !!orders!.shadowRoot!.querySelector('[part~="row"]:not([part~="row-loading"])'));
  if (!ordersReady) return false;
  const notes = sectionHost(screen, 'notes');
  const notesList = inside(notes, '[part~="list"]');
  if (!(inside(notes, '[part~="empty"]') || (notesList && notesList.getAttribute('aria-busy') !== 'true'))) return false;
  const addresses = sectionHost(screen, 'addresses');
  if (!inside(addresses, '[part~="list"], [part~="empty"]')) return false;
  const attachments = inside(sectionHost(screen, 'attachments'), '[part~="base"]');
  if (!attachments || attachments.getAttribute('aria-busy') !== 'false') return false;
  return !!attachments.querySelector('[part~="list"], [part~="empty"]');
}

/** What an API request was for, by its path under the API's base path. */
function resourceOf(method: string, path: string): string {
  if (method !== 'GET') return `${method} ${path}`;
  if (path === '/me') return 'me';
  if (path === '/reference') return 'reference';
  const m = /^\/customers\/[^/]+(?:\/([^/]+))?$/.exec(path);
  if (!m) return `GET ${path}`;
  const sub = m[1];
  if (!sub) return 'customers.get';
  if (['notes', 'addresses', 'orders', 'attachments'].includes(sub)) return `${sub}.list`;
  return sub; // account, loyalty, contacts, watch-list
}

export interface SeenRequest {
  /** The resource, e.g. `customers.get`, `me`, `notes.list`. */
  resource: string;
  /** Method, path and query, to tell identical requests apart from different ones. */
  url: string;
}

/** Records every request the page sends to the mock API (MSW's `request:start`), until `stop()`. */
export function countRequests(mocks: Pick<Mocks, 'worker' | 'baseUrl'>): { list: () => SeenRequest[]; stop: () => void } {
  const seen: SeenRequest[] = [];
  const base = new URL(mocks.baseUrl);
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return;
    const path = url.pathname.slice(base.pathname.length) || '/';
    seen.push({ resource: resourceOf(request.method, path), url: `${request.method} ${path}${url.search}` });
  };
  mocks.worker.events.on('request:start', listener);
  return { list: () => [...seen], stop: () => mocks.worker.events.removeListener('request:start', listener) };
}
