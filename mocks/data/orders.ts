/**
 * Orders generated from their ordinal alone: the summary numbers (quantity, total) and the full
 * detail come from the same per-order PRNG stream, so `getOrder` can materialise any order on first
 * access, in any order, and always produce the same record.
 */
import type { Actor, Order, OrderStatus, OrderSummary } from '../../src/sdk/schemas.js';
import * as ids from './identifiers.js';
import type { ChannelKind } from './identifiers.js';
import { DAY, Rng, hashSeed, iso, pad } from './random.js';
import { SEASON } from './reference.js';
import { VAT_RATE_BASIS_POINTS, vatOf } from '../../src/sdk/vat.js';
import { PRODUCTS, REFUND_REASONS, RETURN_REASONS } from './words.js';

export const ORDER_FLAG_TAX_FREE = 1;
export const ORDER_FLAG_TRADE = 2;

const LINE_COUNTS = [[1, 5], [2, 3], [3, 2], [4, 1]] as const;
const TRADE_QUANTITIES = [6, 6, 12, 12, 24, 36] as const;
const RETAIL_QUANTITIES = [[1, 8], [2, 3], [3, 1]] as const;
const SHIPPING = [395, 495, 995] as const;
const OLD_STATUSES = [['dispatched', 88], ['cancelled', 7], ['allocated', 3], ['unallocated', 2]] as const;
const RECENT_STATUSES = [['unallocated', 35], ['allocated', 30], ['dispatched', 30], ['cancelled', 5]] as const;

const NO_LINES: OrderCore['lines'] = [];

export interface OrderCore {
  lines: { product: number; quantity: number; unitPrice: number }[];
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  quantity: number;
}

/**
 * Lines and totals of order `n`: subtotal + shipping + tax = total, VAT at 20% per line (and on
 * delivery) unless tax-free.
 * Pass `lines` to receive the lines; summaries need only the totals, so they skip building them.
 */
export function orderCore(seed: number, n: number, flags: number, lines?: OrderCore['lines']): OrderCore {
  const rng = new Rng(hashSeed(seed, n, 1));
  const trade = (flags & ORDER_FLAG_TRADE) !== 0;
  const count = rng.weighted(LINE_COUNTS);
  const rate = (flags & ORDER_FLAG_TAX_FREE) !== 0 ? 0 : VAT_RATE_BASIS_POINTS.standard;
  let subtotal = 0;
  let quantity = 0;
  let tax = 0;
  for (let i = 0; i < count; i++) {
    const product = rng.int(0, PRODUCTS.length - 1);
    const q = trade ? rng.pick(TRADE_QUANTITIES) : rng.weighted(RETAIL_QUANTITIES);
    const unitPrice = trade ? Math.round(PRODUCTS[product]!.price * 0.5) : PRODUCTS[product]!.price;
    lines?.push({ product, quantity: q, unitPrice });
    subtotal += q * unitPrice;
    quantity += q;
    // VAT per line, as the invoice shows it (see src/sdk/vat.ts).
    tax += vatOf(q * unitPrice, rate);
  }
  const shipping = trade ? (subtotal >= 30_000 ? 0 : 1_500) : subtotal >= 5_000 ? 0 : rng.pick(SHIPPING);
  tax += vatOf(shipping, rate);
  return { lines: lines ?? NO_LINES, subtotal, shipping, tax, total: subtotal + shipping + tax, quantity };
}

const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });

export interface SummarySpec {
  customerId: string;
  placedAt: number;
  status: OrderStatus;
  salesChannelId: string;
  priority: boolean;
}

export function makeSummary(seed: number, n: number, flags: number, spec: SummarySpec): OrderSummary {
  const core = orderCore(seed, n, flags);
  return {
    id: ids.orderId(n),
    customerId: spec.customerId,
    version: 1,
    number: ids.orderNumber(n),
    placedAt: iso(spec.placedAt),
    quantity: core.quantity,
    total: gbp(core.total),
    status: spec.status,
    salesChannelId: spec.salesChannelId,
    priority: spec.priority,
  };
}

