import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, clampSize, createDatabase, materialisation, type Database } from '../../mocks/data/index.js';
import { TOWNS } from '../../mocks/data/words.js';
import * as s from '../../src/sdk/schemas.js';

const SMALL = { customers: 60, orders: 600, bigCustomerOrders: 2_000, manyNotes: 150 };

function expectValid<T extends v.GenericSchema>(schema: T, value: unknown, label: string): void {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const issue = result.issues[0];
    throw new Error(`${label} is invalid: ${issue.message} at ${v.getDotPath(issue) ?? '(root)'}`);
  }
}

const allCustomers = (db: Database) => db.searchCustomers({});
const ids = (list: { id: string }[]) => list.map((c) => c.id);
const names = (db: Database) => allCustomers(db).map((c) => `${c.id} ${c.name} ${c.email}`);

/** Everything a client could read about every customer, as plain data. */
function snapshot(db: Database, reverse = false) {
  const customers = allCustomers(db);
  if (reverse) customers.reverse();
  const out = customers.map((c) => ({
    customer: db.toCustomer(c),
    summary: db.toSummary(c),
    addresses: db.addressesOf(c.id),
    contacts: db.contactsOf(c.id),
    notes: db.notesOf(c.id),
    watch: db.watchListOf(c.id),
    account: db.account(c.id),
    transactions: db.transactionsOf(c.id),
    loyalty: db.loyaltyOf(c.id),
    attachments: db.attachmentsOf(c.id).map(({ content, ...meta }) => ({ ...meta, content: [...content] })),
    orders: db.ordersOf(c.id, {}).slice(0, 5).map((o) => db.getOrder(o.id)),
  }));
  out.sort((a, b) => (a.customer.id < b.customer.id ? -1 : 1));
  return { fixtures: db.fixtures, reference: db.reference, customers: out };
}

describe('createDatabase: determinism', () => {
  it('gives identical data, ids included, for the same seed and size, whatever order it is read in', () => {
    const a = createDatabase({ seed: 7, size: SMALL });
    const b = createDatabase({ seed: 7, size: SMALL });
    expect(snapshot(b, true)).toEqual(snapshot(a));
  });

  it('gives different data for a different seed', () => {
    const a = createDatabase({ seed: 7, size: SMALL });
    const b = createDatabase({ seed: 8, size: SMALL });
    expect(names(b)).not.toEqual(names(a));
  });
});

