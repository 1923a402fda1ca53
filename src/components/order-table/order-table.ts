import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { isValidationError, tags, type Client, type OrderStatus, type OrderSummary } from '../../sdk/index.js';
import { ORDER_STATUSES } from '../../sdk/enums.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { defineElement } from '../shared/define.js';
import { formatDate, formatMoney, formatNumber } from '../shared/format.js';
import type { MessageParams } from '../shared/i18n.js';
import { subscribeToTags } from '../shared/resource.js';
import { referenceController } from '../shared/reference.js';
import { renderConfigMessage, renderError, renderSkeleton } from '../shared/states.js';
import { baseStyles, controlStyles } from '../shared/styles.js';
import type { OrderDetail } from './order-detail.js';
import { orderMessages, type OrderMessageKey } from './order-table.messages.js';
import { statusStyles } from './status.styles.js';
import { tableStyles } from './order-table.styles.js';
import { ScaledScroll } from './scaled-scroll.js';
import { loadOrderDetail } from './detail-loader.js';
import { PageCache, renderRange, rowsPerPage, scrollTopFor, visibleRange, type RowRange } from './virtualizer.js';

export type { OrderActionDetail, OrderActionEvent, OrderActionName } from './order-detail.js';

/** The tag the detail is registered under when the page has not registered its class (the manifest's definition is in define.ts). */
const DETAIL_TAG = 'order-detail';

/** The columns the server can sort by. */
export type OrderSortField = 'number' | 'placedAt' | 'quantity' | 'total' | 'status' | 'salesChannelId';
export type SortDirection = 'asc' | 'desc';

/** Detail of `order-open`: the order the user opened (its summary, as the row shows it). */
export interface OrderOpenDetail {
  orderId: string;
  order: OrderSummary;
}
/** Detail of `order-from-stock`: the customer to start a manual order for. */
export interface OrderFromStockDetail {
  customerId: string;
  /** The season chosen in the season select (a pre-order at that season's prices); null: none. */
  seasonId: string | null;
}
/** Detail of `season-select`: the season chosen for pre-orders / future-season orders (null: none). */
export interface SeasonSelectDetail {
  customerId: string;
  seasonId: string | null;
}
export type OrderOpenEvent = CustomEvent<OrderOpenDetail>;
export type OrderFromStockEvent = CustomEvent<OrderFromStockDetail>;
export type SeasonSelectEvent = CustomEvent<SeasonSelectDetail>;

interface Column {
  id: 'number' | 'date' | 'quantity' | 'cost' | 'status' | 'channel' | 'priority';
  label: OrderMessageKey;
  sort?: OrderSortField;
  numeric?: boolean;
}

const COLUMNS: readonly Column[] = [
  { id: 'number', label: 'colNumber', sort: 'number' },
  { id: 'date', label: 'colDate', sort: 'placedAt' },
  { id: 'quantity', label: 'colQuantity', sort: 'quantity', numeric: true },
  { id: 'cost', label: 'colCost', sort: 'total', numeric: true },
  { id: 'status', label: 'colStatus', sort: 'status' },
  { id: 'channel', label: 'colChannel', sort: 'salesChannelId' },
  // The API has no priority sort: this column's header is not a sort button.
  { id: 'priority', label: 'colPriority' },
];
const LAST_COL = COLUMNS.length - 1;
const SORT_FIELDS: readonly OrderSortField[] = ['number', 'placedAt', 'quantity', 'total', 'status', 'salesChannelId'];
const DEFAULT_ROW_HEIGHT = 40;
/** The query fields the table's own controls set, which a server may refuse for a long history. */
const REFUSABLE = new Set(['status', 'salesChannelId', 'sort']);

/** Sets a CSS custom property on the element through the CSSOM (never a `style` attribute: strict CSP). */
class CssVarDirective extends Directive {
  private last: string | undefined;
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssVar() goes on an element: <div ${cssVar(…)}>');
  }
  render(_name: string, _value: string | number): symbol {
    return nothing as unknown as symbol;
  }
  override update(part: ElementPart, [name, value]: [string, string | number]): symbol {
    const text = String(value);
    if (text !== this.last) {
      this.last = text;
      (part.element as HTMLElement).style.setProperty(name, text);
    }
    return nothing as unknown as symbol;
  }
}
const cssVar = directive(CssVarDirective);

interface Cell {
  /** -1: the header row; 0…total-1: the order at that position. */
  row: number;
  col: number;
}

