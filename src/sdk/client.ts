import { createCore } from './core.js';
import { resolveConfig, type ClientOptions } from './http.js';
import { accountsResource } from './resources/accounts.js';
import { addressesResource } from './resources/addresses.js';
import { attachmentsResource } from './resources/attachments.js';
import { contactsResource } from './resources/contacts.js';
import { customersResource } from './resources/customers.js';
import { loyaltyResource } from './resources/loyalty.js';
import { notesResource } from './resources/notes.js';
import { ordersResource } from './resources/orders.js';
import { discountsResource, productsResource } from './resources/products.js';
import { meResource, referenceResource } from './resources/session.js';
import { watchListResource } from './resources/watch-list.js';

export type MeApi = ReturnType<typeof meResource>;
export type ReferenceApi = ReturnType<typeof referenceResource>;
export type CustomersApi = ReturnType<typeof customersResource>;
export type ContactsApi = ReturnType<typeof contactsResource>;
export type AddressesApi = ReturnType<typeof addressesResource>;
export type NotesApi = ReturnType<typeof notesResource>;
export type WatchListApi = ReturnType<typeof watchListResource>;
export type AccountsApi = ReturnType<typeof accountsResource>;
export type LoyaltyApi = ReturnType<typeof loyaltyResource>;
export type AttachmentsApi = ReturnType<typeof attachmentsResource>;
export type OrdersApi = ReturnType<typeof ordersResource>;
export type ProductsApi = ReturnType<typeof productsResource>;
export type DiscountsApi = ReturnType<typeof discountsResource>;

/** The shared cache, as components see it. */
export interface CacheApi {
  /**
   * Call `listener` after every write or invalidation touching one of `tags` (see `tags`), e.g.
   * to re-read and re-render. Returns the function that unsubscribes.
   */
  subscribe(tags: string[], listener: () => void): () => void;
  /** Drop the cached reads carrying any of `tags` and notify their subscribers. */
  invalidate(tags: string[]): void;
  /** Forget every cached read (e.g. on sign-out) and notify every subscriber. */
  clear(): void;
}

export interface CustomerElementsClient {
  readonly baseUrl: string;
  readonly locale: string | undefined;
  readonly me: MeApi;
  readonly reference: ReferenceApi;
  readonly customers: CustomersApi;
  readonly contacts: ContactsApi;
  readonly addresses: AddressesApi;
  readonly notes: NotesApi;
  readonly watchList: WatchListApi;
  readonly accounts: AccountsApi;
  readonly loyalty: LoyaltyApi;
  readonly attachments: AttachmentsApi;
  readonly orders: OrdersApi;
  readonly products: ProductsApi;
  readonly discounts: DiscountsApi;
  readonly cache: CacheApi;
}

/** Short name for the client type. */
export type Client = CustomerElementsClient;

/**
 * Create a client of the Customer Elements API. One client per API and user session: its cache
 * is what lets several components share requests and see each other's changes.
 *
 * @example
 * const client = createClient({ baseUrl: 'https://api.example.com/v1', getToken: () => auth.token });
 * const customer = await client.customers.get('cus_000042');
 */
export function createClient(options: ClientOptions): CustomerElementsClient {
  const core = createCore(resolveConfig(options));
  const { cache } = core;
  return {
    baseUrl: core.config.baseUrl,
    locale: core.config.locale,
    me: meResource(core),
    reference: referenceResource(core),
    customers: customersResource(core),
    contacts: contactsResource(core),
    addresses: addressesResource(core),
    notes: notesResource(core),
    watchList: watchListResource(core),
    accounts: accountsResource(core),
    loyalty: loyaltyResource(core),
    attachments: attachmentsResource(core),
    orders: ordersResource(core),
    products: productsResource(core),
    discounts: discountsResource(core),
    cache: {
      subscribe: (tags, listener) => cache.subscribe(tags, listener),
      invalidate: (tags) => {
        cache.invalidate(tags);
        cache.notify(tags);
      },
      clear: () => cache.clear(),
    },
  };
}
