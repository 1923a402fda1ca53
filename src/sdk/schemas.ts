/**
 * The data model of the Customer Elements API, as valibot schemas.
 *
 * This file is the single source of truth: the SDK validates every response with these schemas,
 * the TypeScript types are inferred from them, the mocks validate request bodies with them, and
 * `openapi/openapi.json` is generated from them (`npm run openapi`; a test fails when it drifts).
 */
import * as v from 'valibot';
import { SINGLE_HOLDER_ROLES, CAPABILITIES, CUSTOMER_TYPES, SEARCH_CRITERIA, CUSTOMER_FIELD_GROUPS, ADDRESS_ROLES, MAX_NEW_CONTACTS, DUPLICATE_REASONS, NOTE_KINDS, CHANGE_REFERENCE_KINDS, CHANGE_ENUM_KINDS, ORDER_STATUSES, ORDER_SORT_FIELDS, LEDGER_ENTRY_TYPES, LEDGER_STATUSES, PAYMENT_METHODS, VAT_RATES } from './enums.js';
export { SINGLE_HOLDER_ROLES, CAPABILITIES, CUSTOMER_TYPES, SEARCH_CRITERIA, CUSTOMER_FIELD_GROUPS, CUSTOMER_GROUP_CAPABILITY, ADDRESS_ROLES, MAX_NEW_CONTACTS, DUPLICATE_REASONS, NOTE_KINDS, CHANGE_REFERENCE_KINDS, CHANGE_ENUM_KINDS, ORDER_STATUSES, ORDER_SORT_FIELDS, LEDGER_ENTRY_TYPES, LEDGER_STATUSES, PAYMENT_METHODS, VAT_RATES } from './enums.js';

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

/** An opaque identifier, e.g. `cus_000042`. */
export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** An RFC 3339 timestamp in UTC. */
export const Timestamp = v.pipe(v.string(), v.isoTimestamp());
/** ISO 4217 currency code. */
export const CurrencyCode = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/));
/** An amount of money in minor units (pence for GBP), never a float. */
export const Money = v.object({
  amountMinor: v.pipe(v.number(), v.integer()),
  currency: CurrencyCode,
});
export type Money = v.InferOutput<typeof Money>;

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = v.pipe(v.string(), v.regex(/^[A-Z]{2}$/));

// ---------------------------------------------------------------------------------------------
// Errors: RFC 9457 problem details
// ---------------------------------------------------------------------------------------------

export const FieldError = v.object({
  /** Dotted path of the offending field in the request body, e.g. `postcode` or `lines.0.quantity`. */
  field: v.string(),
  /** Human-readable message, safe to show beside the field. */
  message: v.string(),
  /** Machine-readable code, e.g. `required`, `invalid_format`, `too_long`. */
  code: v.string(),
});
export type FieldError = v.InferOutput<typeof FieldError>;

export const SingleHolderRole = v.picklist(SINGLE_HOLDER_ROLES);
export type SingleHolderRole = v.InferOutput<typeof SingleHolderRole>;

/** On a 409 for a single-holder role: the address that holds it now. */
export const RoleHolder = v.object({
  role: SingleHolderRole,
  addressId: Id,
  /** The holder in one line (label, first line, town, postcode), to show in a question to the user. */
  summary: v.string(),
});
export type RoleHolder = v.InferOutput<typeof RoleHolder>;

export const Problem = v.looseObject({
  type: v.optional(v.string()),
  title: v.string(),
  status: v.pipe(v.number(), v.integer()),
  detail: v.optional(v.string()),
  instance: v.optional(v.string()),
  /** Present on 400/422: one entry per invalid field. */
  errors: v.optional(v.array(FieldError)),
  /** Present on 412/409 for a stale write: the version the server holds now. */
  currentVersion: v.optional(v.pipe(v.number(), v.integer())),
  /** Present on 403: the capability the request lacked. */
  requiredCapability: v.optional(v.string()),
  /** Present on 409 when a single-holder address role is held by another address: who holds it. */
  roleHolders: v.optional(v.array(RoleHolder)),
});
export type Problem = v.InferOutput<typeof Problem>;

// ---------------------------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------------------------

