import { expect, fixture, html } from '@open-wc/testing';
import type { Client } from '../../src/sdk/index.js';
import type { AttachmentEventDetail, CustomerAttachments } from '../../src/components/customer-attachments/customer-attachments.js';
// Registers the tag, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/customer-attachments/define.js';
import { click, clientFor, deepActiveElement, expectAxeClean, press, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  // Starting the mock API (worker, data set) takes seconds on a busy machine: more than a test's 10 s.
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => {
  mocks.scenario.reset();
});

// ------------------------------------------------------------------------------------------------

const root = (el: CustomerAttachments) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CustomerAttachments, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CustomerAttachments, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const rows = (el: CustomerAttachments) => $$(el, '[part~="attachment"]');
const names = (el: CustomerAttachments) => rows(el).map((r) => r.querySelector('[part~="name"]')!.textContent!);
const rowOf = (el: CustomerAttachments, name: string) => rows(el).find((r) => r.querySelector('[part~="name"]')!.textContent === name);
const status = (el: CustomerAttachments) => $(el, '[role="status"]:not([part~="skeleton"])')!.textContent!.trim();
const uploads = (el: CustomerAttachments) => $$(el, '[part~="upload"]');
const settled = (el: CustomerAttachments) => !!$(el, '[part~="list"], [part~="empty"], [part~="error"]') && $(el, '[part~="base"]')!.getAttribute('aria-busy') === 'false';

async function mount(customerId: string, client: Client = clientFor(mocks.tokens.admin)): Promise<CustomerAttachments> {
  const el = await fixture<CustomerAttachments>(html`<customer-attachments customer-id=${customerId} .client=${client}></customer-attachments>`);
  await waitFor(() => settled(el), 'the attachments to load');
  return el;
}

let made = 0;
/** A new customer with no attachments, made through the SDK. */
async function newCustomer(): Promise<string> {
  const client = clientFor(mocks.tokens.admin);
  const reference = await client.reference.get();
  const customer = await client.customers.create({
    name: `Attachments Test ${++made}`,
    type: 'public',
    salesChannelId: reference.salesChannels[0]!.id,
  });
  return customer.id;
}

