/**
 * What the SDK needs of each route to call it: method, path, the schema its answer is validated
 * with, whether it takes `If-Match` and the languages it answers in. Nothing else, so that a page
 * pays only for this: the route's documentation, request schemas, statuses and capabilities are
 * in `contract.ts`, which adds them to this table for the reference API, the OpenAPI document and
 * the conformance checks (a route missing from either table fails the type check).
 */
import * as v from 'valibot';
import * as s from './schemas.js';
import * as c from './schemas-catalogue.js';
import { InvalidIdError } from './errors/invalid-id-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route as the SDK calls it. */
export interface RouteCall {
  method: HttpMethod;
  /** Path relative to the API base URL, with `{param}` placeholders. */
  path: string;
  /** The success body: a schema, `null` for no content, or `'binary'` for a file download. */
  response: v.GenericSchema | null | 'binary';
  /** The write needs `If-Match: "<version>"` and answers 412 when the version is stale. */
  ifMatch?: boolean;
  /**
   * The languages the route can answer in: it honours `Accept-Language` (q-values, language
   * prefixes), falls back to the first, and says which it used in `Content-Language`
   * (with `Vary: Accept-Language`).
   */
  languages?: readonly string[];
}

/** The languages the reference lists are served in; the first is the fallback. */
export const REFERENCE_LANGUAGES = ['en', 'de', 'ar'] as const;