describe('createDatabase: every record matches the API schemas', () => {
  const db = createDatabase({ seed: 3, size: SMALL });

  it('reference lists', () => {
    expectValid(s.Reference, db.reference, 'reference');
    const terms = db.reference.paymentTerms.find((t) => t.name === 'Full payment before despatch');
    expect(terms).toMatchObject({ kind: 'prepay', blocksDispatchUntilPaid: true });
    expect(db.reference.paymentTerms.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Pro forma', '7 days', '30 days end of month', '60 days']),
    );
    expect(db.reference.salesChannels.map((c) => c.kind)).toEqual(['manual', 'website', 'amazon', 'ebay', 'epos', 'trade']);
    expect(db.reference.customerTypes.filter((t) => t.trade).map((t) => t.id)).toEqual(['retailer', 'agent']);
  });

  it('customers and everything that belongs to them, fixtures included', () => {
    const customers = allCustomers(db);
    expect(customers.length).toBe(SMALL.customers + 19);
    for (const c of customers) {
      const label = `${c.id}`;
      expectValid(s.Customer, db.toCustomer(c), `customer ${label}`);
      expect(Object.keys(db.toCustomer(c))).not.toContain('passwordHash');
      expectValid(s.CustomerSummary, db.toSummary(c), `summary ${label}`);
      for (const a of db.addressesOf(c.id)) expectValid(s.Address, a, `address ${a.id}`);
      for (const x of db.contactsOf(c.id)) expectValid(s.Contact, x, `contact ${x.id}`);
      for (const n of db.notesOf(c.id)) expectValid(s.Note, n, `note ${n.id}`);
      expectValid(s.WatchList, db.watchListOf(c.id), `watch list ${label}`);
      expectValid(s.Account, db.account(c.id), `account ${label}`);
      for (const t of db.transactionsOf(c.id)) expectValid(s.Transaction, t, `transaction ${t.id}`);
      expectValid(s.Loyalty, db.loyaltyOf(c.id), `loyalty ${label}`);
      for (const a of db.attachmentsOf(c.id)) {
        const { content, ...meta } = a;
        expectValid(s.Attachment, meta, `attachment ${a.id}`);
        expect(content.byteLength).toBe(a.size);
      }
      const orders = db.ordersOf(c.id, {});
      expect(orders.length).toBe(db.countOrders(c.id));
      for (const o of orders.slice(0, 25)) {
        expectValid(s.OrderSummary, o, `order summary ${o.id}`);
        const order = db.getOrder(o.id)!;
        expectValid(s.Order, order, `order ${o.id}`);
        const t = order.totals;
        expect(t.subtotal.amountMinor + t.shipping.amountMinor + t.tax.amountMinor).toBe(t.total.amountMinor);
        expect(order.total).toEqual(t.total);
        expect(order.quantity).toBe(order.lines.reduce((sum, l) => sum + l.quantity, 0));
        expect(order.customerId).toBe(c.id);
      }
    }
  });

  it('realistic UK-centric values', () => {
    const customers = allCustomers(db);
    const ukPostcode = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$/;
    for (const c of customers) {
      if (c.id === db.fixtures.customers.hostile) continue;
      if (c.email) expect(c.email).toMatch(/@example\.(com|co\.uk|org)$/);
      if (c.telephone) expect(c.telephone).toMatch(/^0\d{2,4} \d{3,4} ?\d{3,4}$/);
      if (c.mobile) expect(c.mobile).toMatch(/^07700 900\d{3}$/);
      for (const a of db.addressesOf(c.id)) {
        if (a.country !== 'GB') continue;
        expect(a.postcode).toMatch(ukPostcode);
        // The postcode belongs to the town printed with it.
        const districts = TOWNS.find((t) => t.town === a.city)?.districts ?? (a.city === 'Lerwick' ? ['ZE1'] : []);
        expect(districts, `${a.city} ${a.postcode}`).toContain(a.postcode!.split(' ')[0]);
      }
      for (const o of db.ordersOf(c.id, {}).slice(0, 10)) {
        expect(o.id).toMatch(/^ord_\d{7}$/);
        expect(o.number).toMatch(/^SO-\d{7}$/);
        expect(o.total.currency).toBe('GBP');
        const order = db.getOrder(o.id)!;
        if (order.amazonOrderId) expect(order.amazonOrderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
        for (const t of order.tracking) {
          if (t.carrier === 'Royal Mail') expect(t.code).toMatch(/^[A-Z]{2}\d{9}GB$/);
          if (t.carrier === 'DPD') expect(t.code).toMatch(/^\d{14}$/);
        }
      }
    }
    expect(customers.some((c) => / (Ltd|LLP|Limited)$/.test(c.name))).toBe(true);
    expect(customers.map((c) => c.id)).toContain('cus_000001');
  });
});

describe('createDatabase: fixtures', () => {
  let db: Database;
  beforeAll(() => {
    db = createDatabase({ seed: 5, size: SMALL });
  });
  const customer = (id: string) => db.getCustomer(id)!;
  const termsOf = (id: string) => db.reference.paymentTerms.find((t) => t.id === customer(id).paymentTermsId)!;

  it('users: admin can do everything, the clerk only the everyday things, the viewer nothing', () => {
    const { admin, clerk, viewer } = db.fixtures.users;
    expect(db.userByToken('demo-admin-token')).toBe(admin);
    expect(db.userByToken('demo-clerk-token')).toBe(clerk);
    expect(db.userByToken('demo-viewer-token')).toBe(viewer);
    expect(db.userByToken('nonsense')).toBeUndefined();
    expect(new Set(admin.capabilities)).toEqual(new Set(s.CAPABILITIES));
    expect(admin.capabilities).toHaveLength(s.CAPABILITIES.length);
    expect(clerk.capabilities).toEqual(expect.arrayContaining(['notes.add', 'notes.pin', 'addresses.edit', 'contacts.edit', 'watchlist.edit', 'orders.prioritise', 'orders.tracking.add', 'orders.invoice.print', 'accounts.view']));
    for (const forbidden of ['customers.company.edit', 'customers.terms.edit', 'orders.cancel', 'orders.refund', 'loyalty.adjust'] as const) {
      expect(clerk.capabilities).not.toContain(forbidden);
    }
    expect(viewer.capabilities).toEqual([]);
    for (const u of [admin, clerk, viewer]) expectValid(s.User, { id: u.id, name: u.name, email: u.email }, u.id);
  });

  it('agent has at least three sub-customers, and the sub-customer is one of them', () => {
    const { agent, subCustomer } = db.fixtures.customers;
    const subs = db.subCustomers(agent);
    expect(customer(agent).type).toBe('agent');
    expect(subs.length).toBeGreaterThanOrEqual(3);
    expect(customer(agent).subCustomerCount).toBe(subs.length);
    expect(subs.map((c) => c.id)).toContain(subCustomer);
    expect(customer(subCustomer).agentId).toBe(agent);
  });

  it('amazon and ebay customers are on blocking "Full payment before despatch" terms, with their channel ids', () => {
    const { amazon, ebay } = db.fixtures.customers;
    for (const id of [amazon, ebay]) {
      expect(termsOf(id).name).toBe('Full payment before despatch');
      expect(db.account(id).dispatchBlocked).toBe(true);
    }
    expect(customer(amazon).origin).toBe('amazon');
    expect(customer(ebay).origin).toBe('ebay');
    expect(customer(ebay).ebayUserId).toBeTruthy();
    const amazonOrders = db.ordersOf(amazon, {}).map((o) => db.getOrder(o.id)!);
    expect(amazonOrders.some((o) => /^202-\d{7}-\d{7}$/.test(o.amazonOrderId ?? ''))).toBe(true);
    const created = db.notesOf(amazon).at(-1)!;
    expect(created.author).toMatchObject({ type: 'integration', name: 'Amazon integration' });
    // Every marketplace-created customer, not only the fixtures.
    for (const c of allCustomers(db)) {
      if (c.origin === 'amazon' || c.origin === 'ebay') expect(termsOf(c.id).blocksDispatchUntilPaid).toBe(true);
    }
  });

  it('credit trade customer: 30-day credit terms, a credit limit and an overdue amount', () => {
    const id = db.fixtures.customers.creditTrade;
    const account = db.account(id);
    expect(customer(id).type).toBe('retailer');
    expect(termsOf(id)).toMatchObject({ kind: 'credit', days: 30, blocksDispatchUntilPaid: false });
    expect(account.creditLimit.amountMinor).toBeGreaterThan(0);
    expect(account.overdue.amountMinor).toBeGreaterThan(0);
    expect(account.balance.amountMinor).toBeGreaterThanOrEqual(account.overdue.amountMinor);
    expect(account.availableCredit.amountMinor).toBe(Math.max(0, account.creditLimit.amountMinor - account.balance.amountMinor));
    expect(db.transactionsOf(id)[0]!.balanceAfter).toEqual(account.balance);
  });

  it('on hold, VAT exempt with an EORI, watch-listed with its note', () => {
    const { onHold, vatExempt, watchListed } = db.fixtures.customers;
    expect(customer(onHold).onHold).toBe(true);
    expect(customer(vatExempt)).toMatchObject({ vatExempt: true, eori: expect.stringMatching(/^[A-Z]{2}[0-9A-Z]{1,15}$/) });
    expect(customer(watchListed).watchListed).toBe(true);
    const watch = db.watchListOf(watchListed);
    expect(watch).toMatchObject({ active: true, note: 'Returned several items complaining of damage, so beware.' });
    expect(watch.updatedBy?.type).toBe('user');
  });

  it('address counts: none, one, six, forty', () => {
    const c = db.fixtures.customers;
    expect(db.addressesOf(c.noAddresses)).toHaveLength(0);
    expect(db.addressesOf(c.oneAddress)).toHaveLength(1);
    expect(db.addressesOf(c.sixAddresses)).toHaveLength(6);
    expect(db.addressesOf(c.fortyAddresses)).toHaveLength(40);
    expect(db.toSummary(customer(c.noAddresses)).postcode).toBeNull();
  });

  it('many notes: the configured count, manual and system, some pinned, some removed, newest first', () => {
    const notes = db.notesOf(db.fixtures.customers.manyNotes);
    expect(notes).toHaveLength(SMALL.manyNotes);
    expect(notes.some((n) => n.source === 'manual')).toBe(true);
    expect(notes.some((n) => n.source === 'system' && n.changes.length > 0)).toBe(true);
    expect(notes.some((n) => n.pinned)).toBe(true);
    expect(notes.some((n) => n.removed !== null)).toBe(true);
    for (let i = 1; i < notes.length; i++) expect(notes[i - 1]!.createdAt >= notes[i]!.createdAt).toBe(true);
    expect(new Set(notes.filter((n) => n.source === 'system').map((n) => n.author.type))).toContain('user');
  });

  it('all statuses: every status, tracking, documents, pending triggers, refunds, returns; the order fixtures', () => {
    const id = db.fixtures.customers.allStatuses;
    const orders = db.ordersOf(id, {}).map((o) => db.getOrder(o.id)!);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(s.ORDER_STATUSES));
    expect(orders.some((o) => o.tracking.some((t) => t.source === 'label'))).toBe(true);
    expect(orders.some((o) => o.tracking.some((t) => t.source === 'manual'))).toBe(true);
    expect(orders.some((o) => o.printHistory.length > 0)).toBe(true);
    expect(orders.some((o) => o.refunds.length > 0 && o.totals.refunded.amountMinor > 0)).toBe(true);
    expect(orders.some((o) => o.returns.length > 0 && o.lines.some((l) => l.returnedQuantity > 0))).toBe(true);
    expect(orders.some((o) => o.attachments.length > 0)).toBe(true);
    expect(orders.some((o) => o.priority)).toBe(true);
    const { cancellable, dispatched, pendingTriggers } = db.fixtures.orders;
    expect(db.getOrder(cancellable)).toMatchObject({ customerId: id, status: 'unallocated' });
    expect(db.getOrder(dispatched)).toMatchObject({ customerId: id, status: 'dispatched' });
    expect(db.getOrder(pendingTriggers)!.triggers.some((t) => t.status === 'pending')).toBe(true);
    for (const o of orders) for (const a of o.attachments) expect(db.getAttachment(a.id)?.orderId).toBe(o.id);
  });

  it('hostile: every text field of the customer, its notes, addresses, contacts and orders holds hostile text', () => {
    const id = db.fixtures.customers.hostile;
    const hostile = Object.values(HOSTILE);
    const isHostile = (text: string | null) => text !== null && hostile.some((h) => text.includes(h));
    const c = db.toCustomer(customer(id));
    for (const field of ['name', 'tradingName', 'accountsReference', 'eori', 'username', 'email', 'telephone', 'mobile', 'fax', 'ebayUserId'] as const) {
      expect(isHostile(c[field]), field).toBe(true);
    }
    const all = [c.name, c.tradingName, c.eori, c.username, c.telephone, c.mobile].join(' ');
    for (const h of hostile) expect(JSON.stringify(db.toCustomer(customer(id))) + JSON.stringify(db.notesOf(id)) + all).toContain(JSON.stringify(h).slice(1, -1));
    expect(HOSTILE.long).toHaveLength(300);
    expect(HOSTILE.long).not.toMatch(/\s/);
    expect(HOSTILE.rtl).toContain('\u202E');
    const manual = db.notesOf(id).filter((n) => n.source === 'manual');
    expect(manual.length).toBeGreaterThan(0);
    for (const n of manual) expect(isHostile(n.text)).toBe(true);
    expect(isHostile(db.watchListOf(id).note)).toBe(true);
    for (const a of db.addressesOf(id)) {
      for (const field of ['label', 'recipient', 'line1', 'line2', 'city', 'region', 'postcode'] as const) expect(isHostile(a[field]), field).toBe(true);
    }
    for (const x of db.contactsOf(id)) for (const field of ['name', 'role', 'email', 'phone'] as const) expect(isHostile(x[field]), field).toBe(true);
    const orders = db.ordersOf(id, {}).map((o) => db.getOrder(o.id)!);
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(isHostile(o.reference) && isHostile(o.externalReference)).toBe(true);
      for (const l of o.lines) expect(isHostile(l.sku) && isHostile(l.description)).toBe(true);
      for (const t of o.tracking) expect(isHostile(t.carrier) && isHostile(t.code)).toBe(true);
      for (const r of o.refunds) expect(isHostile(r.reason)).toBe(true);
      for (const r of o.returns) expect(isHostile(r.reason)).toBe(true);
      for (const a of o.attachments) expect(isHostile(a.filename)).toBe(true);
    }
    expect(orders.some((o) => o.tracking.length > 0 && o.refunds.length > 0 && o.returns.length > 0)).toBe(true);
    for (const a of db.attachmentsOf(id)) expect(isHostile(a.filename)).toBe(true);
  });

  it('every fixtures.search entry finds exactly its customer', () => {
    for (const criterion of s.SEARCH_CRITERIA) {
      const { q, customerId } = db.fixtures.search[criterion];
      const found = db.searchCustomers({ q, criterion }).map((c) => c.id);
      expect(found, criterion).toEqual([customerId]);
      // Case and surrounding spaces do not matter.
      expect(db.searchCustomers({ q: ` ${q.toLowerCase()} `, criterion }).map((c) => c.id), criterion).toEqual([customerId]);
    }
  });
});

