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

async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, errors };
}

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
