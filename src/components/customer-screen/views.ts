/**
 * The secondary views the customer screen opens in its view dialog: accounts ("View accounts" on
 * the card), order entry ("Order from stock" in the order table, with the season chosen there) and
 * discounts (the screen's "Discounts"). Each entry loads its component only when first opened (a
 * dynamic `import()`), so the screen's bundle does not carry it.
 *
 * The screen always fires the event first (`view-accounts`, `order-from-stock`, `discounts-open`);
 * when the host calls `preventDefault()` on it, or no view is registered here, the screen does
 * nothing more. A view gets `customerId` (and order entry `seasonId`) as properties and the client
 * and locale by context; it closes itself by firing `view-close` (bubbling, composed).
 *
 * Add one entry per view, e.g.
 * `accounts: { defaultTag: 'customer-accounts', load: () => import('../customer-accounts/customer-accounts.js').then((m) => m.CustomerAccounts) },`
 */

/** A view the screen can open. */
export interface ScreenView {
  /** The name the view's class is registered under when the page has not registered it itself. */
  defaultTag: string;
  /** Loads the view's class (a dynamic import). */
  load(): Promise<CustomElementConstructor>;
}

/** The views the screen knows how to open. */
export type ScreenViewName = 'accounts' | 'order-entry' | 'discounts';

/** The registered views, by name. An absent view: the screen only fires its event. */
export const screenViews: Partial<Record<ScreenViewName, ScreenView>> = {
  accounts: { defaultTag: 'customer-accounts', load: () => import('../customer-accounts/customer-accounts.js').then((m) => m.CustomerAccounts) },
  'order-entry': { defaultTag: 'order-entry', load: () => import('../order-entry/order-entry.js').then((m) => m.OrderEntry) },
  discounts: { defaultTag: 'customer-discounts', load: () => import('../customer-discounts/customer-discounts.js').then((m) => m.CustomerDiscounts) },
};
