/**
 * The route table of the Customer Elements API: every endpoint, its method, path, query, body,
 * response schema, success status, the capability it needs and whether it takes `If-Match`.
 *
 * The SDK calls through it, the mock handlers are registered from it, and the OpenAPI document is
 * generated from it, so the three cannot drift apart.
 */
import * as v from 'valibot';
import * as s from './schemas.js';
import * as c from './schemas-catalogue.js';
import { InvalidIdError } from './errors/invalid-id-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** Path relative to the API base URL, with `{param}` placeholders. */
  path: string;
  summary: string;
  /** What the summary cannot say in a line: a rule the server enforces (goes into the OpenAPI description). */
  description?: string;
  tag: string;
  query?: v.GenericSchema;
  /** A JSON body schema, or `'multipart'` for file uploads (`file` part plus optional fields). */
  body?: v.GenericSchema | 'multipart';
  /** The success body: a schema, `null` for no content, or `'binary'` for a file download. */
  response: v.GenericSchema | null | 'binary';
  status: 200 | 201 | 204;
  /** The capability the caller needs; absent for reads any authenticated user may do. */
  capability?: s.Capability;
  /** The write needs `If-Match: "<version>"` and answers 412 when the version is stale. */
  ifMatch?: boolean;
  /** Extra documented error statuses besides 401, 403 (with a capability), 404 and 422 (with a body). */
  errors?: number[];
  /**
   * The languages the route can answer in: it honours `Accept-Language` (q-values, language
   * prefixes), falls back to the first, and says which it used in `Content-Language`
   * (with `Vary: Accept-Language`).
   */
  languages?: readonly string[];
}

const r = <T extends RouteDef>(def: T) => def;

/** The languages the reference lists are served in; the first is the fallback. */
export const REFERENCE_LANGUAGES = ['en', 'de', 'ar'] as const;

/** The address role rule, as the create and update routes document it. */
const ADDRESS_ROLE_RULE =
  'Roles: admin (receives copies of everything) and billing (receives invoices) are each held by one address of the ' +
  'customer at most; delivery (receives deliveries) may be held by any number of addresses, and one address may hold ' +
  'several roles. A role is never moved silently: giving admin or billing to this address while another address holds ' +
  'it answers 409, and the problem\'s `roleHolders` names that address (id and a one-line summary). To move it, send ' +
  '`moveRoles` with the id of the address that loses it, e.g. `{"roles": ["billing"], "moveRoles": {"billing": "adr_000001"}}`; ' +
  'that address loses the role in the same write and a system note records the move. If another address holds the ' +
  'role by then, nothing changes and the answer is 409 naming it.';

