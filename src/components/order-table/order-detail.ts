import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { tags, type Money, type Order } from '../../sdk/index.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, parseAmount } from '../shared/format.js';
import { fieldErrors, type MessageParams } from '../shared/i18n.js';
import { isOverLimit, limitDescribedBy, renderLimit, type TextLimit } from '../shared/limits.js';
import { CancelInputLimits, RefundInputLimits, ReturnInputLimits, TrackingInputLimits } from '../shared/limits.generated.js';
import { ResourceController } from '../shared/resource.js';
import { referenceController } from '../shared/reference.js';
import { confirmedWrite, forgetWriteKey, writeFailureText, writeKeyFor } from '../shared/write.js';
import { renderResource, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { detailStyles, statusStyles } from './order-detail.styles.js';
import { orderMessages, type OrderMessageKey } from './order-table.messages.js';
import { OrderDocuments } from './documents.js';

/** The text fields' length limits, from the contract's request schemas. */
const LIMITS = {
  carrier: TrackingInputLimits.carrier,
  code: TrackingInputLimits.code,
  refundReason: RefundInputLimits.reason,
  returnReason: ReturnInputLimits.reason,
  cancelReason: CancelInputLimits.reason,
};
/** The actions the detail offers, as named in `order-action` events. */
export type OrderActionName =
  | 'prioritise'
  | 'unprioritise'
  | 'add-tracking'
  | 'cancel'
  | 'run-triggers'
  | 'print-invoice'
  | 'refund'
  | 'return'
  | 'attach';

/** Detail of `order-action`: the order as the server returned it after the user's action. */
export interface OrderActionDetail {
  orderId: string;
  action: OrderActionName;
  order: Order;
}
export type OrderActionEvent = CustomEvent<OrderActionDetail>;

/** Detail of `order-edit`: the order to open in order entry. */
export interface OrderEditDetail {
  orderId: string;
  customerId: string;
}
export type OrderEditEvent = CustomEvent<OrderEditDetail>;

type ActionId = 'edit' | 'prioritise' | 'tracking' | 'cancel' | 'triggers' | 'invoice' | 'refund' | 'return' | 'attach';

/** The capability each action needs: without it the action is not offered at all. */
const CAPABILITY: Record<ActionId, string> = {
  edit: 'orders.edit',
  prioritise: 'orders.prioritise',
  tracking: 'orders.tracking.add',
  cancel: 'orders.cancel',
  triggers: 'orders.triggers.run',
  invoice: 'orders.invoice.print',
  refund: 'orders.refund',
  return: 'orders.return',
  attach: 'orders.attach',
};

/** Actions that open a form in the detail (the others act at once, or ask first). */
const FORM_ACTIONS = new Set<ActionId>(['tracking', 'refund', 'return', 'attach']);

const ACTION_ORDER: ActionId[] = ['edit', 'prioritise', 'tracking', 'cancel', 'triggers', 'invoice', 'refund', 'return', 'attach'];

interface Drafts {
  carrier: string;
  code: string;
  cancelReason: string;
  refundAmount: string;
  refundReason: string;
  refundMethod: 'manual' | 'automatic';
  returnQty: Record<string, string>;
  returnReason: string;
}

const emptyDrafts = (): Drafts => ({
  carrier: '',
  code: '',
  cancelReason: '',
  refundAmount: '',
  refundReason: '',
  refundMethod: 'manual',
  returnQty: {},
  returnReason: '',
});

/** Parses "12.50" / "12,50" into minor units (shared: the accounts screen takes amounts too). */
export { parseAmount };

/**
 * One order in full: its lines, totals, tracking, print history, triggers, refunds, returns and
 * attachments, with the actions the user may take on it. Each action is offered only to users with
 * its capability, and is disabled, with the reason shown, when the order's state forbids it.
 * Writes go through the SDK, so the order's row in any `<order-table>` on the page updates too.
 *
 * Used inside `<order-table>`'s dialog, and alone (`<order-detail order-id="ord_000123">`).
 *
 * @summary An order's detail and its actions (prioritise, tracking, cancel, triggers, invoice, refund, returns, attachments).
 *
 * @fires order-action - After an action succeeded: `detail: OrderActionDetail` (`{ orderId, action, order }`,
 *   `action` one of `prioritise`, `unprioritise`, `add-tracking`, `cancel`, `run-triggers`, `print-invoice`,
 *   `refund`, `return`, `attach`). Bubbles, composed.
 *
 * @fires order-edit - "Edit order" was pressed on an order not yet dispatched: `detail: OrderEditDetail`
 *   (`{ orderId, customerId }`). The customer screen opens order entry for it. Bubbles, composed.
 *
 * @csspart header - The order number, status and key facts.
 * @csspart title - The heading with the order number.
 * @csspart status - The status, in words.
 * @csspart status-hint - What the status means ("stock allocated, not dispatched").
 * @csspart priority - The priority flag, in words.
 * @csspart actions - The group of action buttons.
 * @csspart action - Each action button (also `action-<name>`: `action-prioritise`, `action-tracking`,
 *   `action-edit`, `action-cancel`, `action-triggers`, `action-invoice`, `action-refund`, `action-return`, `action-attach`).
 * @csspart action-reason - Why an action is disabled.
 * @csspart action-error - Why an action failed.
 * @csspart action-form - The form an action opens (tracking, refund, returns, attach).
 * @csspart field-error - A message beside a field.
 * @csspart limit-count - The character counter shown near a field's length limit.
 * @csspart limit-error - The message when a field is longer than its limit.
 * @csspart submit - A form's submit button.
 * @csspart confirm - The dialog that asks before cancelling.
 * @csspart confirm-accept - Cancels the order.
 * @csspart confirm-dismiss - Closes the question and keeps the order.
 * @csspart print-download - The download button of each print-history record (its PDF).
 * @csspart print-download-error - Why a document could not be downloaded, under its record.
 * @csspart section - Each section (items, totals, tracking, print history, triggers, refunds, returns, attachments).
 * @csspart detail-lines - The table of items.
 * @csspart totals - The totals list.
 * @csspart error - A failed load, with `retry-button`.
 * @csspart skeleton - Placeholder while the order loads.
 * @csspart retry-button - The Retry button beside an error.
 * @csspart permissions-message - Shown where the edit actions would be when the user's permissions could not be loaded.
 * @csspart permissions-retry-button - Asks for the permissions again.
 * @csspart message - A state message: no API client configured, or nothing to show.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --order-detail-gap - Space between sections. Default `--ce-space-l` (1rem).
 * @cssproperty --order-detail-section-border - Border colour between sections. Default `--ce-color-border`.
 *
 * @slot - None.
 */
export class OrderDetail extends CeElement {
  static override styles = [baseStyles, controlStyles, statusStyles, detailStyles];
  static override catalogues = [orderMessages];

  /** The order to show. */
  @property({ attribute: 'order-id', reflect: true })
  orderId?: string;

  /** Show the order only: offer no actions, whatever the user's capabilities. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** The order when the host already has it (then it is not fetched first). Writes still update it. */
  @property({ attribute: false })
  order?: Order;

  @state() private open: ActionId | undefined;
  @state() private busy: ActionId | undefined;
  @state() private failures: Partial<Record<ActionId, unknown>> = {};
  @state() private fieldErrs: Partial<Record<ActionId, Map<string, string>>> = {};
  @state() private drafts: Drafts = emptyDrafts();
  @state() private confirmOpen = false;
  @state() private announcement = '';

  @query('dialog[part~="confirm"]') private confirmDialog?: HTMLDialogElement;

  private focusAfterUpdate: string | undefined;

  private readonly data = new ResourceController(this, {
    args: () => (this.orderId ? ([this.orderId] as const) : undefined),
    load: ([id], signal, client) => client.orders.get(id, { signal }),
    tags: ([id]) => [tags.order(id)],
    initialValue: ([id]) => (this.order?.id === id ? this.order : undefined),
  });

  private readonly caps = new CapabilitiesController(this, { enabled: () => !this.readonly });

  private readonly reference = referenceController(this);

  /** Print-history downloads, and the invoice "Print invoice" prints. */
  private readonly documents = new OrderDocuments(this, (key, params) => this.m(key, params));

  /** The order shown now (after the latest action). */
  get current(): Order | undefined {
    return this.data.value;
  }

  private m(key: OrderMessageKey, params?: MessageParams): string {
    return orderMessages(this.resolvedLocale, key, params);
  }

  private can(action: ActionId): boolean {
    if (this.readonly || !this.api) return false;
    return this.caps.can(CAPABILITY[action]);
  }

  /** Why the order's state forbids an action now; undefined when it is allowed. */
  private blockedReason(action: ActionId, order: Order): string | undefined {
    const s = order.status;
    switch (action) {
      case 'edit':
        if (s === 'dispatched') return this.m('why.editDispatched');
        if (s === 'cancelled') return this.m('why.editCancelled');
        return undefined;
      case 'prioritise':
        if (s === 'dispatched') return this.m('why.priorityDispatched');
        if (s === 'cancelled') return this.m('why.priorityCancelled');
        return undefined;
      case 'tracking':
        return s === 'cancelled' ? this.m('why.trackingCancelled') : undefined;
      case 'cancel':
        if (s === 'dispatched') return this.m('why.cancelDispatched');
        if (s === 'cancelled') return this.m('why.cancelCancelled');
        return undefined;
      case 'triggers':
        return order.triggers.some((t) => t.status === 'pending') ? undefined : this.m('why.noPendingTriggers');
      case 'invoice':
        return s === 'cancelled' ? this.m('why.invoiceCancelled') : undefined;
      case 'refund':
        return this.refundable(order) > 0 ? undefined : this.m('why.nothingToRefund');
      case 'return':
        if (s !== 'dispatched') return this.m('why.returnNotDispatched');
        return order.lines.some((l) => l.quantity > l.returnedQuantity) ? undefined : this.m('why.allReturned');
      case 'attach':
        return undefined;
    }
  }

  private refundable(order: Order): number {
    return order.totals.total.amountMinor - order.totals.refunded.amountMinor;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('order') && this.order && this.order.id === this.orderId) this.data.set(this.order);
    if (changed.has('orderId') && changed.get('orderId') !== undefined) {
      // Another order: nothing typed for the previous one may be sent to this one.
      this.open = undefined;
      this.busy = undefined;
      this.failures = {};
      this.fieldErrs = {};
      this.drafts = emptyDrafts();
      this.confirmOpen = false;
      this.announcement = '';
    }
  }

  protected override updated(): void {
    const dialog = this.confirmDialog;
    if (dialog) {
      if (this.confirmOpen && !dialog.open) {
        dialog.showModal();
        dialog.querySelector<HTMLElement>('[part~="confirm-dismiss"]')?.focus();
      } else if (!this.confirmOpen && dialog.open) {
        dialog.close();
      }
    }
    if (this.focusAfterUpdate) {
      const selector = this.focusAfterUpdate;
      this.focusAfterUpdate = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  protected override render() {
    // The actions depend on who the user is: wait for that too, so they do not pop in late.
    const meLoading = this.caps.pending;
    return renderResource(this, this.data, (order) =>
      meLoading ? renderSkeleton(3, this.t('state.loading')) : this.renderOrder(order),
    );
  }

  private renderOrder(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    const channel = this.reference.value?.salesChannels.find((c) => c.id === order.salesChannelId)?.name;
    return html`
      <div part="header" class="header">
        <h2 part="title" class="title">${this.m('title', { number: order.number })}</h2>
        <p class="facts">
          <span part="status" class="status" data-status=${order.status}>${this.m(`status.${order.status}`)}</span>
          <span part="status-hint" class="hint">${this.m(`statusHint.${order.status}`)}</span>
          ${order.priority ? html`<span part="priority" class="priority">${this.m('priority')}</span>` : nothing}
        </p>
        <dl class="meta">
          <div><dt>${this.m('placed')}</dt><dd>${formatDateTime(order.placedAt, locale)}</dd></div>
          <div><dt>${this.m('channel')}</dt><dd>${channel ?? '—'}</dd></div>
          <div><dt>${this.m('reference')}</dt><dd dir="auto">${order.reference}</dd></div>
          ${order.externalReference
            ? html`<div><dt>${this.m('externalReference')}</dt><dd dir="auto">${order.externalReference}</dd></div>`
            : nothing}
          ${order.invoiceNumber
            ? html`<div><dt>${this.m('invoiceNumber')}</dt><dd>${order.invoiceNumber}</dd></div>`
            : nothing}
        </dl>
      </div>
      ${this.renderActions(order)}
      <span class="ce-visually-hidden" role="status">${this.announcement}</span>
      ${this.renderLines(order)} ${this.renderTotals(order)} ${this.renderTracking(order)} ${this.renderPrints(order)}
      ${this.renderTriggers(order)} ${this.renderRefunds(order)} ${this.renderReturns(order)}
      ${this.renderAttachments(order)} ${this.can('cancel') ? this.renderConfirm(order) : nothing}
    `;
  }

  // ---------------------------------------------------------------------------------------------
  // Sections
  // ---------------------------------------------------------------------------------------------

  private section(id: string, title: string, body: TemplateResult): TemplateResult {
    return html`<section part="section section-${id}" class="section" aria-labelledby="h-${id}">
      <h3 id="h-${id}">${title}</h3>
      ${body}
    </section>`;
  }

  private renderLines(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    return this.section(
      'lines',
      this.m('lines'),
      html`<div class="table-wrap">
        <table part="detail-lines" class="lines">
          <thead>
            <tr>
              <th scope="col">${this.m('sku')}</th>
              <th scope="col">${this.m('description')}</th>
              <th scope="col" class="num">${this.m('qty')}</th>
              <th scope="col" class="num">${this.m('unitPrice')}</th>
              <th scope="col" class="num">${this.m('lineTotal')}</th>
              <th scope="col" class="num">${this.m('returned')}</th>
            </tr>
          </thead>
          <tbody>
            ${order.lines.map(
              (line) => html`<tr>
                <td dir="auto" class="text">${line.sku}</td>
                <td dir="auto" class="text">${line.description}</td>
                <td class="num">${formatNumber(line.quantity, locale)}</td>
                <td class="num">${formatMoney(line.unitPrice, locale)}</td>
                <td class="num">${formatMoney(line.total, locale)}</td>
                <td class="num">${formatNumber(line.returnedQuantity, locale)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
    );
  }

  private renderTotals(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    const row = (key: OrderMessageKey, money: Money) =>
      html`<div><dt>${this.m(key)}</dt><dd>${formatMoney(money, locale)}</dd></div>`;
    const t = order.totals;
    return this.section(
      'totals',
      this.m('totals'),
      html`<dl part="totals" class="totals">
        ${row('subtotal', t.subtotal)} ${row('shipping', t.shipping)} ${row('tax', t.tax)} ${row('total', t.total)}
        ${row('refunded', t.refunded)}
      </dl>`,
    );
  }

  private list<T>(items: readonly T[], empty: OrderMessageKey, item: (value: T) => TemplateResult): TemplateResult {
    if (items.length === 0) return html`<p class="empty">${this.m(empty)}</p>`;
    return html`<ul class="records">
      ${items.map((value) => html`<li>${item(value)}</li>`)}
    </ul>`;
  }

  private renderTracking(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    return this.section(
      'tracking',
      this.m('tracking'),
      this.list(
        order.tracking,
        'noTracking',
        (t) => html`<span class="strong" dir="auto">${t.carrier}</span> <span class="code" dir="auto">${t.code}</span>
          <span class="quiet">${this.m(`source.${t.source}`)}, ${formatDateTime(t.addedAt, locale)}</span>`,
      ),
    );
  }

  private renderPrints(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    return this.section(
      'prints',
      this.m('printHistory'),
      this.list(
        order.printHistory,
        'noPrints',
        (p) => html`<span class="strong">${this.m(`doc.${p.document}`)}</span>
          <span class="quiet">${formatDateTime(p.printedAt, locale)}, ${this.m('by')} <span dir="auto">${p.by.name}</span></span>
          ${this.documents.render(order, p, locale)}`,
      ),
    );
  }

  private renderTriggers(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    return this.section(
      'triggers',
      this.m('triggers'),
      this.list(
        order.triggers,
        'noTriggers',
        (t) => html`<span class="strong" dir="auto">${t.name}</span> (${this.m(`doc.${t.document}`)})
          <span class="trigger-state" data-state=${t.status}
            >${t.status === 'pending' ? this.m('triggerPending') : this.m('triggerRun', { date: formatDateTime(t.runAt, locale) })}</span
          >`,
      ),
    );
  }

  private renderRefunds(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    return this.section(
      'refunds',
      this.m('refunds'),
      this.list(
        order.refunds,
        'noRefunds',
        (r) => html`<span class="strong">${formatMoney(r.amount, locale)}</span> <span dir="auto">${r.reason}</span>
          <span class="quiet">${this.m(`method.${r.method}`)}, ${formatDateTime(r.createdAt, locale)}, ${this.m('by')}
            <span dir="auto">${r.by.name}</span></span
          >`,
      ),
    );
  }

  private renderReturns(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    const skuOf = (lineId: string) => order.lines.find((l) => l.id === lineId)?.sku ?? lineId;
    return this.section(
      'returns',
      this.m('returns'),
      this.list(
        order.returns,
        'noReturns',
        (r) => html`<span class="strong"
            >${r.lines.map((l, i) => html`${i ? ', ' : ''}<span dir="auto">${skuOf(l.lineId)}</span> × ${l.quantity}`)}</span
          >
          <span dir="auto">${r.reason}</span>
          <span class="quiet">${formatDateTime(r.createdAt, locale)}, ${this.m('by')} <span dir="auto">${r.by.name}</span></span>`,
      ),
    );
  }

  private renderAttachments(order: Order): TemplateResult {
    const locale = this.resolvedLocale;
    return this.section(
      'attachments',
      this.m('attachments'),
      this.list(
        order.attachments,
        'noAttachments',
        (a) => html`<span class="strong" dir="auto">${a.filename}</span>
          <span class="quiet">${formatNumber(Math.ceil(a.size / 1024), locale)} KB, ${formatDate(a.uploadedAt, locale)},
            <span dir="auto">${a.uploadedBy.name}</span></span
          >`,
      ),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Actions
  // ---------------------------------------------------------------------------------------------

  private actionLabel(action: ActionId, order: Order): string {
    switch (action) {
      case 'edit':
        return this.m('editOrder');
      case 'prioritise':
        return this.m(order.priority ? 'unprioritise' : 'prioritise');
      case 'tracking':
        return this.m('addTracking');
      case 'cancel':
        return this.m('cancelOrder');
      case 'triggers':
        return this.m('runTriggers');
      case 'invoice':
        return this.m('printInvoice');
      case 'refund':
        return this.m('createRefund');
      case 'return':
        return this.m('enterReturns');
      case 'attach':
        return this.m('attach');
    }
  }

  private renderActions(order: Order): TemplateResult | typeof nothing {
    const offered = ACTION_ORDER.filter((a) => this.can(a));
    if (offered.length === 0) return this.caps.render();
    return html`<div part="actions" class="actions" role="group" aria-label=${this.m('actions')}>
        ${offered.map((action) => this.renderAction(action, order))}
      </div>
      ${this.open && FORM_ACTIONS.has(this.open) && this.can(this.open) && !this.blockedReason(this.open, order)
        ? this.renderForm(this.open, order)
        : nothing}`;
  }

  private renderAction(action: ActionId, order: Order): TemplateResult {
    const why = this.blockedReason(action, order);
    const failure = FORM_ACTIONS.has(action) || action === 'cancel' ? undefined : this.failures[action];
    const busy = this.busy === action;
    const describedBy = [why ? `why-${action}` : '', failure ? `fail-${action}` : ''].filter(Boolean).join(' ');
    return html`<div class="action-item">
      <button
        type="button"
        id="act-${action}"
        part="action action-${action}"
        class="ce-button"
        aria-disabled=${why || busy ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        aria-expanded=${FORM_ACTIONS.has(action) ? String(this.open === action) : nothing}
        aria-controls=${FORM_ACTIONS.has(action) && this.open === action ? `form-${action}` : nothing}
        aria-haspopup=${action === 'cancel' ? 'dialog' : nothing}
        @click=${() => this.onAction(action, order)}
      >
        ${busy ? this.m('working') : this.actionLabel(action, order)}
      </button>
      ${why ? html`<p id="why-${action}" part="action-reason" class="why">${why}</p>` : nothing}
      ${failure
        ? html`<p id="fail-${action}" part="action-error" class="ce-field-error" role="alert">${this.errorText(failure, action)}</p>`
        : nothing}
    </div>`;
  }

  private errorText(error: unknown, action: ActionId): string {
    // A typed form keeps its text; a button (or a file) is simply tried again.
    const kind = action === 'tracking' || action === 'refund' || action === 'return' ? 'draft' : 'action';
    return writeFailureText(error, (key, params) => this.t(key, params), (reason) => reason, kind);
  }

  private onAction(action: ActionId, order: Order): void {
    if (this.busy || this.blockedReason(action, order)) return;
    if (FORM_ACTIONS.has(action)) {
      this.open = this.open === action ? undefined : action;
      if (this.open) this.focusAfterUpdate = `#form-${action} input, #form-${action} select`;
      return;
    }
    if (action === 'edit') {
      // Order entry edits it: the customer screen (or the host) opens it for this order.
      emit(this, 'order-edit', { orderId: order.id, customerId: order.customerId });
      return;
    }
    if (action === 'cancel') {
      this.failures = { ...this.failures, cancel: undefined };
      this.confirmOpen = true;
      return;
    }
    if (action === 'prioritise') {
      void this.run('prioritise', order.priority ? 'unprioritise' : 'prioritise', (c) =>
        c.orders.prioritise(order.id, !order.priority),
      );
    } else if (action === 'triggers') {
      void this.run('triggers', 'run-triggers', (c) => c.orders.runTriggers(order.id));
    } else if (action === 'invoice') {
      // Printing records the invoice in the print history, then downloads the PDF it printed.
      let printed: Order | undefined;
      void this.run('invoice', 'print-invoice', async (c) => (printed = await c.orders.printInvoice(order.id))).then((ok) => {
        const record = ok && printed ? OrderDocuments.latestInvoice(printed) : undefined;
        if (printed && record) void this.documents.download(printed, record);
      });
    }
  }

  /** Runs one action through the SDK; on success updates the order and fires `order-action`. */
  private async run(
    action: ActionId,
    name: OrderActionName,
    call: (client: NonNullable<CeElement['api']>) => Promise<Order>,
    mapField: (field: string) => string = (field) => field,
  ): Promise<boolean> {
    const client = this.api;
    const orderId = this.orderId;
    if (!client || !orderId) return false;
    this.busy = action;
    this.failures = { ...this.failures, [action]: undefined };
    this.fieldErrs = { ...this.fieldErrs, [action]: undefined };
    try {
      // After an uncertain answer the identical action is sent once more (same idempotency key):
      // the server answers from its store when it did it, so the truth is shown, never a double.
      // What the user pressed, named before the answer changes the button ("Prioritise" becomes "Remove priority").
      const before = this.data.value;
      const pressed = before ? this.actionLabel(action, before) : undefined;
      const order = await confirmedWrite(() => call(client));
      if (this.orderId !== orderId) return false;
      this.data.set(order);
      this.announcement =
        name === 'prioritise'
          ? this.m('prioritised')
          : name === 'unprioritise'
            ? this.m('unprioritised')
            : this.m('done', { action: pressed ?? this.actionLabel(action, order) });
      emit(this, 'order-action', { orderId: order.id, action: name, order });
      return true;
    } catch (error) {
      if (this.orderId !== orderId) return false;
      this.failures = { ...this.failures, [action]: error };
      const fields = new Map<string, string>();
      for (const [field, message] of fieldErrors(error)) fields.set(mapField(field), message);
      if (fields.size) this.fieldErrs = { ...this.fieldErrs, [action]: fields };
      return false;
    } finally {
      if (this.orderId === orderId) this.busy = undefined;
    }
  }

  private setDraft<K extends keyof Drafts>(key: K, value: Drafts[K]): void {
    this.drafts = { ...this.drafts, [key]: value };
  }

  private closeForm(action: ActionId): void {
    this.open = undefined;
    this.focusAfterUpdate = `#act-${action}`;
  }

  private renderForm(action: ActionId, order: Order): TemplateResult {
    const failure = this.failures[action];
    const body =
      action === 'tracking'
        ? this.trackingFields()
        : action === 'refund'
          ? this.refundFields(order)
          : action === 'return'
            ? this.returnFields(order)
            : this.attachFields();
    const submitKey: OrderMessageKey =
      action === 'tracking' ? 'submitTracking' : action === 'refund' ? 'submitRefund' : action === 'return' ? 'submitReturn' : 'submitAttach';
    return html`<form
      id="form-${action}"
      part="action-form"
      class="action-form"
      novalidate
      aria-labelledby="act-${action}"
      @submit=${(e: Event) => this.onSubmit(e, action, order)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          // Escape closes the form first (keeping what was typed); a second one closes the dialog.
          e.preventDefault();
          e.stopPropagation();
          this.closeForm(action);
        }
      }}
    >
      ${/* Above the fields: a validation failure says "Check the fields marked below". */ ''}
      ${failure
        ? html`<p part="action-error" class="ce-message ce-error" role="alert">${this.errorText(failure, action)}</p>`
        : nothing}
      ${body}
      <div class="form-buttons">
        <button type="submit" part="submit" class="ce-button ce-button--primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy === action ? this.m('working') : this.m(submitKey)}
        </button>
        <button type="button" class="ce-button" @click=${() => this.closeForm(action)}>${this.t('action.cancel')}</button>
      </div>
    </form>`;
  }

  private field(
    action: ActionId,
    name: string,
    label: string,
    control: (describedBy: string | undefined, invalid: boolean) => TemplateResult,
    hint?: string,
    text?: { value: string; limit: TextLimit | undefined },
  ): TemplateResult {
    const error = this.fieldErrs[action]?.get(name);
    const id = `${action}-${name.replace(/\W/g, '-')}`;
    const limitIds = text ? limitDescribedBy(id, text.value, text.limit) : '';
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', limitIds].filter(Boolean).join(' ') || undefined;
    const over = text ? isOverLimit(text.value, text.limit) : false;
    return html`<div class="field">
      <label class="ce-label" for=${id}>${label}</label>
      ${hint ? html`<p id="${id}-hint" class="ce-hint">${hint}</p>` : nothing} ${control(describedBy, !!error || over)}
      ${error ? html`<p id="${id}-error" part="field-error" class="ce-field-error">${error}</p>` : nothing}
      ${text ? renderLimit({ id, value: text.value, limit: text.limit, locale: this.resolvedLocale, label }) : nothing}
    </div>`;
  }

  private trackingFields(): TemplateResult {
    return html`${this.field(
      'tracking',
      'carrier',
      this.m('carrier'),
      (describedBy, invalid) => html`<input
        id="tracking-carrier"
        class="ce-input"
        name="carrier"
        autocomplete="off"
        aria-describedby=${describedBy ?? nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(this.drafts.carrier)}
        @input=${(e: Event) => this.setDraft('carrier', (e.target as HTMLInputElement).value)}
      />`,
      undefined,
      { value: this.drafts.carrier, limit: LIMITS.carrier },
    )}
    ${this.field(
      'tracking',
      'code',
      this.m('code'),
      (describedBy, invalid) => html`<input
        id="tracking-code"
        class="ce-input"
        name="code"
        autocomplete="off"
        aria-describedby=${describedBy ?? nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(this.drafts.code)}
        @input=${(e: Event) => this.setDraft('code', (e.target as HTMLInputElement).value)}
      />`,
      undefined,
      { value: this.drafts.code, limit: LIMITS.code },
    )}`;
  }

  private refundFields(order: Order): TemplateResult {
    const refundable = { amountMinor: this.refundable(order), currency: order.totals.total.currency };
    return html`${this.field(
      'refund',
      'amount',
      `${this.m('amount')} (${order.totals.total.currency})`,
      (describedBy, invalid) => html`<input
        id="refund-amount"
        class="ce-input"
        name="amount"
        inputmode="decimal"
        autocomplete="off"
        aria-describedby=${describedBy ?? nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(this.drafts.refundAmount)}
        @input=${(e: Event) => this.setDraft('refundAmount', (e.target as HTMLInputElement).value)}
      />`,
      this.m('refundable', { amount: formatMoney(refundable, this.resolvedLocale) }),
    )}
    ${this.field(
      'refund',
      'reason',
      this.m('reason'),
      (describedBy, invalid) => html`<input
        id="refund-reason"
        class="ce-input"
        name="reason"
        aria-describedby=${describedBy ?? nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(this.drafts.refundReason)}
        @input=${(e: Event) => this.setDraft('refundReason', (e.target as HTMLInputElement).value)}
      />`,
      undefined,
      { value: this.drafts.refundReason, limit: LIMITS.refundReason },
    )}
    ${this.field(
      'refund',
      'method',
      this.m('method'),
      (describedBy) => html`<select
        id="refund-method"
        class="ce-input"
        name="method"
        aria-describedby=${describedBy ?? nothing}
        @change=${(e: Event) => this.setDraft('refundMethod', (e.target as HTMLSelectElement).value as Drafts['refundMethod'])}
      >
        <option value="manual" ?selected=${this.drafts.refundMethod === 'manual'}>${this.m('method.manual')}</option>
        <option value="automatic" ?selected=${this.drafts.refundMethod === 'automatic'}>${this.m('method.automatic')}</option>
      </select>`,
    )}`;
  }

  private returnFields(order: Order): TemplateResult {
    const lines = order.lines.filter((l) => l.quantity > l.returnedQuantity);
    return html`<fieldset class="return-lines">
        <legend class="ce-label">${this.m('returnLines')}</legend>
        ${lines.map((line) => {
          const returnable = line.quantity - line.returnedQuantity;
          return this.field(
            'return',
            `line:${line.id}`,
            this.m('returnQty', { sku: line.sku }),
            (describedBy, invalid) => html`<input
              id=${`return-line-${line.id.replace(/\W/g, '-')}`}
              class="ce-input qty"
              type="number"
              min="0"
              max=${returnable}
              step="1"
              inputmode="numeric"
              aria-describedby=${describedBy ?? nothing}
              aria-invalid=${invalid ? 'true' : 'false'}
              .value=${live(this.drafts.returnQty[line.id] ?? '')}
              @input=${(e: Event) =>
                this.setDraft('returnQty', { ...this.drafts.returnQty, [line.id]: (e.target as HTMLInputElement).value })}
            />`,
            this.m('returnable', { count: returnable }),
          );
        })}
      </fieldset>
      ${this.fieldErrs.return?.get('lines')
        ? html`<p part="field-error" class="ce-field-error">${this.fieldErrs.return.get('lines')}</p>`
        : nothing}
      ${this.field(
        'return',
        'reason',
        this.m('reason'),
        (describedBy, invalid) => html`<input
          id="return-reason"
          class="ce-input"
          name="reason"
          aria-describedby=${describedBy ?? nothing}
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${live(this.drafts.returnReason)}
          @input=${(e: Event) => this.setDraft('returnReason', (e.target as HTMLInputElement).value)}
        />`,
        undefined,
        { value: this.drafts.returnReason, limit: LIMITS.returnReason },
      )}`;
  }

  private attachFields(): TemplateResult {
    return this.field(
      'attach',
      'file',
      this.m('file'),
      (describedBy, invalid) => html`<input
        id="attach-file"
        class="ce-input"
        type="file"
        name="file"
        accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.csv,.txt"
        aria-describedby=${describedBy ?? nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
      />`,
      this.m('fileHint'),
    );
  }

  private async onSubmit(event: Event, action: ActionId, order: Order): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const errors = new Map<string, string>();
    const d = this.drafts;
    let call: ((client: NonNullable<CeElement['api']>) => Promise<Order>) | undefined;
    let name: OrderActionName = 'add-tracking';
    let mapField: ((field: string) => string) | undefined;
    // Fields over their length limit: their own message says so (renderLimit); nothing is sent.
    const tooLong: string[] = [];
    if (action === 'tracking') {
      const carrier = d.carrier.trim();
      const code = d.code.trim();
      if (!carrier) errors.set('carrier', this.m('required.carrier'));
      if (code.length < 3) errors.set('code', this.m('required.code'));
      if (isOverLimit(d.carrier, LIMITS.carrier)) tooLong.push('carrier');
      if (isOverLimit(d.code, LIMITS.code)) tooLong.push('code');
      call = (c) => c.orders.addTracking(order.id, { carrier, code });
    } else if (action === 'refund') {
      name = 'refund';
      const currency = order.totals.total.currency;
      const amountMinor = parseAmount(d.refundAmount, currency);
      if (!amountMinor) errors.set('amount', this.m('required.amount'));
      const reason = d.refundReason.trim();
      if (!reason) errors.set('reason', this.m('required.reason'));
      if (isOverLimit(d.refundReason, LIMITS.refundReason)) tooLong.push('reason');
      call = (c) => c.orders.refund(order.id, { amount: { amountMinor: amountMinor ?? 0, currency }, reason, method: d.refundMethod });
    } else if (action === 'return') {
      name = 'return';
      const lines: { lineId: string; quantity: number }[] = [];
      for (const line of order.lines) {
        const text = (d.returnQty[line.id] ?? '').trim();
        if (!text) continue;
        const quantity = Number(text);
        const returnable = line.quantity - line.returnedQuantity;
        if (!Number.isInteger(quantity) || quantity < 0 || quantity > returnable) {
          errors.set(`line:${line.id}`, this.m('invalid.quantity', { count: returnable }));
        } else if (quantity > 0) {
          lines.push({ lineId: line.id, quantity });
        }
      }
      if (lines.length === 0 && errors.size === 0) errors.set('lines', this.m('required.lines'));
      const reason = d.returnReason.trim();
      if (!reason) errors.set('reason', this.m('required.reason'));
      if (isOverLimit(d.returnReason, LIMITS.returnReason)) tooLong.push('reason');
      call = (c) => c.orders.return(order.id, { lines, reason });
      // The server names lines by their place in the request: show each error beside its line.
      mapField = (field) => {
        const m = /^lines\.(\d+)\./.exec(field);
        const line = m ? lines[Number(m[1])] : undefined;
        return line ? `line:${line.lineId}` : field;
      };
    } else if (action === 'attach') {
      name = 'attach';
      const input = this.renderRoot.querySelector<HTMLInputElement>('#attach-file');
      const file = input?.files?.[0];
      if (!file) errors.set('file', this.m('required.file'));
      else call = (c) => c.orders.attach(order.id, file, { filename: file.name, idempotencyKey: writeKeyFor(file) });
    }
    if (errors.size || tooLong.length || !call) {
      this.fieldErrs = { ...this.fieldErrs, [action]: errors };
      this.failures = { ...this.failures, [action]: undefined };
      const first = errors.keys().next().value ?? tooLong[0];
      if (first) this.focusAfterUpdate = `#${action}-${first.replace(/\W/g, '-')}, #form-${action} [aria-invalid="true"]`;
      return;
    }
    const ok = await this.run(action, name, call, mapField);
    if (ok) {
      if (action === 'attach') {
        const file = this.renderRoot.querySelector<HTMLInputElement>('#attach-file')?.files?.[0];
        if (file) forgetWriteKey(file);
      }
      const cleared = emptyDrafts();
      if (action === 'tracking') this.drafts = { ...this.drafts, carrier: cleared.carrier, code: cleared.code };
      if (action === 'refund') this.drafts = { ...this.drafts, refundAmount: '', refundReason: '', refundMethod: 'manual' };
      if (action === 'return') this.drafts = { ...this.drafts, returnQty: {}, returnReason: '' };
      this.closeForm(action);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Cancel, after asking
  // ---------------------------------------------------------------------------------------------

  private renderConfirm(order: Order): TemplateResult {
    const failure = this.failures.cancel;
    return html`<dialog
      part="confirm"
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @close=${this.onConfirmClose}
    >
      ${this.confirmOpen
        ? html`<form method="dialog" novalidate @submit=${(e: Event) => this.onConfirm(e, order)}>
            <h3 id="confirm-title" class="confirm-title">${this.m('confirmTitle', { number: order.number })}</h3>
            <p id="confirm-text">${this.m('confirmText')}</p>
            <label class="ce-label" for="cancel-reason">${this.m('confirmReason')}</label>
            <textarea
              id="cancel-reason"
              class="ce-input"
              rows="2"
              aria-invalid=${isOverLimit(this.drafts.cancelReason, LIMITS.cancelReason) ? 'true' : 'false'}
              aria-describedby=${limitDescribedBy('cancel-reason', this.drafts.cancelReason, LIMITS.cancelReason) || nothing}
              .value=${live(this.drafts.cancelReason)}
              @input=${(e: Event) => this.setDraft('cancelReason', (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            ${renderLimit({
              id: 'cancel-reason',
              value: this.drafts.cancelReason,
              limit: LIMITS.cancelReason,
              locale: this.resolvedLocale,
              label: this.m('reason'),
            })}
            ${failure
              ? html`<p part="action-error" class="ce-message ce-error" role="alert">${this.errorText(failure, 'cancel')}</p>`
              : nothing}
            <div class="form-buttons">
              <button
                type="submit"
                part="confirm-accept"
                class="ce-button ce-button--danger"
                aria-disabled=${this.busy === 'cancel' ? 'true' : 'false'}
              >
                ${this.busy === 'cancel' ? this.m('working') : this.m('confirmAccept')}
              </button>
              <button type="button" part="confirm-dismiss" class="ce-button" @click=${this.dismissConfirm}>
                ${this.m('confirmDismiss')}
              </button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  private dismissConfirm(): void {
    this.confirmOpen = false;
    this.focusAfterUpdate = '#act-cancel';
  }

  private onConfirmClose(): void {
    // Escape (or the form's own close) ends the question; focus goes back to the Cancel button.
    if (!this.confirmOpen) return;
    this.confirmOpen = false;
    this.focusAfterUpdate = '#act-cancel';
  }

  private async onConfirm(event: Event, order: Order): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    if (isOverLimit(this.drafts.cancelReason, LIMITS.cancelReason)) {
      // The message beside the field says how much to remove; nothing is sent.
      this.renderRoot.querySelector<HTMLElement>('#cancel-reason')?.focus();
      return;
    }
    const reason = this.drafts.cancelReason.trim();
    const ok = await this.run('cancel', 'cancel', (c) => c.orders.cancel(order.id, reason ? { reason } : {}));
    if (ok) {
      this.drafts = { ...this.drafts, cancelReason: '' };
      this.confirmOpen = false;
      this.focusAfterUpdate = '#act-cancel';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'order-detail': OrderDetail;
  }
  interface HTMLElementEventMap {
    'order-action': OrderActionEvent;
    'order-edit': OrderEditEvent;
  }
}
