/**
 * Registers every Customer Elements tag under its default name. Import this once for the whole
 * library; import `./<tag>/define.js` for one component; or import the classes from the package
 * entry and register them under names of your own with `defineElement`.
 *
 * Registration order does not matter: `defineElement` attaches a context root to the document, so
 * components upgraded before their `<customer-elements-provider>` still receive its client.
 */
// Each module registers its tag; re-exporting keeps them from looking unused.
import { defineElement } from './shared/define.js';
import { OrderDetail } from './order-table/order-detail.js';

// The order table loads its detail when a row is first opened; everything registers it now, for
// pages that show <order-detail> on its own.
defineElement('order-detail', OrderDetail);

export * from './watch-list-badge/define.js';
export * from './customer-search/define.js';
export * from './customer-card/define.js';
export * from './notes-panel/define.js';
export * from './address-book/define.js';
export * from './order-table/define.js';
export { OrderDetail };
export * from './customer-attachments/define.js';
export * from './customer-screen/define.js';
export * from './order-entry/define.js';
export * from './customer-discounts/define.js';
export * from './customer-accounts/define.js';
export * from './customer-create/define.js';
export * from './provider/define.js';
