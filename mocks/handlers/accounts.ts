/** The customer's account (balance, credit, dispatch rule), transactions, and loyalty points. */
import { changed, num } from '../data/changes.js';
import { loadCustomer, systemNote, type ResourceDef } from './context.js';
import { paginate, type PageQuery } from './paging.js';
import { conflict } from './problem.js';

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

  'loyalty.get': {
    handle: (ctx) => ({ body: ctx.db.loyaltyOf(loadCustomer(ctx).id) }),
  },

  'loyalty.adjust': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { delta, reason } = ctx.body as { delta: number; reason: string };
      const before = ctx.db.loyaltyOf(customer.id);
      const points = before.points + delta;
      if (points < 0) {
        throw conflict(`The balance is ${before.points} points, so at most ${before.points} can be taken off.`);
      }
      const saved = ctx.db.setLoyalty(customer.id, { customerId: customer.id, points, updatedAt: ctx.now });
      const signed = delta > 0 ? `+${delta}` : String(delta);
      systemNote(ctx, customer.id, `Loyalty points adjusted by ${signed} (${reason}): ${before.points} → ${points}`, [changed('loyaltyPoints', num(before.points), num(points), reason)]);
      return { body: saved };
    },
  },
} satisfies Record<string, ResourceDef>;
