/**
 * A small fixed-row-height virtualiser and a page cache for server-driven paging: the two halves of
 * a grid that shows 100,000 rows while holding a few dozen in the DOM and a few pages in memory.
 *
 * Kept deliberately small (no dependency; @lit-labs/virtualizer alone is ~16 KB gzipped): rows all
 * have one height, so which rows are visible is arithmetic, not measurement.
 */

/** The rows to render: `first`..`last` inclusive (empty when `last < first`). */
export interface RowRange {
  first: number;
  last: number;
}

export interface ViewportMetrics {
  /** Rows in the list. */
  count: number;
  /** Height of one row in CSS pixels (> 0). */
  rowHeight: number;
  /** The scroll container's `scrollTop`. */
  scrollTop: number;
  /** Height of the part of the scroll container rows show in (without a sticky header). */
  viewportHeight: number;
  /** Rows rendered beyond each edge, so that a fast scroll does not show blank space. */
  overscan?: number;
}

/** The rows that are at least partly visible, with no overscan. */
export function visibleRange({ count, rowHeight, scrollTop, viewportHeight }: ViewportMetrics): RowRange {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const first = Math.min(count - 1, Math.max(0, Math.floor(scrollTop / rowHeight)));
  const last = Math.min(count - 1, Math.max(first, Math.ceil((scrollTop + Math.max(0, viewportHeight)) / rowHeight) - 1));
  return { first, last };
}

/** The rows to render: the visible ones plus `overscan` (default 6) each side. */
export function renderRange(metrics: ViewportMetrics): RowRange {
  const { first, last } = visibleRange(metrics);
  if (last < first) return { first, last };
  const overscan = Math.max(0, metrics.overscan ?? 6);
  return { first: Math.max(0, first - overscan), last: Math.min(metrics.count - 1, last + overscan) };
}

/** How many whole rows fit in the viewport (at least 1): the step of PageUp/PageDown. */
export function rowsPerPage(rowHeight: number, viewportHeight: number): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor(viewportHeight / rowHeight));
}

/**
 * The `scrollTop` that brings row `index` fully into view, moving as little as possible;
 * `scrollTop` itself when it is in view already.
 */
export function scrollTopFor(index: number, { rowHeight, scrollTop, viewportHeight }: Omit<ViewportMetrics, 'count'>): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  const bottom = top + rowHeight;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

// -----------------------------------------------------------------------------------------------
// Pages
// -----------------------------------------------------------------------------------------------

/** What a page fetcher returns: the rows from `offset` and the total the server counts. */
export interface FetchedPage<T> {
  items: T[];
  total: number;
}

export type PageFetcher<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<FetchedPage<T>>;

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * Rows of one query, fetched a page at a time by offset, as the view needs them:
 * - `want(first, last)` fetches the pages covering those rows that are neither loaded nor loading,
 *   and aborts requests for pages no longer wanted (scrolled past);
 * - loaded pages stay cached (the view scrolls back without a request);
 * - `total` is known from the first answer;
 * - `refresh()` re-reads the loaded pages in place (after a write elsewhere), keeping them shown;
 * - while the view scrolls steadily (less than a page at a time), the next page in the direction
 *   of the scroll is fetched too, so that reading down (or up) never meets a loading row; a jump
 *   (keyboard Ctrl+End, a dragged scrollbar) fetches only where it lands;
 * - `onChange` is called whenever something the view shows changed.
 */
export class PageCache<T> {
  /** Rows matching the query, from the first answer; undefined before it. */
  total: number | undefined = undefined;
  /** The failure of the latest page request, until `retry()`. */
  error: unknown = undefined;
  /** List requests started (for tests and the bench). */
  requests = 0;

  private readonly pages = new Map<number, T[]>();
  private readonly loading = new Map<number, AbortController>();
  private wanted: RowRange & { also?: number } = { first: 0, last: -1 };
  private generation = 0;
  /**
   * The wanted rows last time, and where the view was heading (1 down, -1 up, 0 after a jump or
   * before any scroll). A scroll moves both edges one way; a resize moves only one.
   */
  private last: RowRange | undefined = undefined;
  private direction = 0;

  constructor(
    private readonly fetchPage: PageFetcher<T>,
    readonly pageSize: number,
    private readonly onChange: () => void,
    /** Loaded pages kept at most (the farthest from the view are dropped first). */
    readonly maxPages = 50,
  ) {}

  /** The row at `index`, or undefined while its page is not loaded. */
  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** True while any page request is in flight. */
  get busy(): boolean {
    return this.loading.size > 0;
  }

  /** Whether the page holding row `index` is loaded. */
  has(index: number): boolean {
    return this.pages.has(Math.floor(index / this.pageSize));
  }

