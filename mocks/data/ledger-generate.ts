/**
 * The reference ledger of one customer, from the orders they were born with: one invoice per
 * invoiced order (allocated or dispatched: the "Invoice on allocation" trigger has run), with the
 * order's lines, VAT and total; the payments a customer on these terms makes (prepay customers pay
 * first, credit customers mostly when due, some in part); and now and then a credit note, a manual
 * invoice, a payment on account, bank charges, and a payment entered twice and voided.
 * Every payment and credit is allocated as a clerk would have: to the invoice it was for.
 */
import type { Actor, DocumentLine, PaymentMethod } from '../../src/sdk/schemas.js';
import { invoiceTotals } from '../../src/sdk/vat.js';
import type { CustomerRecord } from './database.js';
import * as ids from './identifiers.js';
import { LedgerBook, dueDateFor, type LedgerRow, type NewRow } from './ledger.js';
import { DAY, type Rng, iso, isoDate } from './random.js';

export interface InvoicedOrder {
  n: number;
  placedAt: number;
  total: number;
  net: number;
  vat: number;
}

export interface LedgerGenerationContext {
  rng: Rng;
  idOf: (prefix: string) => string;
  staff: readonly Actor[];
  integration: Actor;
  nowMs: number;
  terms: { id: string; kind: 'prepay' | 'credit'; days: number | null } | undefined;
}

const MANUAL_ITEMS: readonly [string, number][] = [
  ['Display stand hire (quarter)', 4_500],
  ['Point-of-sale leaflets, box of 500', 1_250],
  ['Trade show stand share', 18_000],
  ['Sample box, autumn range', 2_995],
  ['Late payment administration charge', 4_000],
];

interface Draft {
  row: NewRow;
  /** Order among drafts of the same timestamp. */
  at: number;
  /** Settle with this credit: the index of the debit draft and how much. */
  settles?: { debit: number; amount: number }[];
  voidWith?: { reason: string; at: number; by: Actor };
}

