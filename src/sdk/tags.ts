/**
 * Cache tags: what a cached read shows. Components subscribe to the tags of what they display
 * (`client.cache.subscribe([tags.customer(id)], rerender)`); writes notify the tags they affect.
 */
export const tags = {
  customer: (customerId: string) => `customer:${customerId}`,
  /** Every customer search result page and sub-customer list (they show summaries). */
  search: () => 'search',
  contacts: (customerId: string) => `contacts:${customerId}`,
  addresses: (customerId: string) => `addresses:${customerId}`,
  notes: (customerId: string) => `notes:${customerId}`,
  watchList: (customerId: string) => `watch-list:${customerId}`,
  account: (customerId: string) => `account:${customerId}`,
  /** The customer's ledger pages, entries and statements (what an account write changes besides the summary). */
  ledger: (customerId: string) => `ledger:${customerId}`,
  loyalty: (customerId: string) => `loyalty:${customerId}`,
  /** The shop-wide loyalty settings. */
  loyaltySettings: () => 'loyalty-settings',
  attachments: (customerId: string) => `attachments:${customerId}`,
  /** A customer's order list pages. */
  orders: (customerId: string) => `orders:${customerId}`,
  /** One order's detail. */
  order: (orderId: string) => `order:${orderId}`,
  reference: () => 'reference',
  /** Product search pages and products (stock changes when an order is placed or edited). */
  products: () => 'products',
  /** A customer's trade discounts. */
  discounts: (customerId: string) => `discounts:${customerId}`,
  me: () => 'me',
} as const;
