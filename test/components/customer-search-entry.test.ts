/**
 * A page that imports only the `customer-search` entry (`customer-elements/customer-search`, built
 * from this module) gets the watch-list badges its results show: the entry registers the badge too.
 * This file's page imports nothing else that registers a tag.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/customer-search/define.js';
import { WatchListBadge } from '../../src/components/watch-list-badge/watch-list-badge.js';
import { click, clientFor, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

describe('the customer-search entry', () => {
  it('registers <watch-list-badge>, so a watch-listed result shows the badge', async () => {
    expect(customElements.getName(WatchListBadge)).to.equal('watch-list-badge');
    const customer = mocks.db.getCustomer(mocks.db.fixtures.customers.watchListed)!;
    const el = document.createElement('customer-search');
    el.client = clientFor(mocks.tokens.admin);
    el.debounce = 0;
    document.body.append(el);
    try {
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
      await click(input);
      await sendKeys({ type: customer.name });
      const option = await waitFor(
        () => el.shadowRoot!.querySelector<HTMLElement>(`[role="option"][data-customer-id="${customer.id}"]`),
        'the watch-listed customer among the results',
      );
      const badge = option.querySelector('[part~="watch-list-flag"] watch-list-badge');
      expect(badge, 'a <watch-list-badge> in the result').to.be.instanceOf(WatchListBadge);
      await waitFor(() => badge!.shadowRoot?.textContent?.includes('Watch list'), 'the badge shows its label');
    } finally {
      el.remove();
    }
  });
});
