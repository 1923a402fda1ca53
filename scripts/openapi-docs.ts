/**
 * The prose of the OpenAPI document that only backend teams read: what each tag groups, and what a
 * read operation answers beyond its one-line summary. It lives here, not in the route table, because
 * `src/sdk/contract.ts` ships in every browser bundle and these words would cost every host page.
 * The generator fails when a tag or an operation ends up without a description (Redocly's
 * `tag-description` and Spectral's `operation-description`).
 */
import type { RouteId } from '../src/sdk/contract.js';

export const CONTACT = {
  name: 'Customer Elements contributors',
  url: 'https://github.com/customer-elements/customer-elements/issues',
};

export const TAG_DESCRIPTIONS: Record<string, string> = {
  me: 'Who the bearer token belongs to and what the session may do. The components hide or disable what a capability does not allow.',
  reference: 'The lists that other resources refer to by id: sales channels, payment terms, bank accounts, seasons, customer types and countries.',
  customers: 'Find, create, read and change customers; an agent customer has sub-customers.',
  contacts: 'The people at a customer.',
  addresses: "A customer's addresses and their roles (admin, billing, delivery).",
  notes: "The customer's history: notes written by the team (manual) and changes recorded by the server (system).",
  'watch-list': 'A warning note that the team sees on the customer before anything else.',
  accounts: 'What the customer owes: balance, credit limit, overdue amount and the transactions behind them.',
  loyalty: "The customer's loyalty points.",
  attachments: 'Documents and pictures filed with a customer.',
  orders: "A customer's orders and what the back office does with them: prioritise, track, cancel, refund, return, reprint.",
};

/** For operations whose route has no `description` of its own. */
export const OPERATION_DESCRIPTIONS: Partial<Record<RouteId, string>> = {
  'me.get': 'The user the bearer token belongs to, and the capabilities of this session. A capability that is absent means read-only for what it covers; writes that need it answer 403.',
  'reference.get': 'Every reference list in one answer. The lists change rarely: read them once per session and resolve ids (`salesChannelId`, `paymentTermsId`, …) against them.',
  'customers.search': 'Customers matching `q` by the chosen `criterion` (name by default; also email, postcode and order, invoice, tracking or marketplace references), narrowed by `segment` and by the initial letter of the name. Paged by `cursor`; `total` counts every match.',
  'customers.get': 'One customer with every field the card shows. The `ETag` header (and the `version` field) carry the version to send back in `If-Match` with a change.',
  'customers.subCustomers': 'The customers attached to an agent customer, paged by `cursor`. A customer that is not an agent has none.',
  'contacts.list': 'Every contact of the customer, in one answer (not paged).',
  'addresses.list': "The customer's addresses with their roles, paged by `cursor`; `q` keeps those whose label, recipient, lines, city, region, postcode or country contain it (case-insensitive).",
  'notes.list': "The customer's notes, pinned first and then newest first, paged by `cursor`. `source` keeps only manual or only system notes. A removed note stays in the list, marked `removed`.",
  'watchList.get': "The customer's watch-list note and its version. A customer that never had one answers with `active: false`, `note: null` and version 0, not 404.",
  'accounts.get': 'The balance, credit limit, available credit and overdue amount, the aged debt and the credit not yet allocated, with the payment terms and whether they hold orders back from dispatch. Every figure comes from the ledger (`/account/ledger`): the balance is the sum of its entries that are not void.',
  'loyalty.get': "The customer's loyalty points balance and when it last changed.",
  'attachments.list': "The customer's documents and pictures, in one answer (not paged), without their content: download each from `/attachments/{attachmentId}/content`.",
  'attachments.download': 'The file itself, with its content type and its name in `Content-Disposition`. A backend that keeps files elsewhere may redirect there; the SDK follows only to the origins its host lists (`downloadOrigins`).',
  'orders.list': "The customer's orders, sorted by `sort` and `order`, filtered by status, sales channel or an order-number prefix (`q`). Paged by `cursor`, or by `offset` for random access (virtualised tables); `total` counts every match.",
  'orders.get': 'One order with everything the order detail shows: lines, totals, tracking, print history, document triggers, refunds, returns and attachments.',
};
