/**
 * The demo as a user meets it: built with Vite, served, opened in Chromium. Search by postcode, open
 * the customer, add a note, see it — once on the in-browser MSW worker, once against mock-server over
 * real HTTP (where a fresh read through the API must show the note too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDatabase } from '../../mocks/data/index.js';
import { startMockHttpServer } from '../../mocks/server.js';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const configFile = new URL('../../demo/vite.config.ts', import.meta.url).pathname;

let server: PreviewServer;
let base: string;
let browser: Browser;
// The page's mock API and this one are built from the same seed, so fixtures agree.
const db = createDatabase();
const target = db.fixtures.search.postcode;
const customerName = db.getCustomer(target.customerId)!.name;

beforeAll(async () => {
  await build({ configFile, logLevel: 'warn' });
  server = await preview({ configFile, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  base = server.resolvedUrls!.local[0]!;
  browser = await chromium.launch({
    executablePath: chromePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
});

async function openPage(url: string, init?: () => void): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  const page = await browser.newPage(); // a new context each time: its own, empty IndexedDB
  page.setDefaultTimeout(15_000); // a step that cannot happen fails there, naming itself
  if (init) await page.addInitScript(init);
  const errors: string[] = [];
  const warnings: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(url);
  return { page, errors, warnings };
}

const noteTexts = (page: Page) => page.locator('notes-panel [part~="note-text"]').allTextContents();
/** The watch-list note of the first badge in `scope` (rendered in its tooltip, shown on hover). */
const watchNote = (page: Page, scope: string) => page.locator(`${scope} .note`).first().textContent();

async function searchOpenAndAddNote(page: Page, note: string): Promise<void> {
  const search = page.locator('customer-search');
  await search.locator('[part~="criterion-select"]').selectOption('postcode');
  await search.locator('[part~="input"]').pressSequentially(target.q, { delay: 15 });
  const option = search.locator('[role="option"]', { hasText: customerName }).first();
  await option.waitFor();
  await search.locator('[part~="input"]').press('ArrowDown');
  await search.locator('[part~="input"]').press('Enter');

  await expect.poll(() => page.locator('customer-card [part~="name"]').first().textContent(), { timeout: 15_000 }).toContain(customerName);

  const notes = page.locator('notes-panel');
  await notes.locator('[part~="add-button"]').click();
  await notes.locator('[part~="textarea"]').fill(note);
  await notes.locator('[part~="save-button"]').click();
  await notes.locator('[part~="note-text"]', { hasText: note }).first().waitFor({ timeout: 15_000 });
}

