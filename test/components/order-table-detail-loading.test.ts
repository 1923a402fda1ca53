/**
 * The order table ships without its order detail: the detail's module loads when a row is first
 * opened, the dialog shows a loading state meanwhile, and the detail is registered as
 * `<order-detail>` then. This file's page imports only the order-table entry; the detail's module
 * request is held by the mock worker until the test lets it through, so the loading state is seen.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, passthrough } from 'msw';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/order-table/define.js';
import type { OrderTable } from '../../src/components/order-table/order-table.js';
import { click, clientFor, expectAxeClean, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);

describe('order-table: the order detail, loaded when a row is first opened', () => {
  it('is not loaded before; shows a loading state while it loads, then the order', async function () {
    this.timeout(30_000);
    expect(customElements.get('order-detail'), 'no <order-detail> before a row is opened').to.equal(undefined);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested = 0;
    mocks.worker.use(
      http.get(/\/order-table\/order-detail\.(ts|js)(\?|$)/, async () => {
        requested++;
        await held;
        return passthrough();
      }),
    );
    try {
      const { allStatuses } = mocks.db.fixtures.customers;
      const el = await fixture<OrderTable>(html`<order-table customer-id=${allStatuses} .client=${clientFor(mocks.tokens.admin)}></order-table>`);
      const cell = await waitFor(() => $(el, '[part~="row"]:not([part~="row-loading"]) [part~="cell-number"]'), 'the first rows');
      const number = cell.textContent!.trim();
      await click(cell);
      const dialog = await waitFor(() => $<HTMLDialogElement>(el, 'dialog[open]'), 'the dialog');
      // While the module is held: a loading state, announced, and no detail yet.
      const loading = await waitFor(() => dialog.querySelector('[part~="skeleton"][role="status"]'), 'the loading state');
      expect(loading.textContent).to.contain('Loading');
      await waitFor(() => requested === 1, 'the detail module asked for, and held');
      expect(dialog.querySelector('[part~="detail"]')).to.equal(null);
      await expectAxeClean(el);

      release();
      const detail = await waitFor(() => dialog.querySelector<HTMLElement>('[part~="detail"]'), 'the detail');
      expect(detail.localName).to.equal('order-detail');
      expect(customElements.get('order-detail'), 'registered once loaded').to.not.equal(undefined);
      await waitFor(() => detail.shadowRoot?.querySelector('[part~="title"]')?.textContent?.includes(number), `order ${number} in the heading`);
      expect(dialog.querySelector('[part~="skeleton"]'), 'the loading state is gone').to.equal(null);
    } finally {
      release();
      mocks.worker.resetHandlers();
    }
  });
});
