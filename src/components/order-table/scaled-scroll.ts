/**
 * Scaled scrolling: lets a fixed-row-height list reach every row when rows × row height is taller
 * than a browser can make an element (Chromium and Safari stop at 33,554,432 px, Firefox at about
 * 17.9 million: 2,000,000 rows of 40 px are 80 million).
 *
 * Two coordinates:
 * - S, the scroll container's `scrollTop`, over a spacer capped at `maxSpacer` px;
 * - P, the position in the whole list (row i starts at i × rowHeight), from 0 to content − viewport.
 *
 * While the list fits under the cap, P = S and nothing here changes what the browser does. Beyond
 * it, P = S + offset, and the offset changes in three ways only (vaadin-grid's iron-list adapter
 * does the same with an index offset, `_vidxOffset`; this keeps a pixel offset, so rows need no
 * re-measuring):
 * 1. A small scroll (wheel, arrow keys, touch, focus moving row by row): P moves by exactly as much
 *    as S, so the rows move with the scrolled content and a wheel notch moves a few rows, never
 *    thousands.
 * 2. A large jump (dragging the thumb, a click far down the track): P goes where the thumb says,
 *    proportionally: S / maxS × maxP.
 * 3. The edges: S at 0 shows the first row, S at its end the last one. So that small scrolls never
 *    run into an edge with rows still beyond it, a small scroll that comes within `margin` of an
 *    edge re-anchors: S is moved to where the thumb honestly belongs (P's proportional place, or
 *    1:1 distance from the edge when P is that close to it), P stays, and the rows do not move.
 *
 * Rows are placed at i × rowHeight − offset inside the spacer. Every method is O(1).
 */

/**
 * The tallest spacer the grid makes (px): far under every browser's limit, and no taller than
 * 100,000 rows of 40 px, so lists up to that size scroll exactly as they always did.
 */
export const MAX_SPACER_HEIGHT = 4_000_000;

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

export class ScaledScroll {
  /** P: where the viewport's top is in the whole list (px). */
  position = 0;
  /** S: the container's `scrollTop` as last seen or set. */
  scrollTop = 0;
  private content = 0;
  private viewport = 0;

  constructor(readonly maxSpacer = MAX_SPACER_HEIGHT) {}

  /** Whether the list is taller than the spacer, so scrolling is scaled. */
  get scaled(): boolean {
    return this.content > this.maxSpacer;
  }

  /** The height to give the spacer (px). */
  get spacerHeight(): number {
    return Math.min(this.content, this.maxSpacer);
  }

  /** P − S: how far up rows are drawn from where an unscaled list would draw them (px). */
  get offset(): number {
    return this.scaled ? this.position - this.scrollTop : 0;
  }

  /** The largest P (the last row's bottom at the viewport's bottom). */
  get maxPosition(): number {
    return Math.max(0, this.content - this.viewport);
  }

  /** The largest S. */
  get maxScrollTop(): number {
    return Math.max(0, this.spacerHeight - this.viewport);
  }

  /**
   * The largest change of S read as a small scroll. A thumb moved by one pixel moves S by about
   * spacer ÷ viewport (4,000 px and more for viewports up to 1,000 px): a jump. A wheel notch, an
   * arrow key or a page of scrolling moves it by less than 1.5 viewports: a small scroll.
   */
  get jumpThreshold(): number {
    return Math.max(1_000, 1.5 * this.viewport);
  }

  /** How near an edge a small scroll may bring S before it re-anchors (more than any small scroll). */
  get margin(): number {
    return 2 * this.jumpThreshold;
  }

  /** The list's full height and the viewport's height (px) changed (or not: then nothing happens). */
  resize(contentHeight: number, viewportHeight: number): void {
    const content = Math.max(0, contentHeight);
    const viewport = Math.max(0, viewportHeight);
    if (content === this.content && viewport === this.viewport) return;
    this.content = content;
    this.viewport = viewport;
    this.position = this.scaled ? clamp(this.position, 0, this.maxPosition) : this.scrollTop;
  }

  /** Back to the top (a new query). */
  reset(): void {
    this.position = 0;
    this.scrollTop = 0;
  }

  /**
   * The container was scrolled to `scrollTop` (by the user, or by the browser clamping it).
   * Returns the `scrollTop` to set to re-anchor (then call `applied`), or undefined.
   */
  scrolled(scrollTop: number): number | undefined {
    const delta = scrollTop - this.scrollTop;
    this.scrollTop = scrollTop;
    if (!this.scaled) {
      this.position = scrollTop;
      return undefined;
    }
    if (delta === 0) return undefined; // our own scrolling, already accounted for
    const maxS = this.maxScrollTop;
    const maxP = this.maxPosition;
    // Within a pixel of an edge is the edge (the browser's own maximum may differ by a fraction).
    if (scrollTop <= 0) this.position = 0;
    else if (scrollTop >= maxS - 1) this.position = maxP;
    else if (Math.abs(delta) > this.jumpThreshold) this.position = (scrollTop / maxS) * maxP;
    else {
      this.position = clamp(this.position + delta, 0, maxP);
      return this.reanchor();
    }
    return undefined;
  }

  /** The container's `scrollTop` is now `scrollTop` (after we set it; the browser may round it). P stays. */
  applied(scrollTop: number): void {
    this.scrollTop = scrollTop;
    if (!this.scaled) this.position = scrollTop;
  }

  /**
   * Where to set `scrollTop` to bring the list to `position` (keyboard, `scrollToIndex`); call
   * `applied` with what the browser made of it. A short move scrolls like a small scroll (the
   * thumb moves as little); a long one puts the thumb where `position` proportionally is.
   */
  scrollTopFor(position: number): number {
    if (!this.scaled) return Math.max(0, position);
    const maxS = this.maxScrollTop;
    const maxP = this.maxPosition;
    const p = clamp(position, 0, maxP);
    const delta = p - this.position;
    this.position = p;
    let s: number;
    if (p <= 0) s = 0;
    else if (p >= maxP) s = maxS;
    else if (Math.abs(delta) > this.jumpThreshold) s = (p / maxP) * maxS;
    else {
      this.scrollTop = clamp(this.scrollTop + delta, 0, maxS);
      s = this.reanchor() ?? this.scrollTop;
    }
    return s;
  }

  /** After a small scroll: S moved back from an edge it came near while rows lie beyond it (see 3. above). */
  private reanchor(): number | undefined {
    const s = this.scrollTop;
    const p = this.position;
    const maxS = this.maxScrollTop;
    const maxP = this.maxPosition;
    const margin = this.margin;
    let target: number | undefined;
    if (s < margin && p > s) {
      target = Math.max((p / maxP) * maxS, Math.min(p, margin));
    } else if (maxS - s < margin && maxP - p > maxS - s) {
      const rest = maxP - p;
      target = maxS - Math.max((rest / maxP) * maxS, Math.min(rest, margin));
    }
    if (target === undefined || Math.abs(target - s) < 1) return undefined;
    return target;
  }
}
