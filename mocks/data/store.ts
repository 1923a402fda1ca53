/**
 * The `Database` implementation: tables as Maps, per-customer arrays, and the search indexes, with
 * every mutation going through here so that the indexes can never go stale.
 *
 * Orders are held lightly: ordinary orders as a few columns with summaries made on first use, the
 * big customer's summaries only once someone asks for them, and full details only for orders
 * someone has opened (or saved). Notes and account transactions are generated per customer on
 * first use. Order
 * identifiers are found arithmetically (see `identifiers.ts`) plus a small map of identifiers that
 * saved orders carry beyond the derived ones.
 */
import type {
  Account, Actor, Address, AddressRole, Contact, Customer, CustomerSummary, DocumentLine, Loyalty, Note, Order,
  OrderSummary, Reference, Transaction, WatchList,
} from '../../src/sdk/schemas.js';
import type { LoyaltyEntry, LoyaltySettings } from '../../src/sdk/schemas.js';
import type {
  CustomerRecord, CustomerSearch, Database, DatasetSize, Fixtures, OrderQuery, StoredAttachment, UserRecord,
} from './database.js';
import { candidateOrdinals, type ChannelKind, type OrderIdentifierKind, orderNumber, ordinalOfOrderId } from './identifiers.js';
import {
  type DetailContext, type OrderIdentifiers, type SummarySpec, derivedIdentifier, derivedIdentifiers, identifiersOfOrder, makeSummary,
  materialiseOrder, orderCore,
} from './orders.js';
import { pad } from './random.js';
import { DEFAULT_LOYALTY_SETTINGS, buildLoyaltyHistory, type LoyaltyOrder } from './loyalty.js';
import { orderId as orderIdOf, orderNumber as orderNumberOf } from './identifiers.js';
import { SortedIndex, initialOf, nameTokens, normaliseExact, normalisePostcode, sortKeyOf } from './search-index.js';
import { VirtualOrders, type VirtualOrdersSpec } from './virtual-orders.js';
import { LedgerBook, postToBook, type LedgerRow } from './ledger.js';
import { orderInvoiceLines } from './ledger-generate.js';
import { ORDER_FLAG_TAX_FREE } from './orders.js';
import { PRODUCTS } from './words.js';
import type { LedgerPosting, LedgerWrite } from './database.js';
import type { VoidRecord } from '../../src/sdk/schemas.js';

const ORDER_KINDS: readonly OrderIdentifierKind[] = [
  'orderNumber', 'invoiceNumber', 'trackingNumber', 'amazonOrderId', 'orderReference', 'externalOrderReference', 'dispatchId',
];

const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });

/** How far back the big customer's ledger goes (its earlier years are closed off). */
export const LEDGER_HISTORY_DAYS = 365;

/** What the indexes hold for a customer now, so a change can remove exactly the old entries. */
interface Indexed {
  tokens: string[];
  email: string;
  postcode: string;
  postcodeDisplay: string | null;
  ebay: string;
  initial: string;
  sortKey: string;
}

export interface BigCustomerSpec {
  customerId: string;
  count: number;
  flags: number;
  /** The summary of the big customer's i-th order (oldest first), given its ordinal. */
  make: (i: number, n: number) => OrderSummary;
}

/** A customer's records that are generated only when first needed (oldest first). */
export interface LazyCustomerData {
  notes: Note[];
  /** The customer's ledger, made with `newLedger`. */
  ledger: LedgerBook;
}

/** What an order was born with: enough to derive its identifiers and totals without building it. */
export interface OrderBirth {
  customerId: string;
  placedAt: number;
  status: OrderSummary['status'];
  salesChannelId: string;
  total: number;
}

export interface StoreInit {
  seed: number;
  size: DatasetSize;
  now: string;
  reference: Reference;
}

export class Store implements Database {
  readonly seed: number;
  readonly size: DatasetSize;
  readonly now: string;
  readonly reference: Reference;
  fixtures!: Fixtures;

  private detailContext: DetailContext;
  private readonly channelKinds = new Map<string, ChannelKind>();
  private readonly usersByToken = new Map<string, UserRecord>();
  private readonly counters = new Map<string, number>();
  private lastStamp = 0;

  private readonly customers = new Map<string, CustomerRecord>();
  private readonly subs = new Map<string, string[]>();
  private readonly contacts = new Map<string, Contact>();
  private readonly contactsBy = new Map<string, Contact[]>();
  private readonly addresses = new Map<string, Address>();
  private readonly addressesBy = new Map<string, Address[]>();
  private readonly notes = new Map<string, Note>();
  private readonly notesBy = new Map<string, Note[]>();
  private readonly watch = new Map<string, WatchList>();
  private readonly ledgers = new Map<string, LedgerBook>();
  private readonly loyalty = new Map<string, Loyalty>();
  private readonly loyaltyHistory = new Map<string, LoyaltyEntry[]>();
  private loyaltySettingsValue: LoyaltySettings = structuredClone(DEFAULT_LOYALTY_SETTINGS);
  private readonly attachments = new Map<string, StoredAttachment>();
  private readonly attachmentsBy = new Map<string, StoredAttachment[]>();

  // lazily generated per-customer records
  private lazy: ((customerId: string) => LazyCustomerData) | null = null;
  private readonly lazyDone = new Set<string>();

  // orders: ordinary orders as columns; summaries made on first use
  private readonly ordCustomer: string[] = [];
  private readonly ordPlaced: number[] = [];
  private readonly ordStatus: OrderSummary['status'][] = [];
  private readonly ordChannel: string[] = [];
  private readonly ordPriority: boolean[] = [];
  private readonly orderFlags: number[] = [];
  private readonly summaries: (OrderSummary | undefined)[] = [];
  private readonly ordersBy = new Map<string, number[]>();
  private big: (BigCustomerSpec & { start: number; summaries: (OrderSummary | undefined)[] | null }) | null = null;
  /** The customer whose orders are computed, never stored (see virtual-orders.ts); ordinals after the big customer's. */
  private virtual: VirtualOrders | null = null;
  private virtualFlags = 0;
  private readonly details = new Map<number, Order>();
  /** Orders made by order entry (`createOrder`), after every generated ordinal. */
  private readonly placed = new Map<number, OrderSummary>();
  private readonly extras = new Map<OrderIdentifierKind, Map<string, Set<number>>>();
  private readonly sortedOrders = new Map<string, Map<string, OrderSummary[]>>();

