/** What the accounts screen's sections need of the element that owns them. */
import type { Account, AccountChange, LedgerEntry } from '../../sdk/index.js';
import type { CeElement } from '../shared/base.js';
import type { ResourceController } from '../shared/resource.js';
import type { MessageParams } from '../shared/i18n.js';
import type { AccountsMessageKey } from './customer-accounts.messages.js';

/** The screen's tabs. */
export type AccountsTab = 'ledger' | 'statement' | 'loyalty';

export interface AccountsEvents {
  'account-change': { customerId: string; kind: AccountChangeKind; transactionId: string };
  'loyalty-change': { customerId: string; points: number; delta: number };
}

/** What a money write did: `payment`, `invoice` (manual), `credit-note` or `void`. */
export type AccountChangeKind = 'payment' | 'invoice' | 'credit-note' | 'void';

export interface AccountsHost extends CeElement {
  readonly customerId?: string | undefined;
  readonly tab: AccountsTab;
  /** A text of the component's own catalogue. */
  m(key: AccountsMessageKey, params?: MessageParams): string;
  /** May the user do this (and is the element not `readonly`)? */
  can(capability: string): boolean;
  /** Focus the first element matching `selector` in the shadow root once rendered. */
  focusSoon(selector: string): Promise<void>;
  /** Say something in the polite live region. */
  announce(text: string): void;
  /** Fire one of the component's domain events. */
  fire<K extends keyof AccountsEvents>(type: K, detail: AccountsEvents[K]): void;
  /** Open the order behind an entry (fires `order-open`). */
  openOrder(orderId: string): void;
  /** The account summary as loaded. */
  readonly account: ResourceController<Account, readonly [string]>;
  /** A money write succeeded: show its account at once, say so to the host page. */
  accountChanged(change: AccountChange, kind: AccountChangeKind): void;
  /** Open the credit-note editor against an invoice. */
  openCreditNote(invoice: LedgerEntry): void;
}
