/**
 * The account ledger through the SDK against the reference API (MSW in process): payments and
 * their allocation, manual invoices, credit notes, voids, statements, CSV and PDF documents, and
 * the cache: every write moves the balance, available credit and overdue wherever they are shown.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupMockApi, tokensOf } from '../../mocks/node.js';
import { createDatabase } from '../../mocks/data/index.js';
import type { ScenarioController } from '../../mocks/scenario.js';
import {
  createClient, invoiceTotals, isConflictError, isForbiddenError, isValidationError, tags, type AccountChange, type LedgerEntry,
} from '../../src/sdk/index.js';
import { rejection } from '../rejection.js';

const db = createDatabase({ size: { customers: 40, orders: 400, bigCustomerOrders: 10_000, manyNotes: 50 } });
const tokens = tokensOf(db);
const fx = db.fixtures;
let baseUrl = '';
let scenario: ScenarioController;
let stop: () => unknown;

const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });
const sdk = (token = tokens.admin) => createClient({ baseUrl, getToken: () => token, retry: { limit: 1, backoffMs: 1 } });
const today = () => new Date().toISOString().slice(0, 10);
const payment = (amountMinor: number, extra: object = {}) => ({
  amount: gbp(amountMinor), method: 'bank-transfer' as const, date: today(), reference: `BACS ${amountMinor}`, bankAccountId: 'bnk_barclays_main', ...extra,
});

/** Read every entry of a customer's ledger, oldest first. */
async function all(api: ReturnType<typeof sdk>, customerId: string): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = [];
  for await (const e of api.accounts.ledgerAll(customerId, { order: 'asc', limit: 500 })) out.push(e);
  return out;
}

const fmt = (m: { amountMinor: number }) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(m.amountMinor / 100);

/** Latin-1 text of a PDF (content streams are uncompressed). */
async function pdfText(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return new TextDecoder('latin1').decode(bytes);
}

beforeAll(() => {
  const mock = setupMockApi({ db });
  mock.server.listen({ onUnhandledRequest: 'error' });
  ({ baseUrl, scenario } = mock);
  stop = () => mock.server.close();
});
afterEach(() => scenario.reset());
afterAll(() => stop());

describe('accounts: reads', () => {
  it('the summary, the ledger and the search result tell the same balance', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const account = await api.accounts.get(id);
    const entries = await all(api, id);
    const live = entries.filter((e) => !e.void);
    expect(live.reduce((s, e) => s + e.amount.amountMinor, 0)).toBe(account.balance.amountMinor);
    expect(entries.at(-1)!.balanceAfter.amountMinor).toBe(account.balance.amountMinor);
    const overdue = live.filter((e) => e.type === 'invoice' && e.status === 'overdue').reduce((s, e) => s + e.outstanding.amountMinor, 0);
    expect(overdue).toBe(account.overdue.amountMinor);
    expect(account.overdue.amountMinor).toBeGreaterThan(0);
    const found = await api.customers.search({ q: 'Wolstenholme' });
    expect(found.items.find((c) => c.id === id)!.balance).toEqual(account.balance);
  });

  it('pages and filters the ledger by type, status, dates and order', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const entries = await all(api, id);
    const invoices = await api.accounts.ledger(id, { type: 'invoice', limit: 2 });
    expect(invoices.total).toBe(entries.filter((e) => e.type === 'invoice').length);
    expect(invoices.items.every((e) => e.type === 'invoice')).toBe(true);
    expect(invoices.items[0]!.date >= invoices.items[1]!.date).toBe(true);
    const next = await api.accounts.ledger(id, { type: 'invoice', limit: 2, cursor: invoices.nextCursor! });
    expect(next.items[0]!.id).not.toBe(invoices.items[0]!.id);
    const overdue = await api.accounts.ledger(id, { status: 'overdue' });
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((e) => e.status === 'overdue' && e.dueDate! < db.now.slice(0, 10))).toBe(true);
    const from = entries[2]!.date;
    const to = entries[5]!.date;
    const dated = await api.accounts.ledger(id, { from, to, order: 'asc', limit: 100 });
    expect(dated.items.map((e) => e.id)).toEqual(entries.filter((e) => e.date >= from && e.date <= to).map((e) => e.id));
    const withOrder = entries.find((e) => e.orderId)!;
    const byOrder = await api.accounts.ledger(id, { orderId: withOrder.orderId! });
    expect(byOrder.items.map((e) => e.id)).toContain(withOrder.id);
    const offset = await api.accounts.ledger(id, { order: 'asc', offset: 3, limit: 2 });
    expect(offset.items.map((e) => e.id)).toEqual(entries.slice(3, 5).map((e) => e.id));
  });

  it('pages a ledger of thousands of rows', async () => {
    const api = sdk();
    const id = fx.customers.bigOrders;
    const first = await api.accounts.ledger(id, { limit: 500 });
    expect(first.total).toBeGreaterThan(500);
    const last = await api.accounts.ledger(id, { limit: 500, offset: first.total - 1 });
    expect(last.items).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
  });

  it('a user without accounts.view reads the summary but not the ledger', async () => {
    const api = sdk(tokens.viewer);
    await api.accounts.get(fx.customers.creditTrade);
    expect(isForbiddenError(await rejection(api.accounts.ledger(fx.customers.creditTrade)))).toBe(true);
  });
});

