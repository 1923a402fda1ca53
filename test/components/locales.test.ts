/**
 * Languages on demand: English is in the bundle, every other language is a chunk loaded the first
 * time a component renders in it, per component; a host adds its own language with registerLocale.
 *
 * Which chunks the page loaded is read from the browser's resource timing (a PerformanceObserver
 * started before anything else), so the order of the tests in this file matters: the first one
 * checks that an English page has loaded no language at all.
 */
const loadedUrls: string[] = [];
performance.setResourceTimingBufferSize(100_000);
const resources = new PerformanceObserver((list) => loadedUrls.push(...list.getEntries().map((e) => e.name)));
resources.observe({ type: 'resource', buffered: true });

import { expect, fixture, html } from '@open-wc/testing';
import type { CustomerSearch } from '../../src/components/customer-search/customer-search.js';
import { searchMessage } from '../../src/components/customer-search/customer-search.messages.js';
import { registerLocale } from '../../src/components/locales.js';
import { CATALOGUE_PATIENCE_MS } from '../../src/components/shared/base.js';
import { translate } from '../../src/components/shared/i18n.js';
import type { WatchListBadge } from '../../src/components/watch-list-badge/watch-list-badge.js';
import { badgeMessages } from '../../src/components/watch-list-badge/watch-list-badge.messages.js';
// Registers every tag, as a page using the library would: no language comes with it.
import { CustomerElementsProvider } from '../../src/components/define.js';
import { clientFor, startMocks, waitFor, type Mocks } from './helpers.js';

let mocks: Mocks;

before(async function () {
  this.timeout(60_000);
  mocks = await startMocks();
});

/** The language chunks loaded so far, as `component/lang` (`watch-list-badge/de`, `shared/de`). */
function languageChunks(): string[] {
  loadedUrls.push(...resources.takeRecords().map((e) => e.name));
  return [
    ...new Set(
      loadedUrls.flatMap((url) => {
        const match = /\/src\/components\/([\w-]+)\/locales\/([\w-]+)\.(?:js|ts)\b/.exec(url);
        return match ? [`${match[1]}/${match[2]}`] : [];
      }),
    ),
  ].sort();
}

/** Everything a user can read or hear in a shadow root: text, labels, titles, placeholders. */
function readable(root: ShadowRoot): string {
  const attributes = [...root.querySelectorAll('*')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder', 'aria-description'].map((name) => el.getAttribute(name) ?? ''),
  );
  return [root.textContent ?? '', ...attributes].join(' ').replace(/\s+/g, ' ');
}

