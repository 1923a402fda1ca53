/**
 * Builds a whole data set from a seed: users, the fixture customers that tests and stories address
 * by role, ordinary customers of every type and channel, their addresses, contacts, notes, orders,
 * account transactions, loyalty points and attachments.
 *
 * Every random choice comes from one PRNG stream consumed in a fixed order, and every id from the
 * store's counters, so the same seed and size always give the same data set, ids included. Orders
 * draw from their own per-order streams (see `orders.ts`), so their details can be made later.
 */
import { SINGLE_HOLDER_ROLES, type Actor, type Address, type Contact, type CustomerType, type Note, type OrderStatus, type WatchList } from '../../src/sdk/schemas.js';
import { CAPABILITIES, type Capability } from '../../src/sdk/schemas.js';
import type { CustomerRecord, DatabaseOptions, DatasetSize, Fixtures, StoredAttachment, UserRecord } from './database.js';
import * as ids from './identifiers.js';
import { ORDER_FLAG_TAX_FREE, ORDER_FLAG_TRADE, makeSummary, orderCore, statusForAge } from './orders.js';
import { generateLedger, type InvoicedOrder } from './ledger-generate.js';
import type { LazyCustomerData } from './store.js';
import { DAY, Rng, hashSeed, iso, pad } from './random.js';
import { BANK, CHANNEL, TERMS, buildReference } from './reference.js';
import { Store } from './store.js';
import { bool, changed, money, ref, textValue } from './changes.js';
import * as w from './words.js';

export const DEFAULT_SIZE: DatasetSize = { customers: 1_000, orders: 20_000, bigCustomerOrders: 100_000, manyNotes: 3_000, hugeCustomerOrders: 0 };
export const SIZE_LIMITS: Record<keyof DatasetSize, readonly [min: number, max: number]> = {
  customers: [0, 10_000],
  orders: [0, 100_000],
  bigCustomerOrders: [0, 100_000],
  manyNotes: [0, 10_000],
  hugeCustomerOrders: [0, 5_000_000],
};
export const DEFAULT_NOW = '2026-11-01T09:00:00.000Z';

/** Out-of-range, fractional or non-numeric sizes are clamped to the limits (or take the default). */
export function clampSize(size: Partial<DatasetSize> = {}): DatasetSize {
  const out = { ...DEFAULT_SIZE };
  for (const key of Object.keys(DEFAULT_SIZE) as (keyof DatasetSize)[]) {
    const value = size[key];
    if (typeof value !== 'number' || Number.isNaN(value)) continue;
    const [min, max] = SIZE_LIMITS[key];
    out[key] = Math.min(max, Math.max(min, Math.floor(value)));
  }
  // Ordinary orders belong to ordinary customers: with none, there are none.
  if (out.customers === 0) out.orders = 0;
  return out;
}

