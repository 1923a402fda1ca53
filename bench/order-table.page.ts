/**
 * The page `bench/order-table.ts` loads (served by Vite): the mock API in a service worker with the
 * big customer's 100,000 orders, and two subjects measured the same way —
 * - `<order-table>` on all 100,000 orders (virtualised, paged by offset as it scrolls);
 * - the peer: a plain, non-virtualised `<table>` of the same customer's first 2,000 orders, fetched
 *   through the same SDK and formatted with the same formatters, rendered with Lit.
 */
import { html, render } from 'lit';
import { startMockApi, type BrowserMockApi } from '../mocks/browser.js';
import { createClient, type Client, type OrderSummary } from '../src/sdk/index.js';
import { formatDate, formatMoney, formatNumber } from '../src/components/shared/format.js';
import '../src/components/order-table/define.js';
import type { OrderTable } from '../src/components/order-table/order-table.js';

export interface BenchResult {
  name: string;
  /** ms from creating the subject to its first order rows in the DOM. */
  firstRowsMs: number;
  /** Order rows in the DOM (the most seen during the scroll). */
  domRows: number;
  /** ms between animation frames while scrolling. */
  frames: number[];
  /** List requests made. */
  requests: number;
  /** Pixels scrolled in all. */
  scrolled: number;
}

let api: BrowserMockApi | undefined;

async function mocks(): Promise<BrowserMockApi> {
  api ??= await startMockApi({ size: { customers: 50, orders: 200, bigCustomerOrders: 100_000, manyNotes: 60 } });
  return api;
}

/** A fresh client (its own cache), counting list requests. */
function countingClient(m: BrowserMockApi, count: { n: number }): Client {
  return createClient({
    baseUrl: m.baseUrl,
    getToken: () => m.tokens.admin,
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (/\/customers\/[^/?]+\/orders(\?|$)/.test(url)) count.n++;
      return fetch(input, init);
    },
  });
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await nextFrame();
  }
}

/** Scrolls `scroller` by `step` px per animation frame for `frames` frames (wrapping at the end). */
async function scrollFrames(scroller: HTMLElement, frames: number, step: number, countRows: () => number) {
  const times: number[] = [];
  let maxRows = countRows();
  let scrolled = 0;
  let last = await nextFrame();
  for (let i = 0; i < frames; i++) {
    const max = scroller.scrollHeight - scroller.clientHeight;
    const next = scroller.scrollTop + step > max ? 0 : scroller.scrollTop + step;
    scrolled += Math.abs(next - scroller.scrollTop);
    scroller.scrollTop = next;
    const now = await nextFrame();
    times.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, countRows());
  }
  return { times, maxRows, scrolled };
}

function stage(): HTMLElement {
  document.body.replaceChildren();
  const host = document.createElement('div');
  host.className = 'stage';
  document.body.append(host);
  return host;
}

const gridRows = (el: OrderTable) => el.shadowRoot?.querySelectorAll('.body > [role="row"]').length ?? 0;

async function runTable(frames: number, step: number): Promise<BenchResult> {
  const m = await mocks();
  const count = { n: 0 };
  const client = countingClient(m, count);
  const host = stage();
  const t0 = performance.now();
  const el = document.createElement('order-table');
  el.client = client;
  el.customerId = m.db.fixtures.customers.bigOrders;
  host.append(el);
  await until(() => !!el.shadowRoot?.querySelector('.body > [part="row"]'), 'the first order rows');
  const firstRowsMs = performance.now() - t0;
  const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part~="grid"]')!;
  const { times, maxRows, scrolled } = await scrollFrames(scroller, frames, step, () => gridRows(el));
  return { name: 'order-table (100,000 orders, virtualised)', firstRowsMs, domRows: maxRows, frames: times, requests: count.n, scrolled };
}

async function runPlain(frames: number, step: number): Promise<BenchResult> {
  const m = await mocks();
  const count = { n: 0 };
  const client = countingClient(m, count);
  const host = stage();
  const locale = 'en-GB';
  const t0 = performance.now();
  const customerId = m.db.fixtures.customers.bigOrders;
  const pages = await Promise.all(
    [0, 500, 1000, 1500].map((offset) => client.orders.list(customerId, { sort: 'placedAt', order: 'desc', offset, limit: 500 })),
  );
  const orders: OrderSummary[] = pages.flatMap((p) => p.items);
  const channels = new Map((await client.reference.get()).salesChannels.map((c) => [c.id, c.name]));
  render(
    html`<div class="plain-scroller">
      <table>
        <thead>
          <tr><th>Order number</th><th>Date</th><th>Quantity</th><th>Cost</th><th>Status</th><th>Sales channel</th><th>Priority</th></tr>
        </thead>
        <tbody>
          ${orders.map(
            (o) => html`<tr>
              <td>${o.number}</td>
              <td>${formatDate(o.placedAt, locale)}</td>
              <td>${formatNumber(o.quantity, locale)}</td>
              <td>${formatMoney(o.total, locale)}</td>
              <td>${o.status}</td>
              <td>${channels.get(o.salesChannelId) ?? o.salesChannelId}</td>
              <td>${o.priority ? 'Priority' : ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
    host,
  );
  await nextFrame();
  const firstRowsMs = performance.now() - t0;
  const scroller = host.querySelector<HTMLElement>('.plain-scroller')!;
  const rowCount = () => scroller.querySelectorAll('tbody tr').length;
  const { times, maxRows, scrolled } = await scrollFrames(scroller, frames, step, rowCount);
  return { name: 'plain <table> (2,000 rows, not virtualised)', firstRowsMs, domRows: maxRows, frames: times, requests: count.n, scrolled };
}

declare global {
  interface Window {
    orderTableBench: {
      ready: Promise<void>;
      runTable(frames: number, step: number): Promise<BenchResult>;
      runPlain(frames: number, step: number): Promise<BenchResult>;
    };
  }
}

window.orderTableBench = {
  ready: (async () => {
    const m = await mocks();
    // Warm the mock data set (the big customer's default order) so neither subject pays for it.
    await createClient({ baseUrl: m.baseUrl, getToken: () => m.tokens.admin }).orders.list(m.db.fixtures.customers.bigOrders, { limit: 1 });
  })(),
  runTable,
  runPlain,
};
