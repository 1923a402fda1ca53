/**
 * Registers `<order-table>` (the class module itself registers nothing). The order detail it shows
 * is loaded when a row is first opened and registered then, as `<order-detail>` unless the page
 * registered its class already (under any name).
 */
import { defineElement } from '../shared/define.js';
import { OrderTable } from './order-table.js';

defineElement('order-table', OrderTable);

export { OrderTable };
