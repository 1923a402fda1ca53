/** Registers `<customer-create>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { CustomerCreateForm } from './customer-create.js';

defineElement('customer-create', CustomerCreateForm);

export { CustomerCreateForm };
