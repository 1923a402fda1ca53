import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ValidationError, type Client, type WatchList } from '../../src/sdk/index.js';
import type { WatchListBadge, WatchListChangeDetail } from '../../src/components/watch-list-badge/watch-list-badge.js';
// Registers every tag (the badge and the provider) as a page using the library would.
import { CustomerElementsProvider } from '../../src/components/define.js';
import {
  click,
  clientFor,
  deepActiveElement,
  expectAxeClean,
  hover,
  moveMouseAway,
  press,
  startMocks,
  tab,
  typeText,
  waitFor,
  type Mocks,
} from './helpers.js';

let mocks: Mocks;

before(async function () {
  // Starting the mock API (worker, data set) takes seconds on a busy machine: more than a test's 10 s.
  this.timeout(60_000);
  mocks = await startMocks();
});

afterEach(async () => {
  mocks.scenario.reset();
  await emulateMedia({ reducedMotion: 'no-preference' });
});

// ------------------------------------------------------------------------------------------------
// Looking at the badge as a user does
// ------------------------------------------------------------------------------------------------

const part = (el: WatchListBadge, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const trigger = (el: WatchListBadge) => part(el, 'trigger');
const tooltip = (el: WatchListBadge) => part(el, 'tooltip');
const dialog = (el: WatchListBadge) => el.shadowRoot!.querySelector('dialog');
const textarea = (el: WatchListBadge) => el.shadowRoot!.querySelector('textarea');
const shown = (node: Element | null | undefined): node is HTMLElement => {
  if (!node) return false;
  const rect = node.getBoundingClientRect();
  return getComputedStyle(node).visibility !== 'hidden' && rect.width > 0 && rect.height > 0;
};
const tooltipShown = (el: WatchListBadge) => shown(tooltip(el));
const editorOpen = (el: WatchListBadge) => !!dialog(el)?.open;
const focusables = (el: WatchListBadge) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, [tabindex], textarea, input, a[href]')].filter(shown);
const loaded = (el: WatchListBadge) => waitFor(() => shown(trigger(el)), 'the flag');

/** A customer not on the watch list, different for every test (the mock data lives for the file). */
let spare = 0;
function freshCustomer(): string {
  const ids = Object.values(mocks.db.fixtures.customers).filter(
    (id) => id !== mocks.db.fixtures.customers.watchListed && id !== mocks.db.fixtures.customers.hostile,
  );
  const id = ids[spare++];
  if (!id) throw new Error('Out of spare fixture customers');
  expect(mocks.db.watchListOf(id).active, `${id} starts off the list`).to.equal(false);
  return id;
}

async function putOnList(customerId: string, note: string): Promise<void> {
  await clientFor(mocks.tokens.admin).watchList.set(customerId, note, { version: mocks.db.watchListOf(customerId).version });
}

async function mount(
  attrs: { customerId: string; client?: Client; editable?: boolean; compact?: boolean; readonly?: boolean; locale?: string },
): Promise<WatchListBadge> {
  const client = attrs.client ?? clientFor(mocks.tokens.admin);
  return fixture<WatchListBadge>(html`<watch-list-badge
    customer-id=${attrs.customerId}
    .client=${client}
    ?editable=${attrs.editable}
    ?compact=${attrs.compact}
    ?readonly=${attrs.readonly}
    locale=${attrs.locale ?? 'en-GB'}
  ></watch-list-badge>`);
}

// ------------------------------------------------------------------------------------------------

describe('watch-list-badge', () => {
  it('shows a clear configuration message when it has no client', async () => {
    const el = await fixture<WatchListBadge>(html`<watch-list-badge customer-id="cus_1"></watch-list-badge>`);
    expect(el.shadowRoot!.textContent!.trim()).to.equal(
      'No API client: wrap this element in <customer-elements-provider base-url=…> or set its client property.',
    );
    await expectAxeClean(el);
  });

  it('flags a watch-listed customer and shows the full note on keyboard focus; Escape hides it', async () => {
    const { watchListed } = mocks.db.fixtures.customers;
    const note = mocks.db.watchListOf(watchListed).note!;
    expect(note).to.contain('Returned several items complaining of damage');
    const page = await fixture<HTMLElement>(html`<div>
      <button id="before">Before</button>
      <watch-list-badge customer-id=${watchListed} .client=${clientFor(mocks.tokens.admin)}></watch-list-badge>
      <button id="after">After</button>
    </div>`);
    const el = page.querySelector('watch-list-badge')!;
    await loaded(el);
    expect(shown(part(el, 'icon'))).to.equal(true);
    expect(tooltipShown(el)).to.equal(false);

    page.querySelector<HTMLButtonElement>('#before')!.focus();
    await tab();
    expect(deepActiveElement(), 'Tab reaches the flag').to.equal(trigger(el));
    await waitFor(() => tooltipShown(el), 'the tooltip on focus');
    expect(tooltip(el)!.textContent).to.contain(note);
    // The note is the flag's description for assistive technology.
    expect(tooltip(el)!.getAttribute('role')).to.equal('tooltip');
    expect(trigger(el)!.getAttribute('aria-describedby')).to.equal(tooltip(el)!.id);
    await expectAxeClean(el);

    await press('Escape');
    await waitFor(() => !tooltipShown(el), 'Escape to hide the tooltip');
    expect(deepActiveElement(), 'focus stays on the flag').to.equal(trigger(el));

    await tab();
    expect(deepActiveElement()).to.equal(page.querySelector('#after'));
    await tab(1, { shift: true });
    await waitFor(() => tooltipShown(el), 'the tooltip on focus again');
    await tab();
    await waitFor(() => !tooltipShown(el), 'the tooltip to go with the focus');
  });

  it('shows the note on hover, keeps it while the pointer is over it, and hides it when the pointer leaves', async () => {
    const { watchListed } = mocks.db.fixtures.customers;
    const el = await mount({ customerId: watchListed, client: clientFor(mocks.tokens.viewer) });
    await loaded(el);
    await hover(trigger(el)!);
    await waitFor(() => tooltipShown(el), 'the tooltip on hover');
    // WCAG 1.4.13: the pointer can move onto the tooltip without it vanishing.
    await hover(tooltip(el)!);
    expect(tooltipShown(el)).to.equal(true);
    await moveMouseAway();
    await waitFor(() => !tooltipShown(el), 'the tooltip to hide');
  });

  it('offers no editing to a user without watchlist.edit, nor when readonly', async () => {
    const { watchListed } = mocks.db.fixtures.customers;
    const viewer = clientFor(mocks.tokens.viewer);
    const el = await mount({ customerId: watchListed, client: viewer, editable: true });
    await loaded(el);
    // Wait for the capabilities to be known before asserting on their absence.
    await viewer.me.get();
    await el.updateComplete;
    expect(trigger(el)!.localName, 'the flag is not a button').to.not.equal('button');
    expect(focusables(el)).to.deep.equal([trigger(el)]);
    await click(trigger(el)!);
    expect(editorOpen(el)).to.equal(false);
    expect(dialog(el)).to.equal(null);
    await waitFor(() => tooltipShown(el), 'the note still shows');
    await expectAxeClean(el);

    const notListed = await mount({ customerId: freshCustomer(), client: viewer, editable: true });
    await viewer.watchList.get(notListed.customerId!);
    await notListed.updateComplete;
    expect(notListed.shadowRoot!.querySelector('button'), 'no "Add" for a viewer').to.equal(null);
    expect(notListed.getBoundingClientRect().width).to.equal(0);

    const admin = clientFor(mocks.tokens.admin);
    const readonly = await mount({ customerId: watchListed, client: admin, readonly: true });
    await loaded(readonly);
    await admin.me.get();
    await readonly.updateComplete;
    expect(trigger(readonly)!.localName).to.not.equal('button');
    expect(readonly.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('sets a note in one badge and every badge for that customer on the page shows it at once', async () => {
    const customerId = freshCustomer();
    const wrapper = await fixture<InstanceType<typeof CustomerElementsProvider>>(html`
      <customer-elements-provider base-url=${mocks.baseUrl} token=${mocks.tokens.clerk}>
        <p>Row 1 <watch-list-badge id="one" customer-id=${customerId} editable></watch-list-badge></p>
        <p>Row 2 <watch-list-badge id="two" customer-id=${customerId} compact></watch-list-badge></p>
      </customer-elements-provider>
    `);
    const one = wrapper.querySelector<WatchListBadge>('#one')!;
    const two = wrapper.querySelector<WatchListBadge>('#two')!;
    const add = await waitFor(() => part(one, 'add-button'), 'the quiet Add button');
    expect(add.textContent!.trim()).to.equal('Add to watch list');
    expect(two.shadowRoot!.querySelector('[part~="trigger"]'), 'nothing on the second badge yet').to.equal(null);
    await expectAxeClean(one);

    const changes: WatchListChangeDetail[] = [];
    wrapper.addEventListener('watch-list-change', (e) => changes.push(e.detail));

    await click(add);
    await waitFor(() => editorOpen(one), 'the editor');
    expect(deepActiveElement(), 'focus moves into the editor').to.equal(textarea(one));
    await expectAxeClean(one);
    const note = 'Pays late; call before dispatch. <img src=x onerror=alert(1)>';
    await typeText(note);
    await tab();
    expect(deepActiveElement()).to.equal(part(one, 'save-button'));
    await press('Enter');

    await waitFor(() => !editorOpen(one), 'the editor to close after saving');
    await waitFor(() => shown(trigger(two)), 'the second badge to show the flag, without reload');
    await waitFor(() => deepActiveElement() === trigger(one), 'focus back on the flag that replaced Add');
    expect(changes).to.deep.equal([{ customerId, active: true, note }]);
    expect(mocks.db.watchListOf(customerId)).to.include({ active: true, note });

    // The focused flag shows its note over the row below; Escape puts it away (WCAG 1.4.13).
    await waitFor(() => tooltipShown(one), 'the note of the focused flag');
    await press('Escape');
    await waitFor(() => !tooltipShown(one), 'Escape to hide it');
    await hover(trigger(two)!);
    await waitFor(() => tooltipShown(two), 'the second badge’s note');
    expect(tooltip(two)!.querySelector('.note')!.textContent).to.equal(note);
    expect(two.shadowRoot!.querySelector('img'), 'markup in a note stays text').to.equal(null);
    expect(one.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Watch-list note saved.');
  });

  it('edits and clears a note; Escape cancels an edit and returns focus', async () => {
    const customerId = freshCustomer();
    await putOnList(customerId, 'Old note');
    const client = clientFor(mocks.tokens.admin);
    const wrapper = await fixture<HTMLElement>(html`<div>
      <watch-list-badge id="one" customer-id=${customerId} .client=${client}></watch-list-badge>
      <watch-list-badge id="two" customer-id=${customerId} .client=${client}></watch-list-badge>
    </div>`);
    const one = wrapper.querySelector<WatchListBadge>('#one')!;
    const two = wrapper.querySelector<WatchListBadge>('#two')!;
    await loaded(one);
    await loaded(two);
    await waitFor(() => trigger(one)!.localName === 'button', 'the flag to become editable');
    const changes: WatchListChangeDetail[] = [];
    wrapper.addEventListener('watch-list-change', (e) => changes.push(e.detail));

    // Escape cancels: nothing saved, focus back on the flag.
    trigger(one)!.focus();
    await press('Enter');
    await waitFor(() => editorOpen(one), 'the editor');
    expect(textarea(one)!.value).to.equal('Old note');
    await typeText(' and more');
    await press('Escape');
    await waitFor(() => !editorOpen(one), 'Escape to close the editor');
    await waitFor(() => deepActiveElement() === trigger(one), 'focus back on the flag');
    expect(mocks.db.watchListOf(customerId).note).to.equal('Old note');
    expect(changes).to.deep.equal([]);

    // Edit.
    await press('Enter');
    await waitFor(() => editorOpen(one), 'the editor again');
    expect(textarea(one)!.value, 'a cancelled draft is gone').to.equal('Old note');
    await press('End');
    await typeText(' New part.');
    await click(part(one, 'save-button')!);
    await waitFor(() => !editorOpen(one), 'the save');
    await hover(trigger(two)!);
    await waitFor(() => tooltip(two)!.textContent!.includes('Old note New part.') && tooltipShown(two), 'the edit on badge two');
    await moveMouseAway();

    // Clear.
    await click(trigger(one)!);
    await waitFor(() => editorOpen(one), 'the editor for clearing');
    await expectAxeClean(one);
    await click(part(one, 'clear-button')!);
    await waitFor(() => !editorOpen(one), 'the clear');
    await waitFor(() => !trigger(two), 'badge two to lose its flag');
    expect(trigger(one)).to.equal(null);
    // Focus lands on the "Add" offered after a clear, not on <body>.
    await waitFor(() => deepActiveElement() === part(one, 'add-button'), 'focus on Add');
    expect(changes).to.deep.equal([
      { customerId, active: true, note: 'Old note New part.' },
      { customerId, active: false, note: null },
    ]);
    expect(mocks.db.watchListOf(customerId).active).to.equal(false);
    await expectAxeClean(one);
  });

  it('keeps the typed text when a save fails, says why, and saves on retry', async () => {
    const customerId = freshCustomer();
    // No SDK retry, so the single forced failure reaches the user (PUT is retried by default).
    const client = clientFor(mocks.tokens.admin, { retry: 0 });
    const el = await mount({ customerId, client, editable: true });
    await click(await waitFor(() => part(el, 'add-button'), 'Add'));
    await waitFor(() => editorOpen(el), 'the editor');
    await typeText('Disputes every delivery');

    mocks.scenario.failNext('watchList.set', 500);
    await click(part(el, 'save-button')!);
    const alert = await waitFor(() => el.shadowRoot!.querySelector('dialog [role="alert"]'), 'the error');
    expect(alert.textContent).to.contain('The server could not complete the request (error 500)');
    expect(editorOpen(el)).to.equal(true);
    expect(textarea(el)!.value).to.equal('Disputes every delivery');
    expect(mocks.db.watchListOf(customerId).active).to.equal(false);
    await expectAxeClean(el);

    await click(part(el, 'save-button')!);
    await waitFor(() => !editorOpen(el), 'the retry to save');
    expect(mocks.db.watchListOf(customerId)).to.include({ active: true, note: 'Disputes every delivery' });
    await waitFor(() => shown(trigger(el)), 'the flag');
  });

  it('a note changed by someone else: the conflict says what changed and keeps the draft; Reload, then Save writes it once', async () => {
    const customerId = freshCustomer();
    await putOnList(customerId, 'Their first note.');
    const el = await mount({ customerId });
    await loaded(el);
    await waitFor(() => trigger(el)!.localName === 'button', 'the flag to become editable');
    await click(trigger(el)!);
    await waitFor(() => editorOpen(el) && deepActiveElement() === textarea(el), 'the editor');
    await press('End');
    await typeText(' Mine too.');
    // Someone else edits the note meanwhile, through another client.
    await putOnList(customerId, 'Their second note.');

    await click(part(el, 'save-button')!);
    const conflict = await waitFor(() => part(el, 'conflict'), 'the conflict');
    expect(conflict.getAttribute('role')).to.equal('alert');
    expect(conflict.textContent).to.contain('The watch-list note was changed by someone else since you opened it.');
    const changes = await waitFor(() => part(el, 'conflict-changes'), 'what changed');
    expect(changes.textContent!.replace(/\s+/g, ' ')).to.contain('Watch-list note: Their first note. → Their second note.');
    expect(editorOpen(el)).to.equal(true);
    expect(textarea(el)!.value, 'the draft is kept').to.equal('Their first note. Mine too.');
    expect(mocks.db.watchListOf(customerId).note, 'nothing overwritten').to.equal('Their second note.');
    await expectAxeClean(el);

    await click(part(el, 'reload-button')!);
    await waitFor(() => part(el, 'changes'), 'the editor on their version');
    expect(part(el, 'conflict')).to.equal(null);
    expect(textarea(el)!.value, 'the draft survives Reload').to.equal('Their first note. Mine too.');
    await click(part(el, 'save-button')!);
    await waitFor(() => !editorOpen(el), 'the save');
    expect(mocks.db.watchListOf(customerId).note).to.equal('Their first note. Mine too.');
    const history = await clientFor(mocks.tokens.admin).notes.list(customerId, { source: 'system', limit: 50 }, { cache: 'reload' });
    expect(history.items.filter((n) => n.text.includes('Mine too.')), 'written once').to.have.length(1);
  });

  it('a note cleared by someone else meanwhile: the conflict says so; Reload, then Save puts it back on the list', async () => {
    const customerId = freshCustomer();
    await putOnList(customerId, 'Watch the returns.');
    const el = await mount({ customerId, locale: 'de-DE' });
    await loaded(el);
    await waitFor(() => trigger(el)!.localName === 'button', 'the flag to become editable');
    await click(trigger(el)!);
    await waitFor(() => editorOpen(el) && deepActiveElement() === textarea(el), 'the editor');
    await press('End');
    await typeText(' Still.');
    const other = clientFor(mocks.tokens.admin);
    await other.watchList.clear(customerId, { version: mocks.db.watchListOf(customerId).version });

    await click(part(el, 'save-button')!);
    const changes = await waitFor(() => part(el, 'conflict-changes'), 'what changed');
    expect(part(el, 'conflict')!.textContent).to.contain('Die Notiz zur Beobachtungsliste wurde von jemand anderem geändert');
    expect(changes.textContent!.replace(/\s+/g, ' ')).to.contain('Auf der Beobachtungsliste: Ja → Nein');
    expect(textarea(el)!.value).to.equal('Watch the returns. Still.');
    await click(part(el, 'reload-button')!);
    await waitFor(() => part(el, 'changes'), 'the editor on their version');
    await click(part(el, 'save-button')!);
    await waitFor(() => !editorOpen(el), 'the save');
    expect(mocks.db.watchListOf(customerId)).to.include({ active: true, note: 'Watch the returns. Still.' });
  });

  it('shows a missing note and the server’s field errors beside the field', async () => {
    const customerId = freshCustomer();
    const real = clientFor(mocks.tokens.admin);
    const rejecting = {
      ...real,
      watchList: {
        ...real.watchList,
        set: () =>
          Promise.reject(
            new ValidationError('Invalid', [{ field: 'note', message: 'That note mentions a card number.', code: 'pci' }], {
              status: 422,
            }),
          ),
      },
    } as Client;
    const el = await mount({ customerId, client: rejecting, editable: true });
    await click(await waitFor(() => part(el, 'add-button'), 'Add'));
    await waitFor(() => editorOpen(el), 'the editor');

    await typeText('   ');
    await click(part(el, 'save-button')!);
    const required = await waitFor(() => part(el, 'field-error'), 'the required message');
    expect(required.textContent!.trim()).to.equal('Write the watch-list note.');
    expect(textarea(el)!.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea(el)!.getAttribute('aria-describedby')).to.contain(required.id);
    expect(deepActiveElement()).to.equal(textarea(el));

    await typeText('Card 4111 1111 1111 1111');
    expect(part(el, 'field-error'), 'typing clears the message').to.equal(null);
    await click(part(el, 'save-button')!);
    const fieldError = await waitFor(() => part(el, 'field-error'), 'the server’s field error');
    expect(fieldError.textContent!.trim()).to.equal('That note mentions a card number.');
    expect(el.shadowRoot!.querySelector('dialog [role="alert"]')!.textContent).to.contain('Some of the details need attention');
    expect(textarea(el)!.value).to.equal('   Card 4111 1111 1111 1111');
    await expectAxeClean(el);
  });

  it('renders hostile note text as text, and it breaks no layout', async () => {
    const hostileNote = `<img src=x onerror="window.hacked=1"> \u202Egnp.exe\u202C invoice ${'Pneumonoultramicroscopic'.repeat(13).slice(0, 300)}`;
    const customerId = freshCustomer();
    await putOnList(customerId, hostileNote);
    const page = await fixture<HTMLElement>(html`<div class="row">
      <watch-list-badge customer-id=${customerId} .client=${clientFor(mocks.tokens.viewer)}></watch-list-badge>
      <watch-list-badge customer-id=${mocks.db.fixtures.customers.hostile} .client=${clientFor(mocks.tokens.viewer)}></watch-list-badge>
    </div>`);
    for (const el of page.querySelectorAll('watch-list-badge')) {
      await loaded(el);
      await hover(trigger(el)!);
      await waitFor(() => tooltipShown(el), 'the tooltip');
      const note = tooltip(el)!.querySelector('.note')!;
      expect(note.textContent).to.equal(mocks.db.watchListOf(el.customerId!).note);
      expect(el.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
      expect(el.shadowRoot!.querySelectorAll('svg').length, 'only the icon').to.equal(1);
      // The note is isolated: an RTL override inside it cannot reorder the text around it.
      expect(getComputedStyle(note).unicodeBidi).to.equal('isolate');
      const box = tooltip(el)!.getBoundingClientRect();
      expect(box.width, 'the tooltip keeps a readable width').to.be.at.most(window.innerWidth * 0.8 + 1);
      expect(tooltip(el)!.scrollWidth, 'the long word wraps').to.be.at.most(tooltip(el)!.clientWidth);
      expect(el.getBoundingClientRect().width, 'the flag itself stays small').to.be.below(200);
      await expectAxeClean(el);
      await moveMouseAway();
    }
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('uses the watchList the host already has, without fetching, and still follows writes', async () => {
    const customerId = freshCustomer();
    const real = clientFor(mocks.tokens.admin);
    let gets = 0;
    const counting = { ...real, watchList: { ...real.watchList, get: (...args: Parameters<Client['watchList']['get']>) => (gets++, real.watchList.get(...args)) } } as Client;
    const given: WatchList = { customerId, version: 0, active: true, note: 'From the host', updatedAt: null, updatedBy: null };
    const el = await fixture<WatchListBadge>(html`<watch-list-badge .client=${counting} .watchList=${given}></watch-list-badge>`);
    await loaded(el);
    expect(el.customerId ?? el.effectiveId).to.equal(customerId);
    expect(gets).to.equal(0);
    await hover(trigger(el)!);
    await waitFor(() => tooltipShown(el) && tooltip(el)!.textContent!.includes('From the host'), 'the host’s note');
    await real.watchList.set(customerId, 'Changed through the shared client', { version: mocks.db.watchListOf(customerId).version });
    await waitFor(() => tooltip(el)?.textContent?.includes('Changed through the shared client'), 'the write to show');
  });

  it('has a compact form whose label is still read out', async () => {
    const el = await mount({ customerId: mocks.db.fixtures.customers.watchListed, compact: true });
    await loaded(el);
    await waitFor(() => trigger(el)!.localName === 'button', 'the editable flag');
    expect(trigger(el)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Watch list, edit the note');
    expect(trigger(el)!.querySelector('.label')!.getBoundingClientRect().width, 'no visible label').to.be.at.most(1);
    expect(trigger(el)!.getBoundingClientRect().width).to.be.below(40);
    expect(trigger(el)!.getBoundingClientRect().height).to.be.at.least(24);
    await expectAxeClean(el);
  });

  it('in decorative form shows the flag with nothing to focus (for listbox options and grid cells)', async () => {
    const el = await fixture<WatchListBadge>(html`<watch-list-badge
      customer-id=${mocks.db.fixtures.customers.watchListed}
      decorative
      .client=${clientFor(mocks.tokens.admin)}
    ></watch-list-badge>`);
    await loaded(el);
    expect(trigger(el)!.textContent!.trim()).to.equal('Watch list');
    expect(focusables(el)).to.deep.equal([]);
    expect(tooltip(el)).to.equal(null);
    await expectAxeClean(el);
  });

  it('speaks German when its locale (or its provider’s) says so', async () => {
    const el = await fixture<WatchListBadge>(html`<watch-list-badge
      customer-id=${mocks.db.fixtures.customers.watchListed}
      locale="de-DE"
      .client=${clientFor(mocks.tokens.admin)}
    ></watch-list-badge>`);
    await loaded(el);
    await waitFor(() => trigger(el)!.localName === 'button', 'the editable flag');
    expect(trigger(el)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Beobachtungsliste, Notiz bearbeiten');
  });

  it('takes its colours from the theme files (dark) and its size from the component token', async () => {
    const links = ['tokens', 'dark'].map((name) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `/src/themes/${name}.css`;
      document.head.append(link);
      return link;
    });
    try {
      await Promise.all(links.map((link) => new Promise((resolve) => (link.sheet ? resolve(null) : link.addEventListener('load', resolve)))));
      const el = await fixture<WatchListBadge>(html`<watch-list-badge
        customer-id=${mocks.db.fixtures.customers.watchListed}
        .client=${clientFor(mocks.tokens.admin)}
      ></watch-list-badge>`);
      el.style.setProperty('--watch-list-badge-size', '40px');
      await loaded(el);
      const icon = part(el, 'icon')!;
      expect(getComputedStyle(icon).backgroundColor, 'amber-400 in the dark theme').to.equal('rgb(251, 191, 36)');
      expect(icon.getBoundingClientRect().width).to.equal(40);
    } finally {
      for (const link of links) link.remove();
    }
  });

  it('keeps its tooltip on screen at the end of a row and the foot of the page', async () => {
    const page = await fixture<HTMLElement>(html`<div class="corner">
      <watch-list-badge customer-id=${mocks.db.fixtures.customers.hostile} .client=${clientFor(mocks.tokens.viewer)}></watch-list-badge>
    </div>`);
    // Put the badge in the bottom-right corner of the viewport, as in a dispatch queue's last cell.
    Object.assign(page.style, { position: 'fixed', insetInlineEnd: '0', insetBlockEnd: '0' });
    const el = page.querySelector('watch-list-badge')!;
    await loaded(el);
    await hover(trigger(el)!);
    await waitFor(() => tooltipShown(el), 'the tooltip');
    const box = tooltip(el)!.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(document.documentElement.clientWidth);
    expect(box.top).to.be.at.least(0);
    expect(box.bottom).to.be.at.most(document.documentElement.clientHeight);
  });

  it('stays usable and axe-clean in forced colours (Windows high contrast)', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <button id="before">Before</button>
        <watch-list-badge customer-id=${mocks.db.fixtures.customers.watchListed} .client=${clientFor(mocks.tokens.admin)}></watch-list-badge>
      </div>`);
      const el = page.querySelector('watch-list-badge')!;
      await loaded(el);
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      await tab();
      await waitFor(() => tooltipShown(el), 'the tooltip on focus');
      expect(getComputedStyle(trigger(el)!).outlineStyle, 'a visible focus ring').to.not.equal('none');
      await expectAxeClean(el);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('pulses to catch the eye, and holds still under prefers-reduced-motion', async () => {
    const { watchListed } = mocks.db.fixtures.customers;
    const moving = await mount({ customerId: watchListed });
    await loaded(moving);
    const animations = moving.shadowRoot!.getAnimations();
    expect(animations.map((a) => (a as CSSAnimation).animationName)).to.include('wlb-pulse');
    expect(getComputedStyle(part(moving, 'icon')!, '::after').animationName).to.equal('wlb-pulse');

    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await mount({ customerId: watchListed });
    await loaded(still);
    expect(still.shadowRoot!.getAnimations()).to.deep.equal([]);
    expect(getComputedStyle(part(still, 'icon')!, '::after').animationName).to.equal('none');
    expect(getComputedStyle(part(still, 'icon')!).boxShadow, 'a steady highlight instead').to.not.equal('none');
    await expectAxeClean(still);
  });
});
