/**
 * The page `bench/bench.ts` drives (served by Vite): the mock API in a service worker, and the
 * subjects measured the same way. Data size comes from the query string (`?orders=100000&customers=10000`).
 * - `<order-table>` (through the SDK, from the in-page mocks) against `<vaadin-grid>` with a data
 *   provider answering from memory (the same orders, read once through the SDK before measuring),
 *   both formatting with the same formatters;
 * - `<customer-search>`: keystroke to results, and requests per search;
 * - `<customer-screen>`: time until every part shows data, and requests;
 * - each component mounted and unmounted N times: heap and DOM nodes before and after.
 */
import { getResponse } from 'msw';
import { startMockApi, type BrowserMockApi } from '../mocks/browser.js';
import { createHandlers, createScenario } from '../mocks/index.js';
import { createClient, type Client, type OrderSummary } from '../src/sdk/index.js';
import { formatDate, formatMoney, formatNumber } from '../src/components/shared/format.js';
import '../src/components/define.js';
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';

export interface GridRun {
  name: 'order-table' | 'vaadin-grid';
  firstRowsMs: number;
  fling: FrameStats;
  reading: FrameStats;
  /** Frames after a fling stopped until the rows in view show orders (0: the first frame did). */
  settleFrames: number;
  domRows: number;
  heapMB: number;
}
export interface FrameStats {
  mean: number;
  p95: number;
  /** Share of frames (0–1) with a placeholder row in view. */
  placeholderShare: number;
}
export interface SearchRun {
  latencies: number[];
  searchRequests: number;
  watchListRequests: number;
  searches: number;
}
export interface ScreenRun {
  ms: number;
  requests: number;
}
export interface MountRun {
  tag: string;
  heapBeforeMB: number;
  heapAfterMB: number;
  nodesBefore: number;
  nodesAfter: number;
}

const params = new URLSearchParams(location.search);
const ORDERS = Number(params.get('orders') || 10_000);
const CUSTOMERS = Number(params.get('customers') || 10_000);
const LOCALE = 'en-GB';

let api: BrowserMockApi | undefined;
async function mocks(): Promise<BrowserMockApi> {
  api ??= await startMockApi({ size: { customers: CUSTOMERS, orders: 2_000, bigCustomerOrders: ORDERS, manyNotes: 60 } });
  return api;
}

/** Requests made through this client, by kind, and how many are in flight. */
interface Counter {
  all: number;
  orders: number;
  search: number;
  watchList: number;
  inFlight: number;
}
/**
 * How the SDK's requests reach the mocks: `worker` through the page's service worker (as the demo
 * and the stories do: every request crosses to the worker and back, tens of milliseconds on this
 * machine), `memory` answered in the page by the same handlers and database (no network, as the
 * peer's data provider answers from memory). The SDK does the same work either way: URL, headers,
 * JSON, validation, cache.
 */
export type Transport = 'worker' | 'memory';
let memoryFetch: typeof fetch | undefined;
function transportFetch(m: BrowserMockApi, transport: Transport): typeof fetch {
  if (transport === 'worker') return (input, init) => fetch(input, init);
  memoryFetch ??= (() => {
    const handlers = createHandlers({ db: m.db, baseUrl: m.baseUrl, scenario: createScenario() });
    return async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      return (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
    };
  })();
  return memoryFetch;
}

function countingClient(m: BrowserMockApi, count: Counter, transport: Transport = 'worker'): Client {
  const send = transportFetch(m, transport);
  return createClient({
    baseUrl: m.baseUrl,
    getToken: () => m.tokens.admin,
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      count.all++;
      if (/\/customers\/[^/?]+\/orders(\?|$)/.test(url)) count.orders++;
      if (/\/customers(\?|$)/.test(url)) count.search++;
      if (/watch-list/.test(url)) count.watchList++;
      count.inFlight++;
      try {
        return await send(input, init);
      } finally {
        count.inFlight--;
      }
    },
  });
}
const counter = (): Counter => ({ all: 0, orders: 0, search: 0, watchList: 0, inFlight: 0 });

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 0));
  }
}
async function untilFrame(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await nextFrame();
  }
}

