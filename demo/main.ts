/**
 * The demo's customers page: search on the left, the chosen customer on the right.
 *
 * Every button leads somewhere real. The customer screen opens its own views (accounts, order
 * entry, discounts; `src/components/customer-screen/views.ts`) when they are built in; the portal
 * answers only what no component does: which customer to show, and the add-customer form.
 */
import { startPortal } from './setup.js';
import { screenViews, type ScreenViewName } from '../src/components/customer-screen/views.js';
import type { CustomerCreatePrefill } from '../src/components/customer-create/customer-create.js';

const portal = await startPortal();
const detail = document.getElementById('detail')!;
const search = document.querySelector('customer-search');
const newCustomer = document.getElementById('new-customer') as HTMLButtonElement | null;

/** The host decides what to show for a customer: the one-tag screen when registered, else the parts. */
function showCustomer(customerId: string): void {
  const tags = customElements.get('customer-screen')
    ? ['customer-screen']
    : ['customer-card', 'notes-panel', 'address-book', 'order-table'].filter((t) => customElements.get(t));
  detail.replaceChildren(
    ...tags.map((tag) => {
      const el = document.createElement(tag);
      el.setAttribute('customer-id', customerId);
      return el;
    }),
  );
  if (location.hash !== `#customer=${customerId}`) history.replaceState(null, '', `#customer=${encodeURIComponent(customerId)}`);
}

/** The add-customer form in the detail panel, prefilled with what the search had typed. */
function showCreate(prefill: CustomerCreatePrefill = {}): void {
  const form = document.createElement('customer-create');
  form.prefill = prefill;
  detail.replaceChildren(form);
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  // Keyboard users land in the form, not back at the top of the search.
  void form.updateComplete.then(() => form.shadowRoot?.querySelector<HTMLElement>('input, select, textarea')?.focus());
}

document.addEventListener('customer-select', (event) => showCustomer((event as CustomEvent<{ customerId: string }>).detail.customerId));

// Adding a customer: offered by the search when nothing matches, and by the portal's own button,
// once the add-customer component is part of the build.
if (customElements.get('customer-create')) {
  search?.setAttribute('offer-create', '');
  if (newCustomer) {
    newCustomer.hidden = false;
    newCustomer.addEventListener('click', () => showCreate());
  }
  search?.addEventListener('customer-create-request', (event) => showCreate(event.detail.prefill));
  // The new customer (or the existing one the duplicate warning offered, via customer-select) is shown.
  detail.addEventListener('customer-create', (event) => showCustomer(event.detail.customerId));
}

// The screen opens a view for these when one is built in; otherwise the portal says so.
const VIEW_EVENTS: [event: string, view: ScreenViewName, what: string][] = [
  ['view-accounts', 'accounts', 'Accounts'],
  ['order-from-stock', 'order-entry', 'Order from stock'],
  ['order-edit', 'order-entry', 'Editing an order'],
  ['discounts-open', 'discounts', 'Discounts'],
];
for (const [type, view, what] of VIEW_EVENTS) {
  document.addEventListener(type, () => {
    if (!screenViews[view]) portal.status(`${what} is not part of this build of the demo yet.`);
  });
}

/** The customer the address names (`#customer=ID`: links from the dispatch queue, bookmarks, Back). */
function showFromHash(): void {
  const fromHash = /^#customer=(.+)$/.exec(location.hash);
  const id = fromHash?.[1] ? decodeURIComponent(fromHash[1]) : '';
  if (id && detail.firstElementChild?.getAttribute('customer-id') !== id) showCustomer(id);
}
addEventListener('hashchange', showFromHash);
showFromHash();
