/**
 * Customer Elements: the component classes, unregistered, plus what a host or a component author
 * needs around them. Importing this registers nothing: import the define module
 * (`src/components/define.ts`, built as `dist/define.js`) for the default tag names, or register the
 * classes yourself:
 *
 * ```ts
 * import { defineElement, WatchListBadge } from 'customer-elements';
 * defineElement('acme-watch-flag', WatchListBadge);
 * ```
 *
 * The SDK is its own entry (`customer-elements/sdk`), so a page that only needs the client does not
 * load the components.
 */

// Components
export { WatchListBadge, type WatchListChangeDetail, type WatchListChangeEvent } from './components/watch-list-badge/watch-list-badge.js';
export { CustomerDiscounts, type DiscountsChangeDetail, type DiscountsChangeEvent } from './components/customer-discounts/customer-discounts.js';
export { OrderEntry, type OrderPlaceDetail, type OrderPlaceEvent, type OrderUpdateEvent } from './components/order-entry/order-entry.js';
export { CustomerSearch, type CustomerCreateRequestDetail, type CustomerCreateRequestEvent, type CustomerSelectDetail } from './components/customer-search/customer-search.js';
export { CustomerCard, type CustomerCardChangeDetail, type CustomerCardViewAccountsDetail } from './components/customer-card/customer-card.js';
export { NotesPanel, type NoteAddDetail, type NoteDraft, type NotesFilter } from './components/notes-panel/notes-panel.js';
export { AddressBook, type AddressChangeAction, type AddressChangeDetail } from './components/address-book/address-book.js';
export {
  CustomerAttachments,
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  type AttachmentEventDetail,
  type AttachmentUploadDetail,
  type AttachmentDeleteDetail,
} from './components/customer-attachments/customer-attachments.js';
export {
  OrderTable,
  type OrderOpenDetail,
  type OrderFromStockDetail,
  type SeasonSelectDetail,
  type OrderSortField,
  type SortDirection,
} from './components/order-table/order-table.js';
export { OrderDetail, type OrderActionDetail, type OrderActionName, type OrderEditDetail, type OrderEditEvent } from './components/order-table/order-detail.js';
export {
  CustomerAccounts,
  type AccountChangeDetail,
  type AccountChangeKind,
  type AccountsTab,
  type LoyaltyChangeDetail,
} from './components/customer-accounts/customer-accounts.js';
export {
  CustomerCreateForm,
  type CustomerCreateDetail,
  type CustomerCreateEvent,
  type CustomerCreatePrefill,
} from './components/customer-create/customer-create.js';
export { CustomerScreen, type CustomerScreenSection, type DiscountsOpenDetail } from './components/customer-screen/customer-screen.js';

// Languages a host adds (French, its own wording)
export { registerLocale, type CatalogueKeys, type LocaleCatalogue, type LocaleCatalogues } from './components/locales.js';

// Configuration, base class and helpers for hosts and component authors
export * from './components/shared/index.js';

// The SDK types components take and emit (the SDK itself is the `./sdk` entry).
export type { Client, ClientOptions, TokenSource } from './sdk/index.js';