/** Order entry's routes: the catalogue, trade discounts, quotes, placing and editing orders. */
function orderEntryRoutes() {
  return {
    'catalogue.get': r({ method: 'GET', path: '/catalogue', summary: 'Product groups, warehouses and price lists', tag: 'catalogue', response: c.ProductCatalogue, status: 200,
      description: 'The product groups that trade discounts are given for, the warehouses stock is held in, and the price lists (a sales channel\'s `priceList` names one).' }),
    'products.search': r({
      method: 'GET', path: '/products', summary: 'Find products by SKU, barcode or name; paged', tag: 'catalogue', query: c.ProductSearchQuery, response: s.page(c.Product), status: 200,
      description: '`q` matches a SKU or barcode by prefix, or the name by word prefixes (every word must match). Served from indexes: as fast with 50,000 products as with 90.',
    }),
    'products.get': r({ method: 'GET', path: '/products/{sku}', summary: 'One product with stock per warehouse and its prices', tag: 'catalogue', response: c.Product, status: 200,
      description: 'Stock is what is free to allocate in each warehouse now. `prices` has one entry per price list for the current range (`seasonId` null) and per season.' }),
    'discounts.get': r({ method: 'GET', path: '/customers/{customerId}/discounts', summary: "A customer's trade discounts (ETag carries the version)", tag: 'discounts', response: c.TradeDiscounts, status: 200,
      description: 'A customer without discounts answers empty lists at version 1. Order entry applies them: a fixed SKU price wins over the group percentage.' }),
    'discounts.set': r({
      method: 'PUT', path: '/customers/{customerId}/discounts', summary: "Replace a customer's trade discounts (If-Match: the version read)", tag: 'discounts', body: c.DiscountsInput,
      response: c.TradeDiscounts, status: 200, capability: 'discounts.edit', ifMatch: true, errors: [412, 428],
      description: 'A percentage per product group, or a fixed unit price per SKU, which wins over the group percentage. One entry per group and per SKU.',
    }),
    'orders.quote': r({
      method: 'POST', path: '/customers/{customerId}/quotes', summary: 'Price a draft order: list prices, discounts, VAT, shipping, totals and allocation', tag: 'orders', body: c.QuoteInput, response: c.Quote, status: 200,
      description: 'Changes nothing. Prices come from the price list of the customer\'s sales channel (a season\'s prices when `seasonId` is given), less the customer\'s trade discounts. `dispatch` says where the order would go: `queue` (credit terms), `awaiting-payment` (terms that require payment before despatch) or `season` (a pre-order, not allocated until the season opens).',
    }),
    'orders.place': r({
      method: 'POST', path: '/customers/{customerId}/orders', summary: 'Place an order from stock, or a season pre-order (send an Idempotency-Key)', tag: 'orders', body: c.OrderInput, response: s.Order, status: 201,
      capability: 'orders.create', errors: [409],
      description: 'Prices as `quotes` gives them. Stock is allocated at once (as much as is free; the rest waits), except for a season pre-order, which is allocated when its season opens. A customer whose payment terms require payment before despatch gets an order held for payment (`hold: "payment"`); credit terms send it to the dispatch queue at once. A customer on hold answers 409. With the same Idempotency-Key a repeat replays the first answer and never makes a second order.',
    }),
    'orders.update': r({
      method: 'PATCH', path: '/orders/{orderId}', summary: 'Change the lines, quantities or addresses of an order not yet dispatched', tag: 'orders', body: c.OrderPatch, response: s.Order, status: 200,
      capability: 'orders.edit', ifMatch: true, errors: [409, 412, 428],
      description: 'Allocation and totals are worked out again. A dispatched or cancelled order answers 409 with a `detail` saying why.',
    }),
  } as const;
}
const MONEY_RULE = 'Money is in minor units with its currency; a write in another currency than the account\'s is refused with 422.';
const VAT_RULE =
  'VAT is computed per line, as HMRC allows (VAT Notice 700, 16.3): a line\'s VAT is its net (quantity x unit price) times ' +
  'the rate (standard 20%, reduced 5%, zero, exempt), rounded to the nearest penny with half a penny rounded up; the ' +
  'document\'s VAT is the sum of its lines\'. A VAT-exempt customer is charged no VAT. The SDK\'s `invoiceTotals` gives the same numbers.';
const LEDGER_RULES =
  'Every invoice, payment, credit note, refund and adjustment, with the running balance. A positive amount is owed by the ' +
  'customer, a negative one to them. The balance is the sum of the entries that are not void; `overdue` is the outstanding ' +
  'amount of invoices past their due date. Newest first unless `order=asc`; `total` counts the entries matching the filters.';

/** What a create does in one write, as the route documents it. */
const CREATE_RULE =
  'One write makes the whole customer: its fields, its first address (`address`, which takes every role unless ' +
  '`roles` says otherwise) and its contacts (`contacts`). Everything is checked before anything is written, so a ' +
  'refusal leaves nothing behind; field errors name the field as sent (`name`, `address.postcode`, `contacts.1.email`). ' +
  'The address is checked country by country as `addresses.create` checks it. Payment terms left out follow the ' +
  'sales channel: the trade channel starts on the first credit terms, every other channel on "Full payment before ' +
  'despatch". Send an `Idempotency-Key`: a repeat after a lost answer gets the first answer back, never a second customer. ' +
  'The new customer is found by search at once.';

