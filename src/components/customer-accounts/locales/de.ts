import type { Catalogue } from '../../shared/i18n.js';
import type { AccountsMessageKey } from '../customer-accounts.messages.js';

/** The texts of customer-accounts: German. Keys missing here fall back to English. */
export default {
} satisfies Catalogue<AccountsMessageKey>;
