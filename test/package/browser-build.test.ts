/**
 * The single-file build (`dist/browser/`) as a page without a bundler loads it: served as static
 * files, imported by URL in Chromium. Each component file registers exactly its tags and loads only
 * the shared chunk and its own classes (`classes/<component>.js`, which register nothing);
 * `core.js` (SDK, `defineElement`) loads no component; `index.js` registers nothing; `all.js`
 * registers everything; a page creates a client and renames a tag with them. Runs after `npm run build`.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { COMPONENT_ENTRIES } from '../../scripts/entries.mjs';
import { en as sharedEn } from '../../src/components/shared/i18n.js';
import sharedAr from '../../src/components/shared/locales/ar.js';
import sharedDe from '../../src/components/shared/locales/de.js';

const dir = new URL('../../dist/browser/', import.meta.url).pathname;
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

const ALL_TAGS = [
  'address-book', 'customer-accounts', 'customer-attachments', 'customer-card', 'customer-create', 'customer-discounts', 'customer-elements-provider', 'customer-screen',
  'customer-search', 'notes-panel', 'order-detail', 'order-entry', 'order-table', 'watch-list-badge',
];
/** Tags each component file registers, its classes, and the class files it loads (its own and what its class imports). */
// `classes` are in the component's class file; `also`, classes the component file exports besides (the
// watch-list badge the card and the search register), from their own class files.
const EXPECTED: Record<string, { tags: string[]; classes: string[]; also?: string[]; chunks: string[] }> = {
  'customer-card': { tags: ['customer-card', 'watch-list-badge'], classes: ['CustomerCard'], also: ['WatchListBadge'], chunks: ['customer-card', 'watch-list-badge'] },
  'customer-search': { tags: ['customer-search', 'watch-list-badge'], classes: ['CustomerSearch'], also: ['WatchListBadge'], chunks: ['customer-search', 'watch-list-badge'] },
  // The order detail is a chunk loaded when a row is first opened, and registered then.
  'order-table': { tags: ['order-table'], classes: ['OrderTable'], chunks: ['order-table'] },
  'notes-panel': { tags: ['notes-panel'], classes: ['NotesPanel'], chunks: ['notes-panel'] },
  'address-book': { tags: ['address-book'], classes: ['AddressBook'], chunks: ['address-book'] },
  'customer-attachments': { tags: ['customer-attachments'], classes: ['CustomerAttachments'], chunks: ['customer-attachments'] },
  'watch-list-badge': { tags: ['watch-list-badge'], classes: ['WatchListBadge'], chunks: ['watch-list-badge'] },
  'customer-screen': {
    tags: ['customer-screen'],
    classes: ['CustomerScreen'],
    chunks: ['customer-screen', 'customer-card', 'watch-list-badge', 'order-table', 'notes-panel', 'address-book', 'customer-attachments'],
  },
  'customer-accounts': { tags: ['customer-accounts'], classes: ['CustomerAccounts'], chunks: ['customer-accounts'] },
  'customer-create': { tags: ['customer-create'], classes: ['CustomerCreateForm'], chunks: ['customer-create'] },
  'order-entry': { tags: ['order-entry'], classes: ['OrderEntry'], chunks: ['order-entry'] },
  'customer-discounts': { tags: ['customer-discounts'], classes: ['CustomerDiscounts'], chunks: ['customer-discounts'] },
  // The provider's class is part of the shared base (core.js exports it).
  provider: { tags: ['customer-elements-provider'], classes: ['CustomerElementsProvider'], chunks: [] },
};

/** What every file loads: lit, ky, valibot, the SDK and the shared base. */
const SHARED_LAYER = ['chunks/shared.js'];
/**
 * Rolldown's runtime helper, which the classes loaded with import() elsewhere (the order detail,
 * the screen's views) need: a file that loads one of them at start loads it too; no other file may.
 */
const RUNTIME = 'chunks/rolldown-runtime.js';
const source = (file: string) => readFileSync(`${dir}${file}`, 'utf8');
/** The files loaded, without the runtime helper where a loaded class needs it. */
const withoutRuntime = (loaded: Iterable<string>, read: (file: string) => string) => {
  const files = [...loaded];
  const needed = files.some((f) => f !== RUNTIME && read(f).includes('rolldown-runtime'));
  return files.filter((f) => !(needed && f === RUNTIME)).sort();
};

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><link rel="icon" href="data:,"><title>blank</title>');
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/json' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: chromePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A fresh page (its own registry); records the JS files it loads and any error. */
async function openPage(): Promise<{ page: Page; loaded: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const loaded: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) loaded.push(path.slice(1));
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  await page.goto(`${origin}/`);
  return { page, loaded, errors };
}

/**
 * Imports `url` in the page and returns its export names. The code is a string: a function would be
 * rewritten by Vitest's transform (`import()` becomes a helper the page does not have).
 */
const importIn = (page: Page, url: string) =>
  page.evaluate(`import(${JSON.stringify(url)}).then((m) => Object.keys(m))`) as Promise<string[]>;

const registered = (page: Page) =>
  page.evaluate((tags) => tags.filter((t) => customElements.get(t)), ALL_TAGS);

