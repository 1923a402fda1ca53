/**
 * The interface between the reference data model (`mocks/data/*`) and the HTTP layer
 * (`mocks/handlers/*`). The data model owns the tables, the indexes and every mutation (so indexes
 * never go stale); the handlers own HTTP: auth, capabilities, validation, problem details, system
 * notes, scenarios.
 *
 * Every record returned is the live stored object: handlers must not mutate it directly, only
 * through the mutation methods here, and must copy (structuredClone or spread) before serialising
 * if they add fields.
 */
import type { VirtualOrders } from './virtual-orders.js';
import type { LedgerBook, LedgerRow } from './ledger.js';
import type {
  Account, Address, AddressRole, Attachment, Capability, Contact, Customer, CustomerSegment,
  CustomerSummary, Loyalty, Note, Order, OrderListQuery, OrderSummary, Reference, SearchCriterion,
  Transaction, User, WatchList, Actor, DocumentLine, LedgerEntryType, PaymentMethod, VoidRecord,
} from '../../src/sdk/schemas.js';
import type { LoyaltyEntry, LoyaltySettings } from '../../src/sdk/schemas.js';

/** A new ledger entry, as a write hands it to the data model (plain data: the demo's journal replays it). */
export interface LedgerPosting {
  type: LedgerEntryType;
  date: string;
  /** Null: the next number of its kind (`INV-M…`, `CN-M…`). */
  reference: string | null;
  description: string;
  lines: DocumentLine[] | null;
  /** Signed minor units: positive owed by the customer. */
  net: number;
  vat: number;
  amount: number;
  dueDate: string | null;
  orderId: string | null;
  orderNumber: string | null;
  method: PaymentMethod | null;
  bankAccountId: string | null;
  createdAt: string;
  createdBy: Actor;
  /** What a credit settles: the oldest debits, the ones named (amount null: as much as possible), or nothing. */
  allocation: { mode: 'oldest' } | { mode: 'none' } | { mode: 'chosen'; items: { entryId: string; amount: number | null }[] };
}

/** What a ledger write did: the entry, and the other entries whose allocations changed with it. */
export interface LedgerWrite {
  row: LedgerRow;
  changed: LedgerRow[];
}

export interface DatasetSize {
  /** Ordinary customers generated besides the fixtures. Default 1,000; max 10,000. */
  customers: number;
  /** Orders spread over ordinary customers. Default 20,000; up to 100,000 in all. */
  orders: number;
  /** Orders of the `bigOrders` fixture customer (the order table at volume). Default 100,000. */
  bigCustomerOrders: number;
  /** Notes of the `manyNotes` fixture customer. Default 3,000. */
  manyNotes: number;
  /**
   * Orders of the `hugeOrders` customer, computed on demand and never stored (see
   * `virtual-orders.ts` for the queries it supports). Default 0: no such customer, and the data set
   * is exactly what it is without it. Up to 5,000,000.
   */
  hugeCustomerOrders: number;
}

export interface DatabaseOptions {
  /** PRNG seed; the same seed and size always give the same data set (ids included). Default 1. */
  seed?: number;
  size?: Partial<DatasetSize>;
  /** The fixed "now" the data is generated around (ISO). Default 2026-11-01T09:00:00.000Z. */
  now?: string;
}

/** A user of the back office, with a bearer token and capabilities (mock auth). */
export interface UserRecord extends User {
  token: string;
  capabilities: Capability[];
}

/** Well-known customers and records that tests, stories and the demo address by role. */
export interface Fixtures {
  /** Users: `admin` has every capability, `clerk` can add notes and edit addresses but not finances, `viewer` none. */
  users: { admin: UserRecord; clerk: UserRecord; viewer: UserRecord };
  customers: {
    /** Agent with at least 3 sub-customers. */
    agent: string;
    /** A sub-customer of `agent`. */
    subCustomer: string;
    /** Created by Amazon, on "Full payment before despatch", has an Amazon order id. */
    amazon: string;
    /** Created by eBay, on "Full payment before despatch", has an eBay user id. */
    ebay: string;
    /** Retailer on 30-day credit terms with a credit limit and an overdue amount. */
    creditTrade: string;
    onHold: string;
    vatExempt: string;
    /** Watch-listed with the note "Returned several items complaining of damage, so beware." */
    watchListed: string;
    noAddresses: string;
    oneAddress: string;
    sixAddresses: string;
    fortyAddresses: string;
    /** `size.manyNotes` notes, manual and system, some pinned. */
    manyNotes: string;
    /** Trade customer with `size.bigCustomerOrders` orders. */
    bigOrders: string;
    /** Orders in every status, with tracking, documents, pending triggers, refunds and returns. */
    allStatuses: string;
    /** Every text field holds hostile text: HTML, script tags, attribute breakers, RTL overrides, 300-char unbroken strings. */
    hostile: string;
  };
  /** Search values that find exactly one known customer, per criterion (for tests and demos). */
  search: Record<SearchCriterion, { q: string; customerId: string }>;
  /**
   * The customer with `size.hugeCustomerOrders` virtual orders (made after every other record, so
   * it changes none of them); null when that size is 0. Not in `customers`, which every size has.
   */
  hugeOrders: string | null;
  orders: {
    /** An unallocated order of `allStatuses` that can be cancelled. */
    cancellable: string;
    /** A dispatched order of `allStatuses` (cannot be cancelled: 409). */
    dispatched: string;
    /** An order with pending triggers. */
    pendingTriggers: string;
  };
}

export interface CustomerSearch {
  q?: string;
  criterion?: SearchCriterion;
  segment?: CustomerSegment;
  initial?: string;
}