/** A page of a cursor-paginated list. `total` counts every item matching the query. */
export const page = <T extends v.GenericSchema>(item: T) =>
  v.object({
    items: v.array(item),
    nextCursor: v.nullable(v.string()),
    total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Users and capabilities
// ---------------------------------------------------------------------------------------------

export const Capability = v.picklist(CAPABILITIES);
export type Capability = v.InferOutput<typeof Capability>;

export const User = v.object({
  id: Id,
  name: v.string(),
  email: v.string(),
});
export type User = v.InferOutput<typeof User>;

export const Me = v.object({
  user: User,
  /** What this session may do. Anything absent is read-only for this user. */
  capabilities: v.array(v.string()),
});
export type Me = v.InferOutput<typeof Me>;

/** Who or what made a change: a logged-in user, an integration, or a sales channel. */
export const Actor = v.object({
  type: v.picklist(['user', 'integration', 'channel']),
  id: Id,
  name: v.string(),
});
export type Actor = v.InferOutput<typeof Actor>;

// ---------------------------------------------------------------------------------------------
// Reference lists
// ---------------------------------------------------------------------------------------------

export const SalesChannel = v.object({
  id: Id,
  name: v.string(),
  /** Marketplace channels create customers on "Full payment before despatch". */
  kind: v.picklist(['manual', 'website', 'amazon', 'ebay', 'epos', 'trade']),
  priceList: v.string(),
});
export type SalesChannel = v.InferOutput<typeof SalesChannel>;

export const PaymentTerms = v.object({
  id: Id,
  name: v.string(),
  /** `prepay`: orders wait for payment before dispatch. `credit`: orders go to dispatch at once. */
  kind: v.picklist(['prepay', 'credit']),
  /** Days of credit for `credit` terms; null for `prepay`. */
  days: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  blocksDispatchUntilPaid: v.boolean(),
});
export type PaymentTerms = v.InferOutput<typeof PaymentTerms>;

export const BankAccount = v.object({
  id: Id,
  name: v.string(),
  sortCode: v.string(),
  accountNumberLast4: v.string(),
});
export type BankAccount = v.InferOutput<typeof BankAccount>;

export const Season = v.object({
  id: Id,
  name: v.string(),
  kind: v.picklist(['pre-order', 'future']),
  startsOn: v.pipe(v.string(), v.isoDate()),
  endsOn: v.pipe(v.string(), v.isoDate()),
});
export type Season = v.InferOutput<typeof Season>;

export const CustomerType = v.picklist(CUSTOMER_TYPES);
export type CustomerType = v.InferOutput<typeof CustomerType>;

export const CustomerTypeInfo = v.object({
  id: CustomerType,
  name: v.string(),
  /** Retailer and agent customers are "trade"; public customers are "retail". */
  trade: v.boolean(),
});

export const Reference = v.object({
  salesChannels: v.array(SalesChannel),
  paymentTerms: v.array(PaymentTerms),
  bankAccounts: v.array(BankAccount),
  seasons: v.array(Season),
  customerTypes: v.array(CustomerTypeInfo),
  noteKinds: v.array(v.picklist(['general', 'call', 'email', 'meeting'])),
  countries: v.array(v.object({ code: CountryCode, name: v.string(), postcodeRequired: v.boolean() })),
});
export type Reference = v.InferOutput<typeof Reference>;

// ---------------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------------

export const SearchCriterion = v.picklist(SEARCH_CRITERIA);
export type SearchCriterion = v.InferOutput<typeof SearchCriterion>;

export const CustomerSegment = v.picklist(['all', 'trade', 'retail']);
export type CustomerSegment = v.InferOutput<typeof CustomerSegment>;

export const CustomerOrigin = v.picklist(['manual', 'website', 'amazon', 'ebay', 'epos']);

export const CustomerSummary = v.object({
  id: Id,
  name: v.string(),
  tradingName: v.nullable(v.string()),
  type: CustomerType,
  postcode: v.nullable(v.string()),
  email: v.nullable(v.string()),
  salesChannelId: Id,
  balance: Money,
  watchListed: v.boolean(),
  onHold: v.boolean(),
});
export type CustomerSummary = v.InferOutput<typeof CustomerSummary>;

export const Customer = v.object({
  id: Id,
  /** Optimistic-concurrency version; also sent as the ETag. Send it back in `If-Match`. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  // identity
  name: v.string(),
  tradingName: v.nullable(v.string()),
  // channel
  salesChannelId: Id,
  origin: CustomerOrigin,
  // company
  type: CustomerType,
  /** For a sub-customer: the agent that looks after it. */
  agentId: v.nullable(Id),
  subCustomerCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  bankAccountId: v.nullable(Id),
  accountsReference: v.nullable(v.string()),
  vatExempt: v.boolean(),
  onHold: v.boolean(),
  eori: v.nullable(v.string()),
  creditLimit: Money,
  // terms
  paymentTermsId: Id,
  // personal
  username: v.nullable(v.string()),
  /** The password is write-only: this says whether one is set, never what it is. */
  hasPassword: v.boolean(),
  email: v.nullable(v.string()),
  telephone: v.nullable(v.string()),
  mobile: v.nullable(v.string()),
  fax: v.nullable(v.string()),
  ebayUserId: v.nullable(v.string()),
  // flags
  watchListed: v.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Customer = v.InferOutput<typeof Customer>;

const optionalText = (max: number) => v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(max)));
/** An email address, or null. 254 characters is the longest address SMTP can carry (RFC 5321). */
const emailText = v.nullable(
  v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('Enter an email address such as name@example.com.')),
);

export type CustomerFieldGroup = keyof typeof CUSTOMER_FIELD_GROUPS;

export const CustomerPatch = v.strictObject({
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a name.'), v.maxLength(200))),
  tradingName: v.optional(optionalText(200)),
  salesChannelId: v.optional(Id),
  type: v.optional(CustomerType),
  bankAccountId: v.optional(v.nullable(Id)),
  accountsReference: v.optional(optionalText(50)),
  vatExempt: v.optional(v.boolean()),
  onHold: v.optional(v.boolean()),
  eori: v.optional(
    // An EORI is a country code and at most 15 characters: 17 in all.
    v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(17), v.regex(/^[A-Z]{2}[0-9A-Z]{1,15}$/, 'Enter an EORI such as GB123456789000.'))),
  ),
  creditLimit: v.optional(Money),
  paymentTermsId: v.optional(Id),
  username: v.optional(optionalText(100)),
  /** Write-only. At least 8 characters. */
  password: v.optional(v.pipe(v.string(), v.minLength(8, 'Use at least 8 characters.'), v.maxLength(200))),
  email: v.optional(emailText),
  telephone: v.optional(optionalText(40)),
  mobile: v.optional(optionalText(40)),
  fax: v.optional(optionalText(40)),
});
export type CustomerPatch = v.InferInput<typeof CustomerPatch>;


