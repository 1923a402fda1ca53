/**
 * The order table at 2,000,000 orders: far past the height a browser can give an element (about
 * 838,000 rows of 40 px), so the grid scrolls scaled (scaled-scroll.ts). Every row is reachable by
 * keyboard, by the scrollbar and by the wheel, and each shows the server's order for its position.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import type { OrderTable } from '../../src/components/order-table/order-table.js';
import { MAX_SPACER_HEIGHT, ScaledScroll } from '../../src/components/order-table/scaled-scroll.js';
import '../../src/components/order-table/define.js';
import { orderMessages } from '../../src/components/order-table/order-table.messages.js';
import { click, clientFor, deepActiveElement, deepElementFromPoint, expectAxeClean, press, startMocks, tab, waitFor, type Mocks } from './helpers.js';

const HUGE = 2_000_000;
let mocks: Mocks;
let huge: string;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks({ size: { customers: 20, orders: 100, bigCustomerOrders: 100, manyNotes: 20, hugeCustomerOrders: HUGE } });
  huge = mocks.db.fixtures.hugeOrders!;
});

afterEach(() => mocks.scenario.reset());

const $ = <T extends Element = HTMLElement>(root: Element, selector: string) => (root.shadowRoot ?? root).querySelector<T>(selector);
const grid = (el: OrderTable) => $(el, '[role="grid"]')!;
const header = (el: OrderTable) => $(el, '[part~="header-row"]')!;
const rowIndex = (row: Element) => Number(row.getAttribute('aria-rowindex'));
const bodyRows = (el: OrderTable) =>
  [...(el.shadowRoot!.querySelectorAll<HTMLElement>('[role="rowgroup"].body [role="row"]'))].sort((a, b) => rowIndex(a) - rowIndex(b));
const numberOf = (row: Element) => row.querySelector('[part~="cell-number"]')!.textContent!.trim();
const loaded = (row: Element) => !row.matches('[part~="row-loading"]');
const rowAt = (el: OrderTable, ariaRowIndex: number) => bodyRows(el).find((r) => rowIndex(r) === ariaRowIndex);

/** The part of the grid rows show in (below the sticky header, above a horizontal scrollbar). */
function viewport(el: OrderTable): { top: number; bottom: number } {
  const g = grid(el);
  const top = header(el).getBoundingClientRect().bottom;
  const bottom = g.getBoundingClientRect().top + g.clientTop + g.clientHeight;
  return { top, bottom };
}

/** Rows at least partly in view, top to bottom. */
function visibleRows(el: OrderTable): HTMLElement[] {
  const { top, bottom } = viewport(el);
  return bodyRows(el).filter((r) => {
    const rect = r.getBoundingClientRect();
    return rect.bottom > top + 0.5 && rect.top < bottom - 0.5;
  });
}

/** The visible rows once all of them are loaded, as [aria-rowindex, number]. */
function shown(el: OrderTable): Array<[number, string]> | undefined {
  const rows = visibleRows(el);
  if (rows.length === 0 || !rows.every(loaded)) return undefined;
  return rows.map((r) => [rowIndex(r), numberOf(r)]);
}

/** What the server has at these positions (the grid's default sort: newest first). */
async function serverNumbers(offset: number, limit: number): Promise<string[]> {
  const page = await clientFor(mocks.tokens.admin).orders.list(huge, { offset, limit });
  return page.items.map((o) => o.number);
}

/** The rows shown are exactly the server's orders at their positions (aria-rowindex − 2). */
async function expectServerOrders(el: OrderTable): Promise<Array<[number, string]>> {
  const rows = await waitFor(() => shown(el), 'the visible rows loaded');
  const expected = await serverNumbers(rows[0]![0] - 2, rows.length);
  expect(rows.map(([, n]) => n)).to.deep.equal(expected);
  // Consecutive positions, no gap and no repeat.
  rows.forEach(([index], i) => expect(index).to.equal(rows[0]![0] + i));
  return rows;
}

/** The element under a row's centre is that row (it is really there, not just in the DOM). */
function expectHitAtCentre(row: HTMLElement): void {
  const rect = row.getBoundingClientRect();
  const hit = deepElementFromPoint(rect.left + Math.min(rect.width / 2, 100), rect.top + rect.height / 2);
  expect(hit && row.contains(hit), `elementFromPoint at row ${rowIndex(row)}'s centre`).to.equal(true);
}

const focusedCell = () => {
  const cell = deepActiveElement() as HTMLElement | null;
  if (!cell || cell.getAttribute('role') !== 'gridcell') return undefined;
  return { row: rowIndex(cell.closest('[role="row"]')!), col: Number(cell.getAttribute('aria-colindex')) };
};

