/**
 * A host that already has elements called `customer-card`, `order-table`… registers every class
 * of ours under names of its own. This file never imports the default registrations
 * (`src/components/define.ts` or any `define.ts`): the registry holds only `acme-*` names.
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import {
  AddressBook,
  CustomerAttachments,
  CustomerCard,
  CustomerElementsProvider,
  CustomerScreen,
  CustomerSearch,
  defineElement,
  NotesPanel,
  WatchListBadge,
  type NoteAddDetail,
} from '../../src/index.js';
import { OrderDetail } from '../../src/components/order-table/order-detail.js';
import { OrderTable } from '../../src/components/order-table/order-table.js';
import { isCustomElementName, resolveTagName } from '../../src/components/customer-screen/child-tags.js';
import { click, startMocks, waitFor } from './helpers.js';
import { deepQuery, deepQueryAll, screenLoaded, sectionHost } from './customer-screen.helpers.js';

const CLASSES: Array<[string, CustomElementConstructor]> = [
  ['customer-elements-provider', CustomerElementsProvider],
  ['watch-list-badge', WatchListBadge],
  ['customer-search', CustomerSearch],
  ['customer-card', CustomerCard],
  ['notes-panel', NotesPanel],
  ['address-book', AddressBook],
  ['order-detail', OrderDetail],
  ['order-table', OrderTable],
  ['customer-attachments', CustomerAttachments],
  ['customer-screen', CustomerScreen],
];
const DEFAULT_NAMES = CLASSES.map(([name]) => name);

// The host's registration, all in one task, as a host page's module does.
for (const [name, ctor] of CLASSES) defineElement(`acme-${name}`, ctor);

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

const provider = unsafeStatic('acme-customer-elements-provider');
const screen = unsafeStatic('acme-customer-screen');

describe('customer-screen under renamed tags', () => {
  it('is composed of the acme-* children only, given its client and locale by an acme provider', async () => {
    const wrapper = await fixture<HTMLElement>(staticHtml`<${provider} .client=${mocks.client} locale="de-DE">
      <${screen} customer-id=${mocks.db.fixtures.customers.creditTrade}></${screen}>
    </${provider}>`);
    const el = wrapper.querySelector<CustomerScreen>('acme-customer-screen')!;
    expect(el).to.be.instanceOf(CustomerScreen);
    await waitFor(() => screenLoaded(el), 'every section to load', 8_000);

    expect(['details', 'orders', 'notes', 'addresses', 'attachments'].map((s) => sectionHost(el, s)!.localName)).to.deep.equal([
      'acme-customer-card',
      'acme-order-table',
      'acme-notes-panel',
      'acme-address-book',
      'acme-customer-attachments',
    ]);
    expect(el.shadowRoot!.querySelector('[part~="watch-list-badge"]')!.localName).to.equal('acme-watch-list-badge');
    // Nothing anywhere in the tree uses, or registered, a default name.
    const everything = [el, ...deepQueryAll(el, '*')];
    expect(everything.filter((e) => DEFAULT_NAMES.includes(e.localName)).map((e) => e.localName)).to.deep.equal([]);
    expect(DEFAULT_NAMES.filter((name) => customElements.get(name) !== undefined)).to.deep.equal([]);
    // The provider's locale reaches the screen and its children.
    expect(el.shadowRoot!.querySelector('#heading-notes .title')!.textContent).to.equal('Notizen');
  });

  it('works: a note added through acme-notes-panel inside acme-customer-screen', async () => {
    const reference = await mocks.client.reference.get();
    const customer = await mocks.client.customers.create({
      name: 'Acme Renamed Ltd',
      type: 'public',
      salesChannelId: reference.salesChannels[0]!.id,
    });
    const el = await fixture<CustomerScreen>(
      staticHtml`<${screen} customer-id=${customer.id} .client=${mocks.client}></${screen}>`,
    );
    await waitFor(() => screenLoaded(el), 'every section to load', 8_000);
    const added: CustomEvent<NoteAddDetail>[] = [];
    el.addEventListener('note-add', (e) => added.push(e));

    const notes = sectionHost(el, 'notes')!;
    expect(notes.localName).to.equal('acme-notes-panel');
    await click(notes.shadowRoot!.querySelector('[part~="add-button"]')!);
    const textarea = await waitFor(() => {
      const dialog = notes.shadowRoot!.querySelector<HTMLDialogElement>('[part~="editor"]');
      return dialog?.open ? notes.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="textarea"]') : null;
    }, 'the note editor');
    expect(notes.shadowRoot!.activeElement).to.equal(textarea);
    await sendKeys({ type: 'Renamed tags, same behaviour.' });
    await click(notes.shadowRoot!.querySelector('[part~="save-button"]')!);
    await waitFor(
      () => deepQueryAll(notes, '[part~="note-text"]').some((n) => n.textContent!.trim() === 'Renamed tags, same behaviour.'),
      'the new note in the list',
    );
    // The child's event bubbles out of the screen as it is.
    expect(added).to.have.length(1);
    expect(added[0]!.detail.customerId).to.equal(customer.id);
    expect(deepQuery(el, 'notes-panel') === null).to.equal(true);
  });
});

describe('child tag resolution', () => {
  it('registers a class registered nowhere under its default name when free, else under a generated one, warning once', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      class Free extends HTMLElement {}
      expect(resolveTagName(Free, 'acme-test-free')).to.equal('acme-test-free');
      expect(customElements.get('acme-test-free')).to.equal(Free);

      class Theirs extends HTMLElement {}
      class Ours extends HTMLElement {}
      customElements.define('acme-test-taken', Theirs);
      expect(resolveTagName(Ours, 'acme-test-taken')).to.equal('acme-test-taken-2');
      expect(customElements.get('acme-test-taken-2')).to.equal(Ours);
      // Registered now: found by class, no new name, no second warning.
      expect(resolveTagName(Ours, 'acme-test-taken')).to.equal('acme-test-taken-2');
      expect(warnings.filter((w) => w.includes('acme-test-taken'))).to.have.length(1);
      expect(warnings[0]).to.contain('<acme-test-taken-2>');
    } finally {
      console.warn = warn;
    }
  });

  it('writes only valid custom element names into templates', () => {
    for (const good of ['acme-card', 'a-', 'x-ä', 'my-el.v2', 'acme-😀']) expect(isCustomElementName(good), good).to.equal(true);
    for (const bad of ['acme', 'Acme-card', '1-card', 'acme-card"><img src=x onerror=alert(1)>', 'acme card-x', 'font-face', '-acme']) {
      expect(isCustomElementName(bad), bad).to.equal(false);
    }
  });
});