describe('createDatabase: the big customer, lazily', () => {
  it('counts 100,000 orders by default without building them, and search finds them without building them', () => {
    const db = createDatabase();
    const big = db.fixtures.customers.bigOrders;
    expect(db.countOrders(big)).toBe(100_000);
    expect(materialisation(db).bigCustomerSummaries).toBeLessThan(50);
    const before = materialisation(db).orderDetails;

    // A big-customer order in the middle, read from a second database built the same way. The big
    // customer's orders take the last ordinals, so the next order id tells where they end.
    const probe = createDatabase();
    const last = Number(probe.nextId('ord').slice(4)) - 1;
    const order = probe.getOrder(`ord_${String(last - 50_000).padStart(7, '0')}`)!;
    expect(order.customerId).toBe(big);
    expect(db.searchCustomers({ q: order.number, criterion: 'orderNumber' }).map((c) => c.id)).toEqual([big]);
    expect(db.searchCustomers({ q: order.reference, criterion: 'orderReference' }).map((c) => c.id)).toEqual([big]);
    if (order.externalReference) expect(db.searchCustomers({ q: order.externalReference, criterion: 'externalOrderReference' }).map((c) => c.id)).toEqual([big]);
    if (order.tracking[0]) expect(db.searchCustomers({ q: order.tracking[0].code, criterion: 'trackingNumber' }).map((c) => c.id)).toEqual([big]);
    expect(materialisation(db).orderDetails).toBe(before);
    expect(materialisation(db).bigCustomerSummaries).toBeLessThan(50);

    const rows = db.ordersOf(big, {});
    expect(rows).toHaveLength(100_000);
    for (let i = 1; i < 1_000; i++) expect(rows[i - 1]!.placedAt >= rows[i]!.placedAt).toBe(true);
    expect(db.ordersOf(big, { status: 'cancelled' }).every((o) => o.status === 'cancelled')).toBe(true);
  });
});

