/**
 * The order detail's module, loaded once, when a table first opens an order: the table's own entry
 * does not carry it (`import()` makes it a chunk of its own in a host's build). A failed load is
 * forgotten, so that Retry loads it again.
 */
import type { OrderDetail } from './order-detail.js';

let loading: Promise<typeof OrderDetail> | undefined;

export function loadOrderDetail(): Promise<typeof OrderDetail> {
  loading ??= import('./order-detail.js').then(
    (m) => m.OrderDetail,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
