import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { CustomerSegment, CustomerSearchQuery, CustomerSummary, Page, Reference, SearchCriterion } from '../../sdk/schemas.js';
import { SEARCH_CRITERIA } from '../../sdk/enums.js';
import { tags } from '../../sdk/tags.js';
import { isValidationError } from '../../sdk/errors/index.js';
import { emit } from '../shared/events.js';
import { CeElement } from '../shared/base.js';
import { ResourceController } from '../shared/resource.js';
import { referenceController } from '../shared/reference.js';
import { renderConfigMessage, renderError } from '../shared/states.js';
import { formatMoney, formatNumber } from '../shared/format.js';
import { isOverLimit, limitDescribedBy, limitState, renderLimit, type TextLimit } from '../shared/limits.js';
import { CustomerSearchQueryLimits } from '../shared/limits.generated.js';
import type { MessageParams } from '../shared/i18n.js';
import { searchMessage, type SearchMessageKey } from './customer-search.messages.js';
import { WatchListBadge } from '../watch-list-badge/watch-list-badge.js';
import { styles } from './customer-search.styles.js';
import { enumName } from '../shared/terms.js';

/** The longest query the server takes, from the contract's schema; measured after trimming, as it is sent. */
const QUERY_LIMIT: TextLimit | undefined = ((limit) => (limit ? { ...limit, trims: true } : undefined))(
  CustomerSearchQueryLimits.q,
);

/** The detail of `customer-select`: the chosen customer's id and the summary the list showed. */
export interface CustomerSelectDetail {
  /** The id of the chosen customer. */
  customerId: string;
  /** The summary the result showed (name, type, flags…), so a host can show it before loading more. */
  customer: CustomerSummary;
}
/** The `customer-select` event. */
export type CustomerSelectEvent = CustomEvent<CustomerSelectDetail>;

/** Detail of the `customer-create-request` event: what was typed, and the same as values for the add-customer form. */
export interface CustomerCreateRequestDetail {
  /** The search text as typed (trimmed). */
  query: string;
  criterion: SearchCriterion;
  /** The query as the field it searched: `name`, `email` or `postcode` (nothing for order identifiers). Give it to `customer-create`'s `prefill`. */
  prefill: { name?: string; email?: string; postcode?: string };
}
/** The `customer-create-request` event (cancelable). */
export type CustomerCreateRequestEvent = CustomEvent<CustomerCreateRequestDetail>;

/**
 * The fewest characters worth sending for each criterion: fewer would match most of the customer
 * base (a name fragment of one letter) or can never match (a 2-character order number).
 */
export const MIN_QUERY_LENGTH: Readonly<Record<SearchCriterion, number>> = {
  name: 2,
  email: 3,
  postcode: 2,
  orderNumber: 3,
  invoiceNumber: 3,
  ebayUserId: 3,
  trackingNumber: 4,
  amazonOrderId: 3,
  orderReference: 3,
  externalOrderReference: 3,
  dispatchId: 3,
};

const SEGMENTS: readonly CustomerSegment[] = ['all', 'trade', 'retail'];
/** A–Z, then `#` for names that start with anything else (the API's `initial`). */
const LETTERS: readonly string[] = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];
/** Keys of the search box that move (or leave) the active result. */
const MOVE_KEYS: ReadonlySet<string> = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'ArrowLeft', 'ArrowRight', 'Enter', 'Escape']);


/** What produced a first page: the exact query sent, so that "Load more" continues the same search. */
interface SearchArgs {
  readonly q: string | undefined;
  readonly criterion: SearchCriterion;
  readonly segment: CustomerSegment;
  readonly initial: string | undefined;
  readonly limit: number;
}
type SearchTuple = readonly [
  q: string | undefined,
  criterion: SearchCriterion,
  segment: CustomerSegment,
  initial: string | undefined,
  limit: number,
];
interface FirstPage {
  args: SearchArgs;
  page: Page<CustomerSummary>;
}