describe('searchCustomers', () => {
  const db = createDatabase({ seed: 11, size: { customers: 400, orders: 3_000, bigCustomerOrders: 1_000, manyNotes: 20 } });

  it('lists everyone by name then id with no query, and filters by segment and initial', () => {
    const all = db.searchCustomers({});
    expect(all).toHaveLength(400 + 19);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      const ka = a.name.toLowerCase();
      const kb = b.name.toLowerCase();
      expect(ka < kb || (ka === kb && a.id < b.id)).toBe(true);
    }
    const trade = db.searchCustomers({ segment: 'trade' });
    const retail = db.searchCustomers({ segment: 'retail' });
    expect(trade.every((c) => c.type !== 'public')).toBe(true);
    expect(retail.every((c) => c.type === 'public')).toBe(true);
    expect(trade.length + retail.length).toBe(all.length);
    const bs = db.searchCustomers({ initial: 'B' });
    expect(bs.length).toBeGreaterThan(0);
    expect(bs.every((c) => c.name.toUpperCase().startsWith('B'))).toBe(true);
    expect(ids(db.searchCustomers({ initial: '#' }))).toContain(db.fixtures.customers.hostile);
    expect(db.searchCustomers({ initial: 'B', segment: 'trade' }).every((c) => c.type !== 'public' && c.name.startsWith('B'))).toBe(true);
  });

  it('name: any word prefix of the name or trading name, case-insensitive, every word must match', () => {
    const credit = db.fixtures.customers.creditTrade;
    expect(ids(db.searchCustomers({ q: 'wolst', criterion: 'name' }))).toEqual([credit]);
    expect(ids(db.searchCustomers({ q: 'PEMBERTON interiors', criterion: 'name' }))).toEqual([credit]);
    expect(ids(db.searchCustomers({ q: 'Wolstenholme', criterion: 'name', segment: 'retail' }))).toEqual([]);
    expect(ids(db.searchCustomers({ q: 'Wolstenholme', criterion: 'name', initial: 'W' }))).toEqual([credit]);
    expect(ids(db.searchCustomers({ q: 'Wolstenholme', criterion: 'name', initial: 'A' }))).toEqual([]);
    expect(ids(db.searchCustomers({ q: 'mammoth' }))).toEqual([db.fixtures.customers.bigOrders]); // name is the default criterion
    expect(db.searchCustomers({ q: 'zzqx', criterion: 'name' })).toEqual([]);
  });

  it('email: exact or prefix, case-insensitive', () => {
    const credit = db.fixtures.customers.creditTrade;
    expect(ids(db.searchCustomers({ q: 'ACCOUNTS.WOLSTENHOLME@', criterion: 'email' }))).toEqual([credit]);
    const some = db.searchCustomers({ q: 'a', criterion: 'email' });
    expect(some.length).toBeGreaterThan(1);
    expect(some.every((c) => c.email?.toLowerCase().startsWith('a'))).toBe(true);
  });

  it('postcode: prefix, ignoring case and spaces', () => {
    const onHold = db.fixtures.customers.onHold;
    for (const q of ['ZE1 0LL', 'ze10ll', 'ze1', ' Ze1 0 ']) expect(ids(db.searchCustomers({ q, criterion: 'postcode' })), q).toEqual([onHold]);
    const london = db.searchCustomers({ q: 'sw', criterion: 'postcode' });
    expect(london.every((c) => db.toSummary(c).postcode?.startsWith('SW'))).toBe(true);
  });

  it('order identifiers are exact: a prefix finds nothing', () => {
    const { q } = db.fixtures.search.orderNumber;
    expect(db.searchCustomers({ q: q.slice(0, -1), criterion: 'orderNumber' })).toEqual([]);
    expect(db.searchCustomers({ q: 'not-an-order', criterion: 'trackingNumber' })).toEqual([]);
  });
});

