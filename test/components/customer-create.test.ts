/**
 * Adding a customer, driven as a clerk would: with the mouse and with the keyboard alone, a
 * duplicate warning, errors at their fields with a summary above them, a lost answer that still
 * makes exactly one customer, no permission, the search's "Add customer", and axe in every state.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import type { Client, Customer } from '../../src/sdk/index.js';
import type { CustomerCreateDetail, CustomerCreateForm } from '../../src/components/customer-create/customer-create.js';
import type { CustomerCreateRequestDetail, CustomerSearch, CustomerSelectDetail } from '../../src/components/customer-search/customer-search.js';
// Registers the tags, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/customer-create/define.js';
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/customer-search/define.js';
import { click, clientFor, deepActiveElement, expectAxeClean, press, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;
/** An existing customer the new one may be mistaken for. */
let acme: Customer;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
  acme = await mocks.client.customers.create({
    name: 'Acme Widgets Ltd', type: 'retailer', salesChannelId: 'sc_trade', email: 'orders@acme-widgets.example',
    address: { line1: '2 Canal Street', city: 'Leeds', postcode: 'LS2 7EH', country: 'GB' },
  });
});

afterEach(() => {
  mocks.scenario.reset();
  mocks.worker.resetHandlers();
  fixtureCleanup();
});

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const control = <T extends HTMLElement = HTMLInputElement>(el: CustomerCreateForm, key: string) => {
  const found = $<T>(el, `#f-${key.replace(/\./g, '-')}`);
  if (!found) throw new Error(`no control for ${key}`);
  return found;
};
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const summary = (el: CustomerCreateForm) => $(el, '[part~="error-summary"]');
const duplicates = (el: CustomerCreateForm) => text($(el, '.duplicates-text'));
const named = (name: string) => mocks.db.searchCustomers({ q: name }).filter((c) => c.name === name);

/** The message at a field, found the way assistive technology finds it. */
function errorAt(el: CustomerCreateForm, key: string): string | null {
  const input = control(el, key);
  const ids = input.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  const error = ids.map((id) => root(el).getElementById(id)).find((n) => n?.matches('[part~="field-error"]'));
  return error ? text(error) : null;
}

async function mount(options: { client?: Client; prefill?: { name?: string } } = {}): Promise<CustomerCreateForm> {
  const client = options.client ?? clientFor(mocks.tokens.admin);
  const el = await fixture<CustomerCreateForm>(html`<customer-create .client=${client} .prefill=${options.prefill ?? {}}></customer-create>`);
  await waitFor(() => $(el, '[part~="form"]') || $(el, '[part~="forbidden"]'), 'the form or the refusal');
  return el;
}

/** Types into a field as a user does: click it, select what is there, type over it. */
async function typeInto(el: CustomerCreateForm, key: string, value: string) {
  await click(control(el, key));
  await sendKeys({ press: 'ControlOrMeta+a' });
  if (value === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: value });
}

/** Chooses an option of a select with the keyboard (a native select's list is not in the page for a mouse). */
async function choose(select: HTMLSelectElement, value: string) {
  select.focus();
  const target = [...select.options].findIndex((o) => o.value === value);
  expect(target, `option ${value}`).to.be.greaterThan(-1);
  for (let step = 0; step < 40 && select.selectedIndex !== target; step++) {
    await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
  }
  expect(select.value).to.equal(value);
}

/** Presses Tab until the control has the focus (it must be reachable by Tab alone). */
async function tabTo(el: CustomerCreateForm, key: string, limit = 80) {
  const target = control(el, key);
  for (let i = 0; i < limit && deepActiveElement() !== target; i++) await press('Tab');
  expect(deepActiveElement(), `Tab reaches ${key}`).to.equal(target);
}

