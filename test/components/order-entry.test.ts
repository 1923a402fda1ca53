/**
 * Order entry driven as a clerk drives it: keyboard only (Tab, typing, arrows, Enter), with the
 * mouse only where a clerk would point (checked with elementFromPoint by `click`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Client, Order } from '../../src/sdk/index.js';
import type { OrderEntry } from '../../src/components/order-entry/order-entry.js';
// Registers the tags, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/order-entry/define.js';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/order-table/define.js';
// The order-table entry registers its detail only when a row is first opened; this file shows
// <order-detail> on its own, as a page registering it itself would.
import { OrderDetail } from '../../src/components/order-table/order-detail.js';
import { defineElement } from '../../src/components/shared/define.js';
import { click, clientFor, deepActiveElement, expectAxeClean, press, startMocks, tab, waitFor } from './helpers.js';

defineElement('order-detail', OrderDetail);

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => mocks.scenario.reset());

const $ = <T extends Element = HTMLElement>(el: OrderEntry, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: OrderEntry, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const gbp = (amountMinor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(amountMinor / 100);
const finder = (el: OrderEntry) => $<HTMLInputElement>(el, '[part~="product-search"]')!;
const placeButton = (el: OrderEntry) => $<HTMLButtonElement>(el, '[part~="place-button"]')!;
const totalShown = (el: OrderEntry) => text($(el, '[part~="total"] dd'));
const pricing = (el: OrderEntry) => $(el, '.summary')?.getAttribute('aria-busy') === 'true';

async function mount(attrs: { customerId?: string; orderId?: string; seasonId?: string; client?: Client }): Promise<OrderEntry> {
  const client = attrs.client ?? clientFor(mocks.tokens.clerk);
  const el = await fixture<OrderEntry>(html`<order-entry
    customer-id=${attrs.customerId ?? ''}
    order-id=${attrs.orderId ?? ''}
    .seasonId=${attrs.seasonId ?? null}
    .client=${client}
  ></order-entry>`);
  await waitFor(() => finder(el) || $(el, '[part~="message"]'), 'order entry to load', 10_000);
  return el;
}

/** Tab from wherever focus is until `target` has it (as a clerk tabs through the form). */
async function tabTo(target: Element, max = 30): Promise<void> {
  for (let i = 0; i < max && deepActiveElement() !== target; i++) await tab();
  expect(deepActiveElement()).to.equal(target);
}

/** Type a product into the finder, wait for the list, press Enter: the line is added and its quantity focused. */
async function addByKeyboard(el: OrderEntry, query: string, quantity: number, { choose = false } = {}): Promise<void> {
  await tabTo(finder(el));
  await sendKeys({ type: query });
  await waitFor(() => $$(el, '[part~="product-option"]').length > 0, `products for ${query}`);
  // A SKU or barcode is taken as it is; words need the clerk to pick from the list.
  if (choose) await press('ArrowDown');
  await press('Enter');
  const qty = await waitFor(() => (deepActiveElement()?.matches('[part~="quantity-input"]') ? deepActiveElement() : null), 'the quantity focused');
  if (quantity !== 1) {
    await sendKeys({ press: 'ControlOrMeta+a' });
    await sendKeys({ type: String(quantity) });
  }
  expect((qty as HTMLInputElement).value).to.equal(String(quantity));
}

/** Waits until the figures on screen are the server's answer to the draft on screen. */
async function settledQuote(el: OrderEntry, lines: number): Promise<void> {
  await waitFor(() => !pricing(el) && $$(el, '[part~="line-total"]').filter((c) => text(c) !== '').length === lines && totalShown(el), 'the server\u2019s prices', 10_000);
}

async function placeByKeyboard(el: OrderEntry): Promise<Order> {
  const placed = new Promise<Order>((resolve) => el.addEventListener('order-place', (e) => resolve(e.detail), { once: true }));
  await tabTo(placeButton(el));
  await press('Enter');
  return placed;
}

