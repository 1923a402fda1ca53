import { expect, fixture, html } from '@open-wc/testing';
import type { Client, OrderListQuery, OrderSummary } from '../../src/sdk/index.js';
import type {
  OrderFromStockDetail,
  OrderOpenDetail,
  OrderTable,
  SeasonSelectDetail,
} from '../../src/components/order-table/order-table.js';
import type { OrderActionDetail, OrderDetail } from '../../src/components/order-table/order-detail.js';
import { PageCache, renderRange, scrollTopFor } from '../../src/components/order-table/virtualizer.js';
import { sendMouse } from '@web/test-runner-commands';
// Registers every tag, as a page using the library would.
import '../../src/components/order-table/define.js';
import {
  click,
  clientFor,
  deepActiveElement,
  expectAxeClean,
  press,
  startMocks,
  tab,
  typeText,
  waitFor,
  type Mocks,
} from './helpers.js';

let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  // The big customer at full volume: 100,000 orders (made lazily by the mocks).
  mocks = await startMocks({ size: { customers: 50, orders: 200, bigCustomerOrders: 100_000, manyNotes: 60 } });
  // The mocks make the 100,000 orders on the first request for them: seconds on a busy machine.
  // Pay that here, not in the first test's wait for its first rows.
  await mocks.client.orders.list(mocks.db.fixtures.customers.bigOrders, { offset: 0, limit: 1 });
});

afterEach(() => {
  mocks.scenario.reset();
});

// ------------------------------------------------------------------------------------------------
// Looking at the grid as a user (and assistive technology) does
// ------------------------------------------------------------------------------------------------

const $ = <T extends Element = HTMLElement>(root: Element, selector: string) =>
  (root.shadowRoot ?? root).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(root: Element, selector: string) => [
  ...(root.shadowRoot ?? root).querySelectorAll<T>(selector),
];
const grid = (el: OrderTable) => $(el, '[role="grid"]')!;
const bodyRows = (el: OrderTable) =>
  $$(el, '[role="grid"] [role="rowgroup"] [role="row"]:not([part~="header-row"])').sort(
    (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
  );
const loadedRows = (el: OrderTable) => bodyRows(el).filter((r) => !r.matches('[part~="row-loading"]'));
const numberOf = (row: Element) => row.querySelector('[part~="cell-number"]')!.textContent!.trim();
const statusOf = (row: Element) => row.querySelector('[part~="status"]')!.textContent!.trim();
const rowByNumber = (el: OrderTable, number: string) => loadedRows(el).find((r) => numberOf(r) === number);
/** The order numbers of the first `n` rows, once they are loaded. */
const firstNumbers = (el: OrderTable, n: number) => {
  const rows = bodyRows(el).slice(0, n);
  if (rows.length < n || rows.some((r) => r.matches('[part~="row-loading"]'))) return undefined;
  if (rows[0]!.getAttribute('aria-rowindex') !== '2') return undefined;
  return rows.map(numberOf);
};
const headers = (el: OrderTable) => $$(el, '[role="columnheader"]');
/** Cells whose text is cut (an ellipsis, or content wider than the cell). */
const cut = (cells: HTMLElement[]) =>
  cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => `${c.getAttribute('part')}: ${c.textContent!.trim()}`);
const dialog = (el: OrderTable) => $<HTMLDialogElement>(el, 'dialog[part~="dialog"]')!;
const detailOf = (el: OrderTable) => $<OrderDetail>(el, '[part~="detail"]')!;
const dpart = (detail: OrderDetail, name: string) => $(detail, `[part~="${name}"]`);
/** The focused cell as (row index as aria-rowindex, column as aria-colindex). */
const focusedCell = () => {
  const cell = deepActiveElement() as HTMLElement | null;
  if (!cell || !/gridcell|columnheader/.test(cell.getAttribute('role') ?? '')) return undefined;
  return {
    row: Number(cell.closest('[role="row"]')!.getAttribute('aria-rowindex')),
    col: Number(cell.getAttribute('aria-colindex')),
  };
};

interface Counting {
  client: Client;
  /** Query strings of the list requests made, in order. */
  lists: URLSearchParams[];
  /** The signals of those requests (to see which were aborted). */
  signals: AbortSignal[];
}

/** A client for `token` whose list requests are counted (a fetch wrapped around the real one). */
function countingClient(token = mocks.tokens.admin, options: Parameters<typeof clientFor>[1] = {}): Counting {
  const lists: URLSearchParams[] = [];
  const signals: AbortSignal[] = [];
  const client = clientFor(token, {
    ...options,
    fetch: (input, init) => {
      const request = input instanceof Request ? input : undefined;
      const url = new URL(request ? request.url : String(input), location.origin);
      const method = init?.method ?? request?.method ?? 'GET';
      if (method === 'GET' && /\/customers\/[^/]+\/orders$/.test(url.pathname)) {
        lists.push(url.searchParams);
        const signal = init?.signal ?? request?.signal;
        if (signal) signals.push(signal);
      }
      return fetch(input, init);
    },
  });
  return { client, lists, signals };
}

async function mount(customerId: string, client: Client, attrs: { readonly?: boolean } = {}): Promise<OrderTable> {
  const el = await fixture<OrderTable>(html`<order-table
    customer-id=${customerId}
    .client=${client}
    ?readonly=${attrs.readonly}
  ></order-table>`);
  await waitFor(() => loadedRows(el).length > 0 || $(el, '[part~="empty"]'), 'the first rows');
  return el;
}

/** The server's order numbers for a query (read directly through the SDK). */
async function serverNumbers(customerId: string, query: OrderListQuery, n: number): Promise<string[]> {
  const page = await clientFor(mocks.tokens.admin).orders.list(customerId, { ...query, offset: 0, limit: n });
  return page.items.map((o: OrderSummary) => o.number);
}

/** Focuses the grid's one tab stop with Tab, from the control just before it. */
async function tabIntoGrid(el: OrderTable): Promise<void> {
  const before = $(el, '[part~="order-from-stock"]') ?? $(el, '[part~="channel-filter"]')!;
  before.focus();
  await tab();
  await waitFor(() => focusedCell(), 'focus on a grid cell');
}