/**
 * A customer's orders in a virtualised ARIA grid: order number, date, quantity, cost, status
 * (Unallocated, Allocated — stock allocated, not dispatched —, Dispatched, Cancelled, always in
 * words), sales channel and priority. Sorted, filtered and searched by the server; paged by offset
 * as the user scrolls, so 100,000 orders open as fast as ten: the grid knows the total from the
 * first page, renders only the rows in view (plus a few), caches the pages it loaded and aborts the
 * requests for pages scrolled past. Past the height a browser can give an element (about 838,000
 * rows), it scrolls scaled: the scrollbar maps to the whole list while the wheel and the keys still
 * move row by row, so every row of millions is reachable.
 *
 * Keyboard (one tab stop, ARIA grid pattern): arrows move between cells; Home/End go to the first
 * and last cell of the row; Ctrl+Home/Ctrl+End to the first and last order (loading as needed);
 * PageUp/PageDown by a screenful; Enter opens the order (on a header: sorts); Space on a header
 * sorts too. Opening an order (Enter or click) shows `<order-detail>` in a modal dialog; Close, a
 * click on the backdrop or Escape closes it and focus returns to the row. The detail's code is not
 * part of the table: it loads the first time an order is opened (the dialog says it is loading
 * meanwhile) and registers `<order-detail>` then, unless the page registered its class under a name
 * of its own.
 *
 * @summary A customer's orders: a virtualised, sortable, filterable grid with the order detail and its actions.
 *
 * @fires order-open - The user opened an order. `detail: OrderOpenDetail` (`{ orderId, order }`). Bubbles, composed.
 * @fires order-action - An action on the opened order succeeded (fired by the detail; it bubbles out).
 *   `detail: OrderActionDetail` (`{ orderId, action, order }`).
 * @fires order-from-stock - The user pressed "Order from stock". `detail: OrderFromStockDetail` (`{ customerId, seasonId }`).
 *   Cancelable: inside `customer-screen`, cancelling it stops the screen from opening its order-entry view.
 * @fires season-select - The user chose a season (or none). `detail: SeasonSelectDetail` (`{ customerId, seasonId }`).
 *
 * @csspart toolbar - The search, filters, season selector and "Order from stock".
 * @csspart search - The order number search box.
 * @csspart status-filter - The status select.
 * @csspart channel-filter - The sales channel select.
 * @csspart season-select - The season select.
 * @csspart order-from-stock - The "Order from stock" button.
 * @csspart count - How many orders match, announced politely.
 * @csspart refused-query - The message shown when the server refuses a filter or sort it cannot
 *   answer (a 400 naming `status`, `salesChannelId` or `sort`), with the button that drops it.
 * @csspart reset-query-button - The button in `refused-query` that shows all statuses or channels, or sorts by date.
 * @csspart grid - The scrolling grid (`role=grid`).
 * @csspart header-row - The row of column headers.
 * @csspart header-cell - Each column header (`aria-sort` on sortable ones).
 * @csspart sort-indicator - The arrow beside the sorted column's name.
 * @csspart row - Each order row (also `row-loading` while its page loads).
 * @csspart cell - Each cell (also `cell-<column>`: `cell-number`, `cell-date`, `cell-quantity`,
 *   `cell-cost`, `cell-status`, `cell-channel`, `cell-priority`).
 * @csspart status - The status text in a row.
 * @csspart priority - The priority flag in a row.
 * @csspart placeholder - A placeholder shape in a loading row.
 * @csspart empty - "No orders match."
 * @csspart error - A failed load, with `retry-button`.
 * @csspart dialog - The dialog that shows an order.
 * @csspart close-button - Closes the dialog.
 * @csspart detail - The `<order-detail>` in the dialog; its parts are re-exported with a `detail-` prefix
 *   (`detail-lines` as is, `action`, `confirm`, `confirm-accept`, `confirm-dismiss`, `action-reason`,
 *   `action-error`, `action-form`, `field-error`, `submit`).
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart retry-button - The Retry button beside an error.
 * @csspart message - A state message: no API client configured, or nothing to show.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --order-table-row-height - The height of every row (rows are virtualised at one height). Default 2.5rem.
 * @cssproperty --order-table-block-size - The height of the scrolling grid. Default 28rem.
 * @cssproperty --order-table-header-background - The column headers' background. Default `--ce-color-neutral-fill-quiet`.
 * @cssproperty --order-table-stripe - The background of every other row. Default a faint neutral.
 * @cssproperty --order-table-hover - The background of the row under the pointer.
 * @cssproperty --order-table-columns - The `grid-template-columns` of the rows.
 *
 * @slot - None.
 */
export class OrderTable extends CeElement {
  static override styles = [baseStyles, controlStyles, statusStyles, tableStyles];
  static override catalogues = [orderMessages];

  /** The customer whose orders to show. */
  @property({ attribute: 'customer-id', reflect: true })
  customerId?: string;

  /** Rows per request (1–500). The grid asks for pages of this size by offset. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 100;

  /** Show only orders in this status (the status filter shows it). Empty: all. */
  @property({ reflect: true })
  status?: OrderStatus | '';

  /** Show only orders from this sales channel (the channel filter shows it). Empty: all. */
  @property({ attribute: 'sales-channel-id', reflect: true })
  salesChannelId?: string;

  /** The column the server sorts by. The user changes it from the headers. */
  @property({ reflect: true })
  sort: OrderSortField = 'placedAt';

  /** Sort direction. The user changes it from the headers. */
  @property({ reflect: true })
  order: SortDirection = 'desc';

  /** Show orders only: the detail offers no actions, and there is no "Order from stock" or season selector. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** Milliseconds to wait after the last key press in the number search before asking the server. Default 250; 0 asks on every key. */
  @property({ type: Number })
  debounce = 250;

