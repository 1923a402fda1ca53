/**
 * The route table of the Customer Elements API: every endpoint, its method, path, query, body,
 * response schema, success status, the capability it needs and whether it takes `If-Match`.
 *
 * What the SDK needs to make a call (method, path, response schema, If-Match, languages) is in
 * `routes.ts`, so that a page does not carry this file's documentation and request schemas; this
 * file adds the rest to every route of that table. The mock handlers are registered from the
 * whole table, the OpenAPI document is generated from it, and the SDK calls through its half of
 * it, so the three cannot drift apart: a route missing here fails the type check.
 */
import * as v from 'valibot';
import * as s from './schemas.js';
import * as c from './schemas-catalogue.js';
import { routeCalls, type RouteCall, type RouteCalls, type RouteId } from './routes.js';

export { REFERENCE_LANGUAGES, fillPath, type HttpMethod, type RouteCall, type RouteId, type RouteParams, type RouteResponse } from './routes.js';

/** What the contract says of a route besides how to call it. */
export interface RouteSpec {
  summary: string;
  /** What the summary cannot say in a line: a rule the server enforces (goes into the OpenAPI description). */
  description?: string;
  tag: string;
  query?: v.GenericSchema;
  /** A JSON body schema, or `'multipart'` for file uploads (`file` part plus optional fields). */
  body?: v.GenericSchema | 'multipart';
  status: 200 | 201 | 204;
  /** The capability the caller needs; absent for reads any authenticated user may do. */
  capability?: s.Capability;
  /** Extra documented error statuses besides 401, 403 (with a capability), 404 and 422 (with a body). */
  errors?: number[];
}

/** A route as the contract documents it: how to call it and everything else. */
export interface RouteDef extends RouteCall, RouteSpec {}

