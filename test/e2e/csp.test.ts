/**
 * The components under the strict Content Security Policy the README states, sent as an HTTP
 * header with a production build of a page that shows every component on the MSW worker. Chromium
 * opens it, a user searches, opens editors and an order; any `securitypolicyviolation` event or
 * console error fails the test. The API is mock-server over real HTTP on the page's own origin
 * (the preview server proxies `/api` to it), so `connect-src 'self'` is the truth.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startMockHttpServer, type MockHttpServer } from '../../mocks/server.js';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const configFile = new URL('../csp/vite.config.ts', import.meta.url).pathname;

/** The policy exactly as the README states it (the header line in its "Content Security Policy" section). */
function readmePolicy(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const line = /^Content-Security-Policy: (.+)$/m.exec(readme);
  if (!line) throw new Error('README.md states no "Content-Security-Policy: …" header line');
  return line[1]!.trim();
}
const POLICY = process.env.CSP_POLICY ?? readmePolicy();

let api: MockHttpServer;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  // A small data set: this page checks what the components do, not how they scale.
  api = await startMockHttpServer({ port: 0, size: { customers: 40, orders: 200, bigCustomerOrders: 100, manyNotes: 30 } });
  await build({ configFile, logLevel: 'warn' });
  server = await preview({
    configFile,
    preview: {
      port: 0,
      host: '127.0.0.1',
      headers: { 'Content-Security-Policy': POLICY },
      proxy: { '/api': { target: new URL(api.url).origin, changeOrigin: true } },
    },
    logLevel: 'warn',
  });
  browser = await chromium.launch({
    executablePath: chromePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  await api?.close();
});

/** Violations seen by the page, as text; recorded from before the first script runs. */
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
/** Lets queued violation reports (dispatched as tasks) arrive before they are read. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('strict Content Security Policy', () => {
  it('every component works under the README policy with no violation and no console error', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
      }, true);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
    });

    const { customers, users } = api.db.fixtures;
    const query = new URLSearchParams({ customer: customers.allStatuses, watched: customers.watchListed, token: users.admin.token });
    const response = await page.goto(`${server.resolvedUrls!.local[0]!}?${query}`);
    expect(response!.headers()['content-security-policy']).toBe(POLICY);
    try {
      await page.locator('body[data-ready="true"]').waitFor();
      await useEveryComponent(page, api);
    } catch (error) {
      // A step that could not happen is usually the policy at work: say what it refused.
      await settle(page).catch(() => {});
      const seen = await violations(page).catch(() => []);
      throw new Error(`${(error as Error).message}\nviolations: ${JSON.stringify(seen)}\nconsole errors: ${JSON.stringify(errors)}`, { cause: error });
    }
    await settle(page);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The check itself works: an inline style attribute is refused and reported.
    await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
    await settle(page);
    expect(await violations(page)).toEqual([expect.stringContaining('style-src-attr blocked inline')]);
    await page.close();
  });
});

/** What a user does: search, edit the watch list, open the card's and the address book's forms, open an order. */
async function useEveryComponent(page: Page, { db }: MockHttpServer): Promise<void> {
  const { search } = db.fixtures;
  // Search: type, see the result, choose it.
  const searchBox = page.locator('customer-search');
  await searchBox.locator('[part~="criterion-select"]').selectOption('postcode');
  await searchBox.locator('[part~="input"]').pressSequentially(search.postcode.q, { delay: 15 });
  const customerName = db.getCustomer(search.postcode.customerId)!.name;
  await searchBox.locator('[role="option"]', { hasText: customerName }).first().waitFor();
  await searchBox.locator('[part~="input"]').press('ArrowDown');
  await searchBox.locator('[part~="input"]').press('Enter');

  // The watch-list badge's editor.
  const badge = page.locator('#badge');
  await badge.locator('[part~="trigger"]').click();
  await badge.locator('[part~="textarea"]').fill('Checked under a strict policy');
  await badge.locator('[part~="save-button"]').click();
  await expect.poll(() => badge.locator('.note').textContent()).toBe('Checked under a strict policy');

  const screen = page.locator('#screen');
  await screen.locator('[part~="name"]').first().waitFor();
  // The card's first section editor.
  await screen.locator('customer-card [part~="edit-button"]').first().click();
  await screen.locator('customer-card form').first().waitFor();
  // The address book's form.
  await screen.locator('address-book [part~="add-button"]').click();
  await screen.locator('address-book [part~="form"]').waitFor();
  // An attachment, downloaded (an object URL on a temporary link).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    screen.locator('customer-attachments [part~="download-button"]').first().click(),
  ]);
  expect(await download.failure()).toBeNull();
  // An order, opened in the order table's dialog.
  await screen.locator('order-table [part~="cell-number"]').first().click();
  await screen.locator('order-table dialog[part~="dialog"][open]').waitFor();
  await screen.locator('order-table order-detail [part~="title"]').waitFor();
  // Styled through adopted stylesheets (a <style> element would have been refused).
  expect(await page.locator('#screen').evaluate((el) => el.shadowRoot!.adoptedStyleSheets.length)).toBeGreaterThan(0);
}