  // customer indexes
  private readonly nameIndex = new SortedIndex();
  private readonly emailIndex = new SortedIndex();
  private readonly postcodeIndex = new SortedIndex();
  private readonly ebayIndex = new SortedIndex();
  private readonly indexed = new Map<string, Indexed>();
  private ranked: CustomerRecord[] | null = null;
  private readonly rank = new Map<string, number>();

  constructor(init: StoreInit) {
    this.seed = init.seed;
    this.size = init.size;
    this.now = init.now;
    this.reference = init.reference;
    this.detailContext = { seed: init.seed, staff: [] };
    for (const c of init.reference.salesChannels) this.channelKinds.set(c.id, c.kind);
    for (const kind of ORDER_KINDS) this.extras.set(kind, new Map());
    this.lastStamp = Date.parse(init.now);
  }

  // ------------------------------------------------------------------------------------------
  // Bulk loading (used by the generator only)
  // ------------------------------------------------------------------------------------------

  /** The staff who appear on generated print runs, refunds and returns. */
  setStaff(staff: readonly Actor[]): void {
    this.detailContext = { seed: this.seed, staff };
  }

  loadUser(user: UserRecord): void {
    this.usersByToken.set(user.token, user);
  }

  loadCustomer(record: CustomerRecord): void {
    this.customers.set(record.id, record);
    if (record.agentId) this.pushTo(this.subs, record.agentId, record.id);
  }

  loadContact(contact: Contact): void {
    this.contacts.set(contact.id, contact);
    this.pushTo(this.contactsBy, contact.customerId, contact);
  }

  loadAddress(address: Address): void {
    this.addresses.set(address.id, address);
    this.pushTo(this.addressesBy, address.customerId, address);
  }

  /** Notes in the order they happened (oldest first); stored newest first. */
  loadNotes(customerId: string, oldestFirst: Note[]): void {
    const newestFirst: Note[] = new Array(oldestFirst.length);
    for (let i = 0; i < oldestFirst.length; i++) {
      const note = oldestFirst[i]!;
      this.notes.set(note.id, note);
      newestFirst[oldestFirst.length - 1 - i] = note;
    }
    this.notesBy.set(customerId, newestFirst);
  }

  /**
   * Notes and transactions are generated per customer on first use (from the customer's own seed,
   * so the result does not depend on access order). Any change to the customer materialises them
   * first, so they are always generated from the customer as it was born.
   */
  setLazyCustomerData(make: (customerId: string) => LazyCustomerData): void {
    this.lazy = make;
  }

  loadWatchList(value: Omit<WatchList, 'version'>): void {
    this.watch.set(value.customerId, { ...value, version: 1 });
  }

  /** An empty ledger for the customer, counting overdue and ages to the data set's today. */
  newLedger(customerId: string): LedgerBook {
    const currency = this.customers.get(customerId)?.creditLimit.currency ?? 'GBP';
    return new LedgerBook(customerId, currency, this.now.slice(0, 10), (row) => this.orderInvoiceLines(row));
  }

  /** The lines of an order's invoice, computed from the order as it was born (its lines and delivery, VAT per line). */
  orderInvoiceLines(row: LedgerRow): DocumentLine[] {
    if (row.type !== 'invoice' || row.orderId === null) return [];
    const n = ordinalOfOrderId(row.orderId);
    if (n === undefined || !this.summaryOf(n)) return [];
    const flags = this.flagsOf(n);
    return orderInvoiceLines(orderCore(this.seed, n, flags, []), PRODUCTS, (flags & ORDER_FLAG_TAX_FREE) !== 0);
  }

  /**
   * What the customer's orders were born with, oldest first, without storing a summary of each
   * (the big customer's are made and dropped). The big customer's ledger holds the last
   * `LEDGER_HISTORY_DAYS` (earlier years are closed and archived, every invoice paid), the huge
   * customer's its last `recent` orders: the invariants hold for the orders the ledger covers.
   */
  birthsOf(customerId: string, recent = 200): (OrderBirth & { n: number })[] {
    const out: (OrderBirth & { n: number })[] = [];
    const v = this.virtual;
    if (v && customerId === v.customerId) {
      for (let n = Math.max(v.start, v.start + v.count - recent); n < v.start + v.count; n++) {
        const s = v.summary(n)!;
        out.push({ n, customerId, placedAt: Date.parse(s.placedAt), status: s.status, salesChannelId: s.salesChannelId, total: s.total.amountMinor });
      }
      return out;
    }
    const big = this.big;
    if (big && customerId === big.customerId) {
      // Its orders are in date order: the last year's are the last ones.
      const since = Date.parse(this.now) - LEDGER_HISTORY_DAYS * 86_400_000;
      let first = big.count;
      while (first > 0 && Date.parse((big.summaries?.[first - 1] ?? big.make(first - 1, big.start + first - 1)).placedAt) >= since) first--;
      for (let i = first; i < big.count; i++) {
        const n = big.start + i;
        const s = big.summaries?.[i] ?? big.make(i, n);
        out.push({ n, customerId, placedAt: Date.parse(s.placedAt), status: s.status, salesChannelId: s.salesChannelId, total: s.total.amountMinor });
      }
      return out;
    }
    for (const n of this.ordersBy.get(customerId) ?? []) out.push({ n, ...this.birthOf(n)! });
    return out;
  }

  loadLoyalty(value: Loyalty): void {
    this.loyalty.set(value.customerId, value);
  }