/**
 * A page that shows `<order-detail>` on its own registers it (the order-table entry registers it
 * only when a row is first opened).
 */
async function registerDetail(): Promise<void> {
  const { OrderDetail: Detail } = await import('../../src/components/order-table/order-detail.js');
  if (!customElements.getName(Detail)) customElements.define('order-detail', Detail);
}

async function openByNumber(el: OrderTable, number: string): Promise<OrderDetail> {
  const row = await waitFor(() => rowByNumber(el, number), `the row of ${number}`);
  await click(row.querySelector('[part~="cell-number"]')!);
  await waitFor(() => dialog(el).open, 'the detail dialog');
  // The detail's module loads when a row is first opened: the dialog shows it once it is in.
  const detail = await waitFor(() => detailOf(el), 'the order detail element');
  await waitFor(() => dpart(detail, 'title'), 'the order detail');
  return detail;
}

// ------------------------------------------------------------------------------------------------

describe('order-table', () => {
  describe('100,000 orders', () => {
    it('opens on the first page only: aria-rowcount 100001, few DOM rows, one or two list requests', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const counting = countingClient();
      const el = await mount(bigOrders, counting.client);
      const g = grid(el);
      expect(g.getAttribute('aria-rowcount')).to.equal('100001');
      expect(g.getAttribute('aria-colcount')).to.equal('7');
      const rows = bodyRows(el);
      expect(rows.length, 'rows in the DOM').to.be.greaterThan(5).and.lessThan(60);
      expect(rows[0]!.getAttribute('aria-rowindex')).to.equal('2');
      expect(counting.lists.length, 'list requests').to.be.within(1, 2);
      expect(counting.lists[0]!.get('offset')).to.equal('0');
      expect(firstNumbers(el, 5)).to.deep.equal(await serverNumbers(bigOrders, { sort: 'placedAt', order: 'desc' }, 5));
      expect($(el, '[part~="count"]')!.textContent).to.contain('100,000 orders');
      await expectAxeClean(el);
    });

    it('Ctrl+End shows the last order, fetching only the pages it needs; Ctrl+Home comes back', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const counting = countingClient();
      const el = await mount(bigOrders, counting.client);
      const [last] = (await clientFor(mocks.tokens.admin).orders.list(bigOrders, { sort: 'placedAt', order: 'desc', offset: 99_999, limit: 1 })).items;
      await tabIntoGrid(el);
      await press('Control+End');
      await waitFor(() => rowByNumber(el, last!.number), 'the last order number');
      expect(focusedCell(), 'focus on the last cell of the last row').to.deep.equal({ row: 100_001, col: 7 });
      const offsets = counting.lists.map((q) => q.get('offset'));
      expect(offsets, 'only the first and the last page').to.deep.equal(['0', '99900']);
      expect(bodyRows(el).length).to.be.lessThan(60);
      await press('Control+Home');
      await waitFor(() => firstNumbers(el, 3), 'the first rows again');
      expect(focusedCell()).to.deep.equal({ row: 2, col: 1 });
      expect(counting.lists.length, 'the first page came from the cache').to.equal(2);
    });

    it('reading down asks for the next page while the rows in view are still on the first one', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const counting = countingClient();
      const el = await mount(bigOrders, counting.client);
      expect(counting.lists.map((q) => q.get('offset'))).to.deep.equal(['0']);
      const g = grid(el);
      // A row at a time, as someone reading scrolls (past the few rows rendered above the view).
      for (let i = 1; i <= 10; i++) {
        g.scrollTop = 40 * i;
        await new Promise(requestAnimationFrame);
      }
      await waitFor(() => counting.lists.some((q) => q.get('offset') === '100'), 'the next page requested');
      const shown = bodyRows(el).map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
      expect(Math.max(...shown), 'no row of the next page rendered yet').to.be.below(100);
      // Its rows are there when the reader gets to them: no placeholder on the way.
      await waitFor(() => !$(el, '[part~="row-loading"]'), 'every rendered row loaded');
      g.scrollTop = 40 * 95;
      await waitFor(() => loadedRows(el).some((r) => r.getAttribute('aria-rowindex') === '102'), 'row 100 in view');
      expect(bodyRows(el).filter((r) => r.matches('[part~="row-loading"]')), 'placeholders at the page boundary').to.have.length(0);
    });

    it('shows placeholder rows while a page loads and aborts the request for a page scrolled past', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const counting = countingClient();
      const el = await mount(bigOrders, counting.client);
      mocks.scenario.latency = 400;
      const g = grid(el);
      // The middle of a page, so that exactly one page is missing.
      g.scrollTop = 40 * 50_050;
      await waitFor(() => bodyRows(el).some((r) => r.matches('[part~="row-loading"]')), 'placeholder rows');
      const loading = bodyRows(el).find((r) => r.matches('[part~="row-loading"]'))!;
      expect(loading.textContent).to.contain('Loading…');
      await waitFor(() => counting.lists.length === 2, 'the middle page requested');
      g.scrollTop = 40 * 80_000;
      await waitFor(() => counting.signals[1]!.aborted, 'the middle page request aborted');
      mocks.scenario.latency = 0;
      await waitFor(() => loadedRows(el).some((r) => Number(r.getAttribute('aria-rowindex')) > 80_000), 'rows at 80,000');
      expect(bodyRows(el).every((r) => Number(r.getAttribute('aria-rowindex')) > 79_000)).to.equal(true);
    });
  });

  describe('sort, filter and search, by the server', () => {
    it('sorts by each column with a click or the keyboard, in the server order, with aria-sort', async function () {
      this.timeout(60_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const el = await mount(bigOrders, clientFor(mocks.tokens.admin));
      const cols = headers(el);
      expect(cols.map((h) => h.textContent!.trim().replace(/[▲▼]/g, ''))).to.deep.equal([
        'Order number', 'Date', 'Quantity', 'Cost', 'Status', 'Sales channel', 'Priority',
      ]);
      expect(cols[1]!.getAttribute('aria-sort')).to.equal('descending');
      for (const [i, sort] of (['number', 'placedAt', 'quantity', 'total', 'status', 'salesChannelId'] as const).entries()) {
        const before = el.order;
        await click(cols[i]!);
        await waitFor(() => el.sort === sort, `sorted by ${sort}`);
        const order = el.order;
        if (sort === 'placedAt') expect(order).to.not.equal(before);
        const expected = await serverNumbers(bigOrders, { sort, order }, 8);
        await waitFor(() => JSON.stringify(firstNumbers(el, 8)) === JSON.stringify(expected), `rows sorted by ${sort} ${order}`);
        expect(headers(el)[i]!.getAttribute('aria-sort')).to.equal(order === 'asc' ? 'ascending' : 'descending');
        expect(headers(el).filter((h) => h.getAttribute('aria-sort') === 'none')).to.have.length(5);
      }
      expect(cols[6]!.hasAttribute('aria-sort'), 'priority cannot be sorted by the server').to.equal(false);
      // Enter on the focused header flips the direction.
      expect(focusedCell()).to.deep.equal({ row: 1, col: 6 });
      await press('Enter');
      await waitFor(() => el.order === 'desc', 'descending');
      const expected = await serverNumbers(bigOrders, { sort: 'salesChannelId', order: 'desc' }, 8);
      await waitFor(() => JSON.stringify(firstNumbers(el, 8)) === JSON.stringify(expected), 'rows sorted descending');
      expect(headers(el)[5]!.getAttribute('aria-sort')).to.equal('descending');
      await press('Space');
      await waitFor(() => el.order === 'asc', 'Space sorts too');
    });

    it('filters by status and by channel from the selects, in the server order', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const el = await mount(bigOrders, clientFor(mocks.tokens.admin));
      const status = $<HTMLSelectElement>(el, '[part~="status-filter"]')!;
      status.focus();
      for (let i = 0; i < 3; i++) await press('ArrowDown');
      expect(status.value).to.equal('dispatched');
      const dispatched = await serverNumbers(bigOrders, { status: 'dispatched', sort: 'placedAt', order: 'desc' }, 8);
      await waitFor(() => JSON.stringify(firstNumbers(el, 8)) === JSON.stringify(dispatched), 'dispatched orders');
      expect(loadedRows(el).every((r) => statusOf(r) === 'Dispatched')).to.equal(true);
      const total = (await clientFor(mocks.tokens.admin).orders.list(bigOrders, { status: 'dispatched', limit: 1 })).total;
      expect(grid(el).getAttribute('aria-rowcount')).to.equal(String(total + 1));

      const reference = await clientFor(mocks.tokens.admin).reference.get();
      const channelSelect = $<HTMLSelectElement>(el, '[part~="channel-filter"]')!;
      // The channel most of whose orders are not the big customer's usual one.
      let pick = -1;
      for (const [i, c] of reference.salesChannels.entries()) {
        const page = await clientFor(mocks.tokens.admin).orders.list(bigOrders, { status: 'dispatched', salesChannelId: c.id, limit: 1 });
        if (page.total > 0 && page.total < total) { pick = i; break; }
      }
      expect(pick).to.be.greaterThan(-1);
      const channel = reference.salesChannels[pick]!;
      channelSelect.focus();
      for (let i = 0; i <= pick; i++) await press('ArrowDown');
      expect(channelSelect.value).to.equal(channel.id);
      const both = await serverNumbers(bigOrders, { status: 'dispatched', salesChannelId: channel.id, sort: 'placedAt', order: 'desc' }, 8);
      await waitFor(() => JSON.stringify(firstNumbers(el, Math.min(8, both.length))) === JSON.stringify(both), 'dispatched orders of the channel');
      expect(loadedRows(el).every((r) => r.querySelector('[part~="cell-channel"]')!.textContent!.trim() === channel.name)).to.equal(true);
    });

    it('finds orders by number as the user types (debounced, one request for the query)', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const counting = countingClient();
      const el = await mount(bigOrders, counting.client);
      // A pause long enough that a busy test machine cannot split one burst of typing in two.
      el.debounce = 2000;
      const some = firstNumbers(el, 1)![0]!;
      const prefix = some.slice(0, -2);
      $<HTMLInputElement>(el, '[part~="search"]')!.focus();
      await typeText(prefix);
      const expected = await serverNumbers(bigOrders, { q: prefix, sort: 'placedAt', order: 'desc' }, 5);
      const matching = (await clientFor(mocks.tokens.admin).orders.list(bigOrders, { q: prefix, limit: 1 })).total;
      expect(matching).to.be.lessThan(100_000);
      await waitFor(() => grid(el).getAttribute('aria-rowcount') === String(matching + 1), 'the count of matches');
      await waitFor(() => JSON.stringify(firstNumbers(el, 5)) === JSON.stringify(expected), 'the matching orders');
      expect(loadedRows(el).every((r) => numberOf(r).startsWith(prefix))).to.equal(true);
      // Debounced: one request for the whole burst of key presses, asking for the whole number.
      const sent = counting.lists.filter((q) => q.has('q')).map((q) => q.get('q')!);
      expect(sent, `requests for ${prefix.length} key presses`).to.deep.equal([prefix]);
      // A number that matches nothing shows the empty state.
      el.debounce = 250;
      await typeText('ZZZ');
      await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
      expect($(el, '[part~="empty"]')!.textContent!.trim()).to.equal('No orders match.');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('1');
      // The grid keeps its one tab stop, on the header.
      expect($$(el, '[role="grid"] [tabindex="0"]').map((c) => c.getAttribute('role'))).to.deep.equal(['columnheader']);
      await expectAxeClean(el);
    });
  });

  describe('keyboard (ARIA grid pattern)', () => {
    it('has one tab stop; arrows, Home/End, PageDown/PageUp and Ctrl+Home move focus between cells', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const el = await mount(bigOrders, clientFor(mocks.tokens.admin));
      await tabIntoGrid(el);
      expect(focusedCell()).to.deep.equal({ row: 2, col: 1 });
      expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(1);
      await press('ArrowRight');
      expect(focusedCell()).to.deep.equal({ row: 2, col: 2 });
      await press('End');
      expect(focusedCell()).to.deep.equal({ row: 2, col: 7 });
      await press('ArrowRight');
      expect(focusedCell(), 'no wrap past the last column').to.deep.equal({ row: 2, col: 7 });
      await press('Home');
      expect(focusedCell()).to.deep.equal({ row: 2, col: 1 });
      await press('ArrowDown');
      expect(focusedCell()).to.deep.equal({ row: 3, col: 1 });
      await press('ArrowUp');
      await press('ArrowUp');
      expect(focusedCell(), 'up into the header row').to.deep.equal({ row: 1, col: 1 });
      await press('ArrowDown');
      const visible = el.visibleRows;
      const perPage = visible.last - visible.first;
      await press('PageDown');
      const afterPageDown = focusedCell()!;
      expect(afterPageDown.col).to.equal(1);
      expect(afterPageDown.row - 2, 'PageDown moves by the visible rows').to.be.within(perPage - 1, perPage + 1);
      await press('PageDown');
      expect(focusedCell()!.row).to.equal(afterPageDown.row + (afterPageDown.row - 2));
      // The focused row is in view (not under the sticky header, not below the fold).
      const cell = deepActiveElement()!.getBoundingClientRect();
      const box = grid(el).getBoundingClientRect();
      const header = $(el, '[part~="header-row"]')!.getBoundingClientRect();
      expect(cell.top).to.be.at.least(header.bottom - 1);
      expect(cell.bottom).to.be.at.most(box.bottom + 1);
      await press('PageUp');
      expect(focusedCell()!.row).to.equal(afterPageDown.row);
      await press('Control+Home');
      expect(focusedCell()).to.deep.equal({ row: 2, col: 1 });
      expect($$(el, '[role="grid"] [tabindex="0"]')).to.have.length(1);
      // Tab leaves the grid.
      await tab();
      expect(focusedCell()).to.equal(undefined);
    });

    it('keeps focus on the logical cell while the rows around it are replaced by scrolling', async function () {
      this.timeout(30_000);
      const { bigOrders } = mocks.db.fixtures.customers;
      const el = await mount(bigOrders, clientFor(mocks.tokens.admin));
      await tabIntoGrid(el);
      await press('ArrowDown');
      await press('ArrowRight');
      const focused = deepActiveElement();
      const number = numberOf(focused!.closest('[role="row"]')!);
      grid(el).scrollTop = 40 * 5_000;
      await waitFor(() => bodyRows(el).some((r) => Number(r.getAttribute('aria-rowindex')) > 5_000), 'rows far below');
      expect(deepActiveElement(), 'the same cell keeps focus').to.equal(focused);
      // The rows are in the DOM in reading order, the focused one included.
      const domOrder = $$(el, '[role="grid"] .body > [role="row"]').map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(domOrder.every((n, i, all) => i === 0 || all[i - 1]! < n), 'rows in reading order').to.equal(true);
      expect(focusedCell()).to.deep.equal({ row: 3, col: 2 });
      await press('ArrowDown');
      await waitFor(() => focusedCell()?.row === 4, 'the next row');
      expect(focusedCell()).to.deep.equal({ row: 4, col: 2 });
      await waitFor(() => rowByNumber(el, number), 'scrolled back to the focused row');
    });
  });

  describe('the order detail', () => {
    it('Enter opens the order in a dialog (order-open); Escape closes it and focus returns to the row', async function () {
      this.timeout(30_000);
      const { allStatuses } = mocks.db.fixtures.customers;
      const el = await mount(allStatuses, clientFor(mocks.tokens.admin));
      const opened: OrderOpenDetail[] = [];
      el.addEventListener('order-open', (e) => opened.push(e.detail));
      await tabIntoGrid(el);
      await press('ArrowDown');
      await press('ArrowRight');
      const row = deepActiveElement()!.closest('[role="row"]')!;
      const number = numberOf(row);
      await press('Enter');
      await waitFor(() => dialog(el).open, 'the dialog');
      expect(opened).to.have.length(1);
      expect(opened[0]!.order.number).to.equal(number);
      const detail = await waitFor(() => detailOf(el), 'the detail element');
      await waitFor(() => dpart(detail, 'title'), 'the detail');
      expect(dpart(detail, 'title')!.textContent!.trim()).to.equal(`Order ${number}`);
      expect(dialog(el).getAttribute('aria-label')).to.equal(`Order ${number}`);
      const order = await clientFor(mocks.tokens.admin).orders.get(opened[0]!.orderId);
      const lineRows = $$(detail, '[part~="detail-lines"] tbody tr');
      expect(lineRows).to.have.length(order.lines.length);
      expect(lineRows[0]!.textContent).to.contain(order.lines[0]!.sku);
      for (const heading of ['Items', 'Totals', 'Tracking', 'Print history', 'Order triggers', 'Refunds', 'Returns', 'Attachments']) {
        expect($$(detail, 'h3').map((h) => h.textContent!.trim())).to.include(heading);
      }
      expect(dpart(detail, 'totals')!.textContent).to.contain('Subtotal').and.contain('Refunded');
      await expectAxeClean(el);
      await press('Escape');
      await waitFor(() => !dialog(el).open, 'the dialog to close');
      expect(focusedCell()).to.deep.equal({ row: 3, col: 2 });
    });

    it('opens an order with a click; Close by mouse and a click on the backdrop close it, focus back on the row', async function () {
      this.timeout(30_000);
      const el = await mount(mocks.db.fixtures.customers.allStatuses, clientFor(mocks.tokens.admin));
      const row = loadedRows(el)[1]!;
      const number = numberOf(row);
      await click(row.querySelector('[part~="cell-number"]')!);
      await waitFor(() => dialog(el).open && dpart(detailOf(el), 'title'), 'the detail');
      // Close is on top at its centre (the click helper fails naming whatever covers it), and works.
      const close = $(el, '[part~="close-button"]')!;
      const title = dpart(detailOf(el), 'title')!.getBoundingClientRect();
      expect(close.getBoundingClientRect().left).to.be.greaterThan(title.right - 1);
      await click(close);
      await waitFor(() => !dialog(el).open, 'Close to close the detail');
      expect(numberOf(deepActiveElement()!.closest('[role="row"]')!)).to.equal(number);

      // Scrolled down inside the detail, Close is still in reach.
      await click(rowByNumber(el, number)!.querySelector('[part~="cell-date"]')!);
      await waitFor(() => dialog(el).open && dpart(detailOf(el), 'title'), 'the detail again');
      dialog(el).scrollTop = 400;
      await waitFor(() => dialog(el).scrollTop > 0, 'the detail to scroll');
      await click($(el, '[part~="close-button"]')!);
      await waitFor(() => !dialog(el).open, 'Close to close the scrolled detail');

      await click(rowByNumber(el, number)!.querySelector('[part~="cell-date"]')!);
      await waitFor(() => dialog(el).open && dpart(detailOf(el), 'title'), 'the detail a third time');
      // A click in the dialog's own padding keeps it open; one on the backdrop closes it.
      const box = dialog(el).getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + 4), Math.round(box.top + box.height / 2)] });
      expect(dialog(el).open).to.equal(true);
      expect(box.left).to.be.greaterThan(4);
      await sendMouse({ type: 'click', position: [Math.floor(box.left / 2), Math.round(box.top + box.height / 2)] });
      await waitFor(() => !dialog(el).open, 'a backdrop click to close the detail');
      expect(numberOf(deepActiveElement()!.closest('[role="row"]')!)).to.equal(number);
    });

    it('cancel asks first: "Keep the order" keeps it, confirming shows Cancelled in the detail and the row', async function () {
      this.timeout(30_000);
      const { allStatuses } = mocks.db.fixtures.customers;
      const { cancellable } = mocks.db.fixtures.orders;
      const number = mocks.db.getOrder(cancellable)!.number;
      const el = await mount(allStatuses, clientFor(mocks.tokens.admin));
      const actions: OrderActionDetail[] = [];
      el.addEventListener('order-action', (e) => actions.push(e.detail));
      expect(statusOf(rowByNumber(el, number)!)).to.equal('Unallocated');
      const detail = await openByNumber(el, number);
      const cancel = dpart(detail, 'action-cancel')!;
      await click(cancel);
      const confirm = $<HTMLDialogElement>(detail, 'dialog[part~="confirm"]')!;
      await waitFor(() => confirm.open, 'the confirmation');
      expect(confirm.textContent).to.contain(`Cancel order ${number}?`);
      await expectAxeClean(detail);
      await click(dpart(detail, 'confirm-dismiss')!);
      await waitFor(() => !confirm.open, 'the confirmation to close');
      expect(deepActiveElement()).to.equal(cancel);
      expect(dialog(el).open, 'the detail stays open').to.equal(true);
      expect((await clientFor(mocks.tokens.admin).orders.get(cancellable)).status).to.equal('unallocated');
      expect(dpart(detail, 'status')!.textContent!.trim()).to.equal('Unallocated');

      await click(cancel);
      await waitFor(() => confirm.open, 'the confirmation again');
      $<HTMLTextAreaElement>(detail, '#cancel-reason')!.focus();
      await typeText('Customer rang to cancel');
      await click(dpart(detail, 'confirm-accept')!);
      await waitFor(() => dpart(detail, 'status')?.textContent!.trim() === 'Cancelled', 'Cancelled in the detail');
      expect(confirm.open).to.equal(false);
      expect(actions.map((a) => a.action)).to.deep.equal(['cancel']);
      expect(actions[0]!.order.status).to.equal('cancelled');
      expect(dpart(detail, 'action-cancel')!.getAttribute('aria-disabled')).to.equal('true');
      await press('Escape');
      await waitFor(() => !dialog(el).open, 'the dialog to close');
      await waitFor(() => statusOf(rowByNumber(el, number)!) === 'Cancelled', 'Cancelled in the row');
      expect((await clientFor(mocks.tokens.admin).orders.get(cancellable)).status).to.equal('cancelled');
    });

    it("disables a dispatched order's cancel, with the reason", async () => {
      const { dispatched } = mocks.db.fixtures.orders;
      const el = await mount(mocks.db.fixtures.customers.allStatuses, clientFor(mocks.tokens.admin));
      const detail = await openByNumber(el, mocks.db.getOrder(dispatched)!.number);
      const cancel = dpart(detail, 'action-cancel')!;
      expect(cancel.getAttribute('aria-disabled')).to.equal('true');
      const reason = $(detail, `#${cancel.getAttribute('aria-describedby')}`)!;
      expect(reason.textContent!.trim()).to.equal('Dispatched orders cannot be cancelled.');
      await click(cancel);
      expect($<HTMLDialogElement>(detail, 'dialog[part~="confirm"]')!.open, 'no confirmation').to.equal(false);
      await expectAxeClean(detail);
    });

    it('offers only the actions the user may take: none for a viewer, no cancel for a clerk', async () => {
      const { allStatuses } = mocks.db.fixtures.customers;
      const someOrder = (await clientFor(mocks.tokens.admin).orders.list(allStatuses, { status: 'allocated' })).items[0]!;
      const viewer = await mount(allStatuses, clientFor(mocks.tokens.viewer));
      const viewerDetail = await openByNumber(viewer, someOrder.number);
      await waitFor(() => dpart(viewerDetail, 'section'), 'the sections');
      expect($$(viewerDetail, '[part~="action"]')).to.have.length(0);
      await press('Escape');

      const clerk = await mount(allStatuses, clientFor(mocks.tokens.clerk));
      const clerkDetail = await openByNumber(clerk, someOrder.number);
      await waitFor(() => dpart(clerkDetail, 'action'), 'the clerk actions');
      const offered = $$(clerkDetail, '[part~="action"]').map((b) => b.textContent!.trim());
      expect(offered).to.include('Add tracking code');
      expect(offered).to.include('Print invoice');
      expect(offered).to.not.include('Cancel order');
      expect(offered).to.not.include('Create refund');
      expect(dpart(clerkDetail, 'action-cancel')).to.equal(null);
    });

    it('adds a tracking code that persists (a re-read shows it), firing order-action', async function () {
      this.timeout(30_000);
      const { allStatuses } = mocks.db.fixtures.customers;
      const target = (await clientFor(mocks.tokens.admin).orders.list(allStatuses, { status: 'allocated' })).items[0]!;
      const el = await mount(allStatuses, clientFor(mocks.tokens.admin));
      const actions: OrderActionDetail[] = [];
      el.addEventListener('order-action', (e) => actions.push(e.detail));
      const detail = await openByNumber(el, target.number);
      const toggle = dpart(detail, 'action-tracking')!;
      await click(toggle);
      await waitFor(() => dpart(detail, 'action-form'), 'the tracking form');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(deepActiveElement()).to.equal($(detail, '#tracking-carrier'));
      await typeText('Royal Mail');
      await tab();
      await typeText('RM123456789GB');
      await press('Enter');
      await waitFor(() => dpart(detail, 'section-tracking')!.textContent!.includes('RM123456789GB'), 'the new code in the detail');
      expect(dpart(detail, 'action-form')).to.equal(null);
      expect(actions.map((a) => a.action)).to.deep.equal(['add-tracking']);
      const reread = await clientFor(mocks.tokens.admin).orders.get(target.id);
      expect(reread.tracking.map((t) => [t.carrier, t.code, t.source])).to.deep.include(['Royal Mail', 'RM123456789GB', 'manual']);
      // A fresh detail, alone on the page, shows it too.
      await registerDetail();
      const alone = await fixture<OrderDetail>(html`<order-detail order-id=${target.id} .client=${clientFor(mocks.tokens.viewer)}></order-detail>`);
      await waitFor(() => dpart(alone, 'section-tracking')?.textContent!.includes('RM123456789GB'), 'the code in a fresh detail');
    });

    it('shows a failed action beside it and keeps what was typed; field errors show beside the fields', async function () {
      this.timeout(30_000);
      const { allStatuses } = mocks.db.fixtures.customers;
      const target = (await clientFor(mocks.tokens.admin).orders.list(allStatuses, { status: 'allocated' })).items[1]!;
      const el = await mount(allStatuses, clientFor(mocks.tokens.admin));
      const detail = await openByNumber(el, target.number);
      await click(dpart(detail, 'action-tracking')!);
      await waitFor(() => dpart(detail, 'action-form'), 'the tracking form');
      // Checked where it is typed: a code too short.
      await typeText('DPD');
      await tab();
      await typeText('X');
      await press('Enter');
      await waitFor(() => dpart(detail, 'field-error'), 'the field error');
      expect(dpart(detail, 'field-error')!.textContent!.trim()).to.equal('Enter the tracking code (at least 3 characters).');
      expect($(detail, '#tracking-code')!.getAttribute('aria-invalid')).to.equal('true');
      await typeText('123456');
      // Every try fails (the SDK retries a write twice, with one Idempotency-Key).
      mocks.scenario.failNext('orders.addTracking', 500, 3);
      await press('Enter');
      await waitFor(() => dpart(detail, 'action-error'), 'the failure message');
      expect(dpart(detail, 'action-error')!.textContent!.trim()).to.equal(
        'The server could not complete the request (error 500). Try again.',
      );
      expect($<HTMLInputElement>(detail, '#tracking-carrier')!.value).to.equal('DPD');
      expect($<HTMLInputElement>(detail, '#tracking-code')!.value).to.equal('X123456');
      await expectAxeClean(detail);
      await click(dpart(detail, 'submit')!);
      await waitFor(() => dpart(detail, 'section-tracking')!.textContent!.includes('X123456'), 'saved on retry');
      expect(dpart(detail, 'action-error')).to.equal(null);

      // The server's own field errors (a refund larger than the order) show beside the field.
      await click(dpart(detail, 'action-refund')!);
      await waitFor(() => $(detail, '#refund-amount'), 'the refund form');
      await typeText('999999');
      $<HTMLInputElement>(detail, '#refund-reason')!.focus();
      await typeText('Goodwill');
      await press('Enter');
      await waitFor(() => dpart(detail, 'field-error'), 'the server field error');
      expect(dpart(detail, 'field-error')!.textContent).to.match(/At most .* can be refunded on this order\./);
      expect($(detail, '#refund-amount')!.getAttribute('aria-describedby')).to.contain('refund-amount-error');
      expect($<HTMLInputElement>(detail, '#refund-reason')!.value).to.equal('Goodwill');
      // The form's message points down at the marked fields, so it stands above them.
      const message = dpart(detail, 'action-error')!;
      expect(message.textContent).to.contain('Check the fields marked below');
      expect(message.getBoundingClientRect().bottom).to.be.at.most($(detail, '#refund-amount')!.getBoundingClientRect().top);
    });

    it('alone on a page: prioritises, runs triggers, prints the invoice, enters a return and attaches a file', async function () {
      this.timeout(30_000);
      const admin = clientFor(mocks.tokens.admin);
      const { pendingTriggers, dispatched } = mocks.db.fixtures.orders;
      const actions: string[] = [];
      const mountDetail = async (orderId: string) => {
        await registerDetail();
        const detail = await fixture<OrderDetail>(html`<order-detail order-id=${orderId} .client=${admin}></order-detail>`);
        detail.addEventListener('order-action', (e) => actions.push(e.detail.action));
        await waitFor(() => dpart(detail, 'actions'), 'the actions');
        return detail;
      };

      // Triggers: the pending ones run, and their documents join the print history.
      const withTriggers = await mountDetail(pendingTriggers);
      const pending = (await admin.orders.get(pendingTriggers)).triggers.filter((t) => t.status === 'pending');
      expect(pending.length).to.be.greaterThan(0);
      expect(dpart(withTriggers, 'section-triggers')!.textContent).to.contain('Pending');
      await click(dpart(withTriggers, 'action-triggers')!);
      await waitFor(() => !dpart(withTriggers, 'section-triggers')!.textContent!.includes('Pending'), 'the triggers to run');
      expect(dpart(withTriggers, 'action-triggers')!.getAttribute('aria-disabled')).to.equal('true');
      expect($(withTriggers, '#why-triggers')!.textContent!.trim()).to.equal('Every order trigger has run.');

      // Prioritise, then the invoice (an allocated order).
      const allocated = (await admin.orders.list(mocks.db.fixtures.customers.allStatuses, { status: 'allocated' })).items.find((o) => !o.priority)!;
      const detail = await mountDetail(allocated.id);
      expect(dpart(detail, 'priority')).to.equal(null);
      await click(dpart(detail, 'action-prioritise')!);
      await waitFor(() => dpart(detail, 'priority'), 'the priority flag');
      expect(dpart(detail, 'action-prioritise')!.textContent!.trim()).to.equal('Remove priority');
      // A screen reader hears what was done, not the button's new label.
      const announced = () => $(detail, '.ce-visually-hidden[role="status"]')!.textContent!.trim();
      expect(announced()).to.equal('Prioritised');
      await click(dpart(detail, 'action-prioritise')!);
      await waitFor(() => !dpart(detail, 'priority'), 'the priority flag to go');
      expect(announced()).to.equal('Priority removed');
      await click(dpart(detail, 'action-prioritise')!);
      await waitFor(() => dpart(detail, 'priority'), 'the priority flag again');
      expect(announced()).to.equal('Prioritised');
      const printsBefore = (await admin.orders.get(allocated.id)).printHistory.length;
      await click(dpart(detail, 'action-invoice')!);
      await waitFor(() => dpart(detail, 'section-prints')!.querySelectorAll('li').length === printsBefore + 1, 'the invoice in the print history');

      // A return of one item of the dispatched order, with a reason.
      const returned = await mountDetail(dispatched);
      const order = await admin.orders.get(dispatched);
      const line = order.lines.find((l) => l.quantity > l.returnedQuantity)!;
      await click(dpart(returned, 'action-return')!);
      await waitFor(() => dpart(returned, 'action-form'), 'the returns form');
      expect(deepActiveElement()!.id).to.equal(`return-line-${line.id.replace(/\W/g, '-')}`);
      await typeText('1');
      $<HTMLInputElement>(returned, '#return-reason')!.focus();
      await typeText('Arrived damaged');
      await press('Enter');
      await waitFor(() => dpart(returned, 'section-returns')!.textContent!.includes('Arrived damaged'), 'the return');
      expect((await admin.orders.get(dispatched)).lines.find((l) => l.id === line.id)!.returnedQuantity).to.equal(line.returnedQuantity + 1);

      // Attach: the file a user picked (set as the browser's file chooser would).
      await click(dpart(returned, 'action-attach')!);
      const input = await waitFor(() => $<HTMLInputElement>(returned, '#attach-file'), 'the file input');
      const files = new DataTransfer();
      files.items.add(new File(['Proof of delivery'], 'pod.txt', { type: 'text/plain' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await click(dpart(returned, 'submit')!);
      await waitFor(() => dpart(returned, 'section-attachments')!.textContent!.includes('pod.txt'), 'the attachment');
      expect(actions).to.deep.equal(['run-triggers', 'prioritise', 'unprioritise', 'prioritise', 'print-invoice', 'return', 'attach']);
      await expectAxeClean(returned);
    });

    it('renders hostile order fields as text', async function () {
      this.timeout(30_000);
      const { hostile } = mocks.db.fixtures.customers;
      const el = await mount(hostile, clientFor(mocks.tokens.admin));
      const dispatched = (await clientFor(mocks.tokens.admin).orders.list(hostile, { status: 'dispatched' })).items[0]!;
      const detail = await openByNumber(el, dispatched.number);
      await waitFor(() => dpart(detail, 'section-tracking'), 'the sections');
      const text = detail.shadowRoot!.textContent!;
      expect(text).to.contain('<script>alert(1)</script>');
      expect(text).to.contain('<img src=x onerror=alert(1)>');
      expect(detail.shadowRoot!.querySelector('script, img, svg[onload], iframe')).to.equal(null);
      expect(el.shadowRoot!.querySelector('script, img, iframe')).to.equal(null);
      await expectAxeClean(el);
    });
  });

  describe('narrow', () => {
    for (const width of [400, 320]) {
      it(`at ${width} px shows every order's number, status, cost, quantity, date and sales channel uncut, and the priority flag`, async () => {
        const { allStatuses } = mocks.db.fixtures.customers;
        const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width - 32}px">
          <order-table customer-id=${allStatuses} .client=${clientFor(mocks.tokens.admin)}></order-table>
        </div>`);
        const el = wrapper.querySelector<OrderTable>('order-table')!;
        await waitFor(() => loadedRows(el).length >= 4, 'the rows');
        const rows = loadedRows(el).slice(0, 6);
        const cells = rows.flatMap((r) => [...r.querySelectorAll<HTMLElement>('[part~="cell"]')].filter((c) => !c.matches('[part~="cell-priority"]')));
        expect(cut(cells), 'cells cut').to.deep.equal([]);
        expect(cut(headers(el).filter((h) => !h.classList.contains('h-priority'))), 'headers cut').to.deep.equal([]);
        // The flag is a marker here: seen inside its row, named for assistive technology.
        const flag = rows.map((r) => r.querySelector<HTMLElement>('[part~="priority"]')).find(Boolean);
        expect(flag, 'a prioritised order in the first rows').to.be.instanceOf(HTMLElement);
        const box = flag!.getBoundingClientRect();
        const row = flag!.closest('[role="row"]')!.getBoundingClientRect();
        expect(box.width).to.be.greaterThan(4);
        expect(box.left >= row.left && box.right <= row.right, 'the flag inside its row').to.equal(true);
        expect(flag!.textContent!.trim()).to.equal('Priority');
      });
    }
  });

  describe('states and host events', () => {
    it('shows a failed load with Try again (axe clean), then the rows', async () => {
      const { allStatuses } = mocks.db.fixtures.customers;
      mocks.scenario.failNext('orders.list', 500, 1);
      const el = await fixture<OrderTable>(html`<order-table
        customer-id=${allStatuses}
        .client=${clientFor(mocks.tokens.admin, { retry: 0 })}
      ></order-table>`);
      await waitFor(() => $(el, '[part~="error"]'), 'the error');
      expect($(el, '[part~="error"]')!.textContent).to.contain('The server could not complete the request (error 500).');
      await expectAxeClean(el);
      await click($(el, '[part~="retry-button"]')!);
      await waitFor(() => loadedRows(el).length > 0, 'the rows after retry');
      expect($(el, '[part~="error"]')).to.equal(null);
    });

    it('speaks German with locale="de-DE" (texts, numbers and dates)', async () => {
      const { allStatuses } = mocks.db.fixtures.customers;
      const el = await fixture<OrderTable>(html`<order-table
        customer-id=${allStatuses}
        locale="de-DE"
        .client=${clientFor(mocks.tokens.admin)}
      ></order-table>`);
      await waitFor(() => loadedRows(el).length > 0, 'the rows');
      expect(headers(el)[0]!.textContent!.trim()).to.equal('Bestellnummer');
      expect($(el, '[part~="count"]')!.textContent!.trim()).to.equal('10 Bestellungen');
      const first = loadedRows(el)[0]!;
      expect(first.querySelector('[part~="cell-cost"]')!.textContent).to.match(/\d,\d{2}\s£$/);
      expect(['Nicht zugeteilt', 'Zugeteilt', 'Versendet', 'Storniert']).to.include(statusOf(first));
    });

    it('while the first page loads: busy grid of unknown size, a loading message, axe clean', async () => {
      mocks.scenario.latency = 3_000;
      const el = await fixture<OrderTable>(html`<order-table
        customer-id=${mocks.db.fixtures.customers.allStatuses}
        .client=${clientFor(mocks.tokens.admin)}
      ></order-table>`);
      await waitFor(() => $(el, '[part~="skeleton"]'), 'the loading placeholder');
      expect(grid(el).getAttribute('aria-busy')).to.equal('true');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('-1');
      expect($(el, '[part~="skeleton"]')!.textContent).to.contain('Loading…');
      await expectAxeClean(el);
    });

    it('shows a configuration message with no client', async () => {
      const el = await fixture<OrderTable>(html`<order-table customer-id="cus_1"></order-table>`);
      expect(el.shadowRoot!.textContent).to.contain('No API client');
    });

    it('fires order-from-stock and season-select for the host; readonly offers neither', async () => {
      const { allStatuses } = mocks.db.fixtures.customers;
      const el = await mount(allStatuses, clientFor(mocks.tokens.admin));
      const fromStock: OrderFromStockDetail[] = [];
      const seasons: SeasonSelectDetail[] = [];
      el.addEventListener('order-from-stock', (e) => fromStock.push(e.detail));
      el.addEventListener('season-select', (e) => seasons.push(e.detail));
      await click($(el, '[part~="order-from-stock"]')!);
      expect(fromStock).to.deep.equal([{ customerId: allStatuses, seasonId: null }]);
      const reference = await clientFor(mocks.tokens.admin).reference.get();
      const season = await waitFor(() => $<HTMLSelectElement>(el, '[part~="season-select"]'), 'the season selector');
      season.focus();
      await press('ArrowDown');
      expect(seasons).to.deep.equal([{ customerId: allStatuses, seasonId: reference.seasons[0]!.id }]);
      // "Order from stock" then carries the chosen season (a pre-order at its prices).
      await click($(el, '[part~="order-from-stock"]')!);
      expect(fromStock[1]).to.deep.equal({ customerId: allStatuses, seasonId: reference.seasons[0]!.id });
      season.focus();
      await press('ArrowUp');
      expect(seasons[1]).to.deep.equal({ customerId: allStatuses, seasonId: null });

      const ro = await mount(allStatuses, clientFor(mocks.tokens.admin), { readonly: true });
      expect($(ro, '[part~="order-from-stock"]')).to.equal(null);
      expect($(ro, '[part~="season-select"]')).to.equal(null);
    });
  });

  describe('the virtualiser', () => {
    it('computes the rows to render, and the scroll position that shows a row', () => {
      expect(renderRange({ count: 100_000, rowHeight: 40, scrollTop: 40 * 500, viewportHeight: 400, overscan: 5 })).to.deep.equal({ first: 495, last: 514 });
      expect(renderRange({ count: 3, rowHeight: 40, scrollTop: 0, viewportHeight: 400 })).to.deep.equal({ first: 0, last: 2 });
      expect(renderRange({ count: 0, rowHeight: 40, scrollTop: 0, viewportHeight: 400 }).last).to.equal(-1);
      expect(scrollTopFor(10, { rowHeight: 40, scrollTop: 0, viewportHeight: 200 })).to.equal(240);
      expect(scrollTopFor(2, { rowHeight: 40, scrollTop: 200, viewportHeight: 200 })).to.equal(80);
      expect(scrollTopFor(6, { rowHeight: 40, scrollTop: 200, viewportHeight: 200 })).to.equal(200);
    });

    it('asks for the page ahead of a steady scroll before its rows are in view, up or down; a jump asks only where it lands', async () => {
      const asked: number[] = [];
      const cache = new PageCache<number>(
        async (offset, limit) => {
          asked.push(offset);
          return { items: Array.from({ length: limit }, (_v, i) => offset + i), total: 1_000 };
        },
        10,
        () => {},
      );
      cache.want(0, 5);
      await waitFor(() => cache.get(0) === 0, 'row 0');
      expect(asked, 'opening asks for the first page only').to.deep.equal([0]);
      // Reading down a row at a time: the next page is asked for while rows 1–6 are in view.
      cache.want(1, 6);
      expect(asked).to.deep.equal([0, 10]);
      await waitFor(() => cache.get(10) === 10, 'row 10, before it is wanted');
      // A jump (Ctrl+End, the scrollbar dragged) asks for the pages it lands on, nothing more.
      cache.want(500, 505);
      expect(asked).to.deep.equal([0, 10, 500]);
      await waitFor(() => cache.get(500) === 500, 'row 500');
      // Reading up: the page above is asked for.
      cache.want(499, 504);
      expect(asked).to.deep.equal([0, 10, 500, 490, 480]);
    });

    it('keeps a bounded number of pages, dropping the farthest from the view', async () => {
      const asked: number[] = [];
      const cache = new PageCache<number>(
        async (offset, limit) => {
          asked.push(offset);
          return { items: Array.from({ length: limit }, (_v, i) => offset + i), total: 1_000 };
        },
        10,
        () => {},
        3,
      );
      for (const first of [0, 100, 200, 300, 400]) {
        cache.want(first, first + 5);
        await waitFor(() => cache.get(first) === first, `row ${first}`);
      }
      expect(cache.get(400)).to.equal(400);
      expect(cache.get(0), 'the farthest page was dropped').to.equal(undefined);
      cache.want(0, 5);
      await waitFor(() => cache.get(0) === 0, 'row 0 again');
      expect(asked.filter((o) => o === 0)).to.have.length(2);
    });
  });
});
