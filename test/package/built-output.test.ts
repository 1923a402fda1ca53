/**
 * The package as a host installs it: the built `dist/` files reached through the exports map by
 * name (`customer-elements/sdk`, `customer-elements/mocks`), not the sources. Runs after `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMockApiProcess } from '../mock-api-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { types?: string; default?: string }>;
  bin: Record<string, string>;
};

describe('built package', () => {
  it('every path in the exports map exists', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : [target.types, target.default].filter((f): f is string => typeof f === 'string');
      for (const file of files) {
        if (file.includes('*')) continue;
        expect(existsSync(new URL(`../../${file}`, import.meta.url)), `${entry} → ${file}`).toBe(true);
      }
    }
  });

  describe('the SDK from dist against the mocks from dist', () => {
    let stop: () => Promise<void>;
    let url: string;
    let token: string;
    let customerId: string;

    beforeAll(async () => {
      // Self-reference through the package name resolves via the exports map to dist/.
      const { createDatabase } = await import('customer-elements/mocks');
      const { startMockHttpServer } = await import('customer-elements/mocks/node');
      const db = createDatabase({ size: { customers: 20, orders: 100, bigCustomerOrders: 100, manyNotes: 20 } });
      const server = await startMockHttpServer({ port: 0, db });
      url = server.url;
      token = db.fixtures.users.admin.token;
      customerId = db.fixtures.customers.creditTrade;
      stop = server.close;
    });
    afterAll(() => stop?.());

    it('reads and validates a customer, and maps a 404 to a typed error', async () => {
      const { createClient, isNotFoundError } = await import('customer-elements/sdk');
      const client = createClient({ baseUrl: url, getToken: () => token });
      const customer = await client.customers.get(customerId);
      expect(customer.id).toBe(customerId);
      const error = await client.customers.get('cus_missing').catch((e: unknown) => e);
      expect(isNotFoundError(error)).toBe(true);
    });
  });

  describe('the customer-elements-mock-api bin, with plain node (no tsx)', () => {
    const bin = () => `${root}${pkg.bin['customer-elements-mock-api']}`;

    it('serves the reference API, prints its URL and demo tokens, and stops on SIGTERM', { timeout: 60_000 }, async () => {
      const { child, url, output } = await startMockApiProcess([bin(), '--port', '0', '--customers', '20', '--seed', '7'], root);
      const out = output();
      try {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
        const token = /Demo token \(clerk\): (\S+)/.exec(out)?.[1];
        const { createClient } = await import('customer-elements/sdk');
        const client = createClient({ baseUrl: url, getToken: () => token ?? '' });
        const me = await client.me.get();
        expect(me.capabilities).toContain('notes.add');
        const page = await client.customers.search({ limit: 5 });
        expect(page.items).toHaveLength(5);
        expect(page.total).toBeGreaterThanOrEqual(20);
      } finally {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const [code] = await exited;
        expect(code).toBe(0);
      }
    });

    it('refuses an unknown option with the usage and exit code 2', { timeout: 30_000 }, async () => {
      const child = spawn(process.execPath, [bin(), '--prot', '4010'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const [code] = await once(child, 'exit');
      expect(code).toBe(2);
      expect(err).toContain('Unknown option --prot.');
      expect(err).toContain('Usage: customer-elements-mock-api');
    });
  });
});
