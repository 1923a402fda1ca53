/**
 * The Loyalty tab of <customer-accounts>, driven as a clerk would: the balance and statement,
 * adjusting with a reason, the shop-wide settings (with the conflict flow when someone saved
 * first), and no write actions for a user without the capability.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Client } from '../../src/sdk/index.js';
import type { CustomerAccounts, LoyaltyChangeDetail } from '../../src/components/customer-accounts/customer-accounts.js';
import '../../src/components/define.js';
import { click, clientFor, deepActiveElement, expectAxeClean, press, startMocks, typeText, waitFor, type Mocks } from './helpers.js';

let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => mocks.scenario.reset());

const part = (el: CustomerAccounts, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: CustomerAccounts, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const figure = (el: CustomerAccounts, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-figure="${name}"]`)?.textContent?.trim() ?? '';
const num = (text: string) => Number(text.replace(/[^\d-]/g, ''));

async function mount(customerId: string, given?: Client, writer = true): Promise<CustomerAccounts> {
  const client = given ?? clientFor(mocks.tokens.admin);
  const el = await fixture<CustomerAccounts>(html`<customer-accounts customer-id=${customerId} tab="loyalty" .client=${client}></customer-accounts>`);
  // Everything in, so that nothing moves under the pointer: the figures, the scheme, the statement,
  // and (for a user who may) the write actions.
  await waitFor(() => /\d/.test(figure(el, 'points')) && /\d/.test(figure(el, 'scheme')) && /\d/.test(figure(el, 'closing')), 'the loyalty tab');
  if (writer) await waitFor(() => part(el, 'loyalty-adjust-button'), 'the write actions');
  return el;
}

describe('customer-accounts: loyalty', function () {
  // A busy machine (2 cores, several test runs) takes seconds per mount and axe run.
  this.timeout(40_000);
  it('shows the balance, its worth and a statement that reconciles, and opens the order behind an entry', async () => {
    const id = mocks.db.fixtures.customers.allStatuses;
    const el = await mount(id);
    await waitFor(() => part(el, 'order-link'), 'an entry with its order');
    expect(num(figure(el, 'points'))).to.equal(mocks.db.loyaltyOf(id).points);
    const opening = num(figure(el, 'opening'));
    const earned = num(figure(el, 'earned'));
    const spent = num(figure(el, 'spent'));
    const adjusted = num(figure(el, 'adjusted'));
    expect(opening + earned - spent + adjusted).to.equal(num(figure(el, 'closing')));
    const opened: CustomEvent[] = [];
    el.addEventListener('order-open', (e) => opened.push(e));
    const link = part(el, 'order-link')!;
    await click(link);
    const event = await waitFor(() => opened[0], 'order-open', 15_000);
    expect(event.detail.order.number).to.equal(link.textContent!.trim());
    await expectAxeClean(el);
  });

  it('adjusts the balance with a reason: the figure, the statement and the event follow', async () => {
    const id = mocks.db.fixtures.customers.creditTrade;
    const el = await mount(id);
    const before = num(figure(el, 'points'));
    await click(part(el, 'loyalty-adjust-button')!);
    await waitFor(() => deepActiveElement() === part(el, 'loyalty-delta'), 'focus in the points field');
    // Nothing typed: both fields say what they need, and nothing is sent.
    await click(part(el, 'loyalty-save-button')!);
    await waitFor(() => parts(el, 'field-error').length === 2, 'two field errors');
    await expectAxeClean(el);
    await click(part(el, 'loyalty-delta')!);
    await typeText('120');
    await click(part(el, 'loyalty-reason')!);
    await typeText('Birthday bonus');
    const changed = new Promise<LoyaltyChangeDetail>((resolve) => el.addEventListener('loyalty-change', (e) => resolve(e.detail), { once: true }));
    await press('Enter');
    expect(await changed).to.deep.equal({ customerId: id, points: before + 120, delta: 120 });
    await waitFor(() => num(figure(el, 'points')) === before + 120, 'the new balance');
    await waitFor(() => parts(el, 'loyalty-row').some((row) => row.textContent!.includes('Birthday bonus')), 'the adjustment on the statement');
    expect(part(el, 'loyalty-adjust-form')).to.equal(null);
    expect(deepActiveElement()).to.equal(part(el, 'loyalty-adjust-button'));
    expect(mocks.db.loyaltyOf(id).points).to.equal(before + 120);
  });

  it('changes the shop-wide settings; a stale save gets the conflict flow and Reload keeps what was typed', async () => {
    const el = await mount(mocks.db.fixtures.customers.allStatuses);
    await waitFor(() => part(el, 'loyalty-settings-button'), 'the settings button');
    await click(part(el, 'loyalty-settings-button')!);
    await waitFor(() => deepActiveElement() === part(el, 'loyalty-rate'), 'focus in the rate');
    // Someone else saves first.
    const current = mocks.db.loyaltySettings();
    await clientFor(mocks.tokens.admin).loyalty.updateSettings({ pointsPerPound: current.pointsPerPound, pointValue: { amountMinor: current.pointValue.amountMinor + 1, currency: 'GBP' } }, { version: current.version });
    const rate = part(el, 'loyalty-rate') as HTMLInputElement;
    rate.select();
    await typeText('3');
    await click(part(el, 'loyalty-settings-save-button')!);
    await waitFor(() => part(el, 'conflict-changes'), 'what changed');
    expect(part(el, 'conflict-changes')!.textContent).to.contain('Value of a point');
    await expectAxeClean(el);
    await click(part(el, 'reload-button')!);
    await waitFor(() => part(el, 'changes'), 'reloaded');
    expect((part(el, 'loyalty-rate') as HTMLInputElement).value).to.equal('3');
    await click(part(el, 'loyalty-settings-save-button')!);
    await waitFor(() => !part(el, 'loyalty-settings-form'), 'the form closes');
    expect(mocks.db.loyaltySettings()).to.include({ pointsPerPound: 3 });
    await waitFor(() => figure(el, 'scheme').startsWith('Points per pound: 3.'), 'the scheme shown');
  });

  it('offers no loyalty writes to a user without the capabilities, or when readonly', async () => {
    const viewer = await mount(mocks.db.fixtures.customers.allStatuses, clientFor(mocks.tokens.viewer), false);
    expect(part(viewer, 'loyalty-adjust-button')).to.equal(null);
    expect(part(viewer, 'loyalty-settings-button')).to.equal(null);
    await expectAxeClean(viewer);
    const el = await mount(mocks.db.fixtures.customers.allStatuses);
    await waitFor(() => part(el, 'loyalty-adjust-button'), 'the adjust button for the admin');
    el.readonly = true;
    await el.updateComplete;
    expect(part(el, 'loyalty-adjust-button')).to.equal(null);
  });
});
