/**
 * Where things are, measured as the browser laid them out: what a clerk needs first is inside the
 * first viewport at a desktop size, and a narrow screen shows each order's status and cost
 * without a sideways scroll.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CustomerScreen } from '../../src/components/customer-screen/customer-screen.js';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/define.js';
import { clientFor, expectAxeClean, startMocks, waitFor } from './helpers.js';
import { deepQuery, deepQueryAll, screenLoaded, sectionHost } from './customer-screen.helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

after(async () => {
  await setViewport({ width: 800, height: 600 });
});

async function mount(customerId: string, width?: string): Promise<CustomerScreen> {
  const el = await fixture<CustomerScreen>(html`<customer-screen customer-id=${customerId} .client=${clientFor(mocks.tokens.admin)}></customer-screen>`);
  if (width) el.style.inlineSize = width;
  await waitFor(() => screenLoaded(el), 'the screen to load', 8_000);
  await waitFor(() => el.shadowRoot!.querySelector('[part~="available-credit"]'), 'the balance in the header');
  return el;
}

/** The box of an element, failing with its name when it is not there. */
function box(el: Element | null | undefined, name: string): DOMRect {
  if (!el) throw new Error(`${name} is not on the screen`);
  return el.getBoundingClientRect();
}

function expectInFirstViewport(rect: DOMRect, name: string): void {
  expect(rect.width * rect.height, `${name} has a size`).to.be.greaterThan(0);
  expect(rect.top, `${name} top`).to.be.at.least(0);
  expect(rect.bottom, `${name} bottom (viewport ${innerHeight})`).to.be.at.most(innerHeight);
  expect(rect.left, `${name} left`).to.be.at.least(0);
  expect(rect.right, `${name} right (viewport ${innerWidth})`).to.be.at.most(innerWidth);
}

describe('customer-screen layout', () => {
  for (const width of [undefined, '950px']) {
    it(`at 1340×900 shows the header, the first order and the first note without scrolling (screen ${width ?? 'full width'})`, async function () {
      this.timeout(30_000);
      await setViewport({ width: 1340, height: 900 });
      const id = mocks.db.fixtures.customers.creditTrade;
      const el = await mount(id, width);
      expect(scrollY).to.equal(0);
      const root = el.shadowRoot!;
      expectInFirstViewport(box(root.querySelector('[part~="name"]'), 'the name'), 'the name');
      // (The badge's host is display: contents: its button is what shows.)
      const badge = root.querySelector<HTMLElement>('[part~="watch-list-badge"]')!;
      const badgeButton = await waitFor(() => deepQuery(badge, '[part~="add-button"], [part~="trigger"]'), 'the watch-list badge');
      expectInFirstViewport(box(badgeButton, 'the watch-list badge'), 'the watch-list badge');
      expectInFirstViewport(box(root.querySelector('[part~="balance"]'), 'the balance'), 'the balance');
      expectInFirstViewport(box(root.querySelector('[part~="available-credit"]'), 'the available credit'), 'the available credit');
      const orders = sectionHost(el, 'orders')!;
      expectInFirstViewport(box(deepQuery(orders, '[part~="row"]:not([part~="row-loading"])'), 'the first order'), 'the first order');
      const notes = sectionHost(el, 'notes')!;
      expectInFirstViewport(box(deepQuery(notes, '[part~="note"]'), 'the first note'), 'the first note');
      // The notes column is wide enough to read (it was 308 px).
      expect(box(root.querySelector('[part~="section-notes"]'), 'notes').width).to.be.at.least(360);
      // The balance and credit say what the account says.
      const account = await clientFor(mocks.tokens.admin).accounts.get(id);
      expect(root.querySelector('[part~="balance"]')!.textContent).to.match(new RegExp((account.balance.amountMinor / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')));
    });
  }

  it('shows the on-hold flag in the first viewport', async function () {
    this.timeout(30_000);
    await setViewport({ width: 1340, height: 900 });
    const el = await mount(mocks.db.fixtures.customers.onHold);
    expectInFirstViewport(box(el.shadowRoot!.querySelector('[part~="on-hold"]'), 'the on-hold flag'), 'the on-hold flag');
  });

  it('at 400 px shows the status and cost of every visible order without a sideways scroll', async function () {
    this.timeout(30_000);
    await setViewport({ width: 400, height: 900 });
    const el = await mount(mocks.db.fixtures.customers.allStatuses);
    const table = sectionHost(el, 'orders')!;
    const grid = table.shadowRoot!.querySelector<HTMLElement>('[part~="grid"]')!;
    // Neither the page nor the grid scrolls sideways.
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    expect(grid.scrollWidth).to.be.at.most(grid.clientWidth);
    const gridBox = grid.getBoundingClientRect();
    const rows = deepQueryAll(table, '[part~="row"]:not([part~="row-loading"])').filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > gridBox.top && r.top < gridBox.bottom;
    });
    expect(rows.length).to.be.greaterThan(3);
    for (const row of rows) {
      for (const part of ['cell-status', 'cell-cost', 'cell-number']) {
        const cell = row.querySelector<HTMLElement>(`[part~="${part}"]`)!;
        const r = cell.getBoundingClientRect();
        expect(r.left, `${part} left`).to.be.at.least(gridBox.left - 1);
        expect(r.right, `${part} right`).to.be.at.most(gridBox.right + 1);
        // The whole text shows: nothing cut off by an ellipsis.
        expect(cell.scrollWidth, `${part} "${cell.textContent}" is cut off`).to.be.at.most(cell.clientWidth);
        expect(cell.textContent!.trim()).not.to.equal('');
      }
    }
    await expectAxeClean(el);
  });
});