/** The status an order of this age has, most old orders having been dispatched. */
export function statusForAge(rng: Rng, ageDays: number): OrderStatus {
  return rng.weighted(ageDays > 14 ? OLD_STATUSES : RECENT_STATUSES);
}

export interface OrderIdentifiers {
  orderNumber: string;
  orderReference: string;
  externalOrderReference: string | null;
  amazonOrderId: string | null;
  invoiceNumber: string | null;
  dispatchId: string | null;
  trackingNumber: string[];
}

/** The identifiers a freshly generated order carries, from its ordinal and birth status. */
export function derivedIdentifiers(n: number, status: OrderStatus, channel: ChannelKind): OrderIdentifiers {
  const dispatched = status === 'dispatched';
  return {
    orderNumber: ids.orderNumber(n),
    orderReference: ids.orderReference(n),
    externalOrderReference: ids.externalReference(n, channel),
    amazonOrderId: channel === 'amazon' ? ids.amazonOrderId(n) : null,
    invoiceNumber: status === 'allocated' || dispatched ? ids.invoiceNumber(n) : null,
    dispatchId: dispatched ? ids.dispatchId(n) : null,
    trackingNumber: dispatched ? [ids.labelTracking(n).code] : [],
  };
}

/** One identifier of `derivedIdentifiers`, without making the others (search verifies just one). */
export function derivedIdentifier(n: number, kind: keyof OrderIdentifiers, status: OrderStatus, channel: ChannelKind): string | string[] | null {
  const dispatched = status === 'dispatched';
  switch (kind) {
    case 'orderNumber':
      return ids.orderNumber(n);
    case 'orderReference':
      return ids.orderReference(n);
    case 'externalOrderReference':
      return ids.externalReference(n, channel);
    case 'amazonOrderId':
      return channel === 'amazon' ? ids.amazonOrderId(n) : null;
    case 'invoiceNumber':
      return status === 'allocated' || dispatched ? ids.invoiceNumber(n) : null;
    case 'dispatchId':
      return dispatched ? ids.dispatchId(n) : null;
    case 'trackingNumber':
      return dispatched ? [ids.labelTracking(n).code] : [];
  }
}

export function identifiersOfOrder(order: Order): OrderIdentifiers {
  return {
    orderNumber: order.number,
    orderReference: order.reference,
    externalOrderReference: order.externalReference,
    amazonOrderId: order.amazonOrderId,
    invoiceNumber: order.invoiceNumber,
    dispatchId: order.dispatchId,
    trackingNumber: order.tracking.map((t) => t.code),
  };
}

export interface DetailContext {
  seed: number;
  staff: readonly Actor[];
}

