/** The demo's customers page: search on the left, the chosen customer on the right. */
import { startPortal } from './setup.js';

const portal = await startPortal();
const detail = document.getElementById('detail')!;

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

document.addEventListener('customer-select', (event) => showCustomer((event as CustomEvent<{ customerId: string }>).detail.customerId));
document.addEventListener('view-accounts', () => portal.status('The host portal would open its accounts screen here.'));

const fromHash = /^#customer=(.+)$/.exec(location.hash);
if (fromHash?.[1]) showCustomer(decodeURIComponent(fromHash[1]));
