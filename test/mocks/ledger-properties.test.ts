/**
 * Property tests over generated ledgers: whatever invoices, payments (oldest first, chosen, or on
 * account), credit notes, refunds and voids happen in whatever order and on whatever days,
 * allocation, VAT rounding and statement arithmetic never lose or invent a penny.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerPosting } from '../../mocks/data/database.js';
import { LedgerBook, postToBook, type LedgerRow } from '../../mocks/data/ledger.js';
import { VAT_RATES, type DocumentLineInput } from '../../src/sdk/schemas.js';
import { invoiceTotals, vatOf, VAT_RATE_BASIS_POINTS } from '../../src/sdk/vat.js';
import { bookProblems, vatIsRoundedHalfUp } from './ledger-invariants.js';

const BY = { type: 'user' as const, id: 'usr_1', name: 'Tester' };
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const line = fc.record({
  description: fc.constantFrom('Widget', 'Gadget', 'Delivery'),
  quantity: fc.integer({ min: 1, max: 500 }),
  unitPrice: fc.record({ amountMinor: fc.integer({ min: 0, max: 2_000_000 }), currency: fc.constant('GBP') }),
  vatRate: fc.constantFrom(...VAT_RATES),
}) as fc.Arbitrary<DocumentLineInput>;

type Op =
  | { kind: 'invoice'; day: number; lines: DocumentLineInput[]; exempt: boolean }
  | { kind: 'payment'; day: number; amount: number; mode: 'oldest' | 'none' | 'chosen'; pick: number[]; part: number | null }
  | { kind: 'credit'; day: number; lines: DocumentLineInput[]; against: number | null; type: 'credit-note' | 'refund' }
  | { kind: 'adjustment'; day: number; amount: number }
  | { kind: 'void'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('invoice' as const), day: fc.integer({ min: 0, max: 400 }), lines: fc.array(line, { minLength: 1, maxLength: 5 }), exempt: fc.boolean() }),
  fc.record({
    kind: fc.constant('payment' as const), day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 1, max: 5_000_000 }),
    mode: fc.constantFrom('oldest' as const, 'none' as const, 'chosen' as const), pick: fc.array(fc.nat(), { maxLength: 4 }),
    part: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('credit' as const), day: fc.integer({ min: 0, max: 400 }), lines: fc.array(line, { minLength: 1, maxLength: 3 }), against: fc.option(fc.nat(), { nil: null }), type: fc.constantFrom('credit-note' as const, 'refund' as const) }),
  fc.record({ kind: fc.constant('adjustment' as const), day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: -50_000, max: 50_000 }) }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
);

function posting(p: Partial<LedgerPosting> & Pick<LedgerPosting, 'type' | 'date' | 'amount'>): LedgerPosting {
  return {
    reference: null, description: p.type, lines: null, net: p.amount, vat: 0, dueDate: null, orderId: null, orderNumber: null,
    method: null, bankAccountId: null, createdAt: '2026-01-01T00:00:00.000Z', createdBy: BY, allocation: { mode: 'none' }, ...p,
  };
}

/** Runs the operations on a fresh book; returns it and what each payment was owed to settle. */
function play(ops: Op[]) {
  const book = new LedgerBook('cus_1', 'GBP', day(380));
  let n = 0;
  const post = (p: LedgerPosting) => postToBook(book, `txn_${++n}`, `REF-${n}`, p);
  const debits = () => book.rows.filter((r) => !r.void && book.isDebit(r) && book.outstandingOf(r) > 0);
  for (const o of ops) {
    if (o.kind === 'invoice') {
      const t = invoiceTotals(o.lines, 'GBP', { vatExempt: o.exempt });
      post(posting({ type: 'invoice', date: day(o.day), amount: t.total.amountMinor, net: t.net.amountMinor, vat: t.vat.amountMinor, lines: t.lines, dueDate: day(o.day + 30) }));
    } else if (o.kind === 'payment') {
      const open = debits();
      const owed = open.reduce((s, r) => s + book.outstandingOf(r), 0);
      const items = o.pick.map((i) => open[i % Math.max(1, open.length)]).filter((r): r is LedgerRow => !!r).map((r) => ({ entryId: r.id, amount: o.part }));
      const allocation = o.mode === 'chosen' ? { mode: 'chosen' as const, items } : { mode: o.mode };
      const { row, changed } = post(posting({ type: 'payment', date: day(o.day), amount: -o.amount, allocation }));
      const allocated = o.amount - book.outstandingOf(row);
      // Oldest first settles as much as is owed or paid, whichever is less; nothing else moves.
      if (o.mode === 'oldest') expect(allocated).toBe(Math.min(o.amount, owed));
      if (o.mode === 'none') expect(allocated).toBe(0);
      expect(changed.every((r) => book.isDebit(r))).toBe(true);
    } else if (o.kind === 'credit') {
      const t = invoiceTotals(o.lines, 'GBP');
      const open = debits();
      const target = o.against === null || open.length === 0 ? null : open[o.against % open.length]!;
      post(posting({
        type: o.type, date: day(o.day), amount: -t.total.amountMinor, net: -t.net.amountMinor, vat: -t.vat.amountMinor, lines: t.lines,
        allocation: target ? { mode: 'chosen', items: [{ entryId: target.id, amount: null }] } : { mode: 'none' },
      }));
    } else if (o.kind === 'adjustment') {
      post(posting({ type: 'adjustment', date: day(o.day), amount: o.amount }));
    } else if (book.rows.length > 0) {
      const row = book.rows[o.pick % book.rows.length]!;
      if (!row.void) book.voidRow(row, { reason: 'test', at: '2026-01-01T00:00:00.000Z', by: BY });
    }
  }
  return book;
}

