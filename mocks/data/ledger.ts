/**
 * A customer's account ledger: entries (invoices, payments, credit notes, refunds, adjustments),
 * the allocations that settle debits with credits, voids, and every figure derived from them —
 * running balance, outstanding, status, overdue, aged debt, statements.
 *
 * One rule for every figure: the balance is the sum of the entries that are not void, and
 * `sum(outstanding debits) - sum(unallocated credits) = balance`, because an allocation takes the
 * same amount off one debit and one credit. Entries are kept light (order invoices compute their
 * lines from the order when asked), so a customer with 100,000 orders holds its ledger in memory.
 */
import type {
  Actor, AgedDebt, Allocation, DocumentLine, LedgerEntry, LedgerEntryType, LedgerQuery, LedgerStatus, PaymentMethod,
  Statement, VoidRecord,
} from '../../src/sdk/schemas.js';
import { DAY } from './random.js';
import type { LedgerPosting, LedgerWrite } from './database.js';

/** A stored entry. Amounts are signed minor units: positive owed by the customer, negative owed to them. */
export interface LedgerRow {
  id: string;
  customerId: string;
  version: number;
  type: LedgerEntryType;
  /** `YYYY-MM-DD`. */
  date: string;
  reference: string;
  description: string;
  net: number;
  vat: number;
  amount: number;
  dueDate: string | null;
  orderId: string | null;
  orderNumber: string | null;
  /** Stored lines (manual invoices, credit notes); null when they are computed (`lineSource`). */
  lines: DocumentLine[] | null;
  method: PaymentMethod | null;
  bankAccountId: string | null;
  void: VoidRecord | null;
  createdAt: string;
  createdBy: Actor;
  /** Entry order among rows of the same date. */
  seq: number;
}

export interface LedgerAllocation {
  debit: LedgerRow;
  credit: LedgerRow;
  amount: number;
}

/** What a new entry is made from (ids, sequence and version are the book's). */
export type NewRow = Omit<LedgerRow, 'seq' | 'version' | 'void'>;

const isDebitAmount = (row: LedgerRow) => row.amount > 0 || (row.amount === 0 && (row.type === 'invoice' || row.type === 'adjustment'));
const laterOf = (a: string, b: string) => (a > b ? a : b);

function compareRows(a: LedgerRow, b: LedgerRow): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq;
}

/** Days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function ageBucket(invoiceDate: string, asOf: string): keyof AgedDebt {
  const age = daysBetween(invoiceDate, asOf);
  return age < 30 ? 'current' : age < 60 ? 'days30' : age < 90 ? 'days60' : 'days90Plus';
}

interface Derived {
  /** Per row, in book order. */
  balanceAfter: Int32Array | number[];
  outstanding: number[];
  status: LedgerStatus[];
  balance: number;
}

export class LedgerBook {
  readonly rows: LedgerRow[] = [];
  readonly byId = new Map<string, LedgerRow>();
  /** Allocations by row id (each allocation listed under both its rows). */
  readonly allocationsOf = new Map<string, LedgerAllocation[]>();
  /** Bumped by every write. */
  version = 0;
  private nextSeq = 0;
  private derived: Derived | null = null;
  private readonly index = new Map<LedgerRow, number>();

  constructor(
    readonly customerId: string,
    readonly currency: string,
    /** The day overdue and ages are counted to (the data set's today). */
    readonly today: string,
    /** Lines of rows that do not store them (order invoices). */
    readonly lineSource: (row: LedgerRow) => DocumentLine[] = () => [],
  ) {}

  // ----------------------------------------------------------------------------------------
  // Writing
  // ----------------------------------------------------------------------------------------

  /** Adds a row in date order (after every row of the same date). */
  add(input: NewRow): LedgerRow {
    const row: LedgerRow = { ...input, seq: this.nextSeq++, version: 1, void: null };
    let i = this.rows.length;
    while (i > 0 && compareRows(this.rows[i - 1]!, row) > 0) i--;
    this.rows.splice(i, 0, row);
    this.byId.set(row.id, row);
    this.touch();
    return row;
  }

