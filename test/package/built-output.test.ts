/**
 * The package as a host installs it: the built `dist/` files reached through the exports map by
 * name (`customer-elements/sdk`, `customer-elements/mocks`), not the sources. Runs after `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { types?: string; default?: string }>;
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
      const { startMockHttpServer } = await import('../../mocks/server.js');
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
});
