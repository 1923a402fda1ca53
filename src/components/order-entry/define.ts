/** Registers `<order-entry>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { OrderEntry } from './order-entry.js';

defineElement('order-entry', OrderEntry);

export { OrderEntry };
