/**
 * A page that imports only the `customer-card` entry (`customer-elements/customer-card`, built from
 * this module) gets the watch-list badge the card shows beside the name: the entry registers it too.
 * This file's page imports nothing else that registers a tag.
 */
import { expect } from '@open-wc/testing';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/customer-card/define.js';
import { WatchListBadge } from '../../src/components/watch-list-badge/watch-list-badge.js';
import { clientFor, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

describe('the customer-card entry', () => {
  it('registers <watch-list-badge>, so a watch-listed customer shows the badge beside the name', async () => {
    expect(customElements.getName(WatchListBadge)).to.equal('watch-list-badge');
    const id = mocks.db.fixtures.customers.watchListed;
    const el = document.createElement('customer-card');
    el.client = clientFor(mocks.tokens.admin);
    el.customerId = id;
    document.body.append(el);
    try {
      const badge = await waitFor(
        () => el.shadowRoot!.querySelector('[part~="header"] [part~="watch-list-badge"]'),
        'the badge beside the name',
      );
      expect(badge.localName).to.equal('watch-list-badge');
      expect(badge).to.be.instanceOf(WatchListBadge);
      await waitFor(() => badge.shadowRoot?.textContent?.includes('Watch list'), 'the badge shows its label');
    } finally {
      el.remove();
    }
  });
});
