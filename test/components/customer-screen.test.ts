import { expect, fixture, html } from '@open-wc/testing';
import type { Client } from '../../src/sdk/index.js';
import type { CustomerScreen, DiscountsOpenDetail } from '../../src/components/customer-screen/customer-screen.js';
// Registers every default tag, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/define.js';
import { click, clientFor, expectAxeClean, press, startMocks, waitFor } from './helpers.js';
import { countRequests, deepQuery, deepQueryAll, screenLoaded, sectionHost } from './customer-screen.helpers.js';

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

const root = (el: CustomerScreen) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CustomerScreen, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CustomerScreen, selector: string) => [...root(el).querySelectorAll<T>(selector)];
// In reading order: what a clerk looks at first comes first.
const SECTIONS = ['orders', 'notes', 'details', 'addresses', 'attachments'] as const;
const section = (el: CustomerScreen, name: string) => $(el, `[part~="section-${name}"]`)!;

async function mount(
  customerId: string,
  options: { client?: Client; width?: string; readonly?: boolean; discountsHref?: string } = {},
): Promise<CustomerScreen> {
  const client = options.client ?? clientFor(mocks.tokens.admin);
  const el = await fixture<CustomerScreen>(html`<customer-screen
    customer-id=${customerId}
    .client=${client}
    ?readonly=${options.readonly ?? false}
    .discountsHref=${options.discountsHref}
  ></customer-screen>`);
  if (options.width) el.style.inlineSize = options.width;
  await waitFor(() => screenLoaded(el), 'every section of the screen to load', 8_000);
  return el;
}

/** A customer with something in every section. */
const fullCustomer = () => mocks.db.fixtures.customers.creditTrade;

/** The number of columns of the layout grid, as the browser laid it out. */
function columnCount(el: CustomerScreen): number {
  return getComputedStyle($(el, '[part~="layout"]')!).gridTemplateColumns.split(' ').filter(Boolean).length;
}

/** Mounts the screen for a customer and counts its requests by resource until everything has loaded. */
async function requestsWhileLoading(customerId: string): Promise<{ counts: Record<string, number>; urls: string[] }> {
  const requests = countRequests(mocks);
  try {
    const el = await mount(customerId, { width: '1000px' });
    // The badges (the header's and the card's) ask for the watch list once the customer is known:
    // wait until both show it (the flag, or "Add to watch list" when the customer is not on it).
    const badges = () => [
      $(el, '[part~="watch-list-badge"]'),
      sectionHost(el, 'details')!.shadowRoot!.querySelector('[part~="watch-list-badge"]'),
    ];
    await waitFor(
      () => badges().every((b) => b?.shadowRoot?.querySelector('[part~="trigger"], [part~="add-button"]')),
      'both watch-list badges to load',
    );
  } finally {
    requests.stop();
  }
  const seen = requests.list();
  const counts: Record<string, number> = {};
  for (const r of seen) counts[r.resource] = (counts[r.resource] ?? 0) + 1;
  return { counts, urls: seen.map((r) => r.url) };
}

const EVERY_RESOURCE = [
  'customers.get',
  'me',
  'reference',
  'account',
  'loyalty',
  'contacts',
  'notes.list',
  'addresses.list',
  'orders.list',
  'attachments.list',
  'watch-list',
];

// ------------------------------------------------------------------------------------------------

