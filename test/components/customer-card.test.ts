import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import type { Client } from '../../src/sdk/index.js';
import type { Customer, CustomerFieldGroup, Note } from '../../src/sdk/schemas.js';
import { formatMoney } from '../../src/components/shared/format.js';
import type {
  CustomerCard,
  CustomerCardChangeDetail,
  CustomerCardViewAccountsDetail,
} from '../../src/components/customer-card/customer-card.js';
import { CustomerCard as RegisteredCard } from '../../src/components/customer-card/define.js';
import { WatchListBadge } from '../../src/components/watch-list-badge/define.js';
import { click, clientFor, expectAxeClean, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  // Starting the mock API (worker, data set) takes seconds on a busy machine: more than a test's 10 s.
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(() => {
  mocks.scenario.reset();
  mocks.worker.resetHandlers();
});

// ------------------------------------------------------------------------------------------------
// Driving the card as a user does
// ------------------------------------------------------------------------------------------------

const LOCALE = 'en-GB';
const root = (el: CustomerCard) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CustomerCard | Element, selector: string) =>
  ('shadowRoot' in el && el.shadowRoot ? el.shadowRoot : el).querySelector<T>(selector as string) as T | null;
const $$ = <T extends Element = HTMLElement>(el: CustomerCard | Element, selector: string) => [
  ...('shadowRoot' in el && el.shadowRoot ? el.shadowRoot : el).querySelectorAll<T>(selector),
];
const section = (el: CustomerCard, name: string) => $(el, `[part~="section-${name}"]`);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const editButton = (el: CustomerCard, name: string) => $<HTMLButtonElement>(section(el, name)!, ':scope > [part~="section-header"] [part~="edit-button"]');
const form = (el: CustomerCard, name: string) => $<HTMLFormElement>(section(el, name)!, '[part~="form"]');
const field = (scope: Element, name: string) => $<HTMLInputElement & HTMLSelectElement>(scope, `[name="${name}"]`)!;
const focused = (el: CustomerCard) => root(el).activeElement as HTMLElement | null;
/** The value shown beside a label in a read-only list. */
const shown = (scope: Element, label: string) => {
  const row = $$(scope, '[part~="field"]').find((r) => text($(r, 'dt')) === label);
  return row ? text($(row, 'dd')) : undefined;
};
/** Every part of the card has loaded (or failed) and nothing is in flight. */
const idle = (el: CustomerCard) => $(el, '[part~="card"]')?.getAttribute('aria-busy') === 'false';

/**
 * Loaded, and the layout has stopped moving (the watch-list badge loads on its own and may
 * change the header's height): a click aimed at a button must land on it.
 */
const box = (n: Element | null) => (n ? `${Math.round(n.getBoundingClientRect().top)}:${Math.round(n.getBoundingClientRect().height)}` : '-');

async function settled(el: CustomerCard) {
  let last = '';
  await waitFor(() => {
    const now = `${box(el)}|${box($(el, '[part~="sections"]'))}`;
    const still = now === last;
    last = now;
    const badge = $(el, '[part~="watch-list-badge"]');
    const badgeLoaded = !badge || badge.shadowRoot?.querySelector('[role="status"], [part~="error"]');
    return idle(el) && badgeLoaded && still;
  }, 'the card has loaded and its layout is still');
}

async function mount(customerId: string, options: { client?: Client; readonly?: boolean; token?: string } = {}) {
  // A fresh client per test: a fresh cache, so each test reads what the mock server holds now.
  const client = options.client ?? clientFor(options.token ?? mocks.tokens.admin);
  const el = await fixture<CustomerCard>(html`<customer-card
    .client=${client}
    customer-id=${customerId}
    locale=${LOCALE}
    ?readonly=${options.readonly ?? false}
  ></customer-card>`);
  await settled(el);
  return el;
}

/** Clicks into a text field, selects what is there and types over it. */
async function typeInto(input: HTMLInputElement, value: string) {
  await click(input);
  await sendKeys({ press: 'Control+a' });
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
  expect(input.value).to.equal(value);
}

/** Chooses an option the way a keyboard user does: focus the select, arrow to the option. */
async function choose(select: HTMLSelectElement, value: string) {
  select.focus();
  const target = [...select.options].findIndex((o) => o.value === value);
  expect(target, `option ${value}`).to.be.greaterThan(-1);
  for (let step = 0; step < 20 && select.selectedIndex !== target; step++) {
    await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
  }
  expect(select.value).to.equal(value);
}

async function openEditor(el: CustomerCard, name: string) {
  const button = editButton(el, name);
  expect(button, `an Edit button for ${name}`).not.to.equal(null);
  await click(button!);
  await waitFor(() => form(el, name) !== null, `the ${name} form`);
  return form(el, name)!;
}

async function save(el: CustomerCard, name: string) {
  await click($(form(el, name)!, '[part~="save-button"]')!);
}

async function saved(el: CustomerCard, name: string) {
  await waitFor(() => form(el, name) === null && idle(el), `the ${name} form closed after saving`);
}

/** What the server holds now, read past every cache. */
async function fresh(customerId: string): Promise<Customer> {
  return clientFor(mocks.tokens.admin).customers.get(customerId, { cache: 'reload' });
}

async function systemNotes(customerId: string): Promise<Note[]> {
  const page = await clientFor(mocks.tokens.admin).notes.list(customerId, { source: 'system', limit: 50 }, { cache: 'reload' });
  return page.items;
}

