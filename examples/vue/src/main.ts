// Register before Vue renders: Vue sets a bound value as a property only on an element that has it.
// Each entry registers one element under its default tag (the search also the watch-list badge).
import 'customer-elements/customer-search';
import 'customer-elements/order-table';
import { CustomerCard, defineElement } from 'customer-elements';
import type { RenamedElements } from 'customer-elements/vue';
import { createApp } from 'vue';
import App from './App.vue';

// The portal's own name for the card (the class-only entry registers nothing).
defineElement('acme-customer-card', CustomerCard);

// Importing from 'customer-elements/vue' types the default tags for vue-tsc; the renamed one
// takes its types from the tag it renames.
declare module 'vue' {
  interface GlobalComponents extends RenamedElements<{ 'acme-customer-card': 'customer-card' }> {}
}

createApp(App).mount('#app');
