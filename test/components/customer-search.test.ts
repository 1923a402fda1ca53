import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Client } from '../../src/sdk/index.js';
import { SEARCH_CRITERIA, type CustomerSearchQuery, type CustomerSummary, type Page } from '../../src/sdk/schemas.js';
import type { ReadOptions } from '../../src/sdk/cache.js';
import { initialOf, nameTokens } from '../../mocks/data/search-index.js';
import { CustomerSearch, type CustomerSelectDetail } from '../../src/components/customer-search/customer-search.js';
import { defineElement } from '../../src/components/shared/define.js';
import { click, clientFor, expectAxeClean, startMocks, waitFor } from './helpers.js';

// Registers the class alone, as a host does through the class-only entry: no <watch-list-badge> on
// the page until a test registers it (the package's `customer-search` entry registers both, see
// customer-search-entry.test.ts).
defineElement('customer-search', CustomerSearch);

type Mocks = Awaited<ReturnType<typeof startMocks>>;
let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  // Enough customers for several pages under one letter; the rest of the data set stays small.
  mocks = await startMocks({ size: { customers: 400, orders: 200, bigCustomerOrders: 200, manyNotes: 60 } });
});

afterEach(() => {
  mocks.scenario.reset();
});

// ------------------------------------------------------------------------------------------------
// Driving the element as a user does
// ------------------------------------------------------------------------------------------------

const root = (el: CustomerSearch) => el.shadowRoot!;
const input = (el: CustomerSearch) => root(el).querySelector<HTMLInputElement>('[part~="input"]')!;
const listbox = (el: CustomerSearch) => root(el).querySelector<HTMLElement>('[part~="listbox"]')!;
const options = (el: CustomerSearch) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const ids = (el: CustomerSearch) => options(el).map((o) => o.dataset.customerId);
const statusText = (el: CustomerSearch) => root(el).querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
const letter = (el: CustomerSearch, l: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part~="letter"]')].find((b) => b.textContent!.trim() === l)!;
const focused = (el: CustomerSearch) => root(el).activeElement;
const visible = (node: Element | null) => !!node && (node as HTMLElement).offsetParent !== null;
const expanded = (el: CustomerSearch) => input(el).getAttribute('aria-expanded') === 'true';
const activeOption = (el: CustomerSearch) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id) : null;
};
/** The search has answered and nothing is in flight. */
const idle = (el: CustomerSearch) => listbox(el).getAttribute('aria-busy') === 'false';

async function mount(
  settings: { client?: Client; debounce?: number; pageSize?: number } = {},
): Promise<CustomerSearch> {
  // A fresh client per test: a fresh cache, so every test asks the mock server itself.
  const client = settings.client ?? clientFor(mocks.tokens.admin);
  const el = await fixture<CustomerSearch>(html`<customer-search
    .client=${client}
    .debounce=${settings.debounce ?? 60}
    .pageSize=${settings.pageSize ?? 25}
  ></customer-search>`);
  return el;
}

/** Types into the search box with real key presses. */
async function typeQuery(el: CustomerSearch, text: string) {
  await click(input(el));
  await sendKeys({ type: text });
}

/** Chooses a criterion the way a keyboard user does: focus the select, arrow to the option. */
async function chooseWithKeyboard(select: HTMLSelectElement, value: string) {
  select.focus();
  const target = [...select.options].findIndex((o) => o.value === value);
  expect(target, `option ${value}`).to.be.greaterThan(-1);
  for (let step = 0; step < 20 && select.selectedIndex !== target; step++) {
    await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
  }
  expect(select.value).to.equal(value);
}

/** A client whose `customers.search` goes through `search` (to count, gate or inspect calls). */
function wrapSearch(
  client: Client,
  search: (query: CustomerSearchQuery, opts: ReadOptions | undefined, real: Client['customers']['search']) => Promise<Page<CustomerSummary>>,
): Client {
  const real = client.customers.search.bind(client.customers);
  const customers = new Proxy(client.customers, {
    get: (target, key, receiver) =>
      key === 'search' ? (q: CustomerSearchQuery, o?: ReadOptions) => search(q ?? {}, o, real) : Reflect.get(target, key, receiver),
  });
  return new Proxy(client, {
    get: (target, key, receiver) => (key === 'customers' ? customers : Reflect.get(target, key, receiver)),
  });
}

