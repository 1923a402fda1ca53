/**
 * A customer whose orders exist only as arithmetic (the `hugeOrders` fixture, `size.hugeCustomerOrders`,
 * up to 5,000,000): order i of `count` (0 = the oldest) is computed from the seed and i whenever it
 * is asked for, and nothing per order is stored, not even an empty slot. It is what the order
 * table's scaled scrolling is tested against: 2,000,000 orders, any page in microseconds.
 *
 * Orders are spread evenly in time, so the date order is the index order, and order numbers rise
 * with the index too. That is what makes paging arithmetic, and it decides what `orders.list`
 * supports for such a customer:
 *
 * | query                                        | virtual customer                                      |
 * | -------------------------------------------- | ----------------------------------------------------- |
 * | `sort=placedAt` or `sort=number`, asc / desc | supported (index arithmetic)                          |
 * | `q` (order-number prefix)                    | supported: a prefix is a contiguous range of numbers  |
 * | `offset` / `cursor` / `limit`                | supported                                             |
 * | `status`, `salesChannelId`                   | 400 `unsupported-query`: would need every order read  |
 * | `sort=quantity`, `total`, `status`, `salesChannelId` | 400 `unsupported-query`, for the same reason  |
 *
 * An unsupported query is refused (`UnsupportedOrderQuery`, which the handler turns into a 400
 * naming the field), never answered with a wrong page. Orders the user changes (cancel, prioritise,
 * tracking…) keep their changed summary in a map with one entry per changed order; those actions
 * never change an order's date or number, so sort positions hold (and `save` refuses a change that
 * would move one).
 */
import type { OrderSummary } from '../../src/sdk/schemas.js';
import { orderNumber } from './identifiers.js';

export type VirtualSortField = 'placedAt' | 'number';
/** The sorts a virtual customer's order list supports. */
export const VIRTUAL_ORDER_SORTS: readonly VirtualSortField[] = ['placedAt', 'number'];

/** An order query a virtual customer cannot answer without reading every order. */
export class UnsupportedOrderQuery extends Error {
  constructor(readonly field: 'status' | 'salesChannelId' | 'sort', message: string) {
    super(message);
    this.name = 'UnsupportedOrderQuery';
  }
}

export interface VirtualOrdersSpec {
  customerId: string;
  count: number;
  /** The ordinal of the oldest order: its orders take ordinals start … start + count − 1. */
  start: number;
  /** The summary of order i (oldest first), ordinal n = start + i. Pure: same i, same summary. */
  make: (i: number, n: number) => OrderSummary;
}

export interface VirtualOrderQuery {
  status?: string;
  salesChannelId?: string;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** A page source that looks like an array to `paginate` (length and slice) without being one. */
export interface OrderRows {
  readonly length: number;
  slice(start?: number, end?: number): OrderSummary[];
}

const NUMBER_DIGITS = 7;
const NUMBER_PREFIX = 'so-';

export class VirtualOrders {
  readonly customerId: string;
  readonly count: number;
  readonly start: number;
  private readonly make: VirtualOrdersSpec['make'];
  /** Changed orders' summaries, by index: one entry per order a user changed. */
  private readonly changed = new Map<number, OrderSummary>();
  /** The number of the oldest order, as an integer (SO-1234567 → 1234567). */
  private readonly firstNumber: number;

  constructor(spec: VirtualOrdersSpec) {
    this.customerId = spec.customerId;
    this.count = Math.max(0, Math.floor(spec.count));
    this.start = spec.start;
    this.make = spec.make;
    this.firstNumber = Number(orderNumber(this.start).slice(NUMBER_PREFIX.length));
    // Prefix search is a range only while every number has the same count of digits.
    const last = this.firstNumber + this.count - 1;
    if (String(this.firstNumber).length !== NUMBER_DIGITS || String(last).length !== NUMBER_DIGITS) {
      throw new Error(`Virtual orders need ${NUMBER_DIGITS}-digit order numbers; ${this.count} from ordinal ${this.start} would not have them.`);
    }
  }

  /** Whether ordinal `n` is one of these orders. */
  has(n: number): boolean {
    return Number.isInteger(n) && n >= this.start && n < this.start + this.count;
  }

  /** The summary of ordinal `n` (a fresh object unless the order was changed). */
  summary(n: number): OrderSummary | undefined {
    if (!this.has(n)) return undefined;
    const i = n - this.start;
    return this.changed.get(i) ?? this.make(i, n);
  }

  /** Keeps a changed order's summary. Its date and number must not change: they are its place in every sort. */
  save(n: number, summary: OrderSummary): void {
    if (!this.has(n)) throw new Error(`Ordinal ${n} is not an order of ${this.customerId}.`);
    const i = n - this.start;
    const born = this.make(i, n);
    if (summary.placedAt !== born.placedAt || summary.number !== born.number) {
      throw new Error(`Order ${born.number} of a virtual customer cannot change its date or number.`);
    }
    this.changed.set(i, summary);
  }

  /** How many orders have a changed summary kept (for tests of laziness). */
  get changedCount(): number {
    return this.changed.size;
  }

  /**
   * The orders matching `query`, sorted, as something `paginate` can page: O(1) to make, O(page)
   * to slice. Throws `UnsupportedOrderQuery` for a filter or sort this customer cannot answer.
   */
  rows(query: VirtualOrderQuery): OrderRows {
    if (query.status) {
      throw new UnsupportedOrderQuery('status', `This customer's ${this.count.toLocaleString('en-GB')} orders are generated on demand: the reference API cannot filter them by status.`);
    }
    if (query.salesChannelId) {
      throw new UnsupportedOrderQuery('salesChannelId', `This customer's ${this.count.toLocaleString('en-GB')} orders are generated on demand: the reference API cannot filter them by sales channel.`);
    }
    const sort = query.sort ?? 'placedAt';
    if (!(VIRTUAL_ORDER_SORTS as readonly string[]).includes(sort)) {
      throw new UnsupportedOrderQuery('sort', `This customer's ${this.count.toLocaleString('en-GB')} orders are generated on demand: the reference API can sort them by date or number only, not by ${sort}.`);
    }
    const [from, to] = this.matching(query.q);
    const descending = (query.order ?? 'desc') === 'desc';
    const length = to - from;
    return {
      length,
      slice: (startAt = 0, endAt = length) => {
        const a = Math.max(0, Math.min(length, startAt));
        const b = Math.max(a, Math.min(length, endAt));
        const out: OrderSummary[] = [];
        for (let k = a; k < b; k++) {
          const i = descending ? to - 1 - k : from + k;
          out.push(this.summary(this.start + i)!);
        }
        return out;
      },
    };
  }

  /**
   * The indexes [from, to) whose number starts with `q` (trimmed, any case), as the store's
   * `number.toLowerCase().startsWith(q)` would find them: every number is `SO-` and seven digits.
   */
  private matching(q: string | undefined): [number, number] {
    const needle = (q ?? '').trim().toLowerCase();
    if (NUMBER_PREFIX.startsWith(needle)) return [0, this.count];
    if (!needle.startsWith(NUMBER_PREFIX)) return [0, 0];
    const digits = needle.slice(NUMBER_PREFIX.length);
    if (!/^\d+$/.test(digits) || digits.length > NUMBER_DIGITS) return [0, 0];
    const scale = 10 ** (NUMBER_DIGITS - digits.length);
    const lo = Number(digits) * scale;
    const hi = (Number(digits) + 1) * scale;
    const from = Math.max(0, lo - this.firstNumber);
    const to = Math.min(this.count, hi - this.firstNumber);
    return to > from ? [from, to] : [0, 0];
  }
}
