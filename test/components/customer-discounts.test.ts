/**
 * Trade discounts viewed by anyone and edited where permitted: keyboard and mouse as a clerk
 * would, confirmed writes, the conflict flow on a stale version.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Client } from '../../src/sdk/index.js';
import type { CustomerDiscounts } from '../../src/components/customer-discounts/customer-discounts.js';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/customer-discounts/define.js';
import { click, clientFor, deepActiveElement, expectAxeClean, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});
afterEach(() => mocks.scenario.reset());

const $ = <T extends Element = HTMLElement>(el: CustomerDiscounts, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: CustomerDiscounts, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cells = (row: Element) => [...row.children].map(text).join(' | ');

async function mount(customerId: string, client: Client): Promise<CustomerDiscounts> {
  const el = await fixture<CustomerDiscounts>(html`<customer-discounts customer-id=${customerId} .client=${client}></customer-discounts>`);
  await waitFor(() => $(el, 'h2') && $(el, '[part~="close-button"]'), 'the discounts');
  return el;
}

describe('customer-discounts', () => {
  it('shows a trade customer\u2019s discounts by group and fixed prices; a clerk may view but not edit', async () => {
    const el = await mount(mocks.db.fixtures.customers.creditTrade, clientFor(mocks.tokens.clerk));
    await waitFor(() => text($(el, '[part~="groups"]')).includes('Textiles'), 'group names');
    expect($$(el, '[part~="groups"] tbody tr').map(cells)).to.deep.equal(['Textiles | 10% off', 'Tableware | 15% off']);
    expect($$(el, '[part~="prices"] tbody tr').map(cells)).to.deep.equal(['CDL-SOY-SAG | £7.00']);
    await waitFor(() => $(el, '[part~="read-only"]'), 'the read-only note');
    expect($(el, '[part~="edit-button"]')).to.equal(null);
    await expectAxeClean(el);
  });

  it('an admin adds a group discount and a fixed price; the write is confirmed and order entry prices with it', async function () {
    this.timeout(30_000);
    const id = mocks.db.fixtures.customers.ebay;
    const client = clientFor(mocks.tokens.admin);
    const el = await mount(id, client);
    expect(text($(el, '[part~="empty"]'))).to.equal('No discount by product group.');
    await click(await waitFor(() => $(el, '[part~="edit-button"]'), 'Edit'));
    const addGroup = $$(el, '[part~="add-button"]')[0]!;
    await click(addGroup);
    const percent = await waitFor(() => $<HTMLInputElement>(el, '[part~="percent-input"]'), 'the percentage');
    await click(percent);
    await sendKeys({ type: '150' });
    await click($$(el, '[part~="add-button"]')[1]!);
    await click(await waitFor(() => $<HTMLInputElement>(el, '[part~="sku-input"]'), 'the SKU'));
    await sendKeys({ type: 'mug-stn-sag' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '9.5' });
    await click($(el, '[part~="save-button"]')!);
    // Over 100%: said beside the field, focus taken there, nothing sent.
    await waitFor(() => text($(el, '[part~="field-error"]')) === 'Enter a percentage between 0.01 and 100.', 'the field error');
    expect(deepActiveElement()).to.equal(percent);
    await sendKeys({ press: 'ControlOrMeta+a' });
    await sendKeys({ type: '12.5' });
    const changed = new Promise<unknown>((resolve) => el.addEventListener('discounts-change', (e) => resolve(e.detail), { once: true }));
    mocks.scenario.failNext('discounts.set', 'lost', 3);
    await click($(el, '[part~="save-button"]')!);
    await changed;
    const saved = await client.discounts.get(id, { cache: 'reload' });
    expect(saved.groups).to.deep.equal([{ groupId: 'grp_textiles', percent: 12.5 }]);
    expect(saved.prices).to.deep.equal([{ sku: 'MUG-STN-SAG', unitPrice: { amountMinor: 950, currency: 'GBP' } }]);
    expect(saved.version).to.equal(2); // once, despite the lost answers
    await waitFor(() => text($(el, '[part~="status"]')) === 'Discounts saved.', 'the announcement');
    const quote = await client.orders.quote(id, { lines: [{ sku: 'MUG-STN-SAG', quantity: 1 }, { sku: 'TT-LIN-NAV', quantity: 1 }] });
    expect(quote.lines.map((l) => l.discount?.kind)).to.deep.equal(['sku', 'group']);
  });

  it('a stale version: says what changed, Reload keeps the draft on the latest version, and Save succeeds', async function () {
    this.timeout(30_000);
    const id = mocks.db.fixtures.customers.vatExempt;
    const client = clientFor(mocks.tokens.admin);
    const el = await mount(id, client);
    await click(await waitFor(() => $(el, '[part~="edit-button"]'), 'Edit'));
    await click($$(el, '[part~="add-button"]')[0]!);
    await click(await waitFor(() => $<HTMLInputElement>(el, '[part~="percent-input"]'), 'the percentage'));
    await sendKeys({ type: '5' });
    // Someone else saves first.
    const current = await clientFor(mocks.tokens.admin).discounts.get(id);
    await clientFor(mocks.tokens.admin).discounts.set(id, { groups: [{ groupId: 'grp_garden', percent: 3 }], prices: [] }, { version: current.version });
    await click($(el, '[part~="save-button"]')!);
    const conflict = await waitFor(() => (text($(el, '[part~="conflict-changes"]')) ? $(el, '[part~="conflict"]') : null), 'the conflict');
    expect(text(conflict)).to.contain('These discounts were changed by someone else');
    expect(text(conflict)).to.contain('Garden');
    await click($(el, '[part~="reload-button"]')!);
    await waitFor(() => $(el, '[part~="changes"]'), 'reloaded');
    await click($(el, '[part~="save-button"]')!);
    await waitFor(() => $(el, '[part~="edit-button"]'), 'saved');
    const saved = await client.discounts.get(id, { cache: 'reload' });
    expect(saved.groups.map((g) => g.percent)).to.deep.equal([5]);
    expect(saved.version).to.equal(current.version + 2);
  });
});
