/** Registers `<order-table>` and `<order-detail>` (the class modules themselves register nothing). */
import { defineElement } from '../shared/define.js';
import { OrderDetail } from './order-detail.js';
import { OrderTable } from './order-table.js';

defineElement('order-detail', OrderDetail);
defineElement('order-table', OrderTable);

export { OrderDetail, OrderTable };
