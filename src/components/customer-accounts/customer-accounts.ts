import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tags, type Account, type AccountChange, type LedgerEntry } from '../../sdk/index.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { emit } from '../shared/events.js';
import type { MessageParams } from '../shared/i18n.js';
import { ResourceController } from '../shared/resource.js';
import { renderConfigMessage, renderError, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import type { OrderOpenDetail } from '../order-table/order-table.js';
import { accountsMessages, type AccountsMessageKey } from './customer-accounts.messages.js';
import { styles } from './customer-accounts.styles.js';
import type { AccountChangeKind, AccountsEvents, AccountsHost, AccountsTab } from './host.js';
import { InvoiceEditor } from './invoice-editor.js';
import { LedgerList } from './ledger-list.js';
import { LoyaltySection } from './loyalty-section.js';
import { PaymentForm } from './payment-form.js';
import { StatementView } from './statement-view.js';
import { renderSummary } from './summary.js';

export type { AccountChangeKind, AccountsTab } from './host.js';

/** Detail of `account-change`: a money write the user made and the server accepted. */
export type AccountChangeDetail = AccountsEvents['account-change'];
/** Detail of `loyalty-change`: the user adjusted the customer's points. */
export type LoyaltyChangeDetail = AccountsEvents['loyalty-change'];

const TABS: readonly AccountsTab[] = ['ledger', 'statement', 'loyalty'];

/**
 * The customer's accounts screen ("View accounts"): the account summary (balance, credit limit,
 * available credit, overdue, aged debt), the ledger of invoices, payments, credit notes, refunds and
 * adjustments with the running balance, entering a payment, raising a manual invoice or a credit
 * note, voiding with a reason, a printable statement for a period with its CSV, and the customer's
 * loyalty points.
 *
 * Every money write is confirmed (a lost answer never makes a second payment) and offered only to
 * users with its capability; after it, the balance, available credit and overdue update wherever
 * they show on the page (the card, search results), through the SDK's cache.
 *
 * @summary The customer's accounts: summary, ledger, payments, invoices, credit notes, statements, loyalty.
 *
 * @fires account-change - After a payment, manual invoice, credit note or void the server accepted.
 *   `detail: AccountChangeDetail` (`{ customerId, kind, transactionId }`). Bubbles, composed.
 * @fires loyalty-change - After the user adjusted the points balance. `detail: LoyaltyChangeDetail`
 *   (`{ customerId, points, delta }`). Bubbles, composed.
 * @fires order-open - The user opened the order behind an invoice or a points entry. `detail: OrderOpenDetail`
 *   (`{ orderId, order }`), as `<order-table>` fires it. Bubbles, composed.
 *
 * @csspart header - The heading row.
 * @csspart summary - The account summary.
 * @csspart figure - Each figure of the summary (also `figure-balance`, `figure-credit-limit`, `figure-available`, `figure-overdue`, `figure-aged-*`).
 * @csspart credit-tag - "In credit", beside a negative balance.
 * @csspart dispatch-rule - Says that orders are held until paid.
 * @csspart aged - The aged debt (current / 30 / 60 / 90+ days).
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab (also `tab-selected` on the chosen one).
 * @csspart panel - The chosen tab's panel.
 * @csspart loyalty - The Loyalty tab's content.
 * @csspart loyalty-balance - The points balance, its worth and the scheme.
 * @csspart loyalty-actions - The Adjust points and Loyalty settings buttons.
 * @csspart loyalty-adjust-button - Opens the adjust form.
 * @csspart loyalty-settings-button - Opens the shop-wide settings.
 * @csspart loyalty-adjust-form - The adjust form.
 * @csspart loyalty-delta - The points field.
 * @csspart loyalty-reason - The reason field.
 * @csspart loyalty-save-button - Saves the adjustment.
 * @csspart loyalty-settings-form - The settings form.
 * @csspart loyalty-rate - The points-per-pound field.
 * @csspart loyalty-value - The value-of-a-point field.
 * @csspart loyalty-settings-save-button - Saves the settings.
 * @csspart loyalty-statement - The points statement.
 * @csspart loyalty-from - The statement's first day.
 * @csspart loyalty-to - The statement's last day.
 * @csspart loyalty-totals - Opening, earned, spent, adjusted and closing points.
 * @csspart loyalty-table-scroll - The scrolling box around the points table.
 * @csspart loyalty-table - The points entries.
 * @csspart loyalty-row - One points entry.
 * @csspart order-link - Opens the order behind an entry.
 * @csspart input - Every text field.
 * @csspart field-error - The message beside a field.
 * @csspart cancel-button - Closes a form without saving.
 * @csspart empty - Nothing to show.
 * @csspart conflict - Someone else saved first (role="alert"), with what changed and Reload.
 * @csspart conflict-changes - What changed, in the conflict message.
 * @csspart reload-button - Reload, in the conflict message.
 * @csspart changes - After Reload: the form now rests on the latest version.
 * @csspart permissions-message - Shown where the write actions would be when permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart error - A failed load or write, in words.
 * @csspart retry-button - Loads again after a failed load.
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart message - The configuration message when there is no client.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --customer-accounts-overdue-color - The colour of the overdue figure when there is any. Default: `--ce-color-danger-on-quiet` (#991b1b).
 * @cssproperty --customer-accounts-credit-color - The colour of a balance in credit. Default: `--ce-color-success-on-quiet` (#166534).
 */
export class CustomerAccounts extends CeElement implements AccountsHost {
  static override styles = [baseStyles, controlStyles, styles];
  static override catalogues = [accountsMessages];

  /** The customer whose accounts to show. */
  @property({ attribute: 'customer-id', reflect: true })
  customerId?: string;

  /** Never offer a write (payments, invoices, credit notes, voids, loyalty), even to a user who may. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** The view shown: `ledger` (default), `statement` or `loyalty`. */
  @property({ reflect: true })
  tab: AccountsTab = 'ledger';

  @state() private announcement = '';

  private readonly caps = new CapabilitiesController(this, { enabled: () => !this.readonly });

  readonly account = new ResourceController<Account, readonly [string]>(this, {
    args: () => (this.customerId ? [this.customerId] : undefined),
    load: ([id], signal, client) => client.accounts.get(id, { signal }),
    tags: ([id]) => [tags.account(id)],
  });

  private readonly loyalty = new LoyaltySection(this);
  private readonly ledger = new LedgerList(this);
  private readonly payment = new PaymentForm(this);
  private readonly editor = new InvoiceEditor(this);
  private readonly statement = new StatementView(this);

  m(key: AccountsMessageKey, params?: MessageParams): string {
    return accountsMessages(this.resolvedLocale, key, params);
  }

  can(capability: string): boolean {
    return !this.readonly && !!this.api && this.caps.can(capability);
  }

  async focusSoon(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  announce(text: string): void {
    // The same sentence twice must still be read: clear, then set after a frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  fire<K extends keyof AccountsEvents>(type: K, detail: AccountsEvents[K]): void {
    emit(this, type, detail as never);
  }

  openOrder(orderId: string): void {
    const client = this.api;
    if (!client) return;
    void client.orders.get(orderId).then(
      (order) => emit(this, 'order-open', { orderId, order } satisfies OrderOpenDetail),
      () => this.announce(this.m('orderNotOpened')),
    );
  }

  accountChanged(change: AccountChange, kind: AccountChangeKind): void {
    this.account.set(change.account);
    const id = this.customerId;
    if (id) this.fire('account-change', { customerId: id, kind, transactionId: change.entry.id });
  }

  openCreditNote(invoice: LedgerEntry): void {
    this.payment.close(false);
    this.editor.show('credit-note', invoice);
  }

  private openForm(which: 'payment' | 'invoice' | 'credit-note'): void {
    if (which === 'payment') {
      this.editor.close(false);
      this.payment.show();
    } else {
      this.payment.close(false);
      this.editor.show(which);
    }
  }

  private renderWriteActions(): TemplateResult | typeof nothing {
    const pay = this.can('accounts.payment.enter');
    const invoice = this.can('accounts.invoice.create');
    const credit = this.can('accounts.credit.create');
    if (!pay && !invoice && !credit) return nothing;
    return html`<div class="actions" part="actions">
      ${pay
        ? html`<button type="button" class="ce-button ce-button--primary" part="payment-button" aria-expanded=${this.payment.open ? 'true' : 'false'}
            @click=${() => (this.payment.open ? this.payment.close() : this.openForm('payment'))}>${this.m('action.payment')}</button>`
        : nothing}
      ${invoice
        ? html`<button type="button" class="ce-button" part="invoice-button" aria-expanded=${this.editor.mode === 'invoice' ? 'true' : 'false'}
            @click=${() => (this.editor.mode === 'invoice' ? this.editor.close() : this.openForm('invoice'))}>${this.m('action.invoice')}</button>`
        : nothing}
      ${credit
        ? html`<button type="button" class="ce-button" part="credit-note-button" aria-expanded=${this.editor.mode === 'credit-note' ? 'true' : 'false'}
            @click=${() => (this.editor.mode === 'credit-note' ? this.editor.close() : this.openForm('credit-note'))}>${this.m('action.creditNote')}</button>`
        : nothing}
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab') && !TABS.includes(this.tab)) {
      console.warn(`customer-accounts: unknown tab "${String(this.tab)}"; showing the ledger.`);
      this.tab = 'ledger';
    }
  }

  private selectTab(tab: AccountsTab, focus = false): void {
    this.tab = tab;
    if (focus) void this.focusSoon(`[role="tab"][data-tab="${tab}"]`);
  }

  private onTabKeydown(event: KeyboardEvent): void {
    const index = TABS.indexOf(this.tab);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const next: Record<string, number> = {
      ArrowRight: rtl ? index - 1 : index + 1,
      ArrowLeft: rtl ? index + 1 : index - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.selectTab(TABS[(target + TABS.length) % TABS.length]!, true);
  }

  protected override render(): TemplateResult {
    if (!this.api) return renderConfigMessage(this);
    if (!this.customerId) return html``;
    return html`
      <div class="header" part="header">
        <h2 class="heading">${this.m('heading')}</h2>
      </div>
      ${this.renderAccount()}
      ${this.caps.render()}
      ${this.renderWriteActions()}
      ${this.payment.render()} ${this.editor.render()} ${this.payment.renderResult()} ${this.editor.renderResult()}
      <div role="tablist" class="tabs" part="tabs" aria-label=${this.m('tabs')} @keydown=${this.onTabKeydown}>
        ${TABS.map((tab) => {
          const selected = tab === this.tab;
          return html`<button
            type="button"
            role="tab"
            id="tab-${tab}"
            data-tab=${tab}
            part=${selected ? 'tab tab-selected' : 'tab'}
            class="tab"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${selected ? '0' : '-1'}
            @click=${() => this.selectTab(tab)}
          >
            ${this.m(`tab.${tab}`)}
          </button>`;
        })}
      </div>
      <div id="panel" role="tabpanel" part="panel" class="panel-body" aria-labelledby="tab-${this.tab}">${this.renderPanel()}</div>
      <p class="ce-visually-hidden" role="status" aria-live="polite" aria-label=${this.m('live')}>${this.announcement}</p>
    `;
  }

  private renderAccount(): TemplateResult | typeof nothing {
    const { status, value, error } = this.account;
    if (value) return renderSummary(this, value);
    if (status === 'error') return renderError(this, error, () => this.account.reload());
    return renderSkeleton(2, this.t('state.loading'));
  }

  private renderPanel(): TemplateResult {
    switch (this.tab) {
      case 'loyalty':
        return this.loyalty.render();
      case 'statement':
        return this.statement.render();
      default:
        return this.ledger.render();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-accounts': CustomerAccounts;
  }
  interface HTMLElementEventMap {
    'account-change': CustomEvent<AccountChangeDetail>;
    'loyalty-change': CustomEvent<LoyaltyChangeDetail>;
  }
}