export const CustomerSearchQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.maxLength(200))),
  criterion: v.optional(SearchCriterion),
  segment: v.optional(CustomerSegment),
  /** A–Z initial-letter filter on the name; `#` for names starting with anything else. */
  initial: v.optional(v.pipe(v.string(), v.regex(/^[A-Z#]$/))),
  cursor: v.optional(v.string()),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});
export type CustomerSearchQuery = v.InferInput<typeof CustomerSearchQuery>;

// ---------------------------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------------------------

export const Contact = v.object({
  id: Id,
  customerId: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  name: v.string(),
  role: v.nullable(v.string()),
  email: v.nullable(v.string()),
  phone: v.nullable(v.string()),
});
export type Contact = v.InferOutput<typeof Contact>;

export const ContactInput = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a name.'), v.maxLength(200)),
  role: v.optional(optionalText(100)),
  email: v.optional(emailText),
  phone: v.optional(optionalText(40)),
});
export type ContactInput = v.InferInput<typeof ContactInput>;
export const ContactPatch = v.partial(ContactInput);
export type ContactPatch = v.InferInput<typeof ContactPatch>;

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

export const AddressRole = v.picklist(ADDRESS_ROLES);
export type AddressRole = v.InferOutput<typeof AddressRole>;
// The single-holder roles (admin, billing) are defined beside `Problem`, whose 409 names their holder.

const ROLE_RULE =
  'Admin and billing are each held by one address of the customer at most; delivery may be held by any number. ' +
  'A write that gives an address admin or billing while another address holds it is refused with 409 ' +
  '(`roleHolders` names that address) unless `moveRoles` names the address that loses it.';

/**
 * Moving a single-holder role: for each role, the id of the address that holds it now and is to
 * lose it. A role is never moved on a guess: if another address holds it by then, the write is
 * refused with 409 naming that one.
 */
export const RoleMoves = v.pipe(
  v.strictObject({
    admin: v.optional(Id),
    billing: v.optional(Id),
  }),
  v.description(
    'Moves single-holder roles to this address: for each role, the id of the address that holds it now and loses it ' +
      '(the move is recorded in the history). Each role named must be one this address holds after the write. If the ' +
      'role is held by another address than the one named, nothing changes and the answer is 409 naming the holder.',
  ),
);
export type RoleMoves = v.InferOutput<typeof RoleMoves>;

export const Address = v.object({
  id: Id,
  customerId: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  label: v.nullable(v.string()),
  recipient: v.nullable(v.string()),
  line1: v.string(),
  line2: v.nullable(v.string()),
  city: v.string(),
  region: v.nullable(v.string()),
  postcode: v.nullable(v.string()),
  country: CountryCode,
  roles: v.pipe(v.array(AddressRole), v.description(ROLE_RULE)),
});
export type Address = v.InferOutput<typeof Address>;

/** Shape only; country-aware rules (UK postcodes, required fields) are in `validation.ts`. */
export const AddressInput = v.strictObject({
  label: v.optional(optionalText(100)),
  recipient: v.optional(optionalText(200)),
  line1: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter the first line of the address.'), v.maxLength(200)),
  line2: v.optional(optionalText(200)),
  city: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a town or city.'), v.maxLength(100)),
  region: v.optional(optionalText(100)),
  postcode: v.optional(optionalText(20)),
  country: CountryCode,
  roles: v.optional(v.pipe(v.array(AddressRole), v.description(ROLE_RULE))),
  moveRoles: v.optional(RoleMoves),
});
export type AddressInput = v.InferInput<typeof AddressInput>;
export const AddressPatch = v.partial(AddressInput);
export type AddressPatch = v.InferInput<typeof AddressPatch>;

// ---------------------------------------------------------------------------------------------
// A new customer (with its first address and contacts) and the duplicate check before it
// ---------------------------------------------------------------------------------------------

/** The first address of a new customer: an address as `AddressInput` has it, with no roles to move (there is no other address yet). */
export const FirstAddressInput = /* @__PURE__ */ buildFirstAddressInput();
// Built in a function: it reuses fields of another schema, and a bundler keeps a property read at
// the top level even on a page that never uses this schema (a getter could run). See pure-valibot.mjs.
function buildFirstAddressInput() {
  return v.strictObject({
    label: AddressInput.entries.label,
    recipient: AddressInput.entries.recipient,
    line1: AddressInput.entries.line1,
    line2: AddressInput.entries.line2,
    city: AddressInput.entries.city,
    region: AddressInput.entries.region,
    postcode: AddressInput.entries.postcode,
    country: AddressInput.entries.country,
    /** Default: every role (admin, billing and delivery), since it is the customer's only address. */
    roles: AddressInput.entries.roles,
  });
}
export type FirstAddressInput = v.InferInput<typeof FirstAddressInput>;


/**
 * A new customer, with its first address and contacts in the same write: the server creates all of
 * it or nothing (every field is checked first; errors name the field, e.g. `address.postcode` or
 * `contacts.1.email`). Payment terms left out follow the sales channel (see `defaultPaymentTermsId`).
 */