declare const gc: (() => void) | undefined;
function heapMB(): number {
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  return ((performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN) / 2 ** 20;
}
const nodes = () => document.getElementsByTagName('*').length;

function stage(): HTMLElement {
  document.body.replaceChildren();
  const host = document.createElement('div');
  host.className = 'stage';
  document.body.append(host);
  return host;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : Number.NaN;
};

// -----------------------------------------------------------------------------------------------
// Order table against vaadin-grid
// -----------------------------------------------------------------------------------------------

/** What each subject exposes to the shared scrolling code. */
interface Subject {
  scroller: HTMLElement;
  /** True when a row in view is a placeholder (its order not there yet). */
  placeholderInView(): boolean;
  domRows(): number;
}

function rowsInView(rows: Iterable<Element>, scroller: HTMLElement): Element[] {
  const box = scroller.getBoundingClientRect();
  const out: Element[] = [];
  for (const row of rows) {
    const r = row.getBoundingClientRect();
    if (r.bottom > box.top && r.top < box.bottom && r.height > 0) out.push(row);
  }
  return out;
}

async function scroll(subject: Subject, frames: number, step: number): Promise<FrameStats & { maxRows: number }> {
  const { scroller } = subject;
  const times: number[] = [];
  let placeholders = 0;
  let maxRows = subject.domRows();
  let last = await nextFrame();
  for (let i = 0; i < frames; i++) {
    const max = scroller.scrollHeight - scroller.clientHeight;
    scroller.scrollTop = scroller.scrollTop + step > max ? 0 : scroller.scrollTop + step;
    const now = await nextFrame();
    times.push(now - last);
    last = now;
    if (subject.placeholderInView()) placeholders++;
    maxRows = Math.max(maxRows, subject.domRows());
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { mean, p95: quantile(times, 0.95), placeholderShare: placeholders / frames, maxRows };
}

async function settle(subject: Subject): Promise<number> {
  for (let frame = 0; frame < 600; frame++) {
    if (!subject.placeholderInView()) return frame;
    await nextFrame();
  }
  return Number.POSITIVE_INFINITY;
}

let peerOrders: OrderSummary[] | undefined;
let channelNames: Map<string, string> | undefined;

async function prepare(): Promise<void> {
  const m = await mocks();
  const client = createClient({ baseUrl: m.baseUrl, getToken: () => m.tokens.admin });
  const id = m.db.fixtures.customers.bigOrders;
  const offsets = Array.from({ length: Math.ceil(ORDERS / 500) }, (_, i) => i * 500);
  const pages: OrderSummary[][] = [];
  for (let i = 0; i < offsets.length; i += 8) {
    const batch = await Promise.all(
      offsets.slice(i, i + 8).map((offset) => client.orders.list(id, { sort: 'placedAt', order: 'desc', offset, limit: 500 })),
    );
    pages.push(...batch.map((p) => p.items));
  }
  peerOrders = pages.flat();
  channelNames = new Map((await client.reference.get()).salesChannels.map((c) => [c.id, c.name]));
}

async function runOrderTable(frames: number, fling: number, reading: number, transport: Transport = 'memory'): Promise<GridRun> {
  const m = await mocks();
  const host = stage();
  const heapBefore = heapMB();
  const client = countingClient(m, counter(), transport);
  const t0 = performance.now();
  const el = document.createElement('order-table');
  el.client = client;
  el.locale = LOCALE;
  el.customerId = m.db.fixtures.customers.bigOrders;
  host.append(el);
  await until(() => !!el.shadowRoot?.querySelector('.body > [part="row"]'), 'the first order rows');
  const firstRowsMs = performance.now() - t0;
  const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part~="grid"]')!;
  const subject: Subject = {
    scroller,
    placeholderInView: () => rowsInView(el.shadowRoot!.querySelectorAll('.body > [role="row"]'), scroller).some((r) => r.part.contains('row-loading')),
    domRows: () => el.shadowRoot!.querySelectorAll('.body > [role="row"]').length,
  };
  return measureGrid('order-table', subject, firstRowsMs, frames, fling, reading, heapBefore);
}

async function runVaadin(frames: number, fling: number, reading: number): Promise<GridRun> {
  const orders = peerOrders!;
  const names = channelNames!;
  const host = stage();
  const heapBefore = heapMB();
  const t0 = performance.now();
  type Grid = HTMLElement & { size: number; pageSize: number; dataProvider: unknown };
  const grid = document.createElement('vaadin-grid') as Grid;
  grid.className = 'peer-grid';
  const column = (header: string, text: (o: OrderSummary) => string) => {
    const c = document.createElement('vaadin-grid-column') as HTMLElement & { header: string; renderer: unknown };
    c.header = header;
    c.renderer = (root: HTMLElement, _col: unknown, model: { item: OrderSummary }) => {
      root.textContent = text(model.item);
    };
    grid.append(c);
  };
  column('Order number', (o) => o.number);
  column('Date', (o) => formatDate(o.placedAt, LOCALE));
  column('Quantity', (o) => formatNumber(o.quantity, LOCALE));
  column('Cost', (o) => formatMoney(o.total, LOCALE));
  column('Status', (o) => o.status);
  column('Sales channel', (o) => names.get(o.salesChannelId) ?? o.salesChannelId);
  column('Priority', (o) => (o.priority ? 'Priority' : ''));
  grid.pageSize = 100;
  grid.size = orders.length;
  grid.dataProvider = (p: { page: number; pageSize: number }, callback: (items: OrderSummary[], size: number) => void) => {
    callback(orders.slice(p.page * p.pageSize, (p.page + 1) * p.pageSize), orders.length);
  };
  host.append(grid);
  const first = orders[0]!.number;
  await until(() => [...grid.querySelectorAll('vaadin-grid-cell-content')].some((c) => c.textContent === first), 'vaadin-grid rows');
  const firstRowsMs = performance.now() - t0;
  const scroller = grid.shadowRoot!.querySelector<HTMLElement>('#table')!;
  const subject: Subject = {
    scroller,
    placeholderInView: () => rowsInView(grid.shadowRoot!.querySelectorAll('#items > tr'), scroller).some((r) => r.hasAttribute('loading')),
    domRows: () => grid.shadowRoot!.querySelectorAll('#items > tr').length,
  };
  return measureGrid('vaadin-grid', subject, firstRowsMs, frames, fling, reading, heapBefore);
}

async function measureGrid(
  name: GridRun['name'],
  subject: Subject,
  firstRowsMs: number,
  frames: number,
  fling: number,
  reading: number,
  heapBefore: number,
): Promise<GridRun> {
  await nextFrame();
  const flung = await scroll(subject, frames, fling);
  const settleFrames = await settle(subject);
  await until(() => !subject.placeholderInView(), 'rows after the fling');
  const read = await scroll(subject, frames, reading);
  const heap = heapMB() - heapBefore;
  const domRows = Math.max(flung.maxRows, read.maxRows);
  return {
    name,
    firstRowsMs,
    fling: { mean: flung.mean, p95: flung.p95, placeholderShare: flung.placeholderShare },
    reading: { mean: read.mean, p95: read.p95, placeholderShare: read.placeholderShare },
    settleFrames,
    domRows,
    heapMB: heap,
  };
}

// -----------------------------------------------------------------------------------------------
// Search, screen, mount/unmount
// -----------------------------------------------------------------------------------------------

async function runSearch(searches: number): Promise<SearchRun> {
  const m = await mocks();
  const host = stage();
  const count = counter();
  const el = document.createElement('customer-search') as HTMLElement & { client: Client; debounce: number; locale: string };
  el.client = countingClient(m, count);
  el.locale = LOCALE;
  // The debounce is the host's choice and not work: measure the work.
  el.debounce = 0;
  host.append(el);
  await until(() => !!el.shadowRoot?.querySelector('input[part="input"]'), 'the search box');
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[part="input"]')!;
  input.focus();
  // Names' first three letters, from customers spread through the data set.
  const names = m.db.searchCustomers({}).map((c) => c.name);
  const queries = Array.from({ length: searches }, (_, i) => names[Math.floor(((i * 7919) % names.length))]!.slice(0, 3));
  const latencies: number[] = [];
  const before = { search: count.search, watchList: count.watchList };
  let done = 0;
  for (const q of queries) {
    // Clear, so that every query is a new search.
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await untilFrame(() => count.inFlight === 0, 'the search to clear');
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: q }));
    const listbox = () => el.shadowRoot!.querySelector('[role="listbox"]');
    await until(
      () =>
        listbox()?.getAttribute('aria-busy') === 'false' &&
        (!!el.shadowRoot!.querySelector('[role="option"]') || !!el.shadowRoot!.querySelector('[part="empty"]')) &&
        count.search > before.search + done,
      `results for "${q}"`,
    );
    latencies.push(performance.now() - t0);
    done++;
    // The rows' badges (and anything else) finish asking before the next search.
    await untilFrame(() => count.inFlight === 0, 'the requests after a search');
    await nextFrame();
    await untilFrame(() => count.inFlight === 0, 'the requests after a search');
  }
  return { latencies, searchRequests: count.search - before.search, watchListRequests: count.watchList - before.watchList, searches };
}

