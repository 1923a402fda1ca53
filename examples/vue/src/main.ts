import { CustomerCard, CustomerSearch, OrderDetail, OrderTable, defineElement } from 'customer-elements';
import type { RenamedElements } from 'customer-elements/vue';
import { createApp } from 'vue';
import App from './App.vue';

// Register before Vue renders: Vue sets a bound value as a property only on an element that has it.
defineElement('customer-search', CustomerSearch);
defineElement('order-table', OrderTable);
defineElement('order-detail', OrderDetail);
defineElement('acme-customer-card', CustomerCard); // the portal's own name for the card

// Importing from 'customer-elements/vue' types the default tags for vue-tsc; the renamed one
// takes its types from the tag it renames.
declare module 'vue' {
  interface GlobalComponents extends RenamedElements<{ 'acme-customer-card': 'customer-card' }> {}
}

createApp(App).mount('#app');