describe('ledger properties', () => {
  it('VAT per line is net x rate rounded half up, and a document is the sum of its lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), fc.boolean(), (lines, exempt) => {
        const t = invoiceTotals(lines, 'GBP', { vatExempt: exempt });
        let net = 0;
        let vat = 0;
        t.lines.forEach((l, i) => {
          const input = lines[i]!;
          expect(l.net.amountMinor).toBe(input.quantity * input.unitPrice.amountMinor);
          if (exempt) expect(l.vat.amountMinor).toBe(0);
          else expect(vatIsRoundedHalfUp(l.net.amountMinor, l.vat.amountMinor, VAT_RATE_BASIS_POINTS[input.vatRate])).toBe(true);
          expect(l.total.amountMinor).toBe(l.net.amountMinor + l.vat.amountMinor);
          net += l.net.amountMinor;
          vat += l.vat.amountMinor;
        });
        expect(t.net.amountMinor).toBe(net);
        expect(t.vat.amountMinor).toBe(vat);
        expect(t.total.amountMinor).toBe(net + vat);
      }),
      { numRuns: 500 },
    );
    // The ties: half a penny goes up, a hair under half goes down, and negatives mirror positives.
    expect(vatOf(25, 2000)).toBe(5);
    expect(vatOf(2_331, 500)).toBe(117);
    expect(vatOf(10, 500)).toBe(1);
    expect(vatOf(9, 500)).toBe(0);
    expect(vatOf(-10, 500)).toBe(-1);
  });

  it('allocation never loses or invents a penny, whatever happens in whatever order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const book = play(ops);
        expect(bookProblems(book, 'generated')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a statement for any period reconciles: opening + debits - credits = closing = the balance that day, and aged debt adds up to it', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 50 }), fc.integer({ min: -10, max: 420 }), fc.integer({ min: 0, max: 200 }), (ops, start, length) => {
        const book = play(ops);
        const from = day(start);
        const to = day(start + length);
        const s = book.statement(from, to, { name: 'Test Ltd', accountsReference: null }, '2026-01-01T00:00:00.000Z');
        expect(s.openingBalance.amountMinor + s.debits.amountMinor - s.credits.amountMinor).toBe(s.closingBalance.amountMinor);
        expect(s.closingBalance.amountMinor).toBe(book.balanceAsOf(to));
        const live = s.entries.filter((e) => !e.void).reduce((t, e) => t + e.amount.amountMinor, 0);
        expect(s.openingBalance.amountMinor + live).toBe(s.closingBalance.amountMinor);
        const aged = s.agedDebt.current.amountMinor + s.agedDebt.days30.amountMinor + s.agedDebt.days60.amountMinor + s.agedDebt.days90Plus.amountMinor;
        expect(aged - s.unallocatedCredit.amountMinor).toBe(s.closingBalance.amountMinor);
        expect(s.entries.map((e) => e.id)).toEqual(book.rows.filter((r) => r.date >= from && r.date <= to).map((r) => r.id));
        if (s.entries.length) expect(s.entries.at(-1)!.balanceAfter).toEqual(s.closingBalance);
      }),
      { numRuns: 300 },
    );
  });
});