/** Every element under `root`, through open shadow roots. */
function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

async function runScreen(): Promise<ScreenRun> {
  const m = await mocks();
  const host = stage();
  const count = counter();
  const t0 = performance.now();
  const el = document.createElement('customer-screen') as HTMLElement & { client: Client; customerId: string; locale: string };
  el.client = countingClient(m, count);
  el.locale = LOCALE;
  el.customerId = m.db.fixtures.customers.oneAddress;
  host.append(el);
  const name = m.db.getCustomer(m.db.fixtures.customers.oneAddress)!.name;
  // Every part shows data: the name is there, no skeleton or loading row anywhere, nothing busy,
  // and the order table shows its orders.
  await until(() => {
    let named = false;
    let orders = false;
    for (const e of deep(el.shadowRoot ?? el)) {
      if (e.classList.contains('ce-skeleton') || e.part.contains('row-loading') || e.getAttribute('aria-busy') === 'true') return false;
      if (e.part.contains('name') && e.textContent?.includes(name)) named = true;
      if (e.part.contains('row') && e.getAttribute('role') === 'row') orders = true;
    }
    return named && orders && count.inFlight === 0;
  }, 'every part of the screen');
  return { ms: performance.now() - t0, requests: count.all };
}

const MOUNT_TAGS = [
  'watch-list-badge',
  'customer-search',
  'customer-card',
  'notes-panel',
  'address-book',
  'order-table',
  'customer-attachments',
  'customer-screen',
] as const;