const trigger = (el: WatchListBadge) => el.shadowRoot!.querySelector<HTMLElement>('[part~="trigger"]');
const triggerText = (el: WatchListBadge) => trigger(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A watch-listed customer's badge (editable: its flag reads label + edit hint) inside a provider with `locale`. */
async function badgeIn(locale: string): Promise<{ provider: CustomerElementsProvider; badge: WatchListBadge }> {
  const provider = await fixture<CustomerElementsProvider>(html`<customer-elements-provider locale=${locale}>
    <watch-list-badge customer-id=${mocks.db.fixtures.customers.watchListed}></watch-list-badge>
  </customer-elements-provider>`);
  const badge = provider.querySelector('watch-list-badge')!;
  badge.client = clientFor(mocks.tokens.admin);
  await waitFor(() => trigger(badge)?.localName === 'button', 'the editable flag');
  return { provider, badge };
}

describe('languages on demand', () => {
  it('an English page loads no language chunk at all', async () => {
    const { badge } = await badgeIn('en-GB');
    expect(triggerText(badge)).to.equal('Watch list, edit the note');
    expect(languageChunks()).to.deep.equal([]);
  });

  it('a page switched to German loads the German of the components on it only then, and speaks German', async () => {
    const { provider, badge } = await badgeIn('en-GB');
    expect(languageChunks(), 'before the switch').to.deep.equal([]);

    provider.locale = 'de-DE';
    await waitFor(() => triggerText(badge) === 'Beobachtungsliste, Notiz bearbeiten', 'the German flag');
    // The badge's German and the shared German; not the card's, order table's… that are not on the page.
    expect(languageChunks()).to.deep.equal(['shared/de', 'watch-list-badge/de']);

    provider.locale = 'en-GB';
    await waitFor(() => triggerText(badge) === 'Watch list, edit the note', 'English again');
  });

  it('a page switched to Arabic loads the Arabic of the components on it only then, and lays them out right to left', async () => {
    const arabic = () => languageChunks().filter((chunk) => chunk.endsWith('/ar'));
    const { provider, badge } = await badgeIn('en-GB');
    expect(arabic(), 'before the switch').to.deep.equal([]);
    expect(getComputedStyle(badge).direction).to.equal('ltr');

    provider.locale = 'ar';
    await waitFor(() => triggerText(badge) === 'قائمة المراقبة, تعديل الملاحظة', 'the Arabic flag');
    expect(getComputedStyle(badge).direction).to.equal('rtl');
    expect(arabic()).to.deep.equal(['shared/ar', 'watch-list-badge/ar']);
  });

  it('a component first rendered in German never shows English meanwhile, and updateComplete waits for its German', async () => {
    const english = (['criterionLabel', 'segmentLabel', 'queryLabel', 'alphabetLabel', 'segment_all', 'criterion_name'] as const).map((key) =>
      searchMessage('en-GB', key),
    );
    const seen: string[] = [];
    const provider = document.createElement('customer-elements-provider');
    provider.locale = 'de-DE';
    provider.client = clientFor(mocks.tokens.admin);
    const search = document.createElement('customer-search') as CustomerSearch;
    provider.append(search);
    const observer = new MutationObserver(() => seen.push(readable(search.shadowRoot!)));
    // The shadow root exists from connection on: watch it before the first render can happen.
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(provider);
    observer.observe(search.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });

    await search.updateComplete;
    expect(readable(search.shadowRoot!), 'German as soon as updateComplete resolves').to.contain(searchMessage('de-DE', 'queryLabel'));
    expect(searchMessage('de-DE', 'queryLabel')).to.equal('Kunden finden');
    observer.disconnect();
    seen.push(readable(search.shadowRoot!));
    for (const snapshot of seen) for (const text of english) expect(snapshot, 'no English flashes').to.not.contain(text);
    expect(languageChunks()).to.include('customer-search/de');
    expect(languageChunks()).to.not.include('customer-card/de');
  });

  it('two providers on one page can speak two languages', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <customer-elements-provider locale="en-GB"><watch-list-badge customer-id=${mocks.db.fixtures.customers.watchListed}></watch-list-badge></customer-elements-provider>
      <customer-elements-provider locale="de-AT"><watch-list-badge customer-id=${mocks.db.fixtures.customers.watchListed}></watch-list-badge></customer-elements-provider>
    </div>`);
    const [english, german] = [...page.querySelectorAll('watch-list-badge')];
    for (const badge of [english!, german!]) badge.client = clientFor(mocks.tokens.admin);
    await waitFor(() => triggerText(english!) === 'Watch list, edit the note', 'the English badge');
    await waitFor(() => triggerText(german!) === 'Beobachtungsliste, Notiz bearbeiten', 'the German badge');
  });

  it('a host adds French from outside the package: loaded when used, keys it leaves out in English', async () => {
    registerLocale('fr', {
      shared: { 'action.save': 'Enregistrer', 'action.cancel': 'Annuler' },
      'watch-list-badge': () => import('./fixtures/fr-watch-list-badge.js'),
    });
    expect(loadedUrls.some((url) => url.includes('fr-watch-list-badge')), 'not loaded before a French render').to.equal(false);

    const { badge } = await badgeIn('fr-FR');
    // label from the host's French, editHint left out: English.
    expect(triggerText(badge)).to.equal(`Liste de surveillance, ${badgeMessages('en-GB', 'editHint')}`);
    expect(translate('fr-CA', 'action.save'), 'a regional variant falls back to the language').to.equal('Enregistrer');
    expect(loadedUrls.some((url) => url.includes('fr-watch-list-badge'))).to.equal(true);
  });

  it('texts registered after a component rendered show at once', async () => {
    const { badge } = await badgeIn('it-IT');
    expect(triggerText(badge), 'no Italian yet: English').to.equal('Watch list, edit the note');
    registerLocale('it', { 'watch-list-badge': { label: 'Lista di osservazione', editHint: 'modifica la nota' } });
    await waitFor(() => triggerText(badge) === 'Lista di osservazione, modifica la nota', 'the Italian flag');
  });

  it('a language that fails to load shows English with a console warning, and nothing like "undefined"', async () => {
    const missing = new URL('./fixtures/no-such-catalogue.js', import.meta.url).href;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      registerLocale('nl', {
        'watch-list-badge': () => import(/* @vite-ignore */ missing),
        // A host's catalogue with values that are not text: those keys stay English.
        shared: { 'state.loading': undefined, 'action.save': 42 as unknown as string },
      });
      const { badge } = await badgeIn('nl-NL');
      expect(triggerText(badge)).to.equal('Watch list, edit the note');
      expect(translate('nl', 'action.save')).to.equal('Save');
      expect(readable(badge.shadowRoot!)).to.not.match(/undefined|NaN|\[object Object\]|\b42\b/);
      expect(warnings.some((w) => w.includes("'nl'") && w.includes("'watch-list-badge'")), warnings.join('\n')).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });

  it('a language that never arrives does not leave the component blank: English after the patience', async () => {
    registerLocale('sv', { 'watch-list-badge': () => new Promise<never>(() => {}) });
    const provider = await fixture<CustomerElementsProvider>(html`<customer-elements-provider locale="sv-SE">
      <watch-list-badge customer-id=${mocks.db.fixtures.customers.watchListed}></watch-list-badge>
    </customer-elements-provider>`);
    const badge = provider.querySelector('watch-list-badge')!;
    badge.client = clientFor(mocks.tokens.admin);
    expect(trigger(badge), 'nothing rendered while the Swedish is awaited').to.equal(null);
    await waitFor(() => triggerText(badge) === 'Watch list, edit the note', 'the English flag', CATALOGUE_PATIENCE_MS + 5_000);
  });

  // Last: it changes the English and German of the badge for every test after it.
  it('a host rewords built-in English and German, key by key, over the shipped texts', async () => {
    registerLocale('en', { 'watch-list-badge': { label: 'Watchlist' } });
    registerLocale('de', { 'watch-list-badge': { label: 'Merkliste' } });
    const { badge: english } = await badgeIn('en-GB');
    const { badge: german } = await badgeIn('de-DE');
    await waitFor(() => triggerText(english) === 'Watchlist, edit the note', 'the host’s English');
    await waitFor(() => triggerText(german) === 'Merkliste, Notiz bearbeiten', 'the host’s German');
  });
});
