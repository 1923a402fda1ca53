import { fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { CustomerAccounts } from '../../src/components/customer-accounts/customer-accounts.js';
import '../../src/components/define.js';
import { clientFor, startMocks, waitFor, type Mocks } from './helpers.js';

let mocks: Mocks;
before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

describe('shots', function () {
  this.timeout(120_000);
  for (const width of [400, 900, 1340]) {
    it(`at ${width}`, async () => {
      await setViewport({ width, height: 900 });
      const id = mocks.db.fixtures.customers.creditTrade;
      const el = await fixture<CustomerAccounts>(html`<customer-accounts customer-id=${id} .client=${clientFor(mocks.tokens.admin)}></customer-accounts>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part~="ledger-row"]') && el.shadowRoot!.querySelector('[part~="payment-button"]'), 'ledger', 15_000);
      await executeServerCommand('shot', { path: `/tmp/acc-shots/ledger-${width}.png` });
      (el.shadowRoot!.querySelector('[part~="payment-button"]') as HTMLElement).click();
      await waitFor(() => el.shadowRoot!.querySelector('[part~="payment-form"]'), 'form');
      const amount = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="payment-amount"]')!;
      amount.value = '9999.00';
      amount.dispatchEvent(new Event('input'));
      await waitFor(() => el.shadowRoot!.querySelector('[part~="allocation-plan"]'), 'plan');
      await executeServerCommand('shot', { path: `/tmp/acc-shots/payment-${width}.png` });
      (el.shadowRoot!.querySelector('[part~="invoice-button"]') as HTMLElement).click();
      await waitFor(() => el.shadowRoot!.querySelector('[part~="invoice-editor"]'), 'editor');
      await executeServerCommand('shot', { path: `/tmp/acc-shots/invoice-${width}.png` });
      el.tab = 'statement';
      await waitFor(() => el.shadowRoot!.querySelector('[part~="statement-row"]'), 'statement', 15_000);
      await executeServerCommand('shot', { path: `/tmp/acc-shots/statement-${width}.png` });
      el.tab = 'loyalty';
      await waitFor(() => el.shadowRoot!.querySelector('[data-figure="closing"]')?.textContent?.match(/\d/), 'loyalty', 15_000);
      await executeServerCommand('shot', { path: `/tmp/acc-shots/loyalty-${width}.png` });
    });
  }
});
