/**
 * The customer search's own UI text (shared texts such as errors and Retry come from the shared
 * catalogue).
 */
import { createMessages } from '../shared/i18n.js';

const en = {
  criterionLabel: 'Search by',
  segmentLabel: 'Customers',
  queryLabel: 'Find a customer',
  queryTooLong: 'The search can be at most {max} characters: remove {excess}.',
  queryTooLongServer: 'The search is too long for the server. Shorten it and try again.',
  alphabetLabel: 'Name starts with',
  letterOther: '# (digit or symbol)',
  listLabel: 'Customers found',
  segment_all: 'All customers',
  segment_trade: 'Trade customers',
  segment_retail: 'Retail customers',
  criterion_name: 'Name or part of it',
  criterion_email: 'Email',
  criterion_postcode: 'Postcode',
  criterion_orderNumber: 'Order number',
  criterion_invoiceNumber: 'Invoice number',
  criterion_ebayUserId: 'eBay user ID',
  criterion_trackingNumber: 'Tracking number',
  criterion_amazonOrderId: 'Amazon order ID',
  criterion_orderReference: 'Order reference',
  criterion_externalOrderReference: 'External order reference',
  criterion_dispatchId: 'Dispatch identifier',
  minLength: 'Type at least {count} characters to search by {criterion}.',
  searching: 'Searching…',
  loadingMore: 'Loading more…',
  count_one: '1 customer found',
  count_other: '{count} customers found',
  showing: 'Showing {shown} of {total}',
  empty: 'No customers match “{query}”.',
  emptyFiltered: 'No customers match these filters.',
  loadMore: 'Load more',
  type: 'Type',
  postcode: 'Postcode',
  email: 'Email',
  channel: 'Sales channel',
  balance: 'Balance',
  watchList: 'Watch list',
  onHold: 'On hold',
  addCustomer: 'Add customer',
};

/** A key of the customer search's catalogue. */
export type SearchMessageKey = keyof typeof en;

/** Translates one of the customer search's own texts for a locale; other languages fall back to English. */
export const searchMessage = createMessages('customer-search', en, {
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
});