describe('accounts: payments', () => {
  it('a payment without allocations settles the oldest debts first and lowers balance and overdue everywhere', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const before = await api.accounts.get(id);
    const search = await api.customers.search({ q: 'Wolstenholme' });
    let notified = 0;
    const off = api.cache.subscribe([tags.search(), tags.account(id)], () => notified++);
    const oldest = (await api.accounts.ledger(id, { status: 'overdue', order: 'asc' })).items[0]!;
    const change = await api.accounts.enterPayment(id, payment(oldest.outstanding.amountMinor));
    off();
    expect(change.entry.type).toBe('payment');
    expect(change.entry.amount.amountMinor).toBe(-oldest.outstanding.amountMinor);
    expect(change.changed.map((e) => e.id)).toEqual([oldest.id]);
    expect(change.changed[0]!.status).toBe('paid');
    expect(change.account.balance.amountMinor).toBe(before.balance.amountMinor - oldest.outstanding.amountMinor);
    expect(change.account.overdue.amountMinor).toBe(before.overdue.amountMinor - oldest.outstanding.amountMinor);
    expect(notified).toBeGreaterThan(0);
    // The card's summary and the search result changed without a reload.
    expect(await api.accounts.get(id)).toEqual(change.account);
    const patched = await api.customers.search({ q: 'Wolstenholme' });
    expect(patched).not.toBe(search);
    expect(patched.items.find((c) => c.id === id)!.balance).toEqual(change.account.balance);
    // And after a reload, from a new client.
    const fresh = sdk();
    expect((await fresh.accounts.get(id)).balance).toEqual(change.account.balance);
    expect((await fresh.customers.search({ q: 'Wolstenholme' })).items.find((c) => c.id === id)!.balance).toEqual(change.account.balance);
    // A system note records it.
    const notes = await fresh.notes.list(id);
    expect(notes.items[0]!.text).toContain(oldest.reference);
  });

  it('a payment allocated to a chosen invoice marks it paid; an overpayment stays on account as credit', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const open = (await api.accounts.ledger(id, { type: 'invoice', limit: 100 })).items.filter((e) => e.outstanding.amountMinor > 0);
    const chosen = open.at(-1)!;
    const before = await api.accounts.get(id);
    const extra = 1_234;
    const change = await api.accounts.enterPayment(id, payment(chosen.outstanding.amountMinor + extra, { allocations: [{ entryId: chosen.id }] }));
    expect(change.changed).toHaveLength(1);
    expect(change.changed[0]!.id).toBe(chosen.id);
    expect(change.changed[0]!.status).toBe('paid');
    expect(change.entry.outstanding.amountMinor).toBe(extra);
    expect(change.entry.status).toBe('part-paid');
    expect(change.account.unallocatedCredit!.amountMinor).toBe(before.unallocatedCredit!.amountMinor + extra);
    expect(change.account.balance.amountMinor).toBe(before.balance.amountMinor - chosen.outstanding.amountMinor - extra);
  });

  it('refuses an allocation larger than what is outstanding, in another currency, or to a paid invoice, naming the field', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const paid = (await api.accounts.ledger(id, { type: 'invoice', status: 'paid' })).items[0]!;
    const error = await rejection(api.accounts.enterPayment(id, payment(500, { allocations: [{ entryId: paid.id }] })));
    expect(isValidationError(error) && error.fieldErrors.map((f) => f.field)).toEqual(['allocations.0.entryId']);
    const open = (await api.accounts.ledger(id, { type: 'invoice' })).items.find((e) => e.outstanding.amountMinor > 0)!;
    const tooMuch = await rejection(api.accounts.enterPayment(id, payment(open.outstanding.amountMinor + 10, { allocations: [{ entryId: open.id, amount: gbp(open.outstanding.amountMinor + 10) }] })));
    expect(isValidationError(tooMuch) && tooMuch.fieldErrors[0]!.field).toBe('allocations.0.amount');
    const euro = await rejection(api.accounts.enterPayment(id, { ...payment(100), amount: { amountMinor: 100, currency: 'EUR' } }));
    expect(isValidationError(euro) && euro.fieldErrors[0]!.field).toBe('amount.currency');
  });

  it('a payment sent twice with one Idempotency-Key is recorded once', async () => {
    const api = sdk();
    const id = fx.customers.allStatuses;
    const before = await api.accounts.get(id);
    const key = 'pay-once-1';
    const a = await api.accounts.enterPayment(id, payment(777), { idempotencyKey: key });
    const b = await api.accounts.enterPayment(id, payment(777), { idempotencyKey: key });
    expect(b.entry.id).toBe(a.entry.id);
    expect((await sdk().accounts.get(id)).balance.amountMinor).toBe(before.balance.amountMinor - 777);
  });

  it('a clerk without the capability cannot enter a payment', async () => {
    const error = await rejection(sdk(tokens.clerk).accounts.enterPayment(fx.customers.creditTrade, payment(100)));
    expect(isForbiddenError(error)).toBe(true);
  });
});