export const CustomerCreate = /* @__PURE__ */ buildCustomerCreate();
// Built in a function, as buildFirstAddressInput is.
function buildCustomerCreate() {
  return v.strictObject({
    name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a name.'), v.maxLength(200)),
    tradingName: v.optional(optionalText(200)),
    type: CustomerType,
    salesChannelId: Id,
    paymentTermsId: v.optional(Id),
    email: v.optional(emailText),
    telephone: v.optional(optionalText(40)),
    agentId: v.optional(v.nullable(Id)),
    bankAccountId: CustomerPatch.entries.bankAccountId,
    accountsReference: CustomerPatch.entries.accountsReference,
    vatExempt: CustomerPatch.entries.vatExempt,
    eori: CustomerPatch.entries.eori,
    creditLimit: CustomerPatch.entries.creditLimit,
    username: CustomerPatch.entries.username,
    password: CustomerPatch.entries.password,
    mobile: CustomerPatch.entries.mobile,
    fax: CustomerPatch.entries.fax,
    address: v.optional(FirstAddressInput),
    contacts: v.optional(v.pipe(v.array(ContactInput), v.maxLength(MAX_NEW_CONTACTS, `Add at most ${MAX_NEW_CONTACTS} contacts at once.`))),
  });
}
export type CustomerCreate = v.InferInput<typeof CustomerCreate>;

export const DuplicateQuery = v.object({
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  email: v.optional(v.pipe(v.string(), v.maxLength(254))),
  postcode: v.optional(v.pipe(v.string(), v.maxLength(20))),
  /** The country of the postcode (its format decides how it is compared). Default GB. */
  country: v.optional(CountryCode),
});
export type DuplicateQuery = v.InferInput<typeof DuplicateQuery>;

export const DuplicateReason = v.picklist(DUPLICATE_REASONS);
export type DuplicateReason = v.InferOutput<typeof DuplicateReason>;

export const DuplicateMatch = v.object({
  customer: CustomerSummary,
  reasons: v.pipe(v.array(DuplicateReason), v.minLength(1)),
});
export type DuplicateMatch = v.InferOutput<typeof DuplicateMatch>;

/** The likely matches, strongest first (a shared email first), at most five. */
export const Duplicates = v.object({ items: v.array(DuplicateMatch) });
export type Duplicates = v.InferOutput<typeof Duplicates>;

