/** Registers `<customer-card>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { CustomerCard } from './customer-card.js';

defineElement('customer-card', CustomerCard);

export { CustomerCard };
