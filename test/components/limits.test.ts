/**
 * Limits that speak: every text input takes its length limit from the contract's schema, shows a
 * counter near it and a message past it, never cuts what was typed or pasted, and refuses to send
 * a value the server would refuse.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { http, HttpResponse } from 'msw';
import * as v from 'valibot';
import {
  AddressInput,
  CancelInput,
  ContactInput,
  CustomerPatch,
  CustomerSearchQuery,
  NoteInput,
  TrackingInput,
  WatchListInput,
} from '../../src/sdk/schemas.js';
import { fieldLimit, renderLimit, textLimit } from '../../src/components/shared/limits.js';
import type { NotesPanel } from '../../src/components/notes-panel/notes-panel.js';
import type { WatchListBadge } from '../../src/components/watch-list-badge/watch-list-badge.js';
import type { CustomerCard } from '../../src/components/customer-card/customer-card.js';
import type { AddressBook } from '../../src/components/address-book/address-book.js';
import type { OrderDetail } from '../../src/components/order-table/order-detail.js';
import type { CustomerSearch } from '../../src/components/customer-search/customer-search.js';
// Registers the tags, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/define.js';
import { click, clientFor, expectAxeClean, press, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async () => {
  mocks = await startMocks();
});

afterEach(() => {
  mocks.scenario.reset();
  sessionStorage.clear();
});

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------

type TextControl = HTMLInputElement | HTMLTextAreaElement;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The limit the schema sets for a field: the tests never type a number the schema does not give. */
function limitOf(schema: { entries: Record<string, unknown> }, field: string): number {
  const limit = fieldLimit(schema, field);
  if (!limit) throw new Error(`the schema sets no limit on ${field}`);
  return limit.max;
}

/**
 * Pastes text into a field through the browser's own text insertion (what a paste does: it fires
 * beforeinput and input, and a `maxlength` would cut it).
 */
async function paste(control: TextControl, value: string): Promise<void> {
  control.focus();
  control.setSelectionRange(control.value.length, control.value.length);
  expect(document.execCommand('insertText', false, value), 'the browser inserted the text').to.equal(true);
}

/** Deletes the last `count` characters with one real Backspace on a selection. */
async function deleteLast(control: TextControl, count: number): Promise<void> {
  control.focus();
  control.setSelectionRange(control.value.length - count, control.value.length);
  await press('Backspace');
}

/** The elements an input's aria-describedby points at, inside its shadow root. */
function describedBy(control: Element): Element[] {
  const root = control.getRootNode() as ShadowRoot;
  const ids = control.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => root.getElementById(id)).filter((n): n is HTMLElement => n !== null);
}
const limitMessage = (control: Element) => text(describedBy(control).find((n) => n.matches('[part~="limit-error"]')));
const counter = (control: Element) =>
  text(describedBy(control).find((n) => n.matches('[part~="limit-count"]'))?.querySelector('[aria-hidden="true"]'));
const liveLimit = (control: Element) => text(control.parentElement?.querySelector('.ce-visually-hidden[role="status"]'));

/** Records the writes (and searches) the page sends to the mock API. */
function recordRequests(): { writes: () => string[]; searches: () => string[]; stop: () => void } {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    seen.push(`${request.method} ${url.pathname}${url.search}`);
  };
  mocks.worker.events.on('request:start', listener);
  return {
    writes: () => seen.filter((s) => !s.startsWith('GET ')),
    searches: () => seen.filter((s) => s.startsWith('GET ') && /\/customers\?/.test(s)),
    stop: () => mocks.worker.events.removeListener('request:start', listener),
  };
}

const letters = (n: number, from = 'a') => Array.from({ length: n }, (_, i) => String.fromCharCode(from.charCodeAt(0) + (i % 26))).join('');