describe('customer-screen', () => {
  it('composes every section of the CCP customer screen for a customer', async () => {
    const id = fullCustomer();
    const customer = mocks.db.getCustomer(id)!;
    const el = await mount(id, { width: '1000px' });
    // Header: name, watch-list badge, on-hold (when on hold) and Discounts.
    expect($(el, '[part~="name"]')!.textContent).to.equal(customer.name);
    expect($(el, '[part~="watch-list-badge"]')!.localName).to.equal('watch-list-badge');
    expect($(el, '[part~="discounts-button"]')!.textContent!.trim()).to.equal('Discounts');
    // Sections, each titled, each with its component.
    expect($$(el, '[part~="section"]').map((s) => s.dataset.section)).to.deep.equal([...SECTIONS]);
    expect($$(el, '[part~="section-heading"]').map((h) => h.querySelector('.title')!.textContent)).to.deep.equal([
      'Recent orders',
      'Notes',
      'Customer details',
      'Addresses',
      'Attachments',
    ]);
    expect(SECTIONS.map((s) => sectionHost(el, s)!.localName)).to.deep.equal([
      'order-table',
      'notes-panel',
      'customer-card',
      'address-book',
      'customer-attachments',
    ]);
    // The card shows details, financial standing, personal details and contacts.
    const card = sectionHost(el, 'details')!;
    for (const part of ['section-identity', 'section-finances', 'section-personal', 'section-contacts']) {
      expect(card.shadowRoot!.querySelector(`[part~="${part}"]`), part).not.to.equal(null);
    }
    // The orders with "Order from stock" and the season selector.
    const orders = sectionHost(el, 'orders')!;
    expect(orders.shadowRoot!.querySelector('[part~="order-from-stock"]')).not.to.equal(null);
    expect(orders.shadowRoot!.querySelector('[part~="season-select"]')).not.to.equal(null);
    expect(deepQueryAll(orders, '[part~="row"]').length).to.be.greaterThan(0);
    // Notes, addresses and attachments are listed.
    expect(deepQueryAll(sectionHost(el, 'notes')!, '[part~="note"]').length).to.be.greaterThan(0);
    expect(deepQueryAll(sectionHost(el, 'addresses')!, '[part~="address"]').length).to.be.greaterThan(0);
    expect(deepQueryAll(sectionHost(el, 'attachments')!, '[part~="attachment"]').length).to.equal(2);
    // Children are editable for an admin.
    expect(deepQuery(sectionHost(el, 'attachments')!, '[part~="dropzone"]')).not.to.equal(null);
    expect(deepQuery(sectionHost(el, 'notes')!, '[part~="add-button"]')).not.to.equal(null);
  });

  it('asks for each resource exactly once while it loads', async () => {
    const { counts, urls } = await requestsWhileLoading(fullCustomer());
    // Written out whole, so that a failure shows every count.
    expect(counts).to.deep.equal(Object.fromEntries(EVERY_RESOURCE.map((k) => [k, 1])));
    expect(new Set(urls).size).to.equal(urls.length);
  });

  it('asks for the watch list once too, for a watch-listed customer with two badges on the screen', async () => {
    const { counts, urls } = await requestsWhileLoading(mocks.db.fixtures.customers.watchListed);
    expect(counts).to.deep.equal(Object.fromEntries(EVERY_RESOURCE.map((k) => [k, 1])));
    expect(new Set(urls).size).to.equal(urls.length);
  });

  it('shows on hold unmistakably in the header, in words', async () => {
    const id = mocks.db.fixtures.customers.onHold;
    const el = await mount(id);
    const flag = $(el, '[part~="header"] [part~="on-hold"]')!;
    expect(flag.textContent!.trim()).to.equal('⏸Account on hold');
    expect(flag.querySelector('[aria-hidden="true"]')!.textContent).to.equal('⏸');
    // Not for a customer who is not on hold.
    const other = await mount(fullCustomer());
    expect($(other, '[part~="on-hold"]') === null).to.equal(true);
  });

  it("re-exports the children's parts with a prefix, for a page to style", async () => {
    const style = document.createElement('style');
    style.textContent = 'customer-screen::part(notes-add-button) { outline: 3px dotted rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const el = await mount(fullCustomer());
      const add = sectionHost(el, 'notes')!.shadowRoot!.querySelector('[part~="add-button"]')!;
      expect(getComputedStyle(add).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(sectionHost(el, 'attachments')!.getAttribute('exportparts')).to.contain('progress: attachments-progress');
    } finally {
      style.remove();
    }
  });

  it('shows one error with Try again, not one per section, when the server fails; Try again loads everything', async function () {
    this.timeout(30_000);
    const id = fullCustomer();
    mocks.scenario.errorRate = 1;
    const el = await fixture<CustomerScreen>(html`<customer-screen customer-id=${id} .client=${clientFor(mocks.tokens.admin)}></customer-screen>`);
    const error = await waitFor(() => $(el, '[part~="header"] [part~="error"]'), 'the error', 15_000);
    await el.updateComplete;
    expect(error.textContent).to.contain('The server could not complete the request (error 500). Try again.');
    const alerts = deepQueryAll(el, '[role="alert"]');
    expect(alerts.map((a) => a.textContent!.trim())).to.have.length(1);
    expect($(el, '[part~="layout"]')).to.equal(null);
    await expectAxeClean(el);
    mocks.scenario.errorRate = 0;
    await click($(el, '[part~="retry-button"]')!);
    await waitFor(() => screenLoaded(el), 'everything to load after Try again', 15_000);
    const left = deepQueryAll(el, '[role="alert"]').map((a) => `${a.getRootNode() instanceof ShadowRoot ? (a.getRootNode() as ShadowRoot).host.localName : ''}: ${a.textContent!.trim()}`);
    expect(left).to.deep.equal([]);
  });

  it('shows host content in the header-actions and aside slots, and no empty aside without it', async () => {
    const id = fullCustomer();
    const bare = await mount(id);
    expect(getComputedStyle($(bare, '[part~="aside"]')!).display).to.equal('none');
    const el = await fixture<CustomerScreen>(html`<customer-screen customer-id=${id} .client=${mocks.client}>
      <button slot="header-actions" type="button">Call customer</button>
      <p slot="aside">Host panel</p>
    </customer-screen>`);
    el.style.inlineSize = '900px';
    await waitFor(() => screenLoaded(el), 'the screen to load', 8_000);
    const actions = $<HTMLSlotElement>(el, 'slot[name="header-actions"]')!;
    expect(actions.assignedElements().map((e) => e.textContent)).to.deep.equal(['Call customer']);
    expect(actions.closest('[part~="header-actions"]')).not.to.equal(null);
    const aside = $(el, '[part~="aside"]')!;
    await waitFor(() => getComputedStyle(aside).display !== 'none', 'the aside to show');
    // In the wide layout it sits below the attachments, beside the details.
    const attachments = section(el, 'attachments').getBoundingClientRect();
    expect(Math.round(aside.getBoundingClientRect().left)).to.equal(Math.round(attachments.left));
    expect(aside.getBoundingClientRect().top).to.be.greaterThan(attachments.bottom - 1);
    expect(aside.getBoundingClientRect().left).to.be.greaterThan(section(el, 'details').getBoundingClientRect().right - 1);
  });

  it('gives its client by context to components the host puts inside it', async () => {
    const id = fullCustomer();
    const el = await fixture<CustomerScreen>(html`<customer-screen customer-id=${id} .client=${clientFor(mocks.tokens.admin)}>
      <customer-attachments slot="aside" customer-id=${id}></customer-attachments>
    </customer-screen>`);
    const slotted = el.querySelector('customer-attachments')!;
    expect(slotted.client).to.equal(undefined);
    await waitFor(() => slotted.shadowRoot!.querySelectorAll('[part~="attachment"]').length === 2, 'the slotted attachments to load');
    expect(slotted.api).to.equal(el.client);
  });

  it('fires discounts-open from the Discounts button, or links to discountsHref', async () => {
    const id = fullCustomer();
    const el = await mount(id);
    const events: CustomEvent<DiscountsOpenDetail>[] = [];
    el.addEventListener('discounts-open', (e) => events.push(e));
    await click($(el, '[part~="discounts-button"]')!);
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({ customerId: id });
    expect(events[0]!.composed && events[0]!.bubbles).to.equal(true);

    el.discountsHref = '/discounts?customer=' + id;
    await el.updateComplete;
    const link = $<HTMLAnchorElement>(el, '[part~="discounts-link"]')!;
    expect(link.getAttribute('href')).to.equal('/discounts?customer=' + id);
    expect(link.textContent!.trim()).to.equal('Discounts');
    expect($(el, '[part~="discounts-button"]')).to.equal(null);

    // A script URL is never a link.
    el.discountsHref = 'javascript:alert(1)';
    await el.updateComplete;
    expect($(el, '[part~="discounts-link"]')).to.equal(null);
    expect($(el, '[part~="discounts-button"]')).not.to.equal(null);
  });

  it("lets the children's events bubble out of the screen, composed", async () => {
    const id = await newCustomer();
    const el = await mount(id);
    const seen: Event[] = [];
    el.addEventListener('attachment-upload', (e) => seen.push(e));
    const attachments = sectionHost(el, 'attachments')!;
    chooseFiles(attachments, [new File(['hello'], 'hello.txt', { type: 'text/plain' })]);
    await waitFor(() => seen.length === 1, 'attachment-upload to reach the screen');
    // The server notes the upload; the notes section shows it without a reload (shared cache).
    await waitFor(
      // Values sit in Unicode bidi isolates (U+2066–U+2069), invisible on screen.
      () =>
        deepQueryAll(sectionHost(el, 'notes')!, '[part~="note-text"]').some((n) =>
          n.textContent!.replace(/[\u2066-\u2069]/g, '').includes('Attachment added: hello.txt'),
        ),
      'the system note in the notes section',
    );
  });

  describe('layout', () => {
    it('is one column of collapsible sections in a 320px panel', async () => {
      const el = await mount(fullCustomer(), { width: '320px' });
      expect(columnCount(el)).to.equal(1);
      const lefts = SECTIONS.map((s) => Math.round(section(el, s).getBoundingClientRect().left));
      expect(new Set(lefts).size).to.equal(1);
      // Each section has a real disclosure button in its heading.
      const buttons = $$<HTMLButtonElement>(el, '[part~="disclosure"]');
      expect(buttons).to.have.length(5);
      for (const b of buttons) {
        expect(b.getAttribute('aria-expanded')).to.equal('true');
        expect(b.getBoundingClientRect().width).to.be.greaterThan(0);
        expect(root(el).getElementById(b.getAttribute('aria-controls')!)).not.to.equal(null);
      }
      const notesButton = $$<HTMLButtonElement>(el, '[part~="disclosure"]')[1]!;
      expect(notesButton.textContent!.trim()).to.equal('Notes');
      const body = root(el).getElementById(notesButton.getAttribute('aria-controls')!)!;
      await click(notesButton);
      await waitFor(() => notesButton.getAttribute('aria-expanded') === 'false', 'the section to collapse');
      expect(getComputedStyle(body).display).to.equal('none');
      // By keyboard too.
      notesButton.focus();
      await press('Enter');
      await waitFor(() => notesButton.getAttribute('aria-expanded') === 'true', 'the section to expand');
      expect(getComputedStyle(body).display).not.to.equal('none');
      await press(' ');
      await waitFor(() => notesButton.getAttribute('aria-expanded') === 'false', 'the section to collapse by Space');
      await expectAxeClean(el);
    });

    it('is two columns from 48rem and three from 75rem, by its own width, with every section open', async function () {
      // The whole screen, three layouts and two axe runs over it: more than 10 s on a loaded machine.
      this.timeout(30_000);
      const el = await mount(fullCustomer(), { width: '320px' });
      const notesButton = $$<HTMLButtonElement>(el, '[part~="disclosure"]')[1]!;
      await click(notesButton);
      await waitFor(() => notesButton.getAttribute('aria-expanded') === 'false', 'the notes to collapse');

      el.style.inlineSize = '900px';
      await waitFor(() => columnCount(el) === 2, 'two columns');
      // The orders and the notes side by side at the top; the details below the orders.
      const orders2 = section(el, 'orders').getBoundingClientRect();
      const notes = section(el, 'notes').getBoundingClientRect();
      const details = section(el, 'details').getBoundingClientRect();
      expect(notes.left).to.be.greaterThan(orders2.right - 1);
      expect(Math.round(notes.top)).to.equal(Math.round(orders2.top));
      expect(Math.round(details.left)).to.equal(Math.round(orders2.left));
      expect(details.top).to.be.greaterThan(orders2.bottom - 1);
      expect(section(el, 'addresses').getBoundingClientRect().left).to.be.greaterThan(details.right - 1);
      // No disclosure buttons in a wide layout; the collapsed section shows again.
      expect($$(el, '[part~="disclosure"]').every((b) => b.getBoundingClientRect().width === 0)).to.equal(true);
      expect(getComputedStyle(root(el).getElementById('body-notes')!).display).not.to.equal('none');
      await expectAxeClean(el);

      el.style.inlineSize = '1300px';
      await waitFor(() => columnCount(el) === 3, 'three columns');
      // The order table and the details each span two columns, the notes and addresses the third.
      const orders = section(el, 'orders').getBoundingClientRect();
      const wideDetails = section(el, 'details').getBoundingClientRect();
      const notes3 = section(el, 'notes').getBoundingClientRect();
      const addresses = section(el, 'addresses').getBoundingClientRect();
      expect(Math.round(notes3.top)).to.equal(Math.round(orders.top));
      expect(Math.round(wideDetails.left)).to.equal(Math.round(orders.left));
      expect(Math.round(wideDetails.right)).to.equal(Math.round(orders.right));
      expect(Math.round(addresses.left)).to.equal(Math.round(notes3.left));
      expect(Math.round(addresses.top)).to.equal(Math.round(wideDetails.top));
      // Two of three columns: the notes column is about half the orders' width.
      expect(orders.width / notes3.width).to.be.within(1.8, 2.3);
      await expectAxeClean(el);
    });

    it('follows the element, not the viewport', async () => {
      const el = await mount(fullCustomer(), { width: '900px' });
      expect(columnCount(el)).to.equal(2);
      // The same viewport, a narrow element: one column.
      el.style.inlineSize = '400px';
      await waitFor(() => columnCount(el) === 1, 'one column');
    });
  });

  describe('capabilities and safety', () => {
    it('is read-only for a viewer: nothing to edit, add, upload or delete anywhere', async () => {
      const el = await mount(fullCustomer(), { client: clientFor(mocks.tokens.viewer) });
      // ("Order from stock" stays: it asks the host to start an order, which is the host's to allow.)
      const editParts = ['edit-button', 'add-button', 'add-contact-button', 'delete-button', 'dropzone', 'pin', 'remove'];
      const found = editParts.filter((part) => deepQuery(el, `[part~="${part}"]`) !== null);
      expect(found).to.deep.equal([]);
      expect(deepQueryAll(sectionHost(el, 'attachments')!, '[part~="download-button"]')).to.have.length(2);
    });

    it('passes readonly to every section, whatever the capabilities', async () => {
      const el = await mount(fullCustomer(), { readonly: true });
      for (const s of SECTIONS) expect(sectionHost(el, s)!.hasAttribute('readonly'), s).to.equal(true);
      const editParts = ['edit-button', 'add-button', 'delete-button', 'dropzone', 'order-from-stock'];
      expect(editParts.filter((part) => deepQuery(el, `[part~="${part}"]`) !== null)).to.deep.equal([]);
    });

    it('renders hostile names and file names as text', async () => {
      const id = mocks.db.fixtures.customers.hostile;
      const el = await mount(id);
      expect($(el, '[part~="name"]')!.textContent).to.equal(mocks.db.getCustomer(id)!.name);
      expect(deepQueryAll(el, 'img, script, svg:not([aria-hidden])').map((e) => e.localName)).to.deep.equal([]);
      const names = deepQueryAll(sectionHost(el, 'attachments')!, '[part~="name"]').map((n) => n.textContent);
      expect(names).to.have.members(mocks.db.attachmentsOf(id).map((a) => a.filename));
      await expectAxeClean(el);
    });

    it('shows one configuration message, not one per section, without a client', async () => {
      const el = await fixture<CustomerScreen>(html`<customer-screen customer-id="cus_1"></customer-screen>`);
      expect($$(el, '[part~="config-message"]')).to.have.length(1);
      expect($(el, '[part~="section"]')).to.equal(null);
    });

    it('says a failed load of the customer and loads again on Retry', async () => {
      mocks.scenario.failNext('customers.get', 503);
      const el = await fixture<CustomerScreen>(html`<customer-screen
        customer-id=${fullCustomer()}
        .client=${clientFor(mocks.tokens.admin, { retry: 0 })}
      ></customer-screen>`);
      const error = await waitFor(() => $(el, '[part~="header"] [part~="error"]'), 'the error in the header');
      expect(error.getAttribute('role')).to.equal('alert');
      await click($(el, '[part~="header"] [part~="retry-button"]')!);
      await waitFor(() => $(el, '[part~="name"]'), 'the name after Retry');
    });
  });
});

// ------------------------------------------------------------------------------------------------

let made = 0;
async function newCustomer(): Promise<string> {
  const client = clientFor(mocks.tokens.admin);
  const reference = await client.reference.get();
  const customer = await client.customers.create({
    name: `Screen Test ${++made}`,
    type: 'public',
    salesChannelId: reference.salesChannels[0]!.id,
  });
  return customer.id;
}

function chooseFiles(attachments: Element, files: File[]): void {
  const input = attachments.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
