import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Client } from '../../src/sdk/index.js';
import type { NoteAddDetail, NotesPanel } from '../../src/components/notes-panel/notes-panel.js';
// Registers the tag, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/notes-panel/define.js';
import { click, clientFor, expectAxeClean, hover, moveMouseAway, startMocks, waitFor } from './helpers.js';

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  // Starting the mock API (worker, data set) takes seconds on a busy machine: more than a test's 10 s.
  this.timeout(60_000);
  // Thousands of notes for the paging test; the rest of the data set stays small.
  mocks = await startMocks({ size: { customers: 50, orders: 200, bigCustomerOrders: 200, manyNotes: 2500 } });
});

afterEach(() => {
  mocks.scenario.reset();
  sessionStorage.clear();
});

// ------------------------------------------------------------------------------------------------
// Driving the element as a user does
// ------------------------------------------------------------------------------------------------

const root = (el: NotesPanel) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: NotesPanel, selector: string) => root(el).querySelector<T>(selector);
const notes = (el: NotesPanel) => [...root(el).querySelectorAll<HTMLElement>('[part~="note"]')];
const noteTexts = (el: NotesPanel) => notes(el).map((n) => n.querySelector('[part~="note-text"]')!.textContent!.trim());
const addButton = (el: NotesPanel) => $<HTMLButtonElement>(el, '[part~="add-button"]');
const dialog = (el: NotesPanel) => $<HTMLDialogElement>(el, '[part~="editor"]')!;
const textarea = (el: NotesPanel) => $<HTMLTextAreaElement>(el, '[part~="textarea"]')!;
const saveButton = (el: NotesPanel) => $<HTMLButtonElement>(el, '[part~="save-button"]')!;
const countText = (el: NotesPanel) => $(el, '[part~="count"]')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
const loadMore = (el: NotesPanel) => $<HTMLButtonElement>(el, '[part~="load-more"]');
const focused = (el: NotesPanel) => root(el).activeElement;
const listShown = (el: NotesPanel) => !!$(el, '[part~="list"]') || !!$(el, '[part~="empty"]');
/** The list is on screen and nothing is loading. */
const settled = (el: NotesPanel) => listShown(el) && $(el, '[part~="list"]')?.getAttribute('aria-busy') !== 'true';

async function mount(customerId: string, options: { client?: Client; pageSize?: number } = {}): Promise<NotesPanel> {
  // A fresh client per test: a fresh cache, so every test asks the mock server itself.
  const client = options.client ?? clientFor(mocks.tokens.admin);
  const el = await fixture<NotesPanel>(html`<notes-panel
    customer-id=${customerId}
    .client=${client}
    .pageSize=${options.pageSize ?? 20}
  ></notes-panel>`);
  await waitFor(() => listShown(el), 'the notes list to load');
  return el;
}

async function openEditor(el: NotesPanel) {
  await click(addButton(el)!);
  await waitFor(() => dialog(el).open && focused(el) === textarea(el), 'the editor to open with the focus in the text');
}

let customerCount = 0;
/** A new customer, made through the SDK (as another user of the API would). */
async function newCustomer(): Promise<string> {
  const client = clientFor(mocks.tokens.admin);
  const reference = await client.reference.get();
  const customer = await client.customers.create({
    name: `Notes Test ${++customerCount}`,
    type: 'public',
    salesChannelId: reference.salesChannels[0]!.id,
  });
  return customer.id;
}

/** A customer with a few notes, none of them ours. */
const someCustomer = () => mocks.db.fixtures.customers.oneAddress;

// ------------------------------------------------------------------------------------------------