const r = <T extends RouteSpec>(def: T) => def;

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
    'catalogue.get': r({
    summary: 'Product groups, warehouses and price lists',
    tag: 'catalogue',
    status: 200,
    description: 'The product groups that trade discounts are given for, the warehouses stock is held in, and the price lists (a sales channel\'s `priceList` names one).',
  }),
    'products.search': r({
    summary: 'Find products by SKU, barcode or name; paged',
    tag: 'catalogue',
    query: c.ProductSearchQuery,
    status: 200,
    description: '`q` matches a SKU or barcode by prefix, or the name by word prefixes (every word must match). Served from indexes: as fast with 50,000 products as with 90.',
  }),
    'products.get': r({
    summary: 'One product with stock per warehouse and its prices',
    tag: 'catalogue',
    status: 200,
    description: 'Stock is what is free to allocate in each warehouse now. `prices` has one entry per price list for the current range (`seasonId` null) and per season.',
  }),
    'discounts.get': r({
    summary: "A customer's trade discounts (ETag carries the version)",
    tag: 'discounts',
    status: 200,
    description: 'A customer without discounts answers empty lists at version 1. Order entry applies them: a fixed SKU price wins over the group percentage.',
  }),
    'discounts.set': r({
    summary: "Replace a customer's trade discounts (If-Match: the version read)",
    tag: 'discounts',
    body: c.DiscountsInput,
    status: 200,
    capability: 'discounts.edit',
    errors: [412, 428],
    description: 'A percentage per product group, or a fixed unit price per SKU, which wins over the group percentage. One entry per group and per SKU.',
  }),
    'orders.quote': r({
    summary: 'Price a draft order: list prices, discounts, VAT, shipping, totals and allocation',
    tag: 'orders',
    body: c.QuoteInput,
    status: 200,
    description: 'Changes nothing. Prices come from the price list of the customer\'s sales channel (a season\'s prices when `seasonId` is given), less the customer\'s trade discounts. `dispatch` says where the order would go: `queue` (credit terms), `awaiting-payment` (terms that require payment before despatch) or `season` (a pre-order, not allocated until the season opens).',
  }),
    'orders.place': r({
    summary: 'Place an order from stock, or a season pre-order (send an Idempotency-Key)',
    tag: 'orders',
    body: c.OrderInput,
    status: 201,
    capability: 'orders.create',
    errors: [409],
    description: 'Prices as `quotes` gives them. Stock is allocated at once (as much as is free; the rest waits), except for a season pre-order, which is allocated when its season opens. A customer whose payment terms require payment before despatch gets an order held for payment (`hold: "payment"`); credit terms send it to the dispatch queue at once. A customer on hold answers 409. With the same Idempotency-Key a repeat replays the first answer and never makes a second order.',
  }),
    'orders.update': r({
    summary: 'Change the lines, quantities or addresses of an order not yet dispatched',
    tag: 'orders',
    body: c.OrderPatch,
    status: 200,
    capability: 'orders.edit',
    errors: [409, 412, 428],
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

const specs = {
  'me.get': r({ summary: 'The current user and their capabilities', tag: 'me', status: 200 }),
  'reference.get': r({
    summary: 'Reference lists: sales channels, payment terms, bank accounts, seasons, customer types, countries',
    tag: 'reference',
    status: 200,
    description:
      'The names of sales channels, payment terms and seasons are given in the language the caller asks for with ' +
      '`Accept-Language` (`en`, `de`, `ar`; q-values honoured, `de-AT` matches `de`); anything else gets English. ' +
      '`Content-Language` says which language was used, and `Vary: Accept-Language` lets caches keep one copy per language. ' +
      'Ids, kinds and every other field are the same in every language.',
  }),

  'customers.search': r({ summary: 'Search customers by any criterion, segment and initial', tag: 'customers', query: s.CustomerSearchQuery, status: 200 }),
  'customers.create': r({
    summary: 'Create a customer, with its first address and contacts',
    tag: 'customers',
    body: s.CustomerCreate,
    status: 201,
    capability: 'customers.create',
    description: CREATE_RULE,
  }),
  // Before `customers.get`: `/customers/duplicates` is this route, not a customer with that id.
  'customers.duplicates': r({
    summary: 'Customers that may be the one about to be added, and why',
    tag: 'customers',
    query: s.DuplicateQuery,
    status: 200,
    description: DUPLICATE_RULE,
  }),
  'customers.get': r({ summary: 'A customer (ETag carries the version)', tag: 'customers', status: 200 }),
  'customers.update': r({ summary: 'Change some fields of a customer; each field group needs its capability', tag: 'customers', body: s.CustomerPatch, status: 200, errors: [412, 428] }),
  'customers.subCustomers': r({ summary: "An agent's sub-customers", tag: 'customers', query: s.ListQuery, status: 200 }),

  'contacts.list': r({ summary: 'The people at a customer', tag: 'contacts', status: 200 }),
  'contacts.create': r({ summary: 'Add a contact', tag: 'contacts', body: s.ContactInput, status: 201, capability: 'contacts.edit' }),
  'contacts.update': r({ summary: 'Change a contact', tag: 'contacts', body: s.ContactPatch, status: 200, capability: 'contacts.edit', errors: [412, 428] }),
  'contacts.delete': r({ summary: 'Remove a contact', tag: 'contacts', status: 204, capability: 'contacts.edit' }),

  'addresses.list': r({ summary: "A customer's addresses, searchable", tag: 'addresses', query: s.AddressListQuery, status: 200 }),
  'addresses.create': r({ summary: 'Add an address (country-aware validation); admin and billing go to one address at most', description: ADDRESS_ROLE_RULE, tag: 'addresses', body: s.AddressInput, status: 201, capability: 'addresses.edit', errors: [409] }),
  'addresses.update': r({ summary: 'Change an address or its roles; admin and billing go to one address at most', description: ADDRESS_ROLE_RULE, tag: 'addresses', body: s.AddressPatch, status: 200, capability: 'addresses.edit', errors: [409, 412, 428] }),
  'addresses.delete': r({ summary: 'Delete an address', tag: 'addresses', status: 204, capability: 'addresses.edit' }),

  'notes.list': r({ summary: 'Notes, pinned first, then newest first', tag: 'notes', query: s.NoteListQuery, status: 200 }),
  'notes.create': r({ summary: 'Add a manual note as the current user', tag: 'notes', body: s.NoteInput, status: 201, capability: 'notes.add' }),
  'notes.update': r({ summary: 'Pin or unpin a note', tag: 'notes', body: s.NotePatch, status: 200, capability: 'notes.pin' }),
  'notes.remove': r({ summary: 'Mark a manual note removed (the removal is recorded)', tag: 'notes', status: 200, capability: 'notes.remove', errors: [409] }),

  'watchList.get': r({ summary: 'The watch-list note of a customer', tag: 'watch-list', status: 200 }),
  'watchList.set': r({ summary: 'Set or edit the watch-list note (If-Match: the version read)', tag: 'watch-list', body: s.WatchListInput, status: 200, capability: 'watchlist.edit', errors: [412, 428] }),
  'watchList.clear': r({ summary: 'Clear the watch-list note (If-Match: the version read)', tag: 'watch-list', status: 200, capability: 'watchlist.edit', errors: [412, 428] }),

  'accounts.get': r({ summary: 'Balance, credit limit, available credit, overdue, dispatch rule', tag: 'accounts', status: 200 }),
  'accounts.transactions': r({ summary: 'Account transactions, newest first (the ledger in its older, flatter shape; prefer accounts.ledger)', tag: 'accounts', query: s.ListQuery, status: 200, capability: 'accounts.view' }),
  'accounts.ledger': r({
    summary: 'The account ledger: filter by type, status, dates, order; cursor or offset paging',
    tag: 'accounts',
    query: s.LedgerQuery,
    status: 200,
    capability: 'accounts.view',
    description: LEDGER_RULES,
  }),
  'accounts.entry': r({ summary: 'One ledger entry (ETag carries its version)', tag: 'accounts', status: 200, capability: 'accounts.view' }),
  'accounts.pay': r({
    summary: 'Enter a payment, allocated to chosen invoices or oldest first; the rest stays on account',
    tag: 'accounts',
    body: s.PaymentInput,
    status: 201,
    capability: 'accounts.payment.enter',
    errors: [409],
    description: 'Without `allocations` the payment settles the oldest outstanding debits first (by due date, then date). With them, exactly the entries named, in order; an allocation larger than what the entry has outstanding, or than what is left of the payment, is refused with 422 naming it (the answer to a stale screen, since someone else may have settled it meanwhile). What is not allocated stays on account as credit. The payment and each allocation are recorded in a system note. ' + MONEY_RULE,
  }),
  'accounts.invoice': r({
    summary: 'Raise a manual invoice; the server computes line and document totals (VAT per line)',
    tag: 'accounts',
    body: s.ManualInvoiceInput,
    status: 201,
    capability: 'accounts.invoice.create',
    description: 'The due date follows from the customer\'s payment terms. ' + VAT_RULE + ' ' + MONEY_RULE,
  }),
  'accounts.creditNote': r({
    summary: 'Raise a credit note against an invoice or on account',
    tag: 'accounts',
    body: s.CreditNoteInput,
    status: 201,
    capability: 'accounts.credit.create',
    errors: [409],
    description: 'Against an invoice (`invoiceId`), the credit is allocated to it up to what it has outstanding; the rest, or all of it without `invoiceId`, stays on account. A void invoice cannot be credited (409). ' + VAT_RULE + ' ' + MONEY_RULE,
  }),
  'accounts.void': r({
    summary: 'Void a ledger entry with a reason (it stays in the ledger, with no effect)',
    tag: 'accounts',
    body: s.VoidInput,
    status: 200,
    capability: 'accounts.entry.void',
    errors: [409, 412, 428],
    description: 'Nothing is ever deleted: the entry keeps its row, marked void with the reason, and stops counting in every balance. Its allocations are released (a voided payment reopens the invoices it paid; a voided invoice returns the payments on it to credit on account). An entry already void, and an invoice raised for an order (credit it instead), answer 409. `If-Match`: the entry\'s version.',
  }),
  'accounts.statement': r({
    summary: 'A statement for a period: opening balance, entries, closing balance, aged debt',
    tag: 'accounts',
    query: s.StatementQuery,
    status: 200,
    capability: 'accounts.view',
    description: '`closingBalance = openingBalance + debits - credits`; the aged debt and unallocated credit are as at `to`, and `agedDebt` summed less `unallocatedCredit` is the closing balance.',
  }),
  'accounts.statementCsv': r({
    summary: 'The statement as CSV (text/csv; the same rows as the statement)',
    tag: 'accounts',
    query: s.StatementQuery,
    status: 200,
    capability: 'accounts.view',
    description: 'UTF-8 with a header row: date, type, reference, description, order, due date, status, net, VAT, amount, balance (amounts in major units with a dot, e.g. `-12.50`), then the opening and closing balance rows. Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.',
  }),
  'accounts.statementPdf': r({ summary: 'The statement as a PDF document', tag: 'accounts', query: s.StatementQuery, status: 200, capability: 'accounts.view' }),
  'accounts.document': r({ summary: 'An invoice or credit note as a PDF document', tag: 'accounts', status: 200, capability: 'accounts.view', errors: [409] }),

  'loyalty.get': r({ summary: 'Loyalty points balance', tag: 'loyalty', status: 200 }),
  'loyalty.adjust': r({ summary: 'Adjust the loyalty points balance', tag: 'loyalty', body: s.LoyaltyAdjustment, status: 200, capability: 'loyalty.adjust', errors: [409] }),
  'loyalty.statement': r({
    summary: 'Points earned, spent and adjusted over a period, per order',
    tag: 'loyalty',
    query: s.LoyaltyStatementQuery,
    status: 200,
    description: 'Every movement of the points balance in the period, oldest first: points earned on each dispatched order, points spent against an order, and adjustments made by hand with their reason. `opening` + `earned` − `spent` + `adjusted` = `closing`, and each entry carries the balance after it. Dates are inclusive; by default the year up to today.',
  }),
  'loyalty.settings': r({
    summary: 'The shop-wide loyalty settings (ETag carries the version)',
    tag: 'loyalty',
    status: 200,
    description: 'How many points a whole pound of a dispatched order earns, and what a point is worth when spent. One setting for the whole shop; `version` (also the ETag) is what a change sends as `If-Match`.',
  }),
  'loyalty.updateSettings': r({
    summary: 'Change the shop-wide loyalty settings (If-Match: the version read)',
    tag: 'loyalty',
    body: s.LoyaltySettingsInput,
    status: 200,
    capability: 'loyalty.settings.edit',
    errors: [412, 428],
    description: 'Points are earned per whole pound of a dispatched order at the rate in force when it is dispatched: a change applies to orders dispatched from now on and never rewrites the points already earned.',
  }),

  'attachments.list': r({ summary: "A customer's documents and pictures", tag: 'attachments', status: 200 }),
  'attachments.upload': r({ summary: 'Upload a document or picture (multipart, field `file`)', tag: 'attachments', body: 'multipart', status: 201, capability: 'attachments.edit', errors: [413, 415] }),
  'attachments.download': r({ summary: 'Download an attachment', tag: 'attachments', status: 200 }),
  'attachments.delete': r({ summary: 'Delete an attachment', tag: 'attachments', status: 204, capability: 'attachments.edit' }),

  'orders.list': r({ summary: "A customer's orders: sort, filter, find by number; cursor or offset paging", tag: 'orders', query: s.OrderListQuery, status: 200 }),
  'orders.get': r({ summary: 'An order with lines, totals, tracking, print history, triggers, refunds, returns, attachments', tag: 'orders', status: 200 }),
  'orders.prioritise': r({ summary: 'Make an order urgent in the dispatch queue, or not', tag: 'orders', body: s.PrioritiseInput, status: 200, capability: 'orders.prioritise', errors: [409] }),
  'orders.addTracking': r({ summary: 'Add a tracking code entered manually', tag: 'orders', body: s.TrackingInput, status: 200, capability: 'orders.tracking.add', errors: [409] }),
  'orders.cancel': r({ summary: 'Cancel an order (not once dispatched)', tag: 'orders', body: s.CancelInput, status: 200, capability: 'orders.cancel', errors: [409] }),
  'orders.runTriggers': r({ summary: 'Generate the documents whose triggers have not run', tag: 'orders', status: 200, capability: 'orders.triggers.run' }),
  'orders.printInvoice': r({ summary: 'Reprint the customer invoice (recorded in print history)', tag: 'orders', status: 200, capability: 'orders.invoice.print', errors: [409] }),
  'orders.refund': r({ summary: 'Create a manual or automatic refund', tag: 'orders', body: s.RefundInput, status: 200, capability: 'orders.refund', errors: [409] }),
  'orders.return': r({ summary: 'Enter a return for one or more lines', tag: 'orders', body: s.ReturnInput, status: 200, capability: 'orders.return', errors: [409] }),
  'orders.document': r({
    summary: 'A document of the print history (invoice, packing slip, delivery note, label, pick list) as a PDF',
    tag: 'orders',
    status: 200,
    description: '`printId` is the id of a record in the order\'s `printHistory`: every document generated for the order can be fetched again, as `application/pdf` with its file name in `Content-Disposition`. The invoice is rendered from the order\'s invoice in the account ledger (its lines, VAT and totals). A backend that keeps files elsewhere may redirect; the SDK follows only to the origins its host lists (`downloadOrigins`).',
  }),
  'orders.attach': r({ summary: 'Attach a document or image to an order (multipart, field `file`)', tag: 'orders', body: 'multipart', status: 200, capability: 'orders.attach', errors: [413, 415] }),

  ...orderEntryRoutes(),
} as const satisfies { [K in RouteId]: RouteSpec };

export type Routes = { readonly [K in RouteId]: RouteCalls[K] & (typeof specs)[K] };

/** Every route: how the SDK calls it (`routes.ts`) with what the contract says of it, in this file's order. */
export const routes: Routes = /* @__PURE__ */ mergeRoutes();

function mergeRoutes(): Routes {
  const merged: Record<string, RouteDef> = {};
  for (const id of Object.keys(specs) as RouteId[]) merged[id] = { ...routeCalls[id], ...specs[id] };
  return merged as unknown as Routes;
}

export type RouteQuery<K extends RouteId> = Routes[K] extends { query: infer Q extends v.GenericSchema } ? v.InferInput<Q> : never;
export type RouteBody<K extends RouteId> = Routes[K] extends { body: infer B } ? (B extends v.GenericSchema ? v.InferInput<B> : B extends 'multipart' ? FormData : never) : never;