describe('demo portal', () => {
  it('on the MSW worker: search by postcode, open the customer, add a note and see it', async () => {
    const { page, errors } = await openPage(base);
    const note = `Called about the delivery window ${Date.now()}`;
    await searchOpenAndAddNote(page, note);
    expect(await page.locator('notes-panel [part~="note-text"]').first().textContent()).toContain(note);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps what the user did across a reload and between its pages, until Reset demo data', async () => {
    const { page, errors } = await openPage(base);
    const note = `Kept across reloads ${Date.now()}`;
    await searchOpenAndAddNote(page, note);

    // A reload (the URL keeps the customer) shows the note again.
    await page.reload();
    await expect.poll(() => noteTexts(page), { timeout: 15_000 }).toContain(note);

    // On the dispatch page, change the watch-list note of the watch-listed customer ...
    await page.goto(`${base}dispatch.html`);
    await page.getByRole('button', { name: 'Reset demo data' }).waitFor(); // offered on this page too
    const listed = page.locator('#queue watch-list-badge').filter({ has: page.locator('.note') }).first();
    const watchedId = (await listed.getAttribute('customer-id'))!;
    const originalWatchNote = db.watchListOf(watchedId).note!;
    const inQueue = `#queue watch-list-badge[customer-id="${watchedId}"]`;
    const badge = page.locator(inQueue).first();
    await expect.poll(() => watchNote(page, inQueue), { timeout: 15_000 }).toBe(originalWatchNote);
    await badge.locator('[part~="trigger"]').click();
    const watchText = `Ring before delivery ${Date.now()}`;
    await badge.locator('[part~="textarea"]').fill(watchText);
    await badge.locator('[part~="save-button"]').click();
    // A reload of the dispatch page keeps it.
    await expect.poll(() => page.locator(`${inQueue} .note`).allTextContents(), { timeout: 15_000 }).toContain(watchText);
    await page.reload();
    await expect.poll(() => watchNote(page, inQueue), { timeout: 15_000 }).toBe(watchText);

    // ... and the customers page shows it.
    await page.goto(`${base}index.html#customer=${encodeURIComponent(watchedId)}`);
    await expect.poll(() => watchNote(page, 'customer-screen [part~="watch-list-badge"]'), { timeout: 15_000 }).toBe(watchText);

    // Reset demo data asks first; declining keeps everything.
    const reset = page.getByRole('button', { name: 'Reset demo data' });
    page.once('dialog', (d) => void d.dismiss());
    await reset.click();
    await page.reload();
    await expect.poll(() => watchNote(page, 'customer-screen [part~="watch-list-badge"]'), { timeout: 15_000 }).toBe(watchText);

    // Accepting forgets every change and reloads on fresh data.
    page.once('dialog', (d) => void d.accept());
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reset demo data' }).click()]);
    await expect.poll(() => page.locator('p.portal-status').textContent(), { timeout: 15_000 }).toContain('The demo data was reset');
    await expect.poll(() => watchNote(page, 'customer-screen [part~="watch-list-badge"]'), { timeout: 15_000 }).toBe(originalWatchNote);
    await page.goto(`${base}index.html#customer=${encodeURIComponent(target.customerId)}`);
    await expect.poll(() => noteTexts(page), { timeout: 15_000 }).not.toHaveLength(0);
    expect(await noteTexts(page)).not.toContain(note);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000); // six page loads, each building the data set: a long journey on a busy machine

  it('starts on fresh data, with a warning and a working page, when the kept data is damaged', async () => {
    const { page, errors, warnings } = await openPage(base);
    const note = `Before the damage ${Date.now()}`;
    await searchOpenAndAddNote(page, note);
    // Damage the journal: a write no version of the mocks makes.
    await page.evaluate(async () => {
      const name = (await indexedDB.databases()).find((d) => d.name?.startsWith('customer-elements-mocks:'))!.name!;
      const idb = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = idb.transaction('journal', 'readwrite');
      tx.objectStore('journal').add({ m: 'updateNote', a: ['not_999999999', { text: 'x' }], t: 0 });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      idb.close();
    });
    await page.reload();
    await expect.poll(() => warnings.join('\n'), { timeout: 15_000 }).toContain('could not be replayed; starting on fresh data');
    await expect.poll(() => noteTexts(page), { timeout: 15_000 }).not.toHaveLength(0);
    expect(await noteTexts(page)).not.toContain(note);
    // And it keeps new changes again.
    const again = `After the damage ${Date.now()}`;
    await page.locator('notes-panel [part~="add-button"]').click();
    await page.locator('notes-panel [part~="textarea"]').fill(again);
    await page.locator('notes-panel [part~="save-button"]').click();
    await page.locator('notes-panel [part~="note-text"]', { hasText: again }).first().waitFor({ timeout: 15_000 });
    await page.reload();
    await expect.poll(() => noteTexts(page), { timeout: 15_000 }).toContain(again);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works on fresh data, with a warning, where IndexedDB is not available', async () => {
    const { page, errors, warnings } = await openPage(base, () => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const note = `Without storage ${Date.now()}`;
    await searchOpenAndAddNote(page, note);
    expect(warnings.join('\n')).toContain('IndexedDB is not available');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('against mock-server over HTTP: the same, and a fresh API read has the note', async () => {
    const api = await startMockHttpServer({ port: 0 });
    try {
      const token = api.db.fixtures.users.admin.token;
      const { page, errors } = await openPage(`${base}?api=${encodeURIComponent(api.url)}&token=${token}`);
      const note = `Agreed a payment plan ${Date.now()}`;
      await searchOpenAndAddNote(page, note);
      const res = await fetch(`${api.url}/customers/${target.customerId}/notes?source=manual`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { items: { text: string }[] };
      expect(body.items.map((n) => n.text)).toContain(note);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await api.close();
    }
  });
});