export const routeCalls = {
  'catalogue.get': { method: 'GET', path: '/catalogue', response: c.ProductCatalogue },
  'products.search': { method: 'GET', path: '/products', response: s.page(c.Product) },
  'products.get': { method: 'GET', path: '/products/{sku}', response: c.Product },
  'discounts.get': { method: 'GET', path: '/customers/{customerId}/discounts', response: c.TradeDiscounts },
  'discounts.set': { method: 'PUT', path: '/customers/{customerId}/discounts', response: c.TradeDiscounts, ifMatch: true },
  'orders.quote': { method: 'POST', path: '/customers/{customerId}/quotes', response: c.Quote },
  'orders.place': { method: 'POST', path: '/customers/{customerId}/orders', response: s.Order },
  'orders.update': { method: 'PATCH', path: '/orders/{orderId}', response: s.Order, ifMatch: true },
  'me.get': { method: 'GET', path: '/me', response: s.Me },
  'reference.get': { method: 'GET', path: '/reference', response: s.Reference, languages: REFERENCE_LANGUAGES },
  'customers.search': { method: 'GET', path: '/customers', response: s.page(s.CustomerSummary) },
  'customers.create': { method: 'POST', path: '/customers', response: s.Customer },
  'customers.duplicates': { method: 'GET', path: '/customers/duplicates', response: s.Duplicates },
  'customers.get': { method: 'GET', path: '/customers/{customerId}', response: s.Customer },
  'customers.update': { method: 'PATCH', path: '/customers/{customerId}', response: s.Customer, ifMatch: true },
  'customers.subCustomers': { method: 'GET', path: '/customers/{customerId}/sub-customers', response: s.page(s.CustomerSummary) },
  'contacts.list': { method: 'GET', path: '/customers/{customerId}/contacts', response: v.array(s.Contact) },
  'contacts.create': { method: 'POST', path: '/customers/{customerId}/contacts', response: s.Contact },
  'contacts.update': { method: 'PATCH', path: '/customers/{customerId}/contacts/{contactId}', response: s.Contact, ifMatch: true },
  'contacts.delete': { method: 'DELETE', path: '/customers/{customerId}/contacts/{contactId}', response: null },
  'addresses.list': { method: 'GET', path: '/customers/{customerId}/addresses', response: s.page(s.Address) },
  'addresses.create': { method: 'POST', path: '/customers/{customerId}/addresses', response: s.Address },
  'addresses.update': { method: 'PATCH', path: '/customers/{customerId}/addresses/{addressId}', response: s.Address, ifMatch: true },
  'addresses.delete': { method: 'DELETE', path: '/customers/{customerId}/addresses/{addressId}', response: null },
  'notes.list': { method: 'GET', path: '/customers/{customerId}/notes', response: s.page(s.Note) },
  'notes.create': { method: 'POST', path: '/customers/{customerId}/notes', response: s.Note },
  'notes.update': { method: 'PATCH', path: '/customers/{customerId}/notes/{noteId}', response: s.Note },
  'notes.remove': { method: 'DELETE', path: '/customers/{customerId}/notes/{noteId}', response: s.Note },
  'watchList.get': { method: 'GET', path: '/customers/{customerId}/watch-list', response: s.WatchList },
  'watchList.set': { method: 'PUT', path: '/customers/{customerId}/watch-list', response: s.WatchList, ifMatch: true },
  'watchList.clear': { method: 'DELETE', path: '/customers/{customerId}/watch-list', response: s.WatchList, ifMatch: true },
  'accounts.get': { method: 'GET', path: '/customers/{customerId}/account', response: s.Account },
  'accounts.transactions': { method: 'GET', path: '/customers/{customerId}/account/transactions', response: s.page(s.Transaction) },
  'accounts.ledger': { method: 'GET', path: '/customers/{customerId}/account/ledger', response: s.page(s.LedgerEntry) },
  'accounts.entry': { method: 'GET', path: '/customers/{customerId}/account/ledger/{entryId}', response: s.LedgerEntry },
  'accounts.pay': { method: 'POST', path: '/customers/{customerId}/account/payments', response: s.AccountChange },
  'accounts.invoice': { method: 'POST', path: '/customers/{customerId}/account/invoices', response: s.AccountChange },
  'accounts.creditNote': { method: 'POST', path: '/customers/{customerId}/account/credit-notes', response: s.AccountChange },
  'accounts.void': { method: 'POST', path: '/customers/{customerId}/account/ledger/{entryId}/void', response: s.AccountChange, ifMatch: true },
  'accounts.statement': { method: 'GET', path: '/customers/{customerId}/account/statement', response: s.Statement },
  'accounts.statementCsv': { method: 'GET', path: '/customers/{customerId}/account/statement/csv', response: 'binary' },
  'accounts.statementPdf': { method: 'GET', path: '/customers/{customerId}/account/statement/pdf', response: 'binary' },
  'accounts.document': { method: 'GET', path: '/customers/{customerId}/account/ledger/{entryId}/pdf', response: 'binary' },
  'loyalty.get': { method: 'GET', path: '/customers/{customerId}/loyalty', response: s.Loyalty },
  'loyalty.adjust': { method: 'POST', path: '/customers/{customerId}/loyalty/adjustments', response: s.Loyalty },
  'loyalty.statement': { method: 'GET', path: '/customers/{customerId}/loyalty/statement', response: s.LoyaltyStatement },
  'loyalty.settings': { method: 'GET', path: '/loyalty/settings', response: s.LoyaltySettings },
  'loyalty.updateSettings': { method: 'PUT', path: '/loyalty/settings', response: s.LoyaltySettings, ifMatch: true },
  'attachments.list': { method: 'GET', path: '/customers/{customerId}/attachments', response: v.array(s.Attachment) },
  'attachments.upload': { method: 'POST', path: '/customers/{customerId}/attachments', response: s.Attachment },
  'attachments.download': { method: 'GET', path: '/attachments/{attachmentId}/content', response: 'binary' },
  'attachments.delete': { method: 'DELETE', path: '/attachments/{attachmentId}', response: null },
  'orders.list': { method: 'GET', path: '/customers/{customerId}/orders', response: s.page(s.OrderSummary) },
  'orders.get': { method: 'GET', path: '/orders/{orderId}', response: s.Order },
  'orders.prioritise': { method: 'POST', path: '/orders/{orderId}/prioritise', response: s.Order },
  'orders.addTracking': { method: 'POST', path: '/orders/{orderId}/tracking', response: s.Order },
  'orders.cancel': { method: 'POST', path: '/orders/{orderId}/cancel', response: s.Order },
  'orders.runTriggers': { method: 'POST', path: '/orders/{orderId}/triggers/run', response: s.Order },
  'orders.printInvoice': { method: 'POST', path: '/orders/{orderId}/invoice/print', response: s.Order },
  'orders.refund': { method: 'POST', path: '/orders/{orderId}/refunds', response: s.Order },
  'orders.return': { method: 'POST', path: '/orders/{orderId}/returns', response: s.Order },
  'orders.document': { method: 'GET', path: '/orders/{orderId}/documents/{printId}', response: 'binary' },
  'orders.attach': { method: 'POST', path: '/orders/{orderId}/attachments', response: s.Order },} as const satisfies Record<string, RouteCall>;

export type RouteCalls = typeof routeCalls;
export type RouteId = keyof RouteCalls;

/** The path parameters of a route, from its `{placeholders}`. */
type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | ParamNames<Rest> : never;
export type RouteParams<K extends RouteId> = { [N in ParamNames<RouteCalls[K]['path']>]: string };
export type RouteResponse<K extends RouteId> = RouteCalls[K]['response'] extends infer R
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
