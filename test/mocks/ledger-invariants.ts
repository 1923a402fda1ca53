/**
 * The invariants every customer's ledger keeps, checked against the data model's own figures:
 * balance = the sum of the ledger; running balances add up; outstanding debits less unallocated
 * credits = balance; overdue = open invoice amounts past due; aged debt adds up; every document's
 * lines add up to it with VAT per line; and the account summary and the search result say the same.
 * Returns the problems found (empty when all is well), so that a failure names the customer and why.
 */
import type { Database } from '../../mocks/data/database.js';
import type { LedgerBook } from '../../mocks/data/ledger.js';
import { VAT_RATE_BASIS_POINTS } from '../../src/sdk/vat.js';

/** `vat` is `net x bp / 10000` rounded half up (away from zero), checked in exact integer arithmetic. */
export function vatIsRoundedHalfUp(netMinor: number, vatMinor: number, bp: number): boolean {
  const exact = BigInt(Math.abs(netMinor)) * BigInt(bp);
  const v = BigInt(Math.abs(vatMinor)) * 10_000n;
  return (netMinor === 0 ? vatMinor === 0 : Math.sign(vatMinor) !== -Math.sign(netMinor)) && v - exact <= 5_000n && exact - v < 5_000n;
}

export function bookProblems(book: LedgerBook, label: string): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${label}: ${what}`);
  let running = 0;
  let sum = 0;
  let debits = 0;
  let credits = 0;
  let overdue = 0;
  for (const row of book.rows) {
    const e = book.entry(row);
    if (!row.void) {
      running += row.amount;
      sum += row.amount;
    }
    if (e.balanceAfter.amountMinor !== running) fail(`${row.id} balanceAfter ${e.balanceAfter.amountMinor} != ${running}`);
    if (row.net + row.vat !== row.amount) fail(`${row.id} net ${row.net} + VAT ${row.vat} != ${row.amount}`);
    const allocated = e.allocations.reduce((s, a) => s + a.amount.amountMinor, 0);
    if (e.allocations.some((a) => a.amount.amountMinor <= 0)) fail(`${row.id} has an allocation of zero or less`);
    if (row.void) {
      if (e.outstanding.amountMinor !== 0 || allocated !== 0 || e.status !== 'void') fail(`${row.id} is void but still counts`);
    } else {
      if (e.outstanding.amountMinor < 0 || allocated + e.outstanding.amountMinor !== Math.abs(row.amount)) {
        fail(`${row.id} allocated ${allocated} + outstanding ${e.outstanding.amountMinor} != ${Math.abs(row.amount)}`);
      }
      if (book.isDebit(row)) debits += e.outstanding.amountMinor;
      else credits += e.outstanding.amountMinor;
      const pastDue = row.type === 'invoice' && row.dueDate !== null && row.dueDate < book.today && e.outstanding.amountMinor > 0;
      if (pastDue) overdue += e.outstanding.amountMinor;
      if (pastDue !== (e.status === 'overdue')) fail(`${row.id} status ${e.status} but past due: ${pastDue}`);
    }
    for (const a of e.allocations) {
      const other = book.byId.get(a.entryId);
      if (!other || book.isDebit(other) === book.isDebit(row)) fail(`${row.id} allocated to ${a.entryId}, not a counterpart`);
    }
    if (e.lines.length > 0) {
      const sign = row.amount < 0 ? -1 : 1;
      const lineNet = e.lines.reduce((s, l) => s + l.net.amountMinor, 0);
      const lineVat = e.lines.reduce((s, l) => s + l.vat.amountMinor, 0);
      if (sign * lineNet !== row.net || sign * lineVat !== row.vat) fail(`${row.id} lines ${lineNet}+${lineVat} != ${row.net}+${row.vat}`);
      for (const l of e.lines) {
        if (l.net.amountMinor !== l.quantity * l.unitPrice.amountMinor || l.total.amountMinor !== l.net.amountMinor + l.vat.amountMinor) fail(`${row.id} line "${l.description}" does not add up`);
        if (l.vat.amountMinor !== 0 && !vatIsRoundedHalfUp(l.net.amountMinor, l.vat.amountMinor, VAT_RATE_BASIS_POINTS[l.vatRate])) fail(`${row.id} line VAT ${l.vat.amountMinor} on ${l.net.amountMinor} at ${l.vatRate}`);
      }
    }
  }
  if (book.balance !== sum) fail(`balance ${book.balance} != sum of the ledger ${sum}`);
  if (debits - credits !== sum) fail(`outstanding debits ${debits} - unallocated credits ${credits} != balance ${sum}`);
  if (book.overdue() !== overdue) fail(`overdue ${book.overdue()} != open invoices past due ${overdue}`);
  const { agedDebt, unallocatedCredit } = book.aged();
  const aged = agedDebt.current + agedDebt.days30 + agedDebt.days60 + agedDebt.days90Plus;
  if (aged !== debits || unallocatedCredit !== credits) fail(`aged ${aged} / unallocated ${unallocatedCredit} != ${debits} / ${credits}`);
  return problems;
}

/** The customer's figures wherever they show: the account summary, the search summary, the flat transactions. */
export function customerProblems(db: Database, customerId: string): string[] {
  const book = db.ledgerOf(customerId);
  const problems = bookProblems(book, customerId);
  const fail = (what: string) => problems.push(`${customerId}: ${what}`);
  const account = db.account(customerId);
  const record = db.getCustomer(customerId)!;
  const { agedDebt, unallocatedCredit } = book.aged();
  if (account.balance.amountMinor !== book.balance) fail(`account balance ${account.balance.amountMinor} != ledger ${book.balance}`);
  if (db.toSummary(record).balance.amountMinor !== book.balance) fail('search summary balance differs from the ledger');
  if (account.overdue.amountMinor !== book.overdue()) fail('account overdue differs from the ledger');
  if (account.availableCredit.amountMinor !== Math.max(0, record.creditLimit.amountMinor - book.balance)) fail('available credit is not limit - balance');
  if (account.agedDebt?.days90Plus.amountMinor !== agedDebt.days90Plus || account.unallocatedCredit?.amountMinor !== unallocatedCredit) fail('account aged debt differs from the ledger');
  const flat = db.transactionsOf(customerId);
  if ((flat[0]?.balanceAfter.amountMinor ?? 0) !== book.balance) fail('the flat transactions end on another balance');
  return problems;
}
