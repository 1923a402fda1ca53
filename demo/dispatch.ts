/**
 * The demo's dispatch queue: the host's own table (its own data and markup), with one
 * `<watch-list-badge>` per row. Setting or clearing a badge updates every row for that customer.
 */
import { startPortal } from './setup.js';
import type { CustomerSummary, OrderSummary } from '../src/sdk/index.js';

const portal = await startPortal();
const body = document.getElementById('queue')!;

const rows: { customer: CustomerSummary; order: OrderSummary }[] = [];
try {
  const page = await portal.client.customers.search({ segment: 'all', limit: 12 });
  const customers = [...page.items];
  const watched = portal.mocks?.db.fixtures.customers.watchListed;
  if (watched && !customers.some((c) => c.id === watched)) {
    const summary = (await portal.client.customers.search({ q: portal.mocks!.db.getCustomer(watched)!.name, criterion: 'name' })).items[0];
    if (summary) customers.unshift(summary, summary);
  }
  for (const customer of customers) {
    const orders = await portal.client.orders.list(customer.id, { limit: 1, sort: 'placedAt', order: 'desc' });
    const order = orders.items[0];
    if (order) rows.push({ customer, order });
  }
} catch {
  portal.status('The queue could not be loaded. Check the network setting and reload.');
}

const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || 'en-GB', { dateStyle: 'medium' });
body.replaceChildren(
  ...rows.map(({ customer, order }) => {
    const tr = document.createElement('tr');
    const cells = [order.number, customer.name, '', dateFormat.format(new Date(order.placedAt)), order.status];
    for (const [i, text] of cells.entries()) {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.setAttribute('scope', 'row');
      if (i === 2) {
        const badge = document.createElement('watch-list-badge');
        badge.setAttribute('customer-id', customer.id);
        td.append(badge);
      } else td.textContent = text;
      tr.append(td);
    }
    return tr;
  }),
);
