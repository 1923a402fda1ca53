/**
 * Languages on a live page: the customer screen with every part, plus the search, switched from
 * English to German and to Arabic, must show no text of the English catalogues and no English
 * field name anywhere (every shadow root, every attribute a person perceives), and in Arabic lay
 * out right to left.
 *
 * "No English" is checked against the catalogues, not by eye: every fixed fragment of every English
 * message (the text between its `{placeholders}`) that has a word in it is looked for in the page,
 * unless the language's own catalogue says the same (German "Status"). What the server sent (names,
 * numbers, references) is data and may legitimately read the same in every language: every string
 * of every API answer is cut out of the page's text before the search, except the names of the
 * enumerations the library owns (customer types), which the catalogue must name.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Client } from '../../src/sdk/index.js';
// Registers every default tag, as a host page does.
// oxlint-disable-next-line import/no-unassigned-import
import '../../src/components/define.js';
import { CeElement } from '../../src/components/shared/base.js';
import { orderMessages } from '../../src/components/order-table/order-table.messages.js';
import { screenMessage } from '../../src/components/customer-screen/customer-screen.messages.js';
import { allCatalogues, type Languages } from './catalogues.helpers.js';
import { TERMS } from '../../mocks/data/reference.js';
import { clientFor, press, startMocks, waitFor, type Mocks } from './helpers.js';
import { deepQuery, deepQueryAll, screenLoaded, sectionHost } from './customer-screen.helpers.js';

let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
  // A system note with a change of every value type, as an integration writes them: the notes panel
  // must tell it in the page's language (field names, reference names, money, yes/no, dates).
  mocks.db.addNote({
    customerId: mocks.db.fixtures.customers.creditTrade,
    source: 'system', kind: null, pinned: false, removed: null,
    text: 'Credit limit: £1,000.00 → £0.00; On hold: true → false; Payment terms id changed; Password: (none) → (none)',
    author: { type: 'integration', id: 'int_languages', name: 'Languages integration' },
    createdAt: new Date().toISOString(),
    changes: [
      { field: 'creditLimit', from: { type: 'money', money: { amountMinor: 100_000, currency: 'GBP' } }, to: { type: 'money', money: { amountMinor: 0, currency: 'GBP' } } },
      { field: 'onHold', from: { type: 'boolean', value: true }, to: { type: 'boolean', value: false } },
      { field: 'paymentTermsId', from: { type: 'reference', kind: 'paymentTerms', id: TERMS.days7 }, to: { type: 'reference', kind: 'paymentTerms', id: TERMS.eom30 } },
      { field: 'type', from: { type: 'enum', kind: 'customerType', values: ['retailer'] }, to: { type: 'enum', kind: 'customerType', values: ['agent'] } },
      { field: 'password', secret: true },
      { field: 'eori', from: null, to: { type: 'text', text: 'GB123456789000' } },
      { field: 'order.cancelledAt', subject: 'SO-LANG-1', from: null, to: { type: 'date', date: '2027-02-01' } },
      { field: 'addressRoles', subject: '1 Dock Road', from: { type: 'enum', kind: 'addressRole', values: [] }, to: { type: 'enum', kind: 'addressRole', values: ['billing', 'delivery'] } },
    ],
  });
});

/** Every catalogue of the library, by name: English and each language (loaded before the tests run). */
let CATALOGUES: Record<string, Languages> = {};

before(async () => {
  CATALOGUES = await allCatalogues();
});

