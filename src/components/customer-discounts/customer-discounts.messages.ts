import { createMessages } from '../shared/i18n.js';

/** The discounts view's own texts (Save, Cancel, errors come from the shared catalogue). */
const en = {
  title: 'Trade discounts',
  intro: 'Order entry takes these off the price list. A fixed price for a SKU wins over the group\u2019s percentage.',
  groups: 'By product group',
  prices: 'Fixed prices',
  group: 'Product group',
  percent: 'Discount (%)',
  sku: 'SKU',
  price: 'Unit price (\u00a3, before VAT)',
  percentValue: '{percent}% off',
  noGroups: 'No discount by product group.',
  noPrices: 'No fixed prices.',
  edit: 'Edit discounts',
  addGroup: 'Add a group discount',
  addPrice: 'Add a fixed price',
  remove: 'Remove',
  removeGroup: 'Remove the discount for {name}',
  removePrice: 'Remove the price for {sku}',
  percentInvalid: 'Enter a percentage between 0.01 and 100.',
  priceInvalid: 'Enter a price such as 12.50.',
  skuRequired: 'Enter the SKU.',
  duplicateGroup: 'This group already has a discount.',
  duplicateSku: 'This SKU already has a price.',
  saved: 'Discounts saved.',
  notSaved: 'The discounts were not saved: {reason}',
  conflict: 'These discounts were changed by someone else since you opened them.',
  readOnly: 'You can see these discounts; changing them needs the \u201cedit discounts\u201d permission.',
  close: 'Close',
  fixErrors: 'Check the fields marked below.',
} as const;

export const discountsMessages = createMessages('customer-discounts', en, {
  de: () => import('./locales/de.js'),
  ar: () => import('./locales/ar.js'),
});

export type DiscountsMessageKey = keyof typeof en;
