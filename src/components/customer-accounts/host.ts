/** What the accounts screen's sections need of the element that owns them. */
import type { CeElement } from '../shared/base.js';
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
}