/** A name word that finds `customerId` among at most `max` customers, typeable on a keyboard. */
function nameWordFor(customerId: string, max = 25): string {
  const customer = mocks.db.getCustomer(customerId)!;
  const words = nameTokens(customer.name).filter((w) => /^[a-z0-9]{3,}$/.test(w));
  const scored = words
    .map((w) => ({ w, n: mocks.db.searchCustomers({ q: w, criterion: 'name' }).length }))
    .filter(({ n }) => n <= max)
    .sort((a, b) => a.n - b.n || a.w.length - b.w.length);
  expect(scored.length, `a searchable word in ${customer.name}`).to.be.greaterThan(0);
  return scored[0]!.w;
}

/** A typeable name word that finds one customer while its first two letters find several. */
function broadPrefixWord(): string {
  for (const customer of mocks.db.searchCustomers({ initial: 'M' }).concat(mocks.db.searchCustomers({ initial: 'S' }))) {
    for (const word of nameTokens(customer.name)) {
      if (!/^[a-z]{4,12}$/.test(word)) continue;
      if (mocks.db.searchCustomers({ q: word, criterion: 'name' }).length !== 1) continue;
      if (mocks.db.searchCustomers({ q: word.slice(0, 2), criterion: 'name' }).length < 3) continue;
      return word;
    }
  }
  throw new Error('no name word with a broad prefix in the data set');
}

/** A letter whose customers fill more than `min` results. */
function busyLetter(min: number): string {
  for (const l of 'MSBCHPDAKLTRW') if (mocks.db.searchCustomers({ initial: l }).length > min) return l;
  throw new Error(`no letter with more than ${min} customers`);
}

// ------------------------------------------------------------------------------------------------

