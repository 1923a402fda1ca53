/** Registers `<customer-attachments>` (the class module itself registers nothing). */
import { defineElement } from '../shared/define.js';
import { CustomerAttachments } from './customer-attachments.js';

defineElement('customer-attachments', CustomerAttachments);

export { CustomerAttachments };
