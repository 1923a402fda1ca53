/**
 * The product catalogue, stock, trade discounts and order holds of the reference data.
 *
 * Deterministic from the database's seed. The 90 products orders are generated from (`PRODUCTS`)
 * come first, so every generated order's lines are in the catalogue; the rest are editions of them,
 * as many as the data set is large (up to 50,000). Kept beside the database (one state per
 * database, made on first use) so that the core store needs only `createOrder`.
 */
import type { Order } from '../../src/sdk/schemas.js';
import type { TradeDiscounts, Product, ProductCatalogue } from '../../src/sdk/schemas-catalogue.js';
import type { Database } from './database.js';
import { Rng, hashSeed } from './random.js';
import { SEASON } from './reference.js';
import { PRODUCTS } from './words.js';

export const GROUPS = [
  { id: 'grp_textiles', name: 'Textiles' },
  { id: 'grp_tableware', name: 'Tableware' },
  { id: 'grp_fragrance', name: 'Home fragrance' },
  { id: 'grp_stationery', name: 'Stationery' },
  { id: 'grp_accessories', name: 'Accessories' },
  { id: 'grp_bath', name: 'Bath and body' },
  { id: 'grp_garden', name: 'Garden' },
  { id: 'grp_lighting', name: 'Lighting' },
] as const;

const GROUP_OF_BASE: Record<string, string> = {
  TT: 'grp_textiles', MUG: 'grp_tableware', CDL: 'grp_fragrance', CSH: 'grp_textiles', THR: 'grp_textiles', APR: 'grp_textiles',
  BWL: 'grp_tableware', NBK: 'grp_stationery', SCF: 'grp_accessories', BAG: 'grp_accessories', PLT: 'grp_tableware',
  SOA: 'grp_bath', GLV: 'grp_garden', LMP: 'grp_lighting', RUG: 'grp_textiles',
};

export const WAREHOUSES = [
  { id: 'wh_leeds', name: 'Leeds' },
  { id: 'wh_bristol', name: 'Bristol' },
] as const;

/** Price lists (the `priceList` of the sales channels) and how each relates to the retail price. */
export const PRICE_LISTS: Record<string, number> = { Retail: 1, Trade: 0.5, Amazon: 1.1, eBay: 1.05 };

/** Season prices, as a share of the current price: pre-orders are cheaper, a future season dearer. */
const SEASON_FACTORS: Record<string, number> = { [SEASON.christmas]: 0.9, [SEASON.ss27]: 0.85, [SEASON.aw27]: 1.08 };

export const STANDARD_VAT = 2000;

/** A product as stored: prices by list and season are computed, stock is held per warehouse. */
export interface StoredProduct {
  sku: string;
  name: string;
  barcode: string;
  groupId: string;
  vatRate: number;
  /** Retail unit price in pence. */
  retail: number;
  stock: number[];
}

export interface Allocation {
  sku: string;
  warehouse: number;
  quantity: number;
}

export interface CatalogueState {
  products: StoredProduct[];
  bySku: Map<string, StoredProduct>;
  /** Sorted (key, product index) pairs: SKUs and barcodes upper-cased, name words lower-cased. */
  codeIndex: [string, number][];
  wordIndex: [string, number][];
  discounts: Map<string, TradeDiscounts>;
  /** Stock held by orders placed or edited through order entry, by order id. */
  allocations: Map<string, Allocation[]>;
  /** Orders kept out of the dispatch queue, and why. */
  holds: Map<string, 'payment' | 'season'>;
}

const states = new WeakMap<Database, CatalogueState>();