function changeEvents(el: CustomerCard) {
  const events: CustomerCardChangeDetail[] = [];
  el.addEventListener('customer-change', (e) => events.push(e.detail));
  return events;
}

const fixtures = () => mocks.db.fixtures.customers;
const ref = () => mocks.db.reference;

// ------------------------------------------------------------------------------------------------

describe('customer-card', () => {
  it('registers <customer-card> from define.js', () => {
    expect(customElements.get('customer-card')).to.equal(RegisteredCard);
  });

  describe('shows every group', () => {
    it('for a trade customer on credit terms: money formatted, the dispatch rule in words', async () => {
      const id = fixtures().creditTrade;
      const customer = mocks.db.getCustomer(id)!;
      const account = mocks.db.account(id);
      const el = await mount(id);

      expect(text($(el, '[part~="name"]'))).to.equal(customer.name);
      if (customer.tradingName) expect(text($(el, '[part~="trading-name"]'))).to.equal(customer.tradingName);
      expect($$(el, '[part~="section-title"]').map(text)).to.deep.equal([
        'Name', 'Sales channel', 'Company', 'Payment terms', 'Financial standing', 'Loyalty points', 'Personal details', 'Contacts',
      ]);

      const channel = ref().salesChannels.find((c) => c.id === customer.salesChannelId)!;
      expect(shown(section(el, 'channel')!, 'Sales channel')).to.equal(channel.name);
      expect(shown(section(el, 'channel')!, 'Price list')).to.equal(channel.priceList);
      expect(text(section(el, 'channel'))).to.contain('decides which price list');

      const company = section(el, 'company')!;
      expect(shown(company, 'Customer type')).to.equal(ref().customerTypes.find((t) => t.id === customer.type)!.name);
      expect(shown(company, 'Credit limit')).to.equal(formatMoney(customer.creditLimit, LOCALE));
      expect(shown(company, 'EU VAT exempt')).to.equal(customer.vatExempt ? 'Yes' : 'No');

      const terms = ref().paymentTerms.find((t) => t.id === customer.paymentTermsId)!;
      expect(terms.kind, 'the fixture is on credit terms').to.equal('credit');
      expect(shown(section(el, 'terms')!, 'Payment terms')).to.equal(terms.name);
      expect(text($(section(el, 'terms')!, '[part~="dispatch-rule"]'))).to.equal('Credit terms: orders go to the dispatch queue at once.');
      expect($(section(el, 'terms')!, '[part~="origin-note"]')).to.equal(null);

      const finances = section(el, 'finances')!;
      expect(shown(finances, 'Outstanding balance')).to.equal(formatMoney(account.balance, LOCALE));
      expect(shown(finances, 'Credit limit')).to.equal(formatMoney(account.creditLimit, LOCALE));
      expect(shown(finances, 'Available credit')).to.equal(formatMoney(account.availableCredit, LOCALE));
      expect(shown(finances, 'Overdue')).to.equal(formatMoney(account.overdue, LOCALE));
      expect(account.overdue.amountMinor, 'the fixture has an overdue amount').to.be.greaterThan(0);
      expect(shown(finances, 'Overdue')).to.match(/^£[\d,]+\.\d\d$/);
      expect(shown(finances, 'Dispatch')).to.contain('Not blocked');
      for (const money of $$(finances, '[part~="money"]')) expect(text(money)).not.to.match(/NaN|undefined/);

      expect(shown(section(el, 'loyalty')!, 'Points balance')).to.equal(
        new Intl.NumberFormat(LOCALE).format(mocks.db.loyaltyOf(id).points),
      );

      const personal = section(el, 'personal')!;
      expect(shown(personal, 'Password')).to.equal(customer.hasPassword ? 'Password set' : 'No password');
      expect(shown(personal, 'Email')).to.equal(customer.email ?? '—');

      const contacts = mocks.db.contactsOf(id);
      expect($$(el, '[part~="contact"]').map((c) => text($(c, '[part~="contact-name"]')))).to.deep.equal(contacts.map((c) => c.name));
    });

    it('for an Amazon customer: full payment before despatch, dispatch blocked, created by Amazon', async () => {
      const id = fixtures().amazon;
      const el = await mount(id);
      const terms = section(el, 'terms')!;
      expect(shown(terms, 'Payment terms')).to.equal('Full payment before despatch');
      expect(text($(terms, '[part~="dispatch-rule"]'))).to.equal(
        'Full payment before despatch: orders wait for payment or a credit before they can be dispatched.',
      );
      expect(text($(terms, '[part~="origin-note"]'))).to.contain('Created by Amazon');
      expect(shown(section(el, 'finances')!, 'Dispatch')).to.equal('Blocked until paid or credited');
    });

    it('says who an agent acts for and whose sub-customer a customer is', async () => {
      const agent = mocks.db.getCustomer(fixtures().agent)!;
      const el = await mount(agent.id);
      expect(shown(section(el, 'company')!, 'Sub-customers')).to.equal(`Acts for ${agent.subCustomerCount} sub-customers`);

      const sub = await mount(fixtures().subCustomer);
      await waitFor(() => shown(section(sub, 'company')!, 'Agent') === `Sub-customer of ${agent.name}`, 'the agent by name');
    });

    it('flags an account on hold with words, not colour alone', async () => {
      const el = await mount(fixtures().onHold);
      const flag = $(el, '[part~="header"] [part~="on-hold"]')!;
      expect(text(flag)).to.contain('Account on hold');
      expect($(flag, '[aria-hidden="true"]'), 'a symbol beside the words').not.to.equal(null);
      expect(shown(section(el, 'company')!, 'Account on hold')).to.match(/Yes$/);
    });

    it('shows the watch-list badge beside the name', async () => {
      const id = fixtures().watchListed;
      const el = await mount(id);
      const badge = $<WatchListBadge>(el, '[part~="header"] [part~="watch-list-badge"]')!;
      expect(badge).to.be.instanceOf(WatchListBadge);
      expect(badge.customerId).to.equal(id);
      await waitFor(() => badge.shadowRoot?.querySelector('[part~="trigger"]'), 'the badge shows the flag');
    });

    it('fires view-accounts with the customer id', async () => {
      const id = fixtures().creditTrade;
      const el = await mount(id);
      const seen: CustomerCardViewAccountsDetail[] = [];
      el.addEventListener('view-accounts', (e) => seen.push(e.detail));
      await click($(el, '[part~="view-accounts-button"]')!);
      expect(seen).to.deep.equal([{ customerId: id }]);
    });

    it('is axe-clean in view', async () => {
      await expectAxeClean(await mount(fixtures().creditTrade));
    });
  });

  describe('edits and saves each group', () => {
    it('identity: name and trading name', async () => {
      const id = fixtures().ebay;
      // The db hands out its live records: copy what the test compares with later.
      const before = structuredClone(mocks.db.getCustomer(id)!);
      const el = await mount(id);
      const events = changeEvents(el);
      const f = await openEditor(el, 'identity');
      expect(focused(el), 'focus moves into the form').to.equal(field(f, 'name'));
      await typeInto(field(f, 'name'), 'Harbour Lights Ltd');
      await typeInto(field(f, 'tradingName'), 'Harbour Lights');
      await save(el, 'identity');
      await saved(el, 'identity');

      expect(text($(el, '[part~="name"]'))).to.equal('Harbour Lights Ltd');
      expect(text($(el, '[part~="trading-name"]'))).to.equal('Harbour Lights');
      expect(focused(el), 'focus returns to Edit').to.equal(editButton(el, 'identity'));
      const server = await fresh(id);
      expect(server.name).to.equal('Harbour Lights Ltd');
      expect(server.tradingName).to.equal('Harbour Lights');
      expect(events.map((e) => [e.customerId, e.group, e.customer.name])).to.deep.equal([[id, 'identity', 'Harbour Lights Ltd']]);
      const notes = (await systemNotes(id)).map((n) => n.text);
      expect(notes).to.include(`Name changed from ${before.name} to Harbour Lights Ltd`);
    });

    it('channel: exactly one, from the list', async () => {
      const id = fixtures().creditTrade;
      const el = await mount(id);
      const current = mocks.db.getCustomer(id)!.salesChannelId;
      const target = ref().salesChannels.find((c) => c.id !== current)!;
      const f = await openEditor(el, 'channel');
      expect($$(f, 'select[name="salesChannelId"] option').map((o) => (o as HTMLOptionElement).value)).to.deep.equal(
        ref().salesChannels.map((c) => c.id),
      );
      await choose(field(f, 'salesChannelId'), target.id);
      await save(el, 'channel');
      await saved(el, 'channel');
      expect(shown(section(el, 'channel')!, 'Sales channel')).to.equal(target.name);
      expect(shown(section(el, 'channel')!, 'Price list')).to.equal(target.priceList);
      expect((await fresh(id)).salesChannelId).to.equal(target.id);
      expect((await systemNotes(id)).flatMap((n) => n.changes.map((c) => c.field))).to.include('salesChannelId');
    });

    it('company: type, bank account, reference, VAT exempt, on hold, EORI (checked as typed) and credit limit', async () => {
      const id = fixtures().vatExempt;
      const before = structuredClone(mocks.db.getCustomer(id)!);
      const el = await mount(id);
      const events = changeEvents(el);
      const f = await openEditor(el, 'company');
      const bank = ref().bankAccounts.find((b) => b.id !== before.bankAccountId)!;
      await choose(field(f, 'bankAccountId'), bank.id);
      await typeInto(field(f, 'accountsReference'), 'ACC-7781');

      await click(field(f, 'vatExempt'));
      expect(field(f, 'vatExempt').checked).to.equal(!before.vatExempt);
      field(f, 'onHold').focus();
      await sendKeys({ press: 'Space' });
      expect(field(f, 'onHold').checked).to.equal(!before.onHold);

      // EORI: a wrong one is refused where it is typed, with the message tied to the input.
      await typeInto(field(f, 'eori'), 'gb12');
      await typeInto(field(f, 'eori'), 'G1');
      await sendKeys({ press: 'Tab' });
      await waitFor(() => field(f, 'eori').getAttribute('aria-invalid') === 'true', 'the EORI marked invalid');
      const error = $(f, `#${field(f, 'eori').getAttribute('aria-describedby')!.split(' ').at(-1)}`)!;
      expect(error.getAttribute('part')).to.contain('field-error');
      expect(text(error)).to.equal('Enter an EORI such as GB123456789000.');
      await typeInto(field(f, 'eori'), 'GB123456789000');
      await waitFor(() => field(f, 'eori').getAttribute('aria-invalid') === 'false', 'the EORI accepted as typed');

      await typeInto(field(f, 'creditLimit'), '7500.50');
      await save(el, 'company');
      await saved(el, 'company');

      const server = await fresh(id);
      expect(server.bankAccountId).to.equal(bank.id);
      expect(server.accountsReference).to.equal('ACC-7781');
      expect(server.vatExempt).to.equal(!before.vatExempt);
      expect(server.onHold).to.equal(!before.onHold);
      expect(server.eori).to.equal('GB123456789000');
      expect(server.creditLimit).to.deep.equal({ amountMinor: 750050, currency: before.creditLimit.currency });
      const company = section(el, 'company')!;
      expect(shown(company, 'Credit limit')).to.equal(formatMoney(server.creditLimit, LOCALE));
      expect(shown(company, 'EORI number')).to.equal('GB123456789000');
      // The financial standing follows the new credit limit.
      await waitFor(() => shown(section(el, 'finances')!, 'Credit limit') === formatMoney(server.creditLimit, LOCALE), 'finances refreshed');
      expect(events.map((e) => e.group)).to.deep.equal(['company']);
      const changed = (await systemNotes(id)).flatMap((n) => n.changes.map((c) => c.field));
      for (const name of ['bankAccountId', 'accountsReference', 'vatExempt', 'onHold', 'eori', 'creditLimit']) expect(changed).to.include(name);
    });

    it('terms: the dispatch rule follows the choice, and dispatch becomes blocked', async () => {
      const id = fixtures().creditTrade;
      const previous = ref().paymentTerms.find((t) => t.id === mocks.db.getCustomer(id)!.paymentTermsId)!;
      expect(previous.kind).to.equal('credit');
      const el = await mount(id);
      const f = await openEditor(el, 'terms');
      await choose(field(f, 'paymentTermsId'), 'pt_full_payment');
      expect(text($(f, '[part~="dispatch-rule"]'))).to.contain('Full payment before despatch: orders wait');
      expect(field(f, 'paymentTermsId').getAttribute('aria-describedby')).to.contain($(f, '[part~="dispatch-rule"]')!.id);
      await save(el, 'terms');
      await saved(el, 'terms');
      expect(shown(section(el, 'terms')!, 'Payment terms')).to.equal('Full payment before despatch');
      expect(text($(section(el, 'terms')!, '[part~="dispatch-rule"]'))).to.contain('orders wait for payment or a credit');
      await waitFor(() => shown(section(el, 'finances')!, 'Dispatch') === 'Blocked until paid or credited', 'dispatch blocked');
      expect((await fresh(id)).paymentTermsId).to.equal('pt_full_payment');
      expect((await systemNotes(id)).map((n) => n.text)).to.include(`Payment terms changed from ${previous.name} to Full payment before despatch`);
    });

    it('personal: username, a write-only password, email and phones', async () => {
      const id = fixtures().amazon;
      const el = await mount(id);
      const f = await openEditor(el, 'personal');
      const password = field(f, 'password');
      expect(password.type).to.equal('password');
      expect(password.value, 'the password is never shown').to.equal('');
      expect(text($(f, `label[for="${password.id}"]`))).to.equal('Set password');
      await typeInto(field(f, 'username'), 'harbour.buyer');
      await typeInto(password, 'correct horse battery');
      await typeInto(field(f, 'email'), 'buyer@harbour.example');
      await typeInto(field(f, 'telephone'), '0161 496 0000');
      await typeInto(field(f, 'mobile'), '07700 900123');
      await typeInto(field(f, 'fax'), '0161 496 0001');
      await save(el, 'personal');
      await saved(el, 'personal');

      const personal = section(el, 'personal')!;
      expect(shown(personal, 'Password')).to.equal('Password set');
      expect(shown(personal, 'Username')).to.equal('harbour.buyer');
      expect(root(el).innerHTML).not.to.contain('correct horse battery');
      const server = await fresh(id);
      expect(server).to.include({
        username: 'harbour.buyer', hasPassword: true, email: 'buyer@harbour.example',
        telephone: '0161 496 0000', mobile: '07700 900123', fax: '0161 496 0001',
      });
      expect(JSON.stringify(server)).not.to.contain('correct horse battery');
      const notes = await systemNotes(id);
      expect(notes.map((n) => n.text)).to.include('Password changed');
      expect(JSON.stringify(notes)).not.to.contain('correct horse battery');

      // The form opens empty again: the password is never read back.
      const again = await openEditor(el, 'personal');
      expect(field(again, 'password').value).to.equal('');
    });

    it('contacts: add, edit and remove', async () => {
      const id = fixtures().creditTrade;
      const el = await mount(id);
      const count = mocks.db.contactsOf(id).length;

      await click($(el, '[part~="add-contact-button"]')!);
      await waitFor(() => form(el, 'contacts') !== null, 'the new-contact form');
      let f = form(el, 'contacts')!;
      expect(focused(el)).to.equal(field(f, 'name'));
      await typeInto(field(f, 'name'), 'Priya Natarajan');
      await typeInto(field(f, 'role'), 'Buyer');
      await typeInto(field(f, 'email'), 'priya@example.com');
      await typeInto(field(f, 'phone'), '0161 496 0999');
      await save(el, 'contacts');
      await waitFor(() => form(el, 'contacts') === null && $$(el, '[part~="contact"]').length === count + 1, 'the contact added');
      const added = mocks.db.contactsOf(id).find((c) => c.name === 'Priya Natarajan')!;
      expect(added).to.include({ role: 'Buyer', email: 'priya@example.com', phone: '0161 496 0999' });
      expect((await systemNotes(id)).map((n) => n.text)).to.include('Contact added: Priya Natarajan (Buyer)');

      // While its form is open the row has no name line: `row()` is undefined and `waitFor` waits.
      const row = () => $$(el, '[part~="contact"]').find((c) => text($(c, '[part~="contact-name"]')) === 'Priya Natarajan')!;
      await click($(row(), '[part~="edit-button"]')!);
      await waitFor(() => form(el, 'contacts') !== null, 'the contact form');
      f = form(el, 'contacts')!;
      expect(field(f, 'name').value).to.equal('Priya Natarajan');
      await typeInto(field(f, 'role'), 'Head buyer');
      await save(el, 'contacts');
      await waitFor(() => form(el, 'contacts') === null && shown(row(), 'Role') === 'Head buyer', 'the contact changed');
      expect(mocks.db.getContact(added.id)!.role).to.equal('Head buyer');
      expect((await systemNotes(id)).map((n) => n.text)).to.include('Contact changed: Priya Natarajan (Buyer) → Priya Natarajan (Head buyer)');

      await click($(row(), '[part~="remove-button"]')!);
      const confirm = $(row(), '[data-confirm-remove]')!;
      expect(focused(el)).to.equal(confirm);
      expect(text(row())).to.contain('Remove Priya Natarajan from the contacts?');
      await click(confirm);
      await waitFor(() => $$(el, '[part~="contact"]').length === count, 'the contact removed');
      expect(mocks.db.getContact(added.id)).to.equal(undefined);
      expect((await systemNotes(id)).map((n) => n.text)).to.include('Contact removed: Priya Natarajan (Head buyer)');
    });
  });

  describe('editing several sections', () => {
    it('Cancel restores what the server holds and sends nothing', async () => {
      const id = fixtures().agent;
      const before = structuredClone(mocks.db.getCustomer(id)!);
      const el = await mount(id);
      const f = await openEditor(el, 'personal');
      await typeInto(field(f, 'email'), 'discarded@example.com');
      await click($(f, '[part~="cancel-button"]')!);
      await waitFor(() => form(el, 'personal') === null, 'the form closed');
      expect(focused(el), 'focus back on Edit').to.equal(editButton(el, 'personal'));
      expect(shown(section(el, 'personal')!, 'Email')).to.equal(before.email ?? '—');
      const again = await openEditor(el, 'personal');
      expect(field(again, 'email').value).to.equal(before.email ?? '');
      expect((await fresh(id)).version).to.equal(before.version);
    });

    it('two sections open at once both save: the second rests on the first one’s version', async () => {
      const id = fixtures().agent;
      const el = await mount(id);
      const identity = await openEditor(el, 'identity');
      const personal = await openEditor(el, 'personal');
      await typeInto(field(identity, 'tradingName'), 'Agents United');
      await typeInto(field(personal, 'telephone'), '0161 496 0444');
      await save(el, 'identity');
      await saved(el, 'identity');
      await save(el, 'personal');
      await saved(el, 'personal');
      const server = await fresh(id);
      expect(server.tradingName).to.equal('Agents United');
      expect(server.telephone).to.equal('0161 496 0444');
    });

    it('a watch-list change made on this page is not someone else’s change', async () => {
      const id = fixtures().agent;
      const client = clientFor(mocks.tokens.admin);
      const el = await mount(id, { client });
      const f = await openEditor(el, 'identity');
      await typeInto(field(f, 'tradingName'), 'Watched Agents');
      await client.watchList.set(id, 'Check every order by phone.', { version: mocks.db.watchListOf(id).version });
      // The card re-reads the customer (the server bumped its version); join that read.
      await client.customers.get(id);
      await el.updateComplete;
      await settled(el);
      await save(el, 'identity');
      await saved(el, 'identity');
      expect((await fresh(id)).tradingName).to.equal('Watched Agents');
    });
  });

  describe('states', () => {
    it('says how to configure it when it has no client', async () => {
      const el = await fixture<CustomerCard>(html`<customer-card customer-id=${fixtures().agent}></customer-card>`);
      await waitFor(() => $(el, '[part~="config-message"]'), 'the configuration message');
      expect(text($(el, '[part~="config-message"]'))).to.contain('customer-elements-provider');
    });

    it('says when the customer cannot be found, with Retry', async () => {
      const el = await fixture<CustomerCard>(html`<customer-card .client=${clientFor(mocks.tokens.admin)} customer-id="cus_missing" locale=${LOCALE}></customer-card>`);
      await waitFor(() => $(el, '[part~="error"]'), 'the error');
      expect(text($(el, '[part~="error"]'))).to.contain('This record no longer exists');
      expect($(el, '[part~="retry-button"]')).not.to.equal(null);
      await expectAxeClean(el);
    });
  });

  describe('when saving goes wrong', () => {
    it('a stale save shows the conflict, keeps the typed text; Reload shows what changed, then Save succeeds', async () => {
      const id = fixtures().watchListed;
      const el = await mount(id);
      const f = await openEditor(el, 'identity');
      await typeInto(field(f, 'name'), 'Typed By Me Ltd');

      // Someone else changes the customer meanwhile, through another client.
      const other = clientFor(mocks.tokens.admin);
      const theirs = await other.customers.get(id, { cache: 'reload' });
      await other.customers.update(id, { tradingName: 'Changed Elsewhere' }, { version: theirs.version });

      await save(el, 'identity');
      await waitFor(() => $(f, '[part~="conflict"]') !== null, 'the conflict message');
      const conflict = $(f, '[part~="conflict"]')!;
      expect(text(conflict)).to.contain('This customer was changed by someone else since you opened it');
      expect(conflict.getAttribute('role')).to.equal('alert');
      expect(field(f, 'name').value, 'the typed text is kept').to.equal('Typed By Me Ltd');
      expect((await fresh(id)).name, 'nothing was overwritten').to.equal(theirs.name);
      // What changed shows with the conflict, before Reload.
      await waitFor(() => $(f, '[part~="conflict-changes"]'), 'what changed, in the conflict');
      expect(text($(f, '[part~="conflict-changes"]'))).to.contain(`Trading name: ${theirs.tradingName ?? '—'} → Changed Elsewhere`);
      await expectAxeClean(el);

      await click($(conflict, '[part~="reload-button"]')!);
      await waitFor(() => $(f, '[part~="changes"]') !== null, 'what changed');
      expect(text($(f, '[part~="changes"]'))).to.contain(`Trading name: ${theirs.tradingName ?? '—'} → Changed Elsewhere`);
      expect(field(f, 'name').value, 'the typed text survives Reload').to.equal('Typed By Me Ltd');
      expect(field(f, 'tradingName').value, 'untouched fields show the new value').to.equal('Changed Elsewhere');
      expect($(f, '[part~="conflict"]')).to.equal(null);

      await save(el, 'identity');
      await saved(el, 'identity');
      const server = await fresh(id);
      expect(server.name).to.equal('Typed By Me Ltd');
      expect(server.tradingName).to.equal('Changed Elsewhere');
      const renames = (await systemNotes(id)).filter((n) => n.text.startsWith('Name changed') && n.text.endsWith('to Typed By Me Ltd'));
      expect(renames, 'the user’s value was written once').to.have.length(1);
    });

    it('when the latest version cannot be read, the conflict says so and Reload reads it again', async () => {
      const id = fixtures().onHold;
      const el = await mount(id, { client: clientFor(mocks.tokens.admin, { retry: 0 }) });
      const f = await openEditor(el, 'identity');
      await typeInto(field(f, 'tradingName'), 'Mine Trading');
      mocks.db.updateCustomer(id, { name: 'Renamed Elsewhere Ltd' });
      mocks.scenario.failNext('customers.get', 500, 1);
      await save(el, 'identity');
      await waitFor(() => text($(f, '[part~="conflict"]')).includes('The latest version could not be loaded'), 'the failed re-read');
      expect(field(f, 'tradingName').value).to.equal('Mine Trading');
      await click($(f, '[part~="reload-button"]')!);
      await waitFor(() => $(f, '[part~="changes"]'), 'the form on the latest version');
      expect(text($(f, '[part~="changes"]'))).to.contain('Renamed Elsewhere Ltd');
      expect(field(f, 'name').value, 'an untouched field takes the latest value').to.equal('Renamed Elsewhere Ltd');
      await save(el, 'identity');
      await saved(el, 'identity');
      expect(await fresh(id)).to.include({ name: 'Renamed Elsewhere Ltd', tradingName: 'Mine Trading' });
    });

    it('a conflict made in the data itself is caught too', async () => {
      const id = fixtures().vatExempt;
      const el = await mount(id);
      const f = await openEditor(el, 'personal');
      await typeInto(field(f, 'telephone'), '0161 496 0123');
      mocks.db.updateCustomer(id, { mobile: '07700 900999' });
      await save(el, 'personal');
      await waitFor(() => $(f, '[part~="conflict"]') !== null, 'the conflict message');
      expect(field(f, 'telephone').value).to.equal('0161 496 0123');
    });

    it('a contact changed by someone else: the conflict, Reload, then Save', async () => {
      const id = fixtures().sixAddresses;
      const other = clientFor(mocks.tokens.admin);
      const contact = await other.contacts.create(id, { name: 'Morwenna Tregarthen', role: 'Accounts' });
      const el = await mount(id);
      const row = $$(el, '[part~="contact"]').find((c) => text($(c, '[part~="contact-name"]')) === contact.name)!;
      await click($(row, '[part~="edit-button"]')!);
      await waitFor(() => form(el, 'contacts') !== null, 'the contact form');
      const f = form(el, 'contacts')!;
      await typeInto(field(f, 'phone'), '01872 555 010');
      await other.contacts.update(id, contact.id, { role: 'Finance director' }, { version: contact.version });

      await save(el, 'contacts');
      await waitFor(() => $(f, '[part~="conflict"]') !== null, 'the conflict message');
      expect(text($(f, '[part~="conflict"]'))).to.contain('This contact was changed by someone else since you opened it');
      await waitFor(() => $(f, '[part~="conflict-changes"]'), 'what changed, in the conflict');
      expect(text($(f, '[part~="conflict-changes"]'))).to.contain('Role: Accounts → Finance director');
      expect(field(f, 'phone').value, 'the typed text is kept').to.equal('01872 555 010');
      await click($(f, '[part~="reload-button"]')!);
      await waitFor(() => $(f, '[part~="changes"]') !== null, 'what changed');
      expect(text($(f, '[part~="changes"]'))).to.contain('Role: Accounts → Finance director');
      expect(field(f, 'phone').value).to.equal('01872 555 010');
      expect(field(f, 'role').value).to.equal('Finance director');
      await save(el, 'contacts');
      await waitFor(() => form(el, 'contacts') === null, 'the form closed');
      expect(mocks.db.getContact(contact.id)).to.include({ role: 'Finance director', phone: '01872 555 010' });
      expect(mocks.db.contactsOf(id).filter((c) => c.name === contact.name), 'one contact, not a second').to.have.length(1);
    });

    it('a 422 shows the server message beside the field and focuses it', async () => {
      const id = fixtures().onHold;
      const el = await mount(id);
      const f = await openEditor(el, 'personal');
      await typeInto(field(f, 'username'), 'taken.name');
      mocks.scenario.failNext('customers.update', 422, 1);
      // failNext answers a bare 422; the mock's own validation gives field errors (see below).
      await save(el, 'personal');
      await waitFor(() => $(f, '[part~="form-error"]') !== null, 'a message');
      expect(field(f, 'username').value).to.equal('taken.name');

      // A field error from the server (a value the card's own check cannot know is wrong).
      mocks.worker.use(
        http.patch(`${mocks.baseUrl}/customers/${id}`, () =>
          Response.json(
            {
              title: 'Some fields are not valid', status: 422, detail: 'Correct the fields listed in errors.',
              errors: [{ field: 'username', message: 'This username is already taken.', code: 'taken' }],
            },
            { status: 422, headers: { 'content-type': 'application/problem+json' } },
          ), { once: true }),
      );
      await typeInto(field(f, 'email'), 'someone@example.com');
      await save(el, 'personal');
      const input = field(f, 'username');
      await waitFor(() => input.getAttribute('aria-invalid') === 'true', 'the username marked invalid');
      const describedBy = input.getAttribute('aria-describedby')!.split(' ');
      const message = describedBy.map((i) => root(el).getElementById(i)).find((n) => n?.getAttribute('part')?.includes('field-error'))!;
      expect(text(message)).to.equal('This username is already taken.');
      expect(focused(el), 'focus on the first invalid field').to.equal(input);
      await expectAxeClean(el);

      // Typing clears the server's message; the next Save goes through.
      await typeInto(input, 'free.name');
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      await save(el, 'personal');
      await saved(el, 'personal');
      expect((await fresh(id)).username).to.equal('free.name');
    });

    it('a 500 keeps the form and the text, says what happened, and Save again works', async () => {
      const id = fixtures().creditTrade;
      const el = await mount(id);
      const f = await openEditor(el, 'identity');
      await typeInto(field(f, 'tradingName'), 'Second Attempt Trading');
      // Every try fails (the SDK retries a write twice, with one Idempotency-Key).
      mocks.scenario.failNext('customers.update', 500, 3);
      await save(el, 'identity');
      await waitFor(() => $(f, '[part~="form-error"]') !== null, 'the error message');
      expect(text($(f, '[part~="form-error"]'))).to.equal('Not saved. The server could not complete the request (error 500). Try again.');
      expect(field(f, 'tradingName').value).to.equal('Second Attempt Trading');
      await expectAxeClean(el);
      await save(el, 'identity');
      await saved(el, 'identity');
      expect((await fresh(id)).tradingName).to.equal('Second Attempt Trading');
    });

    it('a network failure does the same', async () => {
      const id = fixtures().ebay;
      const el = await mount(id);
      const f = await openEditor(el, 'personal');
      await typeInto(field(f, 'fax'), '0161 496 0777');
      mocks.scenario.failNext('customers.update', 'network', 3);
      await save(el, 'personal');
      await waitFor(() => $(f, '[part~="form-error"]') !== null, 'the error message');
      expect(text($(f, '[part~="form-error"]'))).to.contain('could not be reached');
      await save(el, 'personal');
      await saved(el, 'personal');
      expect((await fresh(id)).fax).to.equal('0161 496 0777');
    });

    it('checks fields where they are typed and refuses to send what the server would refuse', async () => {
      const id = fixtures().creditTrade;
      const el = await mount(id);
      const f = await openEditor(el, 'personal');
      const email = field(f, 'email');
      await typeInto(email, 'not-an-email');
      await sendKeys({ press: 'Tab' });
      await waitFor(() => email.getAttribute('aria-invalid') === 'true', 'email marked invalid');
      expect(text($(f, '[part~="field-error"]'))).to.equal('Enter an email address such as name@example.com.');
      await typeInto(field(f, 'password'), 'short');
      await save(el, 'personal');
      await waitFor(() => field(f, 'password').getAttribute('aria-invalid') === 'true', 'password marked invalid');
      expect(focused(el), 'focus on the first invalid field, in form order').to.equal(field(f, 'password'));
      expect(email.getAttribute('aria-invalid')).to.equal('true');
      expect(form(el, 'personal')).not.to.equal(null);
      await expectAxeClean(el);
      await typeInto(email, 'fixed@example.com');
      expect(email.getAttribute('aria-invalid')).to.equal('false');

      const identity = await openEditor(el, 'identity');
      await typeInto(field(identity, 'name'), '');
      await save(el, 'identity');
      await waitFor(() => field(identity, 'name').getAttribute('aria-invalid') === 'true', 'name required');
      expect(text($(identity, '[part~="field-error"]'))).to.equal('Enter a name.');
    });
  });

  describe('capabilities', () => {
    it('viewer: everything read-only, no Edit buttons', async () => {
      const el = await mount(fixtures().creditTrade, { token: mocks.tokens.viewer });
      expect(text($(el, '[part~="name"]'))).not.to.equal('');
      expect($$(el, '[part~="edit-button"]')).to.have.length(0);
      expect($(el, '[part~="add-contact-button"]')).to.equal(null);
      expect($$(el, '[part~="remove-button"]')).to.have.length(0);
    });

    it('clerk: only what the server grants is editable; company, terms and finances read-only', async () => {
      const caps: readonly string[] = mocks.db.fixtures.users.clerk.capabilities;
      const el = await mount(fixtures().creditTrade, { token: mocks.tokens.clerk });
      expect(editButton(el, 'company')).to.equal(null);
      expect(editButton(el, 'terms')).to.equal(null);
      expect($(section(el, 'finances')!, '[part~="edit-button"]')).to.equal(null);
      for (const group of ['identity', 'channel', 'company', 'terms', 'personal'] as CustomerFieldGroup[]) {
        expect(editButton(el, group) !== null, group).to.equal(caps.includes(`customers.${group}.edit`));
      }
      // The clerk of the mock data may edit contacts (and not personal details).
      expect(caps).to.include('contacts.edit');
      expect($(el, '[part~="add-contact-button"]')).not.to.equal(null);
      expect($$(section(el, 'contacts')!, '[part~="edit-button"]').length).to.equal(mocks.db.contactsOf(fixtures().creditTrade).length);
    });

    it('readonly: no Edit buttons even for someone who may edit', async () => {
      const el = await mount(fixtures().creditTrade, { readonly: true });
      expect($$(el, '[part~="edit-button"]')).to.have.length(0);
      expect($(el, '[part~="add-contact-button"]')).to.equal(null);
    });
  });

  it('renders hostile text as text: no injected elements, no overflow', async () => {
    const id = fixtures().hostile;
    const customer = mocks.db.getCustomer(id)!;
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.style.inlineSize = '640px';
    const el = document.createElement('customer-card');
    el.client = clientFor(mocks.tokens.admin);
    el.customerId = id;
    el.locale = LOCALE;
    wrapper.append(el);
    await settled(el);

    expect(text($(el, '[part~="name"]'))).to.equal(customer.name.replace(/\s+/g, ' ').trim());
    const allowed = new Set([
      'article', 'header', 'div', 'h2', 'h3', 'p', 'span', 'slot', 'section', 'dl', 'dt', 'dd', 'button', 'ul', 'li', 'strong',
    ]);
    const tags = new Set($$(el, '*').map((n) => n.localName));
    for (const tag of tags) expect(allowed.has(tag) || tag.includes('-'), `<${tag}> in the card`).to.equal(true);
    expect(el.children).to.have.length(0);
    expect($$(el, 'script, img, iframe, a, style, svg, [onerror], [onclick], [onload]')).to.have.length(0);
    expect(el.scrollWidth, 'the card stays in its box').to.be.at.most(el.clientWidth);
    for (const s of $$(el, '[part~="section"]')) expect(s.scrollWidth, text($(s, 'h3'))).to.be.at.most(s.clientWidth + 1);

    // The edit form holds hostile text as values, still inert.
    const f = await openEditor(el, 'identity');
    expect(field(f, 'name').value).to.equal(customer.name);
    expect($$(el, 'script, img, iframe')).to.have.length(0);
  });

  it('works from the keyboard alone: Tab to Edit, Enter, type, Enter saves, Escape cancels', async () => {
    const id = fixtures().ebay;
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>Before</button></div>`);
    const el = document.createElement('customer-card');
    el.client = clientFor(mocks.tokens.admin);
    el.customerId = id;
    el.locale = LOCALE;
    wrapper.append(el);
    await settled(el);
    wrapper.querySelector('button')!.focus();

    const target = () => editButton(el, 'identity');
    for (let i = 0; i < 10 && focused(el) !== target(); i++) await sendKeys({ press: 'Tab' });
    expect(focused(el), 'Tab reaches the first Edit button').to.equal(target());
    await sendKeys({ press: 'Enter' });
    await waitFor(() => form(el, 'identity') !== null, 'the form opened');
    const name = field(form(el, 'identity')!, 'name');
    expect(focused(el)).to.equal(name);
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: 'Keyboard Only Ltd' });
    await sendKeys({ press: 'Enter' });
    await saved(el, 'identity');
    expect(text($(el, '[part~="name"]'))).to.equal('Keyboard Only Ltd');
    expect(focused(el), 'focus back on Edit after saving').to.equal(target());

    await sendKeys({ press: 'Enter' });
    await waitFor(() => form(el, 'identity') !== null, 'the form opened again');
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: 'Never Saved' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => form(el, 'identity') === null, 'Escape closed the form');
    expect(focused(el), 'focus back on Edit after Escape').to.equal(target());
    expect(text($(el, '[part~="name"]'))).to.equal('Keyboard Only Ltd');
    expect((await fresh(id)).name).to.equal('Keyboard Only Ltd');

    // Cancel restores what the server holds.
    await sendKeys({ press: 'Enter' });
    await waitFor(() => form(el, 'identity') !== null, 'the form opened a third time');
    expect(field(form(el, 'identity')!, 'name').value).to.equal('Keyboard Only Ltd');
  });

  it('is axe-clean with every form open', async () => {
    const el = await mount(fixtures().creditTrade);
    for (const group of ['identity', 'channel', 'company', 'terms', 'personal']) await openEditor(el, group);
    await click($(el, '[part~="add-contact-button"]')!);
    await waitFor(() => form(el, 'contacts') !== null, 'the contact form');
    await expectAxeClean(el);
  });

  it('shows German texts for a German locale', async () => {
    const el = await mount(fixtures().amazon);
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(text($(section(el, 'terms')!, '[part~="dispatch-rule"]'))).to.contain('Vollständige Zahlung vor Versand');
    expect(text(editButton(el, 'identity'))).to.contain('Bearbeiten');
  });
});