async function runMounts(times: number, withProvider: boolean): Promise<MountRun[]> {
  const m = await mocks();
  const out: MountRun[] = [];
  const client = createClient({ baseUrl: m.baseUrl, getToken: () => m.tokens.admin });
  for (const tag of MOUNT_TAGS) {
    const host = stage();
    let parent: HTMLElement = host;
    if (withProvider) {
      const provider = document.createElement('customer-elements-provider') as HTMLElement & { client: Client; updateComplete: Promise<unknown> };
      provider.client = client;
      host.append(provider);
      await provider.updateComplete;
      parent = provider;
    }
    // One mount first, so that code, styles and shared caches are not counted as growth.
    const mountOnce = async () => {
      const el = document.createElement(tag) as HTMLElement & { client?: Client; customerId?: string; updateComplete: Promise<unknown> };
      if (!withProvider) el.client = client;
      el.customerId = m.db.fixtures.customers.oneAddress;
      parent.append(el);
      await el.updateComplete;
      el.remove();
    };
    await mountOnce();
    await new Promise((r) => setTimeout(r, 50));
    const nodesBefore = nodes();
    const heapBeforeMB = heapMB();
    for (let i = 0; i < times; i++) await mountOnce();
    // Let the aborted requests finish in the worker before weighing.
    await new Promise((r) => setTimeout(r, 200));
    await fetch(location.href, { cache: 'no-store' });
    out.push({ tag, heapBeforeMB, heapAfterMB: heapMB(), nodesBefore, nodesAfter: nodes() });
  }
  return out;
}

declare global {
  interface Window {
    bench: {
      ready: Promise<void>;
      orders: number;
      customers: number;
      runOrderTable: typeof runOrderTable;
      runVaadin: typeof runVaadin;
      runSearch: typeof runSearch;
      runScreen: typeof runScreen;
      runMounts: typeof runMounts;
    };
  }
}

window.bench = {
  ready: (async () => {
    await mocks();
    await prepare();
  })(),
  orders: ORDERS,
  customers: CUSTOMERS,
  runOrderTable,
  runVaadin,
  runSearch,
  runScreen,
  runMounts,
};