describe('customer-search', () => {
  it('is axe-clean when empty, offers every criterion with a clear label, and does not search yet', async () => {
    const el = await mount();
    const select = root(el).querySelector<HTMLSelectElement>('[part~="criterion-select"]')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal([...SEARCH_CRITERIA]);
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'Name or part of it', 'Email', 'Postcode', 'Order number', 'Invoice number', 'eBay user ID',
      'Tracking number', 'Amazon order ID', 'Order reference', 'External order reference', 'Dispatch identifier',
    ]);
    const segment = root(el).querySelector<HTMLSelectElement>('[part~="segment-select"]')!;
    expect([...segment.options].map((o) => o.textContent!.trim())).to.deep.equal(['All customers', 'Trade customers', 'Retail customers']);
    expect(input(el).getAttribute('role')).to.equal('combobox');
    expect(input(el).getAttribute('aria-controls')).to.equal(listbox(el).id);
    expect(expanded(el)).to.equal(false);
    expect(options(el)).to.have.length(0);
    await expectAxeClean(el);
  });

  describe('finds the fixture customer of every criterion by typing its value', () => {
    for (const criterion of SEARCH_CRITERIA) {
      it(criterion, async () => {
        const { q, customerId } = mocks.db.fixtures.search[criterion];
        const el = await mount();
        await chooseWithKeyboard(root(el).querySelector<HTMLSelectElement>('[part~="criterion-select"]')!, criterion);
        expect(el.criterion).to.equal(criterion);
        await typeQuery(el, q);
        expect(el.query).to.equal(q);
        await waitFor(() => idle(el) && ids(el).join() === customerId, `${criterion} "${q}" finds ${customerId}`);
        expect(expanded(el)).to.equal(true);
        expect(statusText(el)).to.equal('1 customer found');
        const name = options(el)[0]!.querySelector('[part~="option-name"]')!.textContent;
        expect(name).to.equal(mocks.db.getCustomer(customerId)!.name);
      });
    }
  });

  it('waits for the minimum length of the criterion before searching', async () => {
    let calls = 0;
    const client = wrapSearch(clientFor(mocks.tokens.admin), (q, o, real) => {
      calls++;
      return real(q, o);
    });
    const el = await mount({ client });
    await typeQuery(el, 'a');
    await waitFor(() => /at least 2 characters/.test(statusText(el)), 'a hint about the minimum length');
    expect(calls).to.equal(0);
    expect(expanded(el)).to.equal(false);
  });

  it('debounces typing: one search for a burst of key presses', async () => {
    const seen: string[] = [];
    const client = wrapSearch(clientFor(mocks.tokens.admin), (q, o, real) => {
      seen.push(q.q ?? '');
      return real(q, o);
    });
    const el = await mount({ client, debounce: 250 });
    const word = nameWordFor(mocks.db.fixtures.customers.onHold);
    await typeQuery(el, word);
    await waitFor(() => idle(el) && options(el).length > 0, 'results');
    expect(seen).to.deep.equal([word]);
  });

  it('filters trade and retail customers', async () => {
    const el = await mount();
    const l = busyLetter(10);
    await click(letter(el, l));
    await waitFor(() => idle(el) && options(el).length > 0, 'results for a letter');
    const typesOf = () => ids(el).map((id) => mocks.db.getCustomer(id!)!.type);
    const all = new Set(typesOf());
    const segment = root(el).querySelector<HTMLSelectElement>('[part~="segment-select"]')!;

    await chooseWithKeyboard(segment, 'trade');
    await waitFor(() => idle(el) && options(el).length > 0 && typesOf().every((t) => t !== 'public'), 'trade customers only');
    expect(el.segment).to.equal('trade');
    for (const o of options(el)) expect(o.querySelector('[part~="option-meta"]')!.textContent).to.match(/Retailer|Agent/);

    await chooseWithKeyboard(segment, 'retail');
    await waitFor(() => idle(el) && options(el).length > 0 && typesOf().every((t) => t === 'public'), 'retail customers only');
    for (const o of options(el)) expect(o.querySelector('[part~="option-meta"]')!.textContent).to.contain('Public');
    expect(all.size, 'the unfiltered list mixed types').to.be.greaterThan(1);
  });

  it('filters by initial letter from a toolbar with aria-pressed and arrow keys', async () => {
    const el = await mount();
    const toolbar = root(el).querySelector('[part~="alphabet"]')!;
    expect(toolbar.getAttribute('role')).to.equal('toolbar');
    expect([...toolbar.querySelectorAll('[part~="letter"]')].map((b) => b.textContent!.trim()).join('')).to.equal(
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ#',
    );
    // Only one letter is in the Tab order (roving tabindex).
    expect(toolbar.querySelectorAll('[tabindex="0"]')).to.have.length(1);

    await click(letter(el, 'K'));
    expect(letter(el, 'K').getAttribute('aria-pressed')).to.equal('true');
    const namesStartWith = (l: string) =>
      options(el).length > 0 && options(el).every((o) => initialOf(o.querySelector('[part~="option-name"]')!.textContent!) === l);
    await waitFor(() => idle(el) && namesStartWith('K'), 'names starting with K');

    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(letter(el, 'L'));
    await sendKeys({ press: 'Enter' });
    expect(letter(el, 'L').getAttribute('aria-pressed')).to.equal('true');
    expect(letter(el, 'K').getAttribute('aria-pressed')).to.equal('false');
    expect(el.initial).to.equal('L');
    await waitFor(() => idle(el) && namesStartWith('L'), 'names starting with L');

    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(letter(el, '#'));
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(letter(el, 'A'), 'wraps to the start');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal(letter(el, '#'), 'wraps to the end');
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(letter(el, 'A'));

    // Pressing the pressed letter again clears the filter.
    await click(letter(el, 'L'));
    expect(letter(el, 'L').getAttribute('aria-pressed')).to.equal('false');
    expect(el.initial).to.equal('');
  });

  it('is keyboard complete: arrows, Home/End, Enter selects, Escape closes then clears, Tab leaves', async () => {
    const el = await mount();
    const selections: CustomerSelectDetail[] = [];
    el.addEventListener('customer-select', (e) => selections.push(e.detail));
    const word = busyLetter(5);
    // Browse a letter, then work the list from the search box.
    await click(letter(el, word));
    await waitFor(() => idle(el) && options(el).length >= 5, 'several results');
    expect(selections, 'results alone select nothing').to.have.length(0);
    await click(input(el));
    const opts = options(el);

    await sendKeys({ press: 'ArrowDown' });
    expect(activeOption(el)).to.equal(opts[0]);
    expect(opts[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(activeOption(el)).to.equal(opts[2]);
    expect(opts[0]!.getAttribute('aria-selected')).to.equal('false');
    await sendKeys({ press: 'ArrowUp' });
    expect(activeOption(el)).to.equal(opts[1]);
    await sendKeys({ press: 'End' });
    expect(activeOption(el)).to.equal(options(el).at(-1));
    await sendKeys({ press: 'Home' });
    expect(activeOption(el)).to.equal(opts[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el), 'focus stays in the box').to.equal(input(el));

    await sendKeys({ press: 'Enter' });
    expect(selections).to.have.length(1);
    expect(selections[0]!.customerId).to.equal(opts[1]!.dataset.customerId);
    expect(selections[0]!.customer.id).to.equal(opts[1]!.dataset.customerId);
    expect(selections[0]!.customer.name).to.equal(mocks.db.getCustomer(selections[0]!.customerId)!.name);
    expect(expanded(el), 'a choice closes the list').to.equal(false);

    // ArrowDown opens the list again; Escape closes it, a second Escape clears the box.
    await typeQuery(el, 'ab');
    await waitFor(() => expanded(el), 'open while typing');
    await sendKeys({ press: 'Escape' });
    expect(expanded(el)).to.equal(false);
    expect(input(el).value).to.equal('ab');
    await sendKeys({ press: 'ArrowDown' });
    expect(expanded(el)).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    expect(input(el).value).to.equal('');
    expect(el.query).to.equal('');

    // Tab leaves the box (to Load more, or out of the element) and closes the list when focus leaves.
    await sendKeys({ press: 'ArrowDown' });
    expect(expanded(el)).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.not.equal(input(el));
    expect(selections, 'Tab selects nothing').to.have.length(1);
  });

  it('selects with a click and fires customer-select that bubbles out of the shadow root', async () => {
    const { q, customerId } = mocks.db.fixtures.search.email;
    const el = await mount();
    const wrapper = el.parentElement!;
    const heard: Array<CustomEvent<CustomerSelectDetail>> = [];
    wrapper.addEventListener('customer-select', (e) => heard.push(e as CustomEvent<CustomerSelectDetail>));
    await chooseWithKeyboard(root(el).querySelector<HTMLSelectElement>('[part~="criterion-select"]')!, 'email');
    await typeQuery(el, q);
    await waitFor(() => idle(el) && ids(el).join() === customerId, 'the email fixture');
    await click(options(el)[0]!);
    expect(heard).to.have.length(1);
    expect(heard[0]!.detail.customerId).to.equal(customerId);
    expect(heard[0]!.composed).to.equal(true);
    expect(focused(el), 'the click leaves focus in the box').to.equal(input(el));
    expect(location.hash, 'never navigates').to.equal('');
  });

  it('never lets a slow older response replace a newer one', async () => {
    // A name word whose 2-letter prefix matches many customers and which alone matches one: the
    // first search (the prefix) and the last (the word) have plainly different answers.
    const word = broadPrefixWord();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstDone!: Promise<Page<CustomerSummary>>;
    const seen: string[] = [];
    // The first search answers only after the last, and ignores its abort signal, as a slow
    // network or a cache without abort would: the component must still drop it.
    const client = wrapSearch(clientFor(mocks.tokens.admin), (q, o, real) => {
      seen.push(q.q ?? '');
      if (seen.length === 1) {
        firstDone = real(q).then(async (page) => {
          await gate;
          return page;
        });
        return firstDone;
      }
      return real(q, o);
    });
    // No pause: every key press past the minimum length searches, the first one held back.
    const el = await mount({ client, debounce: 0 });
    await typeQuery(el, word);
    expect(seen[0]).to.equal(word.slice(0, 2));
    expect(seen.length).to.be.greaterThan(1);
    await waitFor(() => idle(el) && ids(el).length === 1, 'the newer answer');
    const newer = ids(el).join();
    release();
    const older = await firstDone;
    expect(older.items.length, 'the older answer differs').to.be.greaterThan(1);
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(ids(el).join()).to.equal(newer);
    expect(statusText(el)).to.equal('1 customer found');
  });

  it('aborts the previous request, shows a loading state and keeps focus in the box', async () => {
    const signals: AbortSignal[] = [];
    const client = wrapSearch(clientFor(mocks.tokens.admin), (q, o, real) => {
      if (o?.signal) signals.push(o.signal);
      return real(q, o);
    });
    const el = await mount({ client, debounce: 0 });
    mocks.scenario.latency = 3000;
    const { q, customerId } = mocks.db.fixtures.search.name;
    await typeQuery(el, q.slice(0, 3));
    await waitFor(() => statusText(el) === 'Searching…', 'a loading state');
    expect(focused(el)).to.equal(input(el));
    expect(listbox(el).getAttribute('aria-busy')).to.equal('true');
    mocks.scenario.latency = 0;
    await sendKeys({ type: q.slice(3) });
    await waitFor(() => idle(el) && ids(el).join() === customerId, 'the newer answer');
    expect(signals.length).to.be.greaterThan(1);
    expect(signals[0]!.aborted, 'the first request was aborted').to.equal(true);
    expect(focused(el)).to.equal(input(el));
  });

  it('says when nothing matches, in the list and to screen readers, and stays axe-clean', async () => {
    const el = await mount();
    await typeQuery(el, 'qxzqxzqxz');
    // On a busy machine a pause between key presses searches a prefix first ("qxzqxzqx"), which
    // matches nothing too: wait for the answer to the whole query.
    const empty = () => root(el).querySelector('[part~="empty"]');
    await waitFor(() => visible(empty()) && empty()!.textContent!.includes('“qxzqxzqxz”'), 'the no-results message for the query');
    expect(empty()!.textContent).to.contain('No customers match “qxzqxzqxz”');
    expect(root(el).querySelector('[part~="status"]')!.getAttribute('role')).to.equal('status');
    expect(options(el)).to.have.length(0);
    await expectAxeClean(el);
  });

  it('lets the host replace the no-results text through the empty slot', async () => {
    const el = await fixture<CustomerSearch>(html`<customer-search .client=${clientFor(mocks.tokens.admin)} .debounce=${0}
      ><button slot="empty" type="button">Create a customer</button></customer-search
    >`);
    await typeQuery(el, 'qxzqxzqxz');
    const slot = await waitFor(() => root(el).querySelector<HTMLSlotElement>('[part~="empty"] slot[name="empty"]'), 'the empty slot');
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Create a customer']);
    expect(visible(el.querySelector('button'))).to.equal(true);
    expect(statusText(el)).to.contain('No customers match');
  });

  it('shows a clear error with a Retry that works, and stays axe-clean', async () => {
    const { q, customerId } = mocks.db.fixtures.search.postcode;
    // Enough failures for the SDK's own retries of an idempotent read.
    mocks.scenario.failNext('customers.search', 500, 10);
    const el = await mount();
    await chooseWithKeyboard(root(el).querySelector<HTMLSelectElement>('[part~="criterion-select"]')!, 'postcode');
    await typeQuery(el, q);
    await waitFor(() => visible(root(el).querySelector('[part~="error"]')), 'the error', 10_000);
    const error = root(el).querySelector('[part~="error"]')!;
    expect(error.textContent).to.match(/could not complete the request/);
    expect(error.textContent).to.not.match(/Error:|at \w|stack/i);
    await expectAxeClean(el);
    mocks.scenario.reset();
    await click(error.querySelector('button')!);
    await waitFor(() => idle(el) && expanded(el) && ids(el).join() === customerId, 'results after Retry');
    expect(root(el).querySelector('[part~="error"]')).to.equal(null);
    expect(focused(el), 'focus returns to the box when Retry goes away').to.equal(input(el));
  });

  it('pages: Load more, ArrowDown past the end, and scrolling, with total and set size', async () => {
    const l = busyLetter(30);
    const total = mocks.db.searchCustomers({ initial: l }).length;
    const el = await mount({ pageSize: 10 });
    await click(letter(el, l));
    await waitFor(() => idle(el) && options(el).length === 10, 'the first page');
    expect(statusText(el)).to.equal(`Showing 10 of ${total}`);
    expect(options(el)[0]!.getAttribute('aria-setsize')).to.equal(String(total));
    expect(options(el)[9]!.getAttribute('aria-posinset')).to.equal('10');
    await expectAxeClean(el);

    await click(root(el).querySelector('[part~="load-more"]')!);
    await waitFor(() => idle(el) && options(el).length === 20, 'the second page');
    expect(statusText(el)).to.equal(`Showing 20 of ${total}`);
    expect(options(el)[10]!.getAttribute('aria-posinset')).to.equal('11');
    expect(new Set(ids(el)).size, 'no duplicates').to.equal(20);

    // Keyboard: End, then ArrowDown past the last loaded option loads the next page and moves on.
    await click(input(el));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    expect(activeOption(el)).to.equal(options(el)[19]);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => options(el).length === 30 && activeOption(el) === options(el)[20], 'the third page, 21st active');

    // Scrolling to the bottom of the list loads more too.
    const list = listbox(el);
    list.scrollTop = list.scrollHeight;
    await waitFor(() => options(el).length === Math.min(40, total), 'the fourth page by scrolling');
    expect(ids(el)).to.deep.equal(
      mocks.db.searchCustomers({ initial: l }).slice(0, options(el).length).map((c) => c.id),
      'pages in the server order',
    );
  });

  it('End lands on the last result deterministically: it never loads by itself, and while a page loads it lands on that page\'s last', async () => {
    const l = busyLetter(30);
    // Every next page waits until the test lets it through, as a slow network would.
    const held: Array<() => void> = [];
    const cursors: string[] = [];
    const client = wrapSearch(clientFor(mocks.tokens.admin), async (q, o, real) => {
      if (q.cursor) {
        cursors.push(q.cursor);
        await new Promise<void>((resolve) => held.push(resolve));
      }
      return real(q, o);
    });
    const el = await mount({ client, pageSize: 10 });
    await click(letter(el, l));
    await waitFor(() => idle(el) && options(el).length === 10, 'the first page');
    await click(input(el));
    await sendKeys({ press: 'ArrowDown' });
    const list = listbox(el);
    expect(list.scrollHeight, 'the list scrolls').to.be.greaterThan(list.clientHeight);

    // End scrolls the last result into view; that scroll is not the user asking for more.
    const scrolled = new Promise((resolve) => list.addEventListener('scroll', resolve, { once: true }));
    await sendKeys({ press: 'End' });
    await scrolled;
    await el.updateComplete;
    expect(activeOption(el)).to.equal(options(el)[9]);
    expect(cursors, 'End loaded nothing').to.deep.equal([]);
    expect(idle(el)).to.equal(true);

    // ArrowDown past the end asks for the next page; End while it loads waits for its last result.
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => held.length === 1 && !idle(el), 'the second page on its way');
    await sendKeys({ press: 'End' });
    expect(activeOption(el)).to.equal(options(el)[9], 'the last result known so far');
    held.shift()!();
    await waitFor(() => idle(el) && options(el).length === 20, 'the second page');
    expect(activeOption(el)).to.equal(options(el)[19], 'End lands on the new last result');
    expect(cursors).to.have.length(1);

    // A move made while a page loads wins over the ArrowDown that asked for it.
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => held.length === 1 && !idle(el), 'the third page on its way');
    await sendKeys({ press: 'Home' });
    expect(activeOption(el)).to.equal(options(el)[0]);
    held.shift()!();
    await waitFor(() => idle(el) && options(el).length === 30, 'the third page');
    expect(activeOption(el)).to.equal(options(el)[0], 'the late page does not move the user');
    expect(focused(el)).to.equal(input(el));
  });

  it('drops a "Load more" page that arrives after the search changed', async () => {
    const l = busyLetter(12);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let lateDone: Promise<Page<CustomerSummary>> | undefined;
    const client = wrapSearch(clientFor(mocks.tokens.admin), (q, o, real) => {
      if (q.cursor && !lateDone) {
        lateDone = real(q).then(async (page) => {
          await gate;
          return page;
        });
        return lateDone;
      }
      return real(q, o);
    });
    const el = await mount({ client, pageSize: 5 });
    await click(letter(el, l));
    await waitFor(() => idle(el) && options(el).length === 5, 'the first page');
    await click(root(el).querySelector('[part~="load-more"]')!);
    await waitFor(() => lateDone !== undefined, 'the held second page');
    // The user moves on to another letter before the second page of the first one arrives.
    const other = 'MSBCHPDAKLTRW'.split('').find((x) => x !== l && mocks.db.searchCustomers({ initial: x }).length > 0)!;
    await click(letter(el, other));
    const expected = mocks.db.searchCustomers({ initial: other }).slice(0, 5).map((c) => c.id);
    await waitFor(() => idle(el) && ids(el).join() === expected.join(), 'the other letter');
    release();
    const late = await lateDone!;
    expect(late.items.length).to.be.greaterThan(0);
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(ids(el)).to.deep.equal(expected);
  });

  it('shows the watch-list and on-hold flags unmistakably', async () => {
    const el = await mount();
    const { watchListed, onHold } = mocks.db.fixtures.customers;

    await typeQuery(el, nameWordFor(onHold));
    await waitFor(() => idle(el) && ids(el).includes(onHold), 'the on-hold customer');
    let option = options(el).find((o) => o.dataset.customerId === onHold)!;
    const flag = option.querySelector('[part~="on-hold-flag"]')!;
    expect(flag.textContent).to.contain('On hold');
    expect(visible(flag)).to.equal(true);
    for (const other of options(el).filter((o) => !mocks.db.getCustomer(o.dataset.customerId!)!.onHold)) {
      expect(other.querySelector('[part~="on-hold-flag"]')).to.equal(null);
    }

    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await sendKeys({ type: nameWordFor(watchListed) });
    await waitFor(() => idle(el) && ids(el).includes(watchListed), 'the watch-listed customer');
    option = options(el).find((o) => o.dataset.customerId === watchListed)!;
    // No <watch-list-badge> is registered on this page: the text flag stands in.
    expect(option.querySelector('[part~="watch-list-flag"]')!.textContent).to.contain('Watch list');
    await expectAxeClean(el);
  });

  it('renders hostile server text as text, runs nothing, and never overflows', async () => {
    const hostileId = mocks.db.fixtures.customers.hostile;
    const hostile = mocks.db.getCustomer(hostileId)!;
    const alerts: unknown[] = [];
    const realAlert = window.alert;
    window.alert = (message?: unknown) => void alerts.push(message);
    try {
      const container = await fixture<HTMLDivElement>(html`<div class="narrow"></div>`);
      container.style.setProperty('inline-size', '320px');
      const el = document.createElement('customer-search');
      el.client = clientFor(mocks.tokens.admin);
      el.debounce = 0;
      container.append(el);
      await el.updateComplete;
      await click(letter(el, initialOf(hostile.name)));
      await typeQuery(el, nameWordFor(hostileId));
      await waitFor(() => idle(el) && ids(el).includes(hostileId), 'the hostile customer');
      const option = options(el).find((o) => o.dataset.customerId === hostileId)!;
      expect(option.querySelector('[part~="option-name"]')!.textContent).to.equal(hostile.name);
      if (hostile.email) expect(option.textContent).to.contain(hostile.email);
      expect(root(el).querySelectorAll('script, img, iframe, object, embed, svg, a, form, [onerror], [onload], [onclick], [style]')).to.have.length(0);
      expect(alerts).to.deep.equal([]);
      expect(el.scrollWidth, 'no horizontal overflow of the host').to.be.at.most(el.clientWidth);
      expect(listbox(el).scrollWidth).to.be.at.most(listbox(el).clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    } finally {
      window.alert = realAlert;
    }
  });

  it('searches at once when the host sets query, and never fires customer-select by itself', async () => {
    const { q, customerId } = mocks.db.fixtures.search.name;
    const el = await mount({ debounce: 10_000 });
    let fired = 0;
    el.addEventListener('customer-select', () => fired++);
    el.query = q;
    await waitFor(() => idle(el) && ids(el).join() === customerId, 'results for the host query');
    expect(input(el).value).to.equal(q);
    expect(fired).to.equal(0);
  });

  it('says how to configure it when it has no client, instead of a blank box', async () => {
    const el = await fixture<CustomerSearch>(html`<customer-search></customer-search>`);
    await typeQuery(el, 'Wolstenholme');
    const message = await waitFor(() => root(el).querySelector('[part~="config-message"]'), 'the configuration message');
    expect(message.textContent).to.contain('customer-elements-provider');
    expect(expanded(el)).to.equal(false);
  });

  it('speaks German when its locale is German', async () => {
    const { q, customerId } = mocks.db.fixtures.search.name;
    const el = await fixture<CustomerSearch>(html`<customer-search
      locale="de-DE"
      .client=${clientFor(mocks.tokens.admin)}
      .debounce=${0}
    ></customer-search>`);
    expect(root(el).querySelector('label[for="criterion"]')!.textContent).to.equal('Suchen nach');
    await typeQuery(el, q);
    await waitFor(() => idle(el) && ids(el).join() === customerId, 'results');
    expect(statusText(el)).to.equal('1 Kunde gefunden');
    expect(options(el)[0]!.querySelector('[part~="option-meta"]')!.textContent).to.match(/\d,\d\d\s?£/);
  });

  it('renders <watch-list-badge> under the name its class is registered with, once it is defined', async () => {
    const { watchListed } = mocks.db.fixtures.customers;
    await import('../../src/components/watch-list-badge/define.js');
    const tag = customElements.getName(customElements.get('watch-list-badge')!);
    const el = await mount();
    await typeQuery(el, nameWordFor(watchListed));
    await waitFor(() => idle(el) && ids(el).includes(watchListed), 'the watch-listed customer');
    const option = options(el).find((o) => o.dataset.customerId === watchListed)!;
    const badge = option.querySelector(`[part~="watch-list-flag"] ${tag}`)!;
    expect(badge, `a <${tag}> in the option`).to.not.equal(null);
    await waitFor(() => badge.shadowRoot?.textContent?.includes('Watch list'), 'the badge shows its label');
    // The option owns focus: nothing inside it may take focus.
    expect(badge.shadowRoot!.querySelector('button, [tabindex]')).to.equal(null);
    await expectAxeClean(el);
  });

  it('asks nothing but the search for a page of results: the badges take their flag from the results', async () => {
    const { watchListed } = mocks.db.fixtures.customers;
    await import('../../src/components/watch-list-badge/define.js');
    const tag = customElements.getName(customElements.get('watch-list-badge')!);
    const urls: string[] = [];
    const client = clientFor(mocks.tokens.admin, {
      fetch: (request, init) => {
        urls.push(request instanceof Request ? request.url : String(request));
        return fetch(request, init);
      },
    });
    const el = await mount({ client });
    await typeQuery(el, nameWordFor(watchListed));
    await waitFor(() => idle(el) && ids(el).includes(watchListed), 'the watch-listed customer');
    const badges = options(el).map((o) => o.querySelector(`[part~="watch-list-flag"] ${tag}`)).filter((b) => b !== null);
    expect(badges.length, 'watch-listed results with a badge').to.be.greaterThan(0);
    await waitFor(() => badges.every((b) => b.shadowRoot?.textContent?.includes('Watch list')), 'every badge shows its label');
    const searches = urls.filter((u) => new URL(u).pathname.endsWith('/customers'));
    expect(urls.filter((u) => u.includes('watch-list')), 'watch-list requests').to.deep.equal([]);
    expect(searches.length, 'search requests').to.be.greaterThan(0);
  });
});