  /** Appends rows already in date order (generation): no search, no splice. */
  load(input: NewRow): LedgerRow {
    // Takes the object over rather than copying it: a big customer loads tens of thousands.
    const row = input as LedgerRow;
    row.seq = this.nextSeq++;
    row.version = 1;
    row.void = null;
    this.rows.push(row);
    this.byId.set(row.id, row);
    this.derived = null;
    return row;
  }

  /** Settle `amount` of `debit` with `credit` (both must have that much left). */
  allocate(debit: LedgerRow, credit: LedgerRow, amount: number, bump = true): void {
    if (!(amount > 0) || !Number.isSafeInteger(amount)) throw new Error(`allocate: ${amount} is not a positive whole amount`);
    if (amount > this.outstandingOf(debit) || amount > this.outstandingOf(credit)) {
      throw new Error(`allocate: ${amount} is more than ${debit.id} or ${credit.id} has left`);
    }
    const allocation: LedgerAllocation = { debit, credit, amount };
    this.push(debit.id, allocation);
    this.push(credit.id, allocation);
    if (bump) {
      debit.version += 1;
      credit.version += 1;
      this.touch();
    } else {
      this.derived = null;
    }
  }

  /**
   * Settle the oldest outstanding debits (by due date, then date) with what is left of `credit`.
   * Returns the debits it settled.
   */
  allocateOldestFirst(credit: LedgerRow, bump = true): LedgerRow[] {
    const settled: LedgerRow[] = [];
    let left = this.outstandingOf(credit);
    if (left <= 0) return settled;
    for (const debit of this.openDebits()) {
      if (left <= 0) break;
      const take = Math.min(left, this.outstandingOf(debit));
      if (take <= 0) continue;
      this.allocate(debit, credit, take, bump);
      settled.push(debit);
      left -= take;
    }
    return settled;
  }

  /** Outstanding debits, oldest due first. */
  openDebits(): LedgerRow[] {
    return this.rows
      .filter((r) => r.void === null && isDebitAmount(r) && this.outstandingOf(r) > 0)
      .sort((a, b) => {
        const da = a.dueDate ?? a.date;
        const db = b.dueDate ?? b.date;
        return da < db ? -1 : da > db ? 1 : compareRows(a, b);
      });
  }

  /** Marks the row void and releases its allocations; returns the other rows those touched. */
  voidRow(row: LedgerRow, record: VoidRecord): LedgerRow[] {
    const released = this.allocationsOf.get(row.id) ?? [];
    const others: LedgerRow[] = [];
    for (const a of released) {
      const other = a.debit === row ? a.credit : a.debit;
      const list = this.allocationsOf.get(other.id)!;
      list.splice(list.indexOf(a), 1);
      other.version += 1;
      others.push(other);
    }
    this.allocationsOf.delete(row.id);
    row.void = record;
    row.version += 1;
    this.touch();
    return others;
  }

  // ----------------------------------------------------------------------------------------
  // Reading
  // ----------------------------------------------------------------------------------------

  isDebit(row: LedgerRow): boolean {
    return isDebitAmount(row);
  }

  allocated(row: LedgerRow): number {
    let sum = 0;
    for (const a of this.allocationsOf.get(row.id) ?? []) sum += a.amount;
    return sum;
  }

  /** What is left to settle (debit) or to allocate (credit); 0 when void. */
  outstandingOf(row: LedgerRow): number {
    if (row.void) return 0;
    return Math.abs(row.amount) - this.allocated(row);
  }

  statusOf(row: LedgerRow, outstanding = this.outstandingOf(row), asOf = this.today): LedgerStatus {
    if (row.void) return 'void';
    const whole = Math.abs(row.amount);
    if (outstanding === 0) return 'paid';
    if (isDebitAmount(row) && row.type === 'invoice' && row.dueDate !== null && row.dueDate < asOf) return 'overdue';
    return outstanding < whole ? 'part-paid' : 'open';
  }