export const AddressListQuery = v.object({
  q: v.optional(v.string()),
  cursor: v.optional(v.string()),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

export const NoteKind = v.picklist(NOTE_KINDS);
export type NoteKind = v.InferOutput<typeof NoteKind>;

export type ChangeReferenceKind = (typeof CHANGE_REFERENCE_KINDS)[number];
export type ChangeEnumKind = (typeof CHANGE_ENUM_KINDS)[number];

/**
 * One side of a change, typed so that a reader can show it in its own language: money in minor
 * units with its currency, a reference id with the list it belongs to, enumeration members by
 * their code. Never a pre-formatted display string (except `text`, which is data as typed).
 */
export const ChangeValue = v.variant('type', [
  v.object({ type: v.literal('text'), text: v.string() }),
  v.object({ type: v.literal('money'), money: Money }),
  v.object({ type: v.literal('boolean'), value: v.boolean() }),
  v.object({ type: v.literal('number'), value: v.number() }),
  /** A calendar date (`2027-02-01`) or a timestamp. */
  v.object({ type: v.literal('date'), date: v.union([v.pipe(v.string(), v.isoDate()), Timestamp]) }),
  v.object({ type: v.literal('reference'), kind: v.picklist(CHANGE_REFERENCE_KINDS), id: Id }),
  /** One or more members of an enumeration (several for address roles); an empty list is "none". */
  v.object({ type: v.literal('enum'), kind: v.picklist(CHANGE_ENUM_KINDS), values: v.array(v.string()) }),
]);
export type ChangeValue = v.InferOutput<typeof ChangeValue>;

/**
 * A field that changed, with what it was and what it became (`null`: not set). `subject` names
 * the record the change is about when it is not the customer itself (an address, an order number).
 */
export const ValueChange = v.object({
  field: v.string(),
  subject: v.optional(v.string()),
  from: v.nullable(ChangeValue),
  to: v.nullable(ChangeValue),
});
export type ValueChange = v.InferOutput<typeof ValueChange>;

/** A secret field (the password) changed: no value is ever recorded, not even whether one was set. */
export const SecretChange = v.strictObject({ field: v.string(), secret: v.literal(true) });
export type SecretChange = v.InferOutput<typeof SecretChange>;

export const FieldChange = v.union([SecretChange, ValueChange]);
export type FieldChange = v.InferOutput<typeof FieldChange>;

export const Note = v.object({
  id: Id,
  customerId: Id,
  source: v.picklist(['manual', 'system']),
  /** Manual notes only; null for system notes. */
  kind: v.nullable(NoteKind),
  /**
   * A manual note's text; for a system note, a summary in the server's language for logs and
   * other tools. Readers show a system note's `changes` in their own language instead.
   */
  text: v.string(),
  pinned: v.boolean(),
  author: Actor,
  createdAt: Timestamp,
  /** System notes: what changed, one entry per field, typed (empty for manual notes). */
  changes: v.pipe(
    v.array(FieldChange),
    v.description(
      'System notes: what changed, one entry per field, typed so that a reader shows it in its own language: ' +
        '`text`, `money` (minor units and currency), `boolean`, `number`, `date`, `reference` (an id and the reference list ' +
        'it belongs to: the reader names it from `/reference`), `enum` (members of an enumeration of this contract). `null`: ' +
        'not set. A secret field (the password) is `{"field": "password", "secret": true}` and carries no value at all. ' +
        'Empty for manual notes.',
    ),
  ),
  /** A removed note stays in the history, marked; its removal is itself a system note. */
  removed: v.nullable(v.object({ at: Timestamp, by: Actor })),
});
export type Note = v.InferOutput<typeof Note>;

export const NoteInput = v.strictObject({
  text: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write something in the note.'), v.maxLength(5000, 'Keep notes under 5,000 characters.')),
  kind: v.optional(NoteKind),
  pinned: v.optional(v.boolean()),
});
export type NoteInput = v.InferInput<typeof NoteInput>;

export const NotePatch = v.strictObject({ pinned: v.boolean() });

export const NoteListQuery = v.object({
  source: v.optional(v.picklist(['all', 'manual', 'system'])),
  cursor: v.optional(v.string()),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});

// ---------------------------------------------------------------------------------------------
// Watch list
// ---------------------------------------------------------------------------------------------

export const WatchList = v.object({
  customerId: Id,
  /**
   * Bumped by every set and clear (0 when the customer never had a note). Send it as `If-Match`
   * with a change, so that a change made meanwhile by someone else is reported, not overwritten.
   */
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  active: v.boolean(),
  note: v.nullable(v.string()),
  updatedAt: v.nullable(Timestamp),
  updatedBy: v.nullable(Actor),
});
export type WatchList = v.InferOutput<typeof WatchList>;

export const WatchListInput = v.strictObject({
  note: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write the watch-list note.'), v.maxLength(1000)),
});

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

export const OrderStatus = v.picklist(ORDER_STATUSES);
export type OrderStatus = v.InferOutput<typeof OrderStatus>;


export const OrderSummary = v.object({
  id: Id,
  customerId: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  number: v.string(),
  placedAt: Timestamp,
  quantity: v.pipe(v.number(), v.integer(), v.minValue(0)),
  total: Money,
  status: OrderStatus,
  salesChannelId: Id,
  priority: v.boolean(),
});
export type OrderSummary = v.InferOutput<typeof OrderSummary>;

export const OrderLine = v.object({
  id: Id,
  sku: v.string(),
  description: v.string(),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
  unitPrice: Money,
  total: Money,
  returnedQuantity: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Order entry: the price list's unit price before a trade discount, and the units allocated. */
  listPrice: v.optional(Money),
  allocatedQuantity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type OrderLine = v.InferOutput<typeof OrderLine>;

export const Tracking = v.object({
  id: Id,
  carrier: v.string(),
  code: v.string(),
  source: v.picklist(['label', 'manual']),
  addedAt: Timestamp,
});

/** A document generated for an order; its PDF is `GET /orders/{orderId}/documents/{id}`. */
export const PrintRecord = v.object({
  id: Id,
  document: v.picklist(['invoice', 'packing-slip', 'delivery-note', 'label', 'pick-list']),
  printedAt: Timestamp,
  by: Actor,
});

export const OrderTrigger = /* @__PURE__ */ buildOrderTrigger();
// Built in a function, as buildFirstAddressInput is.
function buildOrderTrigger() {
  return v.object({
    id: Id,
    name: v.string(),
    document: PrintRecord.entries.document,
    status: v.picklist(['pending', 'run']),
    runAt: v.nullable(Timestamp),
  });
}

export const Refund = v.object({
  id: Id,
  amount: Money,
  reason: v.string(),
  method: v.picklist(['automatic', 'manual']),
  createdAt: Timestamp,
  by: Actor,
});

export const ReturnRecord = v.object({
  id: Id,
  lines: v.array(v.object({ lineId: Id, quantity: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
  reason: v.string(),
  createdAt: Timestamp,
  by: Actor,
});

export const Attachment = v.object({
  id: Id,
  customerId: Id,
  orderId: v.nullable(Id),
  filename: v.string(),
  contentType: v.string(),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  uploadedAt: Timestamp,
  uploadedBy: Actor,
});
export type Attachment = v.InferOutput<typeof Attachment>;

export const Order = /* @__PURE__ */ buildOrder();
// Built in a function, as buildFirstAddressInput is.
function buildOrder() {
  return v.object({
    ...OrderSummary.entries,
    reference: v.string(),
    externalReference: v.nullable(v.string()),
    amazonOrderId: v.nullable(v.string()),
    invoiceNumber: v.nullable(v.string()),
    dispatchId: v.nullable(v.string()),
    seasonId: v.nullable(Id),
    lines: v.array(OrderLine),
    totals: v.object({ subtotal: Money, shipping: Money, tax: Money, total: Money, refunded: Money }),
    tracking: v.array(Tracking),
    printHistory: v.array(PrintRecord),
    triggers: v.array(OrderTrigger),
    refunds: v.array(Refund),
    returns: v.array(ReturnRecord),
    attachments: v.array(Attachment),
    cancelledAt: v.nullable(Timestamp),
    /** Order entry: what holds the order out of the dispatch queue (payment first, or its season). */
    hold: v.optional(v.nullable(v.picklist(['payment', 'season']))),
    deliveryAddressId: v.optional(v.nullable(Id)),
    billingAddressId: v.optional(v.nullable(Id)),
  });
}
export type Order = v.InferOutput<typeof Order>;

export const OrderListQuery = v.object({
  status: v.optional(OrderStatus),
  salesChannelId: v.optional(Id),
  /** Find by order number (prefix, case-insensitive). */
  q: v.optional(v.string()),
  sort: v.optional(v.picklist(ORDER_SORT_FIELDS)),
  order: v.optional(v.picklist(['asc', 'desc'])),
  /** Only what the dispatch queue takes: open (unallocated or allocated) and held neither for payment nor a season. */
  ready: v.optional(v.boolean()),
  cursor: v.optional(v.string()),
  /** Random access for virtualised tables: skip this many rows (ignored when `cursor` is set). */
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
});
export type OrderListQuery = v.InferInput<typeof OrderListQuery>;

export const PrioritiseInput = v.strictObject({ priority: v.boolean() });
export const TrackingInput = v.strictObject({
  carrier: v.pipe(v.string(), v.trim(), v.minLength(1, 'Choose or enter a carrier.'), v.maxLength(60)),
  code: v.pipe(v.string(), v.trim(), v.minLength(3, 'Enter the tracking code.'), v.maxLength(60)),
});
export const CancelInput = v.strictObject({ reason: v.optional(optionalText(500)) });
export const RefundInput = v.strictObject({
  amount: Money,
  reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give a reason for the refund.'), v.maxLength(500)),
  method: v.optional(v.picklist(['automatic', 'manual'])),
});
export const ReturnInput = v.strictObject({
  lines: v.pipe(
    v.array(v.object({ lineId: Id, quantity: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
    v.minLength(1, 'Choose at least one item to return.'),
  ),
  reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give a reason for the return.'), v.maxLength(500)),
});

// ---------------------------------------------------------------------------------------------
// Accounts and loyalty
// ---------------------------------------------------------------------------------------------

/** Aged debt: what is owed, by the age of the invoice (days since its date). */
export const AgedDebt = v.object({
  /** Less than 30 days old. */
  current: Money,
  /** 30 to 59 days old. */
  days30: Money,
  /** 60 to 89 days old. */
  days60: Money,
  /** 90 days old or more. */
  days90Plus: Money,
});
export type AgedDebt = v.InferOutput<typeof AgedDebt>;

export const Account = v.object({
  customerId: Id,
  /** What the customer owes: the sum of every ledger entry that is not void (negative: in credit). */
  balance: Money,
  creditLimit: Money,
  /** The credit limit less the balance, never below zero. */
  availableCredit: Money,
  /** The outstanding amounts of invoices past their due date. */
  overdue: Money,
  /**
   * Outstanding debit entries by age; `current + days30 + days60 + days90Plus - unallocatedCredit = balance`.
   * Absent from servers that do not keep a ledger.
   */
  agedDebt: v.optional(AgedDebt),
  /** Payments and credits not yet allocated to an invoice (credit on account), as a positive amount. */
  unallocatedCredit: v.optional(Money),
  /** Bumped by every write to the ledger. */
  ledgerVersion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  paymentTermsId: Id,
  /** True when the payment terms hold orders back from dispatch until they are paid or credited. */
  dispatchBlocked: v.boolean(),
});
export type Account = v.InferOutput<typeof Account>;

/** The older, flatter view of the ledger (`accounts.transactions`); new code reads `accounts.ledger`. */
export const Transaction = v.object({
  id: Id,
  customerId: Id,
  date: Timestamp,
  kind: v.picklist(['invoice', 'payment', 'credit-note', 'refund', 'adjustment']),
  reference: v.string(),
  amount: Money,
  balanceAfter: Money,
  dueDate: v.nullable(v.pipe(v.string(), v.isoDate())),
});
export type Transaction = v.InferOutput<typeof Transaction>;

export const Loyalty = v.object({
  customerId: Id,
  points: v.pipe(v.number(), v.integer()),
  updatedAt: v.nullable(Timestamp),
});
export type Loyalty = v.InferOutput<typeof Loyalty>;

export const LoyaltyAdjustment = v.strictObject({
  delta: v.pipe(v.number(), v.integer(), v.notValue(0, 'Enter a number of points other than 0.')),
  reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give a reason.'), v.maxLength(200)),
});

/** The shop-wide loyalty scheme: how many points a pound earns and what a point is worth. */
export const LoyaltySettings = v.object({
  /** Points earned per whole pound of a dispatched order's total (0 turns earning off). */
  pointsPerPound: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  /** What one point is worth when spent, in minor units of the currency (e.g. 1 = 1p). */
  pointValue: Money,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  updatedAt: v.nullable(Timestamp),
  updatedBy: v.nullable(v.string()),
});
export type LoyaltySettings = v.InferOutput<typeof LoyaltySettings>;

export const LoyaltySettingsInput = v.strictObject({
  pointsPerPound: v.pipe(
    v.number('Enter a whole number of points.'),
    v.integer('Enter a whole number of points.'),
    v.minValue(0, 'Enter 0 or more points.'),
    v.maxValue(100, 'At most 100 points per pound.'),
  ),
  pointValue: v.object({
    amountMinor: v.pipe(v.number(), v.integer('Enter a whole number of pence.'), v.minValue(0, 'Enter 0 or more.'), v.maxValue(10_000, 'At most 10,000 pence a point.')),
    currency: CurrencyCode,
  }),
});

/** One movement of a customer's points. */
export const LoyaltyEntry = v.object({
  id: Id,
  date: Timestamp,
  /** earned: on a dispatched order; spent: redeemed against an order; adjustment: by hand, with a reason. */
  kind: v.picklist(['earned', 'spent', 'adjustment']),
  /** Signed: positive adds points, negative takes them away. */
  points: v.pipe(v.number(), v.integer()),
  orderId: v.nullable(Id),
  orderNumber: v.nullable(v.string()),
  reason: v.nullable(v.string()),
  /** The balance after this entry. */
  balanceAfter: v.pipe(v.number(), v.integer()),
});
export type LoyaltyEntry = v.InferOutput<typeof LoyaltyEntry>;

export const LoyaltyStatementQuery = v.object({
  /** First day of the period (inclusive). Default: a year before `to`. */
  from: v.optional(v.pipe(v.string(), v.isoDate())),
  /** Last day of the period (inclusive). Default: today. */
  to: v.optional(v.pipe(v.string(), v.isoDate())),
});

/** A customer's points over a period: opening + earned − spent + adjusted = closing. */
export const LoyaltyStatement = v.object({
  customerId: Id,
  from: v.pipe(v.string(), v.isoDate()),
  to: v.pipe(v.string(), v.isoDate()),
  opening: v.pipe(v.number(), v.integer()),
  earned: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Points spent in the period (a positive number). */
  spent: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Net points added (or, negative, taken away) by hand. */
  adjusted: v.pipe(v.number(), v.integer()),
  closing: v.pipe(v.number(), v.integer()),
  /** The value of a point now, for showing the closing balance in money. */
  pointValue: Money,
  /** Oldest first. */
  entries: v.array(LoyaltyEntry),
});
export type LoyaltyStatement = v.InferOutput<typeof LoyaltyStatement>;

// ---------------------------------------------------------------------------------------------
// The account ledger
// ---------------------------------------------------------------------------------------------

/** A calendar date, `2026-11-01`. */
export const IsoDate = v.pipe(v.string(), v.isoDate());

export const LedgerEntryType = v.picklist(LEDGER_ENTRY_TYPES);
export type LedgerEntryType = v.InferOutput<typeof LedgerEntryType>;

export const LedgerStatus = v.picklist(LEDGER_STATUSES);
export type LedgerStatus = v.InferOutput<typeof LedgerStatus>;

export const PaymentMethod = v.picklist(PAYMENT_METHODS);
export type PaymentMethod = v.InferOutput<typeof PaymentMethod>;

export const VatRate = v.picklist(VAT_RATES);
export type VatRate = v.InferOutput<typeof VatRate>;

const VAT_RULE =
  'VAT is computed by the server per line, as HMRC allows (VAT Notice 700, section 16.3): each line\'s VAT is its net ' +
  'amount (quantity x unit price, exact in minor units) times the rate, rounded to the nearest penny with half a penny ' +
  'rounded up; the document\'s VAT is the sum of its lines\' VAT, and its total the sum of net and VAT. A customer who ' +
  'is VAT exempt is charged no VAT whatever the rate asked for. `invoiceTotals` in the SDK computes the same numbers.';

/** A line of an invoice or credit note, with the totals the server computed. */
export const DocumentLine = v.object({
  description: v.string(),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1)),
  unitPrice: Money,
  vatRate: VatRate,
  /** quantity x unit price. */
  net: Money,
  /** net x rate, rounded per line (half a penny up). */
  vat: Money,
  /** net + vat. */
  total: Money,
});
export type DocumentLine = v.InferOutput<typeof DocumentLine>;

/** A link between a credit (payment, credit note, credit adjustment) and a debit (invoice, refund, debit adjustment) it settles. */
export const Allocation = v.object({
  /** The other entry: for a debit, the credit that settles it; for a credit, the debit it settles. */
  entryId: Id,
  /** The other entry's reference, to show without loading it. */
  reference: v.string(),
  type: LedgerEntryType,
  /** Always positive: how much of the one settles the other. */
  amount: Money,
  /** The later of the two entries' dates: when the settlement took effect. */
  date: IsoDate,
});
export type Allocation = v.InferOutput<typeof Allocation>;

export const VoidRecord = v.object({
  reason: v.string(),
  at: Timestamp,
  by: Actor,
});
export type VoidRecord = v.InferOutput<typeof VoidRecord>;

/**
 * One entry of the customer's account. Signs: a positive `amount` is owed by the customer (invoice,
 * refund paid out, debit adjustment), a negative one is owed to them (payment, credit note, credit
 * adjustment). Entries are ordered by `date`, then by when they were entered; `balanceAfter` is the
 * running balance in that order over every entry that is not void.
 */
export const LedgerEntry = v.object({
  id: Id,
  customerId: Id,
  /** Bumped by every change to the entry (an allocation, a void); send it as `If-Match` to void it. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  type: LedgerEntryType,
  date: IsoDate,
  /** Invoice or credit note number, payment reference. */
  reference: v.string(),
  description: v.string(),
  /** Net of VAT (signed like `amount`). */
  net: Money,
  /** The VAT in `amount` (signed like `amount`). */
  vat: Money,
  /** The gross amount: positive is owed by the customer, negative is owed to them. */
  amount: Money,
  /**
   * What is left to settle, always zero or more: of a debit, what is still owed; of a credit, what
   * is not yet allocated (credit on account). Zero when void.
   */
  outstanding: Money,
  /** Invoices: when payment is due, from the payment terms. Null for other types. */
  dueDate: v.nullable(IsoDate),
  /**
   * Debits: `open` (nothing settled, not yet due), `part-paid`, `paid`, `overdue` (outstanding and past
   * due). Credits: `open` (nothing allocated), `part-paid` (part allocated), `paid` (fully allocated).
   * `void` for a voided entry of any type.
   */
  status: LedgerStatus,
  /** The order the invoice (or refund) came from; null for manual entries. */
  orderId: v.nullable(Id),
  orderNumber: v.nullable(v.string()),
  /** The running balance after this entry. */
  balanceAfter: Money,
  allocations: v.array(Allocation),
  /** Invoices and credit notes: their lines; empty for other types. */
  lines: v.array(DocumentLine),
  /** Payments: how the money came. */
  method: v.nullable(PaymentMethod),
  /** Payments: the bank account it was paid into. */
  bankAccountId: v.nullable(Id),
  /** True when a PDF of this entry can be downloaded (`accounts.document`): invoices and credit notes. */
  hasDocument: v.boolean(),
  /** Set when the entry was voided: it stays in the ledger, with no effect on any balance. */
  void: v.nullable(VoidRecord),
  createdAt: Timestamp,
  createdBy: Actor,
});
export type LedgerEntry = v.InferOutput<typeof LedgerEntry>;

export const LedgerQuery = v.object({
  type: v.optional(LedgerEntryType),
  status: v.optional(LedgerStatus),
  /** Entries dated on or after this day. */
  from: v.optional(IsoDate),
  /** Entries dated on or before this day. */
  to: v.optional(IsoDate),
  /** Only the entries of this order. */
  orderId: v.optional(Id),
  /** Reference starts with (case-insensitive). */
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
  /** Newest first (`desc`, the default) or oldest first. */
  order: v.optional(v.picklist(['asc', 'desc'])),
  cursor: v.optional(v.string()),
  /** Random access for virtualised tables: skip this many rows (ignored when `cursor` is set). */
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
});
export type LedgerQuery = v.InferInput<typeof LedgerQuery>;

/** What every ledger write answers: the entry written, the entries whose allocations or status changed with it, the account after. */
export const AccountChange = v.object({
  entry: LedgerEntry,
  changed: v.array(LedgerEntry),
  account: Account,
});
export type AccountChange = v.InferOutput<typeof AccountChange>;

const positiveMoney = v.object({
  amountMinor: v.pipe(v.number(), v.integer(), v.minValue(1, 'Enter an amount greater than zero.')),
  currency: CurrencyCode,
});
const reasonText = (message: string) => v.pipe(v.string(), v.trim(), v.minLength(1, message), v.maxLength(500));

export const AllocationInput = v.strictObject({
  /** An invoice (or refund, or debit adjustment) of this customer with something outstanding. */
  entryId: Id,
  /** How much of the payment goes to it; default: as much as is outstanding, up to what is left of the payment. */
  amount: v.optional(positiveMoney),
});

export const PaymentInput = v.strictObject({
  amount: positiveMoney,
  method: PaymentMethod,
  /** The day the money arrived; not in the future. */
  date: IsoDate,
  reference: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter the payment reference.'), v.maxLength(100)),
  /** The shop's bank account it was paid into (from `/reference`). */
  bankAccountId: Id,
  /**
   * The debits to settle, in this order. Absent: oldest first (by due date, then date) until the money runs
   * out. Empty: nothing allocated, all of it stays on account. Whatever is not allocated stays on account as credit.
   */
  allocations: v.optional(v.array(AllocationInput)),
});
export type PaymentInput = v.InferInput<typeof PaymentInput>;

export const DocumentLineInput = v.strictObject({
  description: v.pipe(v.string(), v.trim(), v.minLength(1, 'Describe the line.'), v.maxLength(200)),
  quantity: v.pipe(v.number(), v.integer('Enter a whole number.'), v.minValue(1, 'Enter 1 or more.'), v.maxValue(1_000_000)),
  unitPrice: v.object({
    amountMinor: v.pipe(v.number(), v.integer(), v.minValue(0, 'Enter a price of 0 or more.'), v.maxValue(100_000_000)),
    currency: CurrencyCode,
  }),
  vatRate: VatRate,
});
export type DocumentLineInput = v.InferInput<typeof DocumentLineInput>;

const documentLines = v.pipe(
  v.array(DocumentLineInput),
  v.minLength(1, 'Add at least one line.'),
  v.maxLength(200, 'At most 200 lines.'),
  v.description(VAT_RULE),
);

export const ManualInvoiceInput = v.strictObject({
  /** The invoice date; default today. Its due date follows from the customer's payment terms. */
  date: v.optional(IsoDate),
  /** The customer's own reference (their PO number), printed on the invoice. */
  customerReference: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  lines: documentLines,
});
export type ManualInvoiceInput = v.InferInput<typeof ManualInvoiceInput>;

export const CreditNoteInput = v.strictObject({
  /** The invoice it credits: allocated against it up to what it has outstanding, the rest stays on account. Absent: on account. */
  invoiceId: v.optional(Id),
  date: v.optional(IsoDate),
  reason: reasonText('Give a reason for the credit note.'),
  lines: documentLines,
});
export type CreditNoteInput = v.InferInput<typeof CreditNoteInput>;

export const VoidInput = v.strictObject({
  reason: reasonText('Give a reason for voiding it.'),
});
export type VoidInput = v.InferInput<typeof VoidInput>;

export const StatementQuery = v.object({
  /** First day of the period. */
  from: IsoDate,
  /** Last day of the period (inclusive). */
  to: IsoDate,
});
export type StatementQuery = v.InferInput<typeof StatementQuery>;

/**
 * The account for a period: `closingBalance = openingBalance + debits - credits`, where debits and
 * credits are the non-void entries dated in the period (void ones are listed, with no effect).
 */
export const Statement = v.object({
  customerId: Id,
  customerName: v.string(),
  accountsReference: v.nullable(v.string()),
  from: IsoDate,
  to: IsoDate,
  currency: CurrencyCode,
  /** The balance at the end of the day before `from`. */
  openingBalance: Money,
  /** Entries dated in the period, oldest first, with the running balance. */
  entries: v.array(LedgerEntry),
  /** The sum of the positive non-void amounts in the period. */
  debits: Money,
  /** The sum of the negative non-void amounts in the period, as a positive amount. */
  credits: Money,
  closingBalance: Money,
  /** Outstanding debits as at `to`, by age; `sum - unallocatedCredit = closingBalance`. */
  agedDebt: AgedDebt,
  /** Credits not allocated as at `to`, positive. */
  unallocatedCredit: Money,
  /** Outstanding invoices past due as at `to`. */
  overdue: Money,
  generatedAt: Timestamp,
});
export type Statement = v.InferOutput<typeof Statement>;

export const ListQuery = v.object({
  cursor: v.optional(v.string()),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});
