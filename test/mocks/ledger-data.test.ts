/**
 * The reference ledger is consistent for every customer of the largest data set: balance = the sum
 * of the ledger, overdue = open invoice amounts past due, the card's and the search results' figures
 * are the ledger's, and orders and invoices agree (one live invoice per invoiced order, for its total).
 */
import { describe, expect, it } from 'vitest';
import { createDatabase, SIZE_LIMITS } from '../../mocks/data/index.js';
import { invoiceNumber, ordinalOfOrderId } from '../../mocks/data/identifiers.js';
import { LEDGER_HISTORY_DAYS } from '../../mocks/data/store.js';
import { customerProblems } from './ledger-invariants.js';

const LARGEST = Object.fromEntries(Object.entries(SIZE_LIMITS).map(([k, [, max]]) => [k, max]));

describe('the reference ledger at the largest size', () => {
  it('keeps every invariant for every customer, and agrees with their orders', () => {
    const db = createDatabase({ size: LARGEST });
    const customers = db.searchCustomers({});
    expect(customers.length).toBeGreaterThan(10_000);
    const since = new Date(Date.parse(db.now) - LEDGER_HISTORY_DAYS * 86_400_000).toISOString();
    const problems: string[] = [];
    let invoices = 0;
    let orders = 0;
    for (const c of customers) {
      problems.push(...customerProblems(db, c.id));
      const book = db.ledgerOf(c.id);
      const live = new Map<string, { reference: string; amount: number }>();
      for (const row of book.rows) {
        if (row.type !== 'invoice' || row.orderId === null || row.void) continue;
        if (live.has(row.orderId)) problems.push(`${c.id}: two live invoices for ${row.orderId}`);
        live.set(row.orderId, { reference: row.reference, amount: row.amount });
        const order = db.getOrderSummary(row.orderId);
        if (!order || order.customerId !== c.id) problems.push(`${c.id}: invoice ${row.reference} for an order not theirs`);
        else if (order.status !== 'allocated' && order.status !== 'dispatched') problems.push(`${c.id}: invoice ${row.reference} for a ${order.status} order`);
        else if (order.total.amountMinor !== row.amount) problems.push(`${c.id}: invoice ${row.reference} is ${row.amount}, order ${order.number} ${order.total.amountMinor}`);
      }
      invoices += live.size;
      if (db.virtualOrders(c.id)) continue; // computed orders: the ledger covers its latest (checked above from the invoice side)
      for (const o of db.ordersOf(c.id, {})) {
        if (o.status !== 'allocated' && o.status !== 'dispatched') continue;
        if (c.id === db.fixtures.customers.bigOrders && o.placedAt < since) continue;
        orders += 1;
        const invoice = live.get(o.id);
        const expected = invoiceNumber(ordinalOfOrderId(o.id)!);
        if (!invoice) problems.push(`${c.id}: order ${o.number} has no invoice`);
        else if (invoice.reference !== expected) problems.push(`${c.id}: order ${o.number} invoiced as ${invoice.reference}, not ${expected}`);
      }
      if (problems.length > 20) break;
    }
    expect(problems).toEqual([]);
    expect(orders).toBeGreaterThan(80_000);
    expect(invoices).toBeGreaterThanOrEqual(orders);
  }, 1_200_000);
});