  loadAttachment(value: StoredAttachment): void {
    this.attachments.set(value.id, value);
    this.pushTo(this.attachmentsBy, value.customerId, value);
  }

  /** Appends an ordinary order (its summary is made on first use); returns its ordinal. */
  loadOrder(spec: SummarySpec, flags: number): number {
    const n = this.ordCustomer.length;
    this.ordCustomer.push(spec.customerId);
    this.ordPlaced.push(spec.placedAt);
    this.ordStatus.push(spec.status);
    this.ordChannel.push(spec.salesChannelId);
    this.ordPriority.push(spec.priority);
    this.orderFlags.push(flags);
    this.pushTo(this.ordersBy, spec.customerId, n);
    return n;
  }

  /** The ordinal the next loaded order will get (ordinals are fixed by load order). */
  get nextOrdinal(): number {
    return this.ordCustomer.length;
  }

  /** The ordinals of a customer's orders, oldest first. */
  ordinalsOf(customerId: string): number[] {
    if (this.virtual && customerId === this.virtual.customerId) {
      throw new Error(`ordinalsOf: ${customerId}'s orders are virtual; there is no list of them to hold.`);
    }
    if (this.big && customerId === this.big.customerId) return Array.from({ length: this.big.count }, (_, i) => this.big!.start + i);
    return this.ordersBy.get(customerId) ?? [];
  }

  /** What order `n` was born with, without making its summary (big-customer orders excepted). */
  birthOf(n: number): OrderBirth | undefined {
    if (n >= 0 && n < this.ordCustomer.length) {
      return {
        customerId: this.ordCustomer[n]!, placedAt: this.ordPlaced[n]!, status: this.ordStatus[n]!,
        salesChannelId: this.ordChannel[n]!, total: orderCore(this.seed, n, this.orderFlags[n]!).total,
      };
    }
    const s = this.summaryOf(n);
    return s && { customerId: s.customerId, placedAt: Date.parse(s.placedAt), status: s.status, salesChannelId: s.salesChannelId, total: s.total.amountMinor };
  }

  /** The big customer's orders take the ordinals after every ordinary order. */
  setBigCustomer(spec: BigCustomerSpec): void {
    this.big = { ...spec, start: this.ordCustomer.length, summaries: null };
  }

  /** The virtual customer's orders take the ordinals after every other order (call after setBigCustomer). */
  setVirtualCustomer(spec: Omit<VirtualOrdersSpec, 'start'> & { flags: number }): VirtualOrders {
    this.virtualFlags = spec.flags;
    this.virtual = new VirtualOrders({ ...spec, start: this.totalOrdinals() });
    return this.virtual;
  }

  /** Stores a hand-made detail for a generated order, without a version bump. */
  putOrderDetail(order: Order): void {
    this.storeDetail(order, false);
  }

  /** Builds the indexes once everything is loaded. */
  finishLoading(): void {
    for (const record of this.customers.values()) this.indexCustomer(record, true);
    for (const index of [this.nameIndex, this.emailIndex, this.postcodeIndex, this.ebayIndex]) index.finish();
    const total = this.totalOrdinals();
    this.counters.set('ord', total);
  }

  // ------------------------------------------------------------------------------------------
  // Users, ids, time
  // ------------------------------------------------------------------------------------------

  userByToken(token: string): UserRecord | undefined {
    return this.usersByToken.get(token);
  }

  nextId(prefix: string): string {
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}_${pad(next, prefix === 'ord' ? 7 : 6)}`;
  }

  /** A timestamp for a mutation: real time, but never before the data set's "now" nor repeated. */
  private stamp(): string {
    const t = Math.max(Date.now(), this.lastStamp + 1);
    this.lastStamp = t;
    return new Date(t).toISOString();
  }

  // ------------------------------------------------------------------------------------------
  // Customers
  // ------------------------------------------------------------------------------------------

  getCustomer(id: string): CustomerRecord | undefined {
    return this.customers.get(id);
  }

  toCustomer(r: CustomerRecord): Customer {
    return {
      id: r.id, version: r.version, name: r.name, tradingName: r.tradingName, salesChannelId: r.salesChannelId,
      origin: r.origin, type: r.type, agentId: r.agentId, subCustomerCount: r.subCustomerCount,
      bankAccountId: r.bankAccountId, accountsReference: r.accountsReference, vatExempt: r.vatExempt,
      onHold: r.onHold, eori: r.eori, creditLimit: { ...r.creditLimit }, paymentTermsId: r.paymentTermsId,
      username: r.username, hasPassword: r.hasPassword, email: r.email, telephone: r.telephone, mobile: r.mobile,
      fax: r.fax, ebayUserId: r.ebayUserId, watchListed: r.watchListed, createdAt: r.createdAt, updatedAt: r.updatedAt,
    };
  }

  toSummary(r: CustomerRecord): CustomerSummary {
    this.ensureLazy(r.id);
    return {
      id: r.id, name: r.name, tradingName: r.tradingName, type: r.type,
      postcode: this.indexed.get(r.id)?.postcodeDisplay ?? this.primaryPostcode(r.id),
      email: r.email, salesChannelId: r.salesChannelId, balance: gbp(this.balanceOf(r.id)),
      watchListed: r.watchListed, onHold: r.onHold,
    };
  }

  /**
   * Every lookup goes through an index; nothing scans all customers or orders (except listing
   * everyone, which walks the name-ordered list once):
   * - `name` (the default): every word of the query is a prefix of some word of the name or trading
   *   name, case- and accent-insensitive ("pem int" finds "Wolstenholme Pemberton Interiors Ltd").
   *   Word prefix, not arbitrary substring: that is what a sorted word index answers in O(log n).
   * - `email`: prefix (an exact address is its own prefix), case-insensitive.
   * - `postcode`: prefix of the customer's postcode (first billing address, else first address),
   *   ignoring case and spaces ("sw1a", "SW1A 1AA", "sw1a1").
   * - `ebayUserId` and every order identifier: exact, trimmed, case-insensitive. Order identifiers
   *   are found arithmetically from the order's ordinal, plus a small map of identifiers that saved
   *   orders added (manual tracking codes), so the big customer's orders need not exist yet.
   * - `segment` (trade = retailer + agent, retail = public) and `initial` (A–Z, `#` otherwise)
   *   combine with any of these, and list everyone with that initial when there is no `q`.
   * Results are ordered by name (case-insensitive), then id.
   */
  searchCustomers(query: CustomerSearch): CustomerRecord[] {
    const q = (query.q ?? '').trim();
    const segment = query.segment ?? 'all';
    const initial = query.initial?.toUpperCase();
    let ids: Set<string> | null = null;
    if (q !== '') {
      const criterion = query.criterion ?? 'name';
      switch (criterion) {
        case 'name': {
          const tokens = nameTokens(q);
          if (tokens.length === 0) return [];
          for (const token of tokens) {
            const found = this.nameIndex.prefix(token);
            ids = ids === null ? found : intersect(ids, found);
            if (ids.size === 0) return [];
          }
          break;
        }
        case 'email':
          ids = this.emailIndex.prefix(normaliseExact(q));
          break;
        case 'postcode': {
          const p = normalisePostcode(q);
          ids = p === '' ? new Set() : this.postcodeIndex.prefix(p);
          break;
        }
        case 'ebayUserId':
          ids = this.ebayIndex.exact(normaliseExact(q));
          break;
        default: {
          ids = new Set();
          for (const n of this.findOrdinals(criterion, normaliseExact(q))) ids.add(this.customerOfOrdinal(n));
        }
      }
    }
    const keep = (r: CustomerRecord) =>
      (segment === 'all' || (segment === 'trade') === (r.type !== 'public')) &&
      (initial === undefined || this.indexed.get(r.id)?.initial === initial);
    const ranked = this.rankedCustomers();
    if (ids === null) return ranked.filter(keep);
    // Many hits: walking the ordered list beats sorting them.
    if (ids.size * Math.log2(ids.size + 1) > ranked.length) return ranked.filter((r) => ids.has(r.id) && keep(r));
    const out: CustomerRecord[] = [];
    for (const id of ids) {
      const r = this.customers.get(id);
      if (r && keep(r)) out.push(r);
    }
    out.sort((a, b) => this.rank.get(a.id)! - this.rank.get(b.id)!);
    return out;
  }