/** Hostile text for the `hostile` fixture: every text field of it holds some of these. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(1)</script>',
  attr: '"><svg onload=alert(1)>',
  rtl: '\u202Egnp.exe\u202C invoice',
  long: 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(7).slice(0, 300),
  emoji: '🦄🔥👩‍👩‍👧‍👦🇬🇧',
} as const;

const ALL_CAPABILITIES: Capability[] = [...CAPABILITIES];
const CLERK_CAPABILITIES: Capability[] = [
  'notes.add', 'notes.pin', 'addresses.edit', 'contacts.edit', 'watchlist.edit', 'orders.prioritise',
  'orders.tracking.add', 'orders.invoice.print', 'accounts.view',
];

const PNG_1X1 = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
  0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41,
  0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);
const encoder = new TextEncoder();
const pdfBytes = (title: string) =>
  encoder.encode(`%PDF-1.4\n% ${title}\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`);

const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });
const pounds = (minor: number) => `£${(minor / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const slug = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');

type Persona = Partial<CustomerRecord> & { type: CustomerType };

interface OrderSpec {
  daysAgo: number;
  status: OrderStatus;
  priority?: boolean;
  channel?: string;
}

const PUBLIC_ORIGINS = [['website', 40], ['amazon', 18], ['ebay', 14], ['manual', 16], ['epos', 12]] as const;
const TRADE_ORIGINS = [['manual', 80], ['website', 20]] as const;
const CUSTOMER_TYPES_WEIGHTED = [['public', 65], ['retailer', 30], ['agent', 5]] as const;
const ADDRESS_COUNTS = [[1, 60], [2, 30], [3, 10]] as const;

class Generator {
  rng: Rng;
  /** Where ids come from: the store's counters, or per-customer counters for lazily made records. */
  idOf: (prefix: string) => string;
  readonly nowMs: number;
  readonly store: Store;
  readonly users: { admin: UserRecord; clerk: UserRecord; viewer: UserRecord };
  readonly staff: Actor[];
  readonly integrations: { amazon: Actor; ebay: Actor; accounts: Actor };
  readonly termsById = new Map(buildReference().paymentTerms.map((t) => [t.id, t]));
  readonly channelName = new Map(buildReference().salesChannels.map((c) => [c.id, c.name]));
  readonly channelKind = new Map(buildReference().salesChannels.map((c) => [c.id, c.kind]));

  constructor(readonly seed: number, readonly size: DatasetSize, readonly now: string) {
    this.rng = new Rng(hashSeed(seed, 0x5eed));
    this.nowMs = Date.parse(now);
    const staffPeople: [string, string][] = [
      ['Hannah Whitfield', 'demo-admin-token'],
      ['Ravi Chandran', 'demo-clerk-token'],
      ['Morag Baird', 'demo-viewer-token'],
      ['Tom Ellison', ''],
      ['Beth Okoro', ''],
      ['Sanjay Mistry', ''],
    ];
    this.store = new Store({ seed, size, now, reference: buildReference() });
    this.idOf = (prefix) => this.store.nextId(prefix);
    const records = staffPeople.map(([name, token]) => ({
      id: this.store.nextId('usr'), name, email: `${slug(name.split(' ')[0]!)}.${slug(name.split(' ')[1]!)}@example.co.uk`, token,
    }));
    const [admin, clerk, viewer] = records as [typeof records[0], typeof records[0], typeof records[0]];
    this.users = {
      admin: { ...admin, capabilities: ALL_CAPABILITIES },
      clerk: { ...clerk, capabilities: CLERK_CAPABILITIES },
      viewer: { ...viewer, capabilities: [] },
    };
    // Notes, print runs and refunds are by the staff who can do things, never by the read-only viewer.
    this.staff = records.filter((r) => r.id !== viewer.id).map((r) => ({ type: 'user', id: r.id, name: r.name }));
    this.store.setStaff(this.staff);
    this.integrations = {
      amazon: { type: 'integration', id: 'int_amazon', name: 'Amazon integration' },
      ebay: { type: 'integration', id: 'int_ebay', name: 'eBay integration' },
      accounts: { type: 'integration', id: 'int_xero', name: 'Xero accounts sync' },
    };
    for (const user of Object.values(this.users)) this.store.loadUser(user);
  }

  /**
   * A generator for one customer's lazily made records: its own PRNG stream and ids of the form
   * `not_000123_0001`, so what it makes does not depend on which customer was opened first.
   */
  fork(customer: CustomerRecord): Generator {
    const f = Object.create(this) as Generator;
    const key = customer.id.slice(4);
    const counters = new Map<string, number>();
    f.rng = new Rng(hashSeed(this.seed, Number(key), 5));
    f.idOf = (prefix) => {
      const next = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, next);
      return `${prefix}_${key}_${pad(next, 4)}`;
    };
    return f;
  }

  // ------------------------------------------------------------------------------------------
  // Small makers
  // ------------------------------------------------------------------------------------------

  landline(): string {
    const r = this.rng;
    return r.bool() ? `01632 960${pad(r.int(0, 999), 3)}` : `020 7946 0${pad(r.int(0, 999), 3)}`;
  }

  mobile(): string {
    return `07700 900${pad(this.rng.int(0, 999), 3)}`;
  }

  personName(): [string, string] {
    return [this.rng.pick(w.FIRST_NAMES), this.rng.pick(w.SURNAMES)];
  }

  ukPostcode(town: w.Town): string {
    return `${this.rng.pick(town.districts)} ${this.rng.int(0, 9)}${this.rng.letters(2, w.INWARD_LETTERS)}`;
  }

  // ------------------------------------------------------------------------------------------
  // Customers
  // ------------------------------------------------------------------------------------------

  customer(persona: Persona): CustomerRecord {
    const r = this.rng;
    const type = persona.type;
    let name: string;
    let tradingName: string | null = null;
    let origin: CustomerRecord['origin'];
    let channel: string;
    let terms: string;
    let creditLimit = 0;
    let email: string | null;
    let username: string | null = null;
    let accountsReference: string | null = null;
    let bankAccountId: string | null = null;
    let fax: string | null = null;
    let ebayUserId: string | null = null;
    let telephone: string | null = null;
    let mobile: string | null = null;
    const domain = r.pick(w.EMAIL_DOMAINS);

    if (type === 'public') {
      const generated = this.personName();
      // A fixture's given name also drives its email and username.
      const given = persona.name?.split(/\s+/);
      const [first, last] = given && given.length > 1 ? [given[0]!, given[given.length - 1]!] : generated;
      name = persona.name ?? `${first} ${last}`;
      origin = persona.origin ?? r.weighted(PUBLIC_ORIGINS);
      channel = { website: CHANNEL.website, amazon: CHANNEL.amazon, ebay: CHANNEL.ebay, manual: CHANNEL.direct, epos: CHANNEL.epos }[origin];
      terms = origin === 'amazon' || origin === 'ebay' ? TERMS.fullPayment : r.weighted([[TERMS.fullPayment, 85], [TERMS.proForma, 15]] as const);
      email = r.bool(0.92) ? `${slug(first)}.${slug(last)}${r.int(1, 99)}@${domain}` : null;
      if (origin === 'website') username = `${slug(first).charAt(0)}${slug(last)}${r.int(10, 999)}`;
      if (origin === 'ebay') ebayUserId = `${r.pick(w.EBAY_WORDS)}_${r.pick(w.EBAY_WORDS)}${r.int(10, 9999)}`;
      if (r.bool(0.5)) telephone = this.landline();
      if (r.bool(0.75)) mobile = this.mobile();
    } else {
      if (type === 'agent') {
        const generated = `${r.pick(w.SURNAMES)} ${r.pick(w.AGENCY_WORDS)} ${r.pick(['Ltd', 'LLP'] as const)}`;
        name = persona.name ?? generated;
        terms = TERMS.eom30;
        creditLimit = r.pick([500_000, 1_000_000, 2_000_000]);
      } else {
        const first = r.pick(w.COMPANY_FIRST);
        const second = r.pick(w.COMPANY_SECOND);
        const generated = r.bool(0.25) ? `${r.pick(w.SURNAMES)} & ${r.pick(w.SURNAMES)} ${r.pick(w.COMPANY_SUFFIX)}` : `${first} ${second} ${r.pick(w.COMPANY_SUFFIX)}`;
        name = persona.name ?? generated;
        if (r.bool(0.4) && !persona.name) tradingName = r.bool(0.5) ? `${first} ${second}` : `The ${second} Shop`;
        const credit = r.bool(0.8);
        terms = credit ? r.weighted([[TERMS.days7, 20], [TERMS.eom30, 55], [TERMS.days60, 25]] as const) : TERMS.proForma;
        if (credit) creditLimit = r.pick([100_000, 250_000, 500_000, 1_000_000, 2_500_000]);
      }
      origin = persona.origin ?? r.weighted(TRADE_ORIGINS);
      channel = r.weighted([[CHANNEL.trade, 70], [CHANNEL.direct, 30]] as const);
      email = r.bool(0.95) ? `${r.pick(['accounts', 'orders', 'info', 'buying'] as const)}.${slug(name).slice(0, 20)}@${r.pick(['example.co.uk', 'example.com'] as const)}` : null;
      accountsReference = `${slug(name).slice(0, 4).toUpperCase()}${pad(r.int(1, 999), 3)}`;
      bankAccountId = r.weighted([[BANK.main, 60], [BANK.trade, 35], [BANK.euro, 5]] as const);
      telephone = this.landline();
      if (r.bool(0.4)) mobile = this.mobile();
      if (r.bool(0.15)) fax = this.landline();
      if (r.bool(0.3)) username = `${slug(name).slice(0, 12)}${r.int(1, 99)}`;
    }
    const vatExempt = r.bool(0.04);
    const createdMs = r.time(this.nowMs - 6 * 365 * DAY, this.nowMs - 30 * DAY);
    const record: CustomerRecord = {
      id: '',
      version: 1,
      name,
      tradingName,
      salesChannelId: channel,
      origin,
      agentId: null,
      subCustomerCount: 0,
      bankAccountId,
      accountsReference,
      vatExempt,
      onHold: r.bool(0.03),
      eori: vatExempt ? `GB${r.digits(12)}` : null,
      creditLimit: gbp(creditLimit),
      paymentTermsId: terms,
      username,
      hasPassword: username !== null,
      passwordHash: username !== null ? `scrypt$${r.letters(16, '0123456789abcdef')}` : null,
      email,
      telephone,
      mobile,
      fax,
      ebayUserId,
      watchListed: false,
      createdAt: iso(createdMs),
      updatedAt: iso(r.time(createdMs, this.nowMs)),
      ...persona,
    };
    record.id = this.store.nextId('cus');
    this.store.loadCustomer(record);
    return record;
  }

  // ------------------------------------------------------------------------------------------
  // Addresses and contacts
  // ------------------------------------------------------------------------------------------

  address(customer: CustomerRecord, roles: Address['roles'], overrides: Partial<Address> = {}): Address {
    const r = this.rng;
    const trade = customer.type !== 'public';
    let base: Omit<Address, 'id' | 'customerId' | 'version' | 'roles' | 'label' | 'recipient'>;
    if (r.bool(0.03) && !overrides.postcode) {
      const place = r.pick(w.FOREIGN_PLACES);
      base = { line1: `${r.int(1, 120)} ${place.street}`, line2: null, city: place.city, region: place.region, postcode: place.postcode(r.digits(4), r.letters(2)), country: place.country };
    } else {
      const town = r.pick(w.TOWNS);
      base = {
        line1: trade && r.bool(0.5) ? `Unit ${r.int(1, 40)}, ${r.pick(w.ESTATES)}` : `${r.int(1, 220)} ${r.pick(w.STREETS)}`,
        line2: r.bool(0.2) ? r.pick(w.STREETS) : null,
        city: town.town,
        region: town.region,
        postcode: this.ukPostcode(town),
        country: 'GB',
      };
    }
    const [first, last] = this.personName();
    const address: Address = {
      id: this.store.nextId('adr'),
      customerId: customer.id,
      version: 1,
      label: roles.includes('billing') ? (trade ? 'Head office' : 'Home') : r.pick(trade ? (['Warehouse', 'Shop', 'Branch'] as const) : (['Work', 'Parents', 'Holiday cottage'] as const)),
      recipient: trade ? r.pick([null, `${first} ${last}`, 'Goods in']) : customer.name,
      ...base,
      roles,
      ...overrides,
    };
    // The API's role rule binds the seeded data too: admin and billing on one address at most.
    const taken = SINGLE_HOLDER_ROLES.filter((role) => address.roles.includes(role) && this.store.addressesOf(customer.id).some((a) => a.roles.includes(role)));
    if (taken.length) throw new Error(`Generator: ${customer.id} already has an address with ${taken.join(' and ')}; only one address may hold it`);
    this.store.loadAddress(address);
    return address;
  }

  addressesFor(customer: CustomerRecord, count: number): void {
    for (let i = 0; i < count; i++) {
      const roles: Address['roles'] = count === 1 ? ['admin', 'billing', 'delivery'] : i === 0 ? ['admin', 'billing'] : ['delivery'];
      this.address(customer, roles);
    }
  }

  contact(customer: CustomerRecord, overrides: Partial<Contact> = {}): Contact {
    const r = this.rng;
    const [first, last] = this.personName();
    const contact: Contact = {
      id: this.store.nextId('con'),
      customerId: customer.id,
      version: 1,
      name: `${first} ${last}`,
      role: r.pick(w.CONTACT_ROLES),
      email: r.bool(0.85) ? `${slug(first)}.${slug(last)}@${r.pick(w.EMAIL_DOMAINS)}` : null,
      phone: r.bool(0.8) ? (r.bool() ? this.landline() : this.mobile()) : null,
      ...overrides,
    };
    this.store.loadContact(contact);
    return contact;
  }

  // ------------------------------------------------------------------------------------------
  // Notes
  // ------------------------------------------------------------------------------------------

  manualNote(customer: CustomerRecord, at: number, pinned = false): Note {
    const [kind, text] = this.rng.pick(w.MANUAL_NOTES);
    return {
      id: this.idOf('not'), customerId: customer.id, source: 'manual', kind, text, pinned,
      author: this.rng.pick(this.staff), createdAt: iso(at), changes: [], removed: null,
    };
  }

  systemNote(customer: CustomerRecord, at: number, summary: string, changes: Note['changes'], author: Actor): Note {
    return { id: this.idOf('not'), customerId: customer.id, source: 'system', kind: null, text: summary, pinned: false, author, createdAt: iso(at), changes, removed: null };
  }

  randomSystemNote(customer: CustomerRecord, at: number): Note {
    const r = this.rng;
    const by = r.pick(this.staff);
    // Public customers have no credit to change; nobody changes a field to what it already was.
    const trade = customer.type !== 'public';
    switch (trade ? r.int(0, 4) : r.pick([2, 4])) {
      case 0: {
        const to = customer.paymentTermsId;
        const from = r.pick([TERMS.proForma, TERMS.days7, TERMS.eom30, TERMS.days60].filter((t) => t !== to));
        const f = this.termsById.get(from)!.name;
        const t = this.termsById.get(to)!.name;
        return this.systemNote(customer, at, `Payment terms changed from ${f} to ${t}`, [changed('paymentTermsId', ref('paymentTerms', from), ref('paymentTerms', to))], by);
      }
      case 1: {
        const toMinor = customer.creditLimit.amountMinor;
        const fromMinor = r.pick([50_000, 100_000, 250_000, 750_000].filter((x) => x !== toMinor));
        const from = pounds(fromMinor);
        const to = pounds(toMinor);
        const change = changed('creditLimit', money({ amountMinor: fromMinor, currency: customer.creditLimit.currency }), money(customer.creditLimit));
        return this.systemNote(customer, at, `Credit limit changed from ${from} to ${to}`, [change], by);
      }
      case 2: {
        const to = customer.telephone ?? this.landline();
        let from = this.landline();
        if (from === to) from = this.mobile();
        return this.systemNote(customer, at, `Telephone changed from ${from} to ${to}`, [changed('telephone', textValue(from), textValue(to))], by);
      }
      case 3:
        return this.systemNote(customer, at, 'Account taken off hold', [changed('onHold', bool(true), bool(false))], this.integrations.accounts);
      default: {
        const toId = customer.salesChannelId;
        const fromId = toId === CHANNEL.direct ? CHANNEL.website : CHANNEL.direct;
        const from = this.channelName.get(fromId)!;
        const to = this.channelName.get(toId)!;
        return this.systemNote(customer, at, `Sales channel changed from ${from} to ${to}`, [changed('salesChannelId', ref('salesChannel', fromId), ref('salesChannel', toId))], by);
      }
    }
  }

  /** The notes a customer's history would have: creation, some changes, some manual notes. */
  notesFor(customer: CustomerRecord, count: number, first: Note[] = []): Note[] {
    const r = this.rng;
    const from = Date.parse(customer.createdAt);
    const times = Array.from({ length: count }, () => r.time(from + DAY, this.nowMs));
    times.sort((a, b) => a - b);
    const notes = [...first];
    for (const at of times) notes.push(r.bool(0.65) ? this.manualNote(customer, at, r.bool(0.08)) : this.randomSystemNote(customer, at));
    return notes;
  }

  creationNote(customer: CustomerRecord, detail?: string): Note {
    const at = Date.parse(customer.createdAt);
    if (customer.origin === 'amazon') {
      return this.systemNote(customer, at, `Customer created from Amazon UK order${detail ? ` ${detail}` : ''}`, [changed('customer', null, textValue(customer.name))], this.integrations.amazon);
    }
    if (customer.origin === 'ebay') {
      const channel: Actor = { type: 'channel', id: CHANNEL.ebay, name: this.channelName.get(CHANNEL.ebay)! };
      return this.systemNote(customer, at, `Customer created by eBay UK for buyer ${customer.ebayUserId ?? ''}`.trim(), [changed('customer', null, textValue(customer.name))], channel);
    }
    if (customer.origin === 'website') {
      const channel: Actor = { type: 'channel', id: CHANNEL.website, name: this.channelName.get(CHANNEL.website)! };
      return this.systemNote(customer, at, 'Customer registered on the website', [changed('customer', null, textValue(customer.name))], channel);
    }
    return this.systemNote(customer, at, 'Customer created', [changed('customer', null, textValue(customer.name))], this.rng.pick(this.staff));
  }

  watch(customer: CustomerRecord, note: string, at: number, by: Actor = this.rng.pick(this.staff)): void {
    this.store.loadWatchList({ customerId: customer.id, active: true, note, updatedAt: iso(at), updatedBy: by });
    customer.watchListed = true;
  }

  watchNote(customer: CustomerRecord, watch: WatchList): Note {
    const note = watch.note ?? '';
    const by = watch.updatedBy ?? this.staff[0]!;
    return this.systemNote(customer, Date.parse(watch.updatedAt ?? customer.updatedAt), `Added to the watch list: ${note}`, [changed('watchList', null, textValue(note))], by);
  }

  // ------------------------------------------------------------------------------------------
  // Orders and money
  // ------------------------------------------------------------------------------------------

  flagsFor(customer: CustomerRecord): number {
    return (customer.vatExempt ? ORDER_FLAG_TAX_FREE : 0) | (customer.type !== 'public' ? ORDER_FLAG_TRADE : 0);
  }

  orders(customer: CustomerRecord, specs: OrderSpec[]): number[] {
    return specs.map((spec) =>
      this.store.loadOrder(
        {
          customerId: customer.id,
          placedAt: this.nowMs - Math.round(spec.daysAgo * DAY),
          status: spec.status,
          salesChannelId: spec.channel ?? customer.salesChannelId,
          priority: spec.priority ?? false,
        },
        this.flagsFor(customer),
      ),
    );
  }

  attachment(customer: CustomerRecord, kind: 'png' | 'pdf' | 'txt', filename: string, at: number, orderId: string | null = null): StoredAttachment {
    const content = kind === 'png' ? PNG_1X1.slice() : kind === 'pdf' ? pdfBytes(filename) : encoder.encode(`Notes for ${customer.name}\nCredit check passed.\n`);
    const value: StoredAttachment = {
      id: this.store.nextId('att'), customerId: customer.id, orderId, filename,
      contentType: kind === 'png' ? 'image/png' : kind === 'pdf' ? 'application/pdf' : 'text/plain',
      size: content.byteLength, uploadedAt: iso(at), uploadedBy: this.rng.pick(this.staff), content,
    };
    this.store.loadAttachment(value);
    return value;
  }
}