const section = (el: CustomerCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="section-${name}"]`)!;

const part = (el: OrderDetail, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

const searchBox = (el: CustomerSearch) => el.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;

/** Asserts the over-limit state of a field: all kept, marked invalid, the message and the counter. */
function expectOver(control: TextControl, length: number, message: string, count: string) {
  expect(control.value.length, 'nothing cut').to.equal(length);
  expect(control.hasAttribute('maxlength'), 'no native maxlength').to.equal(false);
  expect(control.getAttribute('aria-invalid')).to.equal('true');
  expect(limitMessage(control)).to.equal(message);
  expect(counter(control)).to.equal(count);
}

// ------------------------------------------------------------------------------------------------

describe('limits', () => {
  describe('read from the schema', () => {
    it('finds maxLength through optional, nullable, partial and nested pipes, and whether it trims first', () => {
      expect(textLimit(v.pipe(v.string(), v.maxLength(7)))).to.deep.equal({ max: 7, trims: false });
      expect(textLimit(v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(9)))))).to.deep.equal({ max: 9, trims: true });
      expect(textLimit(v.nullish(v.pipe(v.pipe(v.string(), v.trim()), v.maxLength(3))))).to.deep.equal({ max: 3, trims: true });
      expect(fieldLimit(v.partial(v.object({ a: v.pipe(v.string(), v.maxLength(11)) })), 'a')).to.deep.equal({ max: 11, trims: false });
      expect(textLimit(v.string())).to.equal(undefined);
      expect(textLimit(v.pipe(v.string(), v.regex(/x/)))).to.equal(undefined);
      expect(fieldLimit(CustomerPatch, 'vatExempt')).to.equal(undefined);
    });

    it('gives the limits the contract sets (read from the schema objects, not typed again)', () => {
      // The values the contract documents; if one changes in schemas.ts, the UI follows and this
      // test says so.
      expect(limitOf(NoteInput, 'text')).to.equal(5000);
      expect(limitOf(WatchListInput, 'note')).to.equal(1000);
      expect(limitOf(CustomerPatch, 'name')).to.equal(200);
      expect(limitOf(CustomerPatch, 'eori')).to.equal(17);
      expect(limitOf(CustomerPatch, 'email')).to.equal(254);
      expect(limitOf(ContactInput, 'phone')).to.equal(40);
      expect(limitOf(AddressInput, 'line1')).to.equal(200);
      expect(limitOf(TrackingInput, 'code')).to.equal(60);
      expect(limitOf(CancelInput, 'reason')).to.equal(500);
      expect(limitOf(CustomerSearchQuery, 'q')).to.equal(200);
    });

    it('renders the limit of whatever schema it is given: another schema, another counter and message', async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const draw = (schema: v.GenericSchema, value: string) =>
        render(renderLimit({ id: 'x', value, limit: textLimit(schema), locale: 'en-GB', label: 'Motto' }), host);
      draw(v.pipe(v.string(), v.maxLength(10)), 'abcdefghijkl');
      expect(text(host.querySelector('[part~="limit-count"] [aria-hidden]'))).to.equal('12 / 10');
      expect(text(host.querySelector('[part~="limit-error"]'))).to.equal('Motto can be at most 10 characters: remove 2.');
      draw(v.pipe(v.string(), v.maxLength(20)), 'abcdefghijkl');
      expect(host.querySelector('[part~="limit-count"]'), 'far from 20: no counter').to.equal(null);
      expect(host.querySelector('[part~="limit-error"]')).to.equal(null);
      draw(v.pipe(v.string(), v.maxLength(13)), 'abcdefghijkl');
      expect(text(host.querySelector('[part~="limit-count"] [aria-hidden]'))).to.equal('12 / 13');
      host.remove();
    });
  });

  // ----------------------------------------------------------------------------------------------

  describe('notes-panel', () => {
    const max = limitOf(NoteInput, 'text');
    const mountNotes = async (locale = 'en-GB') => {
      const el = await fixture<NotesPanel>(html`<notes-panel
        customer-id=${mocks.db.fixtures.customers.oneAddress}
        locale=${locale}
        .client=${clientFor(mocks.tokens.admin)}
      ></notes-panel>`);
      const add = await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]'), 'Add note');
      await click(add);
      const textarea = await waitFor(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="textarea"]'), 'the editor');
      await waitFor(() => el.shadowRoot!.activeElement === textarea, 'focus in the text');
      return { el, textarea, save: el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')! };
    };

    it('counts near the limit, keeps every pasted character past it, says how much to remove, and sends nothing', async function () {
      this.timeout(20_000);
      const { el, textarea, save } = await mountNotes();
      const requests = recordRequests();
      try {
        await paste(textarea, letters(max - 20));
        await waitFor(() => counter(textarea) === '4,980 / 5,000', 'the counter');
        expect(textarea.getAttribute('aria-invalid')).to.equal('false');
        expect(limitMessage(textarea)).to.equal('');
        expect(liveLimit(textarea), 'nothing announced yet').to.equal('');

        await paste(textarea, letters(20));
        await waitFor(() => liveLimit(textarea) === 'Note: limit of 5,000 characters reached.', 'the limit announced');
        expect(textarea.getAttribute('aria-invalid')).to.equal('false');

        await paste(textarea, letters(12));
        await waitFor(() => limitMessage(textarea) !== '', 'the message');
        expectOver(textarea, max + 12, 'Note can be at most 5,000 characters: remove 12.', '5,012 / 5,000');
        const announced = liveLimit(textarea);
        expect(announced).to.equal('Note is longer than 5,000 characters.');
        // One more key: the message counts, the live region does not speak again.
        await press('x');
        await waitFor(() => limitMessage(textarea).includes('remove 13'), 'the message follows');
        expect(liveLimit(textarea)).to.equal(announced);
        await expectAxeClean(el);

        await click(save);
        await waitFor(() => el.shadowRoot!.activeElement === textarea, 'focus back in the text');
        expect(requests.writes(), 'no request').to.deep.equal([]);
        expect(textarea.value.length).to.equal(max + 13);

        await deleteLast(textarea, 13);
        await waitFor(() => limitMessage(textarea) === '', 'the message gone');
        expect(textarea.getAttribute('aria-invalid')).to.equal('false');
        await click(save);
        await waitFor(() => !el.shadowRoot!.querySelector('dialog')!.open, 'saved and closed');
        expect(requests.writes()).to.have.length(1);
        const notes = await clientFor(mocks.tokens.admin).notes.list(mocks.db.fixtures.customers.oneAddress, {}, { cache: 'reload' });
        expect(notes.items.some((n) => n.text.length === max)).to.equal(true);
      } finally {
        requests.stop();
      }
    });

    it('says it in German, with German number formatting', async function () {
      this.timeout(20_000);
      const { textarea } = await mountNotes('de-DE');
      await paste(textarea, letters(max + 1000));
      await waitFor(() => limitMessage(textarea) !== '', 'the message');
      expectOver(textarea, 6000, 'Notiz darf höchstens 5.000 Zeichen lang sein: Entfernen Sie 1.000 Zeichen.', '6.000 / 5.000');
      expect(liveLimit(textarea)).to.equal('Notiz ist länger als 5.000 Zeichen.');
    });
  });

  // ----------------------------------------------------------------------------------------------

  it('watch-list-badge: a 6,000-character paste is kept whole, refused with the message, and saves once shortened', async function () {
    this.timeout(20_000);
    const max = limitOf(WatchListInput, 'note');
    const id = mocks.db.fixtures.customers.noAddresses;
    const el = await fixture<WatchListBadge>(html`<watch-list-badge
      customer-id=${id}
      editable
      .client=${clientFor(mocks.tokens.admin)}
    ></watch-list-badge>`);
    const add = await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"], [part~="trigger"]'), 'the badge');
    await click(add);
    const textarea = await waitFor(() => el.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="textarea"]'), 'the editor');
    expect(text(el.shadowRoot!.querySelector('#note-hint'))).to.contain('Up to 1,000 characters.');
    const requests = recordRequests();
    try {
      await paste(textarea, letters(6000));
      await waitFor(() => limitMessage(textarea) !== '', 'the message');
      expectOver(textarea, 6000, 'Watch-list note can be at most 1,000 characters: remove 5,000.', '6,000 / 1,000');
      await expectAxeClean(el);
      await click(el.shadowRoot!.querySelector('[part~="save-button"]')!);
      await waitFor(() => el.shadowRoot!.activeElement === textarea, 'focus back in the note');
      expect(requests.writes()).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);

      await deleteLast(textarea, 6000 - max);
      await waitFor(() => limitMessage(textarea) === '' && textarea.getAttribute('aria-invalid') === 'false', 'under the limit');
      await click(el.shadowRoot!.querySelector('[part~="save-button"]')!);
      await waitFor(() => !el.shadowRoot!.querySelector('dialog')?.open, 'saved');
      expect(requests.writes()).to.have.length(1);
      expect(mocks.db.watchListOf(id).note!.length).to.equal(max);
    } finally {
      requests.stop();
    }
  });

  // ----------------------------------------------------------------------------------------------

  describe('customer-card', () => {
    const mountCard = async (id: string) => {
      const el = await fixture<CustomerCard>(html`<customer-card
        customer-id=${id}
        locale="en-GB"
        .client=${clientFor(mocks.tokens.admin)}
      ></customer-card>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part~="card"]')?.getAttribute('aria-busy') === 'false', 'the card');
      return el;
    };
    const openForm = async (el: CustomerCard, name: string) => {
      const button = await waitFor(
        () => section(el, name)?.querySelector<HTMLButtonElement>(':scope > [part~="section-header"] [part~="edit-button"]'),
        `Edit ${name}`,
      );
      await click(button);
      return waitFor(() => section(el, name).querySelector<HTMLFormElement>('[part~="form"]'), `the ${name} form`);
    };

    it('names over the limit: kept whole, marked, refused without a request; shortened, saved', async function () {
      this.timeout(20_000);
      const id = mocks.db.fixtures.customers.vatExempt;
      const el = await mountCard(id);
      const max = limitOf(CustomerPatch, 'tradingName');
      const form = await openForm(el, 'identity');
      const input = form.querySelector<HTMLInputElement>('[name="tradingName"]')!;
      input.select();
      await press('Backspace');
      const requests = recordRequests();
      try {
        await paste(input, letters(max + 5));
        await waitFor(() => limitMessage(input) !== '', 'the message');
        expectOver(input, max + 5, 'Trading name can be at most 200 characters: remove 5.', '205 / 200');
        await expectAxeClean(el);
        await click(form.querySelector('[part~="save-button"]')!);
        await waitFor(() => el.shadowRoot!.activeElement === input, 'focus on the long field');
        expect(requests.writes()).to.deep.equal([]);
        // Only the limit's message beside the field, not a second, vaguer one.
        expect(describedBy(input).filter((n) => n.matches('[part~="field-error"]'))).to.have.length(0);

        await deleteLast(input, 5);
        await waitFor(() => input.getAttribute('aria-invalid') === 'false', 'valid again');
        await click(form.querySelector('[part~="save-button"]')!);
        await waitFor(() => !section(el, 'identity').querySelector('[part~="form"]'), 'saved');
        expect(requests.writes().filter((w) => w.startsWith('PATCH'))).to.have.length(1);
        expect(mocks.db.getCustomer(id)!.tradingName).to.equal(letters(max));
      } finally {
        requests.stop();
      }
    });

    it("every text field of the card and its contacts shows its schema's limit", async function () {
      this.timeout(20_000);
      const el = await mountCard(mocks.db.fixtures.customers.creditTrade);
      const checks: Array<[string, string, { entries: Record<string, unknown> }]> = [
        ['identity', 'name', CustomerPatch],
        ['company', 'accountsReference', CustomerPatch],
        ['company', 'eori', CustomerPatch],
        ['personal', 'username', CustomerPatch],
        ['personal', 'password', CustomerPatch],
        ['personal', 'telephone', CustomerPatch],
        ['personal', 'mobile', CustomerPatch],
        ['personal', 'fax', CustomerPatch],
      ];
      for (const [group, name, schema] of checks) {
        const form = await openForm(el, group);
        const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
        input.focus();
        input.select();
        await press('Backspace');
        const max = limitOf(schema, name);
        await paste(input, letters(max + 1, 'A'));
        await waitFor(() => limitMessage(input) !== '', `the message for ${name}`);
        expect(input.value.length, name).to.equal(max + 1);
        expect(input.getAttribute('aria-invalid'), name).to.equal('true');
        expect(limitMessage(input), name).to.match(new RegExp(`can be at most ${max.toLocaleString('en-GB')} characters: remove 1\\.$`));
        await click(form.querySelector('[part~="cancel-button"]')!);
        await waitFor(() => !section(el, group).querySelector('[part~="form"]'), `the ${group} form closed`);
      }
      // A contact's fields: the email field (254, from the contract) and the phone (40).
      const addContact = await waitFor(
        () => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-edit="contact:new"]'),
        'Add contact',
      );
      await click(addContact);
      const contactForm = await waitFor(() => section(el, 'contacts').querySelector<HTMLFormElement>('[part~="form"]'), 'the contact form');
      const phone = contactForm.querySelector<HTMLInputElement>('[name="phone"]')!;
      await paste(phone, letters(limitOf(ContactInput, 'phone') + 2, 'A'));
      await waitFor(() => limitMessage(phone) === 'Phone can be at most 40 characters: remove 2.', 'the phone message');
      const email = contactForm.querySelector<HTMLInputElement>('[name="email"]')!;
      email.focus();
      expect(document.execCommand('insertText', false, `${letters(250)}@example.com`)).to.equal(true);
      await waitFor(() => limitMessage(email) === 'Email can be at most 254 characters: remove 8.', 'the email message');
    });
  });

  // ----------------------------------------------------------------------------------------------

  it('address-book: a line over its limit is kept, marked and refused; shortened, the address is saved', async function () {
    this.timeout(20_000);
    const client = clientFor(mocks.tokens.admin);
    const reference = await client.reference.get();
    const customer = await client.customers.create({ name: 'Limits Address', type: 'public', salesChannelId: reference.salesChannels[0]!.id });
    const el = await fixture<AddressBook>(html`<address-book customer-id=${customer.id} .client=${client}></address-book>`);
    const add = await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="add-button"]'), 'Add address');
    await click(add);
    const field = (name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#f-${name}`)!;
    await waitFor(() => field('line1'), 'the form');
    const max = limitOf(AddressInput, 'line1');
    const requests = recordRequests();
    try {
      await paste(field('line1'), letters(max + 3));
      await paste(field('city'), 'Limitsby');
      await paste(field('postcode'), 'SW1A 2AA');
      await paste(field('region'), letters(limitOf(AddressInput, 'region') + 1));
      await waitFor(() => limitMessage(field('region')) !== '', 'the region message');
      expectOver(field('line1'), max + 3, 'Address line 1 can be at most 200 characters: remove 3.', '203 / 200');
      await expectAxeClean(el);
      await click(el.shadowRoot!.querySelector('[part~="save-button"]')!);
      await waitFor(() => el.shadowRoot!.activeElement === field('line1'), 'focus on the first long field');
      expect(requests.writes()).to.deep.equal([]);

      await deleteLast(field('line1'), 3);
      await deleteLast(field('region'), 1);
      await waitFor(() => field('line1').getAttribute('aria-invalid') === 'false', 'valid again');
      await click(el.shadowRoot!.querySelector('[part~="save-button"]')!);
      await waitFor(() => !el.shadowRoot!.querySelector('[part~="form"]'), 'saved');
      expect(requests.writes().filter((w) => w.startsWith('POST'))).to.have.length(1);
      expect(mocks.db.addressesOf(customer.id).map((a) => a.line1.length)).to.deep.equal([max]);
    } finally {
      requests.stop();
    }
  });

  // ----------------------------------------------------------------------------------------------

  describe('order-detail', () => {
    const mountDetail = async (orderId: string) => {
      const el = await fixture<OrderDetail>(html`<order-detail order-id=${orderId} .client=${clientFor(mocks.tokens.admin)}></order-detail>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part~="actions"]'), 'the actions');
      return el;
    };

    it('tracking code and refund reason: kept, marked, refused; shortened, added', async function () {
      this.timeout(20_000);
      const { allStatuses } = mocks.db.fixtures.customers;
      const target = (await clientFor(mocks.tokens.admin).orders.list(allStatuses, { status: 'allocated' })).items[0]!;
      const el = await mountDetail(target.id);
      await click(part(el, 'action-tracking')!);
      const carrier = await waitFor(() => el.shadowRoot!.querySelector<HTMLInputElement>('#tracking-carrier'), 'the form');
      const code = el.shadowRoot!.querySelector<HTMLInputElement>('#tracking-code')!;
      const max = limitOf(TrackingInput, 'code');
      const requests = recordRequests();
      try {
        await paste(carrier, 'DPD');
        await paste(code, letters(max + 4, 'A'));
        await waitFor(() => limitMessage(code) !== '', 'the message');
        expectOver(code, max + 4, 'Tracking code can be at most 60 characters: remove 4.', '64 / 60');
        await expectAxeClean(el);
        await click(part(el, 'submit')!);
        await waitFor(() => el.shadowRoot!.activeElement === code, 'focus on the code');
        expect(requests.writes()).to.deep.equal([]);
        await deleteLast(code, 4);
        await waitFor(() => code.getAttribute('aria-invalid') === 'false', 'valid again');
        await click(part(el, 'submit')!);
        await waitFor(() => part(el, 'section-tracking')?.textContent!.includes(letters(max, 'A')), 'the code added');
        expect(requests.writes()).to.have.length(1);
      } finally {
        requests.stop();
      }
    });

    it('the refund and return reasons show their limits', async function () {
      this.timeout(20_000);
      const el = await mountDetail(mocks.db.fixtures.orders.dispatched);
      for (const action of ['refund', 'return'] as const) {
        await click(part(el, `action-${action}`)!);
        const reason = await waitFor(() => el.shadowRoot!.querySelector<HTMLInputElement>(`#${action}-reason`), `the ${action} form`);
        await paste(reason, letters(501));
        await waitFor(() => limitMessage(reason) === 'Reason can be at most 500 characters: remove 1.', `the ${action} message`);
        expect(reason.value.length).to.equal(501);
        expect(reason.getAttribute('aria-invalid')).to.equal('true');
      }
    });

    it('the cancel reason: kept, refused without a request; shortened, the order is cancelled', async function () {
      this.timeout(20_000);
      const { cancellable } = mocks.db.fixtures.orders;
      const el = await mountDetail(cancellable);
      await click(part(el, 'action-cancel')!);
      const confirm = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="confirm"]')!;
      await waitFor(() => confirm.open, 'the confirmation');
      const reason = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#cancel-reason')!;
      const max = limitOf(CancelInput, 'reason');
      const requests = recordRequests();
      try {
        await paste(reason, letters(max + 30));
        await waitFor(() => limitMessage(reason) !== '', 'the message');
        expectOver(reason, max + 30, 'Reason can be at most 500 characters: remove 30.', '530 / 500');
        await click(part(el, 'confirm-accept')!);
        await waitFor(() => el.shadowRoot!.activeElement === reason, 'focus on the reason');
        expect(confirm.open).to.equal(true);
        expect(requests.writes()).to.deep.equal([]);
        await deleteLast(reason, 30);
        await waitFor(() => reason.getAttribute('aria-invalid') === 'false', 'valid again');
        await click(part(el, 'confirm-accept')!);
        await waitFor(() => part(el, 'status')?.textContent!.trim() === 'Cancelled', 'cancelled');
        expect(requests.writes()).to.have.length(1);
      } finally {
        requests.stop();
      }
    });
  });

  // ----------------------------------------------------------------------------------------------

  describe('customer-search', () => {
    const max = limitOf(CustomerSearchQuery, 'q');
    const mountSearch = async () =>
      fixture<CustomerSearch>(html`<customer-search .client=${clientFor(mocks.tokens.admin)} .debounce=${30}></customer-search>`);

    it('says the query is too long beside the box and sends nothing; shortened, it searches', async function () {
      this.timeout(20_000);
      const el = await mountSearch();
      const box = searchBox(el);
      const requests = recordRequests();
      try {
        // Over the limit at once: a paste at the limit would be a valid query, searched after the pause.
        await paste(box, `Wolstenholme ${letters(max - 12)}`);
        await waitFor(() => limitMessage(box) !== '', 'the message');
        expectOver(box, max + 1, 'The search can be at most 200 characters: remove 1.', '201 / 200');
        expect(box.getAttribute('aria-expanded')).to.equal('false');
        await expectAxeClean(el);
        // Longer than any debounce: still nothing asked.
        await press('Enter');
        await waitFor(() => el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim() === '', 'a quiet status');
        expect(requests.searches()).to.deep.equal([]);

        await press('Backspace');
        await waitFor(() => limitMessage(box) === '' && box.getAttribute('aria-invalid') === 'false', 'under the limit');
        await waitFor(() => requests.searches().length === 1, 'the search sent');
      } finally {
        requests.stop();
      }
    });

    it('a 400 about the query from a stricter server says the search is too long, not "check the fields"', async function () {
      this.timeout(20_000);
      mocks.worker.use(
        http.get(`${mocks.baseUrl}/customers`, () =>
          HttpResponse.json(
            {
              title: 'Some fields are not valid', status: 400, detail: 'Correct the fields listed in errors.',
              errors: [{ field: 'q', message: 'Invalid length: Expected <=20 but received 25', code: 'too_long' }],
            },
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          ), { once: true }),
      );
      const el = await mountSearch();
      const box = searchBox(el);
      await paste(box, 'Wolstenholme and partners');
      const error = await waitFor(() => el.shadowRoot!.querySelector('[part~="error"]'), 'the error');
      expect(text(error)).to.equal('The search is too long for the server. Shorten it and try again.');
      expect(text(error)).not.to.contain('Check the fields');
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(box.value).to.equal('Wolstenholme and partners');
      await expectAxeClean(el);
    });
  });
});