function ean13(n: number): string {
  const body = `50${String(1_000_000_000 + n).slice(-10)}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

const byKey = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);

/** How many products a data set of this size carries: 90 at the least, 50,000 at the most. */
export function catalogueSize(db: Database): number {
  return Math.min(50_000, Math.max(PRODUCTS.length, db.size.customers * 5));
}

export function catalogueOf(db: Database): CatalogueState {
  let state = states.get(db);
  if (state) return state;
  const count = catalogueSize(db);
  const products: StoredProduct[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const base = PRODUCTS[i % PRODUCTS.length]!;
    const edition = Math.floor(i / PRODUCTS.length);
    const rng = new Rng(hashSeed(db.seed, i, 77));
    // A few lines are out of stock, a few scarce, most plentiful.
    const stock = WAREHOUSES.map(() => (rng.bool(0.12) ? 0 : rng.bool(0.2) ? rng.int(1, 5) : rng.int(6, 240)));
    products[i] = {
      sku: edition === 0 ? base.sku : `${base.sku}-E${edition}`,
      name: edition === 0 ? base.description : `${base.description}, edition ${edition}`,
      barcode: ean13(i),
      groupId: GROUP_OF_BASE[base.sku.split('-')[0]!] ?? 'grp_accessories',
      vatRate: STANDARD_VAT,
      retail: base.price + (edition === 0 ? 0 : (edition % 7) * 50),
      stock,
    };
  }
  const codeIndex: [string, number][] = [];
  const wordIndex: [string, number][] = [];
  products.forEach((p, i) => {
    codeIndex.push([p.sku.toUpperCase(), i], [p.barcode, i]);
    for (const word of new Set(words(p.name))) wordIndex.push([word, i]);
  });
  codeIndex.sort(byKey);
  wordIndex.sort(byKey);
  state = {
    products, bySku: new Map(products.map((p) => [p.sku, p])), codeIndex, wordIndex,
    discounts: new Map(), allocations: new Map(), holds: new Map(),
  };
  // The credit-terms trade customer has a discount by group and a fixed price: order entry shows both.
  const trade = db.fixtures.customers.creditTrade;
  state.discounts.set(trade, {
    customerId: trade, version: 1,
    groups: [{ groupId: 'grp_textiles', percent: 10 }, { groupId: 'grp_tableware', percent: 15 }],
    prices: [{ sku: 'CDL-SOY-SAG', unitPrice: { amountMinor: 700, currency: 'GBP' } }],
  });
  states.set(db, state);
  return state;
}

export const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The first position in a sorted index whose key is >= `key`. */
function lowerBound(index: [string, number][], key: string): number {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index[mid]![0] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range [from, to) of a sorted index whose keys start with `prefix`. */
function prefixRange(index: [string, number][], prefix: string): [number, number] {
  const from = lowerBound(index, prefix);
  return [from, lowerBound(index, `${prefix}\uffff`)];
}

/** What a search looked at, for tests that hold it to an index lookup rather than a scan. */
export interface SearchStats {
  examined: number;
}

/**
 * Products matching `q` (SKU or barcode prefix, or every word a prefix of a name word), in catalogue
 * order. The rarest word's index range gives the candidates; the other words are checked on those
 * alone, so the work is the size of the smallest match, never the catalogue's.
 */
export function searchProducts(state: CatalogueState, q: string | undefined, groupId?: string, stats?: SearchStats): StoredProduct[] {
  const text = q?.trim() ?? '';
  if (text === '') {
    const all = groupId ? state.products.filter((p) => p.groupId === groupId) : state.products.slice();
    if (stats) stats.examined += state.products.length;
    return all;
  }
  const found = new Set<number>();
  const [cFrom, cTo] = prefixRange(state.codeIndex, text.toUpperCase());
  for (let i = cFrom; i < cTo; i++) found.add(state.codeIndex[i]![1]);
  if (stats) stats.examined += cTo - cFrom;
  const wanted = words(text);
  if (wanted.length) {
    const ranges = wanted.map((w) => ({ w, range: prefixRange(state.wordIndex, w) }));
    ranges.sort((a, b) => a.range[1] - a.range[0] - (b.range[1] - b.range[0]));
    const [first, ...rest] = ranges;
    const [from, to] = first!.range;
    if (stats) stats.examined += to - from;
    for (let i = from; i < to; i++) {
      const n = state.wordIndex[i]![1];
      if (found.has(n)) continue;
      const own = words(state.products[n]!.name);
      if (rest.every(({ w }) => own.some((t) => t.startsWith(w)))) found.add(n);
    }
  }
  return [...found].sort((a, b) => a - b).map((i) => state.products[i]!).filter((p) => !groupId || p.groupId === groupId);
}

/** Free stock of a product per warehouse, plus what `orderId` itself holds (when editing it). */
export function freeStock(state: CatalogueState, product: StoredProduct, orderId?: string | null): number[] {
  const free = [...product.stock];
  for (const a of (orderId && state.allocations.get(orderId)) || []) if (a.sku === product.sku) free[a.warehouse]! += a.quantity;
  return free;
}

export function unitPriceOf(product: StoredProduct, priceList: string, seasonId: string | null): number {
  const list = PRICE_LISTS[priceList] ?? 1;
  const season = seasonId ? (SEASON_FACTORS[seasonId] ?? 1) : 1;
  return Math.round(product.retail * list * season);
}

export function toProduct(state: CatalogueState, product: StoredProduct): Product {
  const prices: Product['prices'] = [];
  for (const priceList of Object.keys(PRICE_LISTS)) {
    for (const seasonId of [null, ...Object.keys(SEASON_FACTORS)]) {
      prices.push({ priceList, seasonId, unitPrice: { amountMinor: unitPriceOf(product, priceList, seasonId), currency: 'GBP' } });
    }
  }
  return {
    sku: product.sku, name: product.name, barcode: product.barcode, groupId: product.groupId, vatRate: product.vatRate,
    stock: WAREHOUSES.map((w, i) => ({ warehouseId: w.id, available: product.stock[i]! })),
    prices,
  };
}

export function catalogueInfo(): ProductCatalogue {
  return { groups: GROUPS.map((g) => ({ ...g })), warehouses: WAREHOUSES.map((w) => ({ ...w })), priceLists: Object.keys(PRICE_LISTS) };
}

export function discountsOf(state: CatalogueState, customerId: string): TradeDiscounts {
  return state.discounts.get(customerId) ?? { customerId, version: 1, groups: [], prices: [] };
}

/** Take up to `quantity` from the warehouses in turn; returns what was taken. */
export function allocate(state: CatalogueState, product: StoredProduct, quantity: number): Allocation[] {
  const taken: Allocation[] = [];
  let left = quantity;
  product.stock.forEach((free, warehouse) => {
    const take = Math.min(free, left);
    if (take <= 0) return;
    product.stock[warehouse] = free - take;
    left -= take;
    taken.push({ sku: product.sku, warehouse, quantity: take });
  });
  return taken;
}

/** Give back what an order holds. */
export function release(state: CatalogueState, orderId: string): void {
  for (const a of state.allocations.get(orderId) ?? []) {
    const product = state.bySku.get(a.sku);
    if (product) product.stock[a.warehouse]! += a.quantity;
  }
  state.allocations.delete(orderId);
}

/** Whether the dispatch queue takes the order: open, and held neither for payment nor for a season. */
export function readyForDispatch(state: CatalogueState, order: Pick<Order, 'id' | 'status'>): boolean {
  return (order.status === 'unallocated' || order.status === 'allocated') && !state.holds.has(order.id);
}
