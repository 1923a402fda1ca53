// The package's per-component entries (`customer-elements/<name>`, `dist/<name>.js`, and
// `dist/browser/<name>.js`): each is `src/components/<name>/define.ts`, which registers that
// component under its default tag. Shared by the two Vite builds, the size check and the tests.
export const COMPONENT_ENTRIES = [
  'customer-card',
  'customer-search',
  'order-table',
  'notes-panel',
  'address-book',
  'customer-attachments',
  'watch-list-badge',
  'customer-screen',
  'order-entry',
  'customer-discounts',
  'customer-accounts',
  'customer-create',
  'provider',
];
