/**
 * Order entry on the reference API: the catalogue and product search, trade discounts, quotes,
 * placing an order (allocation, the payment-terms rule, season pre-orders) and editing one.
 */
import type { FieldError, Order } from '../../src/sdk/schemas.js';
import type { TradeDiscounts, DiscountsInput, DraftLine, OrderInput, OrderPatch, Quote, QuoteInput } from '../../src/sdk/schemas-catalogue.js';
import {
  allocate, catalogueInfo, catalogueOf, discountsOf, freeStock, release, searchProducts, toProduct, unitPriceOf,
  type Allocation, type CatalogueState,
} from '../data/catalogue.js';
import { changed, members, money } from '../data/changes.js';
import type { CustomerRecord } from '../data/database.js';
import { formatMoney, loadCustomer, loadOrder, param, systemNote, type HandlerContext, type ResourceDef } from './context.js';
import { paginate } from './paging.js';
import { HttpError, conflict, invalid, notFound } from './problem.js';

const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });

const STATUS_WORDS: Record<Order['status'], string> = {
  unallocated: 'unallocated', allocated: 'allocated', dispatched: 'has been dispatched', cancelled: 'has been cancelled',
};

interface Priced {
  quote: Quote;
  /** Per line: the stored product's SKU and what to allocate. */
  lines: { sku: string; name: string; quantity: number; allocate: number }[];
}

function priceListOf(ctx: HandlerContext, customer: CustomerRecord): string {
  return ctx.db.reference.salesChannels.find((c) => c.id === customer.salesChannelId)?.priceList ?? 'Retail';
}

function checkSeason(ctx: HandlerContext, seasonId: string | null, field = 'seasonId'): void {
  if (!seasonId) return;
  const season = ctx.db.reference.seasons.find((s) => s.id === seasonId);
  if (!season) throw invalid([{ field, message: 'Choose one of the seasons offered.', code: 'unknown_reference' }]);
  if (season.endsOn < ctx.now.slice(0, 10)) {
    throw invalid([{ field, message: `${season.name} has ended: orders for it are closed.`, code: 'closed' }]);
  }
}

/** Price a draft for a customer: list prices, discounts, VAT, shipping, allocation, where it goes. */
function price(ctx: HandlerContext, state: CatalogueState, customer: CustomerRecord, draft: DraftLine[], seasonId: string | null, orderId: string | null): Priced {
  const priceList = priceListOf(ctx, customer);
  const discounts = discountsOf(state, customer.id);
  const errors: FieldError[] = [];
  const taken = new Map<string, number>();
  const quoteLines: Quote['lines'] = [];
  const lines: Priced['lines'] = [];
  let subtotal = 0;
  let listTotal = 0;
  let tax = 0;
  draft.forEach((line, i) => {
    const product = state.bySku.get(line.sku.trim());
    if (!product) {
      errors.push({ field: `lines.${i}.sku`, message: `No product has the SKU ${line.sku}.`, code: 'unknown_reference' });
      return;
    }
    const listPrice = unitPriceOf(product, priceList, seasonId);
    const fixed = discounts.prices.find((p) => p.sku === product.sku);
    const group = discounts.groups.find((g) => g.groupId === product.groupId);
    let unit = listPrice;
    let discount: Quote['lines'][number]['discount'] = null;
    if (fixed) {
      unit = fixed.unitPrice.amountMinor;
      discount = { kind: 'sku', percent: null };
    } else if (group) {
      unit = Math.round(listPrice * (1 - group.percent / 100));
      discount = { kind: 'group', percent: group.percent };
    }
    const available = freeStock(state, product, orderId).reduce((a, b) => a + b, 0);
    const already = taken.get(product.sku) ?? 0;
    const allocated = seasonId ? 0 : Math.max(0, Math.min(line.quantity, available - already));
    taken.set(product.sku, already + allocated);
    const total = unit * line.quantity;
    subtotal += total;
    listTotal += listPrice * line.quantity;
    if (!customer.vatExempt) tax += Math.round((total * product.vatRate) / 10_000);
    quoteLines.push({
      sku: product.sku, name: product.name, quantity: line.quantity, listPrice: gbp(listPrice), unitPrice: gbp(unit), discount,
      total: gbp(total), available, allocated,
    });
    lines.push({ sku: product.sku, name: product.name, quantity: line.quantity, allocate: allocated });
  });
  if (errors.length) throw invalid(errors, 'Some lines name products the catalogue does not have.');
  const trade = customer.type !== 'public';
  const shipping = subtotal === 0 ? 0 : trade ? (subtotal >= 30_000 ? 0 : 1_500) : subtotal >= 5_000 ? 0 : 395;
  if (!customer.vatExempt) tax += Math.round(shipping * 0.2);
  const terms = ctx.db.reference.paymentTerms.find((t) => t.id === customer.paymentTermsId);
  return {
    quote: {
      customerId: customer.id, priceList, seasonId, lines: quoteLines,
      totals: { subtotal: gbp(subtotal), discount: gbp(listTotal - subtotal), shipping: gbp(shipping), tax: gbp(tax), total: gbp(subtotal + shipping + tax) },
      dispatch: seasonId ? 'season' : terms?.blocksDispatchUntilPaid ? 'awaiting-payment' : 'queue',
      paymentTermsId: customer.paymentTermsId,
    },
    lines,
  };
}

