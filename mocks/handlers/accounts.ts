/** The customer's account (balance, credit, dispatch rule) and transactions (loyalty is in loyalty.ts). */
import { loadCustomer, type ResourceDef } from './context.js';
import { paginate, type PageQuery } from './paging.js';

export const accountResources = {
  'accounts.get': {
    handle: (ctx) => ({ body: ctx.db.account(loadCustomer(ctx).id) }),
  },

  'accounts.transactions': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { cursor, limit } = ctx.query as PageQuery;
      return { body: paginate(ctx.db.transactionsOf(customer.id), { cursor, limit }, `transactions:${customer.id}`, {}) };
    },
  },
} satisfies Record<string, ResourceDef>;