  /** Fetches what rows `first`..`last` need; aborts requests for pages outside them. */
  want(first: number, last: number, also?: number): void {
    if (this.total !== undefined && last >= first) {
      const before = this.last;
      if (before) {
        const dFirst = first - before.first;
        const dLast = last - before.last;
        if (Math.abs(dFirst) >= this.pageSize) this.direction = 0;
        else if (Math.sign(dFirst) !== 0 && Math.sign(dFirst) === Math.sign(dLast)) this.direction = Math.sign(dFirst);
      }
      this.last = { first, last };
    }
    this.wanted = { first, last, ...(also === undefined ? {} : { also }) };
    const needed = this.neededPages();
    for (const [page, controller] of this.loading) {
      if (!needed.has(page)) {
        controller.abort();
        this.loading.delete(page);
      }
    }
    if (this.error !== undefined) return; // wait for retry(): a failing server is not hammered
    for (const page of needed) {
      if (!this.pages.has(page) && !this.loading.has(page)) this.load(page, false);
    }
  }

  private neededPages(): Set<number> {
    const { first, last, also } = this.wanted;
    const needed = new Set<number>();
    if (last >= first) {
      const end = this.total === undefined ? first : Math.min(last, this.total - 1);
      for (let p = Math.floor(first / this.pageSize); p <= Math.floor(Math.max(first, end) / this.pageSize); p++) needed.add(p);
      // A page ahead of a steady scroll: asked for a page before its rows come into view.
      if (this.total !== undefined && this.direction > 0) needed.add(Math.floor(Math.min(this.total - 1, end + this.pageSize) / this.pageSize));
      if (this.total !== undefined && this.direction < 0) needed.add(Math.floor(Math.max(0, first - this.pageSize) / this.pageSize));
    }
    if (also !== undefined && also >= 0) needed.add(Math.floor(also / this.pageSize));
    return needed;
  }

  /** Clears the failure and fetches the wanted pages again. */
  retry(): void {
    this.error = undefined;
    this.onChange();
    this.want(this.wanted.first, this.wanted.last, this.wanted.also);
  }

  /**
   * Re-reads the pages in view (keeping them shown until the answers arrive) and forgets the other
   * loaded pages, which are read again if the view comes back to them.
   */
  refresh(): void {
    const needed = this.neededPages();
    if (needed.size === 0) needed.add(0);
    for (const page of this.pages.keys()) if (!needed.has(page)) this.pages.delete(page);
    for (const page of needed) {
      this.loading.get(page)?.abort();
      this.loading.delete(page);
      this.load(page, this.pages.has(page));
    }
  }

  /** Forgets everything and aborts every request (the query changed). */
  reset(): void {
    this.generation++;
    for (const controller of this.loading.values()) controller.abort();
    this.loading.clear();
    this.pages.clear();
    this.total = undefined;
    this.error = undefined;
    this.wanted = { first: 0, last: -1 };
    this.last = undefined;
    this.direction = 0;
  }

  /** Keeps memory bounded on a long scroll: drops the loaded pages farthest from the view. */
  private trim(): void {
    const excess = this.pages.size - Math.max(1, this.maxPages);
    if (excess <= 0) return;
    const centre = Math.floor((this.wanted.first + Math.max(this.wanted.first, this.wanted.last)) / 2 / this.pageSize);
    const needed = this.neededPages();
    const far = [...this.pages.keys()]
      .filter((p) => !needed.has(p))
      .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
      .slice(0, excess);
    for (const p of far) this.pages.delete(p);
  }

  private load(page: number, refreshing: boolean): void {
    const controller = new AbortController();
    const generation = this.generation;
    this.loading.set(page, controller);
    this.requests++;
    const offset = page * this.pageSize;
    this.fetchPage(offset, this.pageSize, controller.signal).then(
      (result) => {
        if (generation !== this.generation || this.loading.get(page) !== controller) return;
        this.loading.delete(page);
        this.pages.set(page, result.items);
        this.trim();
        const totalChanged = this.total !== result.total;
        this.total = result.total;
        if (totalChanged && this.total !== undefined) {
          // Pages beyond the new end are gone (rows left the list after a write).
          for (const p of this.pages.keys()) if (p * this.pageSize >= this.total && p !== 0) this.pages.delete(p);
        }
        this.onChange();
        // The first answer tells how far the list goes: fetch what the view wants beyond page 0.
        if (!refreshing || totalChanged) this.want(this.wanted.first, this.wanted.last, this.wanted.also);
      },
      (error: unknown) => {
        if (generation !== this.generation || this.loading.get(page) !== controller) return;
        this.loading.delete(page);
        if (isAbort(error, controller.signal)) return;
        this.error = error;
        this.onChange();
      },
    );
  }
}