  subCustomers(agentId: string): CustomerRecord[] {
    this.rankedCustomers();
    const list = (this.subs.get(agentId) ?? []).map((id) => this.customers.get(id)!);
    list.sort((a, b) => this.rank.get(a.id)! - this.rank.get(b.id)!);
    return list;
  }

  createCustomer(input: Omit<CustomerRecord, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'subCustomerCount' | 'watchListed'>): CustomerRecord {
    const at = this.stamp();
    const record: CustomerRecord = {
      ...input, id: this.nextId('cus'), version: 1, createdAt: at, updatedAt: at, subCustomerCount: 0, watchListed: false,
    };
    this.customers.set(record.id, record);
    this.lazyDone.add(record.id); // a new customer has no generated history
    if (record.agentId) this.attachToAgent(record.id, record.agentId);
    this.indexCustomer(record, false);
    return record;
  }

  updateCustomer(id: string, changes: Partial<CustomerRecord>): CustomerRecord {
    const record = this.mustGet(this.customers, id, 'customer');
    this.ensureLazy(id);
    const { id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, subCustomerCount: _subs, ...rest } = changes;
    if ('agentId' in rest && rest.agentId !== record.agentId) {
      if (record.agentId) this.detachFromAgent(id, record.agentId);
      if (rest.agentId) this.attachToAgent(id, rest.agentId);
    }
    this.unindexCustomer(id);
    Object.assign(record, rest);
    record.version += 1;
    record.updatedAt = this.stamp();
    this.indexCustomer(record, false);
    return record;
  }

  // ------------------------------------------------------------------------------------------
  // Contacts
  // ------------------------------------------------------------------------------------------

  contactsOf(customerId: string): Contact[] {
    return this.contactsBy.get(customerId) ?? [];
  }

  getContact(id: string): Contact | undefined {
    return this.contacts.get(id);
  }

  createContact(customerId: string, input: Omit<Contact, 'id' | 'customerId' | 'version'>): Contact {
    const contact: Contact = { ...input, id: this.nextId('con'), customerId, version: 1 };
    this.loadContact(contact);
    return contact;
  }

  updateContact(id: string, changes: Partial<Contact>): Contact {
    const contact = this.mustGet(this.contacts, id, 'contact');
    const { id: _id, customerId: _c, version: _v, ...rest } = changes;
    Object.assign(contact, rest);
    contact.version += 1;
    return contact;
  }

  deleteContact(id: string): void {
    const contact = this.contacts.get(id);
    if (!contact) return;
    this.contacts.delete(id);
    this.removeFrom(this.contactsBy, contact.customerId, contact);
  }

  // ------------------------------------------------------------------------------------------
  // Addresses
  // ------------------------------------------------------------------------------------------

  addressesOf(customerId: string): Address[] {
    return this.addressesBy.get(customerId) ?? [];
  }

  getAddress(id: string): Address | undefined {
    return this.addresses.get(id);
  }

  createAddress(customerId: string, input: Omit<Address, 'id' | 'customerId' | 'version'>): Address {
    const address: Address = { ...input, roles: [...input.roles], id: this.nextId('adr'), customerId, version: 1 };
    this.loadAddress(address);
    this.refreshPostcode(customerId);
    return address;
  }

  updateAddress(id: string, changes: Partial<Address>): Address {
    const address = this.mustGet(this.addresses, id, 'address');
    const { id: _id, customerId: _c, version: _v, ...rest } = changes;
    Object.assign(address, rest);
    if (rest.roles) address.roles = [...rest.roles];
    address.version += 1;
    this.refreshPostcode(address.customerId);
    return address;
  }