async function mount(): Promise<OrderTable> {
  const el = await fixture<OrderTable>(html`<order-table customer-id=${huge} .client=${clientFor(mocks.tokens.admin)}></order-table>`);
  await waitFor(() => shown(el), 'the first rows', 20_000);
  return el;
}

async function tabIntoGrid(el: OrderTable): Promise<void> {
  $(el, '[part~="order-from-stock"]')!.focus();
  await tab();
  await waitFor(() => focusedCell(), 'focus on a grid cell');
}

/** Waits until the grid's scroll position stops changing (smooth scrolling ends) and returns it. */
async function settledScrollTop(el: OrderTable, from: number): Promise<number> {
  let last = Number.NaN;
  let still = 0;
  await waitFor(() => {
    const now = grid(el).scrollTop;
    still = now === last ? still + 1 : 0;
    last = now;
    return now !== from && still >= 3;
  }, 'the scroll to end');
  return last;
}

describe('order-table with 2,000,000 orders', () => {
  it('counts every order for assistive technology and keeps its spacer under the cap', async function () {
    this.timeout(30_000);
    const el = await mount();
    const g = grid(el);
    expect(g.getAttribute('aria-rowcount')).to.equal(String(HUGE + 1));
    expect(g.scrollHeight).to.be.lessThan(MAX_SPACER_HEIGHT + 1_000);
    expect(bodyRows(el).length, 'rows in the DOM').to.be.lessThan(60);
    await expectServerOrders(el);
  });

  it('Ctrl+End reaches the last order, in view where a pointer finds it; arrows and Ctrl+Home come back', async function () {
    this.timeout(40_000);
    const el = await mount();
    const [lastNumber] = await serverNumbers(HUGE - 1, 1);
    await tabIntoGrid(el);
    await press('End');
    expect(focusedCell(), 'End: the last cell of the row').to.deep.equal({ row: 2, col: 7 });
    await press('Control+End');
    const last = await waitFor(() => {
      const row = rowAt(el, HUGE + 1);
      return row && loaded(row) && numberOf(row) === lastNumber ? row : undefined;
    }, 'the last order', 20_000);
    expect(focusedCell()).to.deep.equal({ row: HUGE + 1, col: 7 });
    const { bottom } = viewport(el);
    expect(Math.abs(last.getBoundingClientRect().bottom - bottom), 'the last row sits at the bottom').to.be.lessThan(2);
    expectHitAtCentre(last);
    const rows = await expectServerOrders(el);
    expect(rows.at(-1)).to.deep.equal([HUGE + 1, lastNumber]);

    await press('ArrowUp');
    expect(focusedCell()).to.deep.equal({ row: HUGE, col: 7 });
    await press('PageUp');
    const page = focusedCell()!.row;
    expect(page).to.be.lessThan(HUGE).and.greaterThan(HUGE - 40);
    const focusedRow = rowAt(el, page)!;
    const rect = focusedRow.getBoundingClientRect();
    const view = viewport(el);
    expect(rect.top >= view.top - 1 && rect.bottom <= view.bottom + 1, 'PageUp keeps the focused row in view').to.equal(true);
    await expectServerOrders(el);

    await press('Control+Home');
    await waitFor(() => shown(el)?.[0]?.[0] === 2, 'the first rows again');
    expect(focusedCell()).to.deep.equal({ row: 2, col: 1 });
    expect(grid(el).scrollTop).to.equal(0);
    await expectServerOrders(el);
  });

  it('setting the scrollbar to the end shows the last rows, and to the middle the orders around 1,000,000', async function () {
    this.timeout(40_000);
    const el = await mount();
    const g = grid(el);
    const max = g.scrollHeight - g.clientHeight;
    g.scrollTop = max;
    await waitFor(() => shown(el)?.at(-1)?.[0] === HUGE + 1, 'the last row at the bottom', 20_000);
    const end = await expectServerOrders(el);
    expect(Math.abs(rowAt(el, HUGE + 1)!.getBoundingClientRect().bottom - viewport(el).bottom)).to.be.lessThan(2);
    expectHitAtCentre(rowAt(el, end[1]![0])!);

    g.scrollTop = max / 2;
    const middle = await waitFor(() => {
      const rows = shown(el);
      return rows && Math.abs(rows[0]![0] - HUGE / 2) < 20 ? rows : undefined;
    }, 'rows around the middle', 20_000);
    await expectServerOrders(el);
    expectHitAtCentre(rowAt(el, middle[2]![0])!);
  });

  it('dragging the thumb down the whole track shows the orders under it, then the last one', async function () {
    this.timeout(60_000);
    const el = await mount();
    const g = grid(el);
    // Headless Chromium hides scrollbars (nothing to press on), so the scroll positions a drag
    // produces are set one after another, a frame apart, as the thumb would set them.
    const max = g.scrollHeight - g.clientHeight;
    for (const at of [0.1, 0.3, 0.55, 0.8, 0.97]) {
      g.scrollTop = at * max;
      const rows = await waitFor(() => {
        const r = shown(el);
        return r && Math.abs(r[0]![0] - 2 - at * (HUGE - 10)) < 30 ? r : undefined;
      }, `rows at ${at * 100}% of the list`, 20_000);
      await expectServerOrders(el);
      expectHitAtCentre(rowAt(el, rows[1]![0])!);
    }
    g.scrollTop = max;
    await waitFor(() => g.scrollTop >= max - 1, 'the thumb at the end of the track');
    const [lastNumber] = await serverNumbers(HUGE - 1, 1);
    await waitFor(() => shown(el)?.at(-1)?.[1] === lastNumber, 'the last order at the bottom', 20_000);
    expect(shown(el)!.at(-1)![0]).to.equal(HUGE + 1);
    await expectServerOrders(el);
  });

  it('a wheel step moves a few rows with the content, never thousands, even where the scroll re-anchors', async function () {
    this.timeout(60_000);
    const el = await mount();
    const g = grid(el);
    const box = g.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 200), Math.round(box.top + box.height / 2)] });
    const max = g.scrollHeight - g.clientHeight;
    // In the middle, and then close enough to the end that wheeling re-anchors the scrollbar.
    for (const start of [max / 2, max - 2_500]) {
      g.scrollTop = start;
      await waitFor(() => shown(el), 'rows after the jump', 20_000);
      for (let step = 0; step < 4; step++) {
        const before = visibleRows(el)[1]!;
        const index = rowIndex(before);
        const top = before.getBoundingClientRect().top;
        const scrollTop = g.scrollTop;
        await executeServerCommand('wheel', { deltaY: 100 });
        await settledScrollTop(el, scrollTop);
        const rows = await waitFor(() => shown(el), 'rows after the wheel');
        // The same row is still rendered, 100 px higher: the rows moved with the wheel, 2.5 rows of 40 px.
        const same = rowAt(el, index)!;
        expect(same, `row ${index} still rendered after one wheel step`).to.not.equal(undefined);
        expect(top - same.getBoundingClientRect().top).to.be.closeTo(100, 1.5);
        expect(rows[0]![0] - (index - 1)).to.be.within(1, 4);
      }
      await expectServerOrders(el);
    }
  });
});

