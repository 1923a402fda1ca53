/**
 * Every write the components make × every fault a real network has after the server did the work:
 * the answer lost (connection dropped), unreadable (invalid JSON), wrong (schema-violating), cut
 * off (the body stalls) or late (a timeout). Each case must end with exactly one record on the
 * server:
 * - a fault once: the SDK sends the write again with the same Idempotency-Key, the server replays
 *   its first answer, and the caller gets it;
 * - a fault every time: the caller gets an error marked `uncertain` (never a plain "failed"), and
 *   when the network is back the same call (Save again) is answered from the first write.
 * Run on mock-server over a real socket (the components run the same matrix in Chromium on MSW).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupMockApi, tokensOf } from '../../mocks/node.js';
import { startMockHttpServer } from '../../mocks/server.js';
import { createDatabase } from '../../mocks/data/index.js';
import type { FailureKind, ScenarioController } from '../../mocks/scenario.js';
import { createClient, isUncertainError, type Client, type RouteId } from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

interface WriteCase {
  name: string;
  route: RouteId;
  /** Makes the write; `n` makes its data unique to the case. Runs again, identically, for Save again. */
  prepare(api: Client, n: number): Promise<() => Promise<unknown>>;
  /** How many records the case's write made (must end at exactly one). */
  count(n: number): number;
}

const FAULTS = ['lost', 'malformed-json', 'malformed-schema', 'stall', 'late'] as const;
type Fault = (typeof FAULTS)[number];

/** Short enough that a stall costs little, long enough for a busy machine to answer a good request. */
const TIMEOUT_MS = 1000;

