/**
 * Loyalty points as history: every customer's points balance is the sum of dated entries (earned on
 * a dispatched order, spent against an order, adjusted by hand with a reason), so that a points
 * statement for any period reconciles: opening + earned − spent + adjusted = closing.
 *
 * The generated balance (`loadLoyalty`) comes first; the history behind it is made on first use from
 * the customer's own orders (deterministically: it depends on the orders and the balance only, never
 * on the order in which customers are read), so a data set of 100,000 orders pays nothing for it
 * until someone asks.
 */
import type { LoyaltyEntry, LoyaltySettings, LoyaltyStatement } from '../../src/sdk/schemas.js';
import { hashSeed } from './random.js';

/** The scheme the generated history was earned under (settings changed later never rewrite it). */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = {
  pointsPerPound: 1,
  pointValue: { amountMinor: 1, currency: 'GBP' },
  version: 1,
  updatedAt: null,
  updatedBy: null,
};

/** What the history needs of one dispatched order. */
export interface LoyaltyOrder {
  ordinal: number;
  id: string;
  number: string;
  placedAt: number;
  /** Order total in minor units. */
  total: number;
}

/** Points a dispatched order earns: whole pounds of its total times the rate. */
export function pointsFor(totalMinor: number, pointsPerPound: number): number {
  return Math.max(0, Math.floor(totalMinor / 100)) * pointsPerPound;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The history behind a balance, oldest first. Each dispatched order earns at the default rate; a
 * quarter of them also spend points (never more than the balance then held); whatever the orders
 * cannot explain is a carried-over opening balance on the day the customer was created, or points
 * spent on the last order.
 */
export function buildLoyaltyHistory(customerId: string, points: number, createdAt: string, orders: LoyaltyOrder[]): LoyaltyEntry[] {
  const sorted = [...orders].sort((a, b) => a.placedAt - b.placedAt || a.ordinal - b.ordinal);
  const earnedTotal = sorted.reduce((sum, o) => sum + pointsFor(o.total, DEFAULT_LOYALTY_SETTINGS.pointsPerPound), 0);
  const raw: Omit<LoyaltyEntry, 'balanceAfter'>[] = [];
  let seq = 0;
  const id = () => `lpt_${customerId.replace(/^cus_/, '')}_${++seq}`;
  const carried = Math.max(0, points - earnedTotal);
  if (carried > 0) {
    raw.push({ id: id(), date: createdAt, kind: 'adjustment', points: carried, orderId: null, orderNumber: null, reason: 'Balance carried over from the previous system' });
  }
  // Points to spend so that the history ends at `points`.
  let toSpend = Math.max(0, earnedTotal - points);
  let balance = carried;
  sorted.forEach((order, i) => {
    const earned = pointsFor(order.total, DEFAULT_LOYALTY_SETTINGS.pointsPerPound);
    const at = iso(order.placedAt);
    if (earned > 0) {
      raw.push({ id: id(), date: at, kind: 'earned', points: earned, orderId: order.id, orderNumber: order.number, reason: null });
      balance += earned;
    }
    const last = i === sorted.length - 1;
    const spendsHere = last || hashSeed(order.ordinal, 0x10ca1) % 4 === 0;
    if (!spendsHere || toSpend === 0) return;
    const spend = last ? toSpend : Math.min(toSpend, balance, 50 * (1 + (hashSeed(order.ordinal, 7) % 10)));
    if (spend <= 0) return;
    raw.push({ id: id(), date: at, kind: 'spent', points: -spend, orderId: order.id, orderNumber: order.number, reason: null });
    balance -= spend;
    toSpend -= spend;
  });
  let running = 0;
  return raw.map((entry) => {
    running += entry.points;
    return { ...entry, balanceAfter: running };
  });
}

/** The statement of a period (dates inclusive, compared on the entry's UTC day). */
export function loyaltyStatement(
  customerId: string,
  history: readonly LoyaltyEntry[],
  from: string,
  to: string,
  settings: LoyaltySettings,
): LoyaltyStatement {
  let opening = 0;
  let earned = 0;
  let spent = 0;
  let adjusted = 0;
  const entries: LoyaltyEntry[] = [];
  for (const entry of history) {
    const day = entry.date.slice(0, 10);
    if (day < from) {
      opening = entry.balanceAfter;
      continue;
    }
    if (day > to) continue;
    entries.push(entry);
    if (entry.kind === 'earned') earned += entry.points;
    else if (entry.kind === 'spent') spent -= entry.points;
    else adjusted += entry.points;
  }
  return {
    customerId, from, to, opening, earned, spent, adjusted,
    closing: opening + earned - spent + adjusted,
    pointValue: { ...settings.pointValue },
    entries,
  };
}