/** A browser that clamps scrollTop and re-anchors when asked; returns the positions seen. */
function wheel(s: ScaledScroll, from: number, step: number, times: number): number[] {
  let top = from;
  s.scrolled(top);
  const seen = [s.position];
  for (let i = 0; i < times; i++) {
    const next = Math.min(s.maxScrollTop, Math.max(0, top + step));
    if (next === top) break; // the browser scrolls no further: no event
    top = next;
    const anchor = s.scrolled(top);
    if (anchor !== undefined) {
      top = Math.round(anchor);
      s.applied(top);
    }
    seen.push(s.position);
  }
  return seen;
}

describe('order-table when the server refuses a filter or sort', () => {
  // The reference API cannot filter or sort 2,000,000 generated orders by status, channel or cost
  // (a 400 naming the query field), as a real backend may refuse for a very long history.
  const alertText = (el: OrderTable) => $(el, '[part~="refused-query"]')?.textContent?.replace(/\s+/g, ' ').trim();

  it('says which filter the server refused and drops it at a click, never "check the fields marked below"', async function () {
    this.timeout(40_000);
    const el = await mount();
    const select = $<HTMLSelectElement>(el, '#status-filter')!;
    select.focus();
    await press('ArrowDown');
    expect(select.value, 'a status chosen from the keyboard').to.not.equal('');
    await waitFor(() => alertText(el), 'the refusal');
    expect(alertText(el)).to.equal(`${orderMessages('en', 'refusedStatus')} ${orderMessages('en', 'allStatuses')}`);
    expect(el.shadowRoot!.textContent).to.not.include('Check the fields');
    expect(el.shadowRoot!.querySelectorAll('[part~="error"]').length, 'one message').to.equal(1);
    await expectAxeClean(el);

    await click($(el, '[part~="reset-query-button"]')!);
    await waitFor(() => !alertText(el) && shown(el), 'every order again');
    expect(select.value, 'the filter shows all statuses').to.equal('');
    expect(el.status).to.equal('');
    expect(deepActiveElement(), 'focus on the filter that was dropped').to.equal(select);
    await expectServerOrders(el);
  });

  it('says which column the server cannot sort by, and Sort by date brings the orders back with focus on Date', async function () {
    this.timeout(40_000);
    const el = await mount();
    const cost = [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].find((h) => h.textContent!.includes(orderMessages('en', 'colCost')))!;
    await click(cost);
    await waitFor(() => alertText(el), 'the refusal');
    expect(alertText(el)).to.equal(
      `${orderMessages('en', 'refusedSort', { column: orderMessages('en', 'colCost') })} ${orderMessages('en', 'sortByDate')}`,
    );

    await click($(el, '[part~="reset-query-button"]')!);
    await waitFor(() => !alertText(el) && shown(el), 'the orders, newest first');
    expect(el.sort).to.equal('placedAt');
    const focused = deepActiveElement()!;
    expect(focused.getAttribute('role')).to.equal('columnheader');
    expect(focused.textContent).to.include(orderMessages('en', 'colDate'));
    expect(focused.getAttribute('aria-sort')).to.equal('descending');
    await expectServerOrders(el);
  });
});