export interface OrderQuery extends Omit<OrderListQuery, 'cursor' | 'limit' | 'offset'> {}

/** Stored customer: the public record plus what is never served. */
export interface CustomerRecord extends Customer {
  /** A salted hash stand-in; never serialised. */
  passwordHash: string | null;
}

export interface StoredAttachment extends Attachment {
  content: Uint8Array;
}

export interface Database {
  readonly seed: number;
  readonly size: DatasetSize;
  readonly now: string;
  readonly fixtures: Fixtures;
  readonly reference: Reference;

  // ----- users
  userByToken(token: string): UserRecord | undefined;

  // ----- customers
  getCustomer(id: string): CustomerRecord | undefined;
  /** Public shape (no passwordHash). */
  toCustomer(record: CustomerRecord): Customer;
  toSummary(record: CustomerRecord): CustomerSummary;
  /** Matching customers ordered by name (then id), using indexes: never a scan of all orders. */
  searchCustomers(query: CustomerSearch): CustomerRecord[];
  subCustomers(agentId: string): CustomerRecord[];
  createCustomer(input: Omit<CustomerRecord, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'subCustomerCount' | 'watchListed'>): CustomerRecord;
  /** Applies the changes, bumps `version` and `updatedAt`, keeps every index right. */
  updateCustomer(id: string, changes: Partial<CustomerRecord>): CustomerRecord;

  // ----- contacts
  contactsOf(customerId: string): Contact[];
  getContact(id: string): Contact | undefined;
  createContact(customerId: string, input: Omit<Contact, 'id' | 'customerId' | 'version'>): Contact;
  updateContact(id: string, changes: Partial<Contact>): Contact;
  deleteContact(id: string): void;

  // ----- addresses (the customer's postcode for search is the first billing address's, else the first)
  addressesOf(customerId: string): Address[];
  getAddress(id: string): Address | undefined;
  createAddress(customerId: string, input: Omit<Address, 'id' | 'customerId' | 'version'>): Address;
  updateAddress(id: string, changes: Partial<Address>): Address;
  deleteAddress(id: string): void;
  /** Convenience for role changes: give `role` to `addressId` only or add it alongside others. */
  addressRoles(id: string): AddressRole[];

  // ----- notes (stored newest first)
  notesOf(customerId: string): Note[];
  getNote(id: string): Note | undefined;
  /** Inserts at the top (newest). */
  addNote(note: Omit<Note, 'id'>): Note;
  updateNote(id: string, changes: Partial<Note>): Note;

  // ----- watch list
  watchListOf(customerId: string): WatchList;
  /** Stores the note with the next version. */
  setWatchList(customerId: string, value: Omit<WatchList, 'version'>): WatchList;

  // ----- orders
  /**
   * Summaries matching the filter, sorted (default: placedAt desc, then number desc). Throws for the
   * `hugeOrders` customer, whose orders are never held whole: page them with `virtualOrders`.
   */
  ordersOf(customerId: string, query: OrderQuery): readonly OrderSummary[];
  /** The customer's orders if they are virtual (computed by index, see `virtual-orders.ts`), else undefined. */
  virtualOrders(customerId: string): VirtualOrders | undefined;
  countOrders(customerId: string): number;
  getOrderSummary(id: string): OrderSummary | undefined;
  /** Full detail, materialised on first access (deterministically), then kept and mutated. */
  getOrder(id: string): Order | undefined;
  /** Replaces the stored order; bumps version; keeps the summary and search indexes in step. */
  saveOrder(order: Order): Order;
  /**
   * Stores a new order (order entry) with the next id and number; version 1. Not for the
   * `bigOrders` or `hugeOrders` customers, whose orders are computed.
   */
  createOrder(order: Omit<Order, 'id' | 'number' | 'version'>): Order;

  // ----- accounts and loyalty
  /** Balance, credit, overdue and aged debt, all from the ledger. */
  account(customerId: string): Account;
  /** The ledger in the older flat shape (`accounts.transactions`): entries not void, newest first. */
  transactionsOf(customerId: string): Transaction[];
  /** The customer's ledger; read it here, change it only with the two methods below. */
  ledgerOf(customerId: string): LedgerBook;
  /** Adds an entry and allocates it as asked; `reference: null` takes the next invoice or credit note number. */
  postLedgerEntry(customerId: string, posting: LedgerPosting): LedgerWrite;
  /** Marks an entry void (it keeps its row) and releases its allocations. */
  voidLedgerEntry(customerId: string, entryId: string, record: VoidRecord): LedgerWrite;
  loyaltyOf(customerId: string): Loyalty;
  setLoyalty(customerId: string, value: Loyalty): Loyalty;
  /** The points history, oldest first (made on first use); its last balance is the points balance. */
  loyaltyHistoryOf(customerId: string): LoyaltyEntry[];
  /** Records a manual adjustment and the new balance. */
  adjustLoyalty(customerId: string, change: { points: number; reason: string; at: string }): { loyalty: Loyalty; entry: LoyaltyEntry };
  loyaltySettings(): LoyaltySettings;
  setLoyaltySettings(value: Pick<LoyaltySettings, 'pointsPerPound' | 'pointValue' | 'updatedAt' | 'updatedBy'>): LoyaltySettings;

  // ----- attachments
  attachmentsOf(customerId: string): StoredAttachment[];
  getAttachment(id: string): StoredAttachment | undefined;
  addAttachment(input: Omit<StoredAttachment, 'id'>): StoredAttachment;
  deleteAttachment(id: string): void;

  /** A fresh id with the given prefix (`cus`, `adr`, `not`, …), unique in this database. */
  nextId(prefix: string): string;
}