  private compute(): Derived {
    if (this.derived) return this.derived;
    const n = this.rows.length;
    const balanceAfter = new Array<number>(n);
    const outstanding = new Array<number>(n);
    const status = new Array<LedgerStatus>(n);
    let balance = 0;
    this.index.clear();
    for (let i = 0; i < n; i++) {
      const row = this.rows[i]!;
      this.index.set(row, i);
      if (!row.void) balance += row.amount;
      balanceAfter[i] = balance;
      outstanding[i] = this.outstandingOf(row);
      status[i] = this.statusOf(row, outstanding[i]);
    }
    this.derived = { balanceAfter, outstanding, status, balance };
    return this.derived;
  }

  get balance(): number {
    return this.compute().balance;
  }

  /**
   * Outstanding amounts of invoices past due. Without `asOf`: now, every entry counted (entries
   * dated after the data set's today too); with it, as at the end of that day (statements).
   */
  overdue(asOf?: string): number {
    const day = asOf ?? this.today;
    let sum = 0;
    for (const row of this.rows) {
      if (row.void || row.type !== 'invoice' || row.dueDate === null || row.dueDate >= day || !isDebitAmount(row)) continue;
      sum += this.outstandingAsOf(row, asOf);
    }
    return sum;
  }

  /** Outstanding as at the end of day `asOf` (only allocations that took effect by then); without it, now. */
  outstandingAsOf(row: LedgerRow, asOf?: string): number {
    if (asOf === undefined) return this.outstandingOf(row);
    if (row.void || row.date > asOf) return 0;
    let sum = 0;
    for (const a of this.allocationsOf.get(row.id) ?? []) if (laterOf(a.debit.date, a.credit.date) <= asOf) sum += a.amount;
    return Math.abs(row.amount) - sum;
  }

  /** Outstanding debits by age, and credits not allocated: now (aged to the data set's today), or as at `asOf`. */
  aged(asOf?: string): { agedDebt: Record<keyof AgedDebt, number>; unallocatedCredit: number } {
    const agedDebt = { current: 0, days30: 0, days60: 0, days90Plus: 0 };
    let unallocatedCredit = 0;
    const day = asOf ?? this.today;
    for (const row of this.rows) {
      if (row.void || (asOf !== undefined && row.date > asOf)) continue;
      const left = this.outstandingAsOf(row, asOf);
      if (left === 0) continue;
      if (isDebitAmount(row)) agedDebt[ageBucket(row.date, day)] += left;
      else unallocatedCredit += left;
    }
    return { agedDebt, unallocatedCredit };
  }

  /** Balance at the end of day `asOf`. */
  balanceAsOf(asOf: string): number {
    let sum = 0;
    for (const row of this.rows) {
      if (row.date > asOf) break;
      if (!row.void) sum += row.amount;
    }
    return sum;
  }

  /** The public shape of a row. */
  entry(row: LedgerRow): LedgerEntry {
    const d = this.compute();
    const i = this.index.get(row)!;
    const money = (amountMinor: number) => ({ amountMinor, currency: this.currency });
    const allocations: Allocation[] = (this.allocationsOf.get(row.id) ?? []).map((a) => {
      const other = a.debit === row ? a.credit : a.debit;
      return { entryId: other.id, reference: other.reference, type: other.type, amount: money(a.amount), date: laterOf(a.debit.date, a.credit.date) };
    });
    return {
      id: row.id, customerId: row.customerId, version: row.version, type: row.type, date: row.date, reference: row.reference,
      description: row.description, net: money(row.net), vat: money(row.vat), amount: money(row.amount),
      outstanding: money(d.outstanding[i]!), dueDate: row.dueDate, status: d.status[i]!, orderId: row.orderId,
      orderNumber: row.orderNumber, balanceAfter: money(d.balanceAfter[i]!), allocations,
      lines: row.lines ?? this.lineSource(row), method: row.method, bankAccountId: row.bankAccountId,
      hasDocument: row.type === 'invoice' || row.type === 'credit-note', void: row.void, createdAt: row.createdAt, createdBy: row.createdBy,
    };
  }

