import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Client } from '../../src/sdk/index.js';
import type { AddressInput } from '../../src/sdk/schemas.js';
import type { AddressBook, AddressChangeDetail } from '../../src/components/address-book/address-book.js';
// Registers the tag, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/address-book/define.js';
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
});

// ------------------------------------------------------------------------------------------------
// Driving the element as a user does
// ------------------------------------------------------------------------------------------------

const root = (el: AddressBook) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: AddressBook, selector: string) => root(el).querySelector<T>(selector);
const cards = (el: AddressBook) => [...root(el).querySelectorAll<HTMLElement>('[part~="address"]')];
const cardText = (card: Element) => card.textContent!.replace(/\s+/g, ' ').trim();
const cardFor = (el: AddressBook, text: string) => cards(el).find((c) => cardText(c).includes(text));
const pager = (el: AddressBook) => $(el, '[part~="pager"]');
const pageStatus = (el: AddressBook) => $(el, '[part~="page-status"]')?.textContent!.trim();
const search = (el: AddressBook) => $<HTMLInputElement>(el, '[part~="search"]');
const addButton = (el: AddressBook) => $<HTMLButtonElement>(el, '[part~="add-button"]');
const form = (el: AddressBook) => $<HTMLFormElement>(el, '[part~="form"]');
const field = (el: AddressBook, name: string) => $<HTMLInputElement>(el, `#f-${name}`)!;
const focused = (el: AddressBook) => root(el).activeElement;
const confirmDialog = (el: AddressBook) => $<HTMLDialogElement>(el, '[part~="confirm"]')!;
/** The open question before a role moves (an alertdialog, as assistive technology finds it). */
const openQuestion = (el: AddressBook) =>
  [...root(el).querySelectorAll<HTMLDialogElement>('dialog[role="alertdialog"]')].find((d) => d.open && d !== confirmDialog(el));
/** The roles a card's badges show (`part="role role-billing"` → `billing`). */
const badges = (card: Element) =>
  [...card.querySelectorAll('[part~="role"]')].map((b) => b.getAttribute('part')!.split(' ')[1]!.replace('role-', ''));
const listShown = (el: AddressBook) => !!$(el, '[part~="list"]') || !!$(el, '[part~="empty"]');

/** The message shown beside a field, found the way assistive technology finds it. */
function describedError(el: AddressBook, name: string): string | null {
  const control = field(el, name);
  const ids = control.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  const error = ids.map((id) => root(el).getElementById(id)).find((node) => node?.matches('[part~="field-error"]'));
  return error ? error.textContent!.trim() : null;
}

async function mount(customerId: string, options: { client?: Client } = {}): Promise<AddressBook> {
  const client = options.client ?? clientFor(mocks.tokens.admin);
  const el = await fixture<AddressBook>(html`<address-book customer-id=${customerId} .client=${client}></address-book>`);
  await waitFor(() => listShown(el), 'the addresses to load');
  return el;
}

/** Types into a field as a user does: click it, select what is there, type over it. */
async function typeInto(el: AddressBook, name: string, text: string) {
  await click(field(el, name));
  await sendKeys({ press: 'ControlOrMeta+a' });
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
}

async function chooseWithKeyboard(select: HTMLSelectElement, value: string) {
  select.focus();
  const target = [...select.options].findIndex((o) => o.value === value);
  expect(target, `option ${value}`).to.be.greaterThan(-1);
  for (let step = 0; step < 40 && select.selectedIndex !== target; step++) {
    await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
  }
  expect(select.value).to.equal(value);
}

let customerCount = 0;
/** A new customer with `n` addresses, made through the SDK (as another user of the API would). */
async function customerWith(n: number): Promise<{ id: string; client: Client }> {
  const client = clientFor(mocks.tokens.admin);
  const reference = await client.reference.get();
  const customer = await client.customers.create({
    name: `Address Test ${++customerCount}`,
    type: 'public',
    salesChannelId: reference.salesChannels[0]!.id,
  });
  for (let i = 1; i <= n; i++) {
    const input: AddressInput = { line1: `${i} Test Street`, city: `Testington ${i}`, postcode: 'SW1A 1AA', country: 'GB' };
    if (i === 1) input.roles = ['admin', 'billing', 'delivery'];
    await client.addresses.create(customer.id, input);
  }
  return { id: customer.id, client };
}