/**
 * The summary maker of a customer with `count` orders spread evenly over the `span` ms before now
 * (order i, oldest first, ordinal n), each from its own stream: dates rise with i, so the date order
 * is the index order. Used for the big customer (made lazily) and the huge one (never stored).
 */
function spreadOrders(seed: number, nowMs: number, customerId: string, count: number, span: number, flags: number) {
  return (i: number, n: number) => {
    const br = new Rng(hashSeed(seed, n, 3));
    const placed = Math.floor(nowMs - span + ((i + br.next()) * (span - 3_600_000)) / Math.max(1, count));
    const status = statusForAge(br, (nowMs - placed) / DAY);
    return makeSummary(seed, n, flags, {
      customerId,
      placedAt: placed,
      status,
      salesChannelId: br.bool(0.85) ? CHANNEL.trade : CHANNEL.direct,
      priority: (status === 'unallocated' || status === 'allocated') && br.bool(0.05),
    });
  };
}

export function generate(options: DatabaseOptions = {}): Store {
  const seed = Number.isFinite(options.seed) ? Math.floor(options.seed!) : 1;
  const size = clampSize(options.size);
  const now = options.now ? new Date(options.now).toISOString() : DEFAULT_NOW;
  const g = new Generator(seed, size, now);
  const { rng: r, store, nowMs } = g;

  // ----- fixture customers (the first ids, so they are stable across sizes)
  const agent = g.customer({ type: 'agent', name: 'Hollingworth Trade Representation LLP', tradingName: 'Hollingworth Agency', origin: 'manual', salesChannelId: CHANNEL.trade, paymentTermsId: TERMS.eom30, creditLimit: gbp(2_000_000) });
  const subCustomer = g.customer({ type: 'retailer', name: 'Fenwick Lane Gifts Ltd', agentId: agent.id, salesChannelId: CHANNEL.trade, paymentTermsId: TERMS.days60, creditLimit: gbp(500_000) });
  const moreSubs = [0, 1, 2].map(() => g.customer({ type: 'retailer', agentId: agent.id }));
  const amazon = g.customer({ type: 'public', name: 'Imogen Ashworth-Blake', origin: 'amazon', salesChannelId: CHANNEL.amazon, paymentTermsId: TERMS.fullPayment, email: 'imogen.ashworthblake@example.com', username: null, hasPassword: false, passwordHash: null });
  const ebay = g.customer({ type: 'public', name: 'Duncan Featherstonehaugh', origin: 'ebay', salesChannelId: CHANNEL.ebay, paymentTermsId: TERMS.fullPayment, ebayUserId: 'featherstone_finds', email: 'duncan.f@example.org' });
  const creditTrade = g.customer({ type: 'retailer', name: 'Wolstenholme Pemberton Interiors Ltd', tradingName: 'Wolstenholme Interiors', origin: 'manual', salesChannelId: CHANNEL.trade, paymentTermsId: TERMS.eom30, creditLimit: gbp(1_000_000), email: 'accounts.wolstenholme@example.co.uk', accountsReference: 'WOLS001', onHold: false, vatExempt: false, eori: null });
  const onHold = g.customer({ type: 'retailer', name: 'Quibble & Quarry Ltd', onHold: true, paymentTermsId: TERMS.days7, creditLimit: gbp(250_000) });
  const vatExempt = g.customer({ type: 'retailer', name: 'Lindqvist Nordic Imports Ltd', vatExempt: true, eori: 'GB987654321000', paymentTermsId: TERMS.days60, creditLimit: gbp(1_000_000), bankAccountId: BANK.euro });
  const watchListed = g.customer({ type: 'public', name: 'Cornelius Pettigrew', origin: 'website', salesChannelId: CHANNEL.website, paymentTermsId: TERMS.fullPayment, onHold: false });
  const noAddresses = g.customer({ type: 'public', name: 'Ophelia Marchbanks', onHold: false });
  const oneAddress = g.customer({ type: 'public', name: 'Barnaby Quince', onHold: false });
  const sixAddresses = g.customer({ type: 'retailer', name: 'Sixpenny Lane Stores Ltd', onHold: false });
  const fortyAddresses = g.customer({ type: 'retailer', name: 'Fortyfold Garden Centres Ltd', tradingName: 'Fortyfold', onHold: false });
  const manyNotes = g.customer({ type: 'retailer', name: 'Chatterton & Gabble Ltd', onHold: false });
  const bigOrders = g.customer({ type: 'retailer', name: 'Mammoth Wholesale Ltd', tradingName: 'Mammoth', salesChannelId: CHANNEL.trade, paymentTermsId: TERMS.days60, creditLimit: gbp(25_000_000), onHold: false, vatExempt: false, eori: null });
  const allStatuses = g.customer({ type: 'retailer', name: 'Kittiwake Home Ltd', salesChannelId: CHANNEL.trade, paymentTermsId: TERMS.eom30, creditLimit: gbp(500_000), onHold: false, vatExempt: false, eori: null });
  const hostile = g.customer({
    type: 'retailer',
    name: `${HOSTILE.img} Hostile ${HOSTILE.rtl} Holdings ${HOSTILE.emoji}`,
    tradingName: `${HOSTILE.script}${HOSTILE.long}`,
    accountsReference: HOSTILE.long,
    eori: HOSTILE.attr,
    username: HOSTILE.attr,
    email: `${HOSTILE.attr}@example.com`,
    telephone: HOSTILE.rtl,
    mobile: HOSTILE.emoji,
    fax: HOSTILE.script,
    ebayUserId: HOSTILE.img,
    vatExempt: false,
    onHold: false,
  });
  const fixtureCustomers = [agent, subCustomer, ...moreSubs, amazon, ebay, creditTrade, onHold, vatExempt, watchListed, noAddresses, oneAddress, sixAddresses, fortyAddresses, manyNotes, bigOrders, allStatuses, hostile];

  // ----- ordinary customers
  const ordinary: CustomerRecord[] = [];
  for (let i = 0; i < size.customers; i++) ordinary.push(g.customer({ type: r.weighted(CUSTOMER_TYPES_WEIGHTED) }));
  const agents = ordinary.filter((c) => c.type === 'agent');
  for (const c of ordinary) {
    if (c.type === 'retailer' && agents.length > 0 && r.bool(0.25)) {
      const a = r.pick(agents);
      c.agentId = a.id;
      a.subCustomerCount += 1;
      store.loadCustomer(c); // re-register under its agent
    }
  }
  agent.subCustomerCount = 1 + moreSubs.length;

  // ----- ordinary orders, spread over ordinary customers (some buy far more than others)
  if (ordinary.length > 0 && size.orders > 0) {
    const cumulative: number[] = [];
    let total = 0;
    for (const c of ordinary) {
      const x = r.next();
      // x³ rather than x ** 3: multiplication is exact everywhere, pow() may differ in the last bit between engines.
      total += (c.type === 'public' ? 1 : 3) * (0.1 + x * x * x * 6);
      cumulative.push(total);
    }
    const start = nowMs - 3 * 365 * DAY;
    const step = (nowMs - 3_600_000 - start) / size.orders;
    const flags = ordinary.map((c) => g.flagsFor(c));
    for (let i = 0; i < size.orders; i++) {
      const x = r.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      const customer = ordinary[lo]!;
      const placedAt = Math.floor(start + (i + r.next()) * step);
      const status = statusForAge(r, (nowMs - placedAt) / DAY);
      const priority = (status === 'unallocated' || status === 'allocated') && r.bool(0.08);
      store.loadOrder({ customerId: customer.id, placedAt, status, salesChannelId: customer.salesChannelId, priority }, flags[lo]!);
    }
  }

  // ----- fixture orders
  const some = (count: number, maxDays: number): OrderSpec[] => {
    const days = Array.from({ length: count }, () => r.int(1, maxDays));
    days.sort((a, b) => b - a);
    return days.map((daysAgo) => ({ daysAgo, status: statusForAge(r, daysAgo) }));
  };
  const fixtureOrders = new Map<string, number[]>([
    [agent.id, g.orders(agent, some(3, 200))],
    [subCustomer.id, g.orders(subCustomer, some(3, 200))],
    ...moreSubs.map((c) => [c.id, g.orders(c, some(2, 200))] as [string, number[]]),
    [amazon.id, g.orders(amazon, [{ daysAgo: 40, status: 'dispatched' }, { daysAgo: 12, status: 'dispatched' }, { daysAgo: 1, status: 'unallocated' }])],
    [ebay.id, g.orders(ebay, [{ daysAgo: 25, status: 'dispatched' }, { daysAgo: 3, status: 'allocated' }])],
    [creditTrade.id, g.orders(creditTrade, [120, 95, 70, 50, 35, 20, 9].map((daysAgo) => ({ daysAgo, status: 'dispatched' as const })))],
    [onHold.id, g.orders(onHold, some(2, 90))],
    [vatExempt.id, g.orders(vatExempt, some(3, 120))],
    [watchListed.id, g.orders(watchListed, [{ daysAgo: 60, status: 'dispatched' }, { daysAgo: 15, status: 'dispatched' }])],
    [oneAddress.id, g.orders(oneAddress, some(1, 60))],
    [sixAddresses.id, g.orders(sixAddresses, some(2, 90))],
    [fortyAddresses.id, g.orders(fortyAddresses, some(4, 90))],
    [manyNotes.id, g.orders(manyNotes, some(3, 90))],
    [allStatuses.id, g.orders(allStatuses, [
      { daysAgo: 90, status: 'cancelled' },
      { daysAgo: 60, status: 'dispatched' },
      { daysAgo: 45, status: 'dispatched' },
      { daysAgo: 30, status: 'dispatched' },
      { daysAgo: 20, status: 'cancelled' },
      { daysAgo: 10, status: 'dispatched' },
      { daysAgo: 3, status: 'allocated' },
      { daysAgo: 2, status: 'allocated', priority: true },
      { daysAgo: 1, status: 'unallocated' },
      { daysAgo: 0.2, status: 'unallocated', priority: true },
    ])],
    [hostile.id, g.orders(hostile, [{ daysAgo: 14, status: 'dispatched' }, { daysAgo: 2, status: 'unallocated' }])],
  ]);

  // ----- the big customer's orders: made on demand from their ordinals
  const bigCount = size.bigCustomerOrders;
  const bigSpan = 5 * 365 * DAY;
  const bigFlags = ORDER_FLAG_TRADE;
  store.setBigCustomer({
    customerId: bigOrders.id,
    count: bigCount,
    flags: bigFlags,
    make: spreadOrders(seed, nowMs, bigOrders.id, bigCount, bigSpan, bigFlags),
  });

  // ----- per-customer records made now: addresses (search needs postcodes), contacts, watch list, loyalty, attachments
  const everyone = [...fixtureCustomers, ...ordinary];
  for (const c of everyone) {
    // A customer existed before their first order.
    const ordinals = c === bigOrders ? [] : (fixtureOrders.get(c.id) ?? store.ordinalsOf(c.id));
    const firstOrder = c === bigOrders ? nowMs - bigSpan : ordinals.length > 0 ? store.birthOf(ordinals[0]!)!.placedAt : Infinity;
    if (Date.parse(c.createdAt) >= firstOrder) {
      c.createdAt = iso(firstOrder - r.int(1, 30) * DAY);
      if (c.updatedAt < c.createdAt) c.updatedAt = c.createdAt;
    }
    const trade = c.type !== 'public';

    // addresses
    if (c === noAddresses) {
      // none
    } else if (c === oneAddress) {
      g.addressesFor(c, 1);
    } else if (c === sixAddresses) {
      g.addressesFor(c, 6);
    } else if (c === fortyAddresses) {
      g.addressesFor(c, 40);
    } else if (c === onHold) {
      g.address(c, ['admin', 'billing', 'delivery'], { line1: '3 Commercial Street', line2: null, city: 'Lerwick', region: 'Shetland', postcode: 'ZE1 0LL', country: 'GB' });
    } else if (c === hostile) {
      g.address(c, ['admin', 'billing', 'delivery'], { label: HOSTILE.img, recipient: HOSTILE.script, line1: HOSTILE.attr, line2: HOSTILE.long, city: HOSTILE.rtl, region: HOSTILE.emoji, postcode: `${HOSTILE.script}SW1A`, country: 'GB' });
      g.address(c, ['delivery'], { label: HOSTILE.long, recipient: HOSTILE.rtl, line1: HOSTILE.img, line2: HOSTILE.emoji, city: HOSTILE.script, region: HOSTILE.attr, postcode: HOSTILE.rtl, country: 'GB' });
    } else {
      g.addressesFor(c, r.weighted(ADDRESS_COUNTS));
    }

    // contacts
    if (c === hostile) {
      g.contact(c, { name: HOSTILE.script, role: HOSTILE.img, email: `${HOSTILE.attr}@example.org`, phone: HOSTILE.rtl });
      g.contact(c, { name: HOSTILE.long, role: HOSTILE.emoji, email: HOSTILE.long, phone: HOSTILE.emoji });
    } else if (trade) {
      const count = r.int(1, 3);
      for (let i = 0; i < count; i++) g.contact(c);
    } else if (r.bool(0.1)) {
      g.contact(c, { role: 'Partner' });
    }

    // watch list (its system note is made with the other notes, later)
    if (c === watchListed) g.watch(c, w.WATCH_NOTES[0], nowMs - 20 * DAY);
    else if (c === hostile) g.watch(c, `${HOSTILE.script} ${HOSTILE.rtl} ${HOSTILE.long}`, nowMs - 6 * DAY);
    else if (!fixtureCustomers.includes(c) && r.bool(0.03)) g.watch(c, r.pick(w.WATCH_NOTES), r.time(Date.parse(c.createdAt), nowMs));

    if (!trade && r.bool(0.7)) {
      store.loadLoyalty({ customerId: c.id, points: r.int(0, 5_000), updatedAt: iso(r.time(Date.parse(c.createdAt), nowMs)) });
    }

    // attachments
    if (c === hostile) {
      g.attachment(c, 'png', `${HOSTILE.attr}.png`, nowMs - 5 * DAY);
      g.attachment(c, 'txt', `${HOSTILE.rtl}${HOSTILE.long}.txt`, nowMs - 4 * DAY);
    } else if (c === allStatuses || c === creditTrade) {
      g.attachment(c, 'pdf', 'trade-account-application.pdf', Date.parse(c.createdAt) + DAY);
      g.attachment(c, 'txt', 'credit-check.txt', Date.parse(c.createdAt) + 2 * DAY);
    } else if (r.bool(0.12)) {
      g.attachment(c, r.pick(['png', 'pdf', 'txt'] as const), r.pick(['delivery-photo.png', 'signed-terms.pdf', 'notes.txt']), r.time(Date.parse(c.createdAt), nowMs));
    }
  }

  // ----- per-customer records made on first use: notes and account transactions
  store.setLazyCustomerData((customerId): LazyCustomerData => {
    const c = store.getCustomer(customerId)!;
    const f = g.fork(c);
    const fr = f.rng;
    const trade = c.type !== 'public';
    const ordinals = c === bigOrders || c.id === hugeOrders ? [] : store.ordinalsOf(c.id);
    const first = [f.creationNote(c, c === amazon && ordinals.length > 0 ? ids.amazonOrderId(ordinals[0]!) : undefined)];
    const watch = store.watchListOf(c.id);
    let notes: Note[];
    if (c === manyNotes) {
      notes = f.notesFor(c, Math.max(0, size.manyNotes - 1), first).slice(0, size.manyNotes);
      // Some manual notes were removed later; the removal is itself a system note.
      for (let i = 40; i < notes.length; i += 97) {
        const target = notes[i - 30]!;
        const slot = notes[i]!;
        if (target.source !== 'manual' || target.removed) continue;
        const by = fr.pick(f.staff);
        target.removed = { at: slot.createdAt, by };
        notes[i] = { ...slot, source: 'system', kind: null, pinned: false, author: by, text: `Note removed: ${target.text}`, changes: [changed('note', textValue(target.text), null)] };
      }
      notes.forEach((note, i) => {
        if (note.source === 'manual' && !note.removed && i % 211 === 7) note.pinned = true;
      });
    } else if (c === hostile) {
      const base = Date.parse(c.createdAt);
      notes = [...first];
      [HOSTILE.img, HOSTILE.script, HOSTILE.attr, HOSTILE.rtl, HOSTILE.long, HOSTILE.emoji].forEach((text, i) => {
        notes.push({ ...f.manualNote(c, base + (i + 1) * DAY, i === 0), text: `${text} ${HOSTILE.emoji}` });
      });
      notes.push(f.systemNote(c, base + 8 * DAY, `Trading name changed from ${HOSTILE.img} to ${HOSTILE.script}`, [changed('tradingName', textValue(HOSTILE.img), textValue(HOSTILE.script))], { type: 'integration', id: 'int_hostile', name: HOSTILE.attr }));
    } else {
      notes = f.notesFor(c, trade ? fr.int(1, 6) : fr.int(0, 3), first);
    }
    if (watch.active) {
      const note = f.watchNote(c, watch);
      let i = notes.length;
      while (i > 0 && notes[i - 1]!.createdAt > note.createdAt) i--;
      notes.splice(i, 0, note);
    }

    // One invoice per order that has one (allocated or dispatched), with the order's lines and totals.
    const invoiced: InvoicedOrder[] = [];
    for (const b of store.birthsOf(c.id)) {
      if (b.status !== 'allocated' && b.status !== 'dispatched') continue;
      const core = orderCore(seed, b.n, store.flagsOfOrder(b.n));
      invoiced.push({ n: b.n, placedAt: b.placedAt, total: core.total, net: core.subtotal + core.shipping, vat: core.tax });
    }
    const ledger = generateLedger(c, invoiced, store.newLedger(c.id), {
      rng: fr, idOf: f.idOf, staff: f.staff, integration: f.integrations.accounts, nowMs,
      terms: f.termsById.get(c.paymentTermsId),
    }, c === creditTrade);
    return { notes, ledger };
  });

  // ----- fixture order details: the documented states
  const fo = (c: CustomerRecord) => fixtureOrders.get(c.id)!.map((n) => ids.orderId(n));
  const [, , returned, manualTracked, , dispatched, allocated, pendingTriggers, cancellable] = fo(allStatuses) as [string, string, string, string, string, string, string, string, string, string];
  const staff = g.staff[0]!;

  const refundedId = fo(allStatuses)[1]!;
  const refunded = store.getOrder(refundedId)!;
  if (refunded.refunds.length === 0) {
    const amount = Math.round(refunded.totals.total.amountMinor / 4);
    refunded.refunds.push({ id: `rfd_${refundedId.slice(4)}_9`, amount: gbp(amount), reason: 'Item arrived damaged', method: 'manual', createdAt: iso(Date.parse(refunded.placedAt) + 6 * DAY), by: staff });
  }
  refunded.totals.refunded = gbp(refunded.refunds.reduce((s, x) => s + x.amount.amountMinor, 0));
  store.putOrderDetail(refunded);

  const ret = store.getOrder(returned)!;
  if (ret.returns.length === 0) {
    const line = ret.lines[0]!;
    line.returnedQuantity = 1;
    ret.returns.push({ id: `ret_${returned.slice(4)}_9`, lines: [{ lineId: line.id, quantity: 1 }], reason: 'Damaged in transit', createdAt: iso(Date.parse(ret.placedAt) + 8 * DAY), by: staff });
  }
  store.putOrderDetail(ret);

  const tracked = store.getOrder(manualTracked)!;
  tracked.tracking.push({ id: `trk_${manualTracked.slice(4)}_9`, carrier: 'Parcelforce', code: 'PB123456785GB', source: 'manual', addedAt: iso(Date.parse(tracked.placedAt) + 3 * DAY) });
  const photo = g.attachment(allStatuses, 'png', 'damaged-box.png', Date.parse(tracked.placedAt) + 4 * DAY, manualTracked);
  const { content: _content, ...photoMeta } = photo;
  tracked.attachments.push(photoMeta);
  store.putOrderDetail(tracked);

  // hostile orders: every text field of the order
  for (const id of fo(hostile)) {
    const order = store.getOrder(id)!;
    order.reference = HOSTILE.attr;
    order.externalReference = HOSTILE.long;
    order.lines = order.lines.map((line, i) => ({ ...line, sku: i % 2 ? HOSTILE.img : HOSTILE.rtl, description: `${HOSTILE.script} ${HOSTILE.long} ${HOSTILE.emoji}` }));
    if (order.status === 'dispatched') {
      order.tracking = [{ id: `trk_${id.slice(4)}_1`, carrier: HOSTILE.script, code: HOSTILE.img, source: 'manual', addedAt: iso(Date.parse(order.placedAt) + DAY) }];
      order.refunds = [{ id: `rfd_${id.slice(4)}_1`, amount: gbp(100), reason: HOSTILE.attr, method: 'manual', createdAt: iso(Date.parse(order.placedAt) + 2 * DAY), by: staff }];
      order.totals.refunded = gbp(100);
      order.returns = [{ id: `ret_${id.slice(4)}_1`, lines: [{ lineId: order.lines[0]!.id, quantity: 1 }], reason: `${HOSTILE.rtl} ${HOSTILE.emoji}`, createdAt: iso(Date.parse(order.placedAt) + 3 * DAY), by: staff }];
      order.lines[0]!.returnedQuantity = 1;
      const att = g.attachment(hostile, 'png', `${HOSTILE.img}.png`, Date.parse(order.placedAt) + DAY, id);
      const { content: _c, ...meta } = att;
      order.attachments = [meta];
    }
    store.putOrderDetail(order);
  }

  // ----- the huge customer: last of all, so that with or without it every other record is the same
  let hugeOrders: string | null = null;
  if (size.hugeCustomerOrders > 0) {
    const hugeSpan = 8 * 365 * DAY;
    const huge = g.customer({
      type: 'retailer', name: 'Colossus Distribution Ltd', tradingName: 'Colossus', origin: 'manual', salesChannelId: CHANNEL.trade,
      paymentTermsId: TERMS.days60, creditLimit: gbp(90_000_000), onHold: false, vatExempt: false, eori: null,
      createdAt: iso(nowMs - hugeSpan - 30 * DAY), updatedAt: iso(nowMs - 30 * DAY),
    });
    g.addressesFor(huge, 1);
    hugeOrders = huge.id;
    store.setVirtualCustomer({
      customerId: huge.id,
      count: size.hugeCustomerOrders,
      flags: ORDER_FLAG_TRADE,
      make: spreadOrders(seed, nowMs, huge.id, size.hugeCustomerOrders, hugeSpan, ORDER_FLAG_TRADE),
    });
  }

  // ----- the fixtures, and the search values that find exactly one customer each
  const dispatchedIds = store.getOrder(dispatched)!;
  const amazonOrder = store.getOrder(fo(amazon)[0]!)!;
  const ebayOrder = store.getOrder(fo(ebay)[0]!)!;
  const creditOrder = store.getOrder(fo(creditTrade)[0]!)!;
  const allocatedOrder = store.getOrder(allocated)!;
  store.fixtures = {
    users: g.users,
    customers: {
      agent: agent.id, subCustomer: subCustomer.id, amazon: amazon.id, ebay: ebay.id, creditTrade: creditTrade.id,
      onHold: onHold.id, vatExempt: vatExempt.id, watchListed: watchListed.id, noAddresses: noAddresses.id,
      oneAddress: oneAddress.id, sixAddresses: sixAddresses.id, fortyAddresses: fortyAddresses.id, manyNotes: manyNotes.id,
      bigOrders: bigOrders.id, allStatuses: allStatuses.id, hostile: hostile.id,
    },
    search: {
      name: { q: 'Wolstenholme', customerId: creditTrade.id },
      email: { q: creditTrade.email!, customerId: creditTrade.id },
      postcode: { q: 'ze1 0ll', customerId: onHold.id },
      orderNumber: { q: dispatchedIds.number, customerId: allStatuses.id },
      invoiceNumber: { q: allocatedOrder.invoiceNumber!, customerId: allStatuses.id },
      ebayUserId: { q: ebay.ebayUserId!, customerId: ebay.id },
      trackingNumber: { q: dispatchedIds.tracking[0]!.code, customerId: allStatuses.id },
      amazonOrderId: { q: amazonOrder.amazonOrderId!, customerId: amazon.id },
      orderReference: { q: creditOrder.reference, customerId: creditTrade.id },
      externalOrderReference: { q: ebayOrder.externalReference!, customerId: ebay.id },
      dispatchId: { q: dispatchedIds.dispatchId!, customerId: allStatuses.id },
    },
    hugeOrders,
    orders: { cancellable, dispatched, pendingTriggers },
  } satisfies Fixtures;

  store.finishLoading();
  return store;
}