describe('accounts: invoices, credit notes and voids', () => {
  const lines = [
    { description: 'Display stand hire', quantity: 3, unitPrice: gbp(1_999), vatRate: 'standard' as const },
    { description: 'Leaflets', quantity: 7, unitPrice: gbp(333), vatRate: 'reduced' as const },
    { description: 'Postage', quantity: 1, unitPrice: gbp(1_005), vatRate: 'zero' as const },
  ];

  it("a three-line manual invoice: the server's totals equal invoiceTotals, per line, and raise the balance", async () => {
    const api = sdk();
    const id = fx.customers.allStatuses;
    const before = await api.accounts.get(id);
    const expected = invoiceTotals(lines, 'GBP');
    // 5997 x 20% = 1199.4 -> 1199; 2331 x 5% = 116.55 -> 117 (half up); 1005 x 0 = 0
    expect(expected.lines.map((l) => l.vat.amountMinor)).toEqual([1_199, 117, 0]);
    const change = await api.accounts.createInvoice(id, { lines, customerReference: 'PO-77' });
    expect(change.entry.lines).toEqual(expected.lines);
    expect(change.entry.net).toEqual(expected.net);
    expect(change.entry.vat).toEqual(expected.vat);
    expect(change.entry.amount).toEqual(expected.total);
    expect(change.entry.reference).toMatch(/^INV-M\d+$/);
    expect(change.entry.dueDate! >= change.entry.date).toBe(true);
    expect(change.account.balance.amountMinor).toBe(before.balance.amountMinor + expected.total.amountMinor);
    expect(change.account.availableCredit.amountMinor).toBe(Math.max(0, change.account.creditLimit.amountMinor - change.account.balance.amountMinor));
  });

  it('a VAT-exempt customer is charged no VAT', async () => {
    const change = await sdk().accounts.createInvoice(fx.customers.vatExempt, { lines });
    expect(change.entry.vat.amountMinor).toBe(0);
    expect(change.entry.amount).toEqual(invoiceTotals(lines, 'GBP', { vatExempt: true }).total);
  });

  it('a credit note against an invoice settles it; one on account is credit', async () => {
    const api = sdk();
    const id = fx.customers.allStatuses;
    const invoice = (await api.accounts.createInvoice(id, { lines: lines.slice(0, 1) })).entry;
    const before = await api.accounts.get(id);
    const cn = await api.accounts.createCreditNote(id, { invoiceId: invoice.id, reason: 'Returned stand', lines: lines.slice(0, 1) });
    expect(cn.entry.type).toBe('credit-note');
    expect(cn.entry.amount.amountMinor).toBe(-invoice.amount.amountMinor);
    expect(cn.changed[0]!.id).toBe(invoice.id);
    expect(cn.changed[0]!.status).toBe('paid');
    expect(cn.account.balance.amountMinor).toBe(before.balance.amountMinor - invoice.amount.amountMinor);
    const onAccount = await api.accounts.createCreditNote(id, { reason: 'Goodwill', lines: [{ description: 'Goodwill', quantity: 1, unitPrice: gbp(500), vatRate: 'zero' }] });
    expect(onAccount.changed).toEqual([]);
    expect(onAccount.entry.outstanding.amountMinor).toBe(500);
    expect(onAccount.account.unallocatedCredit!.amountMinor).toBe(cn.account.unallocatedCredit!.amountMinor + 500);
  });

  it('a void keeps the row, reverses its effect and releases its allocations; a stale version gets a conflict', async () => {
    const api = sdk();
    const id = fx.customers.allStatuses;
    const invoice = (await api.accounts.createInvoice(id, { lines: lines.slice(1, 2) })).entry;
    const paid: AccountChange = await api.accounts.enterPayment(id, payment(invoice.amount.amountMinor, { allocations: [{ entryId: invoice.id }] }));
    const before = paid.account;
    // The payment changed the invoice's version: voiding with the version read before is stale.
    const stale = await rejection(api.accounts.void(id, invoice.id, 'Raised in error', { version: invoice.version }));
    expect(isConflictError(stale)).toBe(true);
    const current = await api.accounts.entry(id, invoice.id);
    const voided = await api.accounts.void(id, invoice.id, 'Raised in error', { version: current.version });
    expect(voided.entry.status).toBe('void');
    expect(voided.entry.void!.reason).toBe('Raised in error');
    expect(voided.entry.outstanding.amountMinor).toBe(0);
    expect(voided.changed.map((e) => e.id)).toEqual([paid.entry.id]);
    expect(voided.changed[0]!.outstanding.amountMinor).toBe(invoice.amount.amountMinor);
    expect(voided.account.balance.amountMinor).toBe(before.balance.amountMinor - invoice.amount.amountMinor);
    const row = (await api.accounts.ledger(id, { q: invoice.reference })).items[0]!;
    expect(row.id).toBe(invoice.id);
    expect(row.status).toBe('void');
    const again = await rejection(api.accounts.void(id, invoice.id, 'Twice', { version: voided.entry.version }));
    expect(isConflictError(again)).toBe(true);
  });

  it('an invoice raised for an order cannot be voided (credit it instead)', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const fromOrder = (await api.accounts.ledger(id, { type: 'invoice' })).items.find((e) => e.orderId !== null)!;
    expect(isConflictError(await rejection(api.accounts.void(id, fromOrder.id, 'No', { version: fromOrder.version })))).toBe(true);
  });
});