/** How the duplicate check decides, as the route documents it. */
const DUPLICATE_RULE =
  'Answers the customers that may already be the one being added, strongest first, at most five: `email` when the ' +
  'email address is the same (case ignored); `postcodeName` when the postcode is the same (spacing and case ignored) ' +
  'and the names are alike (case, punctuation and company suffixes such as Ltd ignored; one name contains the other, ' +
  'or they differ by a typing slip). Parameters left out or blank are not compared; with none, the answer is empty.';

export const routes = {
  'me.get': r({ method: 'GET', path: '/me', summary: 'The current user and their capabilities', tag: 'me', response: s.Me, status: 200 }),
  'reference.get': r({
    method: 'GET', path: '/reference', summary: 'Reference lists: sales channels, payment terms, bank accounts, seasons, customer types, countries', tag: 'reference', response: s.Reference, status: 200,
    languages: REFERENCE_LANGUAGES,
    description:
      'The names of sales channels, payment terms and seasons are given in the language the caller asks for with ' +
      '`Accept-Language` (`en`, `de`, `ar`; q-values honoured, `de-AT` matches `de`); anything else gets English. ' +
      '`Content-Language` says which language was used, and `Vary: Accept-Language` lets caches keep one copy per language. ' +
      'Ids, kinds and every other field are the same in every language.',
  }),

  'customers.search': r({ method: 'GET', path: '/customers', summary: 'Search customers by any criterion, segment and initial', tag: 'customers', query: s.CustomerSearchQuery, response: s.page(s.CustomerSummary), status: 200 }),
  'customers.create': r({
    method: 'POST', path: '/customers', summary: 'Create a customer, with its first address and contacts', tag: 'customers', body: s.CustomerCreate, response: s.Customer, status: 201, capability: 'customers.create',
    description: CREATE_RULE,
  }),
  // Before `customers.get`: `/customers/duplicates` is this route, not a customer with that id.
  'customers.duplicates': r({
    method: 'GET', path: '/customers/duplicates', summary: 'Customers that may be the one about to be added, and why', tag: 'customers', query: s.DuplicateQuery, response: s.Duplicates, status: 200,
    description: DUPLICATE_RULE,
  }),
  'customers.get': r({ method: 'GET', path: '/customers/{customerId}', summary: 'A customer (ETag carries the version)', tag: 'customers', response: s.Customer, status: 200 }),
  'customers.update': r({ method: 'PATCH', path: '/customers/{customerId}', summary: 'Change some fields of a customer; each field group needs its capability', tag: 'customers', body: s.CustomerPatch, response: s.Customer, status: 200, ifMatch: true, errors: [412, 428] }),
  'customers.subCustomers': r({ method: 'GET', path: '/customers/{customerId}/sub-customers', summary: "An agent's sub-customers", tag: 'customers', query: s.ListQuery, response: s.page(s.CustomerSummary), status: 200 }),

  'contacts.list': r({ method: 'GET', path: '/customers/{customerId}/contacts', summary: 'The people at a customer', tag: 'contacts', response: v.array(s.Contact), status: 200 }),
  'contacts.create': r({ method: 'POST', path: '/customers/{customerId}/contacts', summary: 'Add a contact', tag: 'contacts', body: s.ContactInput, response: s.Contact, status: 201, capability: 'contacts.edit' }),
  'contacts.update': r({ method: 'PATCH', path: '/customers/{customerId}/contacts/{contactId}', summary: 'Change a contact', tag: 'contacts', body: s.ContactPatch, response: s.Contact, status: 200, capability: 'contacts.edit', ifMatch: true, errors: [412, 428] }),
  'contacts.delete': r({ method: 'DELETE', path: '/customers/{customerId}/contacts/{contactId}', summary: 'Remove a contact', tag: 'contacts', response: null, status: 204, capability: 'contacts.edit' }),

  'addresses.list': r({ method: 'GET', path: '/customers/{customerId}/addresses', summary: "A customer's addresses, searchable", tag: 'addresses', query: s.AddressListQuery, response: s.page(s.Address), status: 200 }),
  'addresses.create': r({ method: 'POST', path: '/customers/{customerId}/addresses', summary: 'Add an address (country-aware validation); admin and billing go to one address at most', description: ADDRESS_ROLE_RULE, tag: 'addresses', body: s.AddressInput, response: s.Address, status: 201, capability: 'addresses.edit', errors: [409] }),
  'addresses.update': r({ method: 'PATCH', path: '/customers/{customerId}/addresses/{addressId}', summary: 'Change an address or its roles; admin and billing go to one address at most', description: ADDRESS_ROLE_RULE, tag: 'addresses', body: s.AddressPatch, response: s.Address, status: 200, capability: 'addresses.edit', ifMatch: true, errors: [409, 412, 428] }),
  'addresses.delete': r({ method: 'DELETE', path: '/customers/{customerId}/addresses/{addressId}', summary: 'Delete an address', tag: 'addresses', response: null, status: 204, capability: 'addresses.edit' }),

  'notes.list': r({ method: 'GET', path: '/customers/{customerId}/notes', summary: 'Notes, pinned first, then newest first', tag: 'notes', query: s.NoteListQuery, response: s.page(s.Note), status: 200 }),
  'notes.create': r({ method: 'POST', path: '/customers/{customerId}/notes', summary: 'Add a manual note as the current user', tag: 'notes', body: s.NoteInput, response: s.Note, status: 201, capability: 'notes.add' }),
  'notes.update': r({ method: 'PATCH', path: '/customers/{customerId}/notes/{noteId}', summary: 'Pin or unpin a note', tag: 'notes', body: s.NotePatch, response: s.Note, status: 200, capability: 'notes.pin' }),
  'notes.remove': r({ method: 'DELETE', path: '/customers/{customerId}/notes/{noteId}', summary: 'Mark a manual note removed (the removal is recorded)', tag: 'notes', response: s.Note, status: 200, capability: 'notes.remove', errors: [409] }),

  'watchList.get': r({ method: 'GET', path: '/customers/{customerId}/watch-list', summary: 'The watch-list note of a customer', tag: 'watch-list', response: s.WatchList, status: 200 }),
  'watchList.set': r({ method: 'PUT', path: '/customers/{customerId}/watch-list', summary: 'Set or edit the watch-list note (If-Match: the version read)', tag: 'watch-list', body: s.WatchListInput, response: s.WatchList, status: 200, capability: 'watchlist.edit', ifMatch: true, errors: [412, 428] }),
  'watchList.clear': r({ method: 'DELETE', path: '/customers/{customerId}/watch-list', summary: 'Clear the watch-list note (If-Match: the version read)', tag: 'watch-list', response: s.WatchList, status: 200, capability: 'watchlist.edit', ifMatch: true, errors: [412, 428] }),

  'accounts.get': r({ method: 'GET', path: '/customers/{customerId}/account', summary: 'Balance, credit limit, available credit, overdue, dispatch rule', tag: 'accounts', response: s.Account, status: 200 }),
  'accounts.transactions': r({ method: 'GET', path: '/customers/{customerId}/account/transactions', summary: 'Account transactions, newest first (the ledger in its older, flatter shape; prefer accounts.ledger)', tag: 'accounts', query: s.ListQuery, response: s.page(s.Transaction), status: 200, capability: 'accounts.view' }),
  'accounts.ledger': r({
    method: 'GET', path: '/customers/{customerId}/account/ledger', summary: 'The account ledger: filter by type, status, dates, order; cursor or offset paging', tag: 'accounts', query: s.LedgerQuery, response: s.page(s.LedgerEntry), status: 200, capability: 'accounts.view',
    description: LEDGER_RULES,
  }),
  'accounts.entry': r({ method: 'GET', path: '/customers/{customerId}/account/ledger/{entryId}', summary: 'One ledger entry (ETag carries its version)', tag: 'accounts', response: s.LedgerEntry, status: 200, capability: 'accounts.view' }),
  'accounts.pay': r({
    method: 'POST', path: '/customers/{customerId}/account/payments', summary: 'Enter a payment, allocated to chosen invoices or oldest first; the rest stays on account', tag: 'accounts', body: s.PaymentInput, response: s.AccountChange, status: 201, capability: 'accounts.payment.enter', errors: [409],
    description: 'Without `allocations` the payment settles the oldest outstanding debits first (by due date, then date). With them, exactly the entries named, in order; an allocation larger than what the entry has outstanding, or than what is left of the payment, is refused with 422 naming it (the answer to a stale screen, since someone else may have settled it meanwhile). What is not allocated stays on account as credit. The payment and each allocation are recorded in a system note. ' + MONEY_RULE,
  }),
  'accounts.invoice': r({
    method: 'POST', path: '/customers/{customerId}/account/invoices', summary: 'Raise a manual invoice; the server computes line and document totals (VAT per line)', tag: 'accounts', body: s.ManualInvoiceInput, response: s.AccountChange, status: 201, capability: 'accounts.invoice.create',
    description: 'The due date follows from the customer\'s payment terms. ' + VAT_RULE + ' ' + MONEY_RULE,
  }),
  'accounts.creditNote': r({
    method: 'POST', path: '/customers/{customerId}/account/credit-notes', summary: 'Raise a credit note against an invoice or on account', tag: 'accounts', body: s.CreditNoteInput, response: s.AccountChange, status: 201, capability: 'accounts.credit.create', errors: [409],
    description: 'Against an invoice (`invoiceId`), the credit is allocated to it up to what it has outstanding; the rest, or all of it without `invoiceId`, stays on account. A void invoice cannot be credited (409). ' + VAT_RULE + ' ' + MONEY_RULE,
  }),
  'accounts.void': r({
    method: 'POST', path: '/customers/{customerId}/account/ledger/{entryId}/void', summary: 'Void a ledger entry with a reason (it stays in the ledger, with no effect)', tag: 'accounts', body: s.VoidInput, response: s.AccountChange, status: 200, capability: 'accounts.entry.void', ifMatch: true, errors: [409, 412, 428],
    description: 'Nothing is ever deleted: the entry keeps its row, marked void with the reason, and stops counting in every balance. Its allocations are released (a voided payment reopens the invoices it paid; a voided invoice returns the payments on it to credit on account). An entry already void, and an invoice raised for an order (credit it instead), answer 409. `If-Match`: the entry\'s version.',
  }),
  'accounts.statement': r({
    method: 'GET', path: '/customers/{customerId}/account/statement', summary: 'A statement for a period: opening balance, entries, closing balance, aged debt', tag: 'accounts', query: s.StatementQuery, response: s.Statement, status: 200, capability: 'accounts.view',
    description: '`closingBalance = openingBalance + debits - credits`; the aged debt and unallocated credit are as at `to`, and `agedDebt` summed less `unallocatedCredit` is the closing balance.',
  }),
  'accounts.statementCsv': r({
    method: 'GET', path: '/customers/{customerId}/account/statement/csv', summary: 'The statement as CSV (text/csv; the same rows as the statement)', tag: 'accounts', query: s.StatementQuery, response: 'binary', status: 200, capability: 'accounts.view',
    description: 'UTF-8 with a header row: date, type, reference, description, order, due date, status, net, VAT, amount, balance (amounts in major units with a dot, e.g. `-12.50`), then the opening and closing balance rows. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.',
  }),
  'accounts.statementPdf': r({ method: 'GET', path: '/customers/{customerId}/account/statement/pdf', summary: 'The statement as a PDF document', tag: 'accounts', query: s.StatementQuery, response: 'binary', status: 200, capability: 'accounts.view' }),
  'accounts.document': r({ method: 'GET', path: '/customers/{customerId}/account/ledger/{entryId}/pdf', summary: 'An invoice or credit note as a PDF document', tag: 'accounts', response: 'binary', status: 200, capability: 'accounts.view', errors: [409] }),

  'loyalty.get': r({ method: 'GET', path: '/customers/{customerId}/loyalty', summary: 'Loyalty points balance', tag: 'loyalty', response: s.Loyalty, status: 200 }),
  'loyalty.adjust': r({ method: 'POST', path: '/customers/{customerId}/loyalty/adjustments', summary: 'Adjust the loyalty points balance', tag: 'loyalty', body: s.LoyaltyAdjustment, response: s.Loyalty, status: 200, capability: 'loyalty.adjust', errors: [409] }),
  'loyalty.statement': r({ method: 'GET', path: '/customers/{customerId}/loyalty/statement', summary: 'Points earned, spent and adjusted over a period, per order', tag: 'loyalty', query: s.LoyaltyStatementQuery, response: s.LoyaltyStatement, status: 200,
    description: 'Every movement of the points balance in the period, oldest first: points earned on each dispatched order, points spent against an order, and adjustments made by hand with their reason. `opening` + `earned` − `spent` + `adjusted` = `closing`, and each entry carries the balance after it. Dates are inclusive; by default the year up to today.' }),
  'loyalty.settings': r({ method: 'GET', path: '/loyalty/settings', summary: 'The shop-wide loyalty settings (ETag carries the version)', tag: 'loyalty', response: s.LoyaltySettings, status: 200,
    description: 'How many points a whole pound of a dispatched order earns, and what a point is worth when spent. One setting for the whole shop; `version` (also the ETag) is what a change sends as `If-Match`.' }),
  'loyalty.updateSettings': r({
    method: 'PUT', path: '/loyalty/settings', summary: 'Change the shop-wide loyalty settings (If-Match: the version read)', tag: 'loyalty', body: s.LoyaltySettingsInput, response: s.LoyaltySettings, status: 200, capability: 'loyalty.settings.edit', ifMatch: true, errors: [412, 428],
    description: 'Points are earned per whole pound of a dispatched order at the rate in force when it is dispatched: a change applies to orders dispatched from now on and never rewrites the points already earned.',
  }),

  'attachments.list': r({ method: 'GET', path: '/customers/{customerId}/attachments', summary: "A customer's documents and pictures", tag: 'attachments', response: v.array(s.Attachment), status: 200 }),
  'attachments.upload': r({ method: 'POST', path: '/customers/{customerId}/attachments', summary: 'Upload a document or picture (multipart, field `file`)', tag: 'attachments', body: 'multipart', response: s.Attachment, status: 201, capability: 'attachments.edit', errors: [413, 415] }),
  'attachments.download': r({ method: 'GET', path: '/attachments/{attachmentId}/content', summary: 'Download an attachment', tag: 'attachments', response: 'binary', status: 200 }),
  'attachments.delete': r({ method: 'DELETE', path: '/attachments/{attachmentId}', summary: 'Delete an attachment', tag: 'attachments', response: null, status: 204, capability: 'attachments.edit' }),

  'orders.list': r({ method: 'GET', path: '/customers/{customerId}/orders', summary: "A customer's orders: sort, filter, find by number; cursor or offset paging", tag: 'orders', query: s.OrderListQuery, response: s.page(s.OrderSummary), status: 200 }),
  'orders.get': r({ method: 'GET', path: '/orders/{orderId}', summary: 'An order with lines, totals, tracking, print history, triggers, refunds, returns, attachments', tag: 'orders', response: s.Order, status: 200 }),
  'orders.prioritise': r({ method: 'POST', path: '/orders/{orderId}/prioritise', summary: 'Make an order urgent in the dispatch queue, or not', tag: 'orders', body: s.PrioritiseInput, response: s.Order, status: 200, capability: 'orders.prioritise', errors: [409] }),
  'orders.addTracking': r({ method: 'POST', path: '/orders/{orderId}/tracking', summary: 'Add a tracking code entered manually', tag: 'orders', body: s.TrackingInput, response: s.Order, status: 200, capability: 'orders.tracking.add', errors: [409] }),
  'orders.cancel': r({ method: 'POST', path: '/orders/{orderId}/cancel', summary: 'Cancel an order (not once dispatched)', tag: 'orders', body: s.CancelInput, response: s.Order, status: 200, capability: 'orders.cancel', errors: [409] }),
  'orders.runTriggers': r({ method: 'POST', path: '/orders/{orderId}/triggers/run', summary: 'Generate the documents whose triggers have not run', tag: 'orders', response: s.Order, status: 200, capability: 'orders.triggers.run' }),
  'orders.printInvoice': r({ method: 'POST', path: '/orders/{orderId}/invoice/print', summary: 'Reprint the customer invoice (recorded in print history)', tag: 'orders', response: s.Order, status: 200, capability: 'orders.invoice.print', errors: [409] }),
  'orders.refund': r({ method: 'POST', path: '/orders/{orderId}/refunds', summary: 'Create a manual or automatic refund', tag: 'orders', body: s.RefundInput, response: s.Order, status: 200, capability: 'orders.refund', errors: [409] }),
  'orders.return': r({ method: 'POST', path: '/orders/{orderId}/returns', summary: 'Enter a return for one or more lines', tag: 'orders', body: s.ReturnInput, response: s.Order, status: 200, capability: 'orders.return', errors: [409] }),
  'orders.document': r({ method: 'GET', path: '/orders/{orderId}/documents/{printId}', summary: 'A document of the print history (invoice, packing slip, delivery note, label, pick list) as a PDF', tag: 'orders', response: 'binary', status: 200,
    description: '`printId` is the id of a record in the order\'s `printHistory`: every document generated for the order can be fetched again, as `application/pdf` with its file name in `Content-Disposition`. The invoice is rendered from the order\'s invoice in the account ledger (its lines, VAT and totals). A backend that keeps files elsewhere may redirect; the SDK follows only to the origins its host lists (`downloadOrigins`).',
  }),
  'orders.attach': r({ method: 'POST', path: '/orders/{orderId}/attachments', summary: 'Attach a document or image to an order (multipart, field `file`)', tag: 'orders', body: 'multipart', response: s.Order, status: 200, capability: 'orders.attach', errors: [413, 415] }),

  ...orderEntryRoutes(),
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

/** The path parameters of a route, from its `{placeholders}`. */
type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | ParamNames<Rest> : never;
export type RouteParams<K extends RouteId> = { [N in ParamNames<Routes[K]['path']>]: string };
export type RouteQuery<K extends RouteId> = Routes[K] extends { query: infer Q extends v.GenericSchema } ? v.InferInput<Q> : never;
export type RouteBody<K extends RouteId> = Routes[K] extends { body: infer B } ? (B extends v.GenericSchema ? v.InferInput<B> : B extends 'multipart' ? FormData : never) : never;
export type RouteResponse<K extends RouteId> = Routes[K]['response'] extends infer R
  ? R extends v.GenericSchema ? v.InferOutput<R> : R extends 'binary' ? Blob : void
  : never;

/**
 * Fill a route's `{placeholders}`. Every value is URI-encoded, and an empty id, `.` or `..` (which a
 * URL resolves to the parent resource: `contacts/..` is the customer) is refused with an
 * InvalidIdError, so an id can never make a request reach another resource.
 */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value: unknown = params[name];
    if (typeof value !== 'string' || value.trim() === '' || value === '.' || value === '..') throw new InvalidIdError(name, value);
    // Encoded, `%2e%2e` arrives as `%252e%252e`: only a bare `.`/`..` is a dot segment, refused above.
    return encodeURIComponent(value);
  });
}