/** The full order, from the summary it was born with. */
export function materialiseOrder(ctx: DetailContext, n: number, summary: OrderSummary, flags: number, channel: ChannelKind): Order {
  const core = orderCore(ctx.seed, n, flags, []);
  const rng = new Rng(hashSeed(ctx.seed, n, 2));
  const key = pad(n + 1, 7);
  const placed = Date.parse(summary.placedAt);
  const status = summary.status;
  const identifiers = derivedIdentifiers(n, status, channel);
  const staff = () => rng.pick(ctx.staff);

  const lines: Order['lines'] = core.lines.map((l, i) => ({
    id: `oln_${key}_${i + 1}`,
    sku: PRODUCTS[l.product]!.sku,
    description: PRODUCTS[l.product]!.description,
    quantity: l.quantity,
    unitPrice: gbp(l.unitPrice),
    total: gbp(l.unitPrice * l.quantity),
    returnedQuantity: 0,
  }));

  const allocatedAt = placed + rng.int(1, 20) * 3_600_000;
  const dispatchedAt = allocatedAt + rng.int(2, 40) * 3_600_000;
  const tracking: Order['tracking'] = [];
  const printHistory: Order['printHistory'] = [];
  const triggers: Order['triggers'] = [];
  const refunds: Order['refunds'] = [];
  const returns: Order['returns'] = [];

  const trigger = (i: number, name: string, document: Order['triggers'][number]['document'], runAt: number | null) =>
    triggers.push({ id: `otr_${key}_${i}`, name, document, status: runAt === null ? 'pending' : 'run', runAt: runAt === null ? null : iso(runAt) });

  if (status === 'unallocated') {
    trigger(1, 'Pick list on allocation', 'pick-list', null);
    trigger(2, 'Invoice on allocation', 'invoice', null);
  } else if (status === 'allocated') {
    trigger(1, 'Pick list on allocation', 'pick-list', allocatedAt);
    trigger(2, 'Invoice on allocation', 'invoice', allocatedAt);
    trigger(3, 'Courier label on dispatch', 'label', null);
    printHistory.push({ id: `prn_${key}_1`, document: 'pick-list', printedAt: iso(allocatedAt), by: staff() });
  } else if (status === 'dispatched') {
    trigger(1, 'Pick list on allocation', 'pick-list', allocatedAt);
    trigger(2, 'Invoice on allocation', 'invoice', allocatedAt);
    trigger(3, 'Courier label on dispatch', 'label', dispatchedAt);
    const by = staff();
    printHistory.push(
      { id: `prn_${key}_1`, document: 'pick-list', printedAt: iso(allocatedAt), by },
      { id: `prn_${key}_2`, document: 'invoice', printedAt: iso(allocatedAt + 60_000), by },
      { id: `prn_${key}_3`, document: 'packing-slip', printedAt: iso(dispatchedAt - 600_000), by },
      { id: `prn_${key}_4`, document: 'label', printedAt: iso(dispatchedAt), by },
    );
    const label = ids.labelTracking(n);
    tracking.push({ id: `trk_${key}_1`, carrier: label.carrier, code: label.code, source: 'label', addedAt: iso(dispatchedAt) });
    if (rng.bool(0.05)) {
      const amount = Math.min(core.total, Math.max(100, Math.round(core.total * rng.pick([0.1, 0.25, 0.5, 1]))));
      refunds.push({
        id: `rfd_${key}_1`, amount: gbp(amount), reason: rng.pick(REFUND_REASONS), method: rng.pick(['automatic', 'manual'] as const),
        createdAt: iso(dispatchedAt + rng.int(2, 10) * DAY), by: staff(),
      });
    }
    if (rng.bool(0.04)) {
      const line = lines[0]!;
      line.returnedQuantity = 1;
      returns.push({ id: `ret_${key}_1`, lines: [{ lineId: line.id, quantity: 1 }], reason: rng.pick(RETURN_REASONS), createdAt: iso(dispatchedAt + rng.int(3, 20) * DAY), by: staff() });
    }
  }
  const refunded = refunds.reduce((sum, r) => sum + r.amount.amountMinor, 0);

  return {
    ...summary,
    reference: identifiers.orderReference,
    externalReference: identifiers.externalOrderReference,
    amazonOrderId: identifiers.amazonOrderId,
    invoiceNumber: identifiers.invoiceNumber,
    dispatchId: identifiers.dispatchId,
    seasonId: rng.bool(0.04) ? rng.pick([SEASON.christmas, SEASON.ss27, SEASON.aw27]) : null,
    lines,
    totals: { subtotal: gbp(core.subtotal), shipping: gbp(core.shipping), tax: gbp(core.tax), total: gbp(core.total), refunded: gbp(refunded) },
    tracking,
    printHistory,
    triggers,
    refunds,
    returns,
    attachments: [],
    cancelledAt: status === 'cancelled' ? iso(placed + rng.int(1, 48) * 3_600_000) : null,
  };
}
