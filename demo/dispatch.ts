/**
 * The demo's dispatch queue: the host's own table (its own data and markup), with one
 * `<watch-list-badge>` per row. Setting or clearing a badge updates every row for that customer.
 */
import { startPortal } from './setup.js';
import type { CustomerSummary, OrderSummary } from '../src/sdk/index.js';

const portal = await startPortal();
const body = document.getElementById('queue')!;

const rows: { customer: CustomerSummary; order: OrderSummary }[] = [];
const STATUS_TEXT: Record<string, string> = { unallocated: 'Unallocated', allocated: 'Allocated' };
try {
  const page = await portal.client.customers.search({ segment: 'all', limit: 12 });
  const customers = [...page.items];
  // On the built-in mocks, put the watch-listed customer first, with two orders: setting or
  // clearing the flag in one row updates the other at once.
  const watchedId = portal.mocks?.db.fixtures.customers.watchListed;
  const watched = watchedId ? portal.mocks!.db.toSummary(portal.mocks!.db.getCustomer(watchedId)!) : undefined;
  if (watched && !customers.some((c) => c.id === watched.id)) customers.unshift(watched);
  for (const customer of customers) {
    const limit = customer.id === watched?.id ? 2 : 1;
    for (const status of ['allocated', 'unallocated'] as const) {
      // Only what may be dispatched now: not an order held for payment or waiting for its season.
      const open = await portal.client.orders.list(customer.id, { status, limit, ready: true, sort: 'placedAt', order: 'desc' });
      for (const order of open.items) rows.push({ customer, order });
      if (open.items.length) break;
    }
  }
} catch {
  portal.status('The queue could not be loaded. Check the network setting and reload.');
}

const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || 'en-GB', { dateStyle: 'medium' });
body.replaceChildren(
  ...rows.map(({ customer, order }) => {
    const tr = document.createElement('tr');
    const cells = [order.number, customer.name, '', dateFormat.format(new Date(order.placedAt)), STATUS_TEXT[order.status] ?? order.status];
    for (const [i, text] of cells.entries()) {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.setAttribute('scope', 'row');
      if (i === 1) {
        // The customer's name leads to their screen.
        const link = document.createElement('a');
        link.href = `./index.html#customer=${encodeURIComponent(customer.id)}`;
        link.textContent = text;
        td.append(link);
      } else if (i === 2) {
        const badge = document.createElement('watch-list-badge');
        badge.setAttribute('customer-id', customer.id);
        td.append(badge);
      } else td.textContent = text;
      tr.append(td);
    }
    return tr;
  }),
);