export function generateLedger(customer: CustomerRecord, orders: readonly InvoicedOrder[], book: LedgerBook, ctx: LedgerGenerationContext, leaveOverdue = false): LedgerBook {
  const r = ctx.rng;
  const prepay = ctx.terms?.kind !== 'credit';
  const drafts: Draft[] = [];
  const who = () => r.pick(ctx.staff);
  const base = (type: NewRow['type'], at: number, reference: string, description: string, amount: number, by: Actor): NewRow => ({
    id: ctx.idOf('txn'), customerId: customer.id, type, date: isoDate(at), reference, description, net: amount, vat: 0, amount,
    dueDate: null, orderId: null, orderNumber: null, lines: null, method: null, bankAccountId: null, createdAt: iso(at), createdBy: by,
  });
  const payment = (at: number, amount: number, method: PaymentMethod, reference: string): NewRow => ({
    ...base('payment', at, reference, 'Payment received', -amount, ctx.integration), method, bankAccountId: customer.bankAccountId ?? 'bnk_barclays_main',
  });
  const add = (row: NewRow, at: number, settles?: Draft['settles']) => drafts.push({ row, at, ...(settles ? { settles } : {}) }) - 1;

  orders.forEach((o, i) => {
    const at = o.placedAt + 3_600_000;
    const due = prepay ? isoDate(at) : dueDateFor(ctx.terms, at);
    const invoice = add({
      ...base('invoice', at, ids.invoiceNumber(o.n), `Invoice for order ${ids.orderNumber(o.n)}`, o.total, ctx.integration),
      net: o.net, vat: o.vat, dueDate: due, orderId: ids.orderId(o.n), orderNumber: ids.orderNumber(o.n),
    }, at);
    if (prepay) {
      add(payment(at - 1_800_000, o.total, 'card', `Card payment ${ids.orderNumber(o.n)}`), at - 1_800_000, [{ debit: invoice, amount: o.total }]);
      return;
    }
    let owed = o.total;
    if (r.bool(0.04) && o.net >= 1_000) {
      const cnAt = at + 4 * DAY;
      const lines = invoiceTotals([{ description: `Allowance on order ${ids.orderNumber(o.n)}: short-dated stock`, quantity: 1, unitPrice: { amountMinor: Math.round(o.net / 10), currency: 'GBP' }, vatRate: o.vat > 0 ? 'standard' : 'zero' }], 'GBP');
      const credit = lines.total.amountMinor;
      if (credit > 0 && credit <= owed && cnAt < ctx.nowMs) {
        add({ ...base('credit-note', cnAt, `CN-${ids.invoiceNumber(o.n).slice(4)}`, 'Allowance: short-dated stock', -credit, who()), net: -lines.net.amountMinor, vat: -lines.vat.amountMinor, lines: lines.lines }, cnAt, [{ debit: invoice, amount: credit }]);
        owed -= credit;
      }
    }
    const dueMs = Date.parse(`${due}T12:00:00Z`);
    const unpaid = leaveOverdue && i < 2;
    // Most customers pay; an invoice left unpaid is a recent one (older debts were chased and paid).
    const payProbability = ctx.nowMs - dueMs > 120 * DAY ? 0.995 : 0.85;
    if (dueMs < ctx.nowMs && !unpaid && r.bool(payProbability) && owed > 0) {
      const payAt = Math.min(ctx.nowMs - DAY, Math.max(at + DAY, dueMs + r.int(-5, 5) * DAY));
      const part = r.bool(0.06) ? Math.round(owed / 2) : owed;
      add(payment(payAt, part, r.pick(['bank-transfer', 'bank-transfer', 'cheque', 'direct-debit'] as const), `BACS ${customer.accountsReference ?? ids.orderNumber(o.n)}`), payAt, [{ debit: invoice, amount: part }]);
    }
  });

  if (!prepay) {
    const created = Date.parse(customer.createdAt);
    const span = Math.max(DAY, ctx.nowMs - created - 2 * DAY);
    if (r.bool(0.3)) {
      const at = created + DAY + Math.floor(r.next() * span);
      const count = r.int(1, 3);
      const lines = invoiceTotals(
        Array.from({ length: count }, () => {
          const [description, price] = r.pick(MANUAL_ITEMS);
          return { description, quantity: r.int(1, 4), unitPrice: { amountMinor: price, currency: 'GBP' }, vatRate: customer.vatExempt ? ('zero' as const) : ('standard' as const) };
        }),
        'GBP',
        { vatExempt: customer.vatExempt },
      );
      const total = lines.total.amountMinor;
      const due = dueDateFor(ctx.terms, at);
      const invoice = add({
        ...base('invoice', at, `INV-G${customer.id.slice(4)}${r.int(10, 99)}`, 'Manual invoice', total, who()),
        net: lines.net.amountMinor, vat: lines.vat.amountMinor, dueDate: due, lines: lines.lines,
      }, at);
      const dueMs = Date.parse(`${due}T12:00:00Z`);
      if (dueMs < ctx.nowMs && r.bool(0.8)) {
        const payAt = Math.min(ctx.nowMs - DAY, dueMs + r.int(0, 10) * DAY);
        add(payment(payAt, total, 'bank-transfer', `BACS ${customer.accountsReference ?? 'manual invoice'}`), payAt, [{ debit: invoice, amount: total }]);
      }
    }
    if (r.bool(0.12)) {
      const at = ctx.nowMs - r.int(2, 60) * DAY;
      add(payment(at, r.pick([5_000, 10_000, 25_000]), 'bank-transfer', `On account ${customer.accountsReference ?? ''}`.trim()), at);
    }
    if (r.bool(0.1)) {
      const at = ctx.nowMs - r.int(5, 120) * DAY;
      add({ ...base('adjustment', at, `ADJ-${customer.id.slice(4)}`, 'Bank charges on returned cheque', r.pick([500, 1_250, 2_500]), who()) }, at);
    }
    if (r.bool(0.05)) {
      const at = ctx.nowMs - r.int(3, 90) * DAY;
      const i = add(payment(at, r.pick([12_000, 48_000]), 'bank-transfer', `BACS ${customer.accountsReference ?? ''} (duplicate)`.trim()), at);
      drafts[i]!.voidWith = { reason: 'Entered twice: the same payment is already on the account', at: at + 3_600_000, by: who() };
    }
  }

  // Rows in date order (stable: drafts of the same moment keep their order), then the allocations.
  const order = drafts.map((_, i) => i).sort((a, b) => drafts[a]!.at - drafts[b]!.at || a - b);
  const rows: LedgerRow[] = new Array(drafts.length);
  for (const i of order) rows[i] = book.load(drafts[i]!.row);
  // Loading in time order keeps dates in order, except two drafts on one day loaded out of time order: sort by (date, seq).
  book.rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  drafts.forEach((d, i) => {
    for (const s of d.settles ?? []) book.allocate(rows[s.debit]!, rows[i]!, s.amount, false);
    if (d.voidWith) rows[i]!.void = { reason: d.voidWith.reason, at: iso(d.voidWith.at), by: d.voidWith.by };
  });
  return book;
}

/** Lines of an order's invoice: its product lines and delivery, VAT per line (the same numbers as the order). */
export function orderInvoiceLines(
  core: { lines: { product: number; quantity: number; unitPrice: number }[]; shipping: number },
  products: readonly { sku: string; description: string }[],
  taxFree: boolean,
): DocumentLine[] {
  const rate = taxFree ? ('zero' as const) : ('standard' as const);
  const inputs = core.lines.map((l) => ({ description: `${products[l.product]!.sku} ${products[l.product]!.description}`, quantity: l.quantity, unitPrice: { amountMinor: l.unitPrice, currency: 'GBP' }, vatRate: rate }));
  if (core.shipping > 0) inputs.push({ description: 'Delivery', quantity: 1, unitPrice: { amountMinor: core.shipping, currency: 'GBP' }, vatRate: rate });
  return invoiceTotals(inputs, 'GBP').lines;
}
