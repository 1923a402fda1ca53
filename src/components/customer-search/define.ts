/** Registers `<customer-search>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { CustomerSearch } from './customer-search.js';

defineElement('customer-search', CustomerSearch);

export { CustomerSearch };