// ------------------------------------------------------------------------------------------------

describe('address-book', () => {
  describe('listing', () => {
    it('pages six addresses in fives with a pager and a search box', async () => {
      const id = mocks.db.fixtures.customers.sixAddresses;
      const el = await mount(id);
      expect(cards(el)).to.have.length(5);
      expect(pager(el)).to.not.equal(null);
      expect(pageStatus(el)).to.equal('Page 1 of 2');
      expect(search(el)).to.not.equal(null);
      expect($(el, '[part~="previous"]')!.getAttribute('aria-disabled')).to.equal('true');
      await expectAxeClean(el);
      await click($(el, '[part~="next"]')!);
      await waitFor(() => pageStatus(el) === 'Page 2 of 2' && cards(el).length === 1, 'page 2 with one address');
      expect($(el, '[part~="next"]')!.getAttribute('aria-disabled')).to.equal('true');
      // The focus stayed on the pager.
      expect(focused(el)).to.equal($(el, '[part~="next"]'));
      await click($(el, '[part~="previous"]')!);
      await waitFor(() => pageStatus(el) === 'Page 1 of 2' && cards(el).length === 5, 'back on page 1');
    });

    it('pages forty addresses as "Page 1 of 8"', async () => {
      const el = await mount(mocks.db.fixtures.customers.fortyAddresses);
      expect(pageStatus(el)).to.equal('Page 1 of 8');
      expect(cards(el)).to.have.length(5);
    });

    it('shows one address with its role badges and no pager or search box', async () => {
      const el = await mount(mocks.db.fixtures.customers.oneAddress);
      expect(cards(el)).to.have.length(1);
      expect(pager(el)).to.equal(null);
      expect(search(el)).to.equal(null);
      const text = cardText(cards(el)[0]!);
      expect(text).to.contain('Admin: receives copies of everything');
      expect(text).to.contain('Billing: receives invoices');
      expect(text).to.contain('Delivery: receives deliveries');
    });

    it('shows an empty state', async () => {
      const el = await mount(mocks.db.fixtures.customers.noAddresses);
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No addresses yet.');
      expect(pager(el)).to.equal(null);
      await expectAxeClean(el);
    });

    it('searches on the server and pages the matches', async () => {
      const id = mocks.db.fixtures.customers.sixAddresses;
      const el = await mount(id);
      const target = mocks.db.addressesOf(id)[5]!;
      const needle = target.city.toLowerCase();
      const expected = mocks.db.addressesOf(id).filter((a) =>
        [a.label, a.recipient, a.line1, a.line2, a.city, a.region, a.postcode, a.country].some((s) => s?.toLowerCase().includes(needle)),
      );
      await click(search(el)!);
      await sendKeys({ type: target.city });
      await waitFor(() => cards(el).length === Math.min(5, expected.length) && !!cardFor(el, target.line1), 'the matching addresses');
      expect(search(el), 'the search box stays while searching').to.not.equal(null);
      await sendKeys({ press: 'ControlOrMeta+a' });
      await sendKeys({ type: 'no such address anywhere' });
      await waitFor(() => $(el, '[part~="empty"]')?.textContent!.includes('No addresses match'), 'no matches');
      await sendKeys({ press: 'ControlOrMeta+a' });
      await sendKeys({ press: 'Backspace' });
      await waitFor(() => pageStatus(el) === 'Page 1 of 2' && cards(el).length === 5, 'all addresses again');
    });

    it('renders hostile text as text', async () => {
      const el = await mount(mocks.db.fixtures.customers.hostile);
      expect(cards(el).length).to.be.greaterThan(0);
      expect(root(el).querySelector('script, img, iframe, svg, a[href]')).to.equal(null);
      expect(cards(el).some((c) => c.textContent!.includes('<'))).to.equal(true);
      await expectAxeClean(el);
    });
  });

  describe('failing to load', () => {
    it('says why with a Retry that works, axe clean', async () => {
      mocks.scenario.failNext('addresses.list', 503, 1);
      const el = await fixture<AddressBook>(html`<address-book
        customer-id=${mocks.db.fixtures.customers.oneAddress}
        .client=${clientFor(mocks.tokens.admin, { retry: 0 })}
      ></address-book>`);
      const error = await waitFor(() => $(el, '[part~="error"]'), 'the load error');
      expect(error.getAttribute('role')).to.equal('alert');
      await expectAxeClean(el);
      await click($(el, '[part~="retry-button"]')!);
      await waitFor(() => cards(el).length === 1, 'the address after Retry');
      expect($(el, '[part~="error"]')).to.equal(null);
    });
  });

  describe('adding', () => {
    it('a sixth address to a five-address customer brings pages and search', async () => {
      const { id } = await customerWith(5);
      const el = await mount(id);
      expect(cards(el)).to.have.length(5);
      expect(pager(el)).to.equal(null);
      expect(search(el)).to.equal(null);
      const events: CustomEvent<AddressChangeDetail>[] = [];
      el.addEventListener('address-change', (e) => events.push(e));

      await click(addButton(el)!);
      await waitFor(() => form(el) && focused(el) === field(el, 'label'), 'the form, focused');
      await expectAxeClean(el);
      await typeInto(el, 'line1', '6 Sixth Avenue');
      await typeInto(el, 'city', 'Sixton');
      await typeInto(el, 'postcode', 'sw1a 2aa');
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => !form(el), 'the form to close');
      await waitFor(() => pageStatus(el) === 'Page 1 of 2' && !!search(el), 'pages and search');
      expect(events).to.have.length(1);
      expect(events[0]!.detail.action).to.equal('create');
      expect(events[0]!.detail.customerId).to.equal(id);
      expect(events[0]!.detail.address!.postcode).to.equal('SW1A 2AA');
      expect(mocks.db.addressesOf(id)).to.have.length(6);
    });

    it('says beside the postcode, as the user types and leaves it, that a UK postcode is not real', async () => {
      const { id } = await customerWith(0);
      const el = await mount(id);
      await click(addButton(el)!);
      await waitFor(() => form(el), 'the form');
      await typeInto(el, 'line1', '1 Error Road');
      await typeInto(el, 'city', 'Faultbury');
      await typeInto(el, 'postcode', 'NOT A CODE');
      expect(describedError(el, 'postcode'), 'no error while still typing a fresh field').to.equal(null);
      await sendKeys({ press: 'Tab' });
      await waitFor(() => describedError(el, 'postcode'), 'the postcode error after leaving the field');
      expect(describedError(el, 'postcode')).to.equal('Enter a real UK postcode, like SW1A 1AA.');
      expect(field(el, 'postcode').getAttribute('aria-invalid')).to.equal('true');
      await expectAxeClean(el);
      // Fixing it clears the error as the user types.
      await typeInto(el, 'postcode', 'EC1A 1BB');
      await waitFor(() => describedError(el, 'postcode') === null, 'the error to go as a real postcode is typed');
      expect(field(el, 'postcode').getAttribute('aria-invalid')).to.equal('false');
      // Saving with a required field empty puts the focus on it, with the reason beside it.
      await typeInto(el, 'city', '');
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => focused(el) === field(el, 'city'), 'the focus on the first invalid field');
      expect(describedError(el, 'city')).to.equal('Enter a town or city.');
      expect(mocks.db.addressesOf(id)).to.have.length(0);
    });

    it("shows the server's field errors (422) beside the field and keeps what was typed", async () => {
      const { id } = await customerWith(0);
      const el = await mount(id);
      // The server's rules change after the page loaded them: this country now needs a postcode.
      // The form's own check still passes, so the server's 422 is what the user sees.
      const country = mocks.db.reference.countries.find((c) => c.code === 'AE')!;
      expect(country.postcodeRequired).to.equal(false);
      try {
        await click(addButton(el)!);
        await waitFor(() => form(el), 'the form');
        await typeInto(el, 'line1', 'Tower 2, Sheikh Zayed Road');
        await typeInto(el, 'city', 'Dubai');
        await chooseWithKeyboard(field(el, 'country') as unknown as HTMLSelectElement, 'AE');
        country.postcodeRequired = true;
        await click($(el, '[part~="save-button"]')!);
        await waitFor(() => describedError(el, 'postcode'), "the server's postcode error");
        expect(describedError(el, 'postcode')).to.match(/postcode/i);
        expect(field(el, 'postcode').getAttribute('aria-invalid')).to.equal('true');
        expect(focused(el)).to.equal(field(el, 'postcode'));
        expect(field(el, 'line1').value).to.equal('Tower 2, Sheikh Zayed Road');
        expect(field(el, 'city').value).to.equal('Dubai');
        const message = $(el, '[part~="form"] [part~="error"]')!;
        expect(message.getAttribute('role')).to.equal('alert');
        // It says "Check the fields marked below": it stands above the first of them.
        expect(message.textContent).to.contain('Check the fields marked below');
        expect(message.getBoundingClientRect().bottom).to.be.at.most(field(el, 'line1').getBoundingClientRect().top);
        await expectAxeClean(el);
        // The user adds the postcode and saves again.
        await sendKeys({ type: '00000' });
        await click($(el, '[part~="save-button"]')!);
        await waitFor(() => !form(el) && cards(el).length === 1, 'the address saved');
      } finally {
        country.postcodeRequired = false;
      }
    });

    it('keeps what was typed when the save fails', async () => {
      const { id } = await customerWith(0);
      const el = await mount(id);
      await click(addButton(el)!);
      await waitFor(() => form(el), 'the form');
      await typeInto(el, 'line1', '9 Retry Lane');
      await typeInto(el, 'city', 'Againton');
      await typeInto(el, 'postcode', 'SW1A 1AA');
      // Every try fails (the SDK retries a write twice, with one Idempotency-Key).
      mocks.scenario.failNext('addresses.create', 500, 3);
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => $(el, '[part~="form"] [part~="error"]'), 'the error');
      expect($(el, '[part~="form"] [part~="error"]')!.textContent).to.contain('The address was not saved');
      expect(field(el, 'line1').value).to.equal('9 Retry Lane');
      expect(field(el, 'city').value).to.equal('Againton');
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => !form(el) && cards(el).length === 1, 'saved on retry');
    });
  });

  describe('editing', () => {
    it('saves an edit that persists after a re-read', async () => {
      const { id } = await customerWith(1);
      const el = await mount(id);
      const events: CustomEvent<AddressChangeDetail>[] = [];
      el.addEventListener('address-change', (e) => events.push(e));
      await click($(el, '[part~="edit-button"]')!);
      await waitFor(() => form(el), 'the edit form');
      expect(field(el, 'line1').value).to.equal('1 Test Street');
      await typeInto(el, 'line1', '100 Edited Street');
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => !form(el) && !!cardFor(el, '100 Edited Street'), 'the edited card');
      expect(focused(el)).to.equal($(el, '[part~="edit-button"]'));
      expect(events.map((e) => e.detail.action)).to.deep.equal(['update']);
      fixtureCleanup();
      const again = await mount(id);
      expect(cardFor(again, '100 Edited Street')).to.not.equal(undefined);
    });

    it('reports a change made by someone else since loading, and never writes over it', async () => {
      const { id, client } = await customerWith(1);
      const el = await mount(id);
      await click($(el, '[part~="edit-button"]')!);
      await waitFor(() => form(el), 'the edit form');
      // Someone else changes the address meanwhile.
      const [theirs] = (await client.addresses.list(id)).items;
      await client.addresses.update(id, theirs!.id, { line1: '1 Their Street' }, { version: theirs!.version });
      await typeInto(el, 'line1', '1 My Street');
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => $(el, '[part~="form"] [part~="conflict"]'), 'the conflict reported');
      expect($(el, '[part~="form"] [part~="conflict"]')!.textContent).to.contain('This address was changed by someone else since you opened it');
      expect(field(el, 'line1').value).to.equal('1 My Street');
      expect(mocks.db.addressesOf(id)[0]!.line1).to.equal('1 Their Street');
      await click($(el, '[part~="cancel-button"]')!);
      await waitFor(() => !form(el) && !!cardFor(el, '1 Their Street'), 'their change shown');
    });

    it('on a conflict shows what changed and keeps the draft; Reload, then Save writes the user’s value once', async () => {
      const { id, client } = await customerWith(1);
      const el = await mount(id);
      await click($(el, '[part~="edit-button"]')!);
      await waitFor(() => form(el), 'the edit form');
      await typeInto(el, 'line1', '1 My Street');
      // Someone else changes the same address meanwhile: the line the user typed over, and the town.
      const [theirs] = (await client.addresses.list(id)).items;
      await client.addresses.update(id, theirs!.id, { line1: '1 Their Street', city: 'Theirtown' }, { version: theirs!.version });

      await click($(el, '[part~="save-button"]')!);
      const conflict = await waitFor(() => $(el, '[part~="form"] [part~="conflict"]'), 'the conflict');
      expect(conflict.getAttribute('role')).to.equal('alert');
      const changes = await waitFor(() => $(el, '[part~="conflict-changes"]'), 'what changed');
      const lines = [...changes.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(lines).to.deep.equal(['Address line 1: 1 Test Street → 1 Their Street', 'Town or city: Testington 1 → Theirtown']);
      expect(field(el, 'line1').value, 'the draft is kept').to.equal('1 My Street');
      await expectAxeClean(el);

      // Save again without Reload: still refused, still nothing lost, nothing written.
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => !$<HTMLButtonElement>(el, '[part~="save-button"]')!.disabled && $(el, '[part~="conflict-changes"]'), 'the conflict again');
      expect(field(el, 'line1').value).to.equal('1 My Street');
      expect(mocks.db.addressesOf(id)[0]!.line1).to.equal('1 Their Street');

      await click($(el, '[part~="reload-button"]')!);
      const reloaded = await waitFor(() => $(el, '[part~="changes"]'), 'the form on their version');
      expect(focused(el), 'focus moves to what changed').to.equal(reloaded);
      expect($(el, '[part~="conflict"]')).to.equal(null);
      expect(field(el, 'line1').value, 'the draft survives Reload').to.equal('1 My Street');
      expect(field(el, 'city').value, 'what the user did not touch takes their value').to.equal('Theirtown');

      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => !form(el) && !!cardFor(el, '1 My Street'), 'the saved address');
      const stored = mocks.db.addressesOf(id);
      expect(stored.map((a) => [a.line1, a.city])).to.deep.equal([['1 My Street', 'Theirtown']]);
    });

    it('changes roles with checkboxes: delivery goes to a second address without taking it from the first', async () => {
      const { id } = await customerWith(2);
      const el = await mount(id);
      const second = () => cardFor(el, '2 Test Street')!;
      const first = () => cardFor(el, '1 Test Street')!;
      expect(cardText(second())).to.not.contain('Delivery');
      await click(second().querySelector('[part~="edit-button"]')!);
      await waitFor(() => form(el), 'the edit form');
      const delivery = $<HTMLInputElement>(el, '#f-role-delivery')!;
      delivery.focus();
      await sendKeys({ press: 'Space' });
      expect(delivery.checked).to.equal(true);
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => !form(el) && cardText(second()).includes('Delivery: receives deliveries'), 'delivery on the second address');
      expect(openQuestion(el)).to.equal(undefined);
      // Every card shows the roles the server holds now (the list re-reads after the change).
      await waitFor(
        () => mocks.db.addressesOf(id).every((a) => JSON.stringify(badges(cardFor(el, a.line1)!).sort()) === JSON.stringify([...a.roles].sort())),
        'the cards to show the roles the server holds',
      );
      expect(badges(first()).sort()).to.deep.equal(['admin', 'billing', 'delivery']);
      expect(badges(second())).to.deep.equal(['delivery']);
    });
  });

  describe('moving a role that one address alone holds', () => {
    const HOLDER = '1 Test Street, Testington 1, SW1A 1AA';
    const questionText = (el: AddressBook) => openQuestion(el)!.textContent!.replace(/\s+/g, ' ').trim();
    const rolesOf = (id: string) => mocks.db.addressesOf(id).map((a) => `${a.line1}: ${[...a.roles].sort().join(',')} v${a.version}`);

    /** Opens the second address's form and ticks Billing with the mouse. */
    async function tickBillingOnSecond(el: AddressBook) {
      await click(cardFor(el, '2 Test Street')!.querySelector('[part~="edit-button"]')!);
      await waitFor(() => form(el), 'the edit form');
      await click(field(el, 'role-billing'));
      expect(field(el, 'role-billing').checked).to.equal(true);
    }

    it('asks before saving, naming the address that holds the role; Move takes it from there', async () => {
      const { id } = await customerWith(2);
      const el = await mount(id);
      const events: CustomEvent<AddressChangeDetail>[] = [];
      el.addEventListener('address-change', (e) => events.push(e));
      await tickBillingOnSecond(el);
      // The form says where the role is now, before anything is asked.
      expect($(el, '[part~="role-holder"]')!.textContent).to.contain(HOLDER);
      const before = rolesOf(id);
      await click($(el, '[part~="save-button"]')!);
      const question = await waitFor(() => openQuestion(el), 'the question');
      expect(question.getAttribute('role')).to.equal('alertdialog');
      expect(questionText(el)).to.contain(`Billing is now at ${HOLDER}.`);
      expect(questionText(el)).to.contain('Move it to this address?');
      expect(focused(el)).to.equal(question.querySelector('[part~="confirm-cancel-button"]'));
      // Nothing was written while the question is open.
      expect(rolesOf(id)).to.deep.equal(before);
      await expectAxeClean(el);

      await click(question.querySelector('[part~="confirm-button"]')!);
      await waitFor(() => !form(el) && badges(cardFor(el, '2 Test Street')!).includes('billing'), 'billing on the second address');
      await waitFor(() => !badges(cardFor(el, '1 Test Street')!).includes('billing'), 'billing gone from the first address');
      expect(badges(cardFor(el, '1 Test Street')!).sort()).to.deep.equal(['admin', 'delivery']);
      expect(mocks.db.addressesOf(id).filter((a) => a.roles.includes('billing')).map((a) => a.line1)).to.deep.equal(['2 Test Street']);
      expect($(el, '[role="status"]')!.textContent).to.contain('Billing moved from 1 Test Street, Testington 1, SW1A 1AA.');
      expect(events.map((e) => e.detail.action)).to.deep.equal(['update']);
    });

    it('Cancel keeps the draft in the form and moves nothing', async () => {
      const { id } = await customerWith(2);
      const el = await mount(id);
      await tickBillingOnSecond(el);
      await typeInto(el, 'label', 'Depot');
      const before = rolesOf(id);
      await click($(el, '[part~="save-button"]')!);
      const question = await waitFor(() => openQuestion(el), 'the question');
      await click(question.querySelector('[part~="confirm-cancel-button"]')!);
      await waitFor(() => !openQuestion(el), 'the question to close');
      // The draft is as the user left it, and Save has the focus again.
      expect(form(el)).to.not.equal(null);
      expect(field(el, 'label').value).to.equal('Depot');
      expect(field(el, 'role-billing').checked).to.equal(true);
      await waitFor(() => focused(el) === $(el, '[part~="save-button"]'), 'the focus back on Save');
      expect(rolesOf(id)).to.deep.equal(before);
      expect(mocks.db.addressesOf(id)[1]!.label).to.equal(null);

      // Escape is a Cancel too; then, without Billing, it saves with no question.
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => openQuestion(el), 'the question again');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !openQuestion(el), 'Escape to close it');
      expect(rolesOf(id)).to.deep.equal(before);
      await click(field(el, 'role-billing'));
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => !form(el) && cardFor(el, 'Depot'), 'saved without billing');
      expect(badges(cardFor(el, '1 Test Street')!)).to.include('billing');
    });

    it('asks again, naming the holder the server named, when someone else moved the role meanwhile', async () => {
      const { id, client: other } = await customerWith(3);
      const el = await mount(id);
      await click(addButton(el)!);
      await waitFor(() => form(el), 'the add form');
      await typeInto(el, 'line1', '9 New Street');
      await typeInto(el, 'city', 'Leeds');
      await typeInto(el, 'postcode', 'LS1 4AP');
      await click(field(el, 'role-billing'));
      // Meanwhile another user moves billing to the second address; this page still shows it on the first.
      const [first, second] = mocks.db.addressesOf(id);
      await other.addresses.update(id, second!.id, { roles: ['billing'], moveRoles: { billing: first!.id } }, { version: second!.version });

      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => openQuestion(el) && questionText(el).includes(HOLDER), 'the question naming the first address');
      await click(openQuestion(el)!.querySelector('[part~="confirm-button"]')!);
      // The server refused to take it from the second address the user was never asked about.
      await waitFor(
        () => openQuestion(el) && questionText(el).includes('Billing is now at 2 Test Street, Testington 2, SW1A 1AA.'),
        'the question naming the holder the server named',
      );
      expect(mocks.db.addressesOf(id).filter((a) => a.roles.includes('billing')).map((a) => a.line1)).to.deep.equal(['2 Test Street']);
      // The draft is still there behind the question.
      expect(field(el, 'line1').value).to.equal('9 New Street');
      await click(openQuestion(el)!.querySelector('[part~="confirm-button"]')!);
      await waitFor(() => !form(el) && cardFor(el, '9 New Street'), 'the new address saved');
      expect(mocks.db.addressesOf(id).filter((a) => a.roles.includes('billing')).map((a) => a.line1)).to.deep.equal(['9 New Street']);
      await waitFor(() => badges(cardFor(el, '9 New Street')!).includes('billing') && !badges(cardFor(el, '2 Test Street')!).includes('billing'), 'the cards to show the move');
    });

    it('asks in German', async () => {
      const { id } = await customerWith(2);
      const el = await mount(id);
      el.locale = 'de-DE';
      await tickBillingOnSecond(el);
      await click($(el, '[part~="save-button"]')!);
      await waitFor(() => openQuestion(el), 'the question');
      expect(questionText(el)).to.contain(`„Rechnung“ liegt derzeit bei ${HOLDER}.`);
      expect(questionText(el)).to.contain('Zu dieser Adresse verschieben?');
      await click(openQuestion(el)!.querySelector('[part~="confirm-cancel-button"]')!);
      await waitFor(() => !openQuestion(el), 'the question to close');
    });
  });

  describe('deleting', () => {
    it('asks first: Cancel keeps the address, Confirm deletes it', async () => {
      const { id } = await customerWith(2);
      const el = await mount(id);
      const events: CustomEvent<AddressChangeDetail>[] = [];
      el.addEventListener('address-change', (e) => events.push(e));
      const deleteOf = (text: string) => cardFor(el, text)!.querySelector<HTMLButtonElement>('[part~="delete-button"]')!;

      await click(deleteOf('2 Test Street'));
      await waitFor(() => confirmDialog(el).open, 'the confirmation');
      expect(confirmDialog(el).textContent).to.contain('2 Test Street');
      expect(focused(el)).to.equal($(el, '[part~="confirm-cancel-button"]'));
      await expectAxeClean(el);
      await click($(el, '[part~="confirm-cancel-button"]')!);
      await waitFor(() => !confirmDialog(el).open, 'the confirmation to close');
      expect(cards(el)).to.have.length(2);
      expect(focused(el)).to.equal(deleteOf('2 Test Street'));
      expect(mocks.db.addressesOf(id)).to.have.length(2);

      // Escape is a Cancel too.
      await sendKeys({ press: 'Enter' });
      await waitFor(() => confirmDialog(el).open, 'the confirmation again');
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !confirmDialog(el).open, 'Escape to close it');
      expect(cards(el)).to.have.length(2);

      await click(deleteOf('2 Test Street'));
      await waitFor(() => confirmDialog(el).open, 'the confirmation');
      await click($(el, '[part~="confirm-button"]')!);
      await waitFor(() => cards(el).length === 1 && !cardFor(el, '2 Test Street'), 'the address gone');
      expect(mocks.db.addressesOf(id)).to.have.length(1);
      expect(events.map((e) => e.detail.action)).to.deep.equal(['delete']);
      expect(events[0]!.detail.address).to.equal(null);
    });
  });

  describe('capabilities', () => {
    it('is read-only for a viewer', async () => {
      const el = await mount(mocks.db.fixtures.customers.sixAddresses, { client: clientFor(mocks.tokens.viewer) });
      expect(cards(el)).to.have.length(5);
      expect(addButton(el)).to.equal(null);
      expect($(el, '[part~="edit-button"], [part~="delete-button"]')).to.equal(null);
      expect(search(el), 'a viewer can still search').to.not.equal(null);
    });

    it('is read-only with the readonly attribute, whatever the capabilities', async () => {
      const el = await mount(mocks.db.fixtures.customers.oneAddress);
      expect(addButton(el)).to.not.equal(null);
      el.readonly = true;
      await el.updateComplete;
      expect(addButton(el)).to.equal(null);
      expect($(el, '[part~="edit-button"], [part~="delete-button"]')).to.equal(null);
    });
  });
});