describe('indexes follow every mutation', () => {
  it('rename: found by the new name, not the old; email change likewise', () => {
    const db = createDatabase({ seed: 2, size: SMALL });
    const id = db.fixtures.customers.creditTrade;
    const before = db.getCustomer(id)!.version;
    db.updateCustomer(id, { name: 'Zebedee Quartermaine Ltd', tradingName: null, email: 'buying@example.org' });
    expect(db.getCustomer(id)!.version).toBe(before + 1);
    expect(ids(db.searchCustomers({ q: 'zebedee', criterion: 'name' }))).toEqual([id]);
    expect(ids(db.searchCustomers({ q: 'Wolstenholme', criterion: 'name' }))).toEqual([]);
    expect(ids(db.searchCustomers({ q: 'buying@example.org', criterion: 'email' }))).toEqual([id]);
    expect(ids(db.searchCustomers({ q: 'accounts.wolstenholme', criterion: 'email' }))).toEqual([]);
    expect(ids(db.searchCustomers({ initial: 'Z' }))).toContain(id);
    expect(ids(db.searchCustomers({ initial: 'W' }))).not.toContain(id);
  });

  it('addresses: a new address postcode is found, a changed or deleted one is not', () => {
    const db = createDatabase({ seed: 2, size: SMALL });
    const id = db.fixtures.customers.noAddresses;
    const address = db.createAddress(id, { label: null, recipient: null, line1: '1 Quay Road', line2: null, city: 'Kirkwall', region: 'Orkney', postcode: 'KW15 1AB', country: 'GB', roles: ['billing'] });
    expect(ids(db.searchCustomers({ q: 'kw15', criterion: 'postcode' }))).toEqual([id]);
    expect(db.toSummary(db.getCustomer(id)!).postcode).toBe('KW15 1AB');
    db.updateAddress(address.id, { postcode: 'KW16 3AA' });
    expect(ids(db.searchCustomers({ q: 'KW15', criterion: 'postcode' }))).toEqual([]);
    expect(ids(db.searchCustomers({ q: 'kw163aa', criterion: 'postcode' }))).toEqual([id]);
    db.deleteAddress(address.id);
    expect(ids(db.searchCustomers({ q: 'KW16', criterion: 'postcode' }))).toEqual([]);
    expect(db.toSummary(db.getCustomer(id)!).postcode).toBeNull();
  });

  it('a tracking code added through saveOrder is found; the order version goes up', () => {
    const db = createDatabase({ seed: 2, size: SMALL });
    const order = db.getOrder(db.fixtures.orders.cancellable)!;
    const code = 'JD0002219912345678';
    expect(db.searchCustomers({ q: code, criterion: 'trackingNumber' })).toEqual([]);
    const saved = db.saveOrder({ ...order, tracking: [...order.tracking, { id: 'trk_manual_1', carrier: 'Evri', code, source: 'manual', addedAt: db.now }] });
    expect(saved.version).toBe(order.version + 1);
    expect(db.getOrderSummary(order.id)!.version).toBe(saved.version);
    expect(ids(db.searchCustomers({ q: code.toLowerCase(), criterion: 'trackingNumber' }))).toEqual([db.fixtures.customers.allStatuses]);
    // Removing it again removes it from search.
    db.saveOrder({ ...saved, tracking: order.tracking });
    expect(db.searchCustomers({ q: code, criterion: 'trackingNumber' })).toEqual([]);
  });

  it('a cancelled order keeps its number; status changes show in the summaries', () => {
    const db = createDatabase({ seed: 2, size: SMALL });
    const order = db.getOrder(db.fixtures.orders.cancellable)!;
    db.saveOrder({ ...order, status: 'cancelled', cancelledAt: db.now });
    expect(db.getOrderSummary(order.id)!.status).toBe('cancelled');
    expect(db.ordersOf(order.customerId, { status: 'cancelled' }).map((o) => o.id)).toContain(order.id);
    expect(ids(db.searchCustomers({ q: order.number, criterion: 'orderNumber' }))).toEqual([order.customerId]);
  });

  it('createCustomer: the new customer is searchable by name, email and initial, and counted under its agent', () => {
    const db = createDatabase({ seed: 2, size: SMALL });
    const agentId = db.fixtures.customers.agent;
    const count = db.getCustomer(agentId)!.subCustomerCount;
    const template = db.getCustomer(db.fixtures.customers.subCustomer)!;
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, subCustomerCount: _s, watchListed: _w, ...input } = template;
    const created = db.createCustomer({ ...input, name: 'Yarrowby Threads Ltd', email: 'hello@yarrowby.example.com', agentId });
    expect(created.id).toMatch(/^cus_\d{6}$/);
    expect(db.getCustomer(created.id)).toBe(created);
    expect(ids(db.searchCustomers({ q: 'yarrow', criterion: 'name' }))).toEqual([created.id]);
    expect(ids(db.searchCustomers({ q: 'hello@yarrowby', criterion: 'email' }))).toEqual([created.id]);
    expect(ids(db.searchCustomers({ initial: 'Y' }))).toContain(created.id);
    expect(db.getCustomer(agentId)!.subCustomerCount).toBe(count + 1);
    expect(ids(db.subCustomers(agentId))).toContain(created.id);
    expectValid(s.Customer, db.toCustomer(created), 'created customer');
    expect(db.notesOf(created.id)).toEqual([]);
    expect(db.transactionsOf(created.id)).toEqual([]);
    expect(db.account(created.id).balance.amountMinor).toBe(0);
  });

  it('notes, transactions and watch list mutations', () => {
    const db = createDatabase({ seed: 2, size: SMALL });
    const id = db.fixtures.customers.oneAddress;
    const count = db.notesOf(id).length;
    const note = db.addNote({ customerId: id, source: 'manual', kind: 'call', text: 'Rang back', pinned: false, author: { type: 'user', id: 'usr_000001', name: 'A' }, createdAt: new Date().toISOString(), changes: [], removed: null });
    expect(db.notesOf(id)).toHaveLength(count + 1);
    expect(db.notesOf(id)[0]).toBe(note);
    expect(db.updateNote(note.id, { pinned: true }).pinned).toBe(true);
    expect(db.getNote(note.id)?.pinned).toBe(true);
    const balance = db.account(id).balance.amountMinor;
    const { row } = db.postLedgerEntry(id, {
      type: 'adjustment', date: '2026-11-01', reference: 'ADJ-1', description: 'Adjustment', lines: null, net: 1_234, vat: 0, amount: 1_234,
      dueDate: null, orderId: null, orderNumber: null, method: null, bankAccountId: null, createdAt: new Date().toISOString(),
      createdBy: { type: 'user', id: 'usr_000001', name: 'A' }, allocation: { mode: 'none' },
    });
    expect(db.ledgerOf(id).entry(row).balanceAfter.amountMinor).toBe(balance + 1_234);
    expect(db.account(id).balance.amountMinor).toBe(balance + 1_234);
    expect(db.transactionsOf(id)[0]!.id).toBe(row.id);
    expect(db.transactionsOf(id)[0]!.balanceAfter.amountMinor).toBe(balance + 1_234);
    db.setWatchList(id, { customerId: id, active: true, note: 'Beware', updatedAt: new Date().toISOString(), updatedBy: null });
    expect(db.getCustomer(id)!.watchListed).toBe(true);
    expect(db.searchCustomers({ q: 'Quince' })[0]!.watchListed).toBe(true);
    // A generated note can be changed by id before anyone has listed that customer's notes.
    const other = db.fixtures.customers.watchListed;
    const noteId = db.notesOf(other).at(-1)!.id;
    const twin = createDatabase({ seed: 2, size: SMALL });
    expect(twin.updateNote(noteId, { pinned: true }).pinned).toBe(true);
    expect(twin.notesOf(other).find((n) => n.id === noteId)?.pinned).toBe(true);
    const fresh = db.nextId('not');
    expect(fresh).toMatch(/^not_\d+$/);
    expect(db.getNote(fresh)).toBeUndefined();
  });
});

