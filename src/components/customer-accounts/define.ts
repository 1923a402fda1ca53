/** Registers `<customer-accounts>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { CustomerAccounts } from './customer-accounts.js';

defineElement('customer-accounts', CustomerAccounts);

export { CustomerAccounts };
