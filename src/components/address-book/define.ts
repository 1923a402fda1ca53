import { defineElement } from '../shared/define.js';
import { AddressBook } from './address-book.js';

defineElement('address-book', AddressBook);