describe('notes-panel', () => {
  describe('listing', () => {
    it('shows pinned notes first, then newest first, each with author and time', async () => {
      const id = mocks.db.fixtures.customers.manyNotes;
      const el = await mount(id);
      const stored = mocks.db.notesOf(id);
      const expected = [...stored.filter((n) => n.pinned), ...stored.filter((n) => !n.pinned)].slice(0, 20);
      expect(notes(el).map((n) => n.dataset.noteId)).to.deep.equal(expected.map((n) => n.id));
      const first = notes(el)[0]!;
      expect(first.querySelector('[part~="note-author"]')!.textContent).to.contain(expected[0]!.author.name);
      expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(expected[0]!.createdAt);
      expect(first.querySelector('time')!.textContent!.trim()).to.not.match(/Invalid|NaN|undefined/);
      await expectAxeClean(el);
    });

    it('pages through thousands of notes with "Show more" and says how many of how many', async () => {
      const id = mocks.db.fixtures.customers.manyNotes;
      const total = mocks.db.notesOf(id).length;
      expect(total).to.be.greaterThan(1000);
      const el = await mount(id, { pageSize: 20 });
      expect(notes(el)).to.have.length(20);
      expect(countText(el)).to.equal(`20 of ${total.toLocaleString('en-GB')} notes`);
      const more = loadMore(el)!;
      await click(more);
      await waitFor(() => notes(el).length === 40, '40 notes after "Show more"');
      expect(countText(el)).to.equal(`40 of ${total.toLocaleString('en-GB')} notes`);
      // The focus stays on the button, so a keyboard user can keep going.
      expect(focused(el)).to.equal(loadMore(el));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => notes(el).length === 60, '60 notes after pressing Enter on "Show more"');
      const ids = notes(el).map((n) => n.dataset.noteId);
      expect(new Set(ids).size).to.equal(60);
    });

    it('filters manual and system notes with a keyboard-operable radio group', async () => {
      const id = mocks.db.fixtures.customers.manyNotes;
      const el = await mount(id);
      const changes: string[] = [];
      el.addEventListener('change', () => changes.push(el.filter));
      const all = $<HTMLInputElement>(el, 'input[type="radio"][value="all"]')!;
      expect(all.checked).to.equal(true);
      all.focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitFor(() => el.filter === 'manual' && settled(el) && notes(el).every((n) => n.matches('[part~="note-manual"]')), 'manual notes only');
      expect(notes(el).length).to.be.greaterThan(0);
      const manualTotal = mocks.db.notesOf(id).filter((n) => n.source === 'manual').length;
      expect(countText(el)).to.contain(`of ${manualTotal.toLocaleString('en-GB')}`);
      await sendKeys({ press: 'ArrowRight' });
      await waitFor(() => el.filter === 'system' && settled(el) && notes(el).every((n) => n.matches('[part~="note-system"]')), 'system notes only');
      expect(notes(el).length).to.be.greaterThan(0);
      expect(changes, 'the host hears each choice').to.deep.equal(['manual', 'system']);
      expect(el.getAttribute('filter')).to.equal('system');
      // A system note says what changed and who or what changed it.
      const withChange = notes(el).find((n) => n.querySelector('[part~="note-change"]'));
      expect(withChange, 'a system note with a change').to.not.equal(undefined);
      // Told as a sentence from the note's typed changes, never a raw API field name.
      const sentence = withChange!.querySelector('[part~="note-change"]')!.textContent!;
      expect(sentence).to.match(/ (changed|set to|cleared|added|removed)\b|^\s*Customer created: /);
      expect(sentence).not.to.match(/[a-z][A-Z]|Id\b|\btrue\b|\bfalse\b/);
      expect(withChange!.querySelector('[part~="note-author"]')!.textContent).to.match(/\((user|integration|channel)\)/);
    });

    it('shows the full text of a long note on keyboard focus, and names it with the full text', async () => {
      const id = await newCustomer();
      const long = `Called about the damaged delivery. ${'The customer explained every item in detail. '.repeat(40)}End of note.`;
      await clientFor(mocks.tokens.admin).notes.create(id, { text: long, kind: 'call' });
      const el = await mount(id);
      const text = () => notes(el).find((n) => n.textContent!.includes('End of note.'))!.querySelector<HTMLElement>('[part~="note-text"]')!;
      await waitFor(() => text().getAttribute('tabindex') === '0', 'the truncated note to be focusable');
      expect(text().scrollHeight, 'clamped before focus').to.be.greaterThan(text().clientHeight + 1);
      expect(text().getAttribute('aria-label')).to.equal(long);
      // Tab from the filter through the panel to the note, as a keyboard user does.
      $<HTMLInputElement>(el, 'input[type="radio"][value="all"]')!.focus();
      for (let i = 0; i < 60 && focused(el) !== text(); i++) await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(text());
      await waitFor(() => text().scrollHeight <= text().clientHeight + 1, 'the full text to show on focus');
      expect(text().textContent!.trim()).to.equal(long.trim());
      // Leaving it clamps it again.
      await sendKeys({ press: 'Shift+Tab' });
      await waitFor(() => text().scrollHeight > text().clientHeight + 1, 'clamped again after focus leaves');
      // And the mouse: hovering shows the full text too.
      await hover(text());
      await waitFor(() => text().scrollHeight <= text().clientHeight + 1, 'the full text to show on hover');
      await moveMouseAway();
      await waitFor(() => text().scrollHeight > text().clientHeight + 1, 'clamped again after the mouse leaves');
    });

    it('renders hostile text as text', async () => {
      const el = await mount(mocks.db.fixtures.customers.hostile);
      expect(notes(el).length).to.be.greaterThan(0);
      const stored = mocks.db.notesOf(mocks.db.fixtures.customers.hostile);
      const withMarkup = stored.find((n) => /<[a-z]/i.test(n.text));
      expect(withMarkup, 'a hostile note with markup').to.not.equal(undefined);
      expect(root(el).querySelector('script, img, iframe, svg, a[href]')).to.equal(null);
      expect(noteTexts(el).some((t) => t.includes('<'))).to.equal(true);
      await expectAxeClean(el);
    });

    it('shows an empty state that is axe clean', async () => {
      // A seeded customer with no notes of one source: that filter shows the empty state.
      const customers = mocks.db.searchCustomers({});
      let found: { id: string; filter: 'manual' | 'system' } | undefined;
      for (const c of customers) {
        const sources = new Set(mocks.db.notesOf(c.id).map((n) => n.source));
        if (!sources.has('manual')) found = { id: c.id, filter: 'manual' };
        else if (!sources.has('system')) found = { id: c.id, filter: 'system' };
        if (found) break;
      }
      expect(found, 'a customer with no notes of one source').to.not.equal(undefined);
      const el = await fixture<NotesPanel>(html`<notes-panel
        customer-id=${found!.id}
        filter=${found!.filter}
        .client=${clientFor(mocks.tokens.admin)}
      ></notes-panel>`);
      await waitFor(() => $(el, '[part~="empty"]'), 'the empty state');
      expect($(el, '[part~="empty"]')!.textContent!.trim()).to.equal(found!.filter === 'manual' ? 'No manual notes.' : 'No system notes.');
      await expectAxeClean(el);
    });
  });

  describe('failing to load', () => {
    it('says why with a Retry that works, axe clean', async () => {
      mocks.scenario.failNext('notes.list', 500, 1);
      const el = await fixture<NotesPanel>(html`<notes-panel
        customer-id=${someCustomer()}
        .client=${clientFor(mocks.tokens.admin, { retry: 0 })}
      ></notes-panel>`);
      const error = await waitFor(() => $(el, '[part~="error"]'), 'the load error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('error 500');
      await expectAxeClean(el);
      await click($(el, '[part~="retry-button"]')!);
      await waitFor(() => notes(el).length > 0, 'the notes after Retry');
      expect($(el, '[part~="error"]')).to.equal(null);
    });
  });

  describe('adding a note', () => {
    it('shows the new note at once, fires note-add, and keeps it after a re-read', async () => {
      const id = someCustomer();
      const el = await mount(id);
      const events: CustomEvent<NoteAddDetail>[] = [];
      el.addEventListener('note-add', (e) => events.push(e));
      await openEditor(el);
      await expectAxeClean(el);
      await sendKeys({ type: 'Rang about the late order; promised a callback.' });
      const kind = $<HTMLSelectElement>(el, '[part~="kind-select"]')!;
      kind.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(kind.value).to.equal('call');
      await click(saveButton(el));
      await waitFor(() => !dialog(el).open, 'the editor to close');
      await waitFor(() => noteTexts(el).includes('Rang about the late order; promised a callback.'), 'the new note in the list');
      expect(focused(el)).to.equal(addButton(el));
      expect(events).to.have.length(1);
      expect(events[0]!.detail.customerId).to.equal(id);
      expect(events[0]!.detail.note.text).to.equal('Rang about the late order; promised a callback.');
      expect(events[0]!.detail.note.kind).to.equal('call');
      const mine = notes(el).find((n) => n.dataset.noteId === events[0]!.detail.note.id)!;
      expect(mine.querySelector('[part~="note-author"]')!.textContent).to.contain(mocks.db.fixtures.users.admin.name);
      expect(mine.querySelector('[part~="note-kind"]')!.textContent!.trim()).to.equal('Call');

      // A re-read: a fresh element with a fresh client (no shared cache) asks the server again.
      fixtureCleanup();
      const again = await mount(id);
      expect(noteTexts(again)).to.include('Rang about the late order; promised a callback.');
      // The draft was cleared by the successful save.
      await openEditor(again);
      expect(textarea(again).value).to.equal('');
    });

    it('can be done with the keyboard alone', async () => {
      const id = someCustomer();
      const el = await mount(id);
      addButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => dialog(el).open && focused(el) === textarea(el), 'the editor, focus in the text');
      await sendKeys({ type: 'Typed without a mouse.' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal($(el, '[part~="kind-select"]'));
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal($(el, '[part~="pinned-checkbox"]'));
      await sendKeys({ press: 'Space' });
      // Tab past Cancel to Save, and press it.
      for (let i = 0; i < 5 && focused(el) !== saveButton(el); i++) await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(saveButton(el));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !dialog(el).open, 'the editor to close');
      await waitFor(() => noteTexts(el)[0] === 'Typed without a mouse.', 'the new pinned note on top');
      const note = notes(el)[0]!;
      expect(note.matches('[part~="note-pinned"]')).to.equal(true);
      expect(note.querySelector('[part~="note-kind"]')!.textContent!.trim()).to.equal('Email');
      expect(focused(el)).to.equal(addButton(el));
    });

    it('keeps the draft after a failed save, says why, and saves it on retry', async () => {
      const id = someCustomer();
      const el = await mount(id);
      await openEditor(el);
      await sendKeys({ type: 'Customer wants invoices by post.' });
      // Every try fails (the SDK retries a write twice, with one Idempotency-Key).
      mocks.scenario.failNext('notes.create', 500, 3);
      await click(saveButton(el));
      await waitFor(() => !!$(el, '[part~="editor"] [part~="error"]'), 'the error in the editor');
      const error = $(el, '[part~="editor"] [part~="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('The note was not saved');
      expect(error.textContent).to.contain('500');
      expect(dialog(el).open).to.equal(true);
      expect(textarea(el).value).to.equal('Customer wants invoices by post.');
      expect(saveButton(el).textContent!.trim()).to.equal('Save again');
      expect(noteTexts(el)).to.not.include('Customer wants invoices by post.');
      await expectAxeClean(el);

      await click(saveButton(el));
      await waitFor(() => !dialog(el).open, 'the editor to close after the retry');
      await waitFor(() => noteTexts(el).includes('Customer wants invoices by post.'), 'the note saved on retry');
      expect(sessionStorage.length).to.equal(0);
    });

    it('keeps the draft when the editor is closed by Escape or Cancel, and when the element goes away', async () => {
      const id = someCustomer();
      const el = await mount(id);
      await openEditor(el);
      await sendKeys({ type: 'Half-written thought' });
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !dialog(el).open, 'Escape to close the editor');
      expect(focused(el)).to.equal(addButton(el));

      await openEditor(el);
      expect(textarea(el).value).to.equal('Half-written thought');
      await sendKeys({ type: ', continued' });
      await click($(el, '[part~="cancel-button"]')!);
      await waitFor(() => !dialog(el).open, 'Cancel to close the editor');

      // The element is removed (navigation, a re-render by the host) and a new one is made.
      fixtureCleanup();
      const again = await mount(id);
      await openEditor(again);
      expect(textarea(again).value).to.equal('Half-written thought, continued');
      // Another customer does not get this draft.
      fixtureCleanup();
      const other = await mount(mocks.db.fixtures.customers.sixAddresses);
      await openEditor(other);
      expect(textarea(other).value).to.equal('');
    });
  });

  describe('pin and remove', () => {
    it('pins a note to the top, and removing one keeps it visible, marked, with the removal recorded', async () => {
      const id = await newCustomer();
      const client = clientFor(mocks.tokens.admin);
      await client.notes.create(id, { text: 'Older note' });
      await client.notes.create(id, { text: 'Newer note' });
      const el = await mount(id);
      const ours = () => noteTexts(el).filter((t) => t === 'Newer note' || t === 'Older note');
      expect(ours()).to.deep.equal(['Newer note', 'Older note']);
      /** Our manual note with exactly this text (the removal's system note quotes it too). */
      const manual = (text: string) =>
        notes(el).find((n) => n.matches('[part~="note-manual"]') && n.querySelector('[part~="note-text"]')!.textContent!.trim() === text);
      const older = () => manual('Older note')!;
      await click(older().querySelector('[part~="pin"]')!);
      await waitFor(() => noteTexts(el)[0] === 'Older note', 'the pinned note on top');
      expect(older().querySelector('[part~="pin"]')!.textContent!.trim()).to.equal('Unpin');
      expect(older().querySelector('[part~="note-meta"]')!.textContent).to.contain('Pinned');

      await click(manual('Newer note')!.querySelector('[part~="remove"]')!);
      await waitFor(() => !!manual('Newer note')?.querySelector('[part~="note-removed-by"]'), 'the removed note marked');
      const removed = manual('Newer note')!;
      expect(removed.querySelector('[part~="note-removed-by"]')!.textContent).to.contain(`Removed by ${mocks.db.fixtures.users.admin.name}`);
      expect(removed.querySelector('[part~="remove"]')).to.equal(null);
      await waitFor(() => notes(el).some((n) => n.matches('[part~="note-system"]') && n.textContent!.includes('Note removed')), 'the removal as a system note');
    });
  });

  describe('live updates', () => {
    it('shows the system note written by a change elsewhere on the page without a reload', async () => {
      const id = someCustomer();
      const client = clientFor(mocks.tokens.admin);
      const el = await mount(id, { client });
      const before = notes(el).length;
      const customer = await client.customers.get(id);
      const tradingName = `Trading ${Date.now()}`;
      // What customer-card does on Save: a write through the same client (and so the same cache).
      await client.customers.update(id, { tradingName }, { version: customer.version });
      await waitFor(
        () => notes(el).some((n) => n.matches('[part~="note-system"]') && n.textContent!.includes(tradingName)),
        'the system note for the change',
      );
      expect(notes(el).length).to.be.at.least(Math.min(before + 1, 20));
      const note = notes(el).find((n) => n.textContent!.includes(tradingName))!;
      expect(note.querySelector('[part~="note-change"]')!.textContent).to.contain(tradingName);
    });
  });

  describe('capabilities', () => {
    it('gives a viewer no Add, Pin or Remove', async () => {
      const el = await mount(mocks.db.fixtures.customers.manyNotes, { client: clientFor(mocks.tokens.viewer) });
      expect(notes(el).length).to.be.greaterThan(0);
      expect(addButton(el)).to.equal(null);
      expect($(el, '[part~="pin"], [part~="remove"]')).to.equal(null);
    });

    it('hides every change when readonly, whatever the capabilities', async () => {
      const el = await mount(mocks.db.fixtures.customers.manyNotes);
      expect(addButton(el)).to.not.equal(null);
      el.readonly = true;
      await el.updateComplete;
      expect(addButton(el)).to.equal(null);
      expect($(el, '[part~="pin"], [part~="remove"]')).to.equal(null);
    });
  });
});