describe('accounts: statements and documents', () => {
  it('a statement reconciles, and its CSV has the same rows', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const query = { from: '2026-08-01', to: '2026-10-31' };
    const s = await api.accounts.statement(id, query);
    const live = s.entries.filter((e) => !e.void);
    expect(s.openingBalance.amountMinor + s.debits.amountMinor - s.credits.amountMinor).toBe(s.closingBalance.amountMinor);
    expect(s.openingBalance.amountMinor + live.reduce((t, e) => t + e.amount.amountMinor, 0)).toBe(s.closingBalance.amountMinor);
    if (s.entries.length) expect(s.entries.at(-1)!.balanceAfter).toEqual(s.closingBalance);
    const aged = s.agedDebt.current.amountMinor + s.agedDebt.days30.amountMinor + s.agedDebt.days60.amountMinor + s.agedDebt.days90Plus.amountMinor;
    expect(aged - s.unallocatedCredit.amountMinor).toBe(s.closingBalance.amountMinor);
    expect(s.entries.every((e) => e.date >= query.from && e.date <= query.to)).toBe(true);

    const csv = await (await api.accounts.statementCsv(id, query)).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('Date,Type,Reference,Description,Order,Due date,Status,Net,VAT,Amount,Balance');
    const body = rows.slice(2, -1);
    expect(body.map((r) => r.split(',')[2])).toEqual(s.entries.map((e) => e.reference));
    expect(rows[1]!.endsWith(`,${(s.openingBalance.amountMinor / 100).toFixed(2)}`)).toBe(true);
    expect(rows.at(-1)!.endsWith(`,${(s.closingBalance.amountMinor / 100).toFixed(2)}`)).toBe(true);
  });

  it('a period that ends before it starts is refused', async () => {
    expect(isValidationError(await rejection(sdk().accounts.statement(fx.customers.creditTrade, { from: '2026-10-01', to: '2026-09-01' })))).toBe(true);
  });

  it('an invoice PDF names the customer, its lines and totals', async () => {
    const api = sdk();
    const id = fx.customers.allStatuses;
    const change = await api.accounts.createInvoice(id, {
      lines: [
        { description: 'Oak display plinth', quantity: 2, unitPrice: gbp(12_500), vatRate: 'standard' },
        { description: 'Brass nameplate', quantity: 1, unitPrice: gbp(1_999), vatRate: 'standard' },
      ],
    });
    const blob = await api.accounts.document(id, change.entry.id);
    expect(blob.type).toBe('application/pdf');
    const text = await pdfText(blob);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('Kittiwake Home Ltd');
    expect(text).toContain(`(Invoice ${change.entry.reference})`);
    expect(text).toContain('Oak display plinth');
    expect(text).toContain('Brass nameplate');
    // 25000 + 1999 = 26999 net, 5000 + 400 = 5400 VAT, 32399 total
    expect(text).toContain('£269.99');
    expect(text).toContain('£54.00');
    expect(text).toContain('£323.99');
  });

  it('"Print invoice" records a document whose PDF is the order\'s invoice; every print-history record downloads', async () => {
    const api = sdk();
    const order = await api.orders.get(fx.orders.dispatched);
    const printed = await api.orders.printInvoice(order.id);
    const record = printed.printHistory.at(-1)!;
    expect(record.document).toBe('invoice');
    const text = await pdfText(await api.orders.document(order.id, record.id));
    expect(text).toContain(`(Invoice ${printed.invoiceNumber})`);
    expect(text).toContain(order.lines[0]!.sku);
    const total = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(order.totals.total.amountMinor / 100);
    expect(text).toContain(total);
    for (const r of printed.printHistory) {
      const blob = await api.orders.document(order.id, r.id);
      expect(blob.type).toBe('application/pdf');
      expect(blob.size).toBeGreaterThan(500);
    }
  });

  it('a statement PDF reconciles on paper too', async () => {
    const api = sdk();
    const id = fx.customers.creditTrade;
    const query = { from: '2026-01-01', to: '2026-10-31' };
    const s = await api.accounts.statement(id, query);
    const text = await pdfText(await api.accounts.statementPdf(id, query));
    expect(text).toContain('Wolstenholme Pemberton Interiors Ltd');
    expect(text).toContain(fmt(s.closingBalance));
    for (const e of s.entries) expect(text).toContain(e.reference);
  });
});
