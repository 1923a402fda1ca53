import type { Core } from '../core.js';
import { paginate } from '../paginate.js';
import type { Account, Page, Transaction } from '../schemas.js';
import { tags } from '../tags.js';
import type { PageQuery } from './customers.js';
import type { IterateOptions, ReadOptions } from './types.js';

export function accountsResource(core: Core) {
  return {
    /** Balance, credit limit, available credit, overdue amount and whether dispatch is blocked. */
    get(customerId: string, opts?: ReadOptions): Promise<Account> {
      return core.read('accounts.get', { customerId }, undefined, [tags.account(customerId)], opts);
    },
    /** One page of account transactions, newest first (needs `accounts.view`). */
    transactions(customerId: string, query: PageQuery = {}, opts?: ReadOptions): Promise<Page<Transaction>> {
      return core.read('accounts.transactions', { customerId }, query, [tags.account(customerId)], opts);
    },
    /** Every account transaction (not cached). */
    transactionsAll(customerId: string, query: Omit<PageQuery, 'cursor'> = {}, opts?: IterateOptions): AsyncIterable<Transaction> {
      return paginate(
        (cursor, signal) => core.call('accounts.transactions', { customerId }, { query: { ...query, cursor }, signal }),
        opts?.signal,
      );
    },
  };
}