  /** Rows matching the filters, oldest first (`asc`) or newest first. */
  query(filters: Omit<LedgerQuery, 'cursor' | 'offset' | 'limit'>): LedgerRow[] {
    const d = this.compute();
    const q = filters.q?.trim().toLowerCase();
    const out: LedgerRow[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      if (filters.type && row.type !== filters.type) continue;
      if (filters.status && d.status[i] !== filters.status) continue;
      if (filters.from && row.date < filters.from) continue;
      if (filters.to && row.date > filters.to) continue;
      if (filters.orderId && row.orderId !== filters.orderId) continue;
      if (q && !row.reference.toLowerCase().startsWith(q)) continue;
      out.push(row);
    }
    if (filters.order !== 'asc') out.reverse();
    return out;
  }

  statement(from: string, to: string, customer: { name: string; accountsReference: string | null }, generatedAt: string): Statement {
    const money = (amountMinor: number) => ({ amountMinor, currency: this.currency });
    const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    const opening = this.balanceAsOf(dayBefore);
    let debits = 0;
    let credits = 0;
    const entries: LedgerEntry[] = [];
    for (const row of this.rows) {
      if (row.date < from) continue;
      if (row.date > to) break;
      entries.push(this.entry(row));
      if (row.void) continue;
      if (row.amount > 0) debits += row.amount;
      else credits -= row.amount;
    }
    const { agedDebt, unallocatedCredit } = this.aged(to);
    return {
      customerId: this.customerId, customerName: customer.name, accountsReference: customer.accountsReference, from, to,
      currency: this.currency, openingBalance: money(opening), entries, debits: money(debits), credits: money(credits),
      closingBalance: money(opening + debits - credits),
      agedDebt: { current: money(agedDebt.current), days30: money(agedDebt.days30), days60: money(agedDebt.days60), days90Plus: money(agedDebt.days90Plus) },
      unallocatedCredit: money(unallocatedCredit), overdue: money(this.overdue(to)), generatedAt,
    };
  }

  private push(id: string, allocation: LedgerAllocation): void {
    const list = this.allocationsOf.get(id);
    if (list) list.push(allocation);
    else this.allocationsOf.set(id, [allocation]);
  }

  private touch(): void {
    this.version += 1;
    this.derived = null;
  }
}

/** The due date of an invoice raised at `invoicedAt` (ms) on these terms: prepay at once, 30 EOM from the month's end. */
export function dueDateFor(terms: { id: string; kind: 'prepay' | 'credit'; days: number | null } | undefined, invoicedAt: number): string {
  let due = invoicedAt;
  if (terms && terms.kind === 'credit' && terms.days !== null) {
    if (terms.id === 'pt_30_eom') {
      const d = new Date(invoicedAt);
      due = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) + terms.days * DAY;
    } else {
      due = invoicedAt + terms.days * DAY;
    }
  }
  return new Date(due).toISOString().slice(0, 10);
}

/**
 * Adds a posting to the book under `id` and `reference`, and allocates it as it asks: the oldest
 * debits first, the entries named (each as much as both sides have left, or the amount given), or
 * nothing. Returns the entry and the debits it settled.
 */
export function postToBook(book: LedgerBook, id: string, reference: string, posting: LedgerPosting): LedgerWrite {
  const row = book.add({
    id, customerId: book.customerId, type: posting.type, date: posting.date, reference, description: posting.description,
    net: posting.net, vat: posting.vat, amount: posting.amount, dueDate: posting.dueDate, orderId: posting.orderId,
    orderNumber: posting.orderNumber, lines: posting.lines, method: posting.method, bankAccountId: posting.bankAccountId,
    createdAt: posting.createdAt, createdBy: posting.createdBy,
  });
  const changed: LedgerRow[] = [];
  const a = posting.allocation;
  if (a.mode === 'oldest') {
    changed.push(...book.allocateOldestFirst(row));
  } else if (a.mode === 'chosen') {
    for (const item of a.items) {
      const debit = book.byId.get(item.entryId);
      if (!debit) throw new Error(`postToBook: no entry ${item.entryId} on ${book.customerId}`);
      const take = Math.min(item.amount ?? Number.POSITIVE_INFINITY, book.outstandingOf(debit), book.outstandingOf(row));
      if (take <= 0) continue;
      book.allocate(debit, row, take);
      if (!changed.includes(debit)) changed.push(debit);
    }
  }
  return { row, changed };
}
