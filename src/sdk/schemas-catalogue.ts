/**
 * The product catalogue, per-customer trade discounts, quotes and order entry, as valibot schemas.
 *
 * Kept beside `schemas.ts` (which it builds on) so that order entry's contract grows in its own file.
 * Import it after `schemas.ts` has loaded (the SDK's index and the contract do).
 */
import * as v from 'valibot';
import { CurrencyCode, FieldError, Id, Money } from './schemas.js';
import { DISPATCH_ROUTES } from './enums.js';
export { DISPATCH_ROUTES } from './enums.js';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Quantity = v.pipe(v.number(), v.integer(), v.minValue(1, 'Enter a quantity of at least 1.'), v.maxValue(9999, 'Enter at most 9,999.'));

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

export const ProductGroup = v.object({ id: Id, name: v.string() });
export type ProductGroup = v.InferOutput<typeof ProductGroup>;

export const Warehouse = v.object({ id: Id, name: v.string() });
export type Warehouse = v.InferOutput<typeof Warehouse>;

export const ProductStock = v.object({
  warehouseId: Id,
  /** Units free to allocate now (on hand less what open orders hold). */
  available: Count,
});

export const ProductPrice = v.object({
  /** The price list (a sales channel's `priceList`, e.g. `Retail`, `Trade`). */
  priceList: v.string(),
  /** The season the price is for; null for the current range. */
  seasonId: v.nullable(Id),
  /** Unit price, VAT exclusive. */
  unitPrice: Money,
});

export const Product = v.object({
  sku: v.string(),
  name: v.string(),
  /** EAN-13. */
  barcode: v.string(),
  groupId: Id,
  /** VAT rate in basis points (2000 = 20%). */
  vatRate: Count,
  stock: v.array(ProductStock),
  prices: v.array(ProductPrice),
});
export type Product = v.InferOutput<typeof Product>;

export const ProductCatalogue = v.object({
  groups: v.array(ProductGroup),
  warehouses: v.array(Warehouse),
  priceLists: v.array(v.string()),
});
export type ProductCatalogue = v.InferOutput<typeof ProductCatalogue>;

export const ProductSearchQuery = v.object({
  /** SKU (prefix), barcode (prefix) or words of the name (each a prefix of a word). */
  q: v.optional(v.string()),
  groupId: v.optional(Id),
  cursor: v.optional(v.string()),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
});
export type ProductSearchQuery = v.InferInput<typeof ProductSearchQuery>;

// ---------------------------------------------------------------------------------------------
// Trade discounts
// ---------------------------------------------------------------------------------------------

export const GroupDiscount = v.object({
  groupId: Id,
  /** Percent off the price list, e.g. 12.5. */
  percent: v.pipe(v.number(), v.minValue(0.01, 'Enter a percentage above 0.'), v.maxValue(100, 'Enter at most 100%.')),
});
export type GroupDiscount = v.InferOutput<typeof GroupDiscount>;

export const SkuPrice = v.object({
  sku: v.pipe(v.string(), v.minLength(1)),
  /** The fixed unit price for this customer, VAT exclusive; wins over a group percentage. */
  unitPrice: v.object({
    amountMinor: v.pipe(v.number(), v.integer(), v.minValue(0, 'Enter a price of 0 or more.')),
    currency: CurrencyCode,
  }),
});
export type SkuPrice = v.InferOutput<typeof SkuPrice>;

export const TradeDiscounts = v.object({
  customerId: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  groups: v.array(GroupDiscount),
  prices: v.array(SkuPrice),
});
export type TradeDiscounts = v.InferOutput<typeof TradeDiscounts>;

export const DiscountsInput = v.strictObject({
  groups: v.array(GroupDiscount),
  prices: v.array(SkuPrice),
});
export type DiscountsInput = v.InferInput<typeof DiscountsInput>;

// ---------------------------------------------------------------------------------------------
// Quotes, placing and editing orders
// ---------------------------------------------------------------------------------------------

export const DraftLine = v.strictObject({ sku: v.pipe(v.string(), v.trim(), v.minLength(1, 'Choose a product.')), quantity: Quantity });
export type DraftLine = v.InferInput<typeof DraftLine>;

const draftLines = v.pipe(v.array(DraftLine), v.minLength(1, 'Add at least one product.'), v.maxLength(200));

export const QuoteInput = v.strictObject({
  lines: v.pipe(v.array(DraftLine), v.maxLength(200)),
  /** A season makes the order a pre-order at that season's prices. */
  seasonId: v.optional(v.nullable(Id)),
  /** When editing: the order whose allocation is released before this one is worked out. */
  orderId: v.optional(v.nullable(Id)),
});
export type QuoteInput = v.InferInput<typeof QuoteInput>;

export const DispatchRoute = v.picklist(DISPATCH_ROUTES);
export type DispatchRoute = v.InferOutput<typeof DispatchRoute>;

export const LineDiscount = v.object({
  /** `group`: a percentage for the product group; `sku`: a fixed price for this customer. */
  kind: v.picklist(['group', 'sku']),
  percent: v.nullable(v.number()),
});
export type LineDiscount = v.InferOutput<typeof LineDiscount>;

export const QuoteLine = v.object({
  sku: v.string(),
  name: v.string(),
  quantity: Count,
  /** The price list's unit price, before discount. */
  listPrice: Money,
  unitPrice: Money,
  discount: v.nullable(LineDiscount),
  total: Money,
  /** Units free in every warehouse (for an edit: including what this order holds). */
  available: Count,
  /** Units that would be allocated now (0 for a season pre-order). */
  allocated: Count,
});
export type QuoteLine = v.InferOutput<typeof QuoteLine>;

export const Quote = v.object({
  customerId: Id,
  priceList: v.string(),
  seasonId: v.nullable(Id),
  lines: v.array(QuoteLine),
  totals: v.object({ subtotal: Money, discount: Money, shipping: Money, tax: Money, total: Money }),
  dispatch: DispatchRoute,
  paymentTermsId: Id,
});
export type Quote = v.InferOutput<typeof Quote>;

export const OrderInput = v.strictObject({
  lines: draftLines,
  seasonId: v.optional(v.nullable(Id)),
  deliveryAddressId: Id,
  billingAddressId: Id,
  /** The customer's own reference (purchase order number). */
  reference: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(60)))),
});
export type OrderInput = v.InferInput<typeof OrderInput>;

export const OrderPatch = v.strictObject({
  lines: v.optional(draftLines),
  deliveryAddressId: v.optional(Id),
  billingAddressId: v.optional(Id),
});
export type OrderPatch = v.InferInput<typeof OrderPatch>;

/** A 422's field errors for a draft, e.g. an unknown SKU: `lines.2.sku`. */
export const DraftErrors = v.array(FieldError);
