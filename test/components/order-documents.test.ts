import { expect, fixture, html } from '@open-wc/testing';
import { OrderDetail } from '../../src/components/order-table/order-detail.js';
import { defineElement } from '../../src/components/shared/define.js';
import { click, clientFor, expectAxeClean, startMocks, waitFor, type Mocks } from './helpers.js';

// The order-table entry registers its detail only when a row is first opened; this file shows
// <order-detail> on its own, as a page registering it itself would.
defineElement('order-detail', OrderDetail);

let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks({ size: { customers: 20, orders: 100, bigCustomerOrders: 200, manyNotes: 20 } });
});

afterEach(() => {
  mocks.scenario.reset();
});

const part = (detail: OrderDetail, name: string) => detail.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (detail: OrderDetail, name: string) => [...detail.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

/**
 * Catches the next file the page saves (a click on a link with `download`), keeps it from reaching
 * the disk, and reads it while its object URL is still alive.
 */
function nextDownload(): Promise<{ name: string; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const onClick = (event: Event) => {
      const link = event.composedPath()[0];
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
      fetch(link.href)
        .then(async (response) => {
          const blob = await response.blob();
          // The content streams are uncompressed: the PDF's text can be read back as Latin-1.
          resolve({ name: link.download, type: blob.type, text: new TextDecoder('latin1').decode(await blob.arrayBuffer()) });
        })
        .catch(reject);
    };
    document.addEventListener('click', onClick, true);
  });
}

const gbp = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(minor / 100);

describe('order-detail documents', () => {
  it('"Print invoice" records the invoice and downloads its PDF, naming the customer, the lines and the totals', async function () {
    this.timeout(30_000);
    const admin = clientFor(mocks.tokens.admin);
    const allocated = (await admin.orders.list(mocks.db.fixtures.customers.allStatuses, { status: 'allocated' })).items[0]!;
    const order = await admin.orders.get(allocated.id);
    const detail = await fixture<OrderDetail>(html`<order-detail order-id=${order.id} .client=${admin}></order-detail>`);
    await waitFor(() => part(detail, 'action-invoice'), 'the print invoice action');
    const download = nextDownload();
    await click(part(detail, 'action-invoice')!);
    const file = await waitFor(() => download, 'the invoice download', 20_000);
    const pdf = await file;
    expect(pdf.type).to.equal('application/pdf');
    expect(pdf.name).to.match(new RegExp(`^${order.number}-invoice-.+\\.pdf$`));
    expect(pdf.text.startsWith('%PDF-')).to.equal(true);
    expect(pdf.text).to.contain('Kittiwake Home Ltd');
    expect(pdf.text).to.contain(`(Invoice ${order.invoiceNumber})`);
    for (const line of order.lines) expect(pdf.text).to.contain(line.sku);
    expect(pdf.text).to.contain(gbp(order.totals.total.amountMinor));
    expect(pdf.text).to.contain(gbp(order.totals.tax.amountMinor));
    // The print history shows it, with its own download.
    await waitFor(() => parts(detail, 'print-download').length === order.printHistory.length + 1, 'the new record with its download');
  });

  it('every document of the print history downloads from its row; a failure says why beside it', async function () {
    this.timeout(30_000);
    const admin = clientFor(mocks.tokens.admin);
    const order = await admin.orders.get(mocks.db.fixtures.orders.dispatched);
    const detail = await fixture<OrderDetail>(html`<order-detail order-id=${order.id} .client=${admin}></order-detail>`);
    await waitFor(() => parts(detail, 'print-download').length === order.printHistory.length, 'a download per record');
    await expectAxeClean(detail);
    const buttons = parts(detail, 'print-download');
    expect(buttons[0]!.getAttribute('aria-label')).to.contain('Pick list');

    const packing = order.printHistory.findIndex((p) => p.document === 'packing-slip');
    const download = nextDownload();
    await click(buttons[packing]!);
    const pdf = await download;
    expect(pdf.text).to.contain(`(Packing slip ${order.number})`);
    expect(pdf.text).to.contain(order.lines[0]!.sku);

    mocks.scenario.failNext('orders.document', 503, 3);
    await click(parts(detail, 'print-download')[0]!);
    const error = await waitFor(() => part(detail, 'print-download-error'), 'the download error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The Pick list could not be downloaded.');
    expect(error.textContent).not.to.match(/undefined|NaN|\[object/);
    await expectAxeClean(detail);
  });
});
