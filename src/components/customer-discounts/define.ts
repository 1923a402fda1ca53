/** Registers `<customer-discounts>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { CustomerDiscounts } from './customer-discounts.js';

defineElement('customer-discounts', CustomerDiscounts);

export { CustomerDiscounts };