  /** The number search as typed (applied after a short pause). */
  @state() private searchText = '';
  /** The number search sent to the server. */
  @state() private q = '';
  @state() private range: RowRange = { first: 0, last: -1 };
  @state() private active: Cell = { row: 0, col: 0 };
  @state() private openOrder: OrderSummary | undefined;
  /** The order detail's class, once its module has loaded (when a row is first opened). */
  @state() private detailClass: typeof OrderDetail | undefined;
  /** Why the detail's module did not load (offered again with Retry). */
  @state() private detailLoadError: unknown;
  @state() private seasonId = '';

  private gridElement: HTMLElement | undefined;
  /** The scrolling grid (looked up again only when the rendered one was replaced). */
  private get grid(): HTMLElement | undefined {
    if (!this.gridElement || this.gridElement.getRootNode() !== this.renderRoot) {
      this.gridElement = this.renderRoot?.querySelector<HTMLElement>('[part~="grid"]') ?? undefined;
    }
    return this.gridElement;
  }
  private dialogElement: HTMLDialogElement | undefined;
  private get dialog(): HTMLDialogElement | undefined {
    if (!this.dialogElement || this.dialogElement.getRootNode() !== this.renderRoot) {
      this.dialogElement = this.renderRoot?.querySelector<HTMLDialogElement>('dialog[part~="dialog"]') ?? undefined;
    }
    return this.dialogElement;
  }

  private pages: PageCache<OrderSummary> | undefined;
  private queryKey = '';
  private rowHeight = DEFAULT_ROW_HEIGHT;
  private viewportHeight = 0;
  private resizeObserver: ResizeObserver | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;
  private subscribedKey = '';
  private focusPending = false;
  private returnFocus = false;
  private detailElement: OrderDetail | undefined;

  private readonly reference = referenceController(this);

  private m(key: OrderMessageKey, params?: MessageParams): string {
    return orderMessages(this.resolvedLocale, key, params);
  }

  /** What the rows' texts depend on besides the order: the locale and the channel names. */
  private get labelsKey(): string {
    return `${this.resolvedLocale}|${this.reference.value ? 'ref' : ''}`;
  }

  /** Orders matching the current query (known after the first page); undefined before. */
  get total(): number | undefined {
    return this.pages?.total;
  }