interface Fragment {
  text: string;
  pattern: RegExp;
  from: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English fragments a page in `lang` must not show: each message split at its placeholders,
 * keeping the pieces with a word of three letters or more, unless `lang` says exactly the same.
 */
function englishFragments(lang: string): Fragment[] {
  const out = new Map<string, Fragment>();
  for (const [name, catalogues] of Object.entries(CATALOGUES)) {
    const en = catalogues['en']!;
    const own = catalogues[lang] ?? {};
    for (const [key, value] of Object.entries(en)) {
      if (value === undefined || own[key] === value) continue;
      for (const piece of value.split(/\{\w+\}/)) {
        const text = piece.replace(/^[\s.,:;()“”"'–—-]+|[\s.,:;()“”"'–—-]+$/g, '');
        if (!/[A-Za-z]{3,}/.test(text) || out.has(text)) continue;
        // Whole words only: "Agent" is not found inside "Agentur".
        out.set(text, { text, from: `${name} ${key}`, pattern: new RegExp(`(?<![A-Za-z])${escape(text)}(?![A-Za-z])`) });
      }
    }
  }
  return [...out.values()];
}

/** `creditLimit` → `Credit limit`: how a field name reads when code turns it into English. */
function humanised(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').trim().toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}

/** Names of enumerations the library owns, as the server spells them: never data. */
const owned = new Set<string>();

/** A client that records every string of every JSON answer: that is data, not the library's text. */
function recordingClient(data: Set<string>): Client {
  const collect = (value: unknown, key = ''): void => {
    // A change's field name and value kinds are the contract's identifiers, never text to show.
    if (key === 'field' || key === 'kind' || key === 'values') return;
    if (typeof value === 'string') {
      if (value.trim().length > 1) data.add(value.trim());
    } else if (Array.isArray(value)) {
      // The customer types are the library's own enumeration: their names come from the catalogue,
      // wherever else the server repeats them (a system note's "Retailer").
      if (key === 'customerTypes') {
        for (const t of value as { name?: unknown }[]) if (typeof t.name === 'string') owned.add(t.name);
        return;
      }
      for (const v of value) collect(v, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) collect(v, k);
    }
  };
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if ((response.headers.get('content-type') ?? '').includes('json')) collect(await response.clone().json());
    return response;
  };
  return clientFor(mocks.tokens.admin, { fetch: recording });
}

const PERCEIVED_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext'];

/** Every text a person can perceive under `root`: text nodes and labelling attributes, through every shadow root. */
function perceivedTexts(root: Element): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  const visit = (node: Node, host: string): void => {
    if (node instanceof Element) {
      if (['style', 'script', 'template'].includes(node.localName)) return;
      for (const attribute of PERCEIVED_ATTRIBUTES) {
        const value = node.getAttribute(attribute);
        if (value?.trim()) out.push({ text: value, where: `${host} <${node.localName}> [${attribute}]` });
      }
      if (node instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(node.type) && node.value) {
        out.push({ text: node.value, where: `${host} <input> value` });
      }
      if (node.shadowRoot) visit(node.shadowRoot, node.localName);
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      if (text.trim()) out.push({ text, where: `${host} <${node.parentElement?.localName ?? '#root'}>` });
      return;
    }
    for (const child of node.childNodes) visit(child, host);
  };
  visit(root, root.localName);
  return out;
}

/**
 * `text` with every data string cut out, as whole words only (a price list called "Retail" does not
 * hide "Retailer"), longest first (a name is not cut by a shorter one inside it).
 */
function withoutData(text: string, data: readonly string[]): string {
  let out = text.replace(/\s+/g, ' ');
  for (const d of data) {
    if (out.includes(d)) out = out.replace(new RegExp(`(?<![A-Za-z])${escape(d)}(?![A-Za-z])`, 'g'), ' ');
  }
  return out;
}

interface Page {
  provider: HTMLElement & { locale?: string };
  screen: HTMLElement;
  search: HTMLElement;
  data: Set<string>;
}

async function livePage(width = 1340): Promise<Page> {
  await setViewport({ width, height: 1000 });
  const data = new Set<string>();
  const client = recordingClient(data);
  const customerId = mocks.db.fixtures.customers.creditTrade;
  const provider = await fixture<HTMLElement & { locale?: string }>(html`
    <customer-elements-provider .client=${client} locale="en-GB">
      <customer-search initial="W"></customer-search>
      <customer-screen customer-id=${customerId}></customer-screen>
    </customer-elements-provider>
  `);
  const screen = provider.querySelector<HTMLElement>('customer-screen')!;
  const search = provider.querySelector<HTMLElement>('customer-search')!;
  await waitFor(() => screenLoaded(screen), 'every section of the screen to load', 15_000);
  await waitFor(() => search.shadowRoot!.querySelectorAll('[role="option"]').length > 0, 'search results');
  return { provider, screen, search, data };
}

/** Switches the live page's locale and waits until the screen shows a text of that language. */
async function switchTo(page: Page, locale: string): Promise<void> {
  page.provider.locale = locale;
  const heading = screenMessage(locale, 'sectionOrders');
  await waitFor(() => page.screen.shadowRoot!.textContent!.includes(heading), `the screen in ${locale}`);
  await waitFor(() => screenLoaded(page.screen), 'every section of the screen, again', 15_000);
  // Every component has rendered in the new locale (Lit renders in microtasks after the context changes).
  await Promise.all(deepQueryAll(page.provider, '*').filter((e) => e instanceof CeElement).map((e) => (e as CeElement).updateComplete));
}

/** What on the page is English from the catalogues or an English field name, one line per finding. */
function englishOnPage(page: Page, lang: string): string[] {
  const data = [...page.data].filter((d) => !owned.has(d)).sort((a, b) => b.length - a.length);
  const fragments = englishFragments(lang);
  const customer = mocks.db.getCustomer(mocks.db.fixtures.customers.creditTrade) as unknown as Record<string, unknown>;
  // A field name that is also a word of the language's own catalogue ("Name", "Fax" in German) is that word.
  const ownWords = new Set(Object.values(CATALOGUES).flatMap((c) => Object.values(c[lang] ?? {})));
  const fields = Object.keys(customer).filter((k) => k.length > 2 && !ownWords.has(humanised(k)));
  const fieldNames = fields.flatMap((f) => [f, humanised(f)].map((text) => ({ text, pattern: new RegExp(`(?<![A-Za-z])${escape(text)}(?![A-Za-z])`) })));
  const found = new Set<string>();
  for (const root of [page.search, page.screen]) {
    for (const { text, where } of perceivedTexts(root)) {
      const rest = withoutData(text, data);
      if (!/[A-Za-z]{3,}/.test(rest)) continue;
      for (const f of fragments) if (f.pattern.test(rest)) found.add(`English "${f.text}" (${f.from}) in ${where}: "${text.trim().slice(0, 80)}"`);
      for (const f of fieldNames) if (f.pattern.test(rest)) found.add(`field name "${f.text}" in ${where}: "${text.trim().slice(0, 80)}"`);
    }
  }
  return [...found];
}

describe('languages on a live page', () => {
  it('the English page does show the English catalogue (the check can fail)', async function () {
    this.timeout(60_000);
    const page = await livePage();
    const english = englishOnPage(page, 'de');
    expect(english.length, 'English texts found on the English page').to.be.greaterThan(20);
  });

  for (const locale of ['de-DE', 'ar']) {
    it(`switched to ${locale}, shows no English text and no English field name in any shadow root`, async function () {
      this.timeout(60_000);
      const page = await livePage();
      await switchTo(page, locale);
      const lang = locale.slice(0, 2);
      // The integration's note reads as sentences, its names in, before the page is searched.
      const notes = sectionHost(page.screen, 'notes')!;
      const sentences = () => [...notes.shadowRoot!.querySelectorAll('[part~="change-sentence"]')].map((s) => s.textContent ?? '');
      await waitFor(() => sentences().length >= 8 && !sentences().some((s) => s.includes('…')), 'the system notes as sentences');
      const english = englishOnPage(page, lang);
      expect(english, `${english.length} English text(s) on the ${locale} page:\n  ${english.join('\n  ')}\n`).to.deep.equal([]);
    });
  }

  it('in ar, every component lays out right to left; the page’s own dir wins over the locale', async function () {
    this.timeout(60_000);
    const page = await livePage();
    await switchTo(page, 'ar');
    const components = deepQueryAll(page.provider, '*').filter((e) => e instanceof CeElement);
    expect(components.length).to.be.greaterThan(8);
    const ltr = components.filter((e) => getComputedStyle(e).direction !== 'rtl').map((e) => e.localName);
    expect(ltr, 'components not right to left in ar').to.deep.equal([]);
    // The sections' headings start at the right edge: the layout mirrors.
    const heading = deepQuery(page.screen, '[part~="section-heading"]')!;
    const box = page.screen.getBoundingClientRect();
    const h = heading.getBoundingClientRect();
    expect(box.right - h.right, 'heading starts at the right').to.be.lessThan(h.left - box.left);

    // A host page that says dir="ltr" keeps its direction, whatever the locale.
    page.provider.setAttribute('dir', 'ltr');
    page.provider.locale = 'ar-EG';
    await waitFor(() => components.every((e) => getComputedStyle(e).direction === 'ltr'), 'the page’s dir to win');
    // And back to the locale's when the page stops saying.
    page.provider.removeAttribute('dir');
    page.provider.locale = 'ar';
    await waitFor(() => components.every((e) => getComputedStyle(e).direction === 'rtl'), 'the locale’s dir again');
  });

  it('in ar, the order grid’s ArrowLeft goes to the next column (right to left)', async function () {
    this.timeout(60_000);
    const page = await livePage();
    await switchTo(page, 'ar');
    const orders = sectionHost(page.screen, 'orders')!;
    const cells = () => [...orders.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]:not([part~="row-loading"])')][0]!.querySelectorAll<HTMLElement>('[role="gridcell"]');
    const first = await waitFor(() => cells()[0]);
    first.focus();
    await waitFor(() => orders.shadowRoot!.activeElement === first || first.contains(orders.shadowRoot!.activeElement), 'the first cell focused');
    const x0 = first.getBoundingClientRect().left;
    await press('ArrowLeft');
    const second = cells()[1]!;
    await waitFor(() => orders.shadowRoot!.activeElement === second || second.contains(orders.shadowRoot!.activeElement), 'the second cell focused');
    expect(second.getBoundingClientRect().left, 'the next column is to the left').to.be.lessThan(x0);
    await press('ArrowRight');
    await waitFor(() => orders.shadowRoot!.activeElement === first || first.contains(orders.shadowRoot!.activeElement), 'back to the first');
  });
});

/** A number as `locale` writes it by default (CLDR 48: Latin digits for `ar`, Arabic-Indic for `ar-EG`). */
const digits = (locale: string, x: number) => new Intl.NumberFormat(locale).format(x);

describe('plural forms', () => {
  it('Arabic picks all six categories; English one and other', () => {
    const said = [0, 1, 2, 3, 11, 100].map((x) => orderMessages('ar', 'count_other', { count: x }));
    expect(said).to.deep.equal(['لا توجد طلبات', 'طلب واحد', 'طلبان', `${digits('ar', 3)} طلبات`, `${digits('ar', 11)} طلبًا`, `${digits('ar', 100)} طلب`]);
    expect(orderMessages('ar-EG', 'count_other', { count: 11 })).to.equal('١١ طلبًا');
    expect([1, 2, 1234].map((n) => orderMessages('en-GB', 'count_other', { count: n }))).to.deep.equal(['1 order', '2 orders', '1,234 orders']);
    expect(orderMessages('de-DE', 'count_other', { count: 1 })).to.equal('1 Bestellung');
    // A count that is not a number never reaches the screen as "NaN".
    expect(orderMessages('ar', 'count_other', { count: Number.NaN })).not.to.contain('NaN');
  });
});
