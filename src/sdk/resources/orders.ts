import type { Core } from '../core.js';
import type { RouteId } from '../routes.js';
import { paginate } from '../paginate.js';
import type { Money, Order, OrderListQuery, OrderSummary, Page } from '../schemas.js';
import type { OrderInput, OrderPatch, Quote, QuoteInput } from '../schemas-catalogue.js';
import { tags } from '../tags.js';
import type { IterateOptions, ReadOptions, VersionedWriteOptions, WriteOptions } from './types.js';

export interface TrackingRequest {
  carrier: string;
  code: string;
}
export interface CancelRequest {
  reason?: string | null;
}
export interface RefundRequest {
  amount: Money;
  reason: string;
  method?: 'automatic' | 'manual';
}
export interface ReturnRequest {
  lines: { lineId: string; quantity: number }[];
  reason: string;
}
export interface AttachOptions {
  filename?: string;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** See `WriteOptions.idempotencyKey`. */
  idempotencyKey?: string;
}

type OrderAction =
  | 'orders.prioritise'
  | 'orders.addTracking'
  | 'orders.cancel'
  | 'orders.runTriggers'
  | 'orders.printInvoice'
  | 'orders.refund'
  | 'orders.return';

export function ordersResource(core: Core) {
  const changed = (order: Order, extra: string[] = []) =>
    core.commit({
      put: [{ route: 'orders.get', params: { orderId: order.id }, tags: [tags.order(order.id)], value: order }],
      // The list shows the summary, the account shows what is owed, and the server writes notes.
      invalidate: [tags.orders(order.customerId), tags.account(order.customerId), tags.ledger(order.customerId), tags.notes(order.customerId), ...extra],
    });

  async function act(id: OrderAction, orderId: string, body: unknown, opts?: WriteOptions): Promise<Order> {
    const order = (await core.call(id satisfies RouteId, { orderId }, {
      ...(body === undefined ? {} : { body }),
      signal: opts?.signal,
      idempotencyKey: opts?.idempotencyKey,
    })) as Order;
    // A refund credits the account and a first invoice print raises an invoice: the balance in search results moves.
    changed(order, id === 'orders.refund' || id === 'orders.printInvoice' ? [tags.search()] : []);
    return order;
  }

  return {
    /** One page of a customer's orders: sort, filter, find by number; cursor or offset paging. */
    list(customerId: string, query: OrderListQuery = {}, opts?: ReadOptions): Promise<Page<OrderSummary>> {
      return core.read('orders.list', { customerId }, query, [tags.orders(customerId)], opts);
    },
    /** Every order of a customer matching the query, following cursors (not cached). */
    listAll(customerId: string, query: Omit<OrderListQuery, 'cursor' | 'offset'> = {}, opts?: IterateOptions): AsyncIterable<OrderSummary> {
      return paginate((cursor, signal) => core.call('orders.list', { customerId }, { query: { ...query, cursor }, signal }), opts?.signal);
    },
    /** An order with lines, totals, tracking, print history, triggers, refunds, returns, attachments. */
    get(orderId: string, opts?: ReadOptions): Promise<Order> {
      return core.read('orders.get', { orderId }, undefined, [tags.order(orderId)], opts);
    },
    /** Make an order urgent in the dispatch queue, or not. */
    prioritise(orderId: string, priority: boolean, opts?: WriteOptions): Promise<Order> {
      return act('orders.prioritise', orderId, { priority }, opts);
    },
    /** Add a tracking code entered by hand. */
    addTracking(orderId: string, body: TrackingRequest, opts?: WriteOptions): Promise<Order> {
      return act('orders.addTracking', orderId, body, opts);
    },
    /** Cancel an order (a dispatched order gives a ConflictError). */
    cancel(orderId: string, body: CancelRequest = {}, opts?: WriteOptions): Promise<Order> {
      return act('orders.cancel', orderId, body, opts);
    },
    /** Generate the documents whose triggers have not run. */
    runTriggers(orderId: string, opts?: WriteOptions): Promise<Order> {
      return act('orders.runTriggers', orderId, undefined, opts);
    },
    /**
     * A document of the order's print history as a PDF Blob (not cached): `printId` is a print
     * record's id. A redirect is followed only to the API's origin or one of `downloadOrigins`.
     */
    document(orderId: string, printId: string, opts?: { signal?: AbortSignal }): Promise<Blob> {
      return core.call('orders.document', { orderId, printId }, { signal: opts?.signal });
    },
    /** Print the invoice: recorded in the print history; its PDF is `document(orderId, <the new record's id>)`. */
    printInvoice(orderId: string, opts?: WriteOptions): Promise<Order> {
      return act('orders.printInvoice', orderId, undefined, opts);
    },
    /** Create a manual or automatic refund. */
    refund(orderId: string, body: RefundRequest, opts?: WriteOptions): Promise<Order> {
      return act('orders.refund', orderId, body, opts);
    },
    /** Enter a return for one or more lines. */
    return(orderId: string, body: ReturnRequest, opts?: WriteOptions): Promise<Order> {
      return act('orders.return', orderId, body, opts);
    },
    /**
     * Price a draft order (changes nothing, never cached): list prices, trade discounts, VAT,
     * shipping and totals as the server works them out, what would be allocated, where it would go.
     */
    quote(customerId: string, body: QuoteInput, opts?: { signal?: AbortSignal }): Promise<Quote> {
      return core.call('orders.quote', { customerId }, { body, signal: opts?.signal });
    },
    /**
     * Place an order from stock or a season pre-order. One Idempotency-Key per intent: a repeat after
     * a lost answer replays the first answer, never a second order. The order list shows it at once.
     */
    async place(customerId: string, body: OrderInput, opts?: WriteOptions): Promise<Order> {
      const order = await core.call('orders.place', { customerId }, { body, signal: opts?.signal, idempotencyKey: opts?.idempotencyKey });
      changed(order, [tags.products()]);
      return order;
    },
    /** Change the lines, quantities or addresses of an order not yet dispatched (If-Match: `version`). */
    async update(orderId: string, body: OrderPatch, opts: VersionedWriteOptions): Promise<Order> {
      const order = await core.call('orders.update', { orderId }, { body, version: opts.version, signal: opts.signal, idempotencyKey: opts.idempotencyKey });
      changed(order, [tags.products()]);
      return order;
    },
    /** Attach a document or image to an order. */
    async attach(orderId: string, file: Blob, opts: AttachOptions = {}): Promise<Order> {
      const order = await core.upload('orders.attach', { orderId }, file, opts);
      changed(order, [tags.attachments(order.customerId)]);
      return order;
    },
  };
}
