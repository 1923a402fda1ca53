/** Loyalty: a customer's points (balance, adjustments, statement) and the shop-wide settings. */
import { changed, num } from '../data/changes.js';
import { loyaltyStatement } from '../data/loyalty.js';
import { loadCustomer, systemNote, type ResourceDef } from './context.js';
import { conflict, HttpError } from './problem.js';

/** The day a year before an ISO date (29 February goes to 1 March). */
function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const loyaltyResources = {
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
      const { loyalty } = ctx.db.adjustLoyalty(customer.id, { points: delta, reason, at: ctx.now });
      const signed = delta > 0 ? `+${delta}` : String(delta);
      systemNote(ctx, customer.id, `Loyalty points adjusted by ${signed} (${reason}): ${before.points} → ${points}`, [changed('loyaltyPoints', num(before.points), num(points), reason)]);
      return { body: loyalty };
    },
  },

  'loyalty.statement': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const query = ctx.query as { from?: string; to?: string };
      const to = query.to ?? ctx.now.slice(0, 10);
      const from = query.from ?? yearBefore(to);
      if (from > to) {
        throw new HttpError(400, { type: 'invalid-query', detail: 'Some query parameters are not valid.', errors: [{ field: 'from', message: 'The period must start on or before its last day.', code: 'invalid_range' }] });
      }
      const history = ctx.db.loyaltyHistoryOf(customer.id);
      return { body: loyaltyStatement(customer.id, history, from, to, ctx.db.loyaltySettings()) };
    },
  },

  'loyalty.settings': {
    handle: (ctx) => ({ body: ctx.db.loyaltySettings() }),
  },

  'loyalty.updateSettings': {
    version: (ctx) => ctx.db.loyaltySettings().version,
    handle(ctx) {
      const input = ctx.body as { pointsPerPound: number; pointValue: { amountMinor: number; currency: string } };
      const before = ctx.db.loyaltySettings();
      if (before.pointsPerPound === input.pointsPerPound && before.pointValue.amountMinor === input.pointValue.amountMinor && before.pointValue.currency === input.pointValue.currency) {
        return { body: before };
      }
      const saved = ctx.db.setLoyaltySettings({ ...input, updatedAt: ctx.now, updatedBy: ctx.actor.name });
      return { body: saved };
    },
  },
} satisfies Record<string, ResourceDef>;