/** Files as the file picker hands them over: set on the input, then its `change` event. */
function choose(el: CustomerAttachments, files: File[]): void {
  const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Files dropped on the drop zone, as a drag from the desktop delivers them. */
function drop(el: CustomerAttachments, files: File[]): void {
  const zone = $(el, '[part~="dropzone"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  zone.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
}

const pdf = (name: string, bytes = 200_000) => new File([new Uint8Array(bytes).fill(37)], name, { type: 'application/pdf' });

/** Counts the requests the page sends to the mock API, by method and path. */
function countRequests(): { list: () => string[]; stop: () => void } {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    seen.push(`${request.method} ${new URL(request.url).pathname}`);
  };
  mocks.worker.events.on('request:start', listener);
  return { list: () => seen, stop: () => mocks.worker.events.removeListener('request:start', listener) };
}

// ------------------------------------------------------------------------------------------------

describe('customer-attachments', () => {
  describe('listing', () => {
    it('shows each file with its name, type, size and who uploaded it when', async () => {
      const id = mocks.db.fixtures.customers.creditTrade;
      const el = await mount(id);
      expect(names(el)).to.have.members(['trade-account-application.pdf', 'credit-check.txt']);
      const stored = mocks.db.attachmentsOf(id).find((a) => a.filename === 'credit-check.txt')!;
      const row = rowOf(el, 'credit-check.txt')!;
      expect(row.querySelector('[part~="type"]')!.textContent).to.equal('Text file');
      expect(row.querySelector('[part~="size"]')!.textContent).to.match(/^\d[\d.,]*\s?(byte|kB|MB)/);
      expect(row.querySelector('[part~="uploaded"]')!.textContent).to.contain(stored.uploadedBy.name);
      expect(row.querySelector('[part~="uploaded"]')!.textContent).not.to.match(/NaN|undefined|Invalid/);
      expect(rowOf(el, 'trade-account-application.pdf')!.querySelector('[part~="type"]')!.textContent).to.equal('PDF document');
      await expectAxeClean(el);
    });

    it('shows an empty state, axe clean, with the drop zone for a user who may upload', async () => {
      const el = await mount(await newCustomer());
      expect($(el, '[part~="empty"]')!.textContent!.trim()).to.equal('No documents or pictures yet.');
      expect($(el, '[part~="dropzone"]')).not.to.equal(null);
      expect($(el, '[part~="limits"]')!.textContent).to.contain('10 MB');
      await expectAxeClean(el);
    });

    it('says a failed load in words and loads again on Retry', async () => {
      const id = mocks.db.fixtures.customers.creditTrade;
      mocks.scenario.failNext('attachments.list', 500);
      const el = await mount(id, clientFor(mocks.tokens.admin, { retry: 0 }));
      const error = $(el, '[part~="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('error 500');
      await click($(el, '[part~="retry-button"]')!);
      await waitFor(() => rows(el).length === 2, 'the list after Retry');
    });

    it('renders hostile file names as text', async () => {
      const el = await mount(mocks.db.fixtures.customers.hostile);
      expect(rows(el).length).to.be.greaterThan(1);
      expect(root(el).querySelector('img, svg, script')).to.equal(null);
      const stored = mocks.db.attachmentsOf(mocks.db.fixtures.customers.hostile).map((a) => a.filename);
      expect(names(el)).to.have.members(stored);
      expect(names(el).some((n) => n.includes('<svg onload=alert(1)>'))).to.equal(true);
      await expectAxeClean(el);
    });
  });

  describe('uploading', () => {
    it('uploads several chosen files, each with a labelled progress bar, then lists them and fires attachment-upload', async () => {
      const id = await newCustomer();
      const el = await mount(id);
      const events: CustomEvent<AttachmentEventDetail>[] = [];
      el.addEventListener('attachment-upload', (e) => events.push(e));
      // The server takes a moment, so the progress can be seen.
      mocks.scenario.set({ latency: 400 });
      choose(el, [pdf('quote.pdf'), new File(['a,b\n1,2\n'], 'prices.csv', { type: 'text/csv' })]);
      await waitFor(() => $$(el, 'progress').length === 2, 'two progress bars');
      const labels = $$<HTMLProgressElement>(el, 'progress').map((p) => p.getAttribute('aria-label'));
      expect(labels).to.deep.equal(['Uploading quote.pdf', 'Uploading prices.csv']);
      expect($$(el, '[part~="cancel-upload-button"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        'Cancel the upload of quote.pdf',
        'Cancel the upload of prices.csv',
      ]);
      await waitFor(() => $$(el, 'progress').length === 0 && names(el).length === 2, 'the uploads to finish and show in the list');
      expect(names(el)).to.have.members(['quote.pdf', 'prices.csv']);
      expect(events.map((e) => e.detail.attachment.filename)).to.have.members(['quote.pdf', 'prices.csv']);
      expect(events.every((e) => e.detail.customerId === id && e.bubbles && e.composed)).to.equal(true);
      expect(status(el)).to.match(/uploaded\.$/);
      expect(mocks.db.attachmentsOf(id).map((a) => a.filename)).to.have.members(['quote.pdf', 'prices.csv']);
    });

    it("feeds the progress bar from the SDK's onProgress, in bytes, with the percentage beside it", async () => {
      // Chromium fires no XHR upload progress events for a request a service worker answers, so
      // the mock API cannot make any: this client reports progress in steps the test controls,
      // then uploads for real.
      const client = clientFor(mocks.tokens.admin);
      const upload = client.attachments.upload.bind(client.attachments);
      let report: ((loaded: number) => void) | undefined;
      let release: (() => void) | undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      client.attachments.upload = async (customerId, file, options = {}) => {
        report = (loaded) => options.onProgress?.(loaded, file.size);
        await gate;
        return upload(customerId, file, options);
      };
      const el = await mount(await newCustomer(), client);
      const file = pdf('big-scan.pdf', 3_000_000);
      choose(el, [file]);
      const bar = await waitFor(() => $<HTMLProgressElement>(el, 'progress'), 'the progress bar');
      const percent = () => $(el, '[part~="upload-percent"]')!.textContent;
      // Nothing reported yet: indeterminate, not stuck at 0 %.
      expect(bar.position).to.equal(-1);
      expect(percent()).to.equal('');
      report!(0);
      await waitFor(() => bar.position === 0, 'a determinate bar at 0');
      expect(percent()).to.equal('0%');
      report!(750_000);
      await waitFor(() => bar.value === 750_000, 'a quarter');
      expect(bar.max).to.equal(3_000_000);
      expect(percent()).to.equal('25%');
      report!(3_000_000);
      await waitFor(() => percent() === '100%', 'the whole file');
      release!();
      await waitFor(() => names(el).includes('big-scan.pdf') && !$(el, 'progress'), 'the file in the list');
    });

    it('uploads files dropped on the drop zone', async () => {
      const el = await mount(await newCustomer());
      drop(el, [pdf('dropped.pdf')]);
      await waitFor(() => names(el).includes('dropped.pdf'), 'the dropped file in the list');
    });

    it('opens the file picker from a keyboard-focusable button described by the limits', async () => {
      const el = await mount(await newCustomer());
      const button = $<HTMLButtonElement>(el, '[part~="choose-button"]')!;
      const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
      let opened = 0;
      input.addEventListener('click', (e) => {
        opened++;
        e.preventDefault(); // no real picker in a headless test
      });
      button.focus();
      await press('Enter');
      expect(opened).to.equal(1);
      await press(' ');
      expect(opened).to.equal(2);
      expect(input.multiple).to.equal(true);
      expect(input.tabIndex).to.equal(-1);
      expect(button.getAttribute('aria-describedby')).to.equal('limits');
    });

    it('cancels an upload in progress: nothing is stored and it says so', async () => {
      const id = await newCustomer();
      const el = await mount(id);
      const events: Event[] = [];
      el.addEventListener('attachment-upload', (e) => events.push(e));
      mocks.scenario.failNext('attachments.upload', 'timeout');
      choose(el, [pdf('never.pdf')]);
      const cancel = await waitFor(() => $(el, '[part~="cancel-upload-button"]'), 'the Cancel button');
      await click(cancel);
      await waitFor(() => uploads(el).length === 0, 'the upload to go');
      expect(status(el)).to.equal('Upload of never.pdf cancelled.');
      expect(deepActiveElement()).to.equal($(el, '[part~="choose-button"]'));
      expect(events).to.have.length(0);
      expect(names(el)).to.deep.equal([]);
      expect(mocks.db.attachmentsOf(id)).to.have.length(0);
    });

    it('stops its uploads when it leaves the page, and shows none stuck when it comes back', async () => {
      const id = await newCustomer();
      const el = await mount(id);
      mocks.scenario.failNext('attachments.upload', 'timeout');
      choose(el, [pdf('left-behind.pdf')]);
      await waitFor(() => $(el, 'progress'), 'the upload');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitFor(() => settled(el) && uploads(el).length === 0, 'no upload rows');
      expect(mocks.db.attachmentsOf(id)).to.have.length(0);
    });

    it('refuses too large files and types that cannot be attached before sending anything', async () => {
      const el = await mount(await newCustomer());
      const requests = countRequests();
      try {
        const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' });
        const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', { type: 'image/svg+xml' });
        choose(el, [huge, svg]);
        await waitFor(() => $$(el, '[part~="upload-error"]').length === 2, 'two refusals');
        const messages = $$(el, '[part~="upload-error"]').map((p) => p.textContent);
        expect(messages[0]).to.equal('“scan.pdf” is 10 MB: files can be at most 10 MB.');
        expect(messages[1]).to.contain('“logo.svg” is not a file type you can attach.');
        expect(status(el)).to.contain('scan.pdf');
        expect(requests.list().filter((r) => r.startsWith('POST'))).to.deep.equal([]);
        await expectAxeClean(el);
        // Dismissing a refusal removes it.
        await click($(el, '[part~="dismiss-button"]')!);
        await waitFor(() => uploads(el).length === 1, 'one refusal left');
      } finally {
        requests.stop();
      }
    });

    it("says the server's 415 and 413 clearly", async () => {
      const id = await newCustomer();
      const el = await mount(id);
      // The browser cannot tell the type of this file, so the server decides: not accepted.
      choose(el, [new File([new Uint8Array([0, 1, 2, 3])], 'firmware.bin')]);
      await waitFor(() => $(el, '[part~="upload-error"]'), 'the refusal');
      expect($(el, '[part~="upload-error"]')!.textContent).to.equal(
        'The server does not accept files of this type (“firmware.bin”). Attach a picture, a PDF, a text or CSV file or an office document.',
      );
      await click($(el, '[part~="dismiss-button"]')!);
      mocks.scenario.failNext('attachments.upload', 413);
      choose(el, [pdf('manual.pdf')]);
      await waitFor(() => $(el, '[part~="upload-error"]'), 'the refusal');
      expect($(el, '[part~="upload-error"]')!.textContent).to.equal('The server refused “manual.pdf”: it is too large (files can be at most 10 MB).');
      expect(mocks.db.attachmentsOf(id)).to.have.length(0);
    });
  });

  describe('downloading', () => {
    it('saves the file from an object URL under its own name, and revokes the URL after', async () => {
      const id = mocks.db.fixtures.customers.creditTrade;
      const el = await mount(id);
      const stored = mocks.db.attachmentsOf(id).find((a) => a.filename === 'credit-check.txt')!;
      const revoked: string[] = [];
      const originalRevoke = URL.revokeObjectURL;
      URL.revokeObjectURL = (url: string) => {
        revoked.push(url);
        originalRevoke.call(URL, url);
      };
      let saved: { href: string; download: string; content: Promise<ArrayBuffer> } | undefined;
      const onClick = (event: MouseEvent) => {
        const link = event.composedPath()[0];
        if (!(link instanceof HTMLAnchorElement)) return;
        event.preventDefault(); // no real download in a headless test
        // Read it now: the URL is revoked soon after the click.
        saved = { href: link.href, download: link.download, content: fetch(link.href).then((r) => r.arrayBuffer()) };
      };
      document.addEventListener('click', onClick, true);
      try {
        const button = rowOf(el, 'credit-check.txt')!.querySelector('[part~="download-button"]')!;
        expect(button.getAttribute('aria-label')).to.equal('Download credit-check.txt');
        await click(button);
        const link = await waitFor(() => saved, 'the save link to be clicked');
        expect(link.href).to.match(/^blob:/);
        expect(link.download).to.equal('credit-check.txt');
        expect(new Uint8Array(await link.content)).to.deep.equal(new Uint8Array(stored.content));
        await waitFor(() => revoked.includes(link.href), 'the object URL to be revoked');
        expect(root(el).querySelector('a')).to.equal(null);
      } finally {
        document.removeEventListener('click', onClick, true);
        URL.revokeObjectURL = originalRevoke;
      }
    });

    it('says a failed download beside the file', async () => {
      const el = await mount(mocks.db.fixtures.customers.creditTrade, clientFor(mocks.tokens.admin, { retry: 0 }));
      mocks.scenario.failNext('attachments.download', 500);
      await click(rowOf(el, 'credit-check.txt')!.querySelector('[part~="download-button"]')!);
      const error = await waitFor(() => rowOf(el, 'credit-check.txt')!.querySelector('[part~="row-error"]'), 'the error');
      expect(error.textContent).to.contain('“credit-check.txt” could not be downloaded.');
    });
  });

  describe('deleting', () => {
    it('asks first; Escape keeps the file; confirming deletes it and fires attachment-delete', async () => {
      const id = await newCustomer();
      const seed = await clientFor(mocks.tokens.admin).attachments.upload(id, pdf('old-terms.pdf'));
      const el = await mount(id);
      const events: CustomEvent<AttachmentEventDetail>[] = [];
      el.addEventListener('attachment-delete', (e) => events.push(e));
      const deleteButton = rowOf(el, 'old-terms.pdf')!.querySelector<HTMLButtonElement>('[part~="delete-button"]')!;
      expect(deleteButton.getAttribute('aria-label')).to.equal('Delete old-terms.pdf');
      await click(deleteButton);
      const dialog = $<HTMLDialogElement>(el, '[part~="confirm"]')!;
      await waitFor(() => dialog.open, 'the confirmation');
      expect(dialog.textContent).to.contain('“old-terms.pdf” will be deleted');
      expect(deepActiveElement()).to.equal($(el, '[part~="confirm-cancel-button"]'));
      await expectAxeClean(el);
      await press('Escape');
      await waitFor(() => !dialog.open, 'the confirmation to close');
      await waitFor(() => deepActiveElement() === deleteButton, 'the focus back on Delete');
      expect(mocks.db.attachmentsOf(id)).to.have.length(1);

      await click(deleteButton);
      await waitFor(() => dialog.open, 'the confirmation again');
      await click($(el, '[part~="confirm-button"]')!);
      await waitFor(() => rows(el).length === 0 && !!$(el, '[part~="empty"]'), 'the file to go');
      expect(dialog.open).to.equal(false);
      expect(events).to.have.length(1);
      expect(events[0]!.detail).to.deep.equal({ customerId: id, attachment: seed });
      expect(status(el)).to.equal('old-terms.pdf deleted.');
      expect(mocks.db.attachmentsOf(id)).to.have.length(0);
    });
  });

  describe('capabilities', () => {
    it('gives a viewer the list and downloads only', async () => {
      const el = await mount(mocks.db.fixtures.customers.creditTrade, clientFor(mocks.tokens.viewer));
      expect(rows(el)).to.have.length(2);
      expect($(el, '[part~="dropzone"]')).to.equal(null);
      expect($(el, 'input[type="file"]')).to.equal(null);
      expect($(el, '[part~="delete-button"]')).to.equal(null);
      expect($$(el, '[part~="download-button"]')).to.have.length(2);
      await expectAxeClean(el);
    });

    it('is read-only when readonly is set, whatever the capabilities', async () => {
      const el = await mount(mocks.db.fixtures.customers.creditTrade);
      expect($(el, '[part~="delete-button"]')).not.to.equal(null);
      el.readonly = true;
      await el.updateComplete;
      expect($(el, '[part~="dropzone"]')).to.equal(null);
      expect($(el, '[part~="delete-button"]')).to.equal(null);
    });
  });
});
