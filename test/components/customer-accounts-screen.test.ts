/**
 * "View accounts" in the customer screen opens <customer-accounts> in the screen's view dialog,
 * and still fires `view-accounts` for hosts that route elsewhere. Screenshots of the accounts
 * screen at three widths are taken for the people who look at them (not compared).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CustomerScreen } from '../../src/components/customer-screen/customer-screen.js';
import type { CustomerAccounts } from '../../src/components/customer-accounts/customer-accounts.js';
import { formatMoney } from '../../src/components/shared/format.js';
import '../../src/components/define.js';
import { click, clientFor, expectAxeClean, startMocks, waitFor, type Mocks } from './helpers.js';
import { deepQuery, screenLoaded, sectionHost } from './customer-screen.helpers.js';

let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => setViewport({ width: 1340, height: 900 }));

describe('customer-accounts in the customer screen', function () {
  this.timeout(60_000);

  it('opens from "View accounts" with the customer, and the event still fires', async () => {
    await setViewport({ width: 1340, height: 900 });
    const id = mocks.db.fixtures.customers.creditTrade;
    const el = await fixture<CustomerScreen>(html`<customer-screen customer-id=${id} .client=${clientFor(mocks.tokens.admin)}></customer-screen>`);
    await waitFor(() => screenLoaded(el), 'the screen', 15_000);
    const events: Event[] = [];
    el.addEventListener('view-accounts', (e) => events.push(e));
    await click(await waitFor(() => deepQuery(sectionHost(el, 'details')!, '[part~="view-accounts-button"]'), 'View accounts'));
    await waitFor(() => events.length === 1, 'view-accounts');
    const accounts = await waitFor(() => deepQuery(el, 'customer-accounts') as CustomerAccounts | null, 'the accounts view', 15_000);
    expect(accounts.customerId).to.equal(id);
    const balance = formatMoney(mocks.db.account(id).balance, 'en-GB');
    await waitFor(() => accounts.shadowRoot?.querySelector('[data-figure="balance"]')?.textContent?.trim() === balance, 'the balance in the view');
    await waitFor(() => accounts.shadowRoot?.querySelector('[part~="ledger-row"]'), 'the ledger in the view');
    await expectAxeClean(accounts);
  });
});