/**
 * A search box for finding a customer, following the ARIA APG combobox pattern with a listbox popup.
 *
 * Pick what to match (name, email, postcode, order, invoice, tracking, marketplace identifiers…),
 * narrow to trade or retail customers or to names starting with a letter, and type: the search
 * runs after a short pause, a slower older answer never replaces a newer one, large result sets
 * load page by page ("Load more", scrolling, or ArrowDown past the end). Choosing a result fires
 * `customer-select`; the element never navigates by itself.
 *
 * Needs a client: a `<customer-elements-provider>` above it, or its `client` property. When a
 * `<watch-list-badge>` class is registered (under any name), watch-listed results show that badge
 * in its decorative form; otherwise a text flag.
 *
 * Keyboard, in the search box: ArrowDown/ArrowUp move through the results (opening the list when
 * closed; ArrowDown on the last loaded result loads the next page); Home/End go to the first/last
 * result once a result is active (otherwise they move the caret; End while a page is loading lands on
 * the last result of that page when it arrives, and moving the active result only scrolls, never
 * loads); Enter chooses the active result
 * (or searches at once when none is active); Escape closes the list, a second Escape clears the
 * box; Tab leaves. In the A–Z toolbar: ArrowLeft/ArrowRight (and Up/Down) move between letters,
 * wrapping; Home/End go to A/#; Enter or Space presses a letter, pressing it again clears it.
 *
 * @summary Finds a customer by name, email, postcode, order, invoice, tracking or marketplace
 * identifiers, with a trade/retail filter and an A–Z filter; fires `customer-select`.
 *
 * @fires {CustomEvent<CustomerSelectDetail>} customer-select - The user chose a customer (Enter on
 * the active result, or a click). `detail: { customerId, customer }`. Bubbles and is composed.
 * Never fired for programmatic changes or when results arrive.
 *
 * @fires {CustomEvent<CustomerCreateRequestDetail>} customer-create-request - With `offer-create`: the user
 * pressed "Add customer" in the no-results state. `detail: { query, criterion, prefill }`; open `customer-create`
 * with `prefill`. Cancelable: the list closes unless a listener calls `preventDefault()`.
 *
 * @slot empty - Replaces the text shown when nothing matches (e.g. with a "Create customer" link of
 *   the host's). The status line still announces that nothing matched.
 *
 * @csspart input - The search box (`role="combobox"`).
 * @csspart limit-count - The character counter shown near the query's length limit.
 * @csspart limit-error - The message when the query is longer than the limit (nothing is sent).
 * @csspart criterion-select - The "Search by" select.
 * @csspart segment-select - The All / Trade / Retail customers select.
 * @csspart alphabet - The A–Z toolbar.
 * @csspart letter - Each letter button of the A–Z toolbar.
 * @csspart letter-pressed - The letter button that is pressed (also has `letter`).
 * @csspart listbox - The list of results (`role="listbox"`).
 * @csspart option - Each result (`role="option"`).
 * @csspart option-active - The result with keyboard focus (also has `option`).
 * @csspart option-name - The customer's name inside a result.
 * @csspart option-meta - The details line of a result (type, postcode, email, channel, balance).
 * @csspart flag - Each flag beside a name (on hold, watch list).
 * @csspart on-hold-flag - The "On hold" flag (also has `flag`).
 * @csspart watch-list-flag - The watch-list flag: the badge, or the text flag (also has `flag`).
 * @csspart status - The live status line: result count, "Searching…", or a hint.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The "no results" message.
 * @csspart create-button - With `offer-create`: "Add customer" below the "no results" message.
 * @csspart error - The error message with its Retry button.
 * @csspart retry-button - The Retry button inside `error`.
 * @csspart message - The configuration message when there is no client (also `config-message`).
 * @csspart skeleton - The placeholder shown while the data loads.
 * @csspart config-message - The message shown when no API client is configured.
 *
 * @cssproperty --customer-search-list-max-block-size - The largest block size of the results list before it scrolls. Default `24rem`.
 * @cssproperty --customer-search-option-padding - Padding of each result. Default `var(--ce-space-s) var(--ce-space-m)`.
 * @cssproperty --customer-search-option-gap - Space between the lines of a result. Default `var(--ce-space-2xs)`.
 * @cssproperty --customer-search-highlight-color - Background of the active result and the pressed letter. Default `--ce-color-brand-fill-quiet`.
 * @cssproperty --customer-search-highlight-text-color - Text colour of the active result. Default `--ce-color-text`.
 * @cssproperty --customer-search-on-hold-color - Text and border colour of the "On hold" flag. Default `--ce-color-danger-on-quiet`.
 * @cssproperty --customer-search-on-hold-background - Background of the "On hold" flag. Default `--ce-color-danger-fill-quiet`.
 * @cssproperty --customer-search-watch-list-color - Text and border colour of the text watch-list flag. Default `--ce-color-warning-on-quiet`.
 * @cssproperty --customer-search-watch-list-background - Background of the text watch-list flag. Default `--ce-color-warning-fill-quiet`.
 * @cssproperty --customer-search-letter-size - Inline and block size of each A–Z button. Default `2rem`.
 */
