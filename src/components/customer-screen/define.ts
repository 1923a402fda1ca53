/**
 * Registers `<customer-screen>` (the class module itself registers nothing). Its children are
 * rendered under the names their classes are registered with; any not registered by the time the
 * screen first renders are registered under their default names then.
 */
import { defineElement } from '../shared/define.js';
import { CustomerScreen } from './customer-screen.js';

defineElement('customer-screen', CustomerScreen);

export { CustomerScreen };
