/** Registers `<address-book>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { AddressBook } from './address-book.js';

defineElement('address-book', AddressBook);

export { AddressBook };
