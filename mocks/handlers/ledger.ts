/**
 * The account ledger: entries, payments with allocation, manual invoices, credit notes, voids,
 * statements (JSON, CSV, PDF) and documents. The rules live in `mocks/data/ledger.ts`; this file is
 * HTTP: validation with field errors, conflicts, system notes, and the shape of every answer.
 */
import type {
  AccountChange, CreditNoteInput, Order, FieldError, LedgerQuery, ManualInvoiceInput, Money, PaymentInput, StatementQuery,
} from '../../src/sdk/schemas.js';
import { invoiceTotals } from '../../src/sdk/vat.js';
import { changed, money, textValue } from '../data/changes.js';
import type { CustomerRecord, LedgerWrite } from '../data/database.js';
import { dueDateFor, type LedgerBook, type LedgerRow } from '../data/ledger.js';
import { renderPdf, pdfFilename, pdfResponse, type DocumentModel } from '../documents/pdf.js';
import { formatMoney, loadCustomer, loadOrder, param, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { paginate } from './paging.js';
import { HttpError, conflict, invalid, notFound } from './problem.js';

const TYPE_NAMES: Record<LedgerRow['type'], string> = {
  invoice: 'Invoice', payment: 'Payment', 'credit-note': 'Credit note', refund: 'Refund', adjustment: 'Adjustment',
};

const today = (ctx: HandlerContext) => ctx.now.slice(0, 10);
const m = (x: Money) => formatMoney(x);
const moneyOf = (book: LedgerBook, amountMinor: number): Money => ({ amountMinor, currency: book.currency });

function loadEntry(ctx: HandlerContext, book: LedgerBook): LedgerRow {
  const id = param(ctx, 'entryId');
  const row = book.byId.get(id);
  if (!row) throw notFound('ledger entry', id);
  return row;
}

/** The answer of every write: the entry, the others it changed, the account after. */
function answer(ctx: HandlerContext, customer: CustomerRecord, write: LedgerWrite): AccountChange {
  const book = ctx.db.ledgerOf(customer.id);
  return {
    entry: book.entry(write.row),
    changed: write.changed.filter((r) => r !== write.row).map((r) => book.entry(r)),
    account: ctx.db.account(customer.id),
  };
}

function checkCurrency(book: LedgerBook, field: string, value: { currency: string }, errors: FieldError[]): void {
  if (value.currency !== book.currency) errors.push({ field, message: `Enter the amount in ${book.currency}, the currency of the account.`, code: 'invalid_value' });
}

function checkDate(ctx: HandlerContext, field: string, value: string | undefined, errors: FieldError[]): void {
  if (value !== undefined && value > today(ctx)) errors.push({ field, message: 'Choose today or a day in the past.', code: 'too_late' });
}

/** Lines as the server computes them, with field errors for lines in another currency. */
function documentTotals(book: LedgerBook, customer: CustomerRecord, input: ManualInvoiceInput | CreditNoteInput, errors: FieldError[]) {
  input.lines.forEach((line, i) => checkCurrency(book, `lines.${i}.unitPrice.currency`, line.unitPrice, errors));
  return invoiceTotals(input.lines, book.currency, { vatExempt: customer.vatExempt });
}

/** Statement query: from on or before to, at most ten years. */
function period(query: StatementQuery): { from: string; to: string } {
  const { from, to } = query as { from: string; to: string };
  if (from > to) throw new HttpError(400, { type: 'invalid-query', detail: 'The period ends before it starts.', errors: [{ field: 'to', message: 'Choose a day on or after the start.', code: 'invalid_value' }] });
  return { from, to };
}

const major = (minor: number) => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** A CSV cell: quoted when needed; a leading =, +, -, @ (a formula to a spreadsheet) neutralised for text. */
function cell(value: string, numeric = false): string {
  let text = value;
  if (!numeric && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function addressOf(ctx: HandlerContext, customer: CustomerRecord): string[] {
  const addresses = ctx.db.addressesOf(customer.id);
  const a = addresses.find((x) => x.roles.includes('billing')) ?? addresses[0];
  const lines = [customer.name];
  if (customer.tradingName) lines.push(`t/a ${customer.tradingName}`);
  if (a) lines.push(...[a.line1, a.line2, a.city, a.region, a.postcode, a.country === 'GB' ? null : a.country].filter((x): x is string => !!x));
  return lines;
}

const lineColumns: DocumentModel['columns'] = [
  { label: 'Description', width: 80 },
  { label: 'Qty', width: 15, align: 'right' },
  { label: 'Unit price', width: 25, align: 'right' },
  { label: 'VAT', width: 25, align: 'right' },
  { label: 'Total', width: 35, align: 'right' },
];

/** The PDF model of an invoice or credit note. */
export function entryDocument(ctx: HandlerContext, customer: CustomerRecord, book: LedgerBook, row: LedgerRow): DocumentModel {
  const entry = book.entry(row);
  const sign = row.type === 'credit-note' ? -1 : 1;
  const meta: [string, string][] = [['Date', entry.date]];
  if (entry.dueDate) meta.push(['Due', entry.dueDate]);
  if (entry.orderNumber) meta.push(['Order', entry.orderNumber]);
  if (customer.accountsReference) meta.push(['Account', customer.accountsReference]);
  const credited = row.type === 'credit-note' ? entry.allocations.find((a) => a.type === 'invoice') : undefined;
  if (credited) meta.push(['Credits invoice', credited.reference]);
  const notes = [row.description];
  if (row.void) notes.unshift(`VOID: ${row.void.reason}`);
  return {
    title: row.type === 'credit-note' ? 'Credit note' : 'Invoice',
    number: row.reference,
    meta,
    to: addressOf(ctx, customer),
    columns: lineColumns,
    rows: entry.lines.map((l) => [l.description, String(l.quantity), m(l.unitPrice), `${m(l.vat)} (${l.vatRate})`, m(l.total)]),
    totals: [
      ['Net', m(moneyOf(book, sign * row.net))],
      ['VAT', m(moneyOf(book, sign * row.vat))],
      [row.type === 'credit-note' ? 'Total credit' : 'Total', m(moneyOf(book, sign * row.amount))],
      ...(row.type === 'invoice' ? ([['Outstanding', m(entry.outstanding)]] as [string, string][]) : []),
    ],
    notes,
  };
}

/** The live invoice of an order, if it has one. */
export function orderInvoice(book: LedgerBook, orderId: string): LedgerRow | undefined {
  return book.rows.find((r) => r.type === 'invoice' && r.orderId === orderId && !r.void);
}

/** An order gets its invoice number: the ledger gets the invoice (its lines, VAT and total, due by the terms). */
export function invoiceOrder(ctx: HandlerContext, order: Order): void {
  const book = ctx.db.ledgerOf(order.customerId);
  if (!order.invoiceNumber || orderInvoice(book, order.id)) return;
  const customer = ctx.db.getCustomer(order.customerId)!;
  const terms = ctx.db.reference.paymentTerms.find((t) => t.id === customer.paymentTermsId);
  const lines = invoiceTotals(
    [
      ...order.lines.map((l) => ({ description: `${l.sku} ${l.description}`, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: order.totals.tax.amountMinor > 0 ? ('standard' as const) : ('zero' as const) })),
      ...(order.totals.shipping.amountMinor > 0 ? [{ description: 'Delivery', quantity: 1, unitPrice: order.totals.shipping, vatRate: order.totals.tax.amountMinor > 0 ? ('standard' as const) : ('zero' as const) }] : []),
    ],
    book.currency,
  );
  ctx.db.postLedgerEntry(order.customerId, {
    type: 'invoice', date: today(ctx), reference: order.invoiceNumber, description: `Invoice for order ${order.number}`, lines: lines.lines,
    net: lines.net.amountMinor, vat: lines.vat.amountMinor, amount: lines.total.amountMinor, dueDate: dueDateFor(terms, Date.parse(ctx.now)),
    orderId: order.id, orderNumber: order.number, method: null, bankAccountId: null, createdAt: ctx.now, createdBy: ctx.actor,
    allocation: { mode: 'none' },
  });
}

/** A cancelled order's invoice is voided (it keeps its row); payments on it return to credit on account. */
export function voidOrderInvoice(ctx: HandlerContext, order: Order, reason: string): void {
  const row = orderInvoice(ctx.db.ledgerOf(order.customerId), order.id);
  if (row) ctx.db.voidLedgerEntry(order.customerId, row.id, { reason, at: ctx.now, by: ctx.actor });
}

/** A refund on an order credits the account, against the order's invoice as far as it is outstanding. */
export function refundToLedger(ctx: HandlerContext, order: Order, amount: Money, reason: string): void {
  const invoice = orderInvoice(ctx.db.ledgerOf(order.customerId), order.id);
  ctx.db.postLedgerEntry(order.customerId, {
    type: 'refund', date: today(ctx), reference: order.number, description: reason, lines: null,
    net: -amount.amountMinor, vat: 0, amount: -amount.amountMinor, dueDate: null, orderId: order.id, orderNumber: order.number,
    method: null, bankAccountId: null, createdAt: ctx.now, createdBy: ctx.actor,
    allocation: invoice ? { mode: 'chosen', items: [{ entryId: invoice.id, amount: null }] } : { mode: 'none' },
  });
}

export const ledgerResources = {
  'accounts.ledger': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { cursor, offset, limit, ...rest } = ctx.query as LedgerQuery;
      const filters = { ...rest, q: rest.q?.trim() || undefined };
      const book = ctx.db.ledgerOf(customer.id);
      const rows = book.query(filters);
      const page = paginate(rows, { cursor, offset, limit }, `ledger:${customer.id}`, filters);
      return { body: { ...page, items: page.items.map((r) => book.entry(r)) } };
    },
  },

  'accounts.entry': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const book = ctx.db.ledgerOf(customer.id);
      return { body: book.entry(loadEntry(ctx, book)) };
    },
  },

  'accounts.pay': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as PaymentInput;
      const book = ctx.db.ledgerOf(customer.id);
      const errors: FieldError[] = [];
      checkCurrency(book, 'amount.currency', input.amount, errors);
      checkDate(ctx, 'date', input.date, errors);
      if (!ctx.db.reference.bankAccounts.some((b) => b.id === input.bankAccountId)) {
        errors.push({ field: 'bankAccountId', message: 'Choose one of the bank accounts.', code: 'unknown_reference' });
      }
      let left = input.amount.amountMinor;
      const seen = new Set<string>();
      input.allocations?.forEach((a, i) => {
        const debit = book.byId.get(a.entryId);
        if (!debit || seen.has(a.entryId)) {
          errors.push({ field: `allocations.${i}.entryId`, message: debit ? 'This invoice is named twice.' : 'There is no such invoice on this account.', code: debit ? 'duplicate' : 'unknown_reference' });
          return;
        }
        seen.add(a.entryId);
        const outstanding = book.outstandingOf(debit);
        if (!book.isDebit(debit) || debit.void) {
          errors.push({ field: `allocations.${i}.entryId`, message: `${debit.reference} cannot be paid: it is ${debit.void ? 'void' : 'not a debit'}.`, code: 'invalid_value' });
          return;
        }
        if (outstanding === 0) {
          errors.push({ field: `allocations.${i}.entryId`, message: `${debit.reference} is paid already.`, code: 'settled' });
          return;
        }
        if (a.amount) checkCurrency(book, `allocations.${i}.amount.currency`, a.amount, errors);
        const want = a.amount?.amountMinor ?? Math.min(outstanding, left);
        if (want > outstanding) {
          errors.push({ field: `allocations.${i}.amount`, message: `${debit.reference} has ${formatMoney(moneyOf(book, outstanding))} outstanding.`, code: 'too_large' });
        } else if (want > left) {
          errors.push({ field: `allocations.${i}.amount`, message: `Only ${formatMoney(moneyOf(book, left))} of the payment is left to allocate.`, code: 'too_large' });
        }
        left -= Math.min(want, left);
      });
      if (errors.length) throw invalid(errors);
      const write = ctx.db.postLedgerEntry(customer.id, {
        type: 'payment', date: input.date, reference: input.reference, description: 'Payment received', lines: null,
        net: -input.amount.amountMinor, vat: 0, amount: -input.amount.amountMinor, dueDate: null, orderId: null, orderNumber: null,
        method: input.method, bankAccountId: input.bankAccountId, createdAt: ctx.now, createdBy: ctx.actor,
        allocation: input.allocations
          ? { mode: 'chosen', items: input.allocations.map((a) => ({ entryId: a.entryId, amount: a.amount?.amountMinor ?? null })) }
          : { mode: 'oldest' },
      });
      const body = answer(ctx, customer, write);
      const settled = body.changed.map((e) => e.reference).join(', ');
      systemNote(ctx, customer.id,
        `Payment of ${formatMoney(input.amount)} entered (${input.reference})${settled ? `, allocated to ${settled}` : ''}${body.entry.outstanding.amountMinor > 0 ? `; ${formatMoney(body.entry.outstanding)} on account` : ''}`,
        [changed('account.payment', null, money(input.amount), input.reference), changed('account.balance', null, money(body.account.balance))]);
      return { body, status: 201 };
    },
  },

  'accounts.invoice': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as ManualInvoiceInput;
      const book = ctx.db.ledgerOf(customer.id);
      const errors: FieldError[] = [];
      checkDate(ctx, 'date', input.date, errors);
      const totals = documentTotals(book, customer, input, errors);
      if (errors.length) throw invalid(errors);
      const day = input.date ?? today(ctx);
      const terms = ctx.db.reference.paymentTerms.find((t) => t.id === customer.paymentTermsId);
      const write = ctx.db.postLedgerEntry(customer.id, {
        type: 'invoice', date: day, reference: null,
        description: input.customerReference ? `Manual invoice (your ref. ${input.customerReference})` : 'Manual invoice',
        lines: totals.lines, net: totals.net.amountMinor, vat: totals.vat.amountMinor, amount: totals.total.amountMinor,
        dueDate: dueDateFor(terms, Date.parse(`${day}T12:00:00Z`)), orderId: null, orderNumber: null, method: null, bankAccountId: null,
        createdAt: ctx.now, createdBy: ctx.actor, allocation: { mode: 'none' },
      });
      const body = answer(ctx, customer, write);
      systemNote(ctx, customer.id, `Manual invoice ${body.entry.reference} raised for ${formatMoney(totals.total)}`,
        [changed('account.invoice', null, money(totals.total), body.entry.reference), changed('account.balance', null, money(body.account.balance))]);
      return { body, status: 201 };
    },
  },

  'accounts.creditNote': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as CreditNoteInput;
      const book = ctx.db.ledgerOf(customer.id);
      const errors: FieldError[] = [];
      checkDate(ctx, 'date', input.date, errors);
      let invoice: LedgerRow | undefined;
      if (input.invoiceId !== undefined) {
        invoice = book.byId.get(input.invoiceId);
        if (!invoice || invoice.type !== 'invoice') errors.push({ field: 'invoiceId', message: 'There is no such invoice on this account.', code: 'unknown_reference' });
      }
      const totals = documentTotals(book, customer, input, errors);
      if (errors.length) throw invalid(errors);
      if (invoice?.void) throw conflict(`Invoice ${invoice.reference} is void: there is nothing to credit.`);
      const day = input.date ?? today(ctx);
      const write = ctx.db.postLedgerEntry(customer.id, {
        type: 'credit-note', date: day, reference: null, description: input.reason, lines: totals.lines,
        net: -totals.net.amountMinor, vat: -totals.vat.amountMinor, amount: -totals.total.amountMinor, dueDate: null,
        orderId: invoice?.orderId ?? null, orderNumber: invoice?.orderNumber ?? null, method: null, bankAccountId: null,
        createdAt: ctx.now, createdBy: ctx.actor,
        allocation: invoice ? { mode: 'chosen', items: [{ entryId: invoice.id, amount: null }] } : { mode: 'none' },
      });
      const body = answer(ctx, customer, write);
      systemNote(ctx, customer.id, `Credit note ${body.entry.reference} for ${formatMoney(totals.total)}${invoice ? ` against ${invoice.reference}` : ' on account'}: ${input.reason}`,
        [changed('account.creditNote', null, money(totals.total), body.entry.reference), changed('account.balance', null, money(body.account.balance))]);
      return { body, status: 201 };
    },
  },

  'accounts.void': {
    version(ctx) {
      const customer = loadCustomer(ctx);
      return loadEntry(ctx, ctx.db.ledgerOf(customer.id)).version;
    },
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { reason } = ctx.body as { reason: string };
      const book = ctx.db.ledgerOf(customer.id);
      const row = loadEntry(ctx, book);
      if (row.void) throw conflict(`${TYPE_NAMES[row.type]} ${row.reference} is void already.`);
      if (row.type === 'invoice' && row.orderId !== null) {
        throw conflict(`Invoice ${row.reference} was raised for order ${row.orderNumber ?? row.orderId}: raise a credit note against it instead.`);
      }
      const write = ctx.db.voidLedgerEntry(customer.id, row.id, { reason, at: ctx.now, by: ctx.actor });
      const body = answer(ctx, customer, write);
      systemNote(ctx, customer.id, `${TYPE_NAMES[row.type]} ${row.reference} voided: ${reason}`,
        [changed('account.void', null, textValue(reason), row.reference), changed('account.balance', null, money(body.account.balance))]);
      return { body };
    },
  },

  'accounts.statement': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { from, to } = period(ctx.query as StatementQuery);
      return { body: ctx.db.ledgerOf(customer.id).statement(from, to, customer, ctx.now) };
    },
  },

  'accounts.statementCsv': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { from, to } = period(ctx.query as StatementQuery);
      const s = ctx.db.ledgerOf(customer.id).statement(from, to, customer, ctx.now);
      const lines = [['Date', 'Type', 'Reference', 'Description', 'Order', 'Due date', 'Status', 'Net', 'VAT', 'Amount', 'Balance'].join(',')];
      lines.push([cell(from), cell('opening'), '', cell('Opening balance'), '', '', '', '', '', '', major(s.openingBalance.amountMinor)].join(','));
      for (const e of s.entries) {
        lines.push([
          cell(e.date), cell(e.type), cell(e.reference), cell(e.void ? `${e.description} (void: ${e.void.reason})` : e.description),
          cell(e.orderNumber ?? ''), cell(e.dueDate ?? ''), cell(e.status),
          major(e.net.amountMinor), major(e.vat.amountMinor), major(e.amount.amountMinor), major(e.balanceAfter.amountMinor),
        ].join(','));
      }
      lines.push([cell(to), cell('closing'), '', cell('Closing balance'), '', '', '', '', '', '', major(s.closingBalance.amountMinor)].join(','));
      const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
      return new Response(bytes, {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Length': String(bytes.byteLength),
          'Content-Disposition': `attachment; filename="statement-${(customer.accountsReference ?? customer.id).replace(/[^A-Za-z0-9-]+/g, '-')}-${from}-${to}.csv"`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    },
  },

  'accounts.statementPdf': {
    async handle(ctx) {
      const customer = loadCustomer(ctx);
      const { from, to } = period(ctx.query as StatementQuery);
      const s = ctx.db.ledgerOf(customer.id).statement(from, to, customer, ctx.now);
          const bytes = await renderPdf({
        title: 'Statement',
        number: customer.accountsReference ?? customer.id,
        meta: [['Period', `${from} to ${to}`], ['Opening balance', m(s.openingBalance)]],
        to: addressOf(ctx, customer),
        columns: [
          { label: 'Date', width: 22 }, { label: 'Type', width: 22 }, { label: 'Reference', width: 38 }, { label: 'Due', width: 22 },
          { label: 'Amount', width: 38, align: 'right' }, { label: 'Balance', width: 38, align: 'right' },
        ],
        rows: s.entries.map((e) => [e.date, e.void ? `${TYPE_NAMES[e.type]} (void)` : TYPE_NAMES[e.type], e.reference, e.dueDate ?? '', m(e.amount), m(e.balanceAfter)]),
        totals: [
          ['Opening balance', m(s.openingBalance)], ['Debits', m(s.debits)], ['Credits', m(s.credits)],
          ['Current', m(s.agedDebt.current)], ['30 days', m(s.agedDebt.days30)], ['60 days', m(s.agedDebt.days60)], ['90+ days', m(s.agedDebt.days90Plus)],
          ['Unallocated credit', m(s.unallocatedCredit)], ['Closing balance', m(s.closingBalance)],
        ],
        notes: ['Void entries are listed for the record and count in no balance.'],
      });
      return pdfResponse(bytes, pdfFilename(`statement-${customer.accountsReference ?? customer.id}-${from}-${to}`));
    },
  },

  'accounts.document': {
    async handle(ctx) {
      const customer = loadCustomer(ctx);
      const book = ctx.db.ledgerOf(customer.id);
      const row = loadEntry(ctx, book);
      if (row.type !== 'invoice' && row.type !== 'credit-note') {
        throw conflict(`${TYPE_NAMES[row.type]} ${row.reference} has no document: only invoices and credit notes do.`);
      }
      return pdfResponse(await renderPdf(entryDocument(ctx, customer, book, row)), pdfFilename(row.reference));
    },
  },

  'orders.document': {
    async handle(ctx) {
      const order = loadOrder(ctx);
      const printId = param(ctx, 'printId');
      const record = order.printHistory.find((p) => p.id === printId);
      if (!record) throw notFound('document', printId);
      const customer = ctx.db.getCustomer(order.customerId);
      if (!customer) throw notFound('customer', order.customerId);
      const book = ctx.db.ledgerOf(customer.id);
      if (record.document === 'invoice') {
        const row = book.rows.find((r) => r.type === 'invoice' && r.orderId === order.id && !r.void) ??
          book.rows.find((r) => r.type === 'invoice' && r.orderId === order.id);
        if (!row) throw conflict(`Order ${order.number} has no invoice in the account ledger.`);
        const model = entryDocument(ctx, customer, book, row);
        model.meta.push(['Printed', record.printedAt.slice(0, 16).replace('T', ' ')]);
        return pdfResponse(await renderPdf(model), pdfFilename(`${row.reference}-${record.id}`));
      }
      const titles = { 'packing-slip': 'Packing slip', 'delivery-note': 'Delivery note', label: 'Label', 'pick-list': 'Pick list' } as const;
      const bytes = await renderPdf({
        title: titles[record.document],
        number: order.number,
        meta: [['Order date', order.placedAt.slice(0, 10)], ['Printed', record.printedAt.slice(0, 16).replace('T', ' ')], ...order.tracking.slice(0, 1).map((t): [string, string] => ['Tracking', `${t.carrier} ${t.code}`])],
        to: addressOf(ctx, customer),
        columns: [{ label: 'SKU', width: 40 }, { label: 'Item', width: 120 }, { label: 'Qty', width: 20, align: 'right' }],
        rows: order.lines.map((l) => [l.sku, l.description, String(l.quantity)]),
        totals: [['Items', String(order.quantity)]],
      });
      return pdfResponse(bytes, pdfFilename(`${order.number}-${record.document}-${record.id}`));
    },
  },
} satisfies Record<string, ResourceDef>;