describe('single-file build (dist/browser)', () => {
  for (const name of COMPONENT_ENTRIES) {
    it(`${name}.js registers its tags and loads only its own code and the shared chunk`, async () => {
      const expected = EXPECTED[name]!;
      const { page, loaded, errors } = await openPage();
      try {
        const exported = await importIn(page, `${origin}/${name}.js`);
        expect(await registered(page)).toEqual([...expected.tags].sort());
        expect(withoutRuntime(loaded, source)).toEqual([`${name}.js`, ...SHARED_LAYER, ...expected.chunks.map((c) => `classes/${c}.js`)].sort());
        expect(exported).toEqual(expect.arrayContaining([...expected.classes, ...(expected.also ?? [])]));
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const name of COMPONENT_ENTRIES.filter((n) => EXPECTED[n]!.chunks.includes(n))) {
    it(`classes/${name}.js exports its classes and registers nothing`, async () => {
      const { page, errors } = await openPage();
      try {
        const exported = await importIn(page, `${origin}/classes/${name}.js`);
        expect(await registered(page)).toEqual([]);
        expect(exported).toEqual(expect.arrayContaining(EXPECTED[name]!.classes));
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('core.js has createClient and defineElement, registers nothing and loads no component', async () => {
    const { page, loaded, errors } = await openPage();
    try {
      const exported = await importIn(page, `${origin}/core.js`);
      expect(exported).toEqual(expect.arrayContaining(['createClient', 'defineElement', 'CustomerElementsProvider', 'isNotFoundError']));
      expect(await registered(page)).toEqual([]);
      expect(withoutRuntime(loaded, source)).toEqual([...SHARED_LAYER, 'core.js'].sort());
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('all.js registers every tag and exports the classes, defineElement and createClient', async () => {
    const { page, errors } = await openPage();
    try {
      const exported = await importIn(page, `${origin}/all.js`);
      expect(await registered(page)).toEqual(ALL_TAGS);
      expect(exported).toEqual(expect.arrayContaining(['createClient', 'defineElement', 'CustomerCard', 'CustomerScreen', 'isNotFoundError']));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('index.js registers nothing and exports every class', async () => {
    const { page, errors } = await openPage();
    try {
      const exported = await importIn(page, `${origin}/index.js`);
      expect(await registered(page)).toEqual([]);
      expect(exported).toEqual(expect.arrayContaining(['createClient', 'defineElement', ...Object.values(EXPECTED).flatMap((e) => e.classes)]));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an English page loads no language; switched to Arabic it loads the Arabic texts only then', async () => {
    const language = /^classes\/(?:de|ar)\d*\.js$/;
    // No language is inside the chunk every page loads.
    const shared = await readFile(join(dir, 'chunks/shared.js'), 'utf8');
    for (const text of [sharedDe['action.retry'], sharedAr['action.retry'], sharedAr['state.noClient']]) expect(shared).not.toContain(text);

    const { page, loaded, errors } = await openPage();
    try {
      await importIn(page, `${origin}/customer-search.js`);
      await page.evaluate(`document.body.innerHTML = '<customer-search locale="en-GB"></customer-search>'`);
      const text = () => page.evaluate(`document.querySelector('customer-search').shadowRoot.textContent`) as Promise<string>;
      await expect.poll(text).toContain(sharedEn['state.noClient']);
      expect(loaded.filter((f) => language.test(f)), 'language files on the English page').toEqual([]);

      await page.evaluate(`document.querySelector('customer-search').locale = 'ar'`);
      await expect.poll(text).toContain(sharedAr['state.noClient']!);
      const languages = loaded.filter((f) => language.test(f));
      expect(languages.length, 'the shared and the search Arabic').toBe(2);
      expect(languages.every((f) => f.startsWith('classes/ar')), languages.join(', ')).toBe(true);
      expect(await page.evaluate(`getComputedStyle(document.querySelector('customer-search')).direction`)).toBe('rtl');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a page renames a tag with core.js and a class file, beside a component file, sharing one copy of each class', async () => {
    const { page, loaded, errors } = await openPage();
    try {
      const result = (await page.evaluate(`(async () => {
        const core = await import('${origin}/core.js');
        const { CustomerCard } = await import('${origin}/classes/customer-card.js');
        core.defineElement('acme-customer-card', CustomerCard);
        const search = await import('${origin}/customer-search.js');
        const all = await import('${origin}/index.js');
        const client = core.createClient({ baseUrl: location.origin + '/api' });
        return {
          renamed: customElements.get('acme-customer-card') === CustomerCard,
          sameCard: all.CustomerCard === CustomerCard,
          sameSearch: search.CustomerSearch === all.CustomerSearch,
          client: typeof client.customers.get,
        };
      })()`)) as Record<string, unknown>;
      expect(result).toEqual({ renamed: true, sameCard: true, sameSearch: true, client: 'function' });
      // The search registers the watch-list badge its results show.
      expect(await registered(page)).toEqual(['customer-search', 'watch-list-badge']);
      expect(loaded.filter((f) => f === 'chunks/shared.js' || f === 'classes/customer-card.js')).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