export function defineWriteFaultsSuite(transport: 'msw' | 'http'): void {
  const db = createDatabase({ size: { customers: 30, orders: 300, bigCustomerOrders: 400, manyNotes: 20 } });
  const tokens = tokensOf(db);
  const fx = db.fixtures;
  let baseUrl = '';
  let scenario: ScenarioController;
  let stop: () => unknown;

  const sdk = () => createClient({ baseUrl, getToken: () => tokens.admin, retry: { limit: 2, backoffMs: 1 }, timeout: TIMEOUT_MS });

  // Orders that can take a refund and a return: one per case, so that limits never interfere.
  const dispatched = db.ordersOf(fx.customers.bigOrders, { status: 'dispatched' }).map((order) => order.id);
  const open = db.ordersOf(fx.customers.bigOrders, { status: 'unallocated' }).map((order) => order.id);
  let next = 0;
  const take = (list: string[]) => {
    const id = list[next++ % list.length];
    if (!id) throw new Error('The data set has no order of the kind needed');
    return id;
  };
  const customerId = fx.customers.creditTrade;
  const text = (n: number) => `Fault case ${transport} ${n}`;

  const WRITES: WriteCase[] = [
    {
      name: 'note',
      route: 'notes.create',
      prepare: async (api, n) => () => api.notes.create(customerId, { text: text(n), kind: 'call' }),
      count: (n) => db.notesOf(customerId).filter((note) => note.text === text(n)).length,
    },
    {
      name: 'watch list',
      route: 'watchList.set',
      prepare: async (api, n) => {
        const { version } = await api.watchList.get(customerId, { cache: 'reload' });
        return () => api.watchList.set(customerId, text(n), { version });
      },
      count: (n) => db.notesOf(customerId).filter((note) => note.source === 'system' && note.text.includes(`"${text(n)}"`) && !note.text.startsWith('Removed')).length,
    },
    {
      name: 'card section',
      route: 'customers.update',
      prepare: async (api, n) => {
        const { version } = await api.customers.get(customerId, { cache: 'reload' });
        return () => api.customers.update(customerId, { tradingName: text(n) }, { version });
      },
      count: (n) => db.notesOf(customerId).filter((note) => note.source === 'system' && note.text.includes(text(n))).length,
    },
    {
      name: 'contact',
      route: 'contacts.create',
      prepare: async (api, n) => () => api.contacts.create(customerId, { name: text(n), role: 'Buyer' }),
      count: (n) => db.contactsOf(customerId).filter((contact) => contact.name === text(n)).length,
    },
    {
      name: 'address',
      route: 'addresses.create',
      prepare: async (api, n) => () =>
        api.addresses.create(customerId, { line1: text(n), city: 'Leeds', postcode: 'LS1 4AP', country: 'GB', roles: ['delivery'] }),
      count: (n) => db.addressesOf(customerId).filter((address) => address.line1 === text(n)).length,
    },
    {
      name: 'tracking',
      route: 'orders.addTracking',
      prepare: async (api, n) => {
        const orderId = take(open);
        return () => api.orders.addTracking(orderId, { carrier: 'Royal Mail', code: `RM${String(n).padStart(9, '0')}GB` });
      },
      count: (n) => countIn(open, (order) => order.tracking.filter((t) => t.code === `RM${String(n).padStart(9, '0')}GB`).length),
    },
    {
      name: 'refund',
      route: 'orders.refund',
      prepare: async (api, n) => {
        const orderId = take(dispatched);
        const currency = db.getOrder(orderId)!.totals.total.currency;
        return () => api.orders.refund(orderId, { amount: { amountMinor: 1, currency }, reason: text(n), method: 'manual' });
      },
      count: (n) => countIn(dispatched, (order) => order.refunds.filter((r) => r.reason === text(n)).length),
    },
    {
      name: 'return',
      route: 'orders.return',
      prepare: async (api, n) => {
        const orderId = take(dispatched);
        const line = db.getOrder(orderId)!.lines.find((l) => l.quantity > l.returnedQuantity);
        if (!line) throw new Error(`Order ${orderId} has nothing left to return`);
        return () => api.orders.return(orderId, { lines: [{ lineId: line.id, quantity: 1 }], reason: text(n) });
      },
      count: (n) => countIn(dispatched, (order) => order.returns.filter((r) => r.reason === text(n)).length),
    },
    {
      name: 'upload',
      route: 'attachments.upload',
      prepare: async (api, n) => {
        const file = new File([`%PDF-1.7 ${text(n)}`], `fault-${transport}-${n}.pdf`, { type: 'application/pdf' });
        return () => api.attachments.upload(customerId, file);
      },
      count: (n) => db.attachmentsOf(customerId).filter((a) => a.filename === `fault-${transport}-${n}.pdf`).length,
    },
  ];

  function countIn(ids: string[], per: (order: NonNullable<ReturnType<typeof db.getOrder>>) => number): number {
    return ids.reduce((sum, id) => sum + per(db.getOrder(id)!), 0);
  }

  /** Queue `fault` for the next `times` requests to `route`. */
  async function inject(route: RouteId, fault: Fault, times: number): Promise<void> {
    const kind: FailureKind = fault === 'malformed-json' || fault === 'malformed-schema' ? 'malformed' : fault;
    if (fault === 'malformed-json') {
      // Malformed answers alternate (schema-violating, then invalid JSON): spend the first on a read.
      scenario.failNext('me.get', 'malformed', 1);
      await rejection(sdk().me.get());
    }
    scenario.failNext(route, kind, times);
  }

  beforeAll(async () => {
    if (transport === 'msw') {
      const mock = setupMockApi({ db });
      mock.server.listen({ onUnhandledRequest: 'error' });
      ({ baseUrl, scenario } = mock);
      stop = () => mock.server.close();
    } else {
      const server = await startMockHttpServer({ port: 0, db });
      ({ url: baseUrl, scenario } = server);
      stop = () => server.close();
    }
  });
  afterEach(() => scenario.reset());
  afterAll(() => stop());

  let tried = 0;
  afterAll(() => {
    console.info(`write faults (${transport}): ${tried} cases = ${WRITES.length} writes × ${FAULTS.length} faults × 2 (once, every time), each ended with one record`);
  });

  let n = 0;
  for (const write of WRITES) {
    describe(write.name, () => {
      for (const fault of FAULTS) {
        it(`${fault} once: the retry with the same key gets the server's first answer; one record`, async () => {
          const id = ++n;
          const api = sdk();
          const run = await write.prepare(api, id);
          await inject(write.route, fault, 1);
          await run();
          expect(write.count(id)).toBe(1);
          tried++;
        });

        it(`${fault} every time: uncertain, never "failed"; Save again after it clears makes no second record`, async () => {
          const id = ++n;
          const api = sdk();
          const run = await write.prepare(api, id);
          await inject(write.route, fault, 10);
          const error = await rejection(run());
          expect(isUncertainError(error), String(error)).toBe(true);
          expect(write.count(id)).toBe(1);
          scenario.reset();
          await run();
          expect(write.count(id)).toBe(1);
          tried++;
        });
      }
    });
  }
}