export class CustomerSearch extends CeElement {
  static override styles = styles;
  static override catalogues = [searchMessage];

  /** What the search box matches. One of `SEARCH_CRITERIA`; an unknown value warns and falls back to `name`. */
  @property({ reflect: true }) criterion: SearchCriterion = 'name';

  /** `all`, `trade` (retailers and agents) or `retail` (public customers). An unknown value warns and falls back to `all`. */
  @property({ reflect: true }) segment: CustomerSegment = 'all';

  /** The A–Z filter on the first letter of the name: `A`–`Z`, `#` for anything else, or empty for none. Lower case is accepted. */
  @property({ reflect: true }) initial = '';

  /**
   * The text in the search box. Typing updates it (the search runs after `debounce` ms); a host may
   * set it, which searches at once.
   */
  @property() query = '';

  /** Results fetched per page (1–100). Default 25. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Milliseconds to wait after the last key press before searching. Default 250; 0 searches on every key. */
  @property({ type: Number }) debounce = 250;

  /** Placeholder of the search box. Defaults to the selected criterion's label. */
  @property() placeholder = '';

  /**
   * Offer "Add customer" when nothing matches; it fires `customer-create-request` for the host to
   * answer (e.g. by opening `<customer-create>`). Off by default: a host that does not answer it
   * should not show the button.
   */
  @property({ type: Boolean, reflect: true, attribute: 'offer-create' }) offerCreate = false;

  @query('#input') private inputEl!: HTMLInputElement;
  @query('#listbox') private listboxEl!: HTMLElement;

  /** The query the current search is for: `query` once the user has stopped typing. */
  @state() private committedQuery = '';
  /** The popup is shown unless the user dismissed it (Escape, a choice, focus leaving). */
  @state() private dismissed = false;
  /** Index of the option with visual focus, -1 for none (focus in the text). */
  @state() private activeIndex = -1;
  /** Pages after the first, appended by "Load more" or scrolling. */
  @state() private morePages: CustomerSummary[] = [];
  @state() private nextCursor: string | null = null;
  @state() private total = 0;
  @state() private moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  @state() private moreError: unknown = undefined;

  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private typing = false;
  private seenPage: FirstPage | undefined;
  private moreAbort: AbortController | undefined;
  /** Bumped whenever the first page changes: a "Load more" answer for an older search is dropped. */
  private generation = 0;
  /**
   * A key that could not finish before the next page arrives: ArrowDown on the last loaded option
   * (`next`: move on to the first new result) or End while a page is loading (`last`: land on the
   * new last result). Any other move cancels it, so a page arriving late never moves the user.
   */
  private pendingMove: 'next' | 'last' | undefined;
  /**
   * The list's scroll position after our own `scrollIntoView`: the scroll event it causes is not
   * the user scrolling, so it must not load a page (End would otherwise load the next page and
   * no longer be on the last result, and each new last result would load another).
   */
  private ownScrollTop: number | undefined;
  /** The letter that takes Tab (roving tabindex); -1 follows the pressed letter. */
  private focusLetter = -1;
  private badges = new Map<string, WatchListBadge>();
  private badgeTag: string | null | undefined;

  private readonly searchResource = new ResourceController<FirstPage, SearchTuple>(this, {
    // Primitives only: the controller compares args element by element, so a fresh object per
    // update would start a new search on every render.
    args: () => {
      const args = this.searchArgs();
      return args ? ([args.q, args.criterion, args.segment, args.initial, args.limit] as const) : undefined;
    },
    load: async ([q, criterion, segment, initial, limit], signal, client) => {
      const args: SearchArgs = { q, criterion, segment, initial, limit };
      const page = await client.customers.search(toQuery(args, undefined), { signal });
      return { args, page };
    },
    tags: () => [tags.search()],
    // The previous answer stays on screen while the next query runs: no flash between key presses.
    keepValueOnArgsChange: true,
  });

  private readonly referenceResource = referenceController(this);