  deleteAddress(id: string): void {
    const address = this.addresses.get(id);
    if (!address) return;
    this.addresses.delete(id);
    this.removeFrom(this.addressesBy, address.customerId, address);
    this.refreshPostcode(address.customerId);
  }

  addressRoles(id: string): AddressRole[] {
    return [...(this.addresses.get(id)?.roles ?? [])];
  }

  // ------------------------------------------------------------------------------------------
  // Notes and watch list
  // ------------------------------------------------------------------------------------------

  notesOf(customerId: string): Note[] {
    this.ensureLazy(customerId);
    return this.notesBy.get(customerId) ?? [];
  }

  getNote(id: string): Note | undefined {
    const m = /^not_(\d+)_\d+$/.exec(id);
    if (m) this.ensureLazy(`cus_${m[1]}`);
    return this.notes.get(id);
  }

  addNote(input: Omit<Note, 'id'>): Note {
    this.ensureLazy(input.customerId);
    const note: Note = { ...input, id: this.nextId('not') };
    this.notes.set(note.id, note);
    const list = this.notesBy.get(note.customerId);
    if (list) list.unshift(note);
    else this.notesBy.set(note.customerId, [note]);
    return note;
  }

  updateNote(id: string, changes: Partial<Note>): Note {
    const note = this.getNote(id);
    if (!note) throw new Error(`Unknown note ${id}`);
    const { id: _id, customerId: _c, ...rest } = changes;
    return Object.assign(note, rest);
  }

  watchListOf(customerId: string): WatchList {
    return this.watch.get(customerId) ?? { customerId, version: 0, active: false, note: null, updatedAt: null, updatedBy: null };
  }

  /** Also sets the customer's `watchListed` flag (not a versioned edit of the customer). */
  setWatchList(customerId: string, value: Omit<WatchList, 'version'>): WatchList {
    this.ensureLazy(customerId);
    const stored: WatchList = { ...value, customerId, version: this.watchListOf(customerId).version + 1 };
    this.watch.set(customerId, stored);
    const record = this.customers.get(customerId);
    if (record) record.watchListed = stored.active;
    return stored;
  }

  // ------------------------------------------------------------------------------------------
  // Orders
  // ------------------------------------------------------------------------------------------

  ordersOf(customerId: string, query: OrderQuery): readonly OrderSummary[] {
    if (this.virtual && customerId === this.virtual.customerId) {
      throw new Error(`ordersOf: ${customerId}'s orders are virtual and never held whole; page them with virtualOrders(${customerId}).rows(query).`);
    }
    const sort = query.sort ?? 'placedAt';
    const direction = query.order ?? 'desc';
    const sorted = this.sortedOrdersOf(customerId, sort, direction);
    const q = query.q?.trim().toLowerCase();
    // The sorted list itself, not a copy: copying 100,000 orders for every page a table asks for
    // cost the page's main thread milliseconds per request (the mocks run there in a browser).
    if (!query.status && !query.salesChannelId && !q) return sorted;
    return sorted.filter(
      (o) =>
        (!query.status || o.status === query.status) &&
        (!query.salesChannelId || o.salesChannelId === query.salesChannelId) &&
        (!q || o.number.toLowerCase().startsWith(q)),
    );
  }

  virtualOrders(customerId: string): VirtualOrders | undefined {
    return this.virtual && customerId === this.virtual.customerId ? this.virtual : undefined;
  }

  countOrders(customerId: string): number {
    if (this.big && customerId === this.big.customerId) return this.big.count;
    if (this.virtual && customerId === this.virtual.customerId) return this.virtual.count;
    return this.ordersBy.get(customerId)?.length ?? 0;
  }

  getOrderSummary(id: string): OrderSummary | undefined {
    const n = ordinalOfOrderId(id);
    return n === undefined ? undefined : this.summaryOf(n);
  }

  getOrder(id: string): Order | undefined {
    const n = ordinalOfOrderId(id);
    if (n === undefined) return undefined;
    const existing = this.details.get(n);
    if (existing) return existing;
    const summary = this.summaryOf(n);
    if (!summary) return undefined;
    const order = materialiseOrder(this.detailContext, n, summary, this.flagsOf(n), this.channelKind(summary.salesChannelId));
    this.details.set(n, order);
    return order;
  }

  saveOrder(order: Order): Order {
    return this.storeDetail(order, true);
  }

  createOrder(input: Omit<Order, 'id' | 'number' | 'version'>): Order {
    const { customerId } = input;
    if ((this.big && customerId === this.big.customerId) || (this.virtual && customerId === this.virtual.customerId)) {
      throw new Error(`createOrder: ${customerId}'s orders are computed; new ones cannot be stored.`);
    }
    const id = this.nextId('ord');
    const n = ordinalOfOrderId(id)!;
    const order: Order = { ...input, id, number: orderNumber(n), version: 1 };
    this.placed.set(n, {
      id, customerId, version: 1, number: order.number, placedAt: order.placedAt, quantity: order.quantity,
      total: { ...order.total }, status: order.status, salesChannelId: order.salesChannelId, priority: order.priority,
    });
    this.pushTo(this.ordersBy, customerId, n);
    return this.storeDetail(order, false);
  }

  /** How many order details have been materialised (for tests of laziness). */
  get materialisedOrders(): number {
    return this.details.size;
  }

  /** How many of the big customer's summaries exist (for tests of laziness). */
  get materialisedBigSummaries(): number {
    if (!this.big) return 0;
    let count = 0;
    for (const s of this.big.summaries ?? []) if (s) count++;
    return count;
  }

  // ------------------------------------------------------------------------------------------
  // Accounts and loyalty
  // ------------------------------------------------------------------------------------------

