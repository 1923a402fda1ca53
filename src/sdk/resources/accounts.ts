import type { Core } from '../core.js';
import { paginate } from '../paginate.js';
import type {
  Account, AccountChange, CreditNoteInput, CustomerSummary, LedgerEntry, LedgerQuery, ManualInvoiceInput, Page,
  PaymentInput, Statement, StatementQuery, Transaction,
} from '../schemas.js';
import { tags } from '../tags.js';
import type { PageQuery } from './customers.js';
import type { IterateOptions, ReadOptions, VersionedWriteOptions, WriteOptions } from './types.js';

/** Options of a file download (not cached). */
export interface DownloadOptions {
  signal?: AbortSignal;
}

export function accountsResource(core: Core) {
  /**
   * A ledger write changes the balance, available credit and overdue everywhere they show: the
   * account summary (put as the server returned it), the ledger pages and statements (dropped, to
   * be read again), the balance in every cached search result (patched in place), and the notes
   * (the server wrote a system note).
   */
  function changed(customerId: string, change: AccountChange): AccountChange {
    const balance = change.account.balance;
    const patch = (value: unknown) => {
      const page = value as Page<CustomerSummary>;
      if (!page?.items?.some((item) => item.id === customerId)) return value;
      return { ...page, items: page.items.map((item) => (item.id === customerId ? { ...item, balance: { ...balance } } : item)) };
    };
    core.cache.update('customers.search', patch);
    core.cache.update('customers.subCustomers', patch);
    core.commit({
      put: [{ route: 'accounts.get', params: { customerId }, tags: [tags.account(customerId)], value: change.account }],
      invalidate: [tags.ledger(customerId), tags.notes(customerId)],
      touch: [tags.search(), tags.customer(customerId)],
    });
    return change;
  }

  return {
    /** Balance, credit limit, available credit, overdue, aged debt, and whether dispatch is blocked. */
    get(customerId: string, opts?: ReadOptions): Promise<Account> {
      return core.read('accounts.get', { customerId }, undefined, [tags.account(customerId)], opts);
    },
    /** One page of account transactions, newest first (needs `accounts.view`). Prefer `ledger`. */
    transactions(customerId: string, query: PageQuery = {}, opts?: ReadOptions): Promise<Page<Transaction>> {
      return core.read('accounts.transactions', { customerId }, query, [tags.account(customerId), tags.ledger(customerId)], opts);
    },
    /** Every account transaction (not cached). Prefer `ledgerAll`. */
    transactionsAll(customerId: string, query: Omit<PageQuery, 'cursor'> = {}, opts?: IterateOptions): AsyncIterable<Transaction> {
      return paginate(
        (cursor, signal) => core.call('accounts.transactions', { customerId }, { query: { ...query, cursor }, signal }),
        opts?.signal,
      );
    },

    /** One page of the ledger: filter by type, status, dates, order; cursor or offset paging (needs `accounts.view`). */
    ledger(customerId: string, query: LedgerQuery = {}, opts?: ReadOptions): Promise<Page<LedgerEntry>> {
      return core.read('accounts.ledger', { customerId }, query, [tags.ledger(customerId)], opts);
    },
    /** Every ledger entry matching the query, following cursors (not cached). */
    ledgerAll(customerId: string, query: Omit<LedgerQuery, 'cursor' | 'offset'> = {}, opts?: IterateOptions): AsyncIterable<LedgerEntry> {
      return paginate(
        (cursor, signal) => core.call('accounts.ledger', { customerId }, { query: { ...query, cursor }, signal }),
        opts?.signal,
      );
    },
    /** One ledger entry, with its version (for `void`). */
    entry(customerId: string, entryId: string, opts?: ReadOptions): Promise<LedgerEntry> {
      return core.read('accounts.entry', { customerId, entryId }, undefined, [tags.ledger(customerId)], opts);
    },

    /** Enter a payment: allocated to `allocations` in order, or oldest first without them; the rest stays on account. */
    async enterPayment(customerId: string, body: PaymentInput, opts?: WriteOptions): Promise<AccountChange> {
      const change = await core.call('accounts.pay', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      return changed(customerId, change);
    },
    /** Raise a manual invoice; the server computes the totals (VAT per line, see `invoiceTotals`). */
    async createInvoice(customerId: string, body: ManualInvoiceInput, opts?: WriteOptions): Promise<AccountChange> {
      const change = await core.call('accounts.invoice', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      return changed(customerId, change);
    },
    /** Raise a credit note against an invoice (`invoiceId`) or on account. */
    async createCreditNote(customerId: string, body: CreditNoteInput, opts?: WriteOptions): Promise<AccountChange> {
      const change = await core.call('accounts.creditNote', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      return changed(customerId, change);
    },
    /**
     * Void an entry with a reason: it stays in the ledger with no effect. `version` is the entry's
     * version as read; a stale one rejects with a ConflictError.
     */
    async void(customerId: string, entryId: string, reason: string, opts: VersionedWriteOptions): Promise<AccountChange> {
      const change = await core.call('accounts.void', { customerId, entryId }, { body: { reason }, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      return changed(customerId, change);
    },

    /** A statement for a period (cached; dropped by every ledger write). */
    statement(customerId: string, query: StatementQuery, opts?: ReadOptions): Promise<Statement> {
      return core.read('accounts.statement', { customerId }, query, [tags.ledger(customerId)], opts);
    },
    /** The statement as CSV (a `text/csv` Blob, not cached). */
    statementCsv(customerId: string, query: StatementQuery, opts?: DownloadOptions): Promise<Blob> {
      return core.call('accounts.statementCsv', { customerId }, { query, signal: opts?.signal });
    },
    /** The statement as a PDF Blob (not cached). */
    statementPdf(customerId: string, query: StatementQuery, opts?: DownloadOptions): Promise<Blob> {
      return core.call('accounts.statementPdf', { customerId }, { query, signal: opts?.signal });
    },
    /** An invoice or credit note as a PDF Blob (not cached). */
    document(customerId: string, entryId: string, opts?: DownloadOptions): Promise<Blob> {
      return core.call('accounts.document', { customerId, entryId }, { signal: opts?.signal });
    },
  };
}