describe('sizes', () => {
  it('clamps out-of-range sizes', () => {
    expect(clampSize({ customers: 50_000, orders: 1e9, bigCustomerOrders: -5, manyNotes: 2.7, hugeCustomerOrders: 9e9 })).toEqual({ customers: 10_000, orders: 100_000, bigCustomerOrders: 0, manyNotes: 2, hugeCustomerOrders: 5_000_000 });
    expect(clampSize({ customers: Number.NaN, orders: Infinity, hugeCustomerOrders: -1 })).toEqual({ customers: 1_000, orders: 100_000, bigCustomerOrders: 100_000, manyNotes: 3_000, hugeCustomerOrders: 0 });
    // Orders kept to none so that the largest customer count stays quick to build here (the bench builds it all).
    const db = createDatabase({ size: { customers: 50_000, orders: 0, bigCustomerOrders: -5, manyNotes: 2.7 } });
    expect(db.size).toEqual({ customers: 10_000, orders: 0, bigCustomerOrders: 0, manyNotes: 2, hugeCustomerOrders: 0 });
    expect(db.searchCustomers({})).toHaveLength(10_000 + 19);
    expect(db.countOrders(db.fixtures.customers.bigOrders)).toBe(0);
    expect(db.notesOf(db.fixtures.customers.manyNotes)).toHaveLength(2);
  });

  it('a handful: no ordinary customers still gives every fixture', () => {
    const db = createDatabase({ size: { customers: 0, orders: 500, bigCustomerOrders: 10, manyNotes: 5 } });
    expect(db.size.orders).toBe(0);
    expect(db.searchCustomers({})).toHaveLength(19);
    for (const criterion of s.SEARCH_CRITERIA) {
      expect(db.searchCustomers({ q: db.fixtures.search[criterion].q, criterion }).map((c) => c.id)).toEqual([db.fixtures.search[criterion].customerId]);
    }
  });

  it('defaults, and the default build time (printed, not asserted)', () => {
    const started = performance.now();
    const db = createDatabase();
    const elapsed = performance.now() - started;
    console.info(`createDatabase() default size: ${elapsed.toFixed(0)} ms`);
    expect(db.size).toEqual({ customers: 1_000, orders: 20_000, bigCustomerOrders: 100_000, manyNotes: 3_000, hugeCustomerOrders: 0 });
    expect(db.seed).toBe(1);
    expect(db.now).toBe('2026-11-01T09:00:00.000Z');
    expect(db.notesOf(db.fixtures.customers.manyNotes)).toHaveLength(3_000);
    let orders = 0;
    for (const c of db.searchCustomers({})) if (c.id !== db.fixtures.customers.bigOrders) orders += db.countOrders(c.id);
    expect(orders).toBeGreaterThanOrEqual(20_000);
  });
});
