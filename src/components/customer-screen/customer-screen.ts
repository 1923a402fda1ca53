import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { tags, type Account, type Customer } from '../../sdk/index.js';
import { AddressBook } from '../address-book/address-book.js';
import { CustomerAttachments } from '../customer-attachments/customer-attachments.js';
import { CustomerCard } from '../customer-card/customer-card.js';
import { NotesPanel } from '../notes-panel/notes-panel.js';
import { OrderTable } from '../order-table/order-table.js';
import { emit } from '../shared/events.js';
import { formatMoney } from '../shared/format.js';
import { CeElement } from '../shared/base.js';
import { clientContext, localeContext } from '../shared/context.js';
import { ResourceController } from '../shared/resource.js';
import { renderConfigMessage, renderError, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import { WatchListBadge } from '../watch-list-badge/watch-list-badge.js';
import { exportPartsFor } from './child-parts.js';
import { staticTag } from './child-tags.js';
import { screenMessage, type ScreenMessageKey } from './customer-screen.messages.js';
import { screenStyles } from './customer-screen.styles.js';
import { ViewDialogController, type ScreenViewProps } from './view-dialog.js';
import type { ScreenViewName } from './views.js';

/** Detail of `discounts-open`. */
export interface DiscountsOpenDetail {
  /** The customer whose discounts the user wants to see. */
  customerId: string;
}

/** The collapsible sections of the screen, in reading order. */
export type CustomerScreenSection = 'details' | 'orders' | 'notes' | 'addresses' | 'attachments';
// Orders and notes first: what a clerk looks at first comes first, in reading and tab order too.
const SECTIONS: readonly CustomerScreenSection[] = ['orders', 'notes', 'details', 'addresses', 'attachments'];
const VIEW_TITLE: Record<ScreenViewName, ScreenMessageKey> = {
  accounts: 'viewAccounts',
  'order-entry': 'viewOrderEntry',
  discounts: 'viewDiscounts',
};
const SECTION_TITLE: Record<CustomerScreenSection, ScreenMessageKey> = {
  details: 'sectionDetails',
  orders: 'sectionOrders',
  notes: 'sectionNotes',
  addresses: 'sectionAddresses',
  attachments: 'sectionAttachments',
};

/** The children, with the names they have when a page registers the defaults. */
const CHILDREN = {
  badge: [WatchListBadge, 'watch-list-badge'],
  card: [CustomerCard, 'customer-card'],
  orders: [OrderTable, 'order-table'],
  notes: [NotesPanel, 'notes-panel'],
  addresses: [AddressBook, 'address-book'],
  attachments: [CustomerAttachments, 'customer-attachments'],
} as const satisfies Record<string, readonly [CustomElementConstructor, string]>;

/** Only http(s) or relative links: a `javascript:` URL is never rendered as a link. */
function safeHref(href: string | undefined): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value, globalThis.document?.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The whole customer screen in one tag, composed from every Customer Elements component: a header
 * with the customer's name, watch-list badge, on-hold flag, balance and available credit (and the
 * Discounts link), then what a clerk looks at first, the recent orders (`order-table`, with "Order
 * from stock" and the season selector) and the notes (`notes-panel`), then the customer details
 * (`customer-card`: details, financial standing, personal details, contacts, in compact sections),
 * addresses (`address-book`) and attachments (`customer-attachments`).
 *
 * The layout follows the element's own width (container queries on the host, not the viewport):
 * one column of collapsible sections in a narrow side panel; from 48rem two columns, the orders
 * beside the notes at the top; from 75rem three (the orders and the details span two).
 *
 * Children are rendered under the names their classes are registered with, so a page that
 * registers everything under its own names (`acme-customer-screen`, `acme-customer-card`, …) gets
 * a screen made of those; a child class registered nowhere is registered under its default name
 * (or a generated one if that is taken). Register the children in the same task as the screen.
 *
 * The screen passes its `client`, `locale` and `readonly` to every child and provides its client
 * and locale by context too; the children share the SDK cache, so each resource is requested once.
 * The screen fires only `discounts-open`: the children's events bubble out of it as they are.
 *
 * Secondary views: "View accounts" (the card's `view-accounts`), "Order from stock" (the order
 * table's `order-from-stock`, with the season chosen there), "Edit order" (the order detail's
 * `order-edit`, order entry with the `orderId`) and "Discounts" (`discounts-open`) open
 * the view registered for them in `views.ts` (loaded on first use) in a modal dialog, with the
 * customer's id (and the season) as properties. A host that routes elsewhere calls
 * `preventDefault()` on the event and the screen does nothing more; with no view registered, the
 * event is all that happens. A view closes itself by firing `view-close`.
 *
 * ```html
 * <customer-screen customer-id="cus_000042" discounts-href="/discounts?customer=cus_000042"></customer-screen>
 * ```
 *
 * @summary The complete customer screen: details, orders, notes, addresses, attachments and discounts.
 *
 * @fires {CustomEvent<DiscountsOpenDetail>} discounts-open - The user pressed "Discounts" (only when
 *   `discountsHref` is not set; with it, "Discounts" is a link). Cancelable: `preventDefault()` keeps
 *   the screen from opening its discounts view.
 *
 * @slot header-actions - Host buttons in the header, beside "Discounts".
 * @slot aside - Extra content shown as the last block of the layout (e.g. a host's own panel).
 *
 * @csspart screen - The whole screen.
 * @csspart header - The header with the name, badges and actions.
 * @csspart name - The customer or company name.
 * @csspart trading-name - The trading name under the name.
 * @csspart standing - The header's balance and available credit (a description list).
 * @csspart balance - The outstanding balance in the header.
 * @csspart available-credit - The available credit in the header.
 * @csspart watch-list-badge - The watch-list badge beside the name.
 * @csspart on-hold - The "Account on hold" flag (text and symbol, not colour alone).
 * @csspart header-actions - The wrapper of the `header-actions` slot and the Discounts link.
 * @csspart discounts-link - "Discounts" as a link (`discountsHref` set).
 * @csspart discounts-button - "Discounts" as a button (`discountsHref` not set).
 * @csspart layout - The grid of sections.
 * @csspart section - Each section; also `section-<name>` (details, orders, notes, addresses, attachments).
 * @csspart section-heading - A section's heading.
 * @csspart disclosure - A section's show/hide button (narrow layout only).
 * @csspart section-body - The content of a section.
 * @csspart card - The `customer-card`.
 * @csspart orders - The `order-table`.
 * @csspart notes - The `notes-panel`.
 * @csspart addresses - The `address-book`.
 * @csspart attachments - The `customer-attachments`.
 * @csspart card-* - The card's own parts, re-exported with a `card-` prefix (`card-edit-button`).
 * @csspart orders-* - The order table's parts, with an `orders-` prefix (`orders-row`).
 * @csspart notes-* - The notes panel's parts, with a `notes-` prefix (`notes-add-button`).
 * @csspart addresses-* - The address book's parts, with an `addresses-` prefix (`addresses-address`).
 * @csspart attachments-* - The attachments' parts, with an `attachments-` prefix (`attachments-progress`).
 * @csspart badge-* - The header watch-list badge's parts, with a `badge-` prefix (`badge-icon`).
 * @csspart aside - The wrapper of the `aside` slot.
 * @csspart error - The header's failed load, with `retry-button`.
 * @csspart retry-button - Loads the customer again.
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart message - A state message: no API client configured, or nothing to show.
 * @csspart config-message - The message shown when no API client is configured.
 * @csspart view-dialog - The modal dialog a secondary view (accounts, order entry, discounts) opens in.
 * @csspart view-heading - The view dialog's heading.
 * @csspart view-close-button - Closes the view dialog.
 * @csspart view-body - The view dialog's content.
 * @csspart view - The view element itself.
 * @csspart view-error - The view could not be loaded (with `retry-button`).
 *
 * @cssproperty --customer-screen-gap - Space between sections. Default `--ce-space-l`.
 * @cssproperty --customer-screen-padding - Padding around the screen. Default 0.
 * @cssproperty --customer-screen-section-background - Background of each section.
 * @cssproperty --customer-screen-section-border - Border of each section (a `border` shorthand).
 * @cssproperty --customer-screen-section-padding - Padding inside each section.
 * @cssproperty --customer-screen-radius - Corner radius of each section.
 * @cssproperty --customer-screen-name-size - Font size of the customer name.
 * @cssproperty --customer-screen-heading-size - Font size of the section headings.
 * @cssproperty --customer-screen-on-hold-color - Text and border colour of the on-hold flag.
 * @cssproperty --customer-screen-on-hold-background - Background of the on-hold flag.
 * @cssproperty --customer-screen-columns-wide - `grid-template-columns` of the two-column layout.
 * @cssproperty --customer-screen-columns-widest - `grid-template-columns` of the three-column layout.
 */
export class CustomerScreen extends CeElement {
  static override styles = [baseStyles, controlStyles, screenStyles];
  // The sections' texts too, so that they load in parallel rather than after the screen's.
  static override catalogues = [
    screenMessage,
    ...CustomerCard.catalogues,
    ...WatchListBadge.catalogues,
    ...OrderTable.catalogues,
    ...NotesPanel.catalogues,
    ...AddressBook.catalogues,
    ...CustomerAttachments.catalogues,
  ];

  /** The id of the customer to show. */
  @property({ attribute: 'customer-id', reflect: true }) customerId = '';

  /** Shows everything read-only: no edit, add, upload or delete anywhere, whatever the user may do. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /**
   * Where the "Discounts" link goes (http, https or relative). When unset, "Discounts" is a button
   * that fires `discounts-open` for the host to handle.
   */
  @property({ attribute: 'discounts-href' }) discountsHref?: string;

  /** Sections the user collapsed (narrow layout). */
  @state() private collapsed = new Set<CustomerScreenSection>();
  @state() private hasAside = false;

  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext, initialValue: '' });

  readonly #customer = new ResourceController<Customer, readonly [string]>(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    // The very request the card makes: the SDK cache answers both with one.
    load: ([id], signal, client) => client.customers.get(id, { signal }),
    tags: ([id]) => [tags.customer(id)],
  });

  readonly #views = new ViewDialogController(this, {
    title: (name, props) => this.m(name === 'order-entry' && props.orderId ? 'viewOrderEdit' : VIEW_TITLE[name]),
    loadFailed: () => this.m('viewLoadFailed'),
  });

  constructor() {
    super();
    // The children's requests for a view: the host hears them first (they bubble out of the screen);
    // unless it calls preventDefault(), the screen opens the registered view.
    this.addEventListener('view-accounts', (event) => this.#onViewRequest(event, 'accounts', { customerId: event.detail.customerId }));
    this.addEventListener('order-from-stock', (event) =>
      this.#onViewRequest(event, 'order-entry', { customerId: event.detail.customerId, seasonId: event.detail.seasonId ?? null }),
    );
    // "Edit order" in an order's detail: order entry for that order.
    this.addEventListener('order-edit', (event) => {
      const detail = (event as CustomEvent<{ orderId?: unknown; customerId?: unknown } | null>).detail;
      const orderId = typeof detail?.orderId === 'string' ? detail.orderId : '';
      if (!orderId) return;
      const customerId = typeof detail?.customerId === 'string' && detail.customerId ? detail.customerId : this.customerId;
      this.#onViewRequest(event, 'order-entry', { customerId, orderId });
    });
  }

  #onViewRequest(event: Event, name: ScreenViewName, props: ScreenViewProps): void {
    // Only requests from the screen's own sections, not from a view already open.
    if (this.#views.openView || !props.customerId) return;
    this.#views.openAfter(event, name, props);
  }

  /** The secondary view open in the screen's view dialog (`accounts`, `order-entry`, `discounts`), if any. */
  get openView(): ScreenViewName | undefined {
    return this.#views.openView;
  }

  /** Closes the open view, if any. */
  closeView(): void {
    this.#views.close();
  }

  // The card asks for the same account: the SDK cache answers both with one request.
  readonly #account = new ResourceController<Account, readonly [string]>(this, {
    args: () => (this.customerId ? ([this.customerId] as const) : undefined),
    load: ([id], signal, client) => client.accounts.get(id, { signal }),
    tags: ([id]) => [tags.account(id)],
  });

  private m(key: ScreenMessageKey, params?: Record<string, string | number>): string {
    return screenMessage(this.resolvedLocale, key, params);
  }

  /** Whether a section is collapsed (it only collapses in the narrow, one-column layout). */
  isCollapsed(section: CustomerScreenSection): boolean {
    return this.collapsed.has(section);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Children below get this screen's client and locale (its own, else the provider's above).
    const client = this.api;
    if (this.#clientProvider.value !== client) this.#clientProvider.setValue(client);
    const locale = this.locale || this.contextLocale || '';
    if (this.#localeProvider.value !== locale) this.#localeProvider.setValue(locale);
  }

  private toggle(section: CustomerScreenSection): void {
    const next = new Set(this.collapsed);
    if (next.has(section)) next.delete(section);
    else next.add(section);
    this.collapsed = next;
  }

  private openDiscounts(event: Event): void {
    const customerId = this.customerId;
    const allowed = emit(this, 'discounts-open', { customerId }, { cancelable: true });
    if (allowed) this.#views.openAfter(event, 'discounts', { customerId });
  }

  private onAsideChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.hasAside = slot.assignedNodes({ flatten: true }).some(
      (node) => node.nodeType === Node.ELEMENT_NODE || (node.textContent ?? '').trim() !== '',
    );
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult | typeof nothing {
    if (!this.api) return renderConfigMessage(this);
    if (!this.customerId) return nothing;
    const customer = this.#customer.value;
    // The customer could not be loaded: one message with Try again, in the header. The sections
    // would each fail the same way (five identical banners), so they wait for the retry.
    const failed = !customer && this.#customer.status === 'error';
    return html`<article
      part="screen"
      class="screen"
      aria-label=${customer ? this.m('screenLabel', { name: customer.name }) : this.m('screenLabelLoading')}
      aria-busy=${this.#customer.status === 'loading' ? 'true' : 'false'}
    >
      ${this.renderHeader(customer)}
      ${failed
        ? nothing
        : html`<div part="layout" class="layout">
            ${SECTIONS.map((section) => this.renderSection(section))}
            <div part="aside" class="aside" ?hidden=${!this.hasAside}><slot name="aside" @slotchange=${this.onAsideChange}></slot></div>
          </div>`}
      ${this.#views.render()}
    </article>`;
  }

  private renderHeader(customer: Customer | undefined): TemplateResult {
    let title: TemplateResult;
    if (customer) {
      const badge = staticTag(...CHILDREN.badge);
      title = html`<div class="title-row">
          <h2 part="name" class="name text">${customer.name}</h2>
          ${badge
            ? staticHtml`<${badge}
                part="watch-list-badge"
                exportparts=${exportPartsFor('badge')}
                customer-id=${customer.id}
                .client=${this.client}
                .locale=${this.locale}
                ?readonly=${this.readonly}
                ?editable=${!this.readonly}
              ></${badge}>`
            : nothing}
          ${customer.onHold
            ? html`<span part="on-hold" class="on-hold"><span aria-hidden="true">⏸</span>${this.m('onHold')}</span>`
            : nothing}
        </div>
        ${customer.tradingName
          ? html`<p part="trading-name" class="trading-name text">${this.m('tradingAs', { name: customer.tradingName })}</p>`
          : nothing}
        ${this.renderStanding()}`;
    } else if (this.#customer.status === 'error') {
      title = renderError(this, this.#customer.error, () => this.#customer.reload());
    } else {
      title = renderSkeleton(1, this.t('state.loading'));
    }
    const href = safeHref(this.discountsHref);
    return html`<header part="header" class="header">
      <div class="identity">${title}</div>
      <div part="header-actions" class="header-actions">
        <slot name="header-actions"></slot>
        ${href
          ? html`<a part="discounts-link" class="ce-button" href=${href}>${this.m('discounts')}</a>`
          : html`<button type="button" part="discounts-button" class="ce-button" @click=${this.openDiscounts}>${this.m('discounts')}</button>`}
      </div>
    </header>`;
  }

  /** Balance and available credit, in the header (the card's finances section has the rest). */
  private renderStanding(): TemplateResult | typeof nothing {
    const account = this.#account.value;
    if (!account) return nothing;
    const locale = this.resolvedLocale;
    const overCredit = account.availableCredit.amountMinor < 0;
    return html`<dl part="standing" class="standing">
      <div class="figure">
        <dt>${this.m('balance')}</dt>
        <dd part="balance" class="money">${formatMoney(account.balance, locale)}</dd>
      </div>
      <div class="figure">
        <dt>${this.m('availableCredit')}</dt>
        <dd part="available-credit" class="money ${overCredit ? 'negative' : ''}">${formatMoney(account.availableCredit, locale)}</dd>
      </div>
    </dl>`;
  }

  /**
   * A titled block around one child. Not a named region: each child names its own (the notes
   * panel is the "Notes" region), and two landmarks with one name would confuse a screen reader.
   */
  private renderSection(section: CustomerScreenSection): TemplateResult {
    const title = this.m(SECTION_TITLE[section]);
    const collapsed = this.collapsed.has(section);
    return html`<section
      part="section section-${section}"
      class="section section-${section} ${collapsed ? 'collapsed' : ''}"
      data-section=${section}
    >
      <h2 part="section-heading" class="section-heading" id="heading-${section}">
        <button
          type="button"
          part="disclosure"
          class="disclosure"
          aria-expanded=${collapsed ? 'false' : 'true'}
          aria-controls="body-${section}"
          @click=${() => this.toggle(section)}
        >
          <span class="chevron" aria-hidden="true"></span>${title}
        </button>
        <span class="title">${title}</span>
      </h2>
      <div part="section-body" class="section-body" id="body-${section}">${this.renderChild(section)}</div>
    </section>`;
  }

  private renderChild(section: CustomerScreenSection): TemplateResult | typeof nothing {
    const [ctor, defaultName] = CHILDREN[section === 'details' ? 'card' : section];
    const tag: StaticValue | undefined = staticTag(ctor, defaultName);
    if (!tag) return nothing;
    const part = section === 'details' ? 'card' : section;
    return staticHtml`<${tag}
      part=${part}
      exportparts=${exportPartsFor(part)}
      class="child"
      customer-id=${this.customerId}
      .client=${this.client}
      .locale=${this.locale}
      ?readonly=${this.readonly}
    ></${tag}>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-screen': CustomerScreen;
  }
  interface HTMLElementEventMap {
    'discounts-open': CustomEvent<DiscountsOpenDetail>;
  }
}