const addressesOf = (customerId: string) => mocks.db.addressesOf(customerId).map((a) => a.id);

describe('order-entry', () => {
  it('a trade customer on credit terms: keyboard only, Trade prices less their discounts, totals from the server, into the dispatch queue and the order table at once', async function () {
    this.timeout(40_000);
    const trade = mocks.db.fixtures.customers.creditTrade;
    const client = clientFor(mocks.tokens.clerk);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <order-entry customer-id=${trade} .client=${client}></order-entry>
      <order-table customer-id=${trade} .client=${client}></order-table>
    </div>`);
    const el = wrapper.querySelector<OrderEntry>('order-entry')!;
    const table = wrapper.querySelector('order-table')!;
    await waitFor(() => finder(el), 'order entry');
    await addByKeyboard(el, 'TT-LIN-SAG', 3);
    await press('Enter'); // back to the finder for the next product
    expect(deepActiveElement()).to.equal(finder(el));
    await addByKeyboard(el, 'soy sage', 2, { choose: true });
    await settledQuote(el, 2);

    const expected = await client.orders.quote(trade, { lines: [{ sku: 'TT-LIN-SAG', quantity: 3 }, { sku: 'CDL-SOY-SAG', quantity: 2 }] });
    const [towel, candle] = $$(el, '[part~="line"]');
    expect(text(towel!.querySelector('[part~="line-discount"]'))).to.equal('10% trade discount');
    expect(text(towel!.querySelector('[part~="line-list-price"]'))).to.equal(`List price ${gbp(expected.lines[0]!.listPrice.amountMinor)}`);
    expect(text(candle!.querySelector('[part~="line-discount"]'))).to.equal('Your agreed price');
    expect(text(towel!.querySelector('[part~="line-stock"]'))).to.match(/in stock: (all 3 will be allocated|\d+ will be allocated, \d+ to follow)|Out of stock/);
    expect(totalShown(el)).to.equal(gbp(expected.totals.total.amountMinor));
    expect(text($(el, '[part~="vat"] dd'))).to.equal(gbp(expected.totals.tax.amountMinor));
    expect(text($(el, '[part~="payment-rule"]'))).to.equal('30 days end of month: this order goes to the dispatch queue as soon as it is placed.');
    await expectAxeClean(el);

    const closed = new Promise<void>((resolve) => el.addEventListener('view-close', () => resolve(), { once: true }));
    const order = await placeByKeyboard(el);
    await closed;
    expect(order.totals.total).to.deep.equal(expected.totals.total);
    expect(order.hold).to.equal(null);
    // The order table, sharing the client, shows it without a reload.
    await waitFor(() => text(table.shadowRoot!.querySelector('[part~="row"]')).includes(order.number), 'the new order in the order table', 10_000);
    const queue = await client.orders.list(trade, { ready: true, limit: 500 });
    expect(queue.items.map((o) => o.id)).to.include(order.id);
  });

  it('a marketplace customer on full payment before despatch: the rule is said before placing, and the order waits outside the dispatch queue', async function () {
    this.timeout(30_000);
    const amazon = mocks.db.fixtures.customers.amazon;
    const el = await mount({ customerId: amazon });
    await addByKeyboard(el, 'MUG-STN-NAV', 1);
    await settledQuote(el, 1);
    expect(text($(el, '[part~="payment-rule"]'))).to.equal(
      'Full payment before despatch: this order will wait for payment. It goes to the dispatch queue only once it is paid.',
    );
    expect(placeButton(el).getAttribute('aria-describedby')).to.equal('rule');
    const order = await placeByKeyboard(el);
    expect(order.hold).to.equal('payment');
    const queue = await clientFor(mocks.tokens.clerk).orders.list(amazon, { ready: true, limit: 500 });
    expect(queue.items.map((o) => o.id)).not.to.include(order.id);
  });

  it('a season pre-order: pre-order wording, the season\u2019s prices, nothing allocated', async function () {
    this.timeout(30_000);
    const trade = mocks.db.fixtures.customers.creditTrade;
    const el = await mount({ customerId: trade, seasonId: 'ssn_ss27_preorder' });
    await addByKeyboard(el, 'LMP-BRS-OCH', 2);
    await settledQuote(el, 1);
    const product = await clientFor(mocks.tokens.clerk).products.get('LMP-BRS-OCH');
    const seasonPrice = product.prices.find((p) => p.priceList === 'Trade' && p.seasonId === 'ssn_ss27_preorder')!.unitPrice.amountMinor;
    expect(text($(el, '[part~="line"] .price .money'))).to.equal(gbp(seasonPrice));
    expect(text($(el, '[part~="line-stock"]'))).to.equal('Pre-order: allocated when the season opens');
    expect(text($(el, '[part~="payment-rule"]'))).to.match(/^Pre-order for Spring\/Summer 2027 pre-orders: at the season’s prices; stock is allocated when the season opens on /);
    expect(text(placeButton(el))).to.equal('Place pre-order');
    const order = await placeByKeyboard(el);
    expect(order.seasonId).to.equal('ssn_ss27_preorder');
    expect(order.lines[0]!.unitPrice.amountMinor).to.equal(seasonPrice);
    expect(order.lines[0]!.allocatedQuantity).to.equal(0);
  });

  it('a lost answer to Place, then Place again: exactly one order', async function () {
    this.timeout(30_000);
    const trade = mocks.db.fixtures.customers.creditTrade;
    const el = await mount({ customerId: trade });
    await addByKeyboard(el, 'BAG-JUT-RUS', 2);
    await settledQuote(el, 1);
    const before = mocks.db.countOrders(trade);
    // Every answer lost: the SDK's retries and the component's confirming repeat all go unanswered.
    mocks.scenario.failNext('orders.place', 'lost', 20);
    await tabTo(placeButton(el));
    await press('Enter');
    const error = await waitFor(() => $(el, '[part~="error"]'), 'the uncertain outcome said', 15_000);
    expect(text(error)).not.to.match(/undefined|NaN|object Object/);
    expect($$(el, '[part~="line"]').length).to.equal(1); // the draft is kept
    expect(mocks.db.countOrders(trade)).to.equal(before + 1); // the server did place it
    mocks.scenario.reset();
    const placed = new Promise<Order>((resolve) => el.addEventListener('order-place', (e) => resolve(e.detail), { once: true }));
    await click(placeButton(el));
    const order = await placed;
    expect(mocks.db.countOrders(trade)).to.equal(before + 1);
    expect(order.lines[0]!.sku).to.equal('BAG-JUT-RUS');
  });

  it('edits an open order: the totals shown after the change are the server\u2019s', async function () {
    this.timeout(30_000);
    const trade = mocks.db.fixtures.customers.creditTrade;
    const [address] = addressesOf(trade);
    const client = clientFor(mocks.tokens.clerk);
    const original = await client.orders.place(trade, { lines: [{ sku: 'PLT-ENM-OCH', quantity: 1 }], deliveryAddressId: address!, billingAddressId: address! });
    const el = await mount({ orderId: original.id, client });
    await waitFor(() => $$(el, '[part~="line"]').length === 1, 'the order\u2019s lines');
    expect(text($(el, '.title'))).to.contain(`Edit order ${original.number}`);
    await settledQuote(el, 1);
    const qty = $<HTMLInputElement>(el, '[part~="quantity-input"]')!;
    await tabTo(qty);
    await sendKeys({ press: 'ControlOrMeta+a' });
    await sendKeys({ type: '5' });
    await press('Enter');
    await addByKeyboard(el, 'NBK-A5-SAG', 2);
    await settledQuote(el, 2);
    const shown = totalShown(el);
    const updated = new Promise<Order>((resolve) => el.addEventListener('order-update', (e) => resolve(e.detail), { once: true }));
    await tabTo(placeButton(el));
    expect(text(placeButton(el))).to.equal('Save changes');
    await press('Enter');
    const saved = await updated;
    const server = await client.orders.get(original.id, { cache: 'reload' });
    expect(server.version).to.equal(original.version + 1);
    expect(gbp(server.totals.total.amountMinor)).to.equal(shown);
    expect(server.lines.map((l) => [l.sku, l.quantity])).to.deep.equal([['PLT-ENM-OCH', 5], ['NBK-A5-SAG', 2]]);
    expect(saved.totals.total).to.deep.equal(server.totals.total);
  });

  it('a dispatched order says why it cannot be edited', async () => {
    const dispatched = mocks.db.getOrder(mocks.db.fixtures.orders.dispatched)!;
    const el = await mount({ orderId: dispatched.id });
    const message = await waitFor(() => $(el, '[part~="closed"]'), 'the reason');
    expect(text(message)).to.equal(`Order ${dispatched.number} has been dispatched, so it can no longer be changed.`);
    expect(finder(el)).to.equal(null);
    await expectAxeClean(el);
  });

  it('without the capability it says so and offers nothing to place', async () => {
    const el = await mount({ customerId: mocks.db.fixtures.customers.creditTrade, client: clientFor(mocks.tokens.viewer) });
    const message = await waitFor(() => $(el, '[part~="permissions-message"]'), 'the permissions message');
    expect(text(message)).to.contain('may not place orders');
    expect(placeButton(el)).to.equal(null);
    await expectAxeClean(el);
  });

  it('unknown text finds nothing, said in words; Escape closes the list', async () => {
    const el = await mount({ customerId: mocks.db.fixtures.customers.creditTrade });
    await tabTo(finder(el));
    await sendKeys({ type: 'zzqx' });
    await waitFor(() => text($(el, '[part~="product-empty"]')) === 'No product matches “zzqx”.', 'the empty message');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'mug' });
    await waitFor(() => $$(el, '[part~="product-option"]').length > 0, 'mugs');
    await press('ArrowDown');
    expect(finder(el).getAttribute('aria-activedescendant')).to.equal('product-0');
    await press('Escape');
    await waitFor(() => $(el, '[part~="product-list"]')!.hidden, 'the list closed');
  });

  it('the order detail offers "Edit order" by mouse for an open order, and says why not for a dispatched one', async function () {
    this.timeout(30_000);
    const trade = mocks.db.fixtures.customers.creditTrade;
    const [address] = addressesOf(trade);
    const client = clientFor(mocks.tokens.clerk);
    const open = await client.orders.place(trade, { lines: [{ sku: 'SOA-OAT-SAG', quantity: 1 }], deliveryAddressId: address!, billingAddressId: address! });
    const detail = await fixture<HTMLElement>(html`<order-detail order-id=${open.id} .client=${client}></order-detail>`);
    const edit = await waitFor(() => detail.shadowRoot!.querySelector<HTMLButtonElement>('[part~="action-edit"]'), 'the Edit order action');
    expect(text(edit)).to.equal('Edit order');
    const asked = new Promise<{ orderId: string; customerId: string }>((resolve) => detail.addEventListener('order-edit', (e) => resolve(e.detail), { once: true }));
    await click(edit);
    expect(await asked).to.deep.equal({ orderId: open.id, customerId: trade });

    const dispatched = await fixture<HTMLElement>(html`<order-detail order-id=${mocks.db.fixtures.orders.dispatched} .client=${client}></order-detail>`);
    const blocked = await waitFor(() => dispatched.shadowRoot!.querySelector<HTMLButtonElement>('[part~="action-edit"]'), 'the Edit order action');
    expect(blocked.getAttribute('aria-disabled')).to.equal('true');
    expect(text(dispatched.shadowRoot!.querySelector(`#${blocked.getAttribute('aria-describedby')}`))).to.equal('Dispatched orders cannot be changed.');
  });
});