  account(customerId: string): Account {
    const record = this.mustGet(this.customers, customerId, 'customer');
    const book = this.ledgerOf(customerId);
    const terms = this.reference.paymentTerms.find((t) => t.id === record.paymentTermsId);
    const money = (amountMinor: number) => ({ amountMinor, currency: book.currency });
    const balance = book.balance;
    const { agedDebt, unallocatedCredit } = book.aged();
    return {
      customerId,
      balance: money(balance),
      creditLimit: { ...record.creditLimit },
      availableCredit: money(Math.max(0, record.creditLimit.amountMinor - balance)),
      overdue: money(book.overdue()),
      agedDebt: { current: money(agedDebt.current), days30: money(agedDebt.days30), days60: money(agedDebt.days60), days90Plus: money(agedDebt.days90Plus) },
      unallocatedCredit: money(unallocatedCredit),
      ledgerVersion: book.version,
      paymentTermsId: record.paymentTermsId,
      dispatchBlocked: terms?.blocksDispatchUntilPaid ?? false,
    };
  }

  /** The ledger in the older flat shape: entries that are not void, newest first, with the running balance. */
  transactionsOf(customerId: string): Transaction[] {
    const book = this.ledgerOf(customerId);
    const out: Transaction[] = [];
    for (let i = book.rows.length - 1; i >= 0; i--) {
      const row = book.rows[i]!;
      if (row.void) continue;
      const entry = book.entry(row);
      out.push({
        id: row.id, customerId, date: `${row.date}T00:00:00.000Z`, kind: row.type, reference: row.reference,
        amount: entry.amount, balanceAfter: entry.balanceAfter, dueDate: row.dueDate,
      });
    }
    return out;
  }

  /** The customer's ledger (live: change it only through `postLedgerEntry` and `voidLedgerEntry`). */
  ledgerOf(customerId: string): LedgerBook {
    this.ensureLazy(customerId);
    let book = this.ledgers.get(customerId);
    if (!book) {
      book = this.newLedger(customerId);
      this.ledgers.set(customerId, book);
    }
    return book;
  }

  postLedgerEntry(customerId: string, posting: LedgerPosting): LedgerWrite {
    const book = this.ledgerOf(customerId);
    let reference = posting.reference;
    if (reference === null) {
      const digits = (prefix: string) => this.nextId(prefix).replace(/\D/g, '').padStart(6, '0');
      reference = posting.type === 'credit-note' ? `CN-M${digits('cn')}` : posting.type === 'invoice' ? `INV-M${digits('inv')}` : `${posting.type.toUpperCase()}-M${digits('led')}`;
    }
    return postToBook(book, this.nextId('txn'), reference, posting);
  }

  voidLedgerEntry(customerId: string, entryId: string, record: VoidRecord): LedgerWrite {
    const book = this.ledgerOf(customerId);
    const row = book.byId.get(entryId);
    if (!row) throw new Error(`voidLedgerEntry: no entry ${entryId} on ${customerId}`);
    if (row.void) throw new Error(`voidLedgerEntry: ${entryId} is void already`);
    const changed = book.voidRow(row, record);
    return { row, changed };
  }

  loyaltyOf(customerId: string): Loyalty {
    return this.loyalty.get(customerId) ?? { customerId, points: 0, updatedAt: null };
  }

  setLoyalty(customerId: string, value: Loyalty): Loyalty {
    const stored = { ...value, customerId };
    this.loyalty.set(customerId, stored);
    return stored;
  }

  /** Oldest first; its last `balanceAfter` is the points balance (see `loyalty.ts`). */
  loyaltyHistoryOf(customerId: string): LoyaltyEntry[] {
    let history = this.loyaltyHistory.get(customerId);
    if (history) return history;
    const record = this.mustGet(this.customers, customerId, 'customer');
    const orders: LoyaltyOrder[] = [];
    let ordinals: number[] = [];
    try {
      ordinals = this.ordinalsOf(customerId);
    } catch {
      // The virtual customer's orders are never held: its balance is all carried over.
    }
    for (const n of ordinals) {
      const birth = this.birthOf(n);
      if (birth?.status === 'dispatched') orders.push({ ordinal: n, id: orderIdOf(n), number: orderNumberOf(n), placedAt: birth.placedAt, total: birth.total });
    }
    history = buildLoyaltyHistory(customerId, this.loyaltyOf(customerId).points, record.createdAt, orders);
    this.loyaltyHistory.set(customerId, history);
    return history;
  }

  /** Adds or takes away points by hand (the caller checked the balance stays at 0 or more). */
  adjustLoyalty(customerId: string, change: { points: number; reason: string; at: string }): { loyalty: Loyalty; entry: LoyaltyEntry } {
    const history = this.loyaltyHistoryOf(customerId);
    const before = this.loyaltyOf(customerId).points;
    const entry: LoyaltyEntry = {
      id: this.nextId('lpt'), date: change.at, kind: 'adjustment', points: change.points,
      orderId: null, orderNumber: null, reason: change.reason, balanceAfter: before + change.points,
    };
    history.push(entry);
    const loyalty = this.setLoyalty(customerId, { customerId, points: entry.balanceAfter, updatedAt: change.at });
    return { loyalty, entry };
  }

  loyaltySettings(): LoyaltySettings {
    return this.loyaltySettingsValue;
  }

  /** Stores the shop-wide settings with the next version. */
  setLoyaltySettings(value: Pick<LoyaltySettings, 'pointsPerPound' | 'pointValue' | 'updatedAt' | 'updatedBy'>): LoyaltySettings {
    this.loyaltySettingsValue = { ...structuredClone(value), version: this.loyaltySettingsValue.version + 1 };
    return this.loyaltySettingsValue;
  }

  // ------------------------------------------------------------------------------------------
  // Attachments
  // ------------------------------------------------------------------------------------------

  attachmentsOf(customerId: string): StoredAttachment[] {
    return this.attachmentsBy.get(customerId) ?? [];
  }

  getAttachment(id: string): StoredAttachment | undefined {
    return this.attachments.get(id);
  }

  addAttachment(input: Omit<StoredAttachment, 'id'>): StoredAttachment {
    const stored: StoredAttachment = { ...input, id: this.nextId('att') };
    this.loadAttachment(stored);
    return stored;
  }