function checkAddress(ctx: HandlerContext, customerId: string, id: string | undefined, field: string, errors: FieldError[]): void {
  if (id === undefined) return;
  const address = ctx.db.getAddress(id);
  if (!address || address.customerId !== customerId) {
    errors.push({ field, message: 'Choose an address from this customer\u2019s address book.', code: 'unknown_reference' });
  }
}

/** Allocate the priced lines; returns the order's lines and its allocations. */
function allocateLines(state: CatalogueState, priced: Priced, makeId: (i: number) => string) {
  const allocations: Allocation[] = [];
  const lines: Order['lines'] = priced.quote.lines.map((q, i) => {
    const product = state.bySku.get(q.sku)!;
    const want = priced.lines[i]!.allocate;
    const got = want > 0 ? allocate(state, product, want) : [];
    allocations.push(...got);
    return {
      id: makeId(i), sku: q.sku, description: q.name, quantity: q.quantity, unitPrice: q.unitPrice, total: q.total,
      returnedQuantity: 0, listPrice: q.listPrice, allocatedQuantity: got.reduce((n, a) => n + a.quantity, 0),
    };
  });
  return { lines, allocations };
}

function statusOf(lines: Order['lines'], seasonId: string | null): Order['status'] {
  if (seasonId) return 'unallocated';
  return lines.every((l) => (l.allocatedQuantity ?? 0) >= l.quantity) ? 'allocated' : 'unallocated';
}

function holdOf(priced: Priced): Order['hold'] {
  return priced.quote.dispatch === 'season' ? 'season' : priced.quote.dispatch === 'awaiting-payment' ? 'payment' : null;
}

