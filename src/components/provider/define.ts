/**
 * Registers `<customer-elements-provider>` (the class lives in `../shared/provider.ts`, beside the
 * contexts it provides, and registers nothing).
 */
import { defineElement } from '../shared/define.js';
import { CustomerElementsProvider } from '../shared/provider.js';

defineElement('customer-elements-provider', CustomerElementsProvider);

export { CustomerElementsProvider };
