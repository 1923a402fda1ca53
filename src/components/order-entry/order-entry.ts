import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isConflictError, tags, type Address, type Customer, type Order } from '../../sdk/index.js';
import type { OrderInput, Product, Quote } from '../../sdk/schemas-catalogue.js';
import { CeElement } from '../shared/base.js';
import { CapabilitiesController } from '../shared/capabilities.js';
import { emit } from '../shared/events.js';
import { formatMoney } from '../shared/format.js';
import { errorMessage, fieldErrors } from '../shared/i18n.js';
import { referenceController } from '../shared/reference.js';
import { ResourceController } from '../shared/resource.js';
import { renderConfigMessage, renderError, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { confirmedWrite, writeFailureText } from '../shared/write.js';
import { defaultAddress, renderAddresses } from './addresses.js';
import { renderLines, type EntryLine } from './lines.js';
import { orderEntryMessages, type OrderEntryMessageKey } from './order-entry.messages.js';
import { styles } from './order-entry.styles.js';
import { ProductFinder } from './product-finder.js';
import { renderRule, renderTotals } from './totals.js';

/** Detail of `order-place` and `order-update`: the order as the server answered it. */
export type OrderPlaceDetail = Order;
export type OrderPlaceEvent = CustomEvent<OrderPlaceDetail>;
export type OrderUpdateEvent = CustomEvent<OrderPlaceDetail>;

/** How long edits must pause before the server is asked for prices (each newer ask aborts the older). */
const QUOTE_DELAY_MS = 250;

/**
 * Order from stock for one customer, or the edit of one of their orders not yet dispatched.
 *
 * The clerk finds products by SKU, name or barcode, sets quantities (each line says what is in
 * stock and what will be allocated), and sees the prices of the customer's price list with their
 * trade discounts, VAT and totals as the server works them out (asked again as the draft changes,
 * after a short pause; a newer ask aborts the older). Delivery and billing addresses come from the
 * address book. Before placing, the payment-terms rule is said in plain words (a "Full payment
 * before despatch" customer's order waits for payment; credit terms send it to the dispatch queue
 * at once). With a season chosen it is a pre-order at that season's prices, not allocated until the
 * season opens. Placing is safe to repeat: a lost answer never makes a second order.
 *
 * With `order-id` it edits that order (lines, quantities, addresses); a dispatched or cancelled
 * order says why it cannot be changed. Keyboard complete: type, arrows, Enter adds and moves to the
 * quantity; Tab through the lines to the addresses and the Place button.
 *
 * @summary Order from stock (or a season pre-order) for a customer, and edits of open orders.
 *
 * @fires {OrderPlaceEvent} order-place - A new order was placed. `detail`: the `Order`. Bubbles, composed.
 * @fires {CustomEvent<OrderPlaceDetail>} order-update - An order was changed. `detail`: the `Order`. Bubbles, composed.
 * @fires {CustomEvent<undefined>} view-close - After placing or saving, or Close: the view is done. Bubbles, composed.
 *
 * @csspart header - The title and the season choice.
 * @csspart season-select - The season (none: the current range, from stock).
 * @csspart product-finder - The product search with its list.
 * @csspart product-search - The search field (a combobox).
 * @csspart product-list - The listbox of products found.
 * @csspart product-option - One product in the list.
 * @csspart product-empty - "No product matches".
 * @csspart lines - The table of order lines.
 * @csspart line - One order line.
 * @csspart quantity-input - A line's quantity.
 * @csspart line-stock - What is in stock and what will be allocated.
 * @csspart line-discount - The trade discount applied to a line.
 * @csspart line-list-price - The price list's price, before discount.
 * @csspart line-total - A line's total.
 * @csspart remove-button - Removes a line.
 * @csspart no-lines - Shown before the first product is added.
 * @csspart addresses - The delivery and billing address choice.
 * @csspart delivery-address - The delivery address select.
 * @csspart billing-address - The billing address select.
 * @csspart no-addresses - The customer has no address.
 * @csspart totals - Subtotal, discount, shipping, VAT and total from the server.
 * @csspart subtotal - The subtotal row.
 * @csspart discount-total - The trade discount row.
 * @csspart shipping - The shipping row.
 * @csspart vat - The VAT row.
 * @csspart total - The total row.
 * @csspart price-list - Which price list the prices come from.
 * @csspart payment-rule - Where the order goes once placed, in words.
 * @csspart reference-input - The customer's reference.
 * @csspart place-button - Places the order (or saves the edit).
 * @csspart close-button - Closes without placing.
 * @csspart status - The polite live region (prices updated, order placed).
 * @csspart closed - Why an order cannot be edited.
 * @csspart field-error - A message beside a field.
 * @csspart error - A failed load or write, in words.
 * @csspart retry-button - Tries a failed load again.
 * @csspart permissions-message - The user may not place or change orders.
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart message - A state message.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --order-entry-gap - Space between the blocks. Default `--ce-space-l`.
 * @cssproperty --order-entry-accent - The colour of discounts and the total. Default `--ce-color-brand-fill-loud`.
 */
export class OrderEntry extends CeElement {
  static override styles = [baseStyles, controlStyles, styles];
  static override catalogues = [orderEntryMessages];

  /** The customer to order for. With `orderId`, the order's customer is used. */
  @property({ attribute: 'customer-id', reflect: true })
  customerId?: string;

  /** A season to pre-order for (from the order table's season choice); null or empty: from stock. */
  @property({ attribute: 'season-id' })
  seasonId?: string | null;

  /** Edit this order instead of placing a new one. */
  @property({ attribute: 'order-id', reflect: true })
  orderId?: string;

  @state() private lines: EntryLine[] = [];
  @state() private season: string | null = null;
  @state() private deliveryId: string | undefined;
  @state() private billingId: string | undefined;
  @state() private customerReference = '';
  @state() private quoteKey: string | undefined;
  @state() private busy = false;
  @state() private writeError: string | undefined;
  @state() private addressError: string | undefined;
  @state() private announcement = '';
  /** The order being edited, as loaded (its version goes with the save). */
  @state() private base: Order | undefined;
  @state() private stale = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #focusLine = -1;

  readonly finder = new ProductFinder(this);
  private readonly reference = referenceController(this);
  private readonly caps = new CapabilitiesController(this);

  private readonly order = new ResourceController<Order, readonly [string]>(this, {
    args: () => (this.orderId ? ([this.orderId] as const) : undefined),
    load: ([id], signal, client) => client.orders.get(id, { signal }),
    tags: ([id]) => [tags.order(id)],
  });

  private readonly customer = new ResourceController<Customer, readonly [string]>(this, {
    args: () => {
      const id = this.effectiveCustomerId;
      return id ? ([id] as const) : undefined;
    },
    load: ([id], signal, client) => client.customers.get(id, { signal }),
    tags: ([id]) => [tags.customer(id)],
  });

  private readonly addresses = new ResourceController<readonly Address[], readonly [string]>(this, {
    args: () => {
      const id = this.effectiveCustomerId;
      return id ? ([id] as const) : undefined;
    },
    load: async ([id], signal, client) => (await client.addresses.list(id, { limit: 100 }, { signal })).items,
    tags: ([id]) => [tags.addresses(id)],
  });

  private readonly quote = new ResourceController<Quote, readonly [string, string]>(this, {
    args: () => {
      const id = this.effectiveCustomerId;
      return id && this.quoteKey ? ([id, this.quoteKey] as const) : undefined;
    },
    load: ([id, key], signal, client) => client.orders.quote(id, JSON.parse(key) as Parameters<typeof client.orders.quote>[1], { signal }),
    keepValueOnArgsChange: true,
  });

  /** The customer in use: the edited order's, else `customerId`. */
  get effectiveCustomerId(): string | undefined {
    return this.orderId ? this.order.value?.customerId : this.customerId || undefined;
  }

  m(key: OrderEntryMessageKey, params?: Record<string, string | number>): string {
    return orderEntryMessages(this.resolvedLocale, key, params);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('seasonId') && !this.orderId) this.setSeason(this.seasonId || null);
    if (changed.has('orderId') || changed.has('customerId')) {
      this.base = undefined;
      this.lines = [];
      this.deliveryId = this.billingId = undefined;
      this.quoteKey = undefined;
    }
    // The edited order arrived (or was reloaded): it becomes the draft.
    const loaded = this.order.value;
    if (this.orderId && loaded && loaded.id === this.orderId && this.base?.version !== loaded.version && (!this.base || this.stale)) {
      this.base = loaded;
      this.stale = false;
      this.lines = loaded.lines.map((l) => ({ sku: l.sku, name: l.description, quantity: l.quantity }));
      this.season = loaded.seasonId;
      this.deliveryId = loaded.deliveryAddressId ?? undefined;
      this.billingId = loaded.billingAddressId ?? undefined;
      this.scheduleQuote(true);
    }
    const book = this.addresses.value;
    if (book?.length) {
      if (!this.deliveryId || !book.some((a) => a.id === this.deliveryId)) this.deliveryId = defaultAddress(book, 'delivery');
      if (!this.billingId || !book.some((a) => a.id === this.billingId)) this.billingId = defaultAddress(book, 'billing');
    }
  }

  protected override updated(): void {
    if (this.#focusLine >= 0) {
      const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>('input.qty');
      const input = inputs[this.#focusLine];
      this.#focusLine = -1;
      input?.focus();
      input?.select();
    }
  }

  // ----- the draft

  private scheduleQuote(now = false): void {
    clearTimeout(this.#timer);
    const key = JSON.stringify({
      lines: this.lines.filter((l) => Number.isInteger(l.quantity) && l.quantity >= 1).map((l) => ({ sku: l.sku, quantity: l.quantity })),
      seasonId: this.season,
      ...(this.orderId ? { orderId: this.orderId } : {}),
    });
    if (now) {
      this.quoteKey = key;
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.quoteKey = key;
    }, QUOTE_DELAY_MS);
  }

  /** The price to show in the finder: the customer's price list, in the chosen season. */
  optionPrice(product: Product): string | undefined {
    const channel = this.reference.value?.salesChannels.find((c) => c.id === this.customer.value?.salesChannelId);
    const price = product.prices.find((p) => p.priceList === (channel?.priceList ?? 'Retail') && p.seasonId === this.season);
    return price ? formatMoney(price.unitPrice, this.resolvedLocale) : undefined;
  }

  addProduct(product: Product): void {
    const at = this.lines.findIndex((l) => l.sku === product.sku);
    if (at >= 0) {
      this.lines = this.lines.map((l, i) => (i === at ? { ...l, quantity: l.quantity + 1 } : l));
      this.#focusLine = at;
    } else {
      this.lines = [...this.lines, { sku: product.sku, name: product.name, quantity: 1 }];
      this.#focusLine = this.lines.length - 1;
    }
    this.writeError = undefined;
    this.scheduleQuote();
  }

  private setQuantity(index: number, value: string): void {
    const n = Number(value);
    this.lines = this.lines.map((l, i) => (i === index ? { ...l, quantity: Number.isInteger(n) && n >= 1 ? Math.min(n, 9999) : l.quantity } : l));
    if (Number.isInteger(n) && n >= 1) this.scheduleQuote();
  }

  private removeLine(index: number): void {
    this.lines = this.lines.filter((_, i) => i !== index);
    this.scheduleQuote();
    // Focus stays in the table: the next line's quantity, else the finder.
    void this.updateComplete.then(() => {
      const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>('input.qty');
      (inputs[Math.min(index, inputs.length - 1)] ?? this.renderRoot.querySelector<HTMLInputElement>('#finder'))?.focus();
    });
  }

  private setSeason(season: string | null): void {
    if (season === this.season) return;
    this.season = season;
    if (this.lines.length) this.scheduleQuote(true);
  }

  /** The server's quote, when it answers for exactly the draft on screen. */
  private get currentQuote(): Quote | undefined {
    const q = this.quote.value;
    if (!q || this.quote.status === 'error') return undefined;
    if (q.lines.length !== this.lines.length || q.seasonId !== this.season) return undefined;
    return q.lines.every((l, i) => l.sku === this.lines[i]!.sku && l.quantity === this.lines[i]!.quantity) ? q : undefined;
  }

  // ----- placing and saving

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const client = this.api;
    const customerId = this.effectiveCustomerId;
    if (!client || !customerId || this.busy) return;
    if (!this.lines.length) {
      this.writeError = this.m('needLines');
      return;
    }
    if (!this.deliveryId || !this.billingId) {
      this.addressError = this.m('needAddresses');
      return;
    }
    this.busy = true;
    this.writeError = this.addressError = undefined;
    const lines = this.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
    try {
      if (this.base) {
        const base = this.base;
        const saved = await confirmedWrite(() =>
          client.orders.update(base.id, { lines, deliveryAddressId: this.deliveryId, billingAddressId: this.billingId }, { version: base.version }),
        );
        this.base = saved;
        this.announcement = this.m('saved', { number: saved.number, total: formatMoney(saved.totals.total, this.resolvedLocale) });
        emit(this, 'order-update', saved);
      } else {
        const body: OrderInput = { lines, seasonId: this.season, deliveryAddressId: this.deliveryId, billingAddressId: this.billingId };
        const reference = this.customerReference.trim();
        if (reference) body.reference = reference;
        const order = await confirmedWrite(() => client.orders.place(customerId, body));
        this.announcement = this.m('placed', { number: order.number, total: formatMoney(order.totals.total, this.resolvedLocale) });
        this.lines = [];
        this.quoteKey = undefined;
        emit(this, 'order-place', order);
      }
      emit(this, 'view-close', undefined);
    } catch (error) {
      const errors = fieldErrors(error);
      if (errors.size) {
        const address = errors.get('deliveryAddressId') ?? errors.get('billingAddressId');
        if (address) this.addressError = address;
      }
      if (this.base && isConflictError(error) && error.status === 412) {
        this.writeError = this.m('conflict');
        this.stale = true;
      } else if (isConflictError(error) && error.status === 409 && this.customer.value?.onHold) {
        this.writeError = this.m('onHold');
      } else {
        const t = (k: Parameters<typeof this.t>[0], p?: Record<string, string | number>) => this.t(k, p);
        this.writeError = writeFailureText(error, t, (reason) => this.m(this.base ? 'notSaved' : 'notPlaced', { reason }));
      }
    } finally {
      this.busy = false;
    }
  }

  private reloadOrder(): void {
    this.stale = true;
    this.writeError = undefined;
    this.order.reload();
  }

  private close(): void {
    emit(this, 'view-close', undefined);
  }

  // ----- rendering

  override render() {
    if (!this.api) return renderConfigMessage(this);
    if (this.orderId) {
      if (this.order.status === 'error') return renderError(this, this.order.error, () => this.order.reload());
      const order = this.order.value;
      if (!order) return renderSkeleton(4, this.t('state.loading'));
      if (order.status === 'dispatched' || order.status === 'cancelled') {
        return html`<p class="ce-message" part="message closed" role="alert">
            ${this.m(order.status === 'dispatched' ? 'closedDispatched' : 'closedCancelled', { number: order.number })}
          </p>
          <div class="actions"><button type="button" class="ce-button" part="close-button" @click=${this.close}>${this.m('close')}</button></div>`;
      }
    }
    if (this.customer.status === 'error') return renderError(this, this.customer.error, () => this.customer.reload());
    const customer = this.customer.value;
    if (!customer) return renderSkeleton(4, this.t('state.loading'));
    const capability = this.base ? 'orders.edit' : 'orders.create';
    if (this.caps.failed) return this.caps.render();
    if (!this.caps.pending && !this.caps.can(capability)) {
      return html`<p class="ce-message ce-permissions" part="message permissions-message">${this.m(this.base ? 'noEditCapability' : 'noCapability')}</p>`;
    }
    const quote = this.currentQuote;
    const locale = this.resolvedLocale;
    const ref = this.reference.value;
    const today = new Date().toISOString().slice(0, 10);
    const seasons = (ref?.seasons ?? []).filter((s) => s.endsOn >= today || s.id === this.season);
    const quoteErrors = this.quote.status === 'error' ? fieldErrors(this.quote.error) : new Map<string, string>();
    const lineErrors = new Map<number, string>();
    for (const [field, message] of quoteErrors) {
      const m = /^lines\.(\d+)\./.exec(field);
      if (m) lineErrors.set(Number(m[1]), message);
    }
    const pricing = this.#timer !== undefined || this.quote.status === 'loading';
    const title = this.base ? this.m('titleEdit', { number: this.base.number }) : this.m('titleNew');
    return html`<form class="entry" part="form" @submit=${this.submit} novalidate aria-labelledby="title">
      <header class="header" part="header">
        <h2 id="title" class="title">${title} <span class="customer">${customer.name}</span></h2>
        <div class="season">
          <label class="ce-label" for="season">${this.m('season')}</label>
          <select
            id="season"
            class="ce-input"
            part="season-select"
            aria-describedby="season-hint"
            ?disabled=${Boolean(this.base)}
            @change=${(e: Event) => this.setSeason((e.target as HTMLSelectElement).value || null)}
          >
            <option value="" ?selected=${!this.season}>${this.m('seasonNone')}</option>
            ${seasons.map((s) => html`<option value=${s.id} ?selected=${s.id === this.season}>${s.name}</option>`)}
          </select>
          <p id="season-hint" class="ce-hint">${this.m('seasonHint')}</p>
        </div>
      </header>
      ${customer.onHold && !this.base ? html`<p class="ce-message" part="message" role="alert">${this.m('onHold')}</p>` : nothing}
      ${this.finder.render()}
      ${renderLines({
        locale, lines: this.lines, quote, lineErrors, m: (k, p) => this.m(k, p),
        setQuantity: (i, v) => this.setQuantity(i, v), remove: (i) => this.removeLine(i),
        next: () => this.renderRoot.querySelector<HTMLInputElement>('#finder')?.focus(),
      })}
      ${this.quote.status === 'error' && lineErrors.size === 0
        ? html`<p class="ce-message ce-error" part="error" role="alert">
            ${this.m('quoteFailed', { reason: errorMessage(this.quote.error, (k, p) => this.t(k, p)) })}
            <button type="button" class="ce-button" part="retry-button" @click=${() => this.quote.reload()}>${this.t('action.retry')}</button>
          </p>`
        : nothing}
      ${renderAddresses({
        m: (k, p) => this.m(k, p), addresses: this.addresses.value ?? [], deliveryId: this.deliveryId, billingId: this.billingId, error: this.addressError,
        choose: (role, id) => {
          if (role === 'delivery') this.deliveryId = id;
          else this.billingId = id;
          this.addressError = undefined;
        },
      })}
      <div class="summary" aria-busy=${pricing ? 'true' : 'false'}>
        ${renderTotals({ locale, m: (k, p) => this.m(k, p), quote, reference: ref })}
        ${renderRule({ locale, m: (k, p) => this.m(k, p), quote, reference: ref })}
      </div>
      ${this.base
        ? nothing
        : html`<div class="reference">
            <label class="ce-label" for="reference">${this.m('reference')}</label>
            <input id="reference" class="ce-input" part="reference-input" maxlength="60" .value=${this.customerReference}
              @input=${(e: Event) => (this.customerReference = (e.target as HTMLInputElement).value)} />
          </div>`}
      ${this.writeError
        ? html`<div class="ce-message ce-error" part="error" role="alert">
            <span>${this.writeError}</span>
            ${this.stale ? html`<button type="button" class="ce-button" part="retry-button" @click=${this.reloadOrder}>${this.m('reload')}</button>` : nothing}
          </div>`
        : nothing}
      <div class="actions">
        <button
          type="submit"
          class="ce-button ce-button--primary"
          part="place-button"
          ?disabled=${this.busy || (customer.onHold && !this.base)}
          aria-describedby=${quote ? 'rule' : nothing}
        >
          ${this.busy ? this.m(this.base ? 'saving' : 'placing') : this.base ? this.m('saveEdit') : this.season ? this.m('placePreOrder') : this.m('place')}
        </button>
        <button type="button" class="ce-button" part="close-button" @click=${this.close}>${this.m('close')}</button>
      </div>
      <p class="ce-visually-hidden" role="status" part="status">${pricing ? this.m('pricing') : this.announcement}</p>
    </form>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'order-place': OrderPlaceEvent;
    'order-update': OrderUpdateEvent;
  }
}