export const catalogueResources = {
  'catalogue.get': { handle: () => ({ body: catalogueInfo() }) },

  'products.search': {
    handle(ctx) {
      const state = catalogueOf(ctx.db);
      const { q, groupId, cursor, offset, limit } = ctx.query as { q?: string; groupId?: string; cursor?: string; offset?: number; limit?: number };
      const rows = searchProducts(state, q, groupId);
      const page = paginate(rows, { cursor, offset, limit: limit ?? 20 }, 'products', { q: q?.trim() ?? '', groupId });
      return { body: { ...page, items: page.items.map((p) => toProduct(state, p)) } };
    },
  },

  'products.get': {
    handle(ctx) {
      const state = catalogueOf(ctx.db);
      const sku = param(ctx, 'sku');
      const product = state.bySku.get(sku);
      if (!product) throw notFound('product', sku);
      return { body: toProduct(state, product) };
    },
  },

  'discounts.get': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      return { body: discountsOf(catalogueOf(ctx.db), customer.id) };
    },
  },

  'discounts.set': {
    version: (ctx) => discountsOf(catalogueOf(ctx.db), loadCustomer(ctx).id).version,
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const state = catalogueOf(ctx.db);
      const input = ctx.body as DiscountsInput;
      const errors: FieldError[] = [];
      const groups = new Set<string>();
      input.groups.forEach((g, i) => {
        if (!catalogueInfo().groups.some((known) => known.id === g.groupId)) {
          errors.push({ field: `groups.${i}.groupId`, message: 'Choose one of the product groups.', code: 'unknown_reference' });
        } else if (groups.has(g.groupId)) errors.push({ field: `groups.${i}.groupId`, message: 'This group already has a discount.', code: 'duplicate' });
        groups.add(g.groupId);
      });
      const skus = new Set<string>();
      input.prices.forEach((p, i) => {
        if (!state.bySku.has(p.sku)) errors.push({ field: `prices.${i}.sku`, message: `No product has the SKU ${p.sku}.`, code: 'unknown_reference' });
        else if (skus.has(p.sku)) errors.push({ field: `prices.${i}.sku`, message: 'This SKU already has a price.', code: 'duplicate' });
        else if (p.unitPrice.currency !== 'GBP') errors.push({ field: `prices.${i}.unitPrice.currency`, message: 'Prices are in GBP.', code: 'invalid_value' });
        skus.add(p.sku);
      });
      if (errors.length) throw invalid(errors);
      const before = discountsOf(state, customer.id);
      const saved: TradeDiscounts = {
        customerId: customer.id, version: before.version + 1,
        groups: input.groups.map((g) => ({ ...g })), prices: input.prices.map((p) => ({ sku: p.sku, unitPrice: { ...p.unitPrice } })),
      };
      state.discounts.set(customer.id, saved);
      systemNote(ctx, customer.id, `Trade discounts changed: ${saved.groups.length} by product group, ${saved.prices.length} fixed prices`, []);
      return { body: saved };
    },
  },

  'orders.quote': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as QuoteInput;
      const seasonId = input.seasonId ?? null;
      checkSeason(ctx, seasonId);
      let orderId: string | null = null;
      if (input.orderId) {
        const order = ctx.db.getOrder(input.orderId);
        if (!order || order.customerId !== customer.id) throw invalid([{ field: 'orderId', message: 'This order is not one of this customer\u2019s.', code: 'unknown_reference' }]);
        orderId = order.id;
      }
      return { body: price(ctx, catalogueOf(ctx.db), customer, input.lines, seasonId, orderId).quote };
    },
  },

  'orders.place': {
    handle(ctx) {
      const customer = loadCustomer(ctx);
      const input = ctx.body as OrderInput;
      if (customer.onHold) throw conflict(`${customer.name} is on hold: no new orders can be placed until the hold is lifted.`);
      const seasonId = input.seasonId ?? null;
      checkSeason(ctx, seasonId);
      const errors: FieldError[] = [];
      checkAddress(ctx, customer.id, input.deliveryAddressId, 'deliveryAddressId', errors);
      checkAddress(ctx, customer.id, input.billingAddressId, 'billingAddressId', errors);
      if (errors.length) throw invalid(errors);
      const state = catalogueOf(ctx.db);
      const priced = price(ctx, state, customer, input.lines, seasonId, null);
      const key = ctx.db.nextId('oln');
      const { lines, allocations } = allocateLines(state, priced, (i) => `${key}_${i + 1}`);
      const t = priced.quote.totals;
      const hold = holdOf(priced);
      const order = ctx.db.createOrder({
        customerId: customer.id, placedAt: ctx.now, quantity: lines.reduce((n, l) => n + l.quantity, 0), total: t.total,
        status: statusOf(lines, seasonId), salesChannelId: customer.salesChannelId, priority: false,
        reference: input.reference?.trim() || `CCP-M${key.replace(/\D/g, '')}`, externalReference: null, amazonOrderId: null,
        invoiceNumber: null, dispatchId: null, seasonId, lines,
        totals: { subtotal: t.subtotal, shipping: t.shipping, tax: t.tax, total: t.total, refunded: gbp(0) },
        tracking: [], printHistory: [], triggers: [], refunds: [], returns: [], attachments: [], cancelledAt: null,
        hold, deliveryAddressId: input.deliveryAddressId, billingAddressId: input.billingAddressId,
      });
      state.allocations.set(order.id, allocations);
      if (hold) state.holds.set(order.id, hold);
      const waits = hold === 'payment' ? ', waiting for payment before despatch' : hold === 'season' ? ', a pre-order for its season' : '';
      systemNote(ctx, customer.id, `Order ${order.number} placed for ${formatMoney(t.total)}${waits}`, [
        changed('order.status', null, members('orderStatus', [order.status]), order.number),
      ]);
      return { body: order, status: 201, headers: { Location: `${ctx.baseUrl}/orders/${order.id}` } };
    },
  },

  'orders.update': {
    version: (ctx) => loadOrder(ctx).version,
    handle(ctx) {
      const order = loadOrder(ctx);
      const patch = ctx.body as OrderPatch;
      if (order.status === 'dispatched' || order.status === 'cancelled') {
        throw new HttpError(409, {
          type: 'order-closed',
          detail: `Order ${order.number} ${STATUS_WORDS[order.status]}, so it can no longer be changed.`,
        });
      }
      const customer = ctx.db.getCustomer(order.customerId);
      if (!customer) throw notFound('customer', order.customerId);
      const errors: FieldError[] = [];
      checkAddress(ctx, customer.id, patch.deliveryAddressId, 'deliveryAddressId', errors);
      checkAddress(ctx, customer.id, patch.billingAddressId, 'billingAddressId', errors);
      if (errors.length) throw invalid(errors);
      const state = catalogueOf(ctx.db);
      const copy = structuredClone(order);
      if (patch.deliveryAddressId !== undefined) copy.deliveryAddressId = patch.deliveryAddressId;
      if (patch.billingAddressId !== undefined) copy.billingAddressId = patch.billingAddressId;
      if (patch.lines) {
        const seasonId = order.seasonId ?? null;
        const priced = price(ctx, state, customer, patch.lines, seasonId, order.id);
        release(state, order.id);
        const key = ctx.db.nextId('oln');
        const { lines, allocations } = allocateLines(state, priced, (i) => `${key}_${i + 1}`);
        const t = priced.quote.totals;
        state.allocations.set(order.id, allocations);
        Object.assign(copy, {
          lines, quantity: lines.reduce((n, l) => n + l.quantity, 0), total: t.total, status: statusOf(lines, seasonId),
          totals: { subtotal: t.subtotal, shipping: t.shipping, tax: t.tax, total: t.total, refunded: order.totals.refunded },
        });
      }
      const saved = ctx.db.saveOrder(copy);
      systemNote(ctx, order.customerId, `Order ${order.number} changed: now ${formatMoney(saved.totals.total)}`, [
        changed('order.total', money(order.totals.total), money(saved.totals.total), order.number),
      ]);
      return { body: saved };
    },
  },
} satisfies Record<string, ResourceDef>;
