/** Orders: the customer's list (cursor or offset paging) and the order actions with their business rules. */
import type { ChangeValue, FieldError, Money, Order, OrderListQuery } from '../../src/sdk/schemas.js';
import { bool, changed, date, members, money, num, textValue } from '../data/changes.js';
import { formatMoney, loadCustomer, loadOrder, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { readUpload } from './attachments.js';
import { invoiceOrder, refundToLedger, voidOrderInvoice } from './ledger.js';
import { paginate } from './paging.js';
import { HttpError, conflict, invalid } from './problem.js';
import { UnsupportedOrderQuery, type VirtualOrderQuery, type VirtualOrders } from '../data/virtual-orders.js';

const STATUS_NAMES: Record<Order['status'], string> = {
  unallocated: 'unallocated', allocated: 'allocated', dispatched: 'dispatched', cancelled: 'cancelled',
};

/** Copy, change, save: the stored order is never mutated in place, and the save bumps its version. */
function change(ctx: HandlerContext, order: Order, mutate: (copy: Order) => void): Order {
  const copy = structuredClone(order);
  mutate(copy);
  return ctx.db.saveOrder(copy);
}

const orderNote = (ctx: HandlerContext, order: Order, summary: string, field: string, from: ChangeValue | null, to: ChangeValue | null) =>
  systemNote(ctx, order.customerId, summary, [changed(`order.${field}`, from, to, order.number)]);

/**
 * A virtual customer's orders (computed by index, never held whole): what it cannot answer by
 * arithmetic is a 400 naming the field, never a wrong page (see `mocks/data/virtual-orders.ts`).
 */
function virtualRows(virtual: VirtualOrders, query: VirtualOrderQuery) {
  try {
    return virtual.rows(query);
  } catch (error) {
    if (!(error instanceof UnsupportedOrderQuery)) throw error;
    throw new HttpError(400, {
      type: 'unsupported-query',
      detail: error.message,
      errors: [{ field: error.field, message: error.message, code: 'unsupported' }],
    });
  }
}

export const orderResources = {
  'orders.list': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const { status, salesChannelId, q, sort, order, cursor, offset, limit } = ctx.query as OrderListQuery;
      const filters = { status, salesChannelId, q: q?.trim() || undefined, sort, order };
      const virtual = ctx.db.virtualOrders(customer.id);
      const rows = virtual ? virtualRows(virtual, filters) : ctx.db.ordersOf(customer.id, filters);
      return { body: paginate(rows, { cursor, offset, limit }, `orders:${customer.id}`, filters) };
    },
  },

  'orders.get': {
    handle: (ctx) => ({ body: loadOrder(ctx) }),
  },

  'orders.prioritise': {
    handle(ctx) {
      const order = loadOrder(ctx);
      const { priority } = ctx.body as { priority: boolean };
      if (order.status === 'dispatched' || order.status === 'cancelled') {
        throw conflict(`Order ${order.number} is ${STATUS_NAMES[order.status]}, so its priority cannot change.`);
      }
      if (order.priority === priority) return { body: order };
      const saved = change(ctx, order, (o) => { o.priority = priority; });
      orderNote(ctx, order, priority ? `Order ${order.number} prioritised` : `Order ${order.number} no longer prioritised`,
        'priority', bool(order.priority), bool(priority));
      return { body: saved };
    },
  },

  'orders.addTracking': {
    handle(ctx) {
      const order = loadOrder(ctx);
      const { carrier, code } = ctx.body as { carrier: string; code: string };
      if (order.status === 'cancelled') throw conflict(`Order ${order.number} is cancelled: it cannot be tracked.`);
      const saved = change(ctx, order, (o) => {
        o.tracking.push({ id: ctx.db.nextId('trk'), carrier, code, source: 'manual', addedAt: ctx.now });
      });
      orderNote(ctx, order, `Tracking code ${code} (${carrier}) added to order ${order.number}`, 'tracking', null, textValue(`${carrier} ${code}`));
      return { body: saved };
    },
  },

  'orders.cancel': {
    handle(ctx) {
      const order = loadOrder(ctx);
      const { reason } = (ctx.body ?? {}) as { reason?: string | null };
      if (order.status !== 'unallocated' && order.status !== 'allocated') {
        throw conflict(`Order ${order.number} is ${STATUS_NAMES[order.status]}: only unallocated or allocated orders can be cancelled.`);
      }
      const saved = change(ctx, order, (o) => {
        o.status = 'cancelled';
        o.cancelledAt = ctx.now;
        o.priority = false;
      });
      voidOrderInvoice(ctx, order, `Order ${order.number} cancelled${reason ? `: ${reason}` : ''}`);
      systemNote(ctx, order.customerId, `Order ${order.number} cancelled${reason ? `: ${reason}` : ''}`, [
        changed('order.status', members('orderStatus', [order.status]), members('orderStatus', ['cancelled']), order.number),
        changed('order.cancelledAt', null, date(ctx.now), order.number),
      ]);
      return { body: saved };
    },
  },

  'orders.runTriggers': {
    handle(ctx) {
      const order = loadOrder(ctx);
      const pending = order.triggers.filter((t) => t.status === 'pending');
      if (!pending.length) return { body: order };
      const saved = change(ctx, order, (o) => {
        for (const t of o.triggers) {
          if (t.status !== 'pending') continue;
          t.status = 'run';
          t.runAt = ctx.now;
          o.printHistory.push({ id: ctx.db.nextId('prn'), document: t.document, printedAt: ctx.now, by: ctx.actor });
        }
      });
      const names = pending.map((t) => t.name).join(', ');
      orderNote(ctx, order, `Order triggers run for order ${order.number}: ${names}`, 'triggers', null, textValue(names));
      return { body: saved };
    },
  },

  'orders.printInvoice': {
    handle(ctx) {
      const order = loadOrder(ctx);
      if (order.status === 'cancelled') throw conflict(`Order ${order.number} is cancelled: it has no invoice to print.`);
      // "M": a number issued by the mock, which can never clash with a seeded one.
      const invoiceNumber = order.invoiceNumber ?? `INV-M${ctx.db.nextId('inv').replace(/\D/g, '').padStart(6, '0')}`;
      const saved = change(ctx, order, (o) => {
        o.invoiceNumber = invoiceNumber;
        o.printHistory.push({ id: ctx.db.nextId('prn'), document: 'invoice', printedAt: ctx.now, by: ctx.actor });
      });
      // A first invoice for the order is raised in the account ledger too.
      invoiceOrder(ctx, saved);
      orderNote(ctx, order, `Invoice ${invoiceNumber} printed for order ${order.number}`, 'invoice', textValue(order.invoiceNumber), textValue(invoiceNumber));
      return { body: saved };
    },
  },

  'orders.refund': {
    handle(ctx) {
      const order = loadOrder(ctx);
      const input = ctx.body as { amount: Money; reason: string; method?: 'automatic' | 'manual' };
      const total = order.totals.total;
      const refundable = total.amountMinor - order.totals.refunded.amountMinor;
      const errors: FieldError[] = [];
      if (input.amount.currency !== total.currency) {
        errors.push({ field: 'amount.currency', message: `Refund in ${total.currency}, the currency of the order.`, code: 'invalid_value' });
      } else if (input.amount.amountMinor <= 0) {
        errors.push({ field: 'amount', message: 'Enter an amount greater than zero.', code: 'too_small' });
      } else if (input.amount.amountMinor > refundable) {
        errors.push({
          field: 'amount',
          message: `At most ${formatMoney({ amountMinor: Math.max(0, refundable), currency: total.currency })} can be refunded on this order.`,
          code: 'too_large',
        });
      }
      if (errors.length) throw invalid(errors);
      const saved = change(ctx, order, (o) => {
        o.refunds.push({
          id: ctx.db.nextId('ref'), amount: input.amount, reason: input.reason, method: input.method ?? 'manual',
          createdAt: ctx.now, by: ctx.actor,
        });
        o.totals.refunded = { amountMinor: o.totals.refunded.amountMinor + input.amount.amountMinor, currency: total.currency };
      });
      // A refund credits the customer's account: it lowers what they owe.
      refundToLedger(ctx, order, input.amount, input.reason);
      orderNote(ctx, order, `Refund of ${formatMoney(input.amount)} on order ${order.number}: ${input.reason}`, 'refund', null, money(input.amount));
      return { body: saved };
    },
  },

  'orders.return': {
    handle(ctx) {
      const order = loadOrder(ctx);
      const input = ctx.body as { lines: Array<{ lineId: string; quantity: number }>; reason: string };
      if (order.status !== 'dispatched') throw conflict(`Order ${order.number} is ${STATUS_NAMES[order.status]}: only dispatched goods can be returned.`);
      const errors: FieldError[] = [];
      const asked = new Map<string, number>();
      input.lines.forEach((line, i) => {
        const orderLine = order.lines.find((l) => l.id === line.lineId);
        if (!orderLine) {
          errors.push({ field: `lines.${i}.lineId`, message: 'This item is not on the order.', code: 'unknown_reference' });
          return;
        }
        const total = (asked.get(line.lineId) ?? 0) + line.quantity;
        asked.set(line.lineId, total);
        const returnable = orderLine.quantity - orderLine.returnedQuantity;
        if (total > returnable) {
          errors.push({
            field: `lines.${i}.quantity`,
            message: returnable === 0 ? 'Every one of these has already been returned.' : `At most ${returnable} of these can be returned.`,
            code: 'too_large',
          });
        }
      });
      if (errors.length) throw invalid(errors);
      const saved = change(ctx, order, (o) => {
        for (const l of o.lines) l.returnedQuantity += asked.get(l.id) ?? 0;
        o.returns.push({ id: ctx.db.nextId('ret'), lines: input.lines, reason: input.reason, createdAt: ctx.now, by: ctx.actor });
      });
      const count = input.lines.reduce((n, l) => n + l.quantity, 0);
      orderNote(ctx, order, `Return of ${count} item${count === 1 ? '' : 's'} entered on order ${order.number}: ${input.reason}`, 'return', null, num(count));
      return { body: saved };
    },
  },

  'orders.attach': {
    async handle(ctx) {
      const order = loadOrder(ctx);
      const upload = await readUpload(ctx);
      const stored = ctx.db.addAttachment({
        customerId: order.customerId, orderId: order.id, filename: upload.filename, contentType: upload.contentType,
        size: upload.content.byteLength, uploadedAt: ctx.now, uploadedBy: ctx.actor, content: upload.content,
      });
      const current = ctx.db.getOrder(order.id) ?? order;
      const saved = change(ctx, current, (o) => {
        if (!o.attachments.some((a) => a.id === stored.id)) {
          o.attachments.push({
            id: stored.id, customerId: stored.customerId, orderId: stored.orderId, filename: stored.filename,
            contentType: stored.contentType, size: stored.size, uploadedAt: stored.uploadedAt, uploadedBy: stored.uploadedBy,
          });
        }
      });
      orderNote(ctx, order, `${stored.filename} attached to order ${order.number}`, 'attachments', null, textValue(stored.filename));
      return { body: saved };
    },
  },
} satisfies Record<string, ResourceDef>;