  /** Also takes it off its order, if the order is held in detail. */
  deleteAttachment(id: string): void {
    const stored = this.attachments.get(id);
    if (!stored) return;
    this.attachments.delete(id);
    this.removeFrom(this.attachmentsBy, stored.customerId, stored);
    if (stored.orderId) {
      const n = ordinalOfOrderId(stored.orderId);
      const order = n === undefined ? undefined : this.details.get(n);
      if (order) order.attachments = order.attachments.filter((a) => a.id !== id);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Internals: orders
  // ------------------------------------------------------------------------------------------

  private totalOrdinals(): number {
    return this.ordCustomer.length + (this.big?.count ?? 0) + (this.virtual?.count ?? 0);
  }

  private ensureLazy(customerId: string): void {
    if (!this.lazy || this.lazyDone.has(customerId) || !this.customers.has(customerId)) return;
    this.lazyDone.add(customerId);
    const data = this.lazy(customerId);
    this.loadNotes(customerId, data.notes);
    this.ledgers.set(customerId, data.ledger);
  }

  /** How many customers' lazy records exist (for tests of laziness). */
  get materialisedCustomers(): number {
    return this.lazyDone.size;
  }

  private channelKind(channelId: string): ChannelKind {
    return this.channelKinds.get(channelId) ?? 'manual';
  }

  /** The flags an order was born with (trade, tax-free). */
  flagsOfOrder(n: number): number {
    return this.flagsOf(n);
  }

  private flagsOf(n: number): number {
    if (this.virtual?.has(n)) return this.virtualFlags;
    return n < this.ordCustomer.length ? this.orderFlags[n]! : (this.big?.flags ?? 0);
  }

  private summaryOf(n: number): OrderSummary | undefined {
    if (n < 0 || !Number.isInteger(n)) return undefined;
    const placed = this.placed.get(n);
    if (placed) return placed;
    if (n < this.ordCustomer.length) {
      let summary = this.summaries[n];
      if (!summary) {
        summary = makeSummary(this.seed, n, this.orderFlags[n]!, {
          customerId: this.ordCustomer[n]!, placedAt: this.ordPlaced[n]!, status: this.ordStatus[n]!,
          salesChannelId: this.ordChannel[n]!, priority: this.ordPriority[n]!,
        });
        this.summaries[n] = summary;
      }
      return summary;
    }
    if (this.virtual?.has(n)) return this.virtual.summary(n);
    const big = this.big;
    if (!big || n >= big.start + big.count) return undefined;
    const i = n - big.start;
    big.summaries ??= new Array(big.count);
    let summary = big.summaries[i];
    if (!summary) {
      summary = big.make(i, n);
      big.summaries[i] = summary;
    }
    return summary;
  }

  private customerOfOrdinal(n: number): string {
    const placed = this.placed.get(n);
    if (placed) return placed.customerId;
    if (this.virtual?.has(n)) return this.virtual.customerId;
    if (this.big && n >= this.big.start) return this.big.customerId;
    return this.ordCustomer[n]!;
  }

  private sortedOrdersOf(customerId: string, sort: string, direction: 'asc' | 'desc'): OrderSummary[] {
    const key = `${sort}:${direction}`;
    let byKey = this.sortedOrders.get(customerId);
    const cached = byKey?.get(key);
    if (cached) return cached;
    let all: OrderSummary[];
    const big = this.big;
    if (big && customerId === big.customerId) {
      all = new Array(big.count);
      for (let i = 0; i < big.count; i++) all[i] = this.summaryOf(big.start + i)!;
    } else {
      all = (this.ordersBy.get(customerId) ?? []).map((n) => this.summaryOf(n)!);
    }
    const sign = direction === 'asc' ? 1 : -1;
    const compare: Record<string, (a: OrderSummary, b: OrderSummary) => number> = {
      number: byNumber,
      placedAt: (a, b) => (a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0),
      quantity: (a, b) => a.quantity - b.quantity,
      total: (a, b) => a.total.amountMinor - b.total.amountMinor,
      status: (a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0),
      salesChannelId: (a, b) => (a.salesChannelId < b.salesChannelId ? -1 : a.salesChannelId > b.salesChannelId ? 1 : 0),
    };
    const primary = compare[sort] ?? compare.placedAt!;
    all.sort((a, b) => sign * (primary(a, b) || byNumber(a, b))); // a fresh array
    if (!byKey) {
      byKey = new Map();
      this.sortedOrders.set(customerId, byKey);
    }
    byKey.set(key, all);
    return all;
  }

  private currentIdentifiers(n: number): OrderIdentifiers | undefined {
    const detail = this.details.get(n);
    if (detail) return identifiersOfOrder(detail);
    if (n < this.ordCustomer.length) return derivedIdentifiers(n, this.ordStatus[n]!, this.channelKind(this.ordChannel[n]!));
    const summary = this.summaryOf(n);
    return summary && derivedIdentifiers(n, summary.status, this.channelKind(summary.salesChannelId));
  }

  private carries(n: number, kind: OrderIdentifierKind, q: string): boolean {
    let value: string | string[] | null | undefined;
    const detail = this.details.get(n);
    if (detail) value = identifiersOfOrder(detail)[kind];
    else if (n < this.ordCustomer.length) value = derivedIdentifier(n, kind, this.ordStatus[n]!, this.channelKind(this.ordChannel[n]!));
    else {
      const summary = this.summaryOf(n);
      value = summary && derivedIdentifier(n, kind, summary.status, this.channelKind(summary.salesChannelId));
    }
    if (value === undefined || value === null) return false;
    if (Array.isArray(value)) return value.some((v) => normaliseExact(v) === q);
    return normaliseExact(value) === q;
  }

  /** Orders carrying identifier `q` (normalised): derived candidates plus saved extras, verified. */
  private findOrdinals(kind: OrderIdentifierKind, q: string): Set<number> {
    const found = new Set<number>();
    if (q === '') return found;
    const total = this.totalOrdinals();
    for (const n of candidateOrdinals(kind, q)) if (n >= 0 && n < total && this.carries(n, kind, q)) found.add(n);
    for (const n of this.extras.get(kind)!.get(q) ?? []) if (this.carries(n, kind, q)) found.add(n);
    return found;
  }

  private storeDetail(order: Order, bump: boolean): Order {
    const n = ordinalOfOrderId(order.id);
    const summary = n === undefined ? undefined : this.summaryOf(n);
    if (n === undefined || !summary) throw new Error(`Unknown order ${order.id}`);
    const before = this.currentIdentifiers(n)!;
    const current = this.details.get(n)?.version ?? summary.version;
    const stored: Order = { ...order, customerId: summary.customerId, version: bump ? current + 1 : order.version };
    this.details.set(n, stored);
    Object.assign(summary, {
      version: stored.version, number: stored.number, placedAt: stored.placedAt, quantity: stored.quantity,
      total: { ...stored.total }, status: stored.status, salesChannelId: stored.salesChannelId, priority: stored.priority,
    });
    this.sortedOrders.delete(summary.customerId);
    if (this.virtual?.has(n)) this.virtual.save(n, summary);
    const after = identifiersOfOrder(stored);
    for (const kind of ORDER_KINDS) {
      const map = this.extras.get(kind)!;
      for (const value of listOf(before[kind])) map.get(normaliseExact(value))?.delete(n);
      for (const value of listOf(after[kind])) {
        const key = normaliseExact(value);
        let set = map.get(key);
        if (!set) map.set(key, (set = new Set()));
        set.add(n);
      }
    }
    return stored;
  }

  // ------------------------------------------------------------------------------------------
  // Internals: customers and indexes
  // ------------------------------------------------------------------------------------------

  private balanceOf(customerId: string): number {
    return this.ledgerOf(customerId).balance;
  }

  /** The customer's postcode for search and summaries: the first billing address's, else the first address's. */
  private primaryPostcode(customerId: string): string | null {
    const list = this.addressesBy.get(customerId);
    if (!list || list.length === 0) return null;
    return (list.find((a) => a.roles.includes('billing')) ?? list[0]!).postcode;
  }

  private indexCustomer(record: CustomerRecord, bulk: boolean): void {
    const postcodeDisplay = this.primaryPostcode(record.id);
    const entry: Indexed = {
      tokens: nameTokens(`${record.name} ${record.tradingName ?? ''}`),
      email: record.email ? normaliseExact(record.email) : '',
      postcode: postcodeDisplay ? normalisePostcode(postcodeDisplay) : '',
      postcodeDisplay,
      ebay: record.ebayUserId ? normaliseExact(record.ebayUserId) : '',
      initial: initialOf(record.name),
      sortKey: sortKeyOf(record.name),
    };
    const old = this.indexed.get(record.id);
    this.indexed.set(record.id, entry);
    const add = (index: SortedIndex, key: string) => (bulk ? index.bulkAdd(key, record.id) : index.add(key, record.id));
    for (const token of entry.tokens) add(this.nameIndex, token);
    add(this.emailIndex, entry.email);
    add(this.postcodeIndex, entry.postcode);
    add(this.ebayIndex, entry.ebay);
    if (!old || old.sortKey !== entry.sortKey) this.ranked = null;
  }

  private unindexCustomer(id: string): void {
    const entry = this.indexed.get(id);
    if (!entry) return;
    for (const token of entry.tokens) this.nameIndex.remove(token, id);
    this.emailIndex.remove(entry.email, id);
    this.postcodeIndex.remove(entry.postcode, id);
    this.ebayIndex.remove(entry.ebay, id);
  }

  private refreshPostcode(customerId: string): void {
    const entry = this.indexed.get(customerId);
    if (!entry) return;
    const display = this.primaryPostcode(customerId);
    const key = display ? normalisePostcode(display) : '';
    entry.postcodeDisplay = display;
    if (key === entry.postcode) return;
    this.postcodeIndex.remove(entry.postcode, customerId);
    this.postcodeIndex.add(key, customerId);
    entry.postcode = key;
  }

  /** Every customer ordered by name (case-insensitive), then id; rebuilt only after a rename or a new customer. */
  private rankedCustomers(): CustomerRecord[] {
    if (this.ranked) return this.ranked;
    const keys = this.indexed;
    const list = [...this.customers.values()];
    list.sort((a, b) => {
      const ka = keys.get(a.id)!.sortKey;
      const kb = keys.get(b.id)!.sortKey;
      return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    this.rank.clear();
    list.forEach((r, i) => this.rank.set(r.id, i));
    this.ranked = list;
    return list;
  }

  private attachToAgent(id: string, agentId: string): void {
    this.pushTo(this.subs, agentId, id);
    const agent = this.customers.get(agentId);
    if (agent) agent.subCustomerCount += 1;
  }

  private detachFromAgent(id: string, agentId: string): void {
    this.removeFrom(this.subs, agentId, id);
    const agent = this.customers.get(agentId);
    if (agent) agent.subCustomerCount = Math.max(0, agent.subCustomerCount - 1);
  }

  // ------------------------------------------------------------------------------------------
  // Small helpers
  // ------------------------------------------------------------------------------------------

  private pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  private removeFrom<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (!list) return;
    const i = list.indexOf(value);
    if (i >= 0) list.splice(i, 1);
  }

  private mustGet<T>(map: Map<string, T>, id: string, what: string): T {
    const value = map.get(id);
    if (value === undefined) throw new Error(`Unknown ${what} ${id}`);
    return value;
  }
}

function byNumber(a: OrderSummary, b: OrderSummary): number {
  return a.number.length - b.number.length || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<string>();
  for (const x of small) if (large.has(x)) out.add(x);
  return out;
}

const listOf = (value: string | string[] | null): string[] => (value === null ? [] : Array.isArray(value) ? value : [value]);