describe('ScaledScroll (the arithmetic)', () => {
  const ROW = 40;
  const VIEW = 400;

  it('is the identity while the list fits under the cap', () => {
    const s = new ScaledScroll();
    s.resize(100_000 * ROW, VIEW);
    expect(s.scaled).to.equal(false);
    expect(s.spacerHeight).to.equal(4_000_000);
    expect(s.scrolled(123_456)).to.equal(undefined);
    expect([s.position, s.offset]).to.deep.equal([123_456, 0]);
    expect(s.scrollTopFor(3_000_000)).to.equal(3_000_000);
    s.applied(3_000_000);
    expect(s.position).to.equal(3_000_000);
  });

  it('caps the spacer, maps jumps proportionally and the edges to the first and last rows', () => {
    const s = new ScaledScroll();
    s.resize(HUGE * ROW, VIEW);
    expect(s.scaled).to.equal(true);
    expect(s.spacerHeight).to.equal(MAX_SPACER_HEIGHT);
    const maxS = s.maxScrollTop;
    const maxP = s.maxPosition;
    expect(maxP).to.equal(HUGE * ROW - VIEW);
    s.scrolled(maxS / 2);
    expect(s.position).to.be.closeTo(maxP / 2, 1);
    s.scrolled(maxS);
    expect(s.position).to.equal(maxP);
    s.scrolled(0);
    expect(s.position).to.equal(0);
    // Keyboard: the last row, and back.
    expect(s.scrollTopFor(maxP)).to.equal(maxS);
    expect(s.scrollTopFor(0)).to.equal(0);
  });

  it('moves small scrolls 1:1 and never gets stuck before the first or last row', () => {
    // From the middle both ways (big steps, to keep the loop short), and from near each edge.
    for (const [from, step] of [[MAX_SPACER_HEIGHT / 2, -900], [MAX_SPACER_HEIGHT / 2, 900], [20_000, -120], [MAX_SPACER_HEIGHT - 20_000, 53]] as const) {
      const s = new ScaledScroll();
      s.resize(HUGE * ROW, VIEW);
      const seen = wheel(s, from, step, 1_000_000);
      // Every step moves exactly the step, except the last, cut at the edge (give or take the
      // browser's rounding of scrollTop, under a pixel).
      let worst = 0;
      for (let i = 1; i < seen.length - 1; i++) worst = Math.max(worst, Math.abs(seen[i]! - seen[i - 1]! - step));
      expect(worst, `the largest step error from ${from} by ${step}`).to.be.lessThan(1e-6);
      expect(Math.abs(seen.at(-1)! - seen.at(-2)!)).to.be.at.most(Math.abs(step) + 1);
      expect(seen.at(-1), `wheeled ${step > 0 ? 'down' : 'up'} from ${from}`).to.equal(step > 0 ? s.maxPosition : 0);
    }
  });

  it('keyboard moves near the current position scroll like small scrolls; far ones jump proportionally', () => {
    const s = new ScaledScroll();
    s.resize(HUGE * ROW, VIEW);
    s.scrolled(s.maxScrollTop / 2);
    const p = s.position;
    const before = s.scrollTop;
    expect(s.scrollTopFor(p + ROW)).to.equal(before + ROW);
    s.applied(before + ROW);
    expect(s.position).to.equal(p + ROW);
    const far = s.scrollTopFor(ROW * 1_500_000);
    expect(far).to.be.closeTo((ROW * 1_500_000 / s.maxPosition) * s.maxScrollTop, 1);
  });
});