  /** List requests made for the current query (for hosts measuring the grid, and tests). */
  get requestCount(): number {
    return this.pages?.requests ?? 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver ??= new ResizeObserver(() => this.measure());
    this.observed = undefined;
    if (this.hasUpdated) this.observeGeometry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    clearTimeout(this.searchTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedKey = '';
    this.pages?.reset();
    this.pages = undefined;
    this.queryKey = '';
  }

  // Bad values from a host warn and fall back (they never reach the server as a 400).
  private get effectiveStatus(): OrderStatus | undefined {
    const status = this.status;
    if (!status) return undefined;
    if ((ORDER_STATUSES as readonly string[]).includes(status)) return status;
    this.warnOnce('status', `status="${status}" is not one of ${ORDER_STATUSES.join(', ')}: showing every status.`);
    return undefined;
  }

  private get effectiveSort(): OrderSortField {
    if ((SORT_FIELDS as readonly string[]).includes(this.sort)) return this.sort;
    this.warnOnce('sort', `sort="${this.sort}" is not one of ${SORT_FIELDS.join(', ')}: sorting by placedAt.`);
    return 'placedAt';
  }

  private get effectiveOrder(): SortDirection {
    if (this.order === 'asc' || this.order === 'desc') return this.order;
    this.warnOnce('order', `order="${String(this.order)}" is not asc or desc: using desc.`);
    return 'desc';
  }

  private warned = new Set<string>();
  private warnOnce(key: string, message: string): void {
    const id = `${key}:${message}`;
    if (this.warned.has(id)) return;
    this.warned.add(id);
    console.warn(`order-table: ${message}`);
  }

  private get effectivePageSize(): number {
    const n = Math.floor(Number(this.pageSize));
    return Number.isFinite(n) ? Math.min(500, Math.max(1, n)) : 100;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.api;
    const customerId = this.customerId;
    const key = client && customerId
      ? JSON.stringify([customerId, this.effectiveStatus ?? '', this.salesChannelId || '', this.q, this.effectiveSort, this.effectiveOrder, this.effectivePageSize])
      : '';
    if (key !== this.queryKey || (client && this.pages && this.pagesClient !== client)) {
      this.queryKey = key;
      this.pages?.reset();
      this.pages = client && customerId ? this.makePages(client, customerId) : undefined;
      this.pagesClient = client;
      if (this.grid) this.grid.scrollTop = 0;
      this.scroller.reset();
      this.range = { first: 0, last: -1 };
      if (this.active.row > 0) this.active = { row: 0, col: this.active.col };
    }
    if (changed.has('customerId') && this.openOrder) this.dialog?.close();
    this.updateRange();
    // Ask for the pages this render will show (before rendering, so that it shows them as loading).
    const pages = this.pages;
    if (pages) {
      const { first, last } = this.range;
      if (pages.total === undefined) pages.want(0, 0);
      else pages.want(first, last, this.active.row >= 0 ? this.active.row : undefined);
    }
  }

  private pagesClient: Client | undefined;

  private makePages(client: Client, customerId: string): PageCache<OrderSummary> {
    const status = this.effectiveStatus;
    const filters = {
      ...(status ? { status } : {}),
      ...(this.salesChannelId ? { salesChannelId: this.salesChannelId } : {}),
      ...(this.q ? { q: this.q } : {}),
      sort: this.effectiveSort,
      order: this.effectiveOrder,
    };
    const pages: PageCache<OrderSummary> = new PageCache<OrderSummary>(
      (offset, limit, signal) => client.orders.list(customerId, { ...filters, offset, limit }, { signal }),
      this.effectivePageSize,
      () => {
        if (this.pages !== pages) return;
        // Rows can leave the list (a write elsewhere): the active cell stays on a row that exists.
        const total = pages.total ?? 0;
        if (pages.total !== undefined && this.active.row >= total) this.active = { row: total - 1, col: this.active.col };
        this.updateRange();
        this.requestUpdate();
      },
    );
    return pages;
  }

  protected override firstUpdated(): void {
    this.observeGeometry();
  }

  private observeGeometry(): void {
    const grid = this.grid;
    if (!this.resizeObserver || !grid || this.observed === grid) return;
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    this.resizeObserver.disconnect();
    this.resizeObserver.observe(grid);
    if (probe) this.resizeObserver.observe(probe);
    this.observed = grid;
  }

  private observed: HTMLElement | undefined;

  protected override updated(changed: PropertyValues): void {
    this.ensureSubscription();
    this.observeGeometry();

    // Focus the active cell first: when a click also opened the dialog, the dialog takes it next.
    if (this.focusPending || (this.returnFocus && !this.openOrder)) {
      this.focusPending = false;
      this.returnFocus = false;
      this.activeCellElement()?.focus({ preventScroll: true });
    }
    const dialog = this.dialog;
    if (dialog && this.openOrder && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[part~="close-button"]')?.focus();
    }
    if (changed.has('openOrder') && !this.openOrder && dialog?.open) dialog.close();
  }

  private countFor(pages: PageCache<OrderSummary> | undefined): string {
    const total = pages?.total;
    if (total === undefined) return '';
    return this.m('count_other', { count: total });
  }

  private ensureSubscription(): void {
    const client = this.api;
    const customerId = this.customerId;
    const key = client && customerId && this.isConnected ? customerId : '';
    if (key === this.subscribedKey && (!key || this.subscribedClient === client)) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedKey = key;
    this.subscribedClient = client;
    if (client && customerId && key) {
      // A write anywhere on the page (an action in the detail) drops the list from the SDK cache:
      // re-read the pages on screen so the row shows the new status.
      this.unsubscribe = subscribeToTags(client, [tags.orders(customerId)], () => this.pages?.refresh());
    }
  }

  private subscribedClient: Client | undefined;

  // ---------------------------------------------------------------------------------------------
  // Geometry
  // ---------------------------------------------------------------------------------------------

  private headerHeight(): number {
    return this.grid?.querySelector<HTMLElement>('[part~="header-row"]')?.offsetHeight ?? 0;
  }

  private measure(): void {
    const grid = this.grid;
    if (!grid) return;
    // The row height token can be any length (rem, px, calc): a hidden probe of that height says it in pixels.
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    const height = probe?.getBoundingClientRect().height ?? 0;
    if (height > 0) this.rowHeight = height;
    this.viewportHeight = Math.max(0, grid.clientHeight - this.headerHeight());
    if (this.updateRange()) this.requestUpdate();
  }

  /**
   * Where the view is in the whole list, as of the grid's last scroll event (or our own scrolling):
   * kept, rather than read in every update, because reading `scrollTop` after a DOM change forces a
   * layout. Past MAX_SPACER_HEIGHT it is not `scrollTop` but scaled (see scaled-scroll.ts).
   */
  private readonly scroller = new ScaledScroll();

  /** The geometry, with `scrollTop` meaning the position in the whole list (P, not the grid's S). */
  private metrics() {
    const count = this.pages?.total ?? 0;
    const viewportHeight = this.viewportHeight || 10 * this.rowHeight;
    this.scroller.resize(count * this.rowHeight, viewportHeight);
    return { count, rowHeight: this.rowHeight, scrollTop: this.scroller.position, viewportHeight };
  }

  /** Scrolls the list to position P (px in the whole list). */
  private scrollToPosition(position: number): void {
    const grid = this.grid;
    if (!grid) return;
    const offset = this.scroller.offset;
    grid.scrollTop = this.scroller.scrollTopFor(position);
    this.scroller.applied(grid.scrollTop);
    if (!this.updateRange() && this.scroller.offset !== offset) this.requestUpdate();
  }

  /** Recomputes the rows to render; true when they changed. */
  private updateRange(): boolean {
    const metrics = this.metrics();
    const next = renderRange(metrics);
    if (next.first === this.range.first && next.last === this.range.last) return false;
    this.range = next;
    // The tab stop follows the view while focus is elsewhere (as in vaadin-grid): Tab then lands
    // on a row the user can see, and no far-away row has to stay rendered.
    const row = this.active.row;
    if (row >= 0 && (row < next.first || row > next.last) && !this.focusInGrid()) {
      const visible = visibleRange(metrics);
      if (visible.last >= visible.first) this.active = { row: visible.first, col: this.active.col };
    }
    return true;
  }

  private focusInGrid(): boolean {
    const focused = this.shadowRoot?.activeElement;
    return !!focused && !!this.grid?.contains(focused);
  }

  private onScroll = (): void => {
    const grid = this.grid;
    if (!grid) return;
    this.metrics(); // the scroller knows the current geometry
    const offset = this.scroller.offset;
    const anchor = this.scroller.scrolled(grid.scrollTop);
    if (anchor !== undefined) {
      grid.scrollTop = anchor;
      this.scroller.applied(grid.scrollTop);
    }
    // Rows are drawn relative to the offset: when it changed, they move even if the same rows show.
    if (!this.updateRange() && this.scroller.offset !== offset) this.requestUpdate();
  };

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  protected override render() {
    if (!this.api) return renderConfigMessage(this);
    if (!this.customerId) return html`<p class="ce-message" part="empty">${this.m('noCustomer')}</p>`;
    return html`${this.renderToolbar()} ${this.renderGrid()} ${this.renderDialog()}`;
  }

  private renderToolbar(): TemplateResult {
    const ref = this.reference.value;
    return html`<div part="toolbar" class="toolbar">
      <div class="tool">
        <label class="ce-label" for="search">${this.m('search')}</label>
        <input
          id="search"
          part="search"
          class="ce-input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          .value=${this.searchText}
          @input=${this.onSearchInput}
          @keydown=${this.onSearchKeydown}
        />
      </div>
      <div class="tool">
        <label class="ce-label" for="status-filter">${this.m('statusFilter')}</label>
        <select id="status-filter" part="status-filter" class="ce-input" @change=${this.onStatusChange}>
          <option value="" ?selected=${!this.effectiveStatus}>${this.m('allStatuses')}</option>
          ${ORDER_STATUSES.map(
            (s) => html`<option value=${s} ?selected=${this.effectiveStatus === s}>
                ${this.m(`status.${s}`)} (${this.m(`statusHint.${s}`)})
              </option>`,
          )}
        </select>
      </div>
      <div class="tool">
        <label class="ce-label" for="channel-filter">${this.m('channelFilter')}</label>
        <select id="channel-filter" part="channel-filter" class="ce-input" @change=${this.onChannelChange}>
          <option value="" ?selected=${!this.salesChannelId}>${this.m('allChannels')}</option>
          ${(ref?.salesChannels ?? []).map(
            (c) => html`<option value=${c.id} ?selected=${this.salesChannelId === c.id}>${c.name}</option>`,
          )}
        </select>
      </div>
      ${this.readonly
        ? nothing
        : html`<div class="tool host-tools">
            ${!ref || ref.seasons.length
              ? // Rendered before the seasons arrive, so that the toolbar does not change height under the user.
                html`<div class="tool">
                  <label class="ce-label" for="season">${this.m('season')}</label>
                  <select id="season" part="season-select" class="ce-input" @change=${this.onSeasonChange}>
                    <option value="" ?selected=${!this.seasonId}>${this.m('selectSeason')}</option>
                    ${(ref?.seasons ?? []).map(
                      (s) => html`<option value=${s.id} ?selected=${this.seasonId === s.id}>${s.name}</option>`,
                    )}
                  </select>
                </div>`
              : nothing}
            <button type="button" part="order-from-stock" class="ce-button ce-button--primary" @click=${this.onOrderFromStock}>
              ${this.m('orderFromStock')}
            </button>
          </div>`}
    </div>`;
  }

  private renderGrid(): TemplateResult {
    const pages = this.pages;
    const total = pages?.total;
    const error = pages?.error;
    const rows = this.rowIndices(total);
    // With no rows (loading, or nothing matches) the header holds the grid's one tab stop.
    const activeRow = total ? Math.min(this.active.row, total - 1) : -1;
    return html`
      <p part="count" class="count" role="status">${this.countFor(pages)}</p>
      ${error !== undefined ? this.renderLoadError(error, () => pages?.retry()) : nothing}
      <div
        part="grid"
        class="grid"
        role="grid"
        aria-label=${this.m('gridLabel')}
        aria-rowcount=${total === undefined ? -1 : total + 1}
        aria-colcount=${COLUMNS.length}
        aria-busy=${pages && (pages.busy || pages.total === undefined) && pages.error === undefined ? 'true' : 'false'}
        @scroll=${this.onScroll}
        @keydown=${this.onGridKeydown}
        @focusin=${this.onGridFocusIn}
        @click=${this.onGridClick}
      >
        <div role="rowgroup" class="head">
          <div role="row" part="header-row" class="row header" aria-rowindex="1">
            ${COLUMNS.map((col, i) => this.renderHeaderCell(col, i, activeRow === -1 && this.active.col === i))}
          </div>
        </div>
        <div
          role="rowgroup"
          class="body"
          ${cssVar('--_count', this.spacerRows())}
          ${cssVar('--_shift', this.scroller.offset / this.rowHeight)}
        >
          ${repeat(
            rows,
            (i) => i,
            (i) => {
              const order = pages?.get(i);
              const activeCol = activeRow === i ? this.active.col : -1;
              // A row whose order, focus and labels did not change is not re-rendered while scrolling.
              return guard([order, activeCol, this.labelsKey], () => this.renderRow(i, order, activeCol));
            },
          )}
        </div>
      </div>
      ${total === undefined && error === undefined ? renderSkeleton(4, this.m('loadingRow')) : nothing}
      <div class="probe" aria-hidden="true"></div>
      ${total === 0 ? html`<p part="empty" class="ce-message empty">${this.m('noOrders')}</p>` : nothing}
    `;
  }

  /** The spacer's height in rows: the orders, or fewer once their height would pass the cap (scaled scrolling). */
  private spacerRows(): number {
    this.metrics();
    return this.scroller.spacerHeight / this.rowHeight;
  }

  /** The rows to render: the window, plus the focused row wherever it is (so focus is never lost). */
  private rowIndices(total: number | undefined): number[] {
    if (!total) return [];
    const { first, last } = this.range;
    const out: number[] = [];
    const active = this.active.row;
    if (active >= 0 && active < first && active < total) out.push(active);
    for (let i = first; i <= Math.min(last, total - 1); i++) out.push(i);
    if (active > last && active < total) out.push(active);
    return out;
  }

  private renderHeaderCell(col: Column, index: number, isActive: boolean): TemplateResult {
    const sorted = col.sort !== undefined && col.sort === this.effectiveSort;
    const ascending = this.effectiveOrder === 'asc';
    const ariaSort = col.sort === undefined ? nothing : sorted ? (ascending ? 'ascending' : 'descending') : 'none';
    return html`<div
      role="columnheader"
      part="header-cell"
      class=${`cell h-${col.id} ${col.numeric ? 'num' : ''} ${col.sort ? 'sortable' : ''}`}
      aria-colindex=${index + 1}
      aria-sort=${ariaSort}
      tabindex=${isActive ? 0 : -1}
      data-row="-1"
      data-col=${index}
    >
      <span class="label">${this.m(col.label)}</span>${sorted
        ? html`<span part="sort-indicator" class="sort-indicator" aria-hidden="true">${ascending ? '▲' : '▼'}</span>`
        : nothing}
    </div>`;
  }

  /**
   * One row. Loading and loaded rows share one template, so that when a page arrives Lit updates
   * the cells in place: the element that has focus stays (a new template would replace it).
   */
  private renderRow(index: number, order: OrderSummary | undefined, activeCol: number): TemplateResult {
    const texts = order ? this.textsOf(order) : undefined;
    const ph = html`<span part="placeholder" class="placeholder" aria-hidden="true"></span>`;
    const content = (col: number): unknown => {
      if (!order) return col === 0 ? html`<span class="ce-visually-hidden">${this.m('loadingRow')}</span>${ph}` : ph;
      switch (COLUMNS[col]!.id) {
        case 'number':
          return order.number;
        case 'date':
          return texts!.date;
        case 'quantity':
          return texts!.quantity;
        case 'cost':
          return texts!.cost;
        case 'status':
          return html`<span part="status" class="status" data-status=${order.status}>${this.m(`status.${order.status}`)}</span>`;
        case 'channel':
          return this.channelName(order.salesChannelId);
        case 'priority':
          // The word is hidden from sight where the table is narrow (the marker stays, and its title).
          return order.priority
            ? html`<span part="priority" class="priority" title=${this.m('priority')}><span class="word">${this.m('priority')}</span></span>`
            : nothing;
      }
    };
    return html`<div
      role="row"
      part=${order ? 'row' : 'row row-loading'}
      class=${index % 2 ? 'row odd' : 'row'}
      aria-rowindex=${index + 2}
      data-row=${index}
      ${cssVar('--_i', index)}
    >
      ${COLUMNS.map(
        (col, i) => html`<div
          role="gridcell"
          part=${`cell cell-${col.id}`}
          class=${`gc gc-${col.id}`}
          aria-colindex=${i + 1}
          tabindex=${activeCol === i ? 0 : -1}
          data-row=${index}
          data-col=${i}
        >${content(i)}</div>`,
      )}
    </div>`;
  }

  /** Formatted texts per order object (a refreshed page brings new objects, so new texts). */
  private texts = new WeakMap<OrderSummary, { locale: string; date: string; quantity: string; cost: string }>();

  private textsOf(order: OrderSummary): { date: string; quantity: string; cost: string } {
    const locale = this.resolvedLocale;
    let texts = this.texts.get(order);
    if (!texts || texts.locale !== locale) {
      texts = {
        locale,
        date: formatDate(order.placedAt, locale),
        quantity: formatNumber(order.quantity, locale),
        cost: formatMoney(order.total, locale),
      };
      this.texts.set(order, texts);
    }
    return texts;
  }

  private channelName(id: string): string {
    return this.reference.value?.salesChannels.find((c) => c.id === id)?.name ?? id;
  }

  private renderDialog(): TemplateResult {
    const open = this.openOrder;
    return html`<dialog
      part="dialog"
      class="dialog"
      aria-label=${open ? this.m('dialogLabel', { number: open.number }) : this.m('gridLabel')}
      @close=${this.onDialogClose}
      @click=${this.onDialogClick}
    >
      ${open
        ? html`<div class="dialog-head">
              <button type="button" part="close-button" class="ce-button close" @click=${this.closeDetail}>
                ${this.t('action.close')}
              </button>
            </div>
            ${this.renderDetail(open)}`
        : nothing}
    </dialog>`;
  }

  /**
   * The detail, under whatever tag its class is registered with (`order-detail` when the page did
   * not register it); while its module loads, a loading state; when that failed, the error and Retry.
   */
  private renderDetail(open: OrderSummary): HTMLElement | TemplateResult {
    const OrderDetailClass = this.detailClass;
    if (!OrderDetailClass) {
      return this.detailLoadError
        ? renderError(this, this.detailLoadError, () => void this.loadDetail())
        : renderSkeleton(4, this.t('state.loading'));
    }
    let name = customElements.getName(OrderDetailClass);
    if (!name) {
      defineElement(DETAIL_TAG, OrderDetailClass);
      name = customElements.getName(OrderDetailClass) ?? DETAIL_TAG;
    }
    if (this.detailElement?.localName !== name) {
      this.detailElement = document.createElement(name) as OrderDetail;
      this.detailElement.setAttribute('part', 'detail');
      this.detailElement.setAttribute(
        'exportparts',
        'detail-lines, action, confirm, confirm-accept, confirm-dismiss, action-reason, action-error, action-form, field-error, submit, header:detail-header, title:detail-title, status:detail-status, priority:detail-priority, actions:detail-actions, section:detail-section, totals:detail-totals',
      );
    }
    const detail = this.detailElement;
    detail.orderId = open.id;
    detail.client = this.api;
    detail.locale = this.resolvedLocale;
    detail.readonly = this.readonly;
    return detail;
  }

  // ---------------------------------------------------------------------------------------------
  // Toolbar
  // ---------------------------------------------------------------------------------------------

  private onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.q = this.searchText.trim();
    }, Number.isFinite(this.debounce) && this.debounce > 0 ? this.debounce : 0);
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      // Enter searches at once.
      clearTimeout(this.searchTimer);
      this.q = this.searchText.trim();
    }
  }

  /**
   * A list the server refuses for one of the table's own controls (a 400 naming `status`,
   * `salesChannelId` or `sort`: a backend may not filter or sort a very long history) says which
   * control, and offers to drop it, instead of asking to check fields that are not there or to try
   * the same query again.
   */
  private renderLoadError(error: unknown, retry: () => void): TemplateResult {
    const refused = isValidationError(error) ? error.fieldErrors.find((f) => REFUSABLE.has(f.field)) : undefined;
    if (!refused) return renderError(this, error, retry);
    let text: string;
    let action: string;
    let control: string;
    let drop: () => void;
    if (refused.field === 'status') {
      [text, action, control, drop] = [this.m('refusedStatus'), this.m('allStatuses'), '#status-filter', () => (this.status = '')];
    } else if (refused.field === 'salesChannelId') {
      [text, action, control, drop] = [this.m('refusedChannel'), this.m('allChannels'), '#channel-filter', () => (this.salesChannelId = '')];
    } else {
      const col = COLUMNS.find((c) => c.sort === this.effectiveSort);
      text = this.m('refusedSort', { column: col ? this.m(col.label) : this.effectiveSort });
      action = this.m('sortByDate');
      control = '';
      drop = () => {
        this.sort = 'placedAt';
        this.order = 'desc';
        // The grid's roving focus moves to the Date header, as if the user had sorted by it.
        this.active = { row: -1, col: COLUMNS.findIndex((c) => c.sort === 'placedAt') };
        this.focusPending = true;
      };
    }
    // The button goes away with the message: focus moves to the control the user changed.
    const reset = async () => {
      drop();
      await this.updateComplete;
      if (control) this.renderRoot.querySelector<HTMLElement>(control)?.focus();
    };
    return html`<div class="ce-message ce-error" part="error refused-query" role="alert">
      <span>${text}</span>
      <button type="button" class="ce-button" part="reset-query-button" @click=${reset}>${action}</button>
    </div>`;
  }

  private onStatusChange(event: Event): void {
    this.status = ((event.target as HTMLSelectElement).value || '') as OrderStatus | '';
  }

  private onChannelChange(event: Event): void {
    this.salesChannelId = (event.target as HTMLSelectElement).value;
  }

  private onSeasonChange(event: Event): void {
    this.seasonId = (event.target as HTMLSelectElement).value;
    if (!this.customerId) return;
    emit(this, 'season-select', { customerId: this.customerId, seasonId: this.seasonId || null });
  }

  private onOrderFromStock(): void {
    if (!this.customerId) return;
    emit(this, 'order-from-stock', { customerId: this.customerId, seasonId: this.seasonId || null }, { cancelable: true });
  }

  // ---------------------------------------------------------------------------------------------
  // Grid interaction
  // ---------------------------------------------------------------------------------------------

  private activeCellElement(): HTMLElement | null {
    const { row, col } = this.active;
    return this.grid?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`) ?? null;
  }

  private cellOf(event: Event): Cell | undefined {
    for (const node of event.composedPath()) {
      if (node === this.grid) break;
      if (node instanceof HTMLElement && node.dataset.col !== undefined && node.dataset.row !== undefined) {
        return { row: Number(node.dataset.row), col: Number(node.dataset.col) };
      }
    }
    return undefined;
  }

  private onGridFocusIn(event: FocusEvent): void {
    const cell = this.cellOf(event);
    if (cell && (cell.row !== this.active.row || cell.col !== this.active.col)) this.active = cell;
  }

  private onGridClick(event: MouseEvent): void {
    const cell = this.cellOf(event);
    if (!cell) return;
    this.active = cell;
    if (cell.row === -1) this.sortBy(cell.col);
    else this.open(cell.row);
  }

  /** Moves the active cell, scrolling its row into view, and focuses it after the update. */
  private moveTo(row: number, col: number): void {
    const total = this.pages?.total ?? 0;
    const r = Math.max(-1, Math.min(total - 1, row));
    const c = Math.max(0, Math.min(LAST_COL, col));
    this.active = { row: r, col: c };
    const grid = this.grid;
    if (grid && r >= 0) {
      const metrics = this.metrics();
      const top = scrollTopFor(r, metrics);
      if (top !== metrics.scrollTop) this.scrollToPosition(top);
    }
    this.focusPending = true;
    this.requestUpdate();
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const cell = this.cellOf(event);
    if (!cell) return;
    const { row, col } = cell;
    const ctrl = event.ctrlKey || event.metaKey;
    const total = this.pages?.total ?? 0;
    const pageRows = rowsPerPage(this.rowHeight, this.metrics().viewportHeight);
    let handled = true;
    switch (event.key) {
      // Columns run in reading order: right to left in rtl, where ArrowLeft goes to the next one.
      case 'ArrowRight':
        this.moveTo(row, this.isRtl ? col - 1 : col + 1);
        break;
      case 'ArrowLeft':
        this.moveTo(row, this.isRtl ? col + 1 : col - 1);
        break;
      case 'ArrowDown':
        this.moveTo(Math.min(row + 1, total - 1), col);
        break;
      case 'ArrowUp':
        this.moveTo(row - 1, col);
        break;
      case 'Home':
        if (ctrl) this.moveTo(total > 0 ? 0 : -1, 0);
        else this.moveTo(row, 0);
        break;
      case 'End':
        if (ctrl) this.moveTo(total - 1, LAST_COL);
        else this.moveTo(row, LAST_COL);
        break;
      case 'PageDown':
        this.moveTo(Math.min(total - 1, Math.max(0, row) + pageRows), col);
        break;
      case 'PageUp':
        this.moveTo(row <= 0 ? -1 : Math.max(0, row - pageRows), col);
        break;
      case 'Enter':
        if (row === -1) this.sortBy(col);
        else this.open(row);
        break;
      case ' ':
        // Sorts on a header; on a row it does nothing (rather than scroll the focused row away).
        if (row === -1) this.sortBy(col);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  private sortBy(col: number): void {
    const field = COLUMNS[col]?.sort;
    if (!field) return;
    if (this.effectiveSort === field) this.order = this.effectiveOrder === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = field;
      this.order = field === 'placedAt' ? 'desc' : 'asc';
    }
    this.focusPending = true;
  }

  private open(row: number): void {
    const order = this.pages?.get(row);
    if (!order || this.openOrder) return;
    this.openOrder = order;
    void this.loadDetail();
    emit(this, 'order-open', { orderId: order.id, order });
  }

  /**
   * Loads the order detail's module, which the table does not ship with: most visits open no
   * order, and the detail is as big as the table. The dialog shows a loading state meanwhile.
   */
  private async loadDetail(): Promise<void> {
    if (this.detailClass) return;
    this.detailLoadError = undefined;
    try {
      this.detailClass = await loadOrderDetail();
    } catch (error) {
      this.detailLoadError = error;
    }
  }

  private closeDetail(): void {
    this.dialog?.close();
  }

  /** A click on the dialog itself outside its box fell on the backdrop: it closes the detail. */
  private onDialogClick(event: MouseEvent): void {
    const dialog = this.dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  }

  private onDialogClose(event: Event): void {
    // Only the table's own dialog: the detail's confirm dialog closes without ending the detail.
    if (event.target !== this.dialog) return;
    this.openOrder = undefined;
    this.returnFocus = true;
  }

  /** Opens the order at a position (as Enter on its row does); resolves when its detail shows. */
  async openAt(index: number): Promise<void> {
    this.open(index);
    await this.loadDetail();
    await this.updateComplete;
  }

  /** Scrolls so that row `index` is in view (fetching its page). */
  scrollToIndex(index: number): void {
    this.scrollToPosition(scrollTopFor(index, this.metrics()));
  }

  /** The rows visible now (no overscan), for hosts that show "rows x–y of n". */
  get visibleRows(): RowRange {
    return visibleRange(this.metrics());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'order-table': OrderTable;
  }
  interface HTMLElementEventMap {
    'order-open': OrderOpenEvent;
    'order-from-stock': OrderFromStockEvent;
    'season-select': SeasonSelectEvent;
  }
}