async function tabToPart(el: CustomerCreateForm, part: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (deepActiveElement()?.matches(`[part~="${part}"]`)) return deepActiveElement() as HTMLElement;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${part}`);
}

function listen<T>(el: Element, type: string): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

describe('customer-create', () => {
  it('a new customer: the search offers Add customer, a duplicate warning while typing, then created and found by search (mouse)', async function () {
    this.timeout(60_000);
    const client = clientFor(mocks.tokens.admin);
    const page = await fixture<HTMLDivElement>(html`<div>
      <customer-search .client=${client} offer-create debounce="0"></customer-search>
      <div id="host"></div>
    </div>`);
    const search = page.querySelector<CustomerSearch>('customer-search')!;
    const requests = listen<CustomerCreateRequestDetail>(search, 'customer-create-request');
    // The host answers the request by opening the form with what was typed.
    let el: CustomerCreateForm | undefined;
    search.addEventListener('customer-create-request', (e) => {
      el = document.createElement('customer-create');
      el.client = client;
      el.prefill = e.detail.prefill;
      page.querySelector('#host')!.append(el);
    });
    const input = $<HTMLInputElement>(search, '[part~="input"]')!;
    await click(input);
    await sendKeys({ type: 'Acme Widgts' });
    const add = await waitFor(() => $<HTMLButtonElement>(search, '[part~="create-button"]'), 'Add customer in the empty state');
    expect(text($(search, '[part~="empty"]'))).to.contain('Acme Widgts');
    await expectAxeClean(search);
    await click(add);
    expect(requests).to.deep.equal([{ query: 'Acme Widgts', criterion: 'name', prefill: { name: 'Acme Widgts' } }]);
    await waitFor(() => el && $(el, '[part~="form"]'), 'the form');
    const form = el!;
    expect(control(form, 'name').value, 'the name comes from the search').to.equal('Acme Widgts');
    expect(text($(search, '[part~="empty"]')), 'the list closed').to.equal('');

    // Same postcode and a similar name: the warning names the customer and offers to open it.
    await typeInto(form, 'address.postcode', 'ls2 7eh');
    await waitFor(() => duplicates(form).includes('Acme Widgets Ltd'), 'the duplicate warning');
    expect(duplicates(form)).to.equal('This may be Acme Widgets Ltd, who is already a customer (same postcode, similar name). Open it instead?');
    const open = $<HTMLButtonElement>(form, '[part~="duplicate-open-button"]')!;
    expect(text(open)).to.equal('Open Acme Widgets Ltd');
    await expectAxeClean(form);
    const selected = listen<CustomerSelectDetail>(form, 'customer-select');
    await click(open);
    expect(selected.map((s) => s.customerId)).to.deep.equal([acme.id]);

    // It is another firm after all: say so, and add it.
    await click($(form, '[part~="duplicate-dismiss-button"]')!);
    await waitFor(() => duplicates(form) === '', 'the warning gone');
    const name = 'Acme Widgets (Bradford) Ltd';
    await typeInto(form, 'name', name);
    await choose(control<HTMLSelectElement>(form, 'salesChannelId'), 'sc_trade');
    await waitFor(() => control<HTMLSelectElement>(form, 'paymentTermsId').value === 'pt_7_days', 'the trade terms');
    expect(text($(form, '[part~="terms-hint"]'))).to.contain('The usual terms for Trade portal.');
    await typeInto(form, 'email', 'buying@acme-bradford.example');
    await typeInto(form, 'address.line1', '9 Tyrrel Street');
    await typeInto(form, 'address.city', 'Bradford');
    await typeInto(form, 'address.postcode', 'bd1 1rb');
    await click($(form, '[part~="add-contact-button"]')!);
    await waitFor(() => deepActiveElement() === control(form, 'contacts.1.name'), 'the new contact focused');
    await sendKeys({ type: 'Priya Shah' });
    await typeInto(form, 'contacts.1.role', 'Buyer');
    const created = listen<CustomerCreateDetail>(form, 'customer-create');
    await click($(form, '[part~="create-button"]')!);
    const success = await waitFor(() => $(form, '[part~="success"]'), 'the success message');
    expect(text(success)).to.contain(`${name} was added.`);
    expect(deepActiveElement()).to.equal(success);
    expect(created).to.have.length(1);
    expect(created[0]!.customer).to.include({ name, paymentTermsId: 'pt_7_days', email: 'buying@acme-bradford.example' });
    await expectAxeClean(form);

    // Found by search at once.
    await click(input);
    await sendKeys({ press: 'ControlOrMeta+a' });
    await sendKeys({ type: 'Bradford' });
    await waitFor(() => [...root(search).querySelectorAll('[part~="option"]')].some((o) => text(o).includes(name)), 'the new customer in the results');
    const stored = named(name);
    expect(stored).to.have.length(1);
    expect(mocks.db.addressesOf(stored[0]!.id).map((a) => a.postcode)).to.deep.equal(['BD1 1RB']);
    expect(mocks.db.contactsOf(stored[0]!.id).map((c) => [c.name, c.role])).to.deep.equal([['Priya Shah', 'Buyer']]);
  });

  it('keyboard only: every field, a contact added and removed, created, then opened', async function () {
    this.timeout(60_000);
    const el = await mount();
    const name = 'Keyboard Kitchens';
    await tabTo(el, 'name');
    await sendKeys({ type: name });
    await tabTo(el, 'type');
    await sendKeys({ press: 'ArrowDown' });
    expect(control<HTMLSelectElement>(el, 'type').value).to.equal('retailer');
    await tabTo(el, 'salesChannelId');
    for (let i = 0; i < 10 && control<HTMLSelectElement>(el, 'salesChannelId').value !== 'sc_amazon'; i++) await sendKeys({ press: 'ArrowDown' });
    expect(control<HTMLSelectElement>(el, 'paymentTermsId').value, 'a marketplace customer starts on full payment').to.equal('pt_full_payment');
    await tabTo(el, 'vatExempt');
    await press('Space');
    expect(control(el, 'vatExempt').checked).to.equal(true);
    await tabTo(el, 'email');
    await sendKeys({ type: 'hello@keyboard-kitchens.example' });
    await tabTo(el, 'address.line1');
    await sendKeys({ type: '1 Key Street' });
    await tabTo(el, 'address.city');
    await sendKeys({ type: 'York' });
    await tabTo(el, 'address.postcode');
    await sendKeys({ type: 'YO1 7HH' });
    // Two contacts; the first is removed again.
    const addContact = await tabToPart(el, 'add-contact-button');
    await press('Enter');
    expect(deepActiveElement()).to.equal(control(el, 'contacts.1.name'));
    await sendKeys({ type: 'Ann Other' });
    await tabToPart(el, 'add-contact-button');
    await press('Enter');
    expect(deepActiveElement()).to.equal(control(el, 'contacts.2.name'));
    await sendKeys({ type: 'Bea Keys' });
    await tab(el, 'Shift+Tab', 'contacts.1.name');
    const remove = await tabToPart(el, 'remove-contact-button');
    expect(text(remove)).to.equal('Remove contact 1');
    await press('Enter');
    expect(deepActiveElement()?.getAttribute('data-remove'), 'focus on the next row').to.equal('2');
    expect(root(el).querySelectorAll('[part~="contact"]')).to.have.length(1);
    expect(addContact.isConnected).to.equal(true);
    await tabToPart(el, 'create-button');
    await press('Enter');
    const success = await waitFor(() => $(el, '[part~="success"]'), 'the success message');
    expect(deepActiveElement()).to.equal(success);
    const selected = listen<CustomerSelectDetail>(el, 'customer-select');
    await tabToPart(el, 'open-created-button');
    await press('Enter');
    const stored = named(name);
    expect(stored).to.have.length(1);
    expect(selected.map((s) => s.customerId)).to.deep.equal([stored[0]!.id]);
    expect(stored[0]).to.include({ type: 'retailer', salesChannelId: 'sc_amazon', paymentTermsId: 'pt_full_payment', vatExempt: true });
    expect(mocks.db.contactsOf(stored[0]!.id).map((c) => c.name)).to.deep.equal(['Bea Keys']);
    // Add another: an empty form, the focus in its first field.
    await tabToPart(el, 'add-another-button');
    await press('Enter');
    await waitFor(() => deepActiveElement() === control(el, 'name'), 'the name field focused');
    expect(control(el, 'name').value).to.equal('');
  });

  it('errors: the summary above the fields takes the focus and links to them; the server’s errors land at their fields', async function () {
    this.timeout(60_000);
    const el = await mount();
    await click($(el, '[part~="create-button"]')!);
    const box = await waitFor(() => summary(el), 'the error summary');
    expect(deepActiveElement(), 'the summary has the focus').to.equal(box);
    expect(box.getBoundingClientRect().bottom, 'the summary stands above the fields').to.be.at.most(control(el, 'name').getBoundingClientRect().top);
    expect(text(box)).to.contain('There are problems with 5 fields');
    expect(text(box)).to.contain('Customer or company name: Enter the customer’s or company’s name.');
    expect(text(box)).to.contain('Address, Postcode: Enter a postcode, like SW1A 1AA.');
    expect(errorAt(el, 'name')).to.equal('Enter the customer’s or company’s name.');
    expect(errorAt(el, 'address.city')).to.equal('Enter a town or city.');
    await expectAxeClean(el);
    // A link moves the focus to its field.
    const link = [...box.querySelectorAll<HTMLAnchorElement>('[part~="error-summary-link"]')].find((a) => text(a).startsWith('Sales channel'))!;
    await click(link);
    expect(deepActiveElement()).to.equal(control(el, 'salesChannelId'));

    // Country-aware: a German postcode by Germany's rules, fixed as it is typed.
    await typeInto(el, 'name', 'Rule Checkers GmbH');
    await choose(control<HTMLSelectElement>(el, 'salesChannelId'), 'sc_website');
    await typeInto(el, 'address.line1', 'Hauptstraße 1');
    await typeInto(el, 'address.city', 'Berlin');
    await choose(control<HTMLSelectElement>(el, 'address.country'), 'DE');
    await typeInto(el, 'address.postcode', '1011');
    await click($(el, '[part~="create-button"]')!);
    await waitFor(() => errorAt(el, 'address.postcode') === 'Enter a real postcode, like 10115.', 'the German rule');
    await typeInto(el, 'address.postcode', '10115');
    expect(errorAt(el, 'address.postcode'), 'the error goes as the field is corrected').to.equal(null);

    // The server's own field errors (what the form cannot know): at their fields, contacts by row.
    await click($(el, '[part~="add-contact-button"]')!);
    await sendKeys({ type: 'Klaus Tester' });
    await typeInto(el, 'contacts.1.email', 'klaus@example.de');
    mocks.worker.use(
      http.post(`${mocks.baseUrl}/customers`, () =>
        Response.json(
          {
            title: 'Some fields are not valid', status: 422, detail: 'Correct the fields listed in errors.',
            errors: [
              { field: 'contacts.0.email', message: 'This address bounces.', code: 'undeliverable' },
              { field: 'address.postcode', message: 'This postcode does not exist.', code: 'unknown' },
            ],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ), { once: true }),
    );
    await click($(el, '[part~="create-button"]')!);
    await waitFor(() => errorAt(el, 'contacts.1.email') === 'This address bounces.', 'the contact error at its field');
    expect(errorAt(el, 'address.postcode')).to.equal('This postcode does not exist.');
    expect(text(summary(el))).to.contain('Contact 1, Email: This address bounces.');
    expect(deepActiveElement()).to.equal(summary(el));
    await expectAxeClean(el);
    expect(named('Rule Checkers GmbH')).to.have.length(0);
    // Nothing lost: the next try goes through.
    await click($(el, '[part~="create-button"]')!);
    await waitFor(() => $(el, '[part~="success"]'), 'created');
    expect(named('Rule Checkers GmbH')).to.have.length(1);
  });

  it('a lost answer makes exactly one customer; a create that cannot be confirmed is safe to repeat, also after an edit', async function () {
    this.timeout(60_000);
    const client = clientFor(mocks.tokens.admin, { retry: 0 });
    const fill = async (el: CustomerCreateForm, name: string) => {
      await typeInto(el, 'name', name);
      await choose(control<HTMLSelectElement>(el, 'salesChannelId'), 'sc_direct');
      await typeInto(el, 'address.line1', '3 Lost Lane');
      await typeInto(el, 'address.city', 'Hull');
      await typeInto(el, 'address.postcode', 'HU1 1AA');
    };
    // The answer is lost once: the form repeats the same create under the same key and says "added".
    let el = await mount({ client });
    await fill(el, 'Lost Answer Traders');
    mocks.scenario.failNext('customers.create', 'lost', 1);
    const created = listen<CustomerCreateDetail>(el, 'customer-create');
    await click($(el, '[part~="create-button"]')!);
    await waitFor(() => $(el, '[part~="success"]'), 'added');
    expect(named('Lost Answer Traders')).to.have.length(1);
    expect(created.map((c) => c.customerId)).to.deep.equal([named('Lost Answer Traders')[0]!.id]);

    // Lost twice: it cannot confirm, says so, keeps the draft. The user edits a field and presses
    // Add again: still one customer, the one first sent, and the form says so.
    fixtureCleanup();
    el = await mount({ client });
    await fill(el, 'Unconfirmed Traders');
    mocks.scenario.failNext('customers.create', 'lost', 2);
    await click($(el, '[part~="create-button"]')!);
    await waitFor(() => text(summary(el)).includes('could not confirm'), 'the could-not-confirm message');
    expect(text(summary(el))).to.contain('Save again will not save it twice');
    expect(control(el, 'name').value).to.equal('Unconfirmed Traders');
    expect(named('Unconfirmed Traders')).to.have.length(1);
    await expectAxeClean(el);
    await typeInto(el, 'telephone', '01482 000000');
    await click($(el, '[part~="create-button"]')!);
    const success = await waitFor(() => $(el, '[part~="success"]'), 'added');
    expect(text(success)).to.contain('Unconfirmed Traders was added with the details you sent first.');
    expect(named('Unconfirmed Traders')).to.have.length(1);
  });

  it('the search offers Add customer only when the host asks for it; a host that cancels the request keeps the list open', async () => {
    const client = clientFor(mocks.tokens.admin);
    const plain = await fixture<CustomerSearch>(html`<customer-search .client=${client} debounce="0" criterion="email"></customer-search>`);
    await click($(plain, '[part~="input"]')!);
    await sendKeys({ type: 'nobody@nowhere.example' });
    await waitFor(() => text($(plain, '[part~="empty"]')).includes('nobody@nowhere.example'), 'no results');
    expect($(plain, '[part~="create-button"]'), 'no button unless offered').to.equal(null);
    plain.offerCreate = true;
    const add = await waitFor(() => $<HTMLButtonElement>(plain, '[part~="create-button"]'), 'the button once offered');
    const requests: CustomerCreateRequestDetail[] = [];
    plain.addEventListener('customer-create-request', (e) => {
      requests.push(e.detail);
      e.preventDefault();
    });
    await click(add);
    expect(requests).to.deep.equal([{ query: 'nobody@nowhere.example', criterion: 'email', prefill: { email: 'nobody@nowhere.example' } }]);
    expect($(plain, '[part~="create-button"]'), 'cancelled: the list stays').to.not.equal(null);
  });

  it('a user who may not add customers is told so, with no form', async () => {
    const el = await mount({ client: clientFor(mocks.tokens.clerk) });
    const refusal = $(el, '[part~="forbidden"]')!;
    expect(text(refusal)).to.contain('You cannot add customers');
    expect($(el, '[part~="form"]')).to.equal(null);
    await expectAxeClean(el);
  });

  it('the duplicate check asks once per pause, drops stale questions, and finds a shared email', async () => {
    const seen: string[] = [];
    const el = await mount();
    const onRequest = ({ request }: { request: Request }) => {
      if (request.url.includes('/customers/duplicates')) seen.push(new URL(request.url).search);
    };
    mocks.worker.events.on('request:start', onRequest);
    try {
      await click(control(el, 'email'));
      await sendKeys({ type: 'ORDERS@acme-widgets.example' });
      await waitFor(() => duplicates(el).includes('Acme Widgets Ltd'), 'the warning');
      expect(duplicates(el)).to.contain('(same email)');
      expect(seen, 'one question for the whole address typed').to.have.length(1);
    } finally {
      mocks.worker.events.removeListener('request:start', onRequest);
    }
  });
});

/** Presses a chord until the control has the focus. */
async function tab(el: CustomerCreateForm, chord: string, key: string) {
  const target = control(el, key);
  for (let i = 0; i < 20 && deepActiveElement() !== target; i++) await press(chord);
  expect(deepActiveElement()).to.equal(target);
}
