/** The account ledger: entries, payments, manual invoices, credit notes, voids, statements and documents. */
import type { LedgerEntry, LedgerQuery, Transaction } from '../../src/sdk/schemas.js';
import { loadCustomer, type HandlerContext, type ResourceDef } from './context.js';
import { paginate } from './paging.js';
import { HttpError } from './problem.js';

const SYSTEM = { type: 'integration' as const, id: 'int_ledger', name: 'Ledger' };

/** First cut: the flat transactions seen as ledger entries (the generated ledger replaces this). */
function asEntry(tx: Transaction): LedgerEntry {
  const zero = { amountMinor: 0, currency: tx.amount.currency };
  return {
    id: tx.id, customerId: tx.customerId, version: 1, type: tx.kind, date: tx.date.slice(0, 10), reference: tx.reference,
    description: tx.reference, net: tx.amount, vat: zero, amount: tx.amount, outstanding: zero, dueDate: tx.dueDate,
    status: 'paid', orderId: null, orderNumber: null, balanceAfter: tx.balanceAfter, allocations: [], lines: [],
    method: null, bankAccountId: null, hasDocument: false, void: null, createdAt: tx.date, createdBy: SYSTEM,
  };
}

const notYet = (ctx: HandlerContext): never => {
  throw new HttpError(501, { detail: `${ctx.routeId} is not implemented by the reference API yet.` });
};

export const ledgerResources = {
  'accounts.ledger': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { cursor, offset, limit, ...filters } = ctx.query as LedgerQuery;
      const rows = ctx.db.transactionsOf(customer.id).map(asEntry);
      return { body: paginate(rows, { cursor, offset, limit }, `ledger:${customer.id}`, filters) };
    },
  },
  'accounts.entry': { handle: notYet },
  'accounts.pay': { handle: notYet },
  'accounts.invoice': { handle: notYet },
  'accounts.creditNote': { handle: notYet },
  'accounts.void': { handle: notYet, version: () => 1 },
  'accounts.statement': { handle: notYet },
  'accounts.statementCsv': { handle: notYet },
  'accounts.statementPdf': { handle: notYet },
  'accounts.document': { handle: notYet },
  'orders.document': { handle: notYet },
} satisfies Record<string, ResourceDef>;