  // ---------------------------------------------------------------------------------------------
  // Lifecycle
  // ---------------------------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounceTimer);
    this.moreAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('criterion') && !(SEARCH_CRITERIA as readonly string[]).includes(this.criterion)) {
      console.warn(`customer-search: unknown criterion "${String(this.criterion)}"; using "name".`);
      this.criterion = 'name';
    }
    if (changed.has('segment') && !SEGMENTS.includes(this.segment)) {
      console.warn(`customer-search: unknown segment "${String(this.segment)}"; using "all".`);
      this.segment = 'all';
    }
    if (changed.has('initial') && this.initial !== '') {
      const upper = String(this.initial).toUpperCase();
      if (LETTERS.includes(upper)) this.initial = upper;
      else {
        console.warn(`customer-search: initial must be A–Z or "#"; ignoring "${String(this.initial)}".`);
        this.initial = '';
      }
    }
    if (changed.has('query')) {
      if (typeof this.query !== 'string') this.query = this.query == null ? '' : String(this.query);
      // A host that sets the query wants the result now; typing waits for the pause.
      if (!this.typing) {
        clearTimeout(this.debounceTimer);
        this.committedQuery = this.query;
      }
      this.typing = false;
    }
    if (changed.has('criterion') || changed.has('segment') || changed.has('initial')) {
      // A filter changed: search the current text at once and show the answer.
      clearTimeout(this.debounceTimer);
      this.committedQuery = this.query;
      this.dismissed = false;
    }

    const first = this.searchResource.value;
    if (first !== this.seenPage) {
      this.seenPage = first;
      this.generation++;
      this.moreAbort?.abort();
      this.morePages = [];
      this.nextCursor = first?.page.nextCursor ?? null;
      this.total = first?.page.total ?? 0;
      this.moreStatus = 'idle';
      this.moreError = undefined;
      this.pendingMove = undefined;
      this.activeIndex = -1;
      const shown = new Set(first?.page.items.map((c) => c.id));
      for (const id of this.badges.keys()) if (!shown.has(id)) this.badges.delete(id);
    }
    const count = this.items().length;
    if (this.activeIndex >= count) this.activeIndex = count - 1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('activeIndex' as keyof CustomerSearch) && this.activeIndex >= 0) {
      const list = this.listboxEl;
      const before = list?.scrollTop;
      this.renderRoot.querySelector(`#${this.optionId(this.activeIndex)}`)?.scrollIntoView({ block: 'nearest' });
      if (list && list.scrollTop !== before) this.ownScrollTop = list.scrollTop;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------

  private msg(key: SearchMessageKey, params?: MessageParams): string {
    return searchMessage(this.resolvedLocale, key, params);
  }

  private minLength(): number {
    return MIN_QUERY_LENGTH[this.criterion] ?? 1;
  }

  private limit(): number {
    const n = Math.trunc(Number(this.pageSize));
    return Number.isFinite(n) ? Math.min(100, Math.max(1, n)) : 25;
  }

  /** The search to run now, or undefined when there is nothing worth asking for. */
  private searchArgs(): SearchArgs | undefined {
    const text = this.committedQuery.trim();
    const initial = this.initial || undefined;
    if (text.length > 0 && text.length < this.minLength()) return undefined;
    if (text.length === 0 && !initial) return undefined;
    // Too long: the server would refuse it; the message beside the box says so and nothing is sent.
    if (isOverLimit(text, QUERY_LIMIT)) return undefined;
    return { q: text || undefined, criterion: this.criterion, segment: this.segment, initial, limit: this.limit() };
  }

  private items(): CustomerSummary[] {
    const first = this.searchResource.value;
    // After a failed search the previous answer belongs to another query: show the error alone.
    if (!first || !this.searchArgs() || this.searchResource.status === 'error') return [];
    return this.morePages.length ? [...first.page.items, ...this.morePages] : first.page.items;
  }

  private isOpen(): boolean {
    return !this.dismissed && this.searchArgs() !== undefined && this.searchResource.status !== 'unconfigured';
  }

  private optionId(index: number): string {
    return `option-${index}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Actions
  // ---------------------------------------------------------------------------------------------

  private commitSoon(): void {
    clearTimeout(this.debounceTimer);
    const delay = Number(this.debounce);
    if (!(delay > 0)) {
      this.committedQuery = this.query;
      return;
    }
    this.debounceTimer = setTimeout(() => {
      this.committedQuery = this.query;
    }, delay);
  }

  private selectAt(index: number): void {
    const customer = this.items()[index];
    if (!customer) return;
    this.activeIndex = index;
    this.dismissed = true;
    emit(this, 'customer-select', { customerId: customer.id, customer });
  }

  private async loadMore(): Promise<void> {
    const first = this.searchResource.value;
    const cursor = this.nextCursor;
    const client = this.api;
    if (!first || !cursor || !client || this.moreStatus === 'loading') return;
    const generation = this.generation;
    this.moreAbort?.abort();
    const abort = new AbortController();
    this.moreAbort = abort;
    this.moreStatus = 'loading';
    this.moreError = undefined;
    try {
      const page = await client.customers.search(toQuery(first.args, cursor), { signal: abort.signal });
      if (generation !== this.generation || abort.signal.aborted) return;
      const seen = new Set(this.items().map((c) => c.id));
      this.morePages = [...this.morePages, ...page.items.filter((c) => !seen.has(c.id))];
      this.nextCursor = page.nextCursor;
      this.total = page.total;
      this.moreStatus = 'idle';
      const move = this.pendingMove;
      this.pendingMove = undefined;
      const last = this.items().length - 1;
      if (move === 'next') this.activeIndex = Math.min(this.activeIndex + 1, last);
      else if (move === 'last') this.activeIndex = last;
    } catch (error) {
      if (generation !== this.generation || abort.signal.aborted) return;
      this.moreStatus = 'error';
      this.moreError = error;
      this.pendingMove = undefined;
    }
  }

  private retry(): void {
    if (this.moreStatus === 'error') void this.loadMore();
    else this.searchResource.reload();
  }

  // ---------------------------------------------------------------------------------------------
  // Event handlers
  // ---------------------------------------------------------------------------------------------

  private onInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this.typing = true;
    this.query = value;
    this.dismissed = false;
    this.activeIndex = -1;
    this.commitSoon();
  }

  private onKeyDown(event: KeyboardEvent): void {
    // Keys that confirm or cancel an IME composition belong to the IME, not to the list.
    if (event.isComposing) return;
    if (event.altKey && event.key === 'ArrowDown') {
      this.dismissed = false;
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const items = this.items();
    const open = this.isOpen();
    const last = items.length - 1;
    // A move replaces one still waiting for a page (ArrowDown and End renew it below).
    if (MOVE_KEYS.has(event.key)) this.pendingMove = undefined;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          this.dismissed = false;
          this.activeIndex = items.length ? 0 : -1;
        } else if (this.activeIndex < last) {
          this.activeIndex++;
        } else if (this.activeIndex === last && this.nextCursor) {
          this.pendingMove = 'next';
          void this.loadMore();
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          this.dismissed = false;
          this.activeIndex = last;
        } else if (this.activeIndex > 0) {
          this.activeIndex--;
        } else if (this.activeIndex === -1) {
          this.activeIndex = last;
        }
        break;
      case 'Home':
      case 'End':
        // In the list, Home/End move between options; while editing the text they move the caret.
        if (open && this.activeIndex >= 0 && items.length) {
          event.preventDefault();
          this.activeIndex = event.key === 'Home' ? 0 : last;
          // End is the last result: when a page is on its way, that is the last of the page.
          if (event.key === 'End' && this.moreStatus === 'loading') this.pendingMove = 'last';
        }
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        this.activeIndex = -1;
        break;
      case 'Enter':
        if (open && this.activeIndex >= 0) {
          event.preventDefault();
          this.selectAt(this.activeIndex);
        } else {
          // Skip the pause: the user asked for the search now.
          clearTimeout(this.debounceTimer);
          this.committedQuery = this.query;
          this.dismissed = false;
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          this.dismissed = true;
          this.activeIndex = -1;
        } else if (this.query !== '') {
          event.preventDefault();
          clearTimeout(this.debounceTimer);
          this.query = '';
          this.committedQuery = '';
          this.activeIndex = -1;
        }
        break;
      default:
        break;
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    // Focus moving within the component (to Load more, a letter) keeps the list open.
    if (next && (this.renderRoot.contains(next) || this.contains(next))) return;
    const from = event.target as HTMLElement;
    // Decide after the update that may be removing `from`: never change state in the middle of it.
    queueMicrotask(() => {
      if (this.shadowRoot?.activeElement) return;
      if (!next && from !== this.inputEl && (!from.isConnected || !from.checkVisibility())) {
        // Load more after the last page, or Retry, went away with focus: give it back to the box
        // rather than drop the user on <body>.
        this.inputEl?.focus();
        return;
      }
      this.dismissed = true;
      this.activeIndex = -1;
    });
  }

  private onCriterionChange(event: Event): void {
    this.criterion = (event.target as HTMLSelectElement).value as SearchCriterion;
  }

  private onSegmentChange(event: Event): void {
    this.segment = (event.target as HTMLSelectElement).value as CustomerSegment;
  }

  private onLetterClick(letter: string, index: number): void {
    this.focusLetter = index;
    this.initial = this.initial === letter ? '' : letter;
  }

  private onAlphabetKeyDown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="letter"]')];
    const current = buttons.indexOf(event.target as HTMLButtonElement);
    if (current < 0) return;
    let next = current;
    // The letters run in reading order: in rtl, ArrowLeft is the next letter.
    const forward = this.isRtl ? 'ArrowLeft' : 'ArrowRight';
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowLeft':
        next = event.key === forward ? (current + 1) % buttons.length : (current - 1 + buttons.length) % buttons.length;
        break;
      case 'ArrowDown':
        next = (current + 1) % buttons.length;
        break;
      case 'ArrowUp':
        next = (current - 1 + buttons.length) % buttons.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = buttons.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.focusLetter = next;
    this.requestUpdate();
    buttons[next]?.focus();
  }

  private onListScroll(): void {
    const list = this.listboxEl;
    if (!list || !this.nextCursor || this.moreStatus !== 'idle') return;
    // Keyboard moves scroll the active result into view; only the user's own scrolling loads.
    if (list.scrollTop === this.ownScrollTop) return;
    this.ownScrollTop = undefined;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 48) void this.loadMore();
  }

  private onLoadMoreClick(): void {
    void this.loadMore();
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  /** The tag the watch-list badge is registered under, or null when it is not on the page. */
  private watchListTag(): string | null {
    // Whatever name the host registered the badge class under (ours or its own).
    const name = customElements.getName(WatchListBadge);
    if (name !== this.badgeTag) {
      this.badgeTag = name;
      this.badges.clear();
    }
    return name;
  }

  private renderWatchList(customer: CustomerSummary): TemplateResult | typeof nothing {
    if (!customer.watchListed) return nothing;
    const tag = this.watchListTag();
    if (!tag) {
      return html`<span class="flag watch-list" part="flag watch-list-flag"><span aria-hidden="true">⚑</span> ${this.msg('watchList')}</span>`;
    }
    // A tag known only at run time: made once per customer and kept, so re-renders reuse it.
    let badge = this.badges.get(customer.id);
    if (!badge) {
      badge = document.createElement(tag) as WatchListBadge;
      badge.customerId = customer.id;
      // Inside an option: nothing focusable, no tooltip (the option owns focus).
      badge.decorative = true;
      // A decorative badge shows the flag only (no note, no tooltip, no editing), and the result
      // already says the customer is listed: hand it that, so that it does not ask the API for
      // the note (one request per result row before; now one request per search). A write to the
      // watch list invalidates the search, whose new results bring the new flag.
      badge.watchList = { customerId: customer.id, active: true, version: 0, note: null, updatedAt: null, updatedBy: null };
      this.badges.set(customer.id, badge);
    }
    badge.client = this.client;
    badge.locale = this.locale;
    return html`<span class="flag" part="flag watch-list-flag">${badge}</span>`;
  }

  /** The catalogue names the type (the library owns the enumeration); a type this version does not know shows the server's label. */
  private typeName(customer: CustomerSummary, reference: Reference | undefined): string {
    return enumName(this.resolvedLocale, 'customerType', customer.type) ?? reference?.customerTypes.find((t) => t.id === customer.type)?.name ?? '—';
  }

  private renderOption(customer: CustomerSummary, index: number, reference: Reference | undefined) {
    const active = index === this.activeIndex;
    const channel = reference?.salesChannels.find((c) => c.id === customer.salesChannelId)?.name ?? '—';
    return html`<li
      role="option"
      id=${this.optionId(index)}
      part=${active ? 'option option-active' : 'option'}
      class=${active ? 'option active' : 'option'}
      aria-selected=${active ? 'true' : 'false'}
      aria-setsize=${this.total}
      aria-posinset=${index + 1}
      data-customer-id=${customer.id}
      @mousedown=${(e: MouseEvent) => e.preventDefault()}
      @click=${() => this.selectAt(index)}
    >
      <span class="line">
        <bdi part="option-name" class="name">${customer.name}</bdi>
        ${customer.onHold ? html`<span class="flag on-hold" part="flag on-hold-flag"><span aria-hidden="true">⛔</span> ${this.msg('onHold')}</span>` : nothing}
        ${this.renderWatchList(customer)}
      </span>
      ${customer.tradingName ? html`<bdi class="trading">${customer.tradingName}</bdi>` : nothing}
      <span part="option-meta" class="meta">
        ${meta(this.msg('type'), this.typeName(customer, reference))}
        ${meta(this.msg('postcode'), customer.postcode ?? '—')}
        ${meta(this.msg('email'), customer.email ?? '—')}
        ${meta(this.msg('channel'), channel)}
        ${meta(this.msg('balance'), formatMoney(customer.balance, this.resolvedLocale))}
      </span>
    </li>`;
  }

  private statusText(items: CustomerSummary[]): string {
    const text = this.committedQuery.trim();
    if (text.length > 0 && text.length < this.minLength()) {
      return this.msg('minLength', { count: this.minLength(), criterion: this.msg(`criterion_${this.criterion}`) });
    }
    if (!this.searchArgs()) return '';
    if (this.searchResource.status === 'loading') return this.msg('searching');
    if (this.searchResource.status !== 'ready') return '';
    if (this.moreStatus === 'loading') return this.msg('loadingMore');
    const locale = this.resolvedLocale;
    if (items.length < this.total) {
      return this.msg('showing', { shown: formatNumber(items.length, locale), total: formatNumber(this.total, locale) });
    }
    if (this.total === 0) return this.emptyText();
    return this.msg('count_other', { count: this.total });
  }

  /** A 400 about the query itself (the server's limit is lower than ours): say so in words. */
  private serverQueryError(error: unknown): string | undefined {
    if (!isValidationError(error)) return undefined;
    const problem = error.fieldErrors.find((f) => f.field === 'q');
    if (!problem) return undefined;
    return problem.code === 'too_long' ? this.msg('queryTooLongServer') : problem.message;
  }

  private renderSearchError(error: unknown): TemplateResult {
    const said = this.serverQueryError(error);
    if (said === undefined) return renderError(this, error, () => this.retry());
    return html`<div class="ce-message ce-error" part="error" role="alert"><span>${said}</span></div>`;
  }

  private renderQueryLimit(): TemplateResult | typeof nothing {
    const where = limitState(this.query, QUERY_LIMIT);
    if (!where) return nothing;
    const locale = this.resolvedLocale;
    return renderLimit({
      id: 'input',
      value: this.query,
      limit: QUERY_LIMIT,
      locale,
      label: this.msg('queryLabel'),
      overMessage: this.msg('queryTooLong', { max: formatNumber(where.max, locale), excess: formatNumber(where.excess, locale) }),
    });
  }

  private requestCreate(): void {
    const typed = this.committedQuery.trim();
    const criterion = this.criterion;
    const prefill = criterion === 'name' || criterion === 'email' || criterion === 'postcode' ? { [criterion]: typed } : {};
    const detail: CustomerCreateRequestDetail = { query: typed, criterion, prefill };
    const event = new CustomEvent('customer-create-request', { detail, bubbles: true, composed: true, cancelable: true });
    if (this.dispatchEvent(event)) this.dismissed = true;
  }

  private emptyText(): string {
    const text = this.committedQuery.trim();
    return text ? this.msg('empty', { query: text }) : this.msg('emptyFiltered');
  }

  private renderAlphabet() {
    const pressedIndex = LETTERS.indexOf(this.initial);
    const tabbable = this.focusLetter >= 0 ? this.focusLetter : Math.max(0, pressedIndex);
    return html`<div
      role="toolbar"
      part="alphabet"
      class="alphabet"
      aria-label=${this.msg('alphabetLabel')}
      @keydown=${this.onAlphabetKeyDown}
    >
      ${LETTERS.map((letter, index) => {
        const pressed = this.initial === letter;
        return html`<button
          type="button"
          part=${pressed ? 'letter letter-pressed' : 'letter'}
          class="ce-button letter"
          tabindex=${index === tabbable ? 0 : -1}
          aria-pressed=${pressed ? 'true' : 'false'}
          aria-label=${letter === '#' ? this.msg('letterOther') : nothing}
          @click=${() => this.onLetterClick(letter, index)}
        >
          ${letter}
        </button>`;
      })}
    </div>`;
  }

  override render() {
    const reference = this.referenceResource.value;
    const items = this.items();
    const open = this.isOpen();
    const status = this.searchResource.status;
    const loading = status === 'loading';
    const error = status === 'error' ? this.searchResource.error : this.moreStatus === 'error' ? this.moreError : undefined;
    const showEmpty = open && status === 'ready' && items.length === 0 && this.total === 0;
    const showList = open && items.length > 0;
    const showError = open && error !== undefined;
    // The popup is "expanded" only when it has something in it: not an empty box while loading.
    const expanded = showList || showEmpty || showError;
    const activeId = open && this.activeIndex >= 0 && this.activeIndex < items.length ? this.optionId(this.activeIndex) : '';
    const criterionLabel = this.msg(`criterion_${this.criterion}`);

    return html`
      <div class="filters">
        <div class="field">
          <label class="ce-label" for="criterion">${this.msg('criterionLabel')}</label>
          <select
            id="criterion"
            class="ce-input"
            part="criterion-select"
            .value=${live(this.criterion)}
            @change=${this.onCriterionChange}
          >
            ${SEARCH_CRITERIA.map(
              (c) => html`<option value=${c} ?selected=${c === this.criterion}>${this.msg(`criterion_${c}`)}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label class="ce-label" for="segment">${this.msg('segmentLabel')}</label>
          <select id="segment" class="ce-input" part="segment-select" .value=${live(this.segment)} @change=${this.onSegmentChange}>
            ${SEGMENTS.map(
              (s) => html`<option value=${s} ?selected=${s === this.segment}>${this.msg(`segment_${s}`)}</option>`,
            )}
          </select>
        </div>
      </div>
      ${this.renderAlphabet()}
      <div class="combobox" @focusout=${this.onFocusOut}>
        <label for="input" class="ce-label">${this.msg('queryLabel')}</label>
        <input
          id="input"
          class="ce-input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${activeId || nothing}
          aria-invalid=${isOverLimit(this.query, QUERY_LIMIT) || this.serverQueryError(error) !== undefined ? 'true' : 'false'}
          aria-describedby=${['status', limitDescribedBy('input', this.query, QUERY_LIMIT)].filter(Boolean).join(' ')}
          placeholder=${this.placeholder || criterionLabel}
          .value=${live(this.query)}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @click=${() => (this.dismissed = false)}
        />
        ${this.renderQueryLimit()}
        <div class="popup" ?hidden=${!expanded}>
          <ul
            id="listbox"
            role="listbox"
            part="listbox"
            aria-label=${this.msg('listLabel')}
            aria-busy=${loading || this.moreStatus === 'loading' ? 'true' : 'false'}
            ?hidden=${!showList}
            @scroll=${this.onListScroll}
          >
            ${items.map((c, i) => this.renderOption(c, i, reference))}
          </ul>
          ${showEmpty
            ? html`<p part="empty" class="empty"><slot name="empty">${this.emptyText()}</slot></p>${this.offerCreate
                ? html`<button type="button" part="create-button" class="ce-button create" @click=${this.requestCreate}>${this.msg('addCustomer')}</button>`
                : nothing}`
            : nothing}
          ${showError ? this.renderSearchError(error) : nothing}
          ${showList && this.nextCursor && this.moreStatus !== 'error'
            ? html`<button
                type="button"
                part="load-more"
                class="ce-button ce-button--quiet load-more"
                ?disabled=${this.moreStatus === 'loading'}
                @mousedown=${(e: MouseEvent) => e.preventDefault()}
                @click=${this.onLoadMoreClick}
              >
                ${this.msg('loadMore')}
              </button>`
            : nothing}
        </div>
      </div>
      <div id="status" part="status" class="status" role="status" aria-live="polite">
        ${loading ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.statusText(items)}
      </div>
      ${status === 'unconfigured' ? renderConfigMessage(this) : nothing}
    `;
  }
}

function toQuery(args: SearchArgs, cursor: string | undefined): CustomerSearchQuery {
  const out: CustomerSearchQuery = { criterion: args.criterion, segment: args.segment, limit: args.limit };
  if (args.q !== undefined) out.q = args.q;
  if (args.initial !== undefined) out.initial = args.initial;
  if (cursor !== undefined) out.cursor = cursor;
  return out;
}

function meta(label: string, value: string) {
  return html`<span class="meta-item"><span class="ce-visually-hidden">${label}: </span><bdi>${value}</bdi></span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-search': CustomerSearch;
  }
  interface HTMLElementEventMap {
    'customer-select': CustomerSelectEvent;
    'customer-create-request': CustomerCreateRequestEvent;
  }
}
